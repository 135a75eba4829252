#include "media/chunk_plan.hpp"

#include <twitter/media/types.hpp>

#include <algorithm>

namespace twitter::media {

chunk chunk_plan::at(std::size_t index) const noexcept {
    chunk c;
    c.index = index;
    c.offset = static_cast<std::uint64_t>(index) * chunk_size;
    c.size = static_cast<std::size_t>(std::min<std::uint64_t>(chunk_size, total - c.offset));
    return c;
}

boost::system::result<chunk_plan> plan_chunks(std::uint64_t total_bytes, std::size_t chunk_size) noexcept {
    if (total_bytes == 0) return error_code(media_errc::empty_media);
    if (chunk_size == 0 || chunk_size > max_chunk_size) return error_code(media_errc::chunk_size_out_of_range);
    if (total_bytes > static_cast<std::uint64_t>(max_chunk_size) * max_segments)
        return error_code(media_errc::too_many_segments);
    // The smallest chunk that keeps the count within the limit, as Tweepy grows its chunk size.
    std::uint64_t const fitting = (total_bytes + max_segments - 1) / max_segments;
    chunk_plan plan;
    plan.total = total_bytes;
    plan.chunk_size = static_cast<std::size_t>(std::max<std::uint64_t>(chunk_size, fitting));
    plan.count = static_cast<std::size_t>((total_bytes + plan.chunk_size - 1) / plan.chunk_size);
    return plan;
}

}  // namespace twitter::media
