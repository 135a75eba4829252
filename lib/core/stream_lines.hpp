#ifndef TWITTER_LIB_CORE_STREAM_LINES_HPP
#define TWITTER_LIB_CORE_STREAM_LINES_HPP

// Cutting a stream's body into lines. X ends every line with "\r\n" and sends a bare "\r\n" as a keep-alive;
// a line can arrive split across any number of reads. Pure: no I/O.

#include <twitter/error.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace twitter::core {

struct split_lines_result {
    std::vector<std::string_view> lines;  // complete, non-empty lines of `data`, without their terminators
    std::size_t consumed = 0;             // bytes of `data` up to the end of the last complete line
    std::size_t keep_alives = 0;          // empty lines ("\r\n" or "\n") skipped
};

// Every complete line of `data`: a line ends at "\n", and a "\r" before it is dropped. Bytes after the last
// "\n" are an incomplete line, left unconsumed. A line of only "\r" is a keep-alive.
split_lines_result split_lines(std::string_view data);

// Keeps the incomplete tail between reads.
class line_splitter {
public:
    explicit line_splitter(std::size_t max_line_size);

    // Appends a chunk and returns the lines it completed; the views stay valid until the next call to
    // feed() or reset(). protocol_errc::line_too_long when an unfinished line grows past max_line_size (the
    // splitter is then reset).
    error_code feed(std::string_view chunk, split_lines_result& out);

    // Drops an unfinished line: a new connection starts clean.
    void reset() noexcept;

    // Bytes of an unfinished line held.
    std::size_t pending() const noexcept;

private:
    std::size_t max_line_size_;
    std::string buffer_;
};

}  // namespace twitter::core

#endif
