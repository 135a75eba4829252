#include "http/gzip.hpp"

#include <zlib.h>

#include <algorithm>

namespace twitter::detail {

gunzipper::~gunzipper() {
    if (ready_) inflateEnd(&stream_);
}

error_code gunzipper::inflate(std::string_view in, std::size_t max_size, std::string& out) {
    z_stream& zs = stream_;
    constexpr int gzip_only = 16 + MAX_WBITS;
    if (!ready_) {
        if (inflateInit2(&zs, gzip_only) != Z_OK) return protocol_errc::bad_content_encoding;
        ready_ = true;
    } else if (inflateReset(&zs) != Z_OK) {
        return protocol_errc::bad_content_encoding;
    }

    out.clear();
    // Bodies compress about 4:1 or better; start there and grow geometrically.
    out.resize(std::min(max_size, std::max<std::size_t>(in.size() * 4, 256)));
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    zs.avail_in = static_cast<uInt>(in.size());

    std::size_t produced = 0;
    int rc = Z_OK;
    error_code ec;
    while (rc != Z_STREAM_END) {
        if (produced == out.size()) {
            if (out.size() >= max_size) {
                ec = protocol_errc::body_too_large;
                break;
            }
            out.resize(std::min(max_size, out.size() * 2));
        }
        zs.next_out = reinterpret_cast<Bytef*>(out.data() + produced);
        zs.avail_out = static_cast<uInt>(out.size() - produced);
        rc = ::inflate(&zs, Z_NO_FLUSH);
        produced = out.size() - zs.avail_out;
        if (rc == Z_STREAM_END) break;
        if (rc != Z_OK && !(rc == Z_BUF_ERROR && zs.avail_out == 0)) {
            ec = protocol_errc::bad_content_encoding;  // corrupt data, or input ended mid-stream
            break;
        }
    }
    // Trailing bytes after the gzip member are not a body we understand.
    if (!ec && zs.avail_in != 0) ec = protocol_errc::bad_content_encoding;
    out.resize(ec ? 0 : produced);
    return ec;
}

}  // namespace twitter::detail
