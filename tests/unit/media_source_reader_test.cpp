#include "media/source_reader.hpp"

#include "print_error_enums.hpp"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <string>

BOOST_AUTO_TEST_SUITE(media_source_reader)

namespace {
using twitter::media_errc;
using twitter::media_source;
using twitter::media::source_reader;

// A file of `size` bytes whose byte i is i mod 251, removed at the end of the test.
struct temp_file {
    std::filesystem::path path;
    explicit temp_file(std::size_t size) {
        path = std::filesystem::temp_directory_path() /
               ("twitter_media_reader_" + std::to_string(reinterpret_cast<std::uintptr_t>(this)) + ".bin");
        std::ofstream out(path, std::ios::binary);
        for (std::size_t i = 0; i < size; ++i) out.put(static_cast<char>(i % 251));
    }
    ~temp_file() {
        std::error_code ec;
        std::filesystem::remove(path, ec);
    }
};
}  // namespace

BOOST_AUTO_TEST_CASE(bytes_are_read_as_views_of_the_shared_buffer) {
    auto const data = std::make_shared<std::string const>("0123456789");
    twitter::diagnostics diag;
    auto reader = source_reader::open(media_source::from_bytes(data), diag);
    BOOST_TEST_REQUIRE(reader.has_value());
    BOOST_TEST(reader->size() == 10u);
    auto const piece = reader->read(3, 4, diag);
    BOOST_TEST_REQUIRE(piece.has_value());
    BOOST_TEST(*piece == "3456");
    BOOST_TEST(static_cast<void const*>(piece->data()) == static_cast<void const*>(data->data() + 3));
    BOOST_TEST(reader->read(8, 3, diag).error() == media_errc::source_unreadable);
}

BOOST_AUTO_TEST_CASE(a_file_is_read_one_range_at_a_time) {
    temp_file const file(10000);
    auto const source = media_source::from_file(file.path);
    BOOST_TEST(source.is_file());
    BOOST_TEST(source.filename() == file.path.filename().string());
    twitter::diagnostics diag;
    auto reader = source_reader::open(source, diag);
    BOOST_TEST_REQUIRE(reader.has_value());
    BOOST_TEST(reader->size() == 10000u);
    for (std::uint64_t offset : {0u, 4096u, 8192u}) {
        std::size_t const length = offset == 8192 ? 1808 : 4096;
        auto const piece = reader->read(offset, length, diag);
        BOOST_TEST_REQUIRE(piece.has_value());
        BOOST_TEST(piece->size() == length);
        bool same = true;
        for (std::size_t i = 0; i < length; ++i)
            same = same && static_cast<unsigned char>((*piece)[i]) == (offset + i) % 251;
        BOOST_TEST(same);
    }
}

BOOST_AUTO_TEST_CASE(a_missing_file_is_unreadable_and_says_which) {
    twitter::diagnostics diag;
    auto const reader = source_reader::open(media_source::from_file("/nonexistent/dir/clip.mp4"), diag);
    BOOST_TEST_REQUIRE(reader.has_error());
    BOOST_TEST(reader.error() == media_errc::source_unreadable);
    BOOST_TEST(diag.message.find("/nonexistent/dir/clip.mp4") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_file_that_shrinks_while_read_is_unreadable) {
    temp_file const file(8192);
    twitter::diagnostics diag;
    auto reader = source_reader::open(media_source::from_file(file.path), diag);
    BOOST_TEST_REQUIRE(reader.has_value());
    std::filesystem::resize_file(file.path, 5000);
    BOOST_TEST(reader->read(0, 4096, diag).has_value());
    auto const tail = reader->read(4096, 4096, diag);
    BOOST_TEST_REQUIRE(tail.has_error());
    BOOST_TEST(tail.error() == media_errc::source_unreadable);
}

BOOST_AUTO_TEST_CASE(a_null_buffer_is_an_empty_media) {
    twitter::diagnostics diag;
    auto reader = source_reader::open(media_source::from_bytes(std::shared_ptr<std::string const>()), diag);
    BOOST_TEST_REQUIRE(reader.has_value());
    BOOST_TEST(reader->size() == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
