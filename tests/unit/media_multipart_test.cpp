#include "media/multipart.hpp"

#include "media_test_support.hpp"
#include "print_error_enums.hpp"

#include <boost/test/unit_test.hpp>

#include <set>
#include <string>
#include <vector>

BOOST_AUTO_TEST_SUITE(media_multipart)

namespace {
using twitter::client_errc;
using twitter::media::form_part;

std::string all_bytes() {
    std::string s;
    for (int i = 0; i < 256; ++i) s += static_cast<char>(i);
    return s + "\r\n--\r\n--x--\r\n";
}
}  // namespace

BOOST_AUTO_TEST_CASE(fields_and_a_file_are_framed_with_crlf) {
    form_part const parts[] = {
        {"command", "APPEND", {}, {}},
        {"media", "\x89PNG", "a.png", {}},
    };
    auto const encoded = twitter::media::encode_multipart(parts, "b0undary");
    BOOST_TEST_REQUIRE(encoded.has_value());
    BOOST_TEST(encoded->content_type == "multipart/form-data; boundary=b0undary");
    BOOST_TEST(encoded->body ==
               "--b0undary\r\n"
               "Content-Disposition: form-data; name=\"command\"\r\n"
               "\r\n"
               "APPEND\r\n"
               "--b0undary\r\n"
               "Content-Disposition: form-data; name=\"media\"; filename=\"a.png\"\r\n"
               "Content-Type: application/octet-stream\r\n"
               "\r\n"
               "\x89PNG\r\n"
               "--b0undary--\r\n");
}

BOOST_AUTO_TEST_CASE(a_file_part_keeps_its_own_content_type) {
    form_part const parts[] = {{"media", "x", "v.mp4", "video/mp4"}};
    auto const encoded = twitter::media::encode_multipart(parts, "b");
    BOOST_TEST_REQUIRE(encoded.has_value());
    BOOST_TEST(encoded->body.find("Content-Type: video/mp4\r\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(quotes_and_line_breaks_in_names_are_percent_encoded) {
    form_part const parts[] = {{"a\"b", "v", "x\r\ny\".png", {}}};
    auto const encoded = twitter::media::encode_multipart(parts, "b");
    BOOST_TEST_REQUIRE(encoded.has_value());
    BOOST_TEST(encoded->body.find("name=\"a%22b\"; filename=\"x%0D%0Ay%22.png\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(binary_data_round_trips_byte_for_byte) {
    std::string const data = all_bytes();
    form_part const parts[] = {
        {"segment_index", "7", {}, {}},
        {"media", data, "blob", {}},
    };
    auto const encoded = twitter::media::encode_multipart(parts);
    BOOST_TEST_REQUIRE(encoded.has_value());
    auto const boundary = test::multipart_boundary(encoded->content_type);
    BOOST_TEST_REQUIRE(boundary.has_value());
    auto const fields = test::read_form(encoded->body, *boundary);
    BOOST_TEST_REQUIRE(fields.has_value());
    BOOST_TEST_REQUIRE(fields->size() == 2u);
    BOOST_TEST((*fields)[0].name == "segment_index");
    BOOST_TEST((*fields)[0].data == "7");
    BOOST_TEST(!(*fields)[0].filename.has_value());
    BOOST_TEST((*fields)[1].name == "media");
    BOOST_TEST((*fields)[1].filename.value_or("") == "blob");
    BOOST_TEST(((*fields)[1].data == data));
}

BOOST_AUTO_TEST_CASE(a_boundary_that_occurs_in_the_data_is_refused) {
    form_part const parts[] = {{"media", "abc--b0undary--", "f", {}}};
    BOOST_TEST(!twitter::media::boundary_is_safe("b0undary", parts));
    BOOST_TEST(twitter::media::boundary_is_safe("other", parts));
    auto const encoded = twitter::media::encode_multipart(parts, "b0undary");
    BOOST_TEST_REQUIRE(encoded.has_error());
    BOOST_TEST(encoded.error() == client_errc::invalid_argument);
}

BOOST_AUTO_TEST_CASE(a_boundary_in_a_name_or_filename_is_refused_too) {
    form_part const in_name[] = {{"x--bnd", "v", {}, {}}};
    form_part const in_filename[] = {{"m", "v", "--bnd", {}}};
    BOOST_TEST(!twitter::media::boundary_is_safe("bnd", in_name));
    BOOST_TEST(!twitter::media::boundary_is_safe("bnd", in_filename));
}

BOOST_AUTO_TEST_CASE(boundaries_follow_rfc_2046) {
    using twitter::media::is_valid_boundary;
    BOOST_TEST(is_valid_boundary("a"));
    BOOST_TEST(is_valid_boundary(std::string(70, 'x')));
    BOOST_TEST(is_valid_boundary("with space'()+_,-./:=?inside"));
    BOOST_TEST(!is_valid_boundary(""));
    BOOST_TEST(!is_valid_boundary(std::string(71, 'x')));
    BOOST_TEST(!is_valid_boundary("trailing "));
    BOOST_TEST(!is_valid_boundary("at@sign"));
    BOOST_TEST(!is_valid_boundary("quote\""));
    form_part const parts[] = {{"m", "v", {}, {}}};
    BOOST_TEST(twitter::media::encode_multipart(parts, "bad@").has_error());
}

BOOST_AUTO_TEST_CASE(choose_boundary_skips_candidates_found_in_the_data) {
    form_part const parts[] = {{"media", "xx--first--", "f", {}}};
    std::vector<std::string> candidates{"first", "second"};
    std::size_t next = 0;
    auto const chosen = twitter::media::choose_boundary(parts, [&] { return candidates.at(next++); });
    BOOST_TEST_REQUIRE(chosen.has_value());
    BOOST_TEST(*chosen == "second");
    BOOST_TEST(next == 2u);
}

BOOST_AUTO_TEST_CASE(choose_boundary_gives_up_when_every_candidate_collides) {
    form_part const parts[] = {{"media", "--same", "f", {}}};
    int calls = 0;
    auto const chosen = twitter::media::choose_boundary(
        parts,
        [&] {
            ++calls;
            return std::string("same");
        },
        3);
    BOOST_TEST(chosen.has_error());
    BOOST_TEST(calls == 3);
}

BOOST_AUTO_TEST_CASE(random_boundaries_are_valid_and_differ) {
    std::set<std::string> seen;
    for (int i = 0; i < 50; ++i) {
        std::string const b = twitter::media::random_boundary();
        BOOST_TEST(twitter::media::is_valid_boundary(b));
        BOOST_TEST(b.size() >= 40u);
        seen.insert(b);
    }
    BOOST_TEST(seen.size() == 50u);
}

BOOST_AUTO_TEST_SUITE_END()
