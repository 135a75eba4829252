#ifndef TWITTER_LIB_EMULATOR_CERTIFICATES_HPP
#define TWITTER_LIB_EMULATOR_CERTIFICATES_HPP

#include <string>
#include <vector>

namespace twitter::emulator::detail {

struct certificate_bundle {
    std::string ca_pem;    // the self-signed CA that clients trust
    std::string cert_pem;  // the server certificate, signed by the CA
    std::string key_pem;   // the server's private key (PKCS #8); it only ever lives in memory
};

// Makes a fresh CA and a server certificate for `names` (IP literals become IP: entries of the
// subjectAltName, everything else DNS:). P-256 keys, SHA-256 signatures, valid from an hour ago for a day.
// Throws std::runtime_error when OpenSSL fails or `names` is empty.
certificate_bundle generate_certificates(std::vector<std::string> const& names);

}  // namespace twitter::emulator::detail

#endif
