#include "signalling.h"

#include <glib.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>

namespace ice_example {

std::string serialize(const SessionDescription& d) {
  std::string out = "ice-ufrag=" + d.ice_ufrag + "\nice-pwd=" + d.ice_pwd +
                    "\nfingerprint=" + d.fingerprint + "\n";
  for (const auto& c : d.candidates)
    out += "candidate=" + c + "\n";
  return out;
}

std::optional<SessionDescription> parse(const std::string& text, std::string* error) {
  SessionDescription d;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const auto eq = line.find('=');
    if (eq == std::string::npos) {
      *error = "line without '=': " + line;
      return std::nullopt;
    }
    const std::string key = line.substr(0, eq), value = line.substr(eq + 1);
    if (key == "ice-ufrag") {
      d.ice_ufrag = value;
    } else if (key == "ice-pwd") {
      d.ice_pwd = value;
    } else if (key == "fingerprint") {
      d.fingerprint = value;
    } else if (key == "candidate") {
      d.candidates.push_back(value);
    } else {
      *error = "unknown key '" + key + "'";
      return std::nullopt;
    }
  }
  if (d.ice_ufrag.empty() || d.ice_pwd.empty() || d.fingerprint.empty() || d.candidates.empty()) {
    *error = "ice-ufrag, ice-pwd, fingerprint and at least one candidate are required";
    return std::nullopt;
  }
  return d;
}

bool write_atomically(const std::string& path, const std::string& text, std::string* error) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << text;
    out.close();
    if (!out) {
      *error = "cannot write " + tmp;
      return false;
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    *error = "cannot rename " + tmp + " to " + path;
    return false;
  }
  return true;
}

void when_file_exists(const std::string& path, std::function<void(std::string)> arrived) {
  struct Watch {
    std::string path;
    std::function<void(std::string)> arrived;
  };
  auto* watch = new Watch{path, std::move(arrived)};
  g_timeout_add_full(
      G_PRIORITY_DEFAULT, 50,
      [](gpointer data) -> gboolean {
        auto* w = static_cast<Watch*>(data);
        gchar* contents = nullptr;
        if (!g_file_get_contents(w->path.c_str(), &contents, nullptr, nullptr))
          return G_SOURCE_CONTINUE;
        std::string text(contents);
        g_free(contents);
        w->arrived(std::move(text));
        return G_SOURCE_REMOVE;
      },
      watch, [](gpointer data) { delete static_cast<Watch*>(data); });
}

}  // namespace ice_example
