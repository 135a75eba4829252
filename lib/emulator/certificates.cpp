#include "emulator/certificates.hpp"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <arpa/inet.h>

#include <memory>
#include <stdexcept>

namespace twitter::emulator::detail {

namespace {

template <auto Free>
struct deleter {
    template <class T>
    void operator()(T* p) const noexcept {
        Free(p);
    }
};
using pkey_ptr = std::unique_ptr<EVP_PKEY, deleter<EVP_PKEY_free>>;
using x509_ptr = std::unique_ptr<X509, deleter<X509_free>>;
using bio_ptr = std::unique_ptr<BIO, deleter<BIO_free>>;
using bn_ptr = std::unique_ptr<BIGNUM, deleter<BN_free>>;
using ext_ptr = std::unique_ptr<X509_EXTENSION, deleter<X509_EXTENSION_free>>;

[[noreturn]] void fail(char const* what) {
    throw std::runtime_error(std::string("twitter emulator: certificate generation failed in ") + what);
}

void require(bool ok, char const* what) {
    if (!ok) {
        fail(what);
    }
}

pkey_ptr make_key() {
    pkey_ptr key{EVP_EC_gen("P-256")};
    require(key != nullptr, "EVP_EC_gen");
    return key;
}

bool is_ip_literal(std::string const& name) {
    unsigned char buf[16];
    return inet_pton(AF_INET, name.c_str(), buf) == 1 || inet_pton(AF_INET6, name.c_str(), buf) == 1;
}

// Adds an extension written in openssl.cnf syntax; `issuer` provides the authority key identifier.
void add_extension(X509* cert, X509* issuer, int nid, std::string const& value) {
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    ext_ptr ext{X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.c_str())};
    require(ext != nullptr, "X509V3_EXT_conf_nid");
    require(X509_add_ext(cert, ext.get(), -1) == 1, "X509_add_ext");
}

// A certificate with everything but extensions and signature: v3, random 127-bit serial, an hour of slack
// for clocks that disagree, a day of validity.
x509_ptr make_certificate(EVP_PKEY* key, char const* common_name) {
    x509_ptr cert{X509_new()};
    require(cert != nullptr, "X509_new");
    require(X509_set_version(cert.get(), X509_VERSION_3) == 1, "X509_set_version");

    bn_ptr serial{BN_new()};
    require(serial != nullptr && BN_rand(serial.get(), 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) == 1,
            "BN_rand");
    require(BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert.get())) != nullptr,
            "BN_to_ASN1_INTEGER");

    require(X509_gmtime_adj(X509_getm_notBefore(cert.get()), -60 * 60) != nullptr, "X509_gmtime_adj");
    require(X509_gmtime_adj(X509_getm_notAfter(cert.get()), 24 * 60 * 60) != nullptr, "X509_gmtime_adj");
    require(X509_set_pubkey(cert.get(), key) == 1, "X509_set_pubkey");

    X509_NAME* subject = X509_get_subject_name(cert.get());
    require(X509_NAME_add_entry_by_txt(subject, "O", MBSTRING_ASC,
                                       reinterpret_cast<unsigned char const*>("twitter-asio emulator"), -1,
                                       -1, 0) == 1,
            "X509_NAME_add_entry_by_txt");
    require(X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_UTF8,
                                       reinterpret_cast<unsigned char const*>(common_name), -1, -1, 0) == 1,
            "X509_NAME_add_entry_by_txt");
    return cert;
}

std::string to_pem(X509* cert) {
    bio_ptr bio{BIO_new(BIO_s_mem())};
    require(bio != nullptr && PEM_write_bio_X509(bio.get(), cert) == 1, "PEM_write_bio_X509");
    char* data = nullptr;
    auto const size = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<std::size_t>(size));
}

std::string to_pem(EVP_PKEY* key) {
    bio_ptr bio{BIO_new(BIO_s_mem())};
    require(bio != nullptr &&
                PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) == 1,
            "PEM_write_bio_PrivateKey");
    char* data = nullptr;
    auto const size = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<std::size_t>(size));
}

}  // namespace

certificate_bundle generate_certificates(std::vector<std::string> const& names) {
    if (names.empty()) {
        fail("its arguments: no certificate names");
    }

    auto const ca_key = make_key();
    auto const ca = make_certificate(ca_key.get(), "twitter-asio emulator CA");
    require(X509_set_issuer_name(ca.get(), X509_get_subject_name(ca.get())) == 1, "X509_set_issuer_name");
    add_extension(ca.get(), ca.get(), NID_basic_constraints, "critical,CA:TRUE");
    add_extension(ca.get(), ca.get(), NID_key_usage, "critical,keyCertSign,cRLSign");
    add_extension(ca.get(), ca.get(), NID_subject_key_identifier, "hash");
    require(X509_sign(ca.get(), ca_key.get(), EVP_sha256()) > 0, "X509_sign");

    auto const key = make_key();
    auto const cert = make_certificate(key.get(), names.front().c_str());
    require(X509_set_issuer_name(cert.get(), X509_get_subject_name(ca.get())) == 1, "X509_set_issuer_name");
    std::string san;
    for (auto const& name : names) {
        san += san.empty() ? "" : ",";
        san += is_ip_literal(name) ? "IP:" : "DNS:";
        san += name;
    }
    add_extension(cert.get(), ca.get(), NID_basic_constraints, "critical,CA:FALSE");
    add_extension(cert.get(), ca.get(), NID_key_usage, "critical,digitalSignature");
    add_extension(cert.get(), ca.get(), NID_ext_key_usage, "serverAuth");
    add_extension(cert.get(), ca.get(), NID_subject_alt_name, san);
    add_extension(cert.get(), ca.get(), NID_subject_key_identifier, "hash");
    add_extension(cert.get(), ca.get(), NID_authority_key_identifier, "keyid:always");
    require(X509_sign(cert.get(), ca_key.get(), EVP_sha256()) > 0, "X509_sign");

    return {to_pem(ca.get()), to_pem(cert.get()), to_pem(key.get())};
}

}  // namespace twitter::emulator::detail
