#include "emulator/multipart.hpp"

#include <algorithm>
#include <cctype>

namespace twitter::emulator::detail {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
        s.remove_prefix(1);
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
        s.remove_suffix(1);
    }
    return s;
}

// The value of `key` among the ';'-separated parameters of a header value, unquoted.
std::optional<std::string> header_parameter(std::string_view value, std::string_view key) {
    std::size_t pos = 0;
    while (pos < value.size()) {
        auto const semi = value.find(';', pos);
        auto const item = trim(value.substr(pos, semi == std::string_view::npos ? value.npos : semi - pos));
        pos = semi == std::string_view::npos ? value.size() : semi + 1;
        auto const eq = item.find('=');
        if (eq == std::string_view::npos || lower(trim(item.substr(0, eq))) != key) {
            continue;
        }
        auto v = trim(item.substr(eq + 1));
        if (v.size() >= 2 && v.front() == '"' && v.back() == '"') {
            v = v.substr(1, v.size() - 2);
        }
        return std::string(v);
    }
    return std::nullopt;
}

}  // namespace

std::optional<std::string> multipart_boundary(std::string_view content_type) {
    auto const semi = content_type.find(';');
    if (lower(trim(content_type.substr(0, semi))) != "multipart/form-data" ||
        semi == std::string_view::npos) {
        return std::nullopt;
    }
    auto b = header_parameter(content_type.substr(semi + 1), "boundary");
    if (!b || b->empty() || b->size() > 70) {
        return std::nullopt;
    }
    return b;
}

std::optional<std::vector<form_part>> parse_multipart(std::string_view body, std::string_view boundary) {
    std::string const delimiter = "--" + std::string(boundary);
    std::vector<form_part> parts;
    auto pos = body.find(delimiter);
    if (pos == std::string_view::npos) {
        return std::nullopt;
    }
    for (;;) {
        pos += delimiter.size();
        if (body.substr(pos, 2) == "--") {
            return parts;  // the close delimiter
        }
        if (body.substr(pos, 2) != "\r\n") {
            return std::nullopt;
        }
        pos += 2;
        auto const headers_end = body.find("\r\n\r\n", pos);
        if (headers_end == std::string_view::npos) {
            return std::nullopt;
        }
        form_part part;
        auto headers = body.substr(pos, headers_end - pos);
        while (!headers.empty()) {
            auto const eol = headers.find("\r\n");
            auto const line = headers.substr(0, eol);
            headers = eol == std::string_view::npos ? std::string_view{} : headers.substr(eol + 2);
            auto const colon = line.find(':');
            if (colon == std::string_view::npos) {
                return std::nullopt;
            }
            auto const name = lower(trim(line.substr(0, colon)));
            auto const value = trim(line.substr(colon + 1));
            if (name == "content-disposition") {
                part.name = header_parameter(value, "name").value_or("");
                part.filename = header_parameter(value, "filename").value_or("");
            } else if (name == "content-type") {
                part.content_type = std::string(value);
            }
        }
        auto const data_start = headers_end + 4;
        auto const next = body.find("\r\n" + delimiter, data_start);
        if (next == std::string_view::npos) {
            return std::nullopt;
        }
        part.data = body.substr(data_start, next - data_start);
        parts.push_back(std::move(part));
        pos = next + 2;
    }
}

form_part const* find_part(std::vector<form_part> const& parts, std::string_view name) {
    auto const it =
        std::find_if(parts.begin(), parts.end(), [&](form_part const& p) { return p.name == name; });
    return it == parts.end() ? nullptr : &*it;
}

}  // namespace twitter::emulator::detail
