#include "client/final_response.hpp"
#include "core/rate_limit_headers.hpp"
#include "http/gzip.hpp"
#include "http/response_reading.hpp"
#include "print_error_enums.hpp"

#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>

#include <boost/test/unit_test.hpp>

#include <string>
#include <string_view>

BOOST_AUTO_TEST_SUITE(http_response_reading)

namespace {
using namespace twitter;
namespace bhttp = boost::beast::http;

// A socket that hands over `bytes` in one read, then reports the end of the stream.
struct memory_socket {
    std::string_view bytes;
    template <class Buffers>
    std::size_t read_some(Buffers const& buffers, boost::system::error_code& ec) {
        if (bytes.empty()) {
            ec = boost::asio::error::eof;
            return 0;
        }
        std::size_t const n =
            boost::asio::buffer_copy(buffers, boost::asio::buffer(bytes.data(), bytes.size()));
        bytes.remove_prefix(n);
        ec = {};
        return n;
    }
    template <class Buffers>
    std::size_t read_some(Buffers const& buffers) {
        boost::system::error_code ec;
        std::size_t const n = read_some(buffers, ec);
        if (ec) throw boost::system::system_error(ec);
        return n;
    }
};

// Reads `raw` as a connection's exchange does: the read error mapped, or the response taken.
error_code read(std::string_view raw, std::size_t max_body, http::response& out) {
    detail::whole_response_parser parser;
    detail::limit_whole_response(parser, max_body);
    memory_socket socket{raw};
    boost::beast::flat_buffer buffer;
    error_code ec;
    bhttp::read(socket, buffer, parser, ec);
    if (ec) return detail::classify_read_failure(ec, parser, !raw.empty());
    detail::gunzipper inflater;
    return detail::take_response(parser.get(), max_body, inflater, out);
}

}  // namespace

BOOST_AUTO_TEST_CASE(head_names_are_lower_cased_and_the_body_kept) {
    http::response res;
    BOOST_TEST(
        !read("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Rate-Limit-Limit: 9\r\n"
              "Content-Length: 2\r\n\r\n{}",
              1024, res));
    BOOST_TEST(res.status == 200u);
    BOOST_TEST_REQUIRE(res.headers.size() == 3u);
    BOOST_TEST(res.headers[0].name == "content-type");
    BOOST_TEST(res.headers[1].name == "x-rate-limit-limit");
    BOOST_TEST(res.headers[1].value == "9");
    BOOST_TEST(res.body == "{}");
}

BOOST_AUTO_TEST_CASE(read_failures_map_to_protocol_errors) {
    http::response res;
    BOOST_TEST(read("", 1024, res) == transport_errc::connection_closed);
    BOOST_TEST(read("SSH-2.0-OpenSSH\r\n", 1024, res) == protocol_errc::malformed_response);
    BOOST_TEST(read("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc", 1024, res) ==
               protocol_errc::truncated_body);
    BOOST_TEST(read("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n0123456789", 4, res) ==
               protocol_errc::body_too_large);
}

BOOST_AUTO_TEST_CASE(only_identity_and_gzip_are_understood) {
    http::response res;
    BOOST_TEST(
        !read("HTTP/1.1 200 OK\r\nContent-Encoding: identity\r\nContent-Length: 2\r\n\r\nok", 1024, res));
    BOOST_TEST(res.body == "ok");
    BOOST_TEST(read("HTTP/1.1 200 OK\r\nContent-Encoding: br\r\nContent-Length: 2\r\n\r\nok", 1024, res) ==
               protocol_errc::bad_content_encoding);
    BOOST_TEST(read("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 2\r\n\r\nok", 1024, res) ==
               protocol_errc::bad_content_encoding);
}

BOOST_AUTO_TEST_CASE(final_status_mapping) {
    http::response res;
    res.status = 429;
    res.headers = {{"content-type", "application/json"}};
    res.body = R"({"errors":[{"code":88,"message":"Rate limit exceeded"}]})";
    diagnostics diag;
    BOOST_TEST(detail::check_final_response(res, core::parse_rate_limits(res.headers), diag) ==
               api_errc::too_many_requests);
    BOOST_TEST(diag.http_status == 429u);
    BOOST_TEST(diag.errors.size() == 1u);

    res.status = 302;
    BOOST_TEST(detail::check_final_response(res, core::parse_rate_limits(res.headers), diag) ==
               api_errc::unexpected_status);
    res.status = 200;
    res.body = "{";
    BOOST_TEST(detail::check_final_response(res, core::parse_rate_limits(res.headers), diag) ==
               protocol_errc::malformed_json);
    res.headers = {{"content-type", "text/plain"}};
    BOOST_TEST(!detail::check_final_response(res, core::parse_rate_limits(res.headers), diag));
}

BOOST_AUTO_TEST_SUITE_END()
