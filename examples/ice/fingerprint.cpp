#include "fingerprint.h"

#include <glib.h>

#include <cstdio>

namespace ice_example {

std::string certificate_fingerprint(const std::string& pem) {
  static constexpr const char* kBegin = "-----BEGIN CERTIFICATE-----";
  static constexpr const char* kEnd = "-----END CERTIFICATE-----";
  const auto begin = pem.find(kBegin);
  if (begin == std::string::npos) return {};
  const auto body = begin + std::char_traits<char>::length(kBegin);
  const auto end = pem.find(kEnd, body);
  if (end == std::string::npos) return {};
  const std::string base64 = pem.substr(body, end - body);
  gsize der_len = 0;
  guchar* der = g_base64_decode(base64.c_str(), &der_len);  // skips the line breaks
  if (der == nullptr || der_len == 0) {
    g_free(der);
    return {};
  }
  GChecksum* sha = g_checksum_new(G_CHECKSUM_SHA256);
  g_checksum_update(sha, der, der_len);
  guint8 digest[32];
  gsize digest_len = sizeof digest;
  g_checksum_get_digest(sha, digest, &digest_len);
  g_checksum_free(sha);
  g_free(der);
  std::string out = "sha-256 ";
  for (gsize i = 0; i < digest_len; ++i) {
    char hex[4];
    std::snprintf(hex, sizeof hex, i == 0 ? "%02X" : ":%02X", digest[i]);
    out += hex;
  }
  return out;
}

}  // namespace ice_example
