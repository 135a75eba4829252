#include "emulator/gzip.hpp"

#include <stdexcept>

namespace twitter::emulator::detail {

gzip_encoder::gzip_encoder() {
    // windowBits 15 + 16 asks zlib for a gzip header and trailer. Level 1: X-sized bodies are small and the
    // emulator must not become the bottleneck of a benchmark.
    if (deflateInit2(&stream_, Z_BEST_SPEED, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
        throw std::runtime_error("twitter emulator: deflateInit2 failed");
    }
}

gzip_encoder::~gzip_encoder() { deflateEnd(&stream_); }

void gzip_encoder::compress(std::string_view in, std::string& out) {
    if (deflateReset(&stream_) != Z_OK) {
        throw std::runtime_error("twitter emulator: deflateReset failed");
    }
    out.resize(deflateBound(&stream_, static_cast<uLong>(in.size())));
    stream_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    stream_.avail_in = static_cast<uInt>(in.size());
    stream_.next_out = reinterpret_cast<Bytef*>(out.data());
    stream_.avail_out = static_cast<uInt>(out.size());
    // deflateBound guarantees room for the whole member, so one call finishes it.
    if (deflate(&stream_, Z_FINISH) != Z_STREAM_END) {
        throw std::runtime_error("twitter emulator: deflate failed");
    }
    out.resize(out.size() - stream_.avail_out);
}

}  // namespace twitter::emulator::detail
