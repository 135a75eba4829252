#ifndef TWITTER_LIB_EMULATOR_GZIP_HPP
#define TWITTER_LIB_EMULATOR_GZIP_HPP

#include <zlib.h>

#include <string>
#include <string_view>

namespace twitter::emulator::detail {

// Gzip (RFC 1952) compression that keeps its zlib state between bodies: deflateInit2 allocates about 256 KiB,
// too much to pay on every response, so each connection owns one encoder and resets it.
class gzip_encoder {
public:
    gzip_encoder();
    ~gzip_encoder();
    gzip_encoder(gzip_encoder const&) = delete;
    gzip_encoder& operator=(gzip_encoder const&) = delete;

    // Replaces `out` with the gzip member that holds `in`. Throws std::runtime_error if zlib fails.
    void compress(std::string_view in, std::string& out);

private:
    z_stream stream_{};
};

}  // namespace twitter::emulator::detail

#endif
