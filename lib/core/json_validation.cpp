#include "core/json_validation.hpp"

#include <boost/json/basic_parser_impl.hpp>

namespace twitter::core {
namespace {

// A basic_parser handler that accepts every event: only the syntax is checked.
struct accept_all {
    constexpr static std::size_t max_object_size = std::size_t(-1);
    constexpr static std::size_t max_array_size = std::size_t(-1);
    constexpr static std::size_t max_key_size = std::size_t(-1);
    constexpr static std::size_t max_string_size = std::size_t(-1);

    using ec_t = boost::system::error_code;
    bool on_document_begin(ec_t&) { return true; }
    bool on_document_end(ec_t&) { return true; }
    bool on_object_begin(ec_t&) { return true; }
    bool on_object_end(std::size_t, ec_t&) { return true; }
    bool on_array_begin(ec_t&) { return true; }
    bool on_array_end(std::size_t, ec_t&) { return true; }
    bool on_key_part(boost::json::string_view, std::size_t, ec_t&) { return true; }
    bool on_key(boost::json::string_view, std::size_t, ec_t&) { return true; }
    bool on_string_part(boost::json::string_view, std::size_t, ec_t&) { return true; }
    bool on_string(boost::json::string_view, std::size_t, ec_t&) { return true; }
    bool on_number_part(boost::json::string_view, ec_t&) { return true; }
    bool on_int64(std::int64_t, boost::json::string_view, ec_t&) { return true; }
    bool on_uint64(std::uint64_t, boost::json::string_view, ec_t&) { return true; }
    bool on_double(double, boost::json::string_view, ec_t&) { return true; }
    bool on_bool(bool, ec_t&) { return true; }
    bool on_null(ec_t&) { return true; }
    bool on_comment_part(boost::json::string_view, ec_t&) { return true; }
    bool on_comment(boost::json::string_view, ec_t&) { return true; }
};

}  // namespace

bool is_valid_json(std::string_view text) noexcept {
    boost::json::basic_parser<accept_all> parser{boost::json::parse_options{}};
    boost::system::error_code ec;
    std::size_t const consumed = parser.write_some(false, text.data(), text.size(), ec);
    if (ec) return false;
    // Only whitespace may follow the value.
    return text.find_first_not_of(" \t\r\n", consumed) == std::string_view::npos;
}

}  // namespace twitter::core
