// API v2 streams: the filtered stream's rules (list, add, delete, dry runs) and the two stream endpoints,
// which only check the request here; the server keeps the accepted ones open (see streams.hpp).

#include "emulator/api_errors.hpp"
#include "emulator/endpoint.hpp"
#include "emulator/streams.hpp"
#include "emulator/timestamps.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <algorithm>
#include <charconv>
#include <memory>

namespace twitter::emulator::detail {

namespace json = boost::json;

namespace {

constexpr std::string_view invalid_rules_type = "https://api.twitter.com/2/problems/invalid-rules";
constexpr std::string_view duplicate_rules_type = "https://api.twitter.com/2/problems/duplicate-rules";
constexpr std::string_view rule_cap_type = "https://api.twitter.com/2/problems/rule-cap";

json::object rule_json(stream_rule const& r) {
    json::object o;
    o["id"] = r.id;
    o["value"] = r.value;
    if (!r.tag.empty()) {
        o["tag"] = r.tag;
    }
    return o;
}

api_response get_rules(call& c) {
    std::vector<stream_rule const*> selected;
    if (c.arg("ids") != nullptr) {
        api_response error;
        auto const ids = id_list(c, "ids", 1000, error);
        if (!ids) {
            return error;
        }
        for (auto const& id : *ids) {
            if (!parse_id(id)) {
                return invalid_parameter("ids", id);
            }
            if (auto const* r = c.rules.find_by_id(id)) {
                selected.push_back(r);
            }
        }
    } else {
        for (auto const& r : c.rules.all()) {
            selected.push_back(&r);
        }
    }
    json::object body;
    if (!selected.empty()) {
        json::array data;
        for (auto const* r : selected) {
            data.push_back(rule_json(*r));
        }
        body["data"] = std::move(data);
    }
    body["meta"] = json::object{{"sent", iso8601(c.now_ms)}, {"result_count", selected.size()}};
    return make_json(200, body);
}

struct proposed_rule {
    std::string value;
    std::string tag;
};

// The entries of "add"; a 400 in `error` when it is not an array of {"value": string, "tag"?: string}.
std::optional<std::vector<proposed_rule>> proposed_rules(json::value const& add, api_response& error) {
    if (!add.is_array() || add.as_array().empty()) {
        error = invalid_body("$.add: expected a non-empty array of rules");
        return std::nullopt;
    }
    std::vector<proposed_rule> out;
    for (auto const& entry : add.as_array()) {
        auto const value = entry.is_object() ? string_member(entry.as_object(), "value") : std::nullopt;
        auto const* tag = entry.is_object() ? entry.as_object().if_contains("tag") : nullptr;
        if (!value || (tag != nullptr && !tag->is_string())) {
            error = invalid_body("$.add: each rule needs a string value and at most a string tag");
            return std::nullopt;
        }
        out.push_back({*value, tag == nullptr ? std::string{} : std::string(tag->as_string())});
    }
    return out;
}

json::object add_summary(std::size_t created, std::size_t not_created, std::size_t valid,
                         std::size_t invalid) {
    return {{"created", created}, {"not_created", not_created}, {"valid", valid}, {"invalid", invalid}};
}

// X refuses the whole request when one rule is invalid, and creates every other rule when one is a
// duplicate. Status: 400 for an invalid rule or the rule cap, 200 for a dry run or when nothing was
// created (every rule a duplicate), 201 when at least one rule was created.
api_response add_rules(call& c, json::value const& add, bool dry_run) {
    api_response error;
    auto const proposed = proposed_rules(add, error);
    if (!proposed) {
        return error;
    }
    auto const sent = iso8601(c.now_ms);
    json::array errors;
    for (auto const& p : *proposed) {
        if (auto const problem = rule_problem(p.value); !problem.empty()) {
            errors.push_back(json::object{{"value", p.value},
                                          {"details", json::array{json::string(problem)}},
                                          {"title", "Invalid Rule"},
                                          {"type", invalid_rules_type}});
        }
    }
    auto const count = proposed->size();
    if (auto const invalid = errors.size(); invalid > 0) {
        json::object body;
        body["errors"] = std::move(errors);
        body["meta"] =
            json::object{{"sent", sent}, {"summary", add_summary(0, count, count - invalid, invalid)}};
        return make_json(400, body);
    }

    std::vector<stream_rule> fresh;
    for (auto const& p : *proposed) {
        auto const* stored = c.rules.find_by_value(p.value);
        auto const earlier =
            std::find_if(fresh.begin(), fresh.end(), [&](auto const& r) { return r.value == p.value; });
        if (stored != nullptr || earlier != fresh.end()) {
            errors.push_back(json::object{{"value", p.value},
                                          {"id", stored != nullptr ? stored->id : earlier->id},
                                          {"title", "DuplicateRule"},
                                          {"type", duplicate_rules_type}});
            continue;
        }
        fresh.push_back(
            {std::to_string(c.w.next_id(c.now_ms)), p.value, p.tag, *search_query::parse(p.value)});
    }
    if (c.rules.all().size() + fresh.size() > c.rules.max_rules()) {
        json::object cap{{"title", "RulesCapExceeded"},
                         {"detail", "Rule creation would exceed the cap of " +
                                        std::to_string(c.rules.max_rules()) + " rules for this app."},
                         {"type", rule_cap_type}};
        json::object body;
        body["errors"] = json::array{std::move(cap)};
        body["meta"] = json::object{{"sent", sent}, {"summary", add_summary(0, count, count, 0)}};
        return make_json(400, body);
    }

    json::object body;
    if (!fresh.empty()) {
        json::array data;
        for (auto const& r : fresh) {
            json::object o{{"value", r.value}};
            if (!r.tag.empty()) {
                o["tag"] = r.tag;
            }
            o["id"] = r.id;
            data.push_back(std::move(o));
        }
        body["data"] = std::move(data);
    }
    auto const created = fresh.size();
    if (!errors.empty()) {
        body["errors"] = std::move(errors);
    }
    body["meta"] = json::object{{"sent", sent}, {"summary", add_summary(created, count - created, count, 0)}};
    if (!dry_run) {
        for (auto& r : fresh) {
            c.rules.add(std::move(r));
        }
    }
    return make_json(!dry_run && created > 0 ? 201 : 200, body);
}

// Deletes by "ids" (or by "values", which X accepts too). An unknown one is counted in not_deleted and
// reported as X reports a missing resource.
api_response delete_rules(call& c, json::value const& del, bool dry_run) {
    auto const* spec = del.is_object() ? &del.as_object() : nullptr;
    auto const* ids = spec != nullptr ? spec->if_contains("ids") : nullptr;
    auto const* values = spec != nullptr ? spec->if_contains("values") : nullptr;
    auto const* list = ids != nullptr ? ids : values;
    if (list == nullptr || !list->is_array() || list->as_array().empty() ||
        !std::all_of(list->as_array().begin(), list->as_array().end(),
                     [](json::value const& v) { return v.is_string(); })) {
        return invalid_body("$.delete: expected a non-empty array of rule ids or values");
    }
    std::size_t deleted = 0;
    json::array errors;
    for (auto const& item : list->as_array()) {
        std::string_view const key = item.as_string();
        auto const* r = ids != nullptr ? c.rules.find_by_id(key) : c.rules.find_by_value(key);
        if (r == nullptr) {
            errors.push_back(not_found_error("rule", ids != nullptr ? "ids" : "values", key));
            continue;
        }
        ++deleted;
        if (!dry_run) {
            c.rules.remove(std::string(r->id));
        }
    }
    json::object body;
    body["meta"] = json::object{
        {"sent", iso8601(c.now_ms)},
        {"summary", json::object{{"deleted", deleted}, {"not_deleted", list->as_array().size() - deleted}}}};
    if (!errors.empty()) {
        body["errors"] = std::move(errors);
    }
    return make_json(200, body);
}

api_response change_rules(call& c) {
    bool dry_run = false;
    if (auto const* flag = c.arg("dry_run")) {
        if (*flag != "true" && *flag != "false") {
            return invalid_parameter("dry_run", *flag);
        }
        dry_run = *flag == "true";
    }
    api_response error;
    auto const body = json_body(c, error);
    if (!body) {
        return error;
    }
    auto const* add = body->if_contains("add");
    auto const* del = body->if_contains("delete");
    if ((add == nullptr) == (del == nullptr)) {
        return invalid_body("Exactly one of add or delete is required");
    }
    return add != nullptr ? add_rules(c, *add, dry_run) : delete_rules(c, *del, dry_run);
}

api_response open_stream(call& c, stream_kind kind) {
    api_response error;
    auto fields = read_fields(c.args, object_kind::tweet, error);
    if (!fields) {
        return error;
    }
    std::int64_t backfill = 0;
    if (auto const* text = c.arg("backfill_minutes")) {
        auto const [end, ec] = std::from_chars(text->data(), text->data() + text->size(), backfill);
        if (ec != std::errc{} || end != text->data() + text->size() || backfill < 0 || backfill > 5) {
            return out_of_range("backfill_minutes", *text, 0, 5);
        }
    }
    api_response r;
    r.stream = std::make_shared<stream_request const>(stream_request{kind, std::move(*fields), backfill});
    return r;
}

api_response filtered_stream(call& c) { return open_stream(c, stream_kind::filtered); }
api_response sample_stream(call& c) { return open_stream(c, stream_kind::sample); }

}  // namespace

// X's documented limits per app and 15 minutes: 50 connection requests to each stream, 450 rule lists and
// 100 rule changes.
std::vector<route> v2_stream_routes() {
    return {
        {"GET", "/2/tweets/search/stream/rules", get_rules, access::app_only, {}, false, 450},
        {"POST", "/2/tweets/search/stream/rules", change_rules, access::app_only, {}, false, 100},
        {"GET", "/2/tweets/search/stream", filtered_stream, access::app_only, {}, false, 50},
        {"GET", "/2/tweets/sample/stream", sample_stream, access::app_only, {}, false, 50},
    };
}

}  // namespace twitter::emulator::detail
