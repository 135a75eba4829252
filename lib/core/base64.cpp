#include "core/base64.hpp"

#include "core/errc.hpp"

#include <array>
#include <cstddef>
#include <cstdint>

namespace twitter::core {
namespace {

constexpr char standard_alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr char url_alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

// -1 marks a byte outside the alphabet.
constexpr std::array<signed char, 256> reverse(char const (&alphabet)[65]) {
    std::array<signed char, 256> t{};
    t.fill(-1);
    for (int i = 0; i < 64; ++i) t[static_cast<unsigned char>(alphabet[i])] = static_cast<signed char>(i);
    return t;
}

constexpr auto standard_values = reverse(standard_alphabet);
constexpr auto url_values = reverse(url_alphabet);

std::string encode(unsigned char const* in, std::size_t n, char const (&alphabet)[65], bool pad) {
    std::string out;
    out.resize((n + 2) / 3 * 4);
    char* p = out.data();
    std::size_t i = 0;
    for (; i + 3 <= n; i += 3) {
        std::uint32_t const v = (std::uint32_t{in[i]} << 16) | (std::uint32_t{in[i + 1]} << 8) | in[i + 2];
        p[0] = alphabet[(v >> 18) & 63];
        p[1] = alphabet[(v >> 12) & 63];
        p[2] = alphabet[(v >> 6) & 63];
        p[3] = alphabet[v & 63];
        p += 4;
    }
    if (std::size_t const rest = n - i; rest != 0) {
        std::uint32_t v = std::uint32_t{in[i]} << 16;
        if (rest == 2) v |= std::uint32_t{in[i + 1]} << 8;
        *p++ = alphabet[(v >> 18) & 63];
        *p++ = alphabet[(v >> 12) & 63];
        if (rest == 2) *p++ = alphabet[(v >> 6) & 63];
        if (pad) {
            for (std::size_t k = rest; k < 3; ++k) *p++ = '=';
        }
    }
    out.resize(static_cast<std::size_t>(p - out.data()));
    return out;
}

// Decodes unpadded text; its length modulo 4 must be 0, 2 or 3.
boost::system::result<std::string> decode(std::string_view in, std::array<signed char, 256> const& values) {
    if (in.size() % 4 == 1) return core_errc::bad_base64;
    std::string out;
    out.resize(in.size() / 4 * 3 + (in.size() % 4 == 0 ? 0 : in.size() % 4 - 1));
    char* p = out.data();
    std::uint32_t acc = 0;
    int bits = 0;
    for (char const ch : in) {
        int const v = values[static_cast<unsigned char>(ch)];
        if (v < 0) return core_errc::bad_base64;
        acc = (acc << 6) | static_cast<std::uint32_t>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            *p++ = static_cast<char>((acc >> bits) & 0xFF);
        }
    }
    // RFC 4648 section 3.5: the bits left over must be zero, so each byte string has exactly one encoding.
    if ((acc & ((1u << bits) - 1)) != 0) return core_errc::bad_base64;
    return out;
}

auto bytes(std::string_view s) noexcept {
    return std::span<unsigned char const>(reinterpret_cast<unsigned char const*>(s.data()), s.size());
}

}  // namespace

std::string base64_encode(std::span<unsigned char const> in) {
    return encode(in.data(), in.size(), standard_alphabet, true);
}
std::string base64_encode(std::string_view in) { return base64_encode(bytes(in)); }

std::string base64url_encode(std::span<unsigned char const> in) {
    return encode(in.data(), in.size(), url_alphabet, false);
}
std::string base64url_encode(std::string_view in) { return base64url_encode(bytes(in)); }

boost::system::result<std::string> base64_decode(std::string_view in) {
    if (in.size() % 4 != 0) return core_errc::bad_base64;
    // At most two '=' and only at the end; the rest of the text is checked against the alphabet.
    std::size_t pad = 0;
    while (pad < 2 && pad < in.size() && in[in.size() - 1 - pad] == '=') ++pad;
    return decode(in.substr(0, in.size() - pad), standard_values);
}

boost::system::result<std::string> base64url_decode(std::string_view in) { return decode(in, url_values); }

}  // namespace twitter::core
