#include "emulator/gzip.hpp"

#include <boost/test/unit_test.hpp>

#include <zlib.h>

#include <array>
#include <string>

using twitter::emulator::detail::gzip_encoder;

namespace {

// Inflates with zlib directly, so the test does not trust the code under test for the way back.
std::string gunzip(std::string const& in) {
    z_stream s{};
    BOOST_REQUIRE(inflateInit2(&s, 15 + 16) == Z_OK);
    s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    s.avail_in = static_cast<uInt>(in.size());
    std::string out;
    int rc = Z_OK;
    while (rc == Z_OK) {
        std::array<char, 4096> chunk;
        s.next_out = reinterpret_cast<Bytef*>(chunk.data());
        s.avail_out = static_cast<uInt>(chunk.size());
        rc = inflate(&s, Z_NO_FLUSH);
        out.append(chunk.data(), chunk.size() - s.avail_out);
    }
    inflateEnd(&s);
    BOOST_REQUIRE(rc == Z_STREAM_END);
    BOOST_TEST(s.avail_in == 0u);
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(emulator_gzip)

BOOST_AUTO_TEST_CASE(round_trip_through_zlib) {
    gzip_encoder encoder;
    std::string const body = R"({"data":{"id":"1293593516040269825","text":"It’s finally here! 🥁"}})";
    std::string packed;
    encoder.compress(body, packed);
    BOOST_TEST_REQUIRE(packed.size() > 18u);
    BOOST_TEST(static_cast<unsigned char>(packed[0]) == 0x1fu);  // gzip magic, not a zlib header
    BOOST_TEST(static_cast<unsigned char>(packed[1]) == 0x8bu);
    BOOST_TEST(gunzip(packed) == body);
}

BOOST_AUTO_TEST_CASE(encoder_is_reusable) {
    gzip_encoder encoder;
    std::string packed;
    std::string const large(100000, 'x');
    for (std::string const& body : {std::string("first"), large, std::string{}, std::string("last")}) {
        encoder.compress(body, packed);
        BOOST_TEST(gunzip(packed) == body);
    }
    encoder.compress(large, packed);
    BOOST_TEST(packed.size() < large.size() / 10);
}

BOOST_AUTO_TEST_SUITE_END()
