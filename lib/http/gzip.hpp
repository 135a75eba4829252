#ifndef TWITTER_LIB_HTTP_GZIP_HPP
#define TWITTER_LIB_HTTP_GZIP_HPP

#include <twitter/error.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace twitter::detail {

// Inflates a gzip body (RFC 1952) into `out`. Stops with protocol_errc::body_too_large as soon as the output
// would pass `max_size`, so a small compressed body cannot expand without bound.
error_code gunzip(std::string_view in, std::size_t max_size, std::string& out);

}  // namespace twitter::detail

#endif
