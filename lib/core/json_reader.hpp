#ifndef TWITTER_CORE_JSON_READER_HPP
#define TWITTER_CORE_JSON_READER_HPP

// Reads the members of one JSON object into a model, for the v1.1 and v2 parsers alike. A member of the wrong
// type, or a required one missing, clears `ok`: the caller reports malformed_json rather than a half-read
// object. Null counts as absent.

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <concepts>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace twitter::core {

// The members that read plain JSON values. They do not depend on the models, so they are compiled once.
class json_object_reader {
public:
    json_object_reader(boost::json::object const& obj, bool& ok) noexcept : obj_(obj), ok_(ok) {}

    void fail() const noexcept { ok_ = false; }
    bool& ok() const noexcept { return ok_; }
    // The member, or nullptr when it is missing or null.
    boost::json::value const* find(std::string_view key) const;
    bool has(std::string_view key) const { return find(key) != nullptr; }

    void require(std::string_view key, std::string& out) const;
    void get(std::string_view key, std::optional<std::string>& out) const;
    void get(std::string_view key, std::optional<bool>& out) const;
    void get(std::string_view key, std::optional<std::uint64_t>& out) const;
    void get(std::string_view key, std::optional<std::int64_t>& out) const;
    void get(std::string_view key, std::vector<std::string>& out) const;
    // A count or an offset whose absence means zero.
    template <std::integral Integer>
    void get(std::string_view key, Integer& out) const {
        std::optional<Integer> value;
        get(key, value);
        if (value) out = *value;
    }

private:
    boost::json::object const& obj_;
    bool& ok_;
};

// Adds the members that read nested objects into models. `Reader` is the parser's own reader, derived from
// this class: nested objects are read with it, so argument-dependent lookup finds that parser's
// `read(Reader const&, Model&)` functions.
template <class Reader>
class json_reader : public json_object_reader {
public:
    using json_object_reader::get;
    using json_object_reader::json_object_reader;

    template <class Model>
    void get(std::string_view key, std::vector<Model>& out) const {
        auto const* v = find(key);
        if (!v) return;
        if (!v->is_array()) return fail();
        for (boost::json::value const& item : v->get_array()) {
            if (!item.is_object()) return fail();
            read(Reader(item.get_object(), ok()), out.emplace_back());
        }
    }
    template <class Model>
    void get(std::string_view key, std::optional<Model>& out) const {
        nested(key, [&](Reader const& r) { read(r, out.emplace()); });
    }

    // Runs f(reader) on a nested object, e.g. v1.1's message_create.message_data or v2's geo, whose
    // place_id the model keeps flat.
    template <class F>
    void nested(std::string_view key, F&& f) const {
        auto const* v = find(key);
        if (!v) return;
        if (!v->is_object()) return fail();
        std::invoke(std::forward<F>(f), Reader(v->get_object(), ok()));
    }
};

}  // namespace twitter::core

#endif
