#include "media/media_type.hpp"

#include <boost/test/unit_test.hpp>

#include <string>

BOOST_AUTO_TEST_SUITE(media_type)

namespace {
using namespace std::string_literals;
using twitter::upload_method;
using twitter::media::api_version;
using twitter::media::choose_upload_method;
using twitter::media::sniff_media_type;
constexpr std::uint64_t mib = 1024 * 1024;
}  // namespace

BOOST_AUTO_TEST_CASE(default_categories_follow_the_type) {
    using twitter::default_media_category;
    BOOST_TEST(default_media_category("image/gif") == "tweet_gif");
    BOOST_TEST(default_media_category("IMAGE/GIF") == "tweet_gif");
    BOOST_TEST(default_media_category("image/png") == "tweet_image");
    BOOST_TEST(default_media_category("image/jpeg") == "tweet_image");
    BOOST_TEST(default_media_category("video/mp4") == "tweet_video");
    BOOST_TEST(default_media_category("video/quicktime; codecs=x") == "tweet_video");
    BOOST_TEST(default_media_category("text/srt").empty());
    BOOST_TEST(default_media_category("").empty());
    BOOST_TEST(default_media_category("imagex/png").empty());
}

BOOST_AUTO_TEST_CASE(types_are_recognised_from_their_first_bytes) {
    BOOST_TEST(sniff_media_type("\x89PNG\r\n\x1a\n\0\0\0\rIHDR"s) == "image/png");
    BOOST_TEST(sniff_media_type("\xff\xd8\xff\xe0\0\x10JFIF"s) == "image/jpeg");
    BOOST_TEST(sniff_media_type("GIF89a\x40\x01") == "image/gif");
    BOOST_TEST(sniff_media_type("GIF87a") == "image/gif");
    BOOST_TEST(sniff_media_type("RIFF\x10\0\0\0WEBPVP8 "s) == "image/webp");
    BOOST_TEST(sniff_media_type("BM\x36\0\0\0\0\0\0\0\x36\0\0\0"s) == "image/bmp");
    BOOST_TEST(sniff_media_type("II*\0\x08\0\0\0"s) == "image/tiff");
    BOOST_TEST(sniff_media_type("\0\0\0\x20" "ftypisom\0\0\x02\0"s) == "video/mp4");
    BOOST_TEST(sniff_media_type("\0\0\0\x14" "ftypqt  \0\0\0\0"s) == "video/quicktime");
    BOOST_TEST(sniff_media_type("RIFF\x10\0\0\0WAVE"s).empty());
    BOOST_TEST(sniff_media_type("hello world").empty());
    BOOST_TEST(sniff_media_type("").empty());
    BOOST_TEST(sniff_media_type("\x89PN").empty());
}

BOOST_AUTO_TEST_CASE(types_are_recognised_from_the_extension) {
    using twitter::media::media_type_for_filename;
    BOOST_TEST(media_type_for_filename("clip.MP4") == "video/mp4");
    BOOST_TEST(media_type_for_filename("a.b.jpeg") == "image/jpeg");
    BOOST_TEST(media_type_for_filename("movie.mov") == "video/quicktime");
    BOOST_TEST(media_type_for_filename("anim.gif") == "image/gif");
    BOOST_TEST(media_type_for_filename("notes.txt").empty());
    BOOST_TEST(media_type_for_filename("media").empty());
}

BOOST_AUTO_TEST_CASE(automatic_v1_sends_small_images_in_one_request_as_tweepy_does) {
    BOOST_TEST((choose_upload_method(upload_method::automatic, api_version::v1, "image/png", 3844) ==
                upload_method::simple));
    // testmediauploadgif.json: Tweepy sent a 1 MB GIF as a simple upload.
    BOOST_TEST((choose_upload_method(upload_method::automatic, api_version::v1, "image/gif", 1021636) ==
                upload_method::simple));
    BOOST_TEST((choose_upload_method(upload_method::automatic, api_version::v1, "image/png", 5 * mib) ==
                upload_method::simple));
    BOOST_TEST((choose_upload_method(upload_method::automatic, api_version::v1, "image/png", 5 * mib + 1) ==
                upload_method::chunked));
    BOOST_TEST((choose_upload_method(upload_method::automatic, api_version::v1, "video/mp4", 10) ==
                upload_method::chunked));
}

BOOST_AUTO_TEST_CASE(automatic_v2_sends_gifs_in_chunks) {
    BOOST_TEST((choose_upload_method(upload_method::automatic, api_version::v2, "image/jpeg", mib) ==
                upload_method::simple));
    BOOST_TEST((choose_upload_method(upload_method::automatic, api_version::v2, "image/gif", mib) ==
                upload_method::chunked));
    BOOST_TEST((choose_upload_method(upload_method::automatic, api_version::v2, "video/mp4", mib) ==
                upload_method::chunked));
}

BOOST_AUTO_TEST_CASE(an_explicit_method_is_kept) {
    BOOST_TEST((choose_upload_method(upload_method::chunked, api_version::v1, "image/png", 10) ==
                upload_method::chunked));
    BOOST_TEST((choose_upload_method(upload_method::simple, api_version::v2, "video/mp4", 10 * mib) ==
                upload_method::simple));
}

BOOST_AUTO_TEST_SUITE_END()
