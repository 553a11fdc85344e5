// Signalling between the two processes of the ICE example: what each side
// must tell the other before ICE and DTLS can start (the ICE credentials, its
// candidates and the fingerprint of its DTLS certificate, as an SDP offer or
// answer would), as a small text file in a directory both can read.
//
// The file is written to a temporary name and renamed into place, so a
// reader that sees the name sees the whole file.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace ice_example {

struct SessionDescription {
  std::string ice_ufrag;
  std::string ice_pwd;
  std::string fingerprint;              // "sha-256 AB:CD:..." (RFC 8122 section 5)
  std::vector<std::string> candidates;  // "candidate:..." lines (RFC 8839 section 5.1)
};

// One "key=value" per line; the candidates as repeated "candidate=" lines.
std::string serialize(const SessionDescription& d);
// nullopt (and *error set) when a field is missing or a line is malformed.
std::optional<SessionDescription> parse(const std::string& text, std::string* error);

// Writes `text` to path + ".tmp", then renames it to `path` (atomic on POSIX).
bool write_atomically(const std::string& path, const std::string& text, std::string* error);

// Calls `arrived` with the contents of `path` on the default main context
// once the file exists (every 50 ms it looks again).
void when_file_exists(const std::string& path, std::function<void(std::string)> arrived);

}  // namespace ice_example
