#include "media/multipart.hpp"

#include "core/random.hpp"

#include <array>
#include <cstddef>
#include <random>

namespace twitter::media {
namespace {

constexpr std::string_view boundary_prefix = "twitter-asio-";
constexpr std::string_view file_default_type = "application/octet-stream";

bool is_bchar_nospace(char c) noexcept {
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
    return std::string_view("'()+_,-./:=?").find(c) != std::string_view::npos;
}

bool contains_delimiter(std::string_view text, std::string_view boundary) noexcept {
    for (std::size_t at = text.find("--"); at != std::string_view::npos; at = text.find("--", at + 1))
        if (text.substr(at + 2).starts_with(boundary)) return true;
    return false;
}

// A quoted-string for Content-Disposition: '"', CR and LF percent-encoded, as browsers do (RFC 7578 4.2).
void append_quoted(std::string& out, std::string_view value) {
    out += '"';
    for (char c : value) {
        switch (c) {
            case '"': out += "%22"; break;
            case '\r': out += "%0D"; break;
            case '\n': out += "%0A"; break;
            default: out += c;
        }
    }
    out += '"';
}

}  // namespace

bool is_valid_boundary(std::string_view boundary) noexcept {
    if (boundary.empty() || boundary.size() > 70 || boundary.back() == ' ') return false;
    for (char c : boundary)
        if (c != ' ' && !is_bchar_nospace(c)) return false;
    return true;
}

bool boundary_is_safe(std::string_view boundary, std::span<form_part const> parts) noexcept {
    for (form_part const& p : parts)
        if (contains_delimiter(p.name, boundary) || contains_delimiter(p.filename, boundary) ||
            contains_delimiter(p.content_type, boundary) || contains_delimiter(p.data, boundary))
            return false;
    return true;
}

boost::system::result<std::string> choose_boundary(std::span<form_part const> parts,
                                                   std::function<std::string()> const& next, int attempts) {
    for (int i = 0; i < attempts; ++i) {
        std::string candidate = next();
        if (is_valid_boundary(candidate) && boundary_is_safe(candidate, parts)) return candidate;
    }
    return error_code(client_errc::invalid_argument);
}

std::string random_boundary() {
    static constexpr std::string_view alphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    std::array<unsigned char, 32> bytes{};
    if (!core::public_random_bytes(bytes)) {
        // The boundary is checked against the data before use, so a weaker source only costs a retry.
        std::random_device device;
        for (auto& b : bytes) b = static_cast<unsigned char>(device());
    }
    std::string out(boundary_prefix);
    for (unsigned char b : bytes) out += alphabet[b % alphabet.size()];
    return out;
}

boost::system::result<multipart_body> encode_multipart(std::span<form_part const> parts, std::string_view boundary) {
    if (!is_valid_boundary(boundary) || !boundary_is_safe(boundary, parts))
        return error_code(client_errc::invalid_argument);

    std::size_t size = boundary.size() + 8;
    for (form_part const& p : parts)
        size += boundary.size() + p.name.size() + p.filename.size() + p.content_type.size() + p.data.size() + 128;

    multipart_body out;
    out.content_type = "multipart/form-data; boundary=";
    out.content_type += boundary;
    out.body.reserve(size);
    for (form_part const& p : parts) {
        out.body += "--";
        out.body += boundary;
        out.body += "\r\nContent-Disposition: form-data; name=";
        append_quoted(out.body, p.name);
        if (!p.filename.empty()) {
            out.body += "; filename=";
            append_quoted(out.body, p.filename);
            out.body += "\r\nContent-Type: ";
            out.body += p.content_type.empty() ? file_default_type : p.content_type;
        }
        out.body += "\r\n\r\n";
        out.body += p.data;
        out.body += "\r\n";
    }
    out.body += "--";
    out.body += boundary;
    out.body += "--\r\n";
    return out;
}

boost::system::result<multipart_body> encode_multipart(std::span<form_part const> parts) {
    auto boundary = choose_boundary(parts, random_boundary);
    if (!boundary) return boundary.error();
    return encode_multipart(parts, *boundary);
}

}  // namespace twitter::media
