#include "core/stream_lines.hpp"

#include <twitter/error.hpp>

#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <random>
#include <string>
#include <string_view>
#include <vector>

BOOST_AUTO_TEST_SUITE(stream_lines)

namespace {
using namespace twitter::core;
using lines = std::vector<std::string>;

std::string const sample = "{\"data\":{\"id\":\"1\",\"text\":\"caf\xc3\xa9 \\r\\n\"}}\r\n";
std::string_view const sample_line = std::string_view(sample).substr(0, sample.size() - 2);

// What a splitter returned over several feeds, copied: its views end at the next feed.
struct collected {
    lines all;
    std::size_t keep_alives = 0;
};

void feed(line_splitter& splitter, std::string_view chunk, collected& into) {
    split_lines_result out;
    BOOST_TEST_REQUIRE(!splitter.feed(chunk, out));
    into.all.insert(into.all.end(), out.lines.begin(), out.lines.end());
    into.keep_alives += out.keep_alives;
}

bool views_into(std::string_view line, std::string_view chunk) {
    return line.data() >= chunk.data() && line.data() + line.size() <= chunk.data() + chunk.size();
}

// A stream with events of many sizes, keep-alives among them.
std::string many_events() {
    std::string body = "\r\n";
    for (int i = 0; i < 2000; ++i) {
        body += "{\"data\":{\"id\":\"" + std::to_string(i) + "\",\"text\":\"" + std::string(i % 97, 'x') +
                "\"}}\r\n";
        if (i % 7 == 0) body += "\r\n";
    }
    return body;
}
}  // namespace

BOOST_AUTO_TEST_CASE(complete_lines_are_returned_and_the_rest_left) {
    auto const r = split_lines("a\r\nbb\r\nccc");
    BOOST_TEST(lines(r.lines.begin(), r.lines.end()) == (lines{"a", "bb"}), boost::test_tools::per_element());
    BOOST_TEST(r.consumed == 7u);
    BOOST_TEST(r.keep_alives == 0u);
}

BOOST_AUTO_TEST_CASE(without_a_newline_nothing_is_consumed) {
    auto const r = split_lines("{\"data\":\r");
    BOOST_TEST(r.lines.empty());
    BOOST_TEST(r.consumed == 0u);
}

BOOST_AUTO_TEST_CASE(empty_lines_are_keep_alives) {
    auto const r = split_lines("\r\n\r\n{\"a\":1}\r\n\r\n\n{\"b\":2}\n");
    BOOST_TEST(lines(r.lines.begin(), r.lines.end()) == (lines{"{\"a\":1}", "{\"b\":2}"}),
               boost::test_tools::per_element());
    BOOST_TEST(r.keep_alives == 4u);
    BOOST_TEST(r.consumed == 24u);
}

BOOST_AUTO_TEST_CASE(whitespace_lines_are_returned_for_the_parser_to_judge) {
    auto const r = split_lines(" \r\n\t\r\n\r\r\na\rb\r\n");
    BOOST_TEST(lines(r.lines.begin(), r.lines.end()) == (lines{" ", "\t", "\r", "a\rb"}),
               boost::test_tools::per_element());
    BOOST_TEST(r.keep_alives == 0u);
}

BOOST_AUTO_TEST_CASE(a_line_split_in_two_at_every_byte_is_whole) {
    for (std::size_t at = 0; at <= sample.size(); ++at) {
        BOOST_TEST_CONTEXT("split at " << at) {
            line_splitter splitter(1024);
            collected got;
            feed(splitter, std::string_view(sample).substr(0, at), got);
            BOOST_TEST(splitter.pending() == (at == sample.size() ? 0 : at));
            feed(splitter, std::string_view(sample).substr(at), got);
            BOOST_TEST(got.all == (lines{std::string(sample_line)}), boost::test_tools::per_element());
            BOOST_TEST(got.keep_alives == 0u);
            BOOST_TEST(splitter.pending() == 0u);
        }
    }
}

