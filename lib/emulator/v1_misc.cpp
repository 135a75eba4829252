// API v1.1 saved searches, geo, help/languages, application/rate_limit_status and direct message events.

#include "emulator/api_errors.hpp"
#include "emulator/endpoint.hpp"
#include "emulator/pagination.hpp"
#include "emulator/router.hpp"
#include "emulator/timestamps.hpp"
#include "emulator/v1_json.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>

#include <algorithm>
#include <cstdlib>

namespace twitter::emulator::detail {

namespace json = boost::json;

namespace {

// Saved searches.

json::object saved_json(saved_search_record const& s) {
    return {{"id", s.id},          {"id_str", std::to_string(s.id)},
            {"query", s.query},    {"name", s.query},
            {"position", nullptr}, {"created_at", v1_time(s.created_ms)}};
}

api_response create_search(call& c) {
    auto const* query = c.arg("query");
    if (query == nullptr || query->empty()) {
        return v1_missing("query");
    }
    for (auto const& [id, s] : c.w.saved_searches()) {
        if (s.owner == c.me() && s.query == *query) {
            return v1_error(403, 172, "You have already saved this search.");
        }
    }
    saved_search_record s{c.w.next_id(c.now_ms), c.me(), *query, c.now_ms};
    c.w.saved_searches().emplace(s.id, s);
    return make_json(200, saved_json(s));
}

api_response list_searches(call& c) {
    json::array out;
    for (auto const& [id, s] : c.w.saved_searches()) {
        if (s.owner == c.me()) {
            out.push_back(saved_json(s));
        }
    }
    return make_json(200, out);
}

saved_search_record const* own_search(call const& c) {
    auto const id = parse_id(c.params[0]);
    auto const it = id ? c.w.saved_searches().find(*id) : c.w.saved_searches().end();
    return it == c.w.saved_searches().end() || it->second.owner != c.me() ? nullptr : &it->second;
}

api_response show_search(call& c) {
    auto const* s = own_search(c);
    return s == nullptr ? v1_page_not_found() : make_json(200, saved_json(*s));
}

api_response destroy_search(call& c) {
    auto const* s = own_search(c);
    if (s == nullptr) {
        return v1_page_not_found();
    }
    auto body = saved_json(*s);
    c.w.saved_searches().erase(s->id);
    return make_json(200, body);
}

// Geo: a few places, as the recorded testgeoapis.json has them.

struct place {
    std::string_view id;
    std::string_view place_type;
    std::string_view name;
    std::string_view full_name;
    double west, south, east, north;
    std::string_view parent;
};

constexpr place places[] = {
    {"5a110d312052166f", "city", "San Francisco", "San Francisco, CA", -122.514926, 37.708075, -122.357031,
     37.833238, ""},
    {"1ffd3558f2e98349", "neighborhood", "Dogpatch", "Dogpatch, San Francisco", -122.39307792, 37.75613103,
     -122.38719588, 37.764396, "5a110d312052166f"},
    {"1d019624e6b4dcff", "neighborhood", "South of Market", "South of Market, San Francisco", -122.4233,
     37.7702, -122.3880, 37.7897, "5a110d312052166f"},
    {"c3f37afa9efcf94b", "city", "Austin", "Austin, TX", -97.928935, 30.127892, -97.5805133, 30.5187994, ""},
    {"1fa5d78e5cf5f072", "neighborhood", "Downtown", "Downtown, Austin", -97.7530, 30.2600, -97.7320, 30.2800,
     "c3f37afa9efcf94b"},
};

json::object place_json(place const& p, bool with_parent = true) {
    json::object o;
    o["id"] = p.id;
    o["url"] = "https://api.twitter.com/1.1/geo/id/" + std::string(p.id) + ".json";
    o["place_type"] = p.place_type;
    o["name"] = p.name;
    o["full_name"] = p.full_name;
    o["country_code"] = "US";
    o["country"] = "United States";
    json::array within;
    for (auto const& parent : places) {
        if (with_parent && parent.id == p.parent) {
            within.push_back(place_json(parent, false));
        }
    }
    o["contained_within"] = std::move(within);
    o["centroid"] = json::array{(p.west + p.east) / 2, (p.south + p.north) / 2};
    o["bounding_box"] = json::object{
        {"type", "Polygon"},
        {"coordinates", json::array{json::array{json::array{p.west, p.south}, json::array{p.west, p.north},
                                                json::array{p.east, p.north}, json::array{p.east, p.south},
                                                json::array{p.west, p.south}}}}};
    o["attributes"] = json::object{};
    return o;
}

api_response geo_id(call& c) {
    for (auto const& p : places) {
        if (p.id == c.params[0]) {
            auto o = place_json(p);
            o["geometry"] = nullptr;
            o["polylines"] = json::array{};
            return make_json(200, o);
        }
    }
    return v1_page_not_found();
}

// The places whose box holds lat/long, smallest first; a 400 without coordinates.
std::optional<json::array> places_at(call const& c, api_response& error, std::string_view name = {}) {
    auto const* lat = c.arg("lat");
    auto const* lon = c.arg("long");
    if (lat == nullptr || lon == nullptr) {
        error = v1_missing("lat or long");
        return std::nullopt;
    }
    auto const y = std::strtod(lat->c_str(), nullptr);
    auto const x = std::strtod(lon->c_str(), nullptr);
    json::array out;
    for (auto const* type : {"neighborhood", "city"}) {
        for (auto const& p : places) {
            bool const inside = x >= p.west && x <= p.east && y >= p.south && y <= p.north;
            bool const named = name.empty() || std::string_view(p.full_name).find(name.substr(0, 5)) !=
                                                   std::string_view::npos;
            if (p.place_type == type && inside && named) {
                out.push_back(place_json(p));
            }
        }
    }
    return out;
}

json::object geo_query(call const& c, std::string_view type) {
    json::object params;
    for (auto const& [k, v] : c.args) {
        params[k] = v;
    }
    return {{"url", "https://api.twitter.com/1.1/geo/" + std::string(type) + ".json"},
            {"type", type},
            {"params", std::move(params)}};
}

api_response reverse_geocode(call& c) {
    api_response error;
    auto found = places_at(c, error);
    if (!found) {
        return error;
    }
    return make_json(200, json::object{{"result", json::object{{"places", std::move(*found)}}},
                                       {"query", geo_query(c, "reverse_geocode")}});
}

api_response similar_places(call& c) {
    auto const* name = c.arg("name");
    if (name == nullptr) {
        return v1_missing("name");
    }
    api_response error;
    auto found = places_at(c, error);
    if (!found) {
        return error;
    }
    return make_json(
        200, json::object{{"result", json::object{{"places", std::move(*found)}, {"token", "emulator"}}},
                          {"query", geo_query(c, "similar_places")}});
}

api_response geo_search(call& c) {
    json::array found;
    if (auto const* query = c.arg("query")) {
        for (auto const& p : places) {
            if (std::string_view(p.full_name).find(*query) != std::string_view::npos) {
                found.push_back(place_json(p));
            }
        }
    } else {
        api_response error;
        auto at = places_at(c, error);
        if (!at) {
            return v1_missing("query, lat and long or ip");
        }
        found = std::move(*at);
    }
    return make_json(200, json::object{{"result", json::object{{"places", std::move(found)}}},
                                       {"query", geo_query(c, "search")}});
}

api_response languages(call&) {
    struct language {
        char const* code;
        char const* name;
        char const* local_name;
    };
    static constexpr language all[] = {
        {"fr", "French", "fran\u00e7ais"},
        {"en", "English", "English"},
        {"ar", "Arabic", "\u0627\u0644\u0639\u0631\u0628\u064a\u0629"},
        {"ja", "Japanese", "\u65e5\u672c\u8a9e"},
        {"es", "Spanish", "espa\u00f1ol"},
        {"de", "German", "Deutsch"},
        {"it", "Italian", "italiano"},
        {"id", "Indonesian", "Indonesia"},
        {"pt", "Portuguese", "portugu\u00eas"},
        {"ko", "Korean", "\ud55c\uad6d\uc5b4"},
        {"tr", "Turkish", "T\u00fcrk\u00e7e"},
        {"ru", "Russian", "\u0420\u0443\u0441\u0441\u043a\u0438\u0439"},
    };
    json::array out;
    for (auto const& l : all) {
        out.push_back(json::object{{"code", l.code},
                                   {"name", l.name},
                                   {"local_name", l.local_name},
                                   {"status", "production"},
                                   {"debug", false}});
    }
    return make_json(200, out);
}

// X's resource families: "/statuses/show" in "statuses", from each v1.1 route.
api_response rate_limit_status(call& c) {
    std::vector<std::string> wanted;
    if (auto const* resources = c.arg("resources")) {
        std::string_view rest = *resources;
        while (!rest.empty()) {
            auto const comma = rest.find(',');
            wanted.emplace_back(rest.substr(0, comma));
            rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
        }
    }
    json::object resources;
    for (auto const& entry : all_routes()) {
        auto pattern = std::string_view(entry.r.pattern);
        if (entry.r.method != "GET" || !pattern.starts_with("/1.1/")) {
            continue;
        }
        pattern.remove_prefix(4);
        if (pattern.ends_with(".json")) {
            pattern.remove_suffix(5);
        }
        auto const group = std::string(pattern.substr(1, pattern.find('/', 1) - 1));
        if (!wanted.empty() && std::find(wanted.begin(), wanted.end(), group) == wanted.end()) {
            continue;
        }
        auto const family = entry.r.family.empty() ? std::string_view(entry.name) : entry.r.family;
        auto const state = c.peek_limit(family);
        auto& bucket = resources[group];
        if (!bucket.is_object()) {
            bucket = json::object{};
        }
        bucket.as_object()[pattern] =
            json::object{{"limit", state.limit}, {"remaining", state.remaining}, {"reset", state.reset}};
    }
    json::object context;
    if (c.app_only()) {
        context["application"] = "app";
    } else {
        context["access_token"] = c.who.user_id;
    }
    return make_json(
        200, json::object{{"rate_limit_context", std::move(context)}, {"resources", std::move(resources)}});
}

// Direct messages, v1.1's event shape, over the one-to-one conversations of API v2.

json::object dm_json(world const& w, dm_event_record const& e) {
    auto const* conv = w.dm_conversation(e.conversation_id);
    id_type recipient = 0;
    if (conv != nullptr) {
        for (auto const p : conv->participants) {
            if (p != e.sender) {
                recipient = p;
            }
        }
    }
    json::object data{{"text", e.text}, {"entities", v1_entities(w, e.text)}};
    if (!e.media_ids.empty()) {
        json::object media{{"id", parse_id(e.media_ids.front()).value_or(0)},
                           {"id_str", e.media_ids.front()}};
        data["attachment"] = json::object{{"type", "media"}, {"media", std::move(media)}};
    }
    json::object create{{"target", json::object{{"recipient_id", std::to_string(recipient)}}},
                        {"sender_id", std::to_string(e.sender)},
                        {"message_data", std::move(data)}};
    return {{"type", "message_create"},
            {"id", std::to_string(e.id)},
            {"created_timestamp", std::to_string(e.created_ms)},
            {"message_create", std::move(create)}};
}

api_response new_dm(call& c) {
    boost::system::error_code ec;
    auto const doc = json::parse(c.body, ec);
    auto const* event = !ec && doc.is_object() ? doc.as_object().if_contains("event") : nullptr;
    auto const* create =
        event != nullptr && event->is_object() ? event->as_object().if_contains("message_create") : nullptr;
    if (create == nullptr || !create->is_object()) {
        return v1_error(400, 214, "event.message_create is missing.");
    }
    auto const& mc = create->as_object();
    auto const* target = mc.if_contains("target");
    auto const* recipient =
        target != nullptr && target->is_object() ? target->as_object().if_contains("recipient_id") : nullptr;
    std::optional<id_type> to;
    if (recipient != nullptr && recipient->is_string()) {
        to = parse_id(recipient->as_string());
    } else if (recipient != nullptr && recipient->is_number()) {
        to = recipient->to_number<id_type>();
    }
    if (!to || !c.w.user_exists(*to)) {
        return v1_error(404, 108, "Cannot find specified user.");
    }
    dm_event_record e;
    if (auto const* data = mc.if_contains("message_data"); data != nullptr && data->is_object()) {
        if (auto const* text = data->as_object().if_contains("text"); text != nullptr && text->is_string()) {
            e.text = std::string(text->as_string());
        }
        if (auto const* a = data->as_object().if_contains("attachment"); a != nullptr && a->is_object()) {
            auto const* media = a->as_object().if_contains("media");
            auto const* id =
                media != nullptr && media->is_object() ? media->as_object().if_contains("id") : nullptr;
            std::optional<id_type> media_id;
            if (id != nullptr && id->is_string()) {
                media_id = parse_id(id->as_string());
            } else if (id != nullptr && id->is_number()) {
                media_id = id->to_number<id_type>();
            }
            if (!media_id || !c.media.ready(*media_id, c.now_ms)) {
                return v1_error(400, 324, "The validation of media ids failed.");
            }
            e.media_ids.push_back(std::to_string(*media_id));
        }
    }
    if (e.text.empty() && e.media_ids.empty()) {
        return v1_error(400, 214, "event.message_create.message_data.text is missing.");
    }
    e.id = c.w.next_id(c.now_ms);
    e.conversation_id = c.w.one_to_one(c.me(), *to).id;
    e.sender = c.me();
    e.created_ms = c.now_ms;
    auto const& stored = c.w.add_dm_event(std::move(e));
    return make_json(200, json::object{{"event", dm_json(c.w, stored)}});
}

// The one-to-one messages the caller sent or received, newest first.
std::vector<dm_event_record const*> own_events(call const& c) {
    std::vector<dm_event_record const*> out;
    auto const& events = c.w.dm_events();
    for (auto it = events.rbegin(); it != events.rend(); ++it) {
        auto const* conv = c.w.dm_conversation(it->conversation_id);
        if (conv != nullptr && !conv->group && it->event_type == "MessageCreate" &&
            std::find(conv->participants.begin(), conv->participants.end(), c.me()) !=
                conv->participants.end()) {
            out.push_back(&*it);
        }
    }
    return out;
}

api_response list_dms(call& c) {
    auto const events = own_events(c);
    std::size_t offset = 0;
    if (auto const* cursor = c.arg("cursor")) {
        auto const o = read_page_token(*cursor);
        if (!o) {
            return v1_error(400, 44, "cursor parameter is invalid");
        }
        offset = *o;
    }
    auto const count = v1_count(c, 20, 50);
    json::array out;
    for (auto i = offset; i < std::min(events.size(), offset + count); ++i) {
        out.push_back(dm_json(c.w, *events[i]));
    }
    json::object body{{"events", std::move(out)}};
    if (offset + count < events.size()) {
        body["next_cursor"] = page_token(offset + count);
    }
    return make_json(200, body);
}

dm_event_record const* own_event(call const& c) {
    auto const* id = c.arg("id");
    auto const parsed = id != nullptr ? parse_id(*id) : std::nullopt;
    for (auto const* e : own_events(c)) {
        if (parsed && e->id == *parsed) {
            return e;
        }
    }
    return nullptr;
}

api_response show_dm(call& c) {
    auto const* e = own_event(c);
    return e == nullptr ? v1_page_not_found() : make_json(200, json::object{{"event", dm_json(c.w, *e)}});
}

api_response destroy_dm(call& c) {
    auto const* e = own_event(c);
    if (e == nullptr) {
        return v1_page_not_found();
    }
    c.w.delete_dm_event(e->id);
    auto r = make(204, "");
    r.content_type = html_content_type;
    return r;
}

api_response indicate_typing(call& c) {
    auto const* to = c.arg("recipient_id");
    auto const id = to != nullptr ? parse_id(*to) : std::nullopt;
    if (!id || !c.w.user_exists(*id)) {
        return v1_error(404, 108, "Cannot find specified user.");
    }
    auto r = make(204, "");
    r.content_type = html_content_type;
    return r;
}

}  // namespace

std::vector<route> v1_misc_routes() {
    return {
        {"POST", "/1.1/saved_searches/create.json", create_search, access::user, {}, true},
        {"GET", "/1.1/saved_searches/list.json", list_searches, access::user, {}, false, 15},
        {"GET", "/1.1/saved_searches/show/:id.json", show_search, access::user, {}, false, 15},
        {"POST", "/1.1/saved_searches/destroy/:id.json", destroy_search, access::user, {}, true},
        {"GET", "/1.1/geo/id/:place_id.json", geo_id, access::any, {}, false, 75},
        {"GET", "/1.1/geo/reverse_geocode.json", reverse_geocode, access::any, {}, false, 15},
        {"GET", "/1.1/geo/similar_places.json", similar_places, access::any, {}, false, 15},
        {"GET", "/1.1/geo/search.json", geo_search, access::any, {}, false, 15},
        {"GET", "/1.1/help/languages.json", languages, access::any, {}, false, 15},
        {"GET", "/1.1/application/rate_limit_status.json", rate_limit_status, access::any, {}, false, 180},
        {"POST", "/1.1/direct_messages/events/new.json", new_dm, access::user, {}, true},
        {"GET", "/1.1/direct_messages/events/list.json", list_dms, access::user, {}, false, 15},
        {"GET", "/1.1/direct_messages/events/show.json", show_dm, access::user, {}, false, 15},
        {"DELETE", "/1.1/direct_messages/events/destroy.json", destroy_dm, access::user, {}, true},
        {"POST", "/1.1/direct_messages/indicate_typing.json", indicate_typing, access::user, {}, true},
    };
}

}  // namespace twitter::emulator::detail
