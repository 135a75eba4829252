#include "core/json_reader.hpp"

namespace twitter::core {

boost::json::value const* json_object_reader::find(std::string_view key) const {
    auto const* v = obj_.if_contains(key);
    return v && !v->is_null() ? v : nullptr;
}

void json_object_reader::require(std::string_view key, std::string& out) const {
    auto const* v = find(key);
    if (v && v->is_string())
        out = v->get_string();
    else
        fail();
}

void json_object_reader::get(std::string_view key, std::optional<std::string>& out) const {
    if (auto const* v = find(key)) {
        if (v->is_string())
            out = std::string(v->get_string());
        else
            fail();
    }
}

void json_object_reader::get(std::string_view key, std::optional<bool>& out) const {
    if (auto const* v = find(key)) {
        if (v->is_bool())
            out = v->get_bool();
        else
            fail();
    }
}

// Boost.JSON keeps a non-negative number that fits in int64 as an int64, so both kinds can hold a count.
void json_object_reader::get(std::string_view key, std::optional<std::uint64_t>& out) const {
    if (auto const* v = find(key)) {
        if (v->is_uint64())
            out = v->get_uint64();
        else if (v->is_int64() && v->get_int64() >= 0)
            out = static_cast<std::uint64_t>(v->get_int64());
        else
            fail();
    }
}

void json_object_reader::get(std::string_view key, std::optional<std::int64_t>& out) const {
    if (auto const* v = find(key)) {
        if (v->is_int64())
            out = v->get_int64();
        else
            fail();
    }
}

void json_object_reader::get(std::string_view key, std::vector<std::string>& out) const {
    auto const* v = find(key);
    if (!v) return;
    if (!v->is_array()) return fail();
    for (boost::json::value const& item : v->get_array()) {
        if (!item.is_string()) return fail();
        out.emplace_back(item.get_string());
    }
}

}  // namespace twitter::core
