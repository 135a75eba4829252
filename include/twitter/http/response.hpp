#ifndef TWITTER_HTTP_RESPONSE_HPP
#define TWITTER_HTTP_RESPONSE_HPP

#include <twitter/http/request.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace twitter::http {

// A response as received, with its body already decompressed.
struct response {
    unsigned status = 0;
    std::vector<header> headers;  // names in lower case, in the order received
    std::string body;

    // The first value of a header, by case-insensitive name.
    std::optional<std::string_view> find_header(std::string_view name) const noexcept;
};

}  // namespace twitter::http

#endif
