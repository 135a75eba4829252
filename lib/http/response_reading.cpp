#include "http/response_reading.hpp"

#include "http/gzip.hpp"

#include <boost/beast/core/string.hpp>

#include <iterator>
#include <string>

namespace twitter::detail {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;

void limit_whole_response(whole_response_parser& parser, std::size_t max_body) {
    parser.header_limit(max_header_size);
    parser.body_limit(max_body);
}

std::string_view copy_head(bhttp::response_header<> const& head, http::response& out) {
    out.status = head.result_int();
    out.headers.clear();
    out.headers.reserve(std::distance(head.begin(), head.end()));
    std::string_view encoding;
    for (auto const& field : head) {
        std::string name(field.name_string());
        // Field names are ASCII tokens (RFC 9110 5.1): no locale-aware std::tolower per character.
        for (char& c : name)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        out.headers.push_back({std::move(name), std::string(field.value())});
        if (field.name() == bhttp::field::content_encoding) encoding = field.value();
    }
    return encoding;
}

error_code take_response(bhttp::response<bhttp::string_body>& res, std::size_t max_body, gunzipper& inflater,
                         http::response& out) {
    std::string_view const encoding = copy_head(res.base(), out);
    if (encoding.empty() || beast::iequals(encoding, "identity")) {
        out.body = std::move(res.body());
        return {};
    }
    if (beast::iequals(encoding, "gzip")) return inflater.inflate(res.body(), max_body, out.body);
    return protocol_errc::bad_content_encoding;  // we only ever offer gzip
}

}  // namespace twitter::detail
