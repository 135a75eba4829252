#include "core/api_errors.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

namespace twitter::core {
namespace json = boost::json;
namespace {

std::string text_of(json::object const& o, std::string_view key) {
    auto const* v = o.if_contains(key);
    if (!v) return {};
    if (auto const* s = v->if_string()) return std::string(*s);
    if (v->is_number() || v->is_bool()) return json::serialize(*v);
    return {};
}

std::optional<int> code_of(json::object const& o) {
    auto const* v = o.if_contains("code");
    if (v && v->is_int64()) return static_cast<int>(v->as_int64());
    return std::nullopt;
}

api_error from_entry(json::object const& e) {
    api_error out;
    out.code = code_of(e);
    out.title = text_of(e, "title");
    out.detail = text_of(e, "detail");
    if (out.detail.empty()) out.detail = text_of(e, "message");
    out.type = text_of(e, "type");
    out.parameter = text_of(e, "parameter");
    out.value = text_of(e, "value");
    return out;
}

}  // namespace

std::vector<api_error> parse_api_errors(std::string_view body) {
    std::vector<api_error> out;
    boost::system::error_code ec;
    json::value const doc = json::parse(body, ec);
    if (ec || !doc.is_object()) return out;
    json::object const& root = doc.get_object();

    if (auto const* errors = root.if_contains("errors"); errors && errors->is_array()) {
        for (json::value const& e : errors->get_array())
            if (e.is_object()) out.push_back(from_entry(e.get_object()));
    }
    if (root.contains("title") || root.contains("detail")) {
        api_error problem = from_entry(root);
        problem.code.reset();
        out.insert(out.begin(), std::move(problem));
    } else if (auto const* error = root.if_contains("error"); error && error->is_string()) {
        api_error oauth;
        oauth.type = std::string(error->get_string());
        oauth.detail = text_of(root, "error_description");
        out.push_back(std::move(oauth));
    }
    return out;
}

}  // namespace twitter::core
