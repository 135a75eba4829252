#include "http/gzip.hpp"

#include <boost/test/unit_test.hpp>

#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

BOOST_AUTO_TEST_SUITE(http_gzip)

namespace {

using twitter::error_code;
using twitter::protocol_errc;

constexpr std::size_t mib = 1024 * 1024;

// One body on a fresh stream.
error_code gunzip(std::string_view in, std::size_t max_size, std::string& out) {
    twitter::detail::gunzipper once;
    return once.inflate(in, max_size, out);
}

// A gzip member (RFC 1952) made by zlib itself, independent of the code under test.
std::string gzip(std::string_view in, int level = Z_DEFAULT_COMPRESSION) {
    z_stream zs{};
    constexpr int gzip_window_bits = 31;  // 15 bits of window, plus 16 for the gzip wrapper
    if (deflateInit2(&zs, level, Z_DEFLATED, gzip_window_bits, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        throw std::runtime_error("deflateInit2 failed");
    std::string out(deflateBound(&zs, static_cast<uLong>(in.size())), '\0');
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    zs.avail_in = static_cast<uInt>(in.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    int const rc = deflate(&zs, Z_FINISH);
    out.resize(zs.total_out);
    deflateEnd(&zs);
    if (rc != Z_STREAM_END) throw std::runtime_error("deflate did not finish");
    return out;
}

// Bytes that do not compress much, so that the output size is not hidden by a tiny input.
std::string pseudo_random_text(std::size_t size) {
    std::string out(size, '\0');
    std::uint32_t state = 0x12345678u;
    for (char& c : out) {
        state = state * 1664525u + 1013904223u;
        c = static_cast<char>('!' + (state >> 24) % 90);
    }
    return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(empty_body_round_trips) {
    std::string const compressed = gzip("");
    BOOST_TEST_REQUIRE(!compressed.empty());
    std::string out = "stale";
    error_code const ec = gunzip(compressed, mib, out);
    BOOST_TEST(!ec, ec.message());
    BOOST_TEST(out.empty());
}

BOOST_AUTO_TEST_CASE(small_json_round_trips) {
    std::string const body =
        R"({"data":{"id":"1072250532645998596","name":"Tweepy Testing","username":"TweepyDev"}})";
    std::string out;
    error_code const ec = gunzip(gzip(body), mib, out);
    BOOST_TEST(!ec, ec.message());
    BOOST_TEST(out == body);
}

BOOST_AUTO_TEST_CASE(binary_bytes_round_trip) {
    std::string body;
    for (int i = 0; i < 256; ++i) body += static_cast<char>(i);
    body += std::string("\0\0\0", 3);
    std::string out;
    BOOST_TEST(!gunzip(gzip(body), mib, out));
    BOOST_TEST(out == body);
}

BOOST_AUTO_TEST_CASE(one_mebibyte_round_trips) {
    std::string const body = pseudo_random_text(mib);
    std::string const compressed = gzip(body);
    std::string out;
    error_code const ec = gunzip(compressed, 2 * mib, out);
    BOOST_TEST(!ec, ec.message());
    BOOST_TEST(out.size() == body.size());
    BOOST_TEST((out == body));
}

BOOST_AUTO_TEST_CASE(highly_compressible_body_grows_past_the_initial_guess) {
    // 1 MiB of one byte compresses about 1000:1, far past the 4:1 first guess.
    std::string const body(mib, 'a');
    std::string const compressed = gzip(body, Z_BEST_COMPRESSION);
    BOOST_TEST_REQUIRE(compressed.size() * 100 < body.size());
    std::string out;
    error_code const ec = gunzip(compressed, 4 * mib, out);
    BOOST_TEST(!ec, ec.message());
    BOOST_TEST((out == body));
}

BOOST_AUTO_TEST_CASE(uncompressed_deflate_blocks_round_trip) {
    std::string const body = pseudo_random_text(100'000);
    std::string out;
    BOOST_TEST(!gunzip(gzip(body, Z_NO_COMPRESSION), mib, out));
    BOOST_TEST((out == body));
}

BOOST_AUTO_TEST_CASE(body_exactly_at_the_limit_is_accepted) {
    std::string const body = pseudo_random_text(10'000);
    std::string out;
    error_code const ec = gunzip(gzip(body), body.size(), out);
    BOOST_TEST(!ec, ec.message());
    BOOST_TEST((out == body));
}

BOOST_AUTO_TEST_CASE(body_one_byte_over_the_limit_is_too_large) {
    std::string const body = pseudo_random_text(10'000);
    std::string out;
    error_code const ec = gunzip(gzip(body), body.size() - 1, out);
    BOOST_TEST((ec == protocol_errc::body_too_large), ec.message());
    BOOST_TEST(out.empty());
}

BOOST_AUTO_TEST_CASE(zip_bomb_is_stopped_at_the_limit) {
    std::string const zeros(10 * mib, '\0');
    std::string const bomb = gzip(zeros, Z_BEST_COMPRESSION);
    BOOST_TEST_REQUIRE(bomb.size() < 64 * 1024);  // about 10 KB on the wire
    std::string out;
    error_code const ec = gunzip(bomb, mib, out);
    BOOST_TEST((ec == protocol_errc::body_too_large), ec.message());
    BOOST_TEST(out.empty());
    // Nothing like the full 10 MiB was held while refusing it.
    BOOST_TEST(out.capacity() <= 2 * mib);
}

BOOST_AUTO_TEST_CASE(zip_bomb_inflates_when_the_limit_allows) {
    std::string const zeros(10 * mib, '\0');
    std::string out;
    error_code const ec = gunzip(gzip(zeros, Z_BEST_COMPRESSION), 10 * mib, out);
    BOOST_TEST(!ec, ec.message());
    BOOST_TEST((out == zeros));
}

BOOST_AUTO_TEST_CASE(corrupt_data_is_a_bad_encoding) {
    std::string compressed = gzip(pseudo_random_text(4096));
    // Flip bits in the middle of the deflate stream.
    for (std::size_t i = compressed.size() / 3; i < compressed.size() / 3 + 16; ++i)
        compressed[i] = static_cast<char>(compressed[i] ^ 0x5a);
    std::string out;
    error_code const ec = gunzip(compressed, mib, out);
    BOOST_TEST((ec == protocol_errc::bad_content_encoding), ec.message());
    BOOST_TEST(out.empty());
}

BOOST_AUTO_TEST_CASE(wrong_crc_is_a_bad_encoding) {
    std::string compressed = gzip("hello, world");
    // The trailer is CRC32 then ISIZE, 4 bytes each: damage the CRC.
    compressed[compressed.size() - 8] = static_cast<char>(compressed[compressed.size() - 8] ^ 0x01);
    std::string out;
    error_code const ec = gunzip(compressed, mib, out);
    BOOST_TEST((ec == protocol_errc::bad_content_encoding), ec.message());
}

BOOST_AUTO_TEST_CASE(wrong_length_trailer_is_a_bad_encoding) {
    std::string compressed = gzip("hello, world");
    compressed[compressed.size() - 4] = static_cast<char>(compressed[compressed.size() - 4] ^ 0x01);
    std::string out;
    error_code const ec = gunzip(compressed, mib, out);
    BOOST_TEST((ec == protocol_errc::bad_content_encoding), ec.message());
}

BOOST_AUTO_TEST_CASE(plain_text_is_a_bad_encoding) {
    std::string out;
    error_code const ec = gunzip(R"({"data":[]})", mib, out);
    BOOST_TEST((ec == protocol_errc::bad_content_encoding), ec.message());
}

BOOST_AUTO_TEST_CASE(empty_input_is_a_bad_encoding) {
    std::string out = "stale";
    error_code const ec = gunzip("", mib, out);
    BOOST_TEST((ec == protocol_errc::bad_content_encoding), ec.message());
    BOOST_TEST(out.empty());
}

BOOST_AUTO_TEST_CASE(zlib_wrapper_is_not_gzip) {
    std::string const body = "not a gzip member";
    std::string zlib_wrapped(compressBound(static_cast<uLong>(body.size())), '\0');
    uLongf size = static_cast<uLongf>(zlib_wrapped.size());
    BOOST_TEST_REQUIRE(compress(reinterpret_cast<Bytef*>(zlib_wrapped.data()), &size,
                                reinterpret_cast<Bytef const*>(body.data()),
                                static_cast<uLong>(body.size())) == Z_OK);
    zlib_wrapped.resize(size);
    std::string out;
    error_code const ec = gunzip(zlib_wrapped, mib, out);
    BOOST_TEST((ec == protocol_errc::bad_content_encoding), ec.message());
}

BOOST_AUTO_TEST_CASE(truncated_stream_is_a_bad_encoding) {
    std::string const compressed = gzip(pseudo_random_text(50'000));
    for (std::size_t keep : {std::size_t{1}, std::size_t{10}, compressed.size() / 2, compressed.size() - 8,
                             compressed.size() - 1}) {
        std::string out;
        error_code const ec = gunzip(std::string_view(compressed).substr(0, keep), mib, out);
        BOOST_TEST((ec == protocol_errc::bad_content_encoding), "kept " << keep << ": " << ec.message());
        BOOST_TEST(out.empty());
    }
}

BOOST_AUTO_TEST_CASE(trailing_garbage_is_a_bad_encoding) {
    std::string const compressed = gzip("hello, world") + "garbage";
    std::string out;
    error_code const ec = gunzip(compressed, mib, out);
    BOOST_TEST((ec == protocol_errc::bad_content_encoding), ec.message());
    BOOST_TEST(out.empty());
}

BOOST_AUTO_TEST_CASE(single_trailing_byte_is_a_bad_encoding) {
    std::string out;
    error_code const ec = gunzip(gzip("hello, world") + '\n', mib, out);
    BOOST_TEST((ec == protocol_errc::bad_content_encoding), ec.message());
}

BOOST_AUTO_TEST_CASE(second_gzip_member_is_a_bad_encoding) {
    std::string out;
    error_code const ec = gunzip(gzip("one") + gzip("two"), mib, out);
    BOOST_TEST((ec == protocol_errc::bad_content_encoding), ec.message());
}

BOOST_AUTO_TEST_CASE(output_is_replaced_not_appended) {
    std::string out = "previous body";
    BOOST_TEST(!gunzip(gzip("new"), mib, out));
    BOOST_TEST(out == "new");
}

// One gunzipper serves every response of a connection: whatever the last body did to the stream (a
// corrupt body, a bomb stopped at the limit, a truncation, trailing bytes), the next body inflates cleanly.
BOOST_AUTO_TEST_CASE(a_reused_gunzipper_recovers_from_every_failure) {
    twitter::detail::gunzipper g;
    std::string const good_text = pseudo_random_text(70 * 1024);
    std::string const good = gzip(good_text);
    std::string corrupt = gzip(pseudo_random_text(4096));
    corrupt[corrupt.size() / 2] = static_cast<char>(corrupt[corrupt.size() / 2] ^ 0x55);
    std::string const bomb = gzip(std::string(4 * mib, 'a'), Z_BEST_COMPRESSION);
    std::string const truncated = good.substr(0, good.size() / 2);
    std::string const trailing = gzip("x") + "junk";

    std::string out;
    for (std::string const& bad : std::vector<std::string>{corrupt, bomb, truncated, trailing}) {
        error_code const ec = g.inflate(bad, mib, out);
        BOOST_TEST(ec, "a bad body must fail");
        BOOST_TEST(out.empty());
        error_code const next = g.inflate(good, mib, out);
        BOOST_TEST(!next, next.message());
        BOOST_TEST((out == good_text));
    }
    BOOST_TEST(!g.inflate(gzip(""), mib, out));
    BOOST_TEST(out.empty());
}

BOOST_AUTO_TEST_SUITE_END()
