#include "core/percent_encoding.hpp"

#include "core/errc.hpp"

#include <array>
#include <cstddef>

namespace twitter::core {
namespace {

constexpr char hex_digits[] = "0123456789ABCDEF";

constexpr bool is_alnum(unsigned char c) noexcept {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

// RFC 3986 section 2.3.
constexpr auto unreserved = [] {
    std::array<bool, 256> t{};
    for (unsigned c = 0; c < 256; ++c)
        t[c] = is_alnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_' || c == '~';
    return t;
}();

// WHATWG application/x-www-form-urlencoded percent-encode set, without space (which becomes '+').
constexpr auto form_safe = [] {
    std::array<bool, 256> t{};
    for (unsigned c = 0; c < 256; ++c)
        t[c] = is_alnum(static_cast<unsigned char>(c)) || c == '*' || c == '-' || c == '.' || c == '_';
    return t;
}();

// -1 marks a byte that is not a hex digit.
constexpr auto hex_value = [] {
    std::array<signed char, 256> t{};
    t.fill(-1);
    for (int c = 0; c < 10; ++c) t['0' + c] = static_cast<signed char>(c);
    for (int c = 0; c < 6; ++c) {
        t['A' + c] = static_cast<signed char>(10 + c);
        t['a' + c] = static_cast<signed char>(10 + c);
    }
    return t;
}();

// Single pass: grow to the worst case once, write through a pointer, then trim.
template <bool PlusForSpace>
void encode_to(std::string& out, std::string_view in, std::array<bool, 256> const& safe) {
    std::size_t const start = out.size();
    out.resize(start + 3 * in.size());
    char* p = out.data() + start;
    for (char const ch : in) {
        auto const c = static_cast<unsigned char>(ch);
        if (safe[c]) {
            *p++ = ch;
        } else if (PlusForSpace && c == ' ') {
            *p++ = '+';
        } else {
            p[0] = '%';
            p[1] = hex_digits[c >> 4];
            p[2] = hex_digits[c & 0xF];
            p += 3;
        }
    }
    out.resize(static_cast<std::size_t>(p - out.data()));
}

template <bool PlusIsSpace>
boost::system::result<void> decode_to(std::string& out, std::string_view in) {
    std::size_t const start = out.size();
    out.resize(start + in.size());
    char* p = out.data() + start;
    for (std::size_t i = 0; i < in.size(); ++i) {
        char const ch = in[i];
        if (ch == '%') {
            if (in.size() - i < 3) {
                out.resize(start);
                return core_errc::bad_percent_escape;
            }
            int const hi = hex_value[static_cast<unsigned char>(in[i + 1])];
            int const lo = hex_value[static_cast<unsigned char>(in[i + 2])];
            if (hi < 0 || lo < 0) {
                out.resize(start);
                return core_errc::bad_percent_escape;
            }
            *p++ = static_cast<char>((hi << 4) | lo);
            i += 2;
        } else if (PlusIsSpace && ch == '+') {
            *p++ = ' ';
        } else {
            *p++ = ch;
        }
    }
    out.resize(static_cast<std::size_t>(p - out.data()));
    return {};
}

template <bool PlusIsSpace>
boost::system::result<std::string> decode(std::string_view in) {
    std::string out;
    if (auto r = decode_to<PlusIsSpace>(out, in); !r) return r.error();
    return out;
}

}  // namespace

void percent_encode_to(std::string& out, std::string_view in) { encode_to<false>(out, in, unreserved); }

std::string percent_encode(std::string_view in) {
    std::string out;
    percent_encode_to(out, in);
    return out;
}

std::string form_encode(std::string_view in) {
    std::string out;
    encode_to<true>(out, in, form_safe);
    return out;
}

boost::system::result<std::string> percent_decode(std::string_view in) { return decode<false>(in); }

boost::system::result<std::string> form_decode(std::string_view in) { return decode<true>(in); }

boost::system::result<void> form_decode_to(std::string& out, std::string_view in) {
    return decode_to<true>(out, in);
}

}  // namespace twitter::core
