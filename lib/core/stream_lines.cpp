#include "core/stream_lines.hpp"

namespace twitter::core {
namespace {

// A line's length without the "\r" of its "\r\n". For an unfinished line, a last "\r" may be the first half
// of the terminator, so it does not count against the limit either.
std::size_t content_size(std::size_t size, char last) noexcept { return last == '\r' ? size - 1 : size; }

// Appends the complete lines of `data` to `out` and returns the bytes they span.
std::size_t append_lines(std::string_view data, split_lines_result& out) {
    std::size_t begin = 0;
    for (std::size_t newline = data.find('\n'); newline != std::string_view::npos;
         newline = data.find('\n', begin)) {
        std::string_view line = data.substr(begin, newline - begin);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty()) {
            ++out.keep_alives;
        } else {
            out.lines.push_back(line);
        }
        begin = newline + 1;
    }
    return begin;
}

}  // namespace

split_lines_result split_lines(std::string_view data) {
    split_lines_result out;
    out.consumed = append_lines(data, out);
    return out;
}

line_splitter::line_splitter(std::size_t max_line_size) : max_line_size_(max_line_size) {}

error_code line_splitter::feed(std::string_view chunk, split_lines_result& out) {
    // The line completed by the last feed() is no longer viewed.
    buffer_.erase(0, completed_size_);
    completed_size_ = 0;
    out.lines.clear();
    out.consumed = 0;
    out.keep_alives = 0;

    auto const fail = [&] {
        out.lines.clear();
        out.consumed = 0;
        out.keep_alives = 0;
        reset();
        return error_code(protocol_errc::line_too_long);
    };

    std::size_t completed_content = 0;
    std::string_view rest = chunk;
    if (!buffer_.empty() && !chunk.empty()) {
        std::size_t const newline = chunk.find('\n');
        std::string_view const head = chunk.substr(0, newline);
        char const last = head.empty() ? buffer_.back() : head.back();
        completed_content = content_size(buffer_.size() + head.size(), last);
        if (completed_content > max_line_size_) return fail();
        buffer_.append(head);
        if (newline == std::string_view::npos) return {};
        completed_size_ = buffer_.size();
        if (completed_content == 0) {
            ++out.keep_alives;
        } else {
            // A placeholder: the view into buffer_ is taken after the new tail is appended, which may
            // reallocate.
            out.lines.emplace_back();
        }
        out.consumed = newline + 1;
        rest = chunk.substr(newline + 1);
    }

    std::size_t const first_in_rest = out.lines.size();
    std::size_t const rest_consumed = append_lines(rest, out);
    out.consumed += rest_consumed;
    for (std::size_t i = first_in_rest; i < out.lines.size(); ++i) {
        if (out.lines[i].size() > max_line_size_) return fail();
    }

    std::string_view const tail = rest.substr(rest_consumed);
    if (!tail.empty() && content_size(tail.size(), tail.back()) > max_line_size_) return fail();
    buffer_.append(tail);
    if (completed_content > 0) out.lines.front() = std::string_view(buffer_).substr(0, completed_content);
    return {};
}

void line_splitter::reset() noexcept {
    buffer_.clear();
    completed_size_ = 0;
}

std::size_t line_splitter::pending() const noexcept { return buffer_.size() - completed_size_; }

}  // namespace twitter::core
