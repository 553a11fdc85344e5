// The fingerprint of a DTLS certificate as SDP signals it (RFC 8122 section
// 5): the SHA-256 of its DER encoding, as upper-case hex pairs joined by ':',
// after the hash name. Both sides put their own in the signalling and compare
// the certificate the peer presents in the handshake against it (RFC 8842
// section 5), which is what binds the DTLS session to the signalling.
#pragma once

#include <string>

namespace ice_example {

// "sha-256 AB:CD:..." for the first certificate in `pem`; empty when `pem`
// holds no decodable certificate.
std::string certificate_fingerprint(const std::string& pem);

}  // namespace ice_example
