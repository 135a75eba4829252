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

    // Appends a chunk and returns the lines it completed, and in `out.consumed` the bytes of `chunk` up to
    // the end of its last complete line. A line that began in an earlier chunk is assembled in the splitter;
    // every other line is a view into `chunk`, not a copy. So the views stay valid until the next call to
    // feed() or reset(), and only while `chunk`'s bytes are unchanged. protocol_errc::line_too_long when a
    // line, complete or not, grows past max_line_size: `out` is then empty and the splitter reset.
    error_code feed(std::string_view chunk, split_lines_result& out);

    // Drops an unfinished line: a new connection starts clean.
    void reset() noexcept;

    // Bytes of an unfinished line held.
    std::size_t pending() const noexcept;

private:
    std::size_t max_line_size_;
    // The line that the last feed() completed here, which its caller may still view, then the unfinished
    // line. Neither holds a "\n", so a feed() searches only its own chunk.
    std::string buffer_;
    std::size_t completed_size_ = 0;  // the completed line's bytes at the front of buffer_
};

}  // namespace twitter::core

#endif
