#include "core/digest.hpp"

#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <string>
#include <thread>
#include <vector>

BOOST_AUTO_TEST_SUITE(core_digest)

namespace core = twitter::core;

namespace {

template <class Digest>
std::string hex(Digest const& d) {
    std::string out;
    for (unsigned char const b : d) {
        char two[3];
        std::snprintf(two, sizeof two, "%02x", b);
        out += two;
    }
    return out;
}

}  // namespace

// RFC 2202 section 3.
BOOST_AUTO_TEST_CASE(hmac_sha1_matches_rfc2202) {
    BOOST_TEST(hex(*core::hmac_sha1(std::string(20, '\x0b'), "Hi There")) ==
               "b617318655057264e28bc0b6fb378c8ef146be00");
    BOOST_TEST(hex(*core::hmac_sha1("Jefe", "what do ya want for nothing?")) ==
               "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
    BOOST_TEST(hex(*core::hmac_sha1(std::string(80, '\xaa'),
                                    "Test Using Larger Than Block-Size Key - Hash Key First")) ==
               "aa4ae5e15272d00e95705637ce8a3b55ed402112");
}

BOOST_AUTO_TEST_CASE(hmac_sha1_accepts_an_empty_key_and_message) {
    BOOST_TEST(hex(*core::hmac_sha1("", "")) == "fbdb1d1b18aa6c08324b7d64b71fb76370690e1d");
}

BOOST_AUTO_TEST_CASE(hmac_sha1_rekeys_between_calls) {
    auto const first = core::hmac_sha1("key one", "message");
    auto const second = core::hmac_sha1("key two", "message");
    auto const again = core::hmac_sha1("key one", "message");
    BOOST_TEST((*first != *second));
    BOOST_TEST((*first == *again));
}

BOOST_AUTO_TEST_CASE(hmac_sha1_gives_the_same_answer_on_every_thread) {
    auto const expected = *core::hmac_sha1("Jefe", "what do ya want for nothing?");
    std::vector<int> ok(4, 0);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < ok.size(); ++t) {
        threads.emplace_back([&ok, &expected, t] {
            for (int i = 0; i < 200; ++i) {
                auto const d = core::hmac_sha1("Jefe", "what do ya want for nothing?");
                ok[t] += d.has_value() && *d == expected;
            }
        });
    }
    for (auto& t : threads) t.join();
    for (int const n : ok) BOOST_TEST(n == 200);
}

// FIPS 180-4 examples.
BOOST_AUTO_TEST_CASE(sha1_matches_fips_examples) {
    BOOST_TEST(hex(*core::sha1("abc")) == "a9993e364706816aba3e25717850c26c9cd0d89d");
    BOOST_TEST(hex(*core::sha1("")) == "da39a3ee5e6b4b0d3255bfef95601890afd80709");
}

BOOST_AUTO_TEST_CASE(hmac_of_a_long_key_equals_hmac_of_its_sha1) {
    // RFC 2104 section 2, which the OAuth 1.0a signer relies on to hash its key once.
    std::string const key(100, 'k');
    auto const hashed = core::sha1(key);
    std::string const short_key(hashed->begin(), hashed->end());
    BOOST_TEST((*core::hmac_sha1(key, "message") == *core::hmac_sha1(short_key, "message")));
}

BOOST_AUTO_TEST_CASE(sha256_matches_fips_examples) {
    BOOST_TEST(hex(*core::sha256("abc")) ==
               "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    BOOST_TEST(hex(*core::sha256("")) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

BOOST_AUTO_TEST_SUITE_END()
