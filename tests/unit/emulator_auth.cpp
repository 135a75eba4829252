#include "emulator/auth.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <set>

using namespace twitter::emulator::detail;

BOOST_AUTO_TEST_SUITE(emulator_auth)

BOOST_AUTO_TEST_CASE(random_tokens_are_base64url_and_distinct) {
    std::set<std::string> seen;
    for (int i = 0; i < 50; ++i) {
        auto const t = random_token();
        BOOST_TEST(t.size() == 43u);  // 32 bytes, unpadded
        BOOST_TEST(std::all_of(t.begin(), t.end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
        }));
        seen.insert(t);
    }
    BOOST_TEST(seen.size() == 50u);
    BOOST_TEST(random_token(1).size() == 2u);
    BOOST_TEST(random_token(2).size() == 3u);
}

BOOST_AUTO_TEST_CASE(bearer_scheme_is_case_insensitive_and_token_exact) {
    credential_store store;
    auto const app = store.add_app_token();
    BOOST_TEST(store.authenticate("Bearer " + app) != nullptr);
    BOOST_TEST(store.authenticate("bearer " + app) != nullptr);
    BOOST_TEST(store.authenticate("Bearer " + app + "x") == nullptr);
    BOOST_TEST(store.authenticate("Basic " + app) == nullptr);
    BOOST_TEST(store.authenticate(app) == nullptr);
    BOOST_TEST(store.authenticate("Bearer ") == nullptr);
    BOOST_TEST(store.authenticate("") == nullptr);
}

BOOST_AUTO_TEST_CASE(user_tokens_carry_user_and_scopes) {
    credential_store store;
    auto const token = store.add_user_token("2244994945", {"tweet.read", "tweet.write"});
    auto const* who = store.authenticate("Bearer " + token);
    BOOST_TEST_REQUIRE(who != nullptr);
    BOOST_TEST((who->what == principal::kind::user));
    BOOST_TEST(who->user_id == "2244994945");
    BOOST_TEST(who->scopes.size() == 2u);
}

BOOST_AUTO_TEST_CASE(check_applies_requirements) {
    principal const app{};
    principal const reader{principal::kind::user, "1", {"tweet.read"}};
    principal const writer{principal::kind::user, "1", {"tweet.read", "tweet.write"}};
    auth_requirement const anyone{};
    auth_requirement const user_only{true, {}};
    auth_requirement const write{true, {"tweet.write"}};

    BOOST_TEST((check(nullptr, anyone) == auth_outcome::unauthorized));
    BOOST_TEST((check(&app, anyone) == auth_outcome::ok));
    BOOST_TEST((check(&app, user_only) == auth_outcome::app_only_refused));
    BOOST_TEST((check(&reader, user_only) == auth_outcome::ok));
    BOOST_TEST((check(&reader, write) == auth_outcome::missing_scope));
    BOOST_TEST((check(&writer, write) == auth_outcome::ok));
}

BOOST_AUTO_TEST_SUITE_END()
