#include "emulator/media.hpp"

#include <algorithm>

namespace twitter::emulator::detail {

namespace {

constexpr std::size_t max_segment_index = 999;
constexpr std::size_t head_bytes = 64 * 1024;

unsigned byte(std::string_view s, std::size_t i) { return static_cast<unsigned char>(s[i]); }

// Width and height from the header of a PNG, GIF or JPEG.
void read_dimensions(media_item& m) {
    auto const& h = m.head;
    if (h.size() >= 24 && h.starts_with("\x89PNG\r\n\x1a\n")) {
        m.width = byte(h, 16) << 24 | byte(h, 17) << 16 | byte(h, 18) << 8 | byte(h, 19);
        m.height = byte(h, 20) << 24 | byte(h, 21) << 16 | byte(h, 22) << 8 | byte(h, 23);
    } else if (h.size() >= 10 && (h.starts_with("GIF87a") || h.starts_with("GIF89a"))) {
        m.width = byte(h, 6) | byte(h, 7) << 8;
        m.height = byte(h, 8) | byte(h, 9) << 8;
    } else if (h.size() >= 4 && byte(h, 0) == 0xFF && byte(h, 1) == 0xD8) {
        std::size_t i = 2;
        while (i + 9 < h.size() && byte(h, i) == 0xFF) {
            auto const marker = byte(h, i + 1);
            auto const length = byte(h, i + 2) << 8 | byte(h, i + 3);
            if (marker >= 0xC0 && marker <= 0xC3) {
                m.height = byte(h, i + 5) << 8 | byte(h, i + 6);
                m.width = byte(h, i + 7) << 8 | byte(h, i + 8);
                return;
            }
            i += 2 + length;
        }
    }
}

bool needs_processing(media_item const& m) {
    // X processes asynchronously what is uploaded with a video or GIF category.
    return m.category.find("video") != std::string::npos || m.category.find("gif") != std::string::npos;
}

std::string key_of(id_type id, std::string_view media_type, std::string_view category) {
    if (media_type.starts_with("video/")) {
        return "7_" + std::to_string(id);
    }
    if (media_type == "image/gif" && category.find("gif") != std::string_view::npos) {
        return "16_" + std::to_string(id);
    }
    return "3_" + std::to_string(id);
}

}  // namespace

std::size_t media_item::received() const {
    std::size_t total = 0;
    for (auto const& [index, size] : segments) {
        total += size;
    }
    return total;
}

std::string_view message_of(media_error e) {
    switch (e) {
        case media_error::none:
            return "";
        case media_error::unknown_id:
            return "Invalid or expired media_id.";
        case media_error::segment_out_of_range:
            return "Segment index must be between 0 and 999.";
        case media_error::segment_too_large:
            return "Segment size exceeds the 5 MB limit.";
        case media_error::too_many_bytes:
            return "Appended bytes exceed total_bytes.";
        case media_error::size_mismatch:
            return "File size does not match total_bytes given at INIT.";
        case media_error::already_finalized:
            return "Media was already finalized.";
        case media_error::invalid_total:
            return "total_bytes must be a positive number.";
    }
    return "";
}

std::string sniff_media_type(std::string_view h) {
    if (h.starts_with("\x89PNG")) {
        return "image/png";
    }
    if (h.starts_with("GIF8")) {
        return "image/gif";
    }
    if (h.size() >= 2 && byte(h, 0) == 0xFF && byte(h, 1) == 0xD8) {
        return "image/jpeg";
    }
    if (h.size() >= 12 && h.starts_with("RIFF") && h.substr(8, 4) == "WEBP") {
        return "image/webp";
    }
    if (h.size() >= 8 && h.substr(4, 4) == "ftyp") {
        return "video/mp4";
    }
    return {};
}

media_item* media_store::live(id_type id, std::int64_t now_ms) {
    auto const it = items_.find(id);
    if (it == items_.end() || now_ms >= it->second.expires_ms()) {
        return nullptr;
    }
    return &it->second;
}

media_item const* media_store::find(id_type id, std::int64_t now_ms) const {
    auto const it = items_.find(id);
    if (it == items_.end() || now_ms >= it->second.expires_ms()) {
        return nullptr;
    }
    return &it->second;
}

media_item& media_store::init(id_type id, std::size_t total_bytes, std::string media_type,
                              std::string category, std::int64_t now_ms) {
    media_item m;
    m.id = id;
    m.media_key = key_of(id, media_type, category);
    m.media_type = std::move(media_type);
    m.category = std::move(category);
    m.total_bytes = total_bytes;
    m.created_ms = now_ms;
    return items_.insert_or_assign(id, std::move(m)).first->second;
}

media_error media_store::append(id_type id, std::size_t segment_index, std::string_view bytes,
                                std::int64_t now_ms) {
    auto* m = live(id, now_ms);
    if (m == nullptr) {
        return media_error::unknown_id;
    }
    if (m->finalized) {
        return media_error::already_finalized;
    }
    if (segment_index > max_segment_index) {
        return media_error::segment_out_of_range;
    }
    if (bytes.size() > max_media_segment) {
        return media_error::segment_too_large;
    }
    auto const previous = m->segments.contains(segment_index) ? m->segments[segment_index] : 0;
    if (m->received() - previous + bytes.size() > m->total_bytes) {
        return media_error::too_many_bytes;
    }
    m->segments[segment_index] = bytes.size();
    if (segment_index == 0) {
        m->head = std::string(bytes.substr(0, head_bytes));
    }
    return media_error::none;
}

media_error media_store::finalize(id_type id, std::int64_t now_ms) {
    auto* m = live(id, now_ms);
    if (m == nullptr) {
        return media_error::unknown_id;
    }
    if (m->finalized) {
        return media_error::already_finalized;
    }
    if (m->received() != m->total_bytes) {
        return media_error::size_mismatch;
    }
    if (m->media_type.empty()) {
        m->media_type = sniff_media_type(m->head);
    }
    read_dimensions(*m);
    m->finalized = true;
    m->processing = needs_processing(*m) && processing_polls_ > 0;
    return media_error::none;
}

media_error media_store::poll(id_type id, std::int64_t now_ms) {
    auto* m = live(id, now_ms);
    if (m == nullptr || !m->finalized) {
        return media_error::unknown_id;
    }
    if (m->processing) {
        ++m->status_polls;
    }
    return media_error::none;
}

media_item& media_store::simple(id_type id, std::string_view bytes, std::string media_type,
                                std::string category, std::int64_t now_ms) {
    if (media_type.empty()) {
        media_type = sniff_media_type(bytes.substr(0, 16));
    }
    auto& m = init(id, bytes.size(), std::move(media_type), std::move(category), now_ms);
    m.segments[0] = bytes.size();
    m.head = std::string(bytes.substr(0, head_bytes));
    read_dimensions(m);
    m.finalized = true;
    m.processing = needs_processing(m) && processing_polls_ > 0;
    return m;
}

std::optional<processing_state> media_store::processing(media_item const& m) const {
    if (!m.processing) {
        return std::nullopt;
    }
    if (m.status_polls == 0) {
        return processing_state{"pending", 0, 1};
    }
    if (m.status_polls >= processing_polls_) {
        return processing_state{"succeeded", 100, 0};
    }
    return processing_state{"in_progress", static_cast<unsigned>(m.status_polls * 100 / processing_polls_),
                            1};
}

bool media_store::ready(id_type id, std::int64_t now_ms) const {
    auto const* m = find(id, now_ms);
    if (m == nullptr || !m->finalized) {
        return false;
    }
    return !m->processing || m->status_polls >= processing_polls_;
}

}  // namespace twitter::emulator::detail
