#include "media/chunk_plan.hpp"

#include "print_error_enums.hpp"

#include <twitter/media/types.hpp>

#include <boost/test/unit_test.hpp>

#include <cstdint>

BOOST_AUTO_TEST_SUITE(media_chunk_plan)

namespace {
using twitter::media_errc;
using twitter::media::plan_chunks;
constexpr std::size_t mib = 1024 * 1024;

// Every byte is in exactly one chunk, in order, and only the last chunk may be short.
void check_covers(twitter::media::chunk_plan const& plan) {
    std::uint64_t next = 0;
    for (std::size_t i = 0; i < plan.count; ++i) {
        auto const c = plan.at(i);
        BOOST_TEST(c.index == i);
        BOOST_TEST(c.offset == next);
        BOOST_TEST(c.size > 0u);
        BOOST_TEST(c.size <= plan.chunk_size);
        if (i + 1 < plan.count) BOOST_TEST(c.size == plan.chunk_size);
        next += c.size;
    }
    BOOST_TEST(next == plan.total);
}
}  // namespace

BOOST_AUTO_TEST_CASE(twenty_mib_in_four_mib_chunks_is_five_full_chunks) {
    auto const plan = plan_chunks(20 * mib, 4 * mib);
    BOOST_TEST_REQUIRE(plan.has_value());
    BOOST_TEST(plan->count == 5u);
    BOOST_TEST(plan->chunk_size == 4 * mib);
    BOOST_TEST(plan->at(4).size == 4 * mib);
    check_covers(*plan);
}

BOOST_AUTO_TEST_CASE(the_last_chunk_is_short) {
    auto const plan = plan_chunks(10 * mib + 1, 4 * mib);
    BOOST_TEST_REQUIRE(plan.has_value());
    BOOST_TEST(plan->count == 3u);
    BOOST_TEST(plan->at(2).offset == 8 * mib);
    BOOST_TEST(plan->at(2).size == 2 * mib + 1);
    check_covers(*plan);
}

BOOST_AUTO_TEST_CASE(the_recorded_mp4_upload_is_two_segments_of_one_mib_chunks) {
    // testmediauploadmp4.json: 1577963 bytes, sent by Tweepy in 1 MiB chunks as two APPENDs.
    auto const plan = plan_chunks(1577963, mib);
    BOOST_TEST_REQUIRE(plan.has_value());
    BOOST_TEST(plan->count == 2u);
    BOOST_TEST(plan->at(0).size == mib);
    BOOST_TEST(plan->at(1).size == 1577963 - mib);
}

BOOST_AUTO_TEST_CASE(one_byte_is_one_chunk) {
    auto const plan = plan_chunks(1, 4 * mib);
    BOOST_TEST_REQUIRE(plan.has_value());
    BOOST_TEST(plan->count == 1u);
    BOOST_TEST(plan->at(0).size == 1u);
}

BOOST_AUTO_TEST_CASE(an_empty_media_is_refused) {
    auto const plan = plan_chunks(0, 4 * mib);
    BOOST_TEST_REQUIRE(plan.has_error());
    BOOST_TEST(plan.error() == media_errc::empty_media);
}

BOOST_AUTO_TEST_CASE(chunks_are_between_one_byte_and_five_mib) {
    BOOST_TEST(plan_chunks(100, 0).error() == media_errc::chunk_size_out_of_range);
    BOOST_TEST(plan_chunks(100, 5 * mib + 1).error() == media_errc::chunk_size_out_of_range);
    auto const largest = plan_chunks(11 * mib, 5 * mib);
    BOOST_TEST_REQUIRE(largest.has_value());
    BOOST_TEST(largest->count == 3u);
    auto const smallest = plan_chunks(3, 1);
    BOOST_TEST_REQUIRE(smallest.has_value());
    BOOST_TEST(smallest->count == 3u);
}

BOOST_AUTO_TEST_CASE(chunks_grow_to_stay_within_a_thousand_segments) {
    std::uint64_t const total = 1000ull * 64 * 1024 + 1;  // 1001 chunks of 64 KiB would be one too many
    auto const plan = plan_chunks(total, 64 * 1024);
    BOOST_TEST_REQUIRE(plan.has_value());
    BOOST_TEST(plan->count <= 1000u);
    BOOST_TEST(plan->chunk_size > 64u * 1024);
    check_covers(*plan);
}

BOOST_AUTO_TEST_CASE(more_than_a_thousand_five_mib_chunks_is_refused) {
    std::uint64_t const limit = 1000ull * 5 * mib;
    BOOST_TEST(plan_chunks(limit, 5 * mib).has_value());
    BOOST_TEST(plan_chunks(limit, 5 * mib)->count == 1000u);
    BOOST_TEST(plan_chunks(limit + 1, 5 * mib).error() == media_errc::too_many_segments);
}

BOOST_AUTO_TEST_CASE(every_plan_covers_the_media_exactly) {
    for (std::uint64_t total : {1ull, 2ull, 4095ull, 4096ull, 4097ull, 3ull * mib, 7ull * mib + 13})
        for (std::size_t size : {std::size_t{1} << 12, std::size_t{1000}, 4 * mib}) {
            auto const plan = plan_chunks(total, size);
            BOOST_TEST_REQUIRE(plan.has_value());
            check_covers(*plan);
        }
}

BOOST_AUTO_TEST_SUITE_END()
