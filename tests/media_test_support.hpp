#ifndef TWITTER_TESTS_MEDIA_TEST_SUPPORT_HPP
#define TWITTER_TESTS_MEDIA_TEST_SUPPORT_HPP

// Reads a multipart/form-data body back into its parts, independently of the library's encoder, so that the
// media tests can check what an upload sent: the command, media_id and segment_index fields, and the bytes.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace test {

struct form_field {
    std::string name;
    std::optional<std::string> filename;
    std::optional<std::string> content_type;
    std::string data;
};

// The boundary parameter of a multipart Content-Type, or nothing.
inline std::optional<std::string> multipart_boundary(std::string_view content_type) {
    if (!content_type.starts_with("multipart/form-data")) return std::nullopt;
    auto const at = content_type.find("boundary=");
    if (at == std::string_view::npos) return std::nullopt;
    std::string_view b = content_type.substr(at + 9);
    b = b.substr(0, b.find(';'));
    if (b.size() >= 2 && b.front() == '"' && b.back() == '"') b = b.substr(1, b.size() - 2);
    return std::string(b);
}

namespace detail {
inline std::optional<std::string> quoted_param(std::string_view header, std::string_view name) {
    std::string const key = "; " + std::string(name) + "=\"";
    auto const at = header.find(key);
    if (at == std::string_view::npos) return std::nullopt;
    auto const start = at + key.size();
    auto const end = header.find('"', start);
    if (end == std::string_view::npos) return std::nullopt;
    return std::string(header.substr(start, end - start));
}
}  // namespace detail

// The parts in order, or nothing when the framing is broken (RFC 2046 5.1.1: "--boundary" CRLF headers CRLF
// CRLF data, each part ended by CRLF "--boundary", the last delimiter followed by "--").
inline std::optional<std::vector<form_field>> read_form(std::string_view body, std::string_view boundary) {
    std::string const first = "--" + std::string(boundary) + "\r\n";
    std::string const delimiter = "\r\n--" + std::string(boundary);
    if (!body.starts_with(first)) return std::nullopt;
    std::vector<form_field> out;
    std::size_t pos = first.size();
    for (;;) {
        auto const headers_end = body.find("\r\n\r\n", pos);
        if (headers_end == std::string_view::npos) return std::nullopt;
        std::string_view const headers = body.substr(pos, headers_end - pos);
        auto const data_start = headers_end + 4;
        auto const data_end = body.find(delimiter, data_start);
        if (data_end == std::string_view::npos) return std::nullopt;
        form_field f;
        for (std::size_t line_start = 0; line_start <= headers.size();) {
            auto line_end = headers.find("\r\n", line_start);
            if (line_end == std::string_view::npos) line_end = headers.size();
            std::string_view const line = headers.substr(line_start, line_end - line_start);
            if (line.starts_with("Content-Disposition: form-data")) {
                auto name = detail::quoted_param(line, "name");
                if (!name) return std::nullopt;
                f.name = *name;
                f.filename = detail::quoted_param(line, "filename");
            } else if (line.starts_with("Content-Type: ")) {
                f.content_type = std::string(line.substr(14));
            }
            line_start = line_end + 2;
        }
        f.data = std::string(body.substr(data_start, data_end - data_start));
        out.push_back(std::move(f));
        pos = data_end + delimiter.size();
        if (body.substr(pos) == "--\r\n") return out;
        if (!body.substr(pos).starts_with("\r\n")) return std::nullopt;
        pos += 2;
    }
}

inline std::optional<std::string> field(std::vector<form_field> const& fields, std::string_view name) {
    for (auto const& f : fields)
        if (f.name == name) return f.data;
    return std::nullopt;
}

}  // namespace test

#endif
