#ifndef TWITTER_LIB_HTTP_RESPONSE_READING_HPP
#define TWITTER_LIB_HTTP_RESPONSE_READING_HPP

// What a connection does with the bytes a server sends back, apart from reading them off the socket: the
// parser's limits, the meaning of a failed read, and the conversion of a Beast message into http::response
// with its body decoded. Pure, so that the HTTP response fuzzer runs the client's own code.

#include <twitter/error.hpp>
#include <twitter/http/response.hpp>

#include <boost/asio/error.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace twitter::detail {

// A status line and headers larger than this are refused.
inline constexpr std::uint32_t max_header_size = 64 * 1024;

using whole_response_parser = boost::beast::http::response_parser<boost::beast::http::string_body>;

// Sets the limits an exchange reads a whole response under: the header limit, and `max_body` bytes of body
// as sent (before decompression).
void limit_whole_response(whole_response_parser& parser, std::size_t max_body);

// The error a failed read of a response stands for. `any_bytes`: whether any byte of the response arrived.
template <class Parser>
error_code classify_read_failure(error_code const& ec, Parser const& parser, bool any_bytes) {
    namespace bhttp = boost::beast::http;
    if (ec == boost::beast::error::timeout) return transport_errc::request_timeout;
    if (ec == boost::asio::error::operation_aborted) return ec;
    if (ec == bhttp::error::body_limit) return protocol_errc::body_too_large;
    if (ec == bhttp::error::header_limit) return protocol_errc::malformed_response;
    if (parser.is_header_done()) return protocol_errc::truncated_body;
    if (ec.category() == make_error_code(bhttp::error::end_of_stream).category() &&
        ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message)
        return protocol_errc::malformed_response;
    return any_bytes ? protocol_errc::malformed_response : error_code(transport_errc::connection_closed);
}

// Status and headers into `out`, names lowercased. Returns the Content-Encoding.
std::string_view copy_head(boost::beast::http::response_header<> const& head, http::response& out);

class gunzipper;

// A complete response into `out`: status, headers, and the body decoded (identity or gzip, at most `max_body`
// bytes once inflated, by the connection's `inflater`). protocol_errc::bad_content_encoding for any other
// encoding or a corrupt gzip body.
error_code take_response(boost::beast::http::response<boost::beast::http::string_body>& res, std::size_t max_body,
                         gunzipper& inflater, http::response& out);

}  // namespace twitter::detail

#endif
