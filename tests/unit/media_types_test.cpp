#include <twitter/media/types.hpp>

#include "print_error_enums.hpp"

#include <boost/test/unit_test.hpp>

#include <sstream>
#include <string>

BOOST_AUTO_TEST_SUITE(media_types)

BOOST_AUTO_TEST_CASE(media_errors_have_their_own_category_and_messages) {
    twitter::error_code const ec = twitter::media_errc::processing_timeout;
    BOOST_TEST(ec.category().name() == std::string("twitter.media"));
    BOOST_TEST(ec.message() == "media processing did not finish in time");
    BOOST_TEST(ec != twitter::error_code(twitter::protocol_errc::malformed_json));
    for (int v = 1; v <= 7; ++v)
        BOOST_TEST(twitter::error_code(v, twitter::media_category()).message() != "unknown twitter.media error");
    BOOST_TEST(twitter::error_code(99, twitter::media_category()).message() == "unknown twitter.media error");
}

BOOST_AUTO_TEST_CASE(processing_states_print_as_x_spells_them) {
    std::ostringstream os;
    os << twitter::processing_state::in_progress << ' ' << twitter::processing_state::succeeded;
    BOOST_TEST(os.str() == "in_progress succeeded");
    BOOST_TEST(twitter::to_string(twitter::processing_state::pending) == "pending");
    BOOST_TEST(twitter::to_string(twitter::processing_state::failed) == "failed");
}

BOOST_AUTO_TEST_CASE(sources_know_what_they_hold) {
    auto const bytes = twitter::media_source::from_bytes(std::string("abc"), "a.png");
    BOOST_TEST(!bytes.is_file());
    BOOST_TEST_REQUIRE(bytes.bytes() != nullptr);
    BOOST_TEST(*bytes.bytes() == "abc");
    BOOST_TEST(bytes.filename() == "a.png");
    BOOST_TEST(bytes.path().empty());

    auto const file = twitter::media_source::from_file("/videos/clip.mp4");
    BOOST_TEST(file.is_file());
    BOOST_TEST(file.bytes() == nullptr);
    BOOST_TEST(file.filename() == "clip.mp4");
    BOOST_TEST(file.path() == std::filesystem::path("/videos/clip.mp4"));

    auto const shared = std::make_shared<std::string const>("xyz");
    auto const view = twitter::media_source::from_bytes(shared);
    BOOST_TEST(view.bytes().get() == shared.get());
    BOOST_TEST(view.filename() == "media");
}

BOOST_AUTO_TEST_SUITE_END()
