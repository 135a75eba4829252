#include "v1/multipart.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace twitter::v1::detail {
namespace {

bool iends_with(std::string_view s, std::string_view suffix) noexcept {
    if (s.size() < suffix.size()) return false;
    return std::equal(suffix.begin(), suffix.end(), s.end() - static_cast<std::ptrdiff_t>(suffix.size()),
                      [](char a, char b) {
                          return std::tolower(static_cast<unsigned char>(a)) ==
                                 std::tolower(static_cast<unsigned char>(b));
                      });
}

// A quoted-string of a Content-Disposition parameter: '"', '\' and line breaks cannot appear raw in it.
std::string quoted(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\r' || c == '\n') c = ' ';
        out += c;
    }
    out += '"';
    return out;
}

}  // namespace

std::string_view media_type_of(std::string_view filename) noexcept {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 7> types{{
        {".png", "image/png"},
        {".jpg", "image/jpeg"},
        {".jpeg", "image/jpeg"},
        {".gif", "image/gif"},
        {".webp", "image/webp"},
        {".mp4", "video/mp4"},
        {".mov", "video/quicktime"},
    }};
    for (auto const& [ext, type] : types)
        if (iends_with(filename, ext)) return type;
    return "application/octet-stream";
}

multipart_body make_file_part(std::string_view field, std::string_view filename, std::string_view file) {
    // Any string works as long as the content does not contain it; counting up finds one in a step or two.
    std::string boundary;
    for (unsigned n = 0;; ++n) {
        boundary = "twitter-asio-boundary-" + std::to_string(n);
        if (file.find(boundary) == std::string_view::npos &&
            filename.find(boundary) == std::string_view::npos)
            break;
    }
    multipart_body out;
    out.content_type = "multipart/form-data; boundary=" + boundary;
    out.body.reserve(file.size() + 256);
    out.body += "--" + boundary + "\r\n";
    out.body +=
        "Content-Disposition: form-data; name=" + quoted(field) + "; filename=" + quoted(filename) + "\r\n";
    out.body += "Content-Type: ";
    out.body += media_type_of(filename);
    out.body += "\r\n\r\n";
    out.body += file;
    out.body += "\r\n--" + boundary + "--\r\n";
    return out;
}

}  // namespace twitter::v1::detail
