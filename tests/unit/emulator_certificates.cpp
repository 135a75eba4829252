#include "emulator/certificates.hpp"

#include <boost/test/unit_test.hpp>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

using twitter::emulator::detail::certificate_bundle;
using twitter::emulator::detail::generate_certificates;

namespace {

template <auto Free>
struct deleter {
    template <class T>
    void operator()(T* p) const noexcept {
        Free(p);
    }
};
using x509_ptr = std::unique_ptr<X509, deleter<X509_free>>;
using pkey_ptr = std::unique_ptr<EVP_PKEY, deleter<EVP_PKEY_free>>;
using store_ptr = std::unique_ptr<X509_STORE, deleter<X509_STORE_free>>;
using store_ctx_ptr = std::unique_ptr<X509_STORE_CTX, deleter<X509_STORE_CTX_free>>;
using names_ptr = std::unique_ptr<GENERAL_NAMES, deleter<GENERAL_NAMES_free>>;

x509_ptr load_cert(std::string const& pem) {
    std::unique_ptr<BIO, deleter<BIO_free>> bio{BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()))};
    return x509_ptr{PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)};
}

pkey_ptr load_key(std::string const& pem) {
    std::unique_ptr<BIO, deleter<BIO_free>> bio{BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()))};
    return pkey_ptr{PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr)};
}

// Verifies `cert` against `ca` as a TLS client would, for the host name or IP address `host`.
int verify(X509* ca, X509* cert, std::string const& host, bool ip) {
    store_ptr store{X509_STORE_new()};
    X509_STORE_add_cert(store.get(), ca);
    store_ctx_ptr ctx{X509_STORE_CTX_new()};
    X509_STORE_CTX_init(ctx.get(), store.get(), cert, nullptr);
    X509_STORE_CTX_set_purpose(ctx.get(), X509_PURPOSE_SSL_SERVER);
    auto* param = X509_STORE_CTX_get0_param(ctx.get());
    if (ip) {
        X509_VERIFY_PARAM_set1_ip_asc(param, host.c_str());
    } else {
        X509_VERIFY_PARAM_set1_host(param, host.c_str(), host.size());
    }
    return X509_verify_cert(ctx.get()) == 1 ? X509_V_OK : X509_STORE_CTX_get_error(ctx.get());
}

std::vector<std::string> san_entries(X509* cert) {
    names_ptr names{
        static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(cert, NID_subject_alt_name, nullptr, nullptr))};
    std::vector<std::string> out;
    for (int i = 0; names && i < sk_GENERAL_NAME_num(names.get()); ++i) {
        auto const* name = sk_GENERAL_NAME_value(names.get(), i);
        if (name->type == GEN_DNS) {
            auto const* s = name->d.dNSName;
            out.push_back("DNS:" + std::string(reinterpret_cast<char const*>(ASN1_STRING_get0_data(s)),
                                               static_cast<std::size_t>(ASN1_STRING_length(s))));
        } else if (name->type == GEN_IPADD) {
            out.push_back("IP:" + std::to_string(ASN1_STRING_length(name->d.iPAddress)) + "bytes");
        }
    }
    return out;
}

struct fixture {
    certificate_bundle bundle = generate_certificates({"localhost", "127.0.0.1", "::1", "emulator.test"});
    x509_ptr ca = load_cert(bundle.ca_pem);
    x509_ptr cert = load_cert(bundle.cert_pem);
};

}  // namespace

BOOST_AUTO_TEST_SUITE(emulator_certificates)

BOOST_FIXTURE_TEST_CASE(pems_load_back, fixture) {
    BOOST_TEST_REQUIRE(ca != nullptr);
    BOOST_TEST_REQUIRE(cert != nullptr);
    auto const key = load_key(bundle.key_pem);
    BOOST_TEST_REQUIRE(key != nullptr);
    BOOST_TEST(X509_check_private_key(cert.get(), key.get()) == 1);
    BOOST_TEST(EVP_PKEY_get_bits(key.get()) == 256);
    BOOST_TEST(bundle.key_pem.starts_with("-----BEGIN PRIVATE KEY-----"));
}

BOOST_FIXTURE_TEST_CASE(server_certificate_verifies_against_the_ca, fixture) {
    BOOST_TEST(verify(ca.get(), cert.get(), "localhost", false) == X509_V_OK);
    BOOST_TEST(verify(ca.get(), cert.get(), "emulator.test", false) == X509_V_OK);
    BOOST_TEST(verify(ca.get(), cert.get(), "127.0.0.1", true) == X509_V_OK);
    BOOST_TEST(verify(ca.get(), cert.get(), "::1", true) == X509_V_OK);
    BOOST_TEST(verify(ca.get(), cert.get(), "example.com", false) == X509_V_ERR_HOSTNAME_MISMATCH);
    BOOST_TEST(verify(ca.get(), cert.get(), "127.0.0.2", true) == X509_V_ERR_IP_ADDRESS_MISMATCH);
}

BOOST_FIXTURE_TEST_CASE(another_ca_does_not_vouch_for_it, fixture) {
    auto const other = generate_certificates({"localhost"});
    auto const other_ca = load_cert(other.ca_pem);
    BOOST_TEST(verify(other_ca.get(), cert.get(), "localhost", false) != X509_V_OK);
    BOOST_TEST(other.ca_pem != bundle.ca_pem);
    BOOST_TEST(other.key_pem != bundle.key_pem);
}

BOOST_FIXTURE_TEST_CASE(subject_alt_names_split_ip_and_dns, fixture) {
    auto const entries = san_entries(cert.get());
    std::vector<std::string> const expected{"DNS:localhost", "IP:4bytes", "IP:16bytes", "DNS:emulator.test"};
    BOOST_TEST(entries == expected, boost::test_tools::per_element());
}

BOOST_FIXTURE_TEST_CASE(ca_and_server_roles, fixture) {
    BOOST_TEST(X509_check_ca(ca.get()) == 1);
    BOOST_TEST(X509_check_ca(cert.get()) == 0);
    BOOST_TEST((X509_get_key_usage(ca.get()) & KU_KEY_CERT_SIGN) != 0u);
    BOOST_TEST((X509_get_extended_key_usage(cert.get()) & XKU_SSL_SERVER) != 0u);
    BOOST_TEST(X509_check_issued(ca.get(), cert.get()) == X509_V_OK);
    int crit = 0;
    auto* bc =
        static_cast<BASIC_CONSTRAINTS*>(X509_get_ext_d2i(ca.get(), NID_basic_constraints, &crit, nullptr));
    BOOST_TEST_REQUIRE(bc != nullptr);
    BOOST_TEST(bc->ca != 0);
    BOOST_TEST(crit == 1);
    BASIC_CONSTRAINTS_free(bc);
}

BOOST_FIXTURE_TEST_CASE(valid_now_for_about_a_day, fixture) {
    for (X509* c : {ca.get(), cert.get()}) {
        BOOST_TEST(X509_cmp_current_time(X509_get0_notBefore(c)) < 0);
        BOOST_TEST(X509_cmp_current_time(X509_get0_notAfter(c)) > 0);
        int days = 0;
        int seconds = 0;
        BOOST_TEST_REQUIRE(ASN1_TIME_diff(&days, &seconds, X509_get0_notBefore(c), X509_get0_notAfter(c)) ==
                           1);
        BOOST_TEST(days * 86400 + seconds == 25 * 3600);
    }
}

BOOST_AUTO_TEST_CASE(no_names_is_an_error) {
    BOOST_CHECK_THROW(generate_certificates({}), std::runtime_error);
}

BOOST_AUTO_TEST_SUITE_END()