BOOST_AUTO_TEST_CASE(a_line_split_in_three_at_every_pair_of_bytes_is_whole) {
    for (std::size_t first = 0; first <= sample.size(); ++first) {
        for (std::size_t second = first; second <= sample.size(); ++second) {
            BOOST_TEST_CONTEXT("split at " << first << " and " << second) {
                line_splitter splitter(1024);
                collected got;
                std::string_view const s(sample);
                feed(splitter, s.substr(0, first), got);
                feed(splitter, s.substr(first, second - first), got);
                feed(splitter, s.substr(second), got);
                BOOST_TEST(got.all == (lines{std::string(sample_line)}), boost::test_tools::per_element());
                BOOST_TEST(splitter.pending() == 0u);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(a_line_fed_one_byte_at_a_time_is_whole) {
    line_splitter splitter(1024);
    collected got;
    for (char const c : sample) {
        BOOST_TEST_REQUIRE(got.all.empty());
        feed(splitter, std::string_view(&c, 1), got);
    }
    BOOST_TEST(got.all == (lines{std::string(sample_line)}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_crlf_split_between_chunks_ends_the_line) {
    line_splitter splitter(1024);
    collected got;
    feed(splitter, "{\"a\":1}\r", got);
    BOOST_TEST(got.all.empty());
    BOOST_TEST(splitter.pending() == 8u);
    feed(splitter, "\n\r", got);
    BOOST_TEST(got.all == (lines{"{\"a\":1}"}), boost::test_tools::per_element());
    feed(splitter, "\n", got);  // a keep-alive split the same way
    BOOST_TEST(got.keep_alives == 1u);
    BOOST_TEST(splitter.pending() == 0u);
}

BOOST_AUTO_TEST_CASE(keep_alives_at_the_start_and_between_events_are_counted) {
    line_splitter splitter(1024);
    collected got;
    feed(splitter, "\r\n\r\n{\"a\":1}\r\n\r\n{\"b\"", got);
    feed(splitter, ":2}\r\n\r\n", got);
    BOOST_TEST(got.all == (lines{"{\"a\":1}", "{\"b\":2}"}), boost::test_tools::per_element());
    BOOST_TEST(got.keep_alives == 4u);
}

BOOST_AUTO_TEST_CASE(the_tail_is_kept_across_feeds) {
    line_splitter splitter(1024);
    split_lines_result out;
    BOOST_TEST_REQUIRE(!splitter.feed("x\r\ny\r\nzz", out));
    BOOST_TEST(lines(out.lines.begin(), out.lines.end()) == (lines{"x", "y"}),
               boost::test_tools::per_element());
    BOOST_TEST(out.consumed == 6u);
    BOOST_TEST(splitter.pending() == 2u);
    BOOST_TEST_REQUIRE(!splitter.feed("z", out));
    BOOST_TEST(out.lines.empty());
    BOOST_TEST(out.consumed == 0u);
    BOOST_TEST(splitter.pending() == 3u);
    BOOST_TEST_REQUIRE(!splitter.feed("z\r\nw\r\nv", out));
    BOOST_TEST(lines(out.lines.begin(), out.lines.end()) == (lines{"zzzz", "w"}),
               boost::test_tools::per_element());
    BOOST_TEST(out.consumed == 6u);
    BOOST_TEST(splitter.pending() == 1u);
}

BOOST_AUTO_TEST_CASE(lines_not_held_over_are_views_into_the_chunk) {
    line_splitter splitter(1024);
    split_lines_result out;
    std::string const whole = "{\"a\":1}\r\n{\"b\":2}\r\n{\"c\"";
    BOOST_TEST_REQUIRE(!splitter.feed(whole, out));
    BOOST_TEST_REQUIRE(out.lines.size() == 2u);
    BOOST_TEST(views_into(out.lines[0], whole));
    BOOST_TEST(views_into(out.lines[1], whole));

    std::string const next = ":3}\r\n{\"d\":4}\r\n";
    BOOST_TEST_REQUIRE(!splitter.feed(next, out));
    BOOST_TEST_REQUIRE(out.lines.size() == 2u);
    BOOST_TEST(out.lines[0] == "{\"c\":3}");
    BOOST_TEST(!views_into(out.lines[0], next));  // assembled in the splitter
    BOOST_TEST(out.lines[1] == "{\"d\":4}");
    BOOST_TEST(views_into(out.lines[1], next));
}

BOOST_AUTO_TEST_CASE(reset_drops_the_unfinished_line) {
    line_splitter splitter(1024);
    collected got;
    feed(splitter, "{\"half\":", got);
    splitter.reset();
    BOOST_TEST(splitter.pending() == 0u);
    feed(splitter, "{\"a\":1}\r\n", got);
    BOOST_TEST(got.all == (lines{"{\"a\":1}"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(an_unfinished_line_past_the_limit_is_too_long) {
    line_splitter splitter(8);
    split_lines_result out;
    BOOST_TEST_REQUIRE(!splitter.feed("ok\r\n1234", out));
    BOOST_TEST_REQUIRE(!splitter.feed("5678", out));
    BOOST_TEST(splitter.pending() == 8u);
    auto const ec = splitter.feed("9", out);
    BOOST_TEST((ec == twitter::protocol_errc::line_too_long));
    BOOST_TEST(out.lines.empty());
    BOOST_TEST(splitter.pending() == 0u);
    // The splitter was reset: the next line starts clean.
    BOOST_TEST_REQUIRE(!splitter.feed("next\r\n", out));
    BOOST_TEST(lines(out.lines.begin(), out.lines.end()) == (lines{"next"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(an_unfinished_line_past_the_limit_in_one_chunk_is_too_long) {
    line_splitter splitter(8);
    split_lines_result out;
    auto const ec = splitter.feed("ok\r\n123456789", out);
    BOOST_TEST((ec == twitter::protocol_errc::line_too_long));
    BOOST_TEST(out.lines.empty());
    BOOST_TEST(splitter.pending() == 0u);
}

BOOST_AUTO_TEST_CASE(a_line_at_the_limit_is_accepted_with_its_crlf_split) {
    line_splitter splitter(8);
    collected got;
    feed(splitter, "12345678\r", got);  // the "\r" is half of the terminator, not a ninth byte
    feed(splitter, "\n1234", got);
    feed(splitter, "5678\r", got);
    feed(splitter, "\n", got);
    BOOST_TEST(got.all == (lines{"12345678", "12345678"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_complete_line_past_the_limit_is_too_long) {
    line_splitter splitter(8);
    split_lines_result out;
    auto ec = splitter.feed("ok\r\n123456789\r\nok\r\n", out);
    BOOST_TEST((ec == twitter::protocol_errc::line_too_long));
    BOOST_TEST(out.lines.empty());
    BOOST_TEST(out.consumed == 0u);

    // And when it ends in a later chunk than it began.
    BOOST_TEST_REQUIRE(!splitter.feed("12345", out));
    ec = splitter.feed("6789\r\n", out);
    BOOST_TEST((ec == twitter::protocol_errc::line_too_long));
    BOOST_TEST(out.lines.empty());
    BOOST_TEST(splitter.pending() == 0u);
}

BOOST_AUTO_TEST_CASE(a_large_input_fed_byte_by_byte_or_in_random_chunks_splits_as_whole) {
    std::string const body = many_events();
    auto const whole = split_lines(body);
    BOOST_TEST_REQUIRE(whole.consumed == body.size());
    lines const expected(whole.lines.begin(), whole.lines.end());
    BOOST_TEST_REQUIRE(expected.size() == 2000u);

    line_splitter one_at_a_time(4096);
    collected bytes;
    for (std::size_t i = 0; i < body.size(); ++i)
        feed(one_at_a_time, std::string_view(body).substr(i, 1), bytes);
    BOOST_TEST(bytes.all == expected, boost::test_tools::per_element());
    BOOST_TEST(bytes.keep_alives == whole.keep_alives);

    line_splitter in_one(4096);
    collected at_once;
    feed(in_one, body, at_once);
    BOOST_TEST(at_once.all == expected, boost::test_tools::per_element());
    BOOST_TEST(at_once.keep_alives == whole.keep_alives);

    std::minstd_rand random(42);
    std::uniform_int_distribution<std::size_t> size(0, 300);
    line_splitter in_chunks(4096);
    collected chunks;
    for (std::size_t at = 0; at < body.size();) {
        std::size_t const n = size(random);
        feed(in_chunks, std::string_view(body).substr(at, n), chunks);
        at += n;
    }
    BOOST_TEST(chunks.all == expected, boost::test_tools::per_element());
    BOOST_TEST(chunks.keep_alives == whole.keep_alives);
    BOOST_TEST(in_chunks.pending() == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
