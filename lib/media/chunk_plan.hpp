#ifndef TWITTER_LIB_MEDIA_CHUNK_PLAN_HPP
#define TWITTER_LIB_MEDIA_CHUNK_PLAN_HPP

// How a chunked upload cuts the media: equal chunks, the last one short, within X's limits.

#include <boost/system/result.hpp>

#include <cstddef>
#include <cstdint>

namespace twitter::media {

// X: "each chunk must be <= 5 MB" and "segment_index must be between 0-999 inclusive".
inline constexpr std::size_t max_chunk_size = 5 * 1024 * 1024;
inline constexpr std::size_t max_segments = 1000;

struct chunk {
    std::size_t index = 0;  // segment_index
    std::uint64_t offset = 0;
    std::size_t size = 0;
};

struct chunk_plan {
    std::uint64_t total = 0;
    std::size_t chunk_size = 0;
    std::size_t count = 0;

    chunk at(std::size_t index) const noexcept;  // index < count
};

// Chunks of `chunk_size` bytes, grown (up to 5 MB) when the media would otherwise need more than 1000.
// Fails with media_errc::empty_media for 0 bytes, chunk_size_out_of_range for a chunk_size of 0 or over
// 5 MB, and too_many_segments when not even 5 MB chunks fit in 1000 segments.
boost::system::result<chunk_plan> plan_chunks(std::uint64_t total_bytes, std::size_t chunk_size) noexcept;

}  // namespace twitter::media

#endif
