#include <twitter/http/request.hpp>
#include <twitter/http/response.hpp>

#include <boost/beast/core/string.hpp>

namespace twitter::http {

std::string_view to_string(verb v) noexcept {
    switch (v) {
        case verb::get: return "GET";
        case verb::post: return "POST";
        case verb::put: return "PUT";
        case verb::delete_: return "DELETE";
        case verb::patch: return "PATCH";
    }
    return "GET";
}

std::optional<std::string_view> response::find_header(std::string_view name) const noexcept {
    for (header const& h : headers)
        if (boost::beast::iequals(h.name, name)) return h.value;
    return std::nullopt;
}

}  // namespace twitter::http
