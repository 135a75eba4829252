#ifndef TWITTER_LIB_HTTP_GZIP_HPP
#define TWITTER_LIB_HTTP_GZIP_HPP

#include <twitter/error.hpp>

#include <zlib.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace twitter::detail {

// Inflates gzip bodies (RFC 1952), one after another, on one zlib stream: making a stream and its 32 KiB
// window for every response cost more than inflating a small body (bench/run.sh, docs/performance.md).
// Stops with protocol_errc::body_too_large as soon as the output would pass `max_size`, so a small
// compressed body cannot expand without bound.
class gunzipper {
public:
    gunzipper() = default;
    gunzipper(gunzipper const&) = delete;
    gunzipper& operator=(gunzipper const&) = delete;
    ~gunzipper();

    error_code inflate(std::string_view in, std::size_t max_size, std::string& out);

private:
    z_stream stream_{};
    bool ready_ = false;  // inflateInit2 done
};

}  // namespace twitter::detail

#endif
