#include "media/media_type.hpp"

#include <array>
#include <cctype>

namespace twitter {
namespace {

bool iequals(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}

bool istarts_with(std::string_view s, std::string_view prefix) noexcept {
    return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

// The type without parameters: "image/gif; charset=x" -> "image/gif".
std::string_view essence(std::string_view media_type) noexcept {
    auto const semi = media_type.find(';');
    media_type = media_type.substr(0, semi);
    while (!media_type.empty() && media_type.back() == ' ') media_type.remove_suffix(1);
    return media_type;
}

}  // namespace

std::string_view default_media_category(std::string_view media_type) noexcept {
    if (media::is_gif(media_type)) return "tweet_gif";
    if (media::is_video(media_type)) return "tweet_video";
    if (media::is_image(media_type)) return "tweet_image";
    return {};
}

namespace media {

std::string_view sniff_media_type(std::string_view head) noexcept {
    using namespace std::string_view_literals;
    if (head.starts_with("\x89PNG\r\n\x1a\n"sv)) return "image/png";
    if (head.starts_with("\xff\xd8\xff"sv)) return "image/jpeg";
    if (head.starts_with("GIF87a"sv) || head.starts_with("GIF89a"sv)) return "image/gif";
    if (head.size() >= 12 && head.starts_with("RIFF"sv) && head.substr(8, 4) == "WEBP"sv) return "image/webp";
    if (head.starts_with("BM"sv) && head.size() >= 14) return "image/bmp";
    if (head.starts_with("II*\0"sv) || head.starts_with("MM\0*"sv)) return "image/tiff";
    // ISO base media files open with a box whose type is "ftyp"; the brand tells QuickTime from MP4.
    if (head.size() >= 12 && head.substr(4, 4) == "ftyp"sv)
        return head.substr(8, 4) == "qt  "sv ? "video/quicktime" : "video/mp4";
    return {};
}

std::string_view media_type_for_filename(std::string_view filename) noexcept {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 11> known{{
        {".png", "image/png"},
        {".jpg", "image/jpeg"},
        {".jpeg", "image/jpeg"},
        {".gif", "image/gif"},
        {".webp", "image/webp"},
        {".bmp", "image/bmp"},
        {".tif", "image/tiff"},
        {".tiff", "image/tiff"},
        {".mp4", "video/mp4"},
        {".m4v", "video/mp4"},
        {".mov", "video/quicktime"},
    }};
    auto const dot = filename.rfind('.');
    if (dot == std::string_view::npos) return {};
    std::string_view const extension = filename.substr(dot);
    for (auto const& [ext, type] : known)
        if (iequals(extension, ext)) return type;
    return {};
}

bool is_image(std::string_view media_type) noexcept { return istarts_with(essence(media_type), "image/"); }
bool is_gif(std::string_view media_type) noexcept { return iequals(essence(media_type), "image/gif"); }
bool is_video(std::string_view media_type) noexcept { return istarts_with(essence(media_type), "video/"); }

upload_method choose_upload_method(upload_method requested, api_version version, std::string_view media_type,
                                   std::uint64_t total_bytes) noexcept {
    if (requested != upload_method::automatic) return requested;
    bool const one_request_type = is_image(media_type) && (version == api_version::v1 || !is_gif(media_type));
    return one_request_type && total_bytes <= max_simple_upload_size ? upload_method::simple
                                                                     : upload_method::chunked;
}

}  // namespace media
}  // namespace twitter
