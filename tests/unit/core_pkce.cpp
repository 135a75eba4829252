#include "core/pkce.hpp"

#include "core/errc.hpp"
#include "core_vectors.hpp"

#include <boost/test/unit_test.hpp>

#include <set>
#include <string>
#include <vector>

BOOST_AUTO_TEST_SUITE(core_pkce)

namespace core = twitter::core;
using core::core_errc;

BOOST_AUTO_TEST_CASE(shared_vectors_match_byte_for_byte) {
    int checked = 0;
    for (auto const& v : core::test::vector_list("pkce")) {
        BOOST_TEST_CONTEXT(core::test::text(v.at("name"))) {
            BOOST_TEST_REQUIRE(core::test::text(v.at("method")) == "S256");
            std::vector<unsigned char> octets;
            for (auto const& o : v.at("random_octets").as_array())
                octets.push_back(static_cast<unsigned char>(o.to_number<int>()));
            auto const verifier = core::code_verifier_from_octets(octets);
            BOOST_TEST_REQUIRE(verifier.has_value());
            BOOST_TEST(*verifier == core::test::text(v.at("code_verifier")));
            auto const challenge = core::code_challenge_s256(core::test::text(v.at("code_verifier")));
            BOOST_TEST_REQUIRE(challenge.has_value());
            BOOST_TEST(*challenge == core::test::text(v.at("code_challenge")));
        }
        ++checked;
    }
    BOOST_TEST(checked > 0);
}

BOOST_AUTO_TEST_CASE(default_verifier_is_valid_and_64_characters) {
    auto const verifier = core::make_code_verifier();
    BOOST_TEST_REQUIRE(verifier.has_value());
    BOOST_TEST(verifier->size() == 64u);
    BOOST_TEST(core::is_valid_code_verifier(*verifier));
    BOOST_TEST(core::code_challenge_s256(*verifier).has_value());
}

BOOST_AUTO_TEST_CASE(verifier_length_bounds_are_43_and_128) {
    BOOST_TEST(core::make_code_verifier(43)->size() == 43u);
    BOOST_TEST(core::make_code_verifier(128)->size() == 128u);
    for (std::size_t bad : {std::size_t{0}, std::size_t{42}, std::size_t{129}, std::size_t{100000}}) {
        auto const r = core::make_code_verifier(bad);
        BOOST_TEST_REQUIRE(r.has_error());
        BOOST_TEST((r.error() == core_errc::invalid_code_verifier));
    }
    BOOST_TEST(!core::is_valid_code_verifier(std::string(42, 'a')));
    BOOST_TEST(core::is_valid_code_verifier(std::string(43, 'a')));
    BOOST_TEST(core::is_valid_code_verifier(std::string(128, 'a')));
    BOOST_TEST(!core::is_valid_code_verifier(std::string(129, 'a')));
}

BOOST_AUTO_TEST_CASE(verifier_charset_is_the_unreserved_set) {
    std::string const good = "ABCXYZabcxyz0123456789-._~" + std::string(17, 'q');
    BOOST_TEST(core::is_valid_code_verifier(good));
    for (char bad : {'+', '/', '=', ' ', '%', '\0', '\xC3'}) {
        std::string v = good;
        v[5] = bad;
        BOOST_TEST_CONTEXT(static_cast<int>(bad)) {
            BOOST_TEST(!core::is_valid_code_verifier(v));
            auto const challenge = core::code_challenge_s256(v);
            BOOST_TEST_REQUIRE(challenge.has_error());
            BOOST_TEST((challenge.error() == core_errc::invalid_code_verifier));
        }
    }
}

BOOST_AUTO_TEST_CASE(verifier_from_too_few_or_too_many_octets_is_rejected) {
    BOOST_TEST(core::code_verifier_from_octets(std::vector<unsigned char>(31, 1)).has_error());
    BOOST_TEST(core::code_verifier_from_octets(std::vector<unsigned char>(32, 1)).has_value());
    BOOST_TEST(core::code_verifier_from_octets(std::vector<unsigned char>(96, 1)).has_value());
    BOOST_TEST(core::code_verifier_from_octets(std::vector<unsigned char>(97, 1)).has_error());
}

BOOST_AUTO_TEST_CASE(challenge_is_unpadded_base64url_of_43_characters) {
    auto const challenge = core::code_challenge_s256(*core::make_code_verifier());
    BOOST_TEST_REQUIRE(challenge.has_value());
    BOOST_TEST(challenge->size() == 43u);
    BOOST_TEST(challenge->find_first_of("+/=") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(verifiers_and_states_are_unique) {
    std::set<std::string> verifiers, states;
    for (int i = 0; i < 500; ++i) {
        verifiers.insert(*core::make_code_verifier());
        states.insert(*core::make_state());
    }
    BOOST_TEST(verifiers.size() == 500u);
    BOOST_TEST(states.size() == 500u);
}

BOOST_AUTO_TEST_CASE(state_is_43_url_safe_characters) {
    auto const state = core::make_state();
    BOOST_TEST_REQUIRE(state.has_value());
    BOOST_TEST(state->size() == 43u);
    BOOST_TEST(core::is_valid_code_verifier(*state));  // the same url-safe charset
}

BOOST_AUTO_TEST_SUITE_END()
