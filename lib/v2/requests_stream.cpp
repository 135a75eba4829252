// The streams and the filtered stream's rules.

#include <twitter/v2/requests.hpp>
#include <twitter/v2/stream.hpp>

#include "v2/requests_support.hpp"

#include <boost/json/object.hpp>

namespace twitter::v2 {

using detail::add_fields;
using detail::make_request;
using http::auth_mode;
using http::verb;

namespace {

constexpr char const* rules_path = "/2/tweets/search/stream/rules";

typed_request<std::vector<stream_rule>> rules_post(bool dry_run, boost::json::object const& body) {
    auto r = make_request<std::vector<stream_rule>>(verb::post, rules_path, auth_mode::bearer);
    // X documents the value as a boolean: "true", not Python's "True".
    if (dry_run) r.http.query.push_back({"dry_run", "true"});
    detail::set_json_body(r.http, body);
    return r;
}

http::request stream_request(std::string target, stream_params const& params) {
    http::request r;
    r.target = std::move(target);
    r.auth = auth_mode::bearer;
    add_fields(r.query, params.fields);
    detail::add(r.query, "backfill_minutes", params.backfill_minutes);
    return r;
}

}  // namespace

typed_request<std::vector<stream_rule>> get_rules(std::vector<std::string> const& ids) {
    auto r = make_request<std::vector<stream_rule>>(verb::get, rules_path, auth_mode::bearer);
    detail::add_csv(r.http.query, "ids", ids);
    return r;
}

typed_request<std::vector<stream_rule>> add_rules(std::vector<new_rule> const& rules, bool dry_run) {
    boost::json::array add;
    for (new_rule const& rule : rules) {
        boost::json::object entry;
        entry["value"] = rule.value;
        if (!rule.tag.empty()) entry["tag"] = rule.tag;
        add.push_back(std::move(entry));
    }
    boost::json::object body;
    body["add"] = std::move(add);
    return rules_post(dry_run, body);
}

typed_request<std::vector<stream_rule>> delete_rules(std::vector<std::string> const& ids, bool dry_run) {
    boost::json::object body;
    body["delete"] = boost::json::object{{"ids", detail::string_array(ids)}};
    return rules_post(dry_run, body);
}

http::request filter_stream(stream_params const& params) {
    return stream_request("/2/tweets/search/stream", params);
}

http::request sample_stream(stream_params const& params) {
    return stream_request("/2/tweets/sample/stream", params);
}

}  // namespace twitter::v2
