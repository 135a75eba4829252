#include "core/percent_encoding.hpp"

#include "core/errc.hpp"

#include <array>
#include <cstddef>
#include <cstring>

namespace twitter::core {
namespace {

constexpr char hex_digits[] = "0123456789ABCDEF";

constexpr bool is_alnum(unsigned char c) noexcept {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

// RFC 3986 section 2.3.
constexpr bool is_unreserved(unsigned char c) noexcept {
    return is_alnum(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

// WHATWG application/x-www-form-urlencoded percent-encode set, without space (which becomes '+').
constexpr bool is_form_safe(unsigned char c) noexcept {
    return is_alnum(c) || c == '*' || c == '-' || c == '.' || c == '_';
}

// What each byte encodes to: up to three characters, and how many. Writing all four bytes of an entry and
// then advancing by its length keeps the loop free of branches, which profiling showed was where signing
// spent its encoding time.
struct encoding {
    char chars[3];
    unsigned char length;
};
static_assert(sizeof(encoding) == 4, "encode_to stores whole entries");
using encoding_table = std::array<encoding, 256>;

template <bool PlusForSpace>
constexpr encoding_table make_table(bool (*safe)(unsigned char) noexcept) {
    encoding_table t{};
    for (unsigned c = 0; c < 256; ++c) {
        auto const u = static_cast<unsigned char>(c);
        if (safe(u))
            t[c] = {{static_cast<char>(u), 0, 0}, 1};
        else if (PlusForSpace && u == ' ')
            t[c] = {{'+', 0, 0}, 1};
        else
            t[c] = {{'%', hex_digits[u >> 4], hex_digits[u & 0xF]}, 3};
    }
    return t;
}

constexpr auto percent_table = make_table<false>(is_unreserved);
constexpr auto form_table = make_table<true>(is_form_safe);

// Single pass: grow to the worst case once (plus one byte for the four-byte stores), then trim.
void encode_to(std::string& out, std::string_view in, encoding_table const& table) {
    std::size_t const start = out.size();
    out.resize(start + 3 * in.size() + 1);
    char* p = out.data() + start;
    for (char const ch : in) {
        encoding const& e = table[static_cast<unsigned char>(ch)];
        std::memcpy(p, &e, sizeof e);
        p += e.length;
    }
    out.resize(static_cast<std::size_t>(p - out.data()));
}

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

void percent_encode_to(std::string& out, std::string_view in) { encode_to(out, in, percent_table); }

std::string percent_encode(std::string_view in) {
    std::string out;
    percent_encode_to(out, in);
    return out;
}

std::string form_encode(std::string_view in) {
    std::string out;
    encode_to(out, in, form_table);
    return out;
}

boost::system::result<std::string> percent_decode(std::string_view in) { return decode<false>(in); }

boost::system::result<std::string> form_decode(std::string_view in) { return decode<true>(in); }

boost::system::result<void> form_decode_to(std::string& out, std::string_view in) {
    return decode_to<true>(out, in);
}

}  // namespace twitter::core
