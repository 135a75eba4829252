// The bytes a server sends back to an ordinary request, through the client's own code: Beast's parser with
// the limits a connection sets (http/response_reading), the read-failure mapping, the body's decoding
// (identity or gzip), the pipeline's final status mapping (client/final_response), then the v2 envelope and
// rate-limit headers a typed call reads.
//
// Input: one byte choosing the body limit (64 MiB as configured by default, 4096, 64 or 1), one byte seeding
// the sizes of the reads the socket returns, then the raw response.
// Invariants: a failed read maps to one of the protocol or transport errors a caller can act on (and to
// connection_closed when nothing arrived); a decoded response keeps Beast's status and every header, names in
// lower case, and its body within the limit; the final mapping records the status, maps 4xx/5xx with
// error_for_status, refuses 3xx, and passes a JSON content type only with a valid JSON body.

#include "client/final_response.hpp"
#include "core/json_validation.hpp"
#include "core/rate_limit_headers.hpp"
#include "fuzz_check.hpp"
#include "http/gzip.hpp"
#include "http/response_reading.hpp"

#include <twitter/v2/response.hpp>

#include <boost/asio/buffer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <iterator>

using namespace twitter;
namespace bhttp = boost::beast::http;

namespace {

// A socket that returns the response in reads of varying size, then end of file.
class scripted_socket {
public:
    scripted_socket(std::string_view bytes, unsigned seed) : rest_(bytes), seed_(seed) {}

    template <class MutableBuffers>
    std::size_t read_some(MutableBuffers const& buffers, boost::system::error_code& ec) {
        if (rest_.empty()) {
            ec = boost::asio::error::eof;
            return 0;
        }
        ec = {};
        seed_ = seed_ * 1103515245u + 12345u;
        std::size_t const piece = std::min<std::size_t>(rest_.size(), 1 + (seed_ >> 16) % 512);
        std::size_t const n = boost::asio::buffer_copy(buffers, boost::asio::buffer(rest_.data(), piece));
        rest_.remove_prefix(n);
        return n;
    }
    template <class MutableBuffers>
    std::size_t read_some(MutableBuffers const& buffers) {
        boost::system::error_code ec;
        std::size_t const n = read_some(buffers, ec);
        if (ec) throw boost::system::system_error(ec);
        return n;
    }

private:
    std::string_view rest_;
    unsigned seed_;
};

bool lower_case(std::string_view name) {
    return std::none_of(name.begin(), name.end(), [](unsigned char c) { return std::isupper(c); });
}

bool same(std::optional<rate_limit> const& a, std::optional<rate_limit> const& b) {
    if (!a || !b) return !a && !b;
    return a->limit == b->limit && a->remaining == b->remaining && a->reset == b->reset;
}

bool declares_json(http::response const& res) {
    auto const type = res.find_header("content-type");
    return type && (type->starts_with("application/json") || type->find("+json") != std::string_view::npos);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    constexpr std::array<std::size_t, 4> body_limits{64 * 1024 * 1024, 4096, 64, 1};
    std::string_view raw = fuzz::as_text(data, size);
    std::size_t const max_body = body_limits[fuzz::take_byte(raw) % body_limits.size()];
    unsigned const seed = fuzz::take_byte(raw);
    scripted_socket socket(raw, seed);

    detail::whole_response_parser parser;
    detail::limit_whole_response(parser, max_body);
    boost::beast::flat_buffer buffer;
    error_code rec;
    std::size_t const read = bhttp::read(socket, buffer, parser, rec);
    if (rec) {
        error_code const ec = detail::classify_read_failure(rec, parser, read > 0 || !raw.empty());
        FUZZ_CHECK(ec == protocol_errc::body_too_large || ec == protocol_errc::malformed_response ||
                   ec == protocol_errc::truncated_body || ec == transport_errc::connection_closed);
        FUZZ_CHECK(raw.empty() == (ec == transport_errc::connection_closed));
        return 0;
    }
    FUZZ_CHECK(parser.is_done());

    auto& message = parser.get();
    unsigned const status = message.result_int();
    std::size_t const fields = std::distance(message.begin(), message.end());
    http::response res;
    // One inflater for every input, as a connection keeps one for every response: whatever an input leaves
    // behind in it must not change how the next one reads.
    static detail::gunzipper inflater;
    error_code const dec = detail::take_response(message, max_body, inflater, res);
    FUZZ_CHECK(res.status == status);
    FUZZ_CHECK(res.headers.size() == fields);
    for (http::header const& h : res.headers) FUZZ_CHECK(lower_case(h.name));
    if (dec) {
        FUZZ_CHECK(dec == protocol_errc::bad_content_encoding || dec == protocol_errc::body_too_large);
        return 0;
    }
    FUZZ_CHECK(res.body.size() <= max_body);

    diagnostics diag;
    error_code const fin = detail::check_final_response(res, core::parse_rate_limits(res.headers), diag);
    FUZZ_CHECK(diag.http_status == status);
    FUZZ_CHECK(same(diag.limits.window, core::parse_rate_limit(res.headers)));
    if (status >= 400) {
        FUZZ_CHECK(fin && fin == error_for_status(status));
    } else if (status >= 300) {
        FUZZ_CHECK(fin == api_errc::unexpected_status);
    } else if (fin) {
        FUZZ_CHECK(fin == protocol_errc::malformed_json && declares_json(res) && !core::is_valid_json(res.body));
    } else {
        FUZZ_CHECK(!declares_json(res) || core::is_valid_json(res.body));
        v2::response<std::vector<v2::tweet>> typed;
        if (!v2::parse(res, typed)) FUZZ_CHECK(typed.raw_json == res.body);
        FUZZ_CHECK(same(typed.limits.window, diag.limits.window));
    }
    return 0;
}
