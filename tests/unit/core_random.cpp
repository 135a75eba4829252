#include "core/random.hpp"

#include <boost/test/unit_test.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <set>
#include <string>
#include <vector>

BOOST_AUTO_TEST_SUITE(core_random)

namespace core = twitter::core;

namespace {

bool is_base64url(std::string const& s) {
    return std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
               c == '_';
    });
}

}  // namespace

BOOST_AUTO_TEST_CASE(random_bytes_differ_between_draws) {
    std::array<unsigned char, 32> a{}, b{};
    BOOST_TEST(core::random_bytes(a).has_value());
    BOOST_TEST(core::random_bytes(b).has_value());
    BOOST_TEST((a != b));
    BOOST_TEST(core::random_bytes({}).has_value());
}

BOOST_AUTO_TEST_CASE(public_random_bytes_never_repeat_across_buffer_refills) {
    std::set<std::string> seen;
    for (int i = 0; i < 2000; ++i) {  // 32 KB: several refills of the per-thread buffer
        std::array<unsigned char, 16> draw{};
        BOOST_TEST_REQUIRE(core::public_random_bytes(draw).has_value());
        seen.emplace(draw.begin(), draw.end());
    }
    BOOST_TEST(seen.size() == 2000u);
}

BOOST_AUTO_TEST_CASE(public_random_bytes_serves_requests_larger_than_its_buffer) {
    std::vector<unsigned char> big(10000, 0);
    BOOST_TEST(core::public_random_bytes(big).has_value());
    BOOST_TEST(std::count(big.begin(), big.end(), 0) < 200);
}

BOOST_AUTO_TEST_CASE(forked_child_does_not_repeat_the_parents_buffered_bytes) {
    std::array<unsigned char, 16> primer{};
    BOOST_TEST_REQUIRE(core::public_random_bytes(primer).has_value());  // the buffer now holds unused bytes
    int fds[2];
    BOOST_TEST_REQUIRE(::pipe(fds) == 0);
    pid_t const child = ::fork();
    BOOST_TEST_REQUIRE(child >= 0);
    if (child == 0) {
        std::array<unsigned char, 16> draw{};
        bool const ok = core::public_random_bytes(draw).has_value();
        ssize_t const written = ok ? ::write(fds[1], draw.data(), draw.size()) : -1;
        ::_exit(written == static_cast<ssize_t>(draw.size()) ? 0 : 1);
    }
    ::close(fds[1]);
    std::array<unsigned char, 16> from_child{};
    ssize_t const got = ::read(fds[0], from_child.data(), from_child.size());
    ::close(fds[0]);
    int status = 0;
    ::waitpid(child, &status, 0);
    BOOST_TEST_REQUIRE(got == static_cast<ssize_t>(from_child.size()));
    BOOST_TEST(WIFEXITED(status));
    std::array<unsigned char, 16> from_parent{};
    BOOST_TEST_REQUIRE(core::public_random_bytes(from_parent).has_value());
    BOOST_TEST((from_child != from_parent));
}

BOOST_AUTO_TEST_CASE(random_token_has_the_exact_length_in_base64url) {
    for (std::size_t n = 0; n <= 130; ++n) {
        auto const token = core::random_token(n);
        BOOST_TEST_REQUIRE(token.has_value());
        BOOST_TEST(token->size() == n);
        BOOST_TEST(is_base64url(*token));
    }
}

BOOST_AUTO_TEST_CASE(random_tokens_are_unique) {
    std::set<std::string> seen;
    for (int i = 0; i < 1000; ++i) seen.insert(*core::random_token(22));
    BOOST_TEST(seen.size() == 1000u);
}

BOOST_AUTO_TEST_SUITE_END()
