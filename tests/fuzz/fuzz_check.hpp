#ifndef TWITTER_TESTS_FUZZ_FUZZ_CHECK_HPP
#define TWITTER_TESTS_FUZZ_FUZZ_CHECK_HPP

// An invariant a fuzzer checks: when it does not hold, the run aborts, so libFuzzer records the input as a
// crash. Not assert(): it must hold in every build type.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#define FUZZ_CHECK(condition)                                                                              \
    do {                                                                                                   \
        if (!(condition)) {                                                                                \
            std::fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #condition);         \
            std::abort();                                                                                  \
        }                                                                                                  \
    } while (false)

namespace twitter::fuzz {

// The fuzzer's input as text.
inline std::string_view as_text(std::uint8_t const* data, std::size_t size) {
    return {reinterpret_cast<char const*>(data), size};
}

// Takes the first byte off `in` (0 when empty): a fuzzer's choice among variants.
inline unsigned char take_byte(std::string_view& in) {
    if (in.empty()) return 0;
    auto const b = static_cast<unsigned char>(in.front());
    in.remove_prefix(1);
    return b;
}

// Takes everything up to the first '\n' off `in` (all of it when there is none).
inline std::string_view take_line(std::string_view& in) {
    auto const newline = in.find('\n');
    std::string_view const line = in.substr(0, newline);
    in = newline == std::string_view::npos ? std::string_view{} : in.substr(newline + 1);
    return line;
}

}  // namespace twitter::fuzz

#endif
