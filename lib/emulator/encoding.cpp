#include "emulator/encoding.hpp"

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <array>
#include <stdexcept>

namespace twitter::emulator::detail {

namespace {

constexpr std::string_view hex_digits = "0123456789ABCDEF";
constexpr std::string_view base64_alphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr std::string_view base64url_alphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

bool unreserved(unsigned char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~';
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

std::string encode64(std::span<unsigned char const> bytes, std::string_view alphabet, bool pad) {
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        unsigned const v = (unsigned{bytes[i]} << 16) | (unsigned{bytes[i + 1]} << 8) | bytes[i + 2];
        for (int shift : {18, 12, 6, 0}) {
            out += alphabet[(v >> shift) & 63];
        }
    }
    if (auto const rest = bytes.size() - i; rest > 0) {
        unsigned const v = (unsigned{bytes[i]} << 16) | (rest == 2 ? unsigned{bytes[i + 1]} << 8 : 0u);
        out += alphabet[(v >> 18) & 63];
        out += alphabet[(v >> 12) & 63];
        if (rest == 2) {
            out += alphabet[(v >> 6) & 63];
        }
        if (pad) {
            out.append(3 - rest, '=');
        }
    }
    return out;
}

}  // namespace

std::string percent_encode(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char const ch : s) {
        auto const c = static_cast<unsigned char>(ch);
        if (unreserved(c)) {
            out += ch;
        } else {
            out += '%';
            out += hex_digits[c >> 4];
            out += hex_digits[c & 15];
        }
    }
    return out;
}

std::optional<std::string> percent_decode(std::string_view s, bool plus_is_space) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%') {
            if (i + 2 >= s.size() || hex_value(s[i + 1]) < 0 || hex_value(s[i + 2]) < 0) {
                return std::nullopt;
            }
            out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
            i += 2;
        } else if (plus_is_space && s[i] == '+') {
            out += ' ';
        } else {
            out += s[i];
        }
    }
    return out;
}

std::optional<param_list> parse_form(std::string_view text) {
    param_list out;
    while (!text.empty()) {
        auto const amp = text.find('&');
        auto const pair = text.substr(0, amp);
        if (!pair.empty()) {
            auto const eq = pair.find('=');
            auto name = percent_decode(pair.substr(0, eq), true);
            auto value = eq == std::string_view::npos ? std::optional<std::string>(std::string{})
                                                      : percent_decode(pair.substr(eq + 1), true);
            if (!name || !value) {
                return std::nullopt;
            }
            out.push_back({std::move(*name), std::move(*value)});
        }
        if (amp == std::string_view::npos) {
            break;
        }
        text.remove_prefix(amp + 1);
    }
    return out;
}

std::string form_encode(param_list const& params) {
    std::string out;
    for (auto const& p : params) {
        if (!out.empty()) {
            out += '&';
        }
        out.append(percent_encode(p.name)).append("=").append(percent_encode(p.value));
    }
    return out;
}

std::string with_query(std::string_view url, param_list const& params) {
    std::string out(url);
    out += url.find('?') == std::string_view::npos ? '?' : '&';
    return out + form_encode(params);
}

std::string const* find_param(param_list const& params, std::string_view name) {
    for (auto const& p : params) {
        if (p.name == name) {
            return &p.value;
        }
    }
    return nullptr;
}

std::string base64_encode(std::span<unsigned char const> bytes) {
    return encode64(bytes, base64_alphabet, true);
}

std::string base64url_encode(std::span<unsigned char const> bytes) {
    return encode64(bytes, base64url_alphabet, false);
}

std::optional<std::string> base64_decode(std::string_view text) {
    if (text.size() % 4 != 0) {
        return std::nullopt;
    }
    std::string out;
    out.reserve(text.size() / 4 * 3);
    for (std::size_t i = 0; i < text.size(); i += 4) {
        bool const last = i + 4 == text.size();
        unsigned v = 0;
        int pads = 0;
        for (std::size_t j = 0; j < 4; ++j) {
            char const c = text[i + j];
            if (c == '=' && last && j >= 2) {
                ++pads;
                v <<= 6;
                continue;
            }
            auto const pos = base64_alphabet.find(c);
            if (pos == std::string_view::npos || pads > 0) {
                return std::nullopt;
            }
            v = (v << 6) | static_cast<unsigned>(pos);
        }
        out += static_cast<char>((v >> 16) & 0xFF);
        if (pads < 2) {
            out += static_cast<char>((v >> 8) & 0xFF);
        }
        if (pads < 1) {
            out += static_cast<char>(v & 0xFF);
        }
    }
    return out;
}

bool constant_time_equal(std::string_view a, std::string_view b) {
    return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

bool starts_with_icase(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) {
        return false;
    }
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        auto const lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
        if (lower(text[i]) != lower(prefix[i])) {
            return false;
        }
    }
    return true;
}

std::optional<basic_credentials> parse_basic_auth(std::string_view authorization) {
    constexpr std::string_view scheme = "basic ";
    if (!starts_with_icase(authorization, scheme)) {
        return std::nullopt;
    }
    auto const decoded = base64_decode(authorization.substr(scheme.size()));
    if (!decoded) {
        return std::nullopt;
    }
    auto const colon = decoded->find(':');
    if (colon == std::string::npos) {
        return std::nullopt;
    }
    auto id = percent_decode(std::string_view(*decoded).substr(0, colon), true);
    auto secret = percent_decode(std::string_view(*decoded).substr(colon + 1), true);
    if (!id || !secret) {
        return std::nullopt;
    }
    return basic_credentials{std::move(*id), std::move(*secret)};
}

std::vector<unsigned char> random_bytes(std::size_t bytes) {
    std::vector<unsigned char> out(bytes);
    if (!out.empty() && RAND_bytes(out.data(), static_cast<int>(out.size())) != 1) {
        throw std::runtime_error("twitter emulator: RAND_bytes failed");
    }
    return out;
}

}  // namespace twitter::emulator::detail
