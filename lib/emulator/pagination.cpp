#include "emulator/pagination.hpp"

#include "emulator/api_errors.hpp"

#include <algorithm>
#include <charconv>
#include <span>

namespace twitter::emulator::detail {

namespace {

constexpr std::string_view token_prefix = "emu:";

bool parse_size(std::string_view text, std::size_t& out) {
    if (text.empty() || text.size() > 18) {
        return false;
    }
    auto const [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc{} && end == text.data() + text.size();
}

}  // namespace

// base64url of "emu:<offset>": opaque to clients, as X's tokens are, and checkable here.
std::string page_token(std::size_t offset) {
    auto const plain = std::string(token_prefix) + std::to_string(offset);
    return base64url_encode(std::span(reinterpret_cast<unsigned char const*>(plain.data()), plain.size()));
}

std::optional<std::size_t> read_page_token(std::string_view token) {
    if (token.empty() || token.size() > 64) {
        return std::nullopt;
    }
    std::string padded;
    for (char c : token) {
        padded += c == '-' ? '+' : c == '_' ? '/' : c;
    }
    padded.append((4 - padded.size() % 4) % 4, '=');
    auto const plain = base64_decode(padded);
    std::size_t offset = 0;
    if (!plain || !plain->starts_with(token_prefix) ||
        !parse_size(std::string_view(*plain).substr(token_prefix.size()), offset)) {
        return std::nullopt;
    }
    return offset;
}

std::optional<page_window> read_page(param_list const& query, page_limits limits, api_response& error) {
    page_window page;
    page.size = limits.fallback;
    if (auto const* max = find_param(query, "max_results")) {
        std::size_t n = 0;
        if (!parse_size(*max, n) || n < limits.min || n > limits.max) {
            error = out_of_range("max_results", *max, limits.min, limits.max);
            return std::nullopt;
        }
        page.size = n;
    }
    if (auto const* token = find_param(query, limits.token_parameter)) {
        auto const offset = read_page_token(*token);
        if (!offset) {
            error = invalid_parameter(limits.token_parameter, *token);
            return std::nullopt;
        }
        page.offset = *offset;
    }
    return page;
}

boost::json::object page_meta(page_window page, std::size_t returned, std::size_t total) {
    boost::json::object meta;
    meta["result_count"] = returned;
    if (page.offset + returned < total && returned > 0) {
        meta["next_token"] = page_token(page.offset + returned);
    }
    if (page.offset > 0) {
        meta["previous_token"] = page_token(page.offset > page.size ? page.offset - page.size : 0);
    }
    return meta;
}

std::optional<std::size_t> read_cursor(std::string_view cursor) {
    bool const negative = !cursor.empty() && cursor.front() == '-';
    if (negative) {
        cursor.remove_prefix(1);
    }
    std::size_t n = 0;
    if (!parse_size(cursor, n) || n == 0) {
        return std::nullopt;
    }
    return n - 1;
}

std::int64_t next_cursor(std::size_t offset, std::size_t size, std::size_t total) {
    return offset + size < total ? static_cast<std::int64_t>(offset + size + 1) : 0;
}

std::int64_t previous_cursor(std::size_t offset, std::size_t size) {
    if (offset == 0) {
        return 0;
    }
    return -static_cast<std::int64_t>((offset > size ? offset - size : 0) + 1);
}

}  // namespace twitter::emulator::detail
