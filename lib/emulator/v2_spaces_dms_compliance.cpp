// API v2 spaces (seeded: lookup, by creator, search, buyers, tweets), direct messages (events and the three
// ways of sending) and batch compliance jobs.

#include "emulator/api_errors.hpp"
#include "emulator/endpoint.hpp"
#include "emulator/timestamps.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <algorithm>
#include <cctype>

namespace twitter::emulator::detail {

namespace json = boost::json;

namespace {

constexpr std::string_view space_read = "space.read tweet.read users.read";

bool valid_space_id(std::string_view id) {
    return !id.empty() && id.size() <= 13 && std::all_of(id.begin(), id.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c));
    });
}

bool icontains(std::string_view text, std::string_view needle) {
    auto const it = std::search(text.begin(), text.end(), needle.begin(), needle.end(), [](char a, char b) {
        return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
    });
    return it != text.end();
}

// Spaces as a data array (with includes), and meta.result_count when `with_meta`.
api_response space_list(call& c, std::vector<space_record const*> const& spaces, json::array errors,
                        bool with_meta) {
    api_response error;
    auto const fields = read_fields(c.args, object_kind::space, error);
    if (!fields) {
        return error;
    }
    includes_builder includes(c.w, *fields);
    json::array data;
    for (auto const* s : spaces) {
        includes.expand_space(*s);
        data.push_back(space_json(*s, *fields));
    }
    json::object body;
    auto const count = data.size();
    if (!data.empty()) {
        body["data"] = std::move(data);
        includes.write(body);
    }
    if (!errors.empty()) {
        body["errors"] = std::move(errors);
    }
    if (with_meta) {
        body["meta"] = json::object{{"result_count", count}};
    }
    return make_json(200, body);
}

api_response get_space(call& c) {
    if (!valid_space_id(c.params[0])) {
        return invalid_parameter("id", c.params[0]);
    }
    auto const* s = c.w.space(c.params[0]);
    if (s == nullptr) {
        return space_list(c, {}, json::array{not_found_error("space", "id", c.params[0])}, false);
    }
    api_response error;
    auto const fields = read_fields(c.args, object_kind::space, error);
    if (!fields) {
        return error;
    }
    includes_builder includes(c.w, *fields);
    includes.expand_space(*s);
    return data_answer(200, space_json(*s, *fields), &includes);
}

api_response get_spaces(call& c) {
    api_response error;
    auto const ids = id_list(c, "ids", 100, error);
    if (!ids) {
        return error;
    }
    std::vector<space_record const*> found;
    json::array errors;
    for (auto const& id : *ids) {
        if (!valid_space_id(id)) {
            return invalid_parameter("ids", id);
        }
        if (auto const* s = c.w.space(id)) {
            found.push_back(s);
        } else {
            errors.push_back(not_found_error("space", "ids", id));
        }
    }
    return space_list(c, found, std::move(errors), false);
}

api_response spaces_by_creator(call& c) {
    api_response error;
    auto const ids = id_list(c, "user_ids", 100, error);
    if (!ids) {
        return error;
    }
    std::vector<space_record const*> found;
    for (auto const& text : *ids) {
        auto const id = parse_id(text);
        if (!id) {
            return invalid_parameter("user_ids", text);
        }
        for (auto const& s : c.w.spaces()) {
            if (s.creator == *id && s.state != "ended") {
                found.push_back(&s);
            }
        }
    }
    return space_list(c, found, {}, true);
}

api_response search_spaces(call& c) {
    auto const* query = c.arg("query");
    if (query == nullptr || query->empty()) {
        return missing_parameter("query");
    }
    std::string_view state = "all";
    if (auto const* s = c.arg("state")) {
        if (*s != "live" && *s != "scheduled" && *s != "all") {
            return invalid_parameter("state", *s);
        }
        state = *s;
    }
    api_response error;
    auto const page = read_page(c.args, {1, 100, 100}, error);
    if (!page) {
        return error;
    }
    std::vector<space_record const*> found;
    for (auto const& s : c.w.spaces()) {
        if (s.state != "ended" && (state == "all" || s.state == state) && icontains(s.title, *query) &&
            found.size() < page->size) {
            found.push_back(&s);
        }
    }
    return space_list(c, found, {}, true);
}

api_response space_buyers(call& c) {
    if (!valid_space_id(c.params[0])) {
        return invalid_parameter("id", c.params[0]);
    }
    auto const* s = c.w.space(c.params[0]);
    static std::vector<id_type> const none;
    auto const& ids = s == nullptr ? none : s->buyers;
    return user_page(c, ids.size(), [&](std::size_t i) { return ids[i]; }, {1, 100, 100});
}

api_response space_tweets(call& c) {
    if (!valid_space_id(c.params[0])) {
        return invalid_parameter("id", c.params[0]);
    }
    auto const* s = c.w.space(c.params[0]);
    return tweet_page(c, s == nullptr ? std::vector<id_type>{} : s->tweets, {1, 100, 100});
}

// Direct messages.

bool participates(dm_conversation_record const& conv, id_type user) {
    return std::find(conv.participants.begin(), conv.participants.end(), user) != conv.participants.end();
}

api_response dm_page(call& c, std::function<bool(dm_event_record const&)> const& in_scope) {
    std::vector<std::string> types{"MessageCreate", "ParticipantsJoin", "ParticipantsLeave"};
    if (auto const* t = c.arg("event_types")) {
        if (std::find(types.begin(), types.end(), *t) == types.end()) {
            return invalid_parameter("event_types", *t);
        }
        types = {*t};
    }
    std::vector<id_type> ids;
    auto const& events = c.w.dm_events();
    for (auto it = events.rbegin(); it != events.rend(); ++it) {
        if (in_scope(*it) && std::find(types.begin(), types.end(), it->event_type) != types.end()) {
            ids.push_back(it->id);
        }
    }
    return id_page(
        c, ids.size(), [&](std::size_t i) { return ids[i]; }, {1, 100, 100}, object_kind::dm_event,
        [&](id_type id, includes_builder& inc) -> std::optional<json::object> {
            auto const* e = c.w.dm_event(id);
            if (e == nullptr) {
                return std::nullopt;
            }
            inc.expand_dm_event(*e);
            return dm_event_json(*e, inc.fields());
        },
        false);
}

api_response dm_events(call& c) {
    auto const me = c.me();
    return dm_page(c, [&](dm_event_record const& e) {
        auto const* conv = c.w.dm_conversation(e.conversation_id);
        return conv != nullptr && participates(*conv, me);
    });
}

api_response conversation_events(call& c) {
    auto const* conv = c.w.dm_conversation(c.params[0]);
    if (conv == nullptr || !participates(*conv, c.me())) {
        return dm_page(c, [](dm_event_record const&) { return false; });
    }
    std::string const id = conv->id;
    return dm_page(c, [&](dm_event_record const& e) { return e.conversation_id == id; });
}

api_response participant_events(call& c) {
    api_response error;
    auto const other = path_id(c, 0, "participant_id", error);
    if (!other) {
        return error;
    }
    auto const lo = std::min(*other, c.me());
    auto const hi = std::max(*other, c.me());
    auto const id = std::to_string(lo) + "-" + std::to_string(hi);
    return dm_page(c, [&](dm_event_record const& e) { return e.conversation_id == id; });
}

// The text and media of a message body ({"text": ..., "attachments": [{"media_id": ...}]}).
bool read_message(call const& c, json::object const& message, dm_event_record& e, api_response& error) {
    e.text = string_member(message, "text").value_or("");
    if (auto const* attachments = message.if_contains("attachments")) {
        if (!attachments->is_array()) {
            error = invalid_body("$.attachments: expected an array");
            return false;
        }
        for (auto const& a : attachments->as_array()) {
            auto const media = a.is_object() ? string_member(a.as_object(), "media_id") : std::nullopt;
            auto const id = media ? parse_id(*media) : std::nullopt;
            if (!id || !c.media.ready(*id, c.now_ms)) {
                error = invalid_body("$.attachments: the media id is invalid");
                return false;
            }
            e.media_ids.push_back(*media);
        }
    }
    if (e.text.empty() && e.media_ids.empty()) {
        error = invalid_body("$.text: a message needs text or an attachment");
        return false;
    }
    if (e.text.size() > 10000) {
        error = invalid_body("$.text: a message is at most 10000 characters");
        return false;
    }
    return true;
}

api_response send(call& c, std::string const& conversation_id, json::object const& message) {
    dm_event_record e;
    api_response error;
    if (!read_message(c, message, e, error)) {
        return error;
    }
    e.id = c.w.next_id(c.now_ms);
    e.conversation_id = conversation_id;
    e.sender = c.me();
    e.created_ms = c.now_ms;
    auto const& stored = c.w.add_dm_event(std::move(e));
    return data_answer(201, json::object{{"dm_conversation_id", conversation_id},
                                         {"dm_event_id", std::to_string(stored.id)}});
}

api_response message_participant(call& c) {
    api_response error;
    auto const other = path_id(c, 0, "participant_id", error);
    auto const body = other ? json_body(c, error) : std::nullopt;
    if (!body) {
        return error;
    }
    if (!c.w.user_exists(*other) || *other == c.me()) {
        return invalid_body("$.participant_id: cannot send a message to this user");
    }
    auto const id = c.w.one_to_one(c.me(), *other).id;
    return send(c, id, *body);
}

api_response message_conversation(call& c) {
    api_response error;
    auto const body = json_body(c, error);
    if (!body) {
        return error;
    }
    auto const* conv = c.w.dm_conversation(c.params[0]);
    if (conv == nullptr || !participates(*conv, c.me())) {
        return make(403,
                    R"({"detail":"You are not a participant of this conversation.","type":"about:blank",)"
                    R"("title":"Forbidden","status":403})");
    }
    std::string const id = conv->id;
    return send(c, id, *body);
}

api_response create_conversation(call& c) {
    api_response error;
    auto const body = json_body(c, error);
    if (!body) {
        return error;
    }
    if (string_member(*body, "conversation_type") != "Group") {
        return invalid_body("$.conversation_type: must be Group");
    }
    auto const* ids = body->if_contains("participant_ids");
    auto const* message = body->if_contains("message");
    if (ids == nullptr || !ids->is_array() || ids->as_array().empty() || ids->as_array().size() > 49) {
        return invalid_body("$.participant_ids: between 1 and 49 participant ids are required");
    }
    if (message == nullptr || !message->is_object()) {
        return invalid_body("$.message: a message is required");
    }
    std::vector<id_type> participants{c.me()};
    for (auto const& v : ids->as_array()) {
        auto const id = v.is_string() ? parse_id(v.as_string()) : std::nullopt;
        if (!id || !c.w.user_exists(*id)) {
            return invalid_body("$.participant_ids: every participant must be an existing user id");
        }
        if (std::find(participants.begin(), participants.end(), *id) == participants.end()) {
            participants.push_back(*id);
        }
    }
    dm_event_record probe;
    if (!read_message(c, message->as_object(), probe, error)) {
        return error;
    }
    auto const conversation = std::to_string(c.w.next_id(c.now_ms));
    c.w.add_group(conversation, participants);
    return send(c, conversation, message->as_object());
}

// Compliance jobs.

json::object job_json(compliance_job_record const& j) {
    auto const id = std::to_string(j.id);
    json::object o;
    o["id"] = id;
    o["type"] = j.type;
    if (!j.name.empty()) {
        o["name"] = j.name;
    }
    o["resumable"] = j.resumable;
    o["upload_url"] = "https://storage.googleapis.com/twttr-tweet-compliance/" + id + "/submission/" + id;
    o["upload_expires_at"] = iso8601(j.created_ms + 15 * 60'000);
    o["download_url"] = "https://storage.googleapis.com/twttr-tweet-compliance/" + id + "/delivery/" + id;
    o["download_expires_at"] = iso8601(j.created_ms + 7 * 86'400'000LL);
    o["status"] = "created";
    o["created_at"] = iso8601(j.created_ms);
    return o;
}

api_response create_job(call& c) {
    api_response error;
    auto const body = json_body(c, error);
    if (!body) {
        return error;
    }
    auto const type = string_member(*body, "type");
    if (type != "tweets" && type != "users") {
        return invalid_body("$.type: must be tweets or users");
    }
    compliance_job_record j;
    j.id = c.w.next_id(c.now_ms);
    j.type = *type;
    j.name = string_member(*body, "name").value_or("");
    if (auto const* r = body->if_contains("resumable"); r != nullptr && r->is_bool()) {
        j.resumable = r->as_bool();
    }
    j.created_ms = c.now_ms;
    c.w.compliance_jobs().push_back(j);
    return data_answer(200, job_json(j));
}

api_response list_jobs(call& c) {
    auto const* type = c.arg("type");
    if (type == nullptr || type->empty()) {
        return missing_parameter("type");
    }
    if (*type != "tweets" && *type != "users") {
        return invalid_parameter("type", *type);
    }
    if (auto const* status = c.arg("status"); status != nullptr && *status != "created" &&
                                              *status != "in_progress" && *status != "failed" &&
                                              *status != "complete" && *status != "expired") {
        return invalid_parameter("status", *status);
    }
    auto const* status = c.arg("status");
    json::array data;
    auto const& jobs = c.w.compliance_jobs();
    for (auto it = jobs.rbegin(); it != jobs.rend(); ++it) {
        if (it->type == *type && (status == nullptr || *status == "created")) {
            data.push_back(job_json(*it));
        }
    }
    json::object body;
    if (data.empty()) {
        body["meta"] = json::object{{"result_count", 0}};
    } else {
        body["data"] = std::move(data);
    }
    return make_json(200, body);
}

api_response get_job(call& c) {
    api_response error;
    auto const id = path_id(c, 0, "id", error);
    if (!id) {
        return error;
    }
    for (auto const& j : c.w.compliance_jobs()) {
        if (j.id == *id) {
            return data_answer(200, job_json(j));
        }
    }
    return make_json(
        200, json::object{{"errors", json::array{not_found_error("compliance_job", "id", c.params[0])}}});
}

}  // namespace

std::vector<route> v2_space_dm_compliance_routes() {
    constexpr std::string_view dm_read = "dm.read tweet.read users.read";
    constexpr std::string_view dm_write = "dm.read dm.write tweet.read users.read";
    return {
        {"GET", "/2/spaces/search", search_spaces, access::any, space_read, false, 300},
        {"GET", "/2/spaces/by/creator_ids", spaces_by_creator, access::any, space_read, false, 300},
        {"GET", "/2/spaces/:id", get_space, access::any, space_read, false, 300},
        {"GET", "/2/spaces", get_spaces, access::any, space_read, false, 300},
        {"GET", "/2/spaces/:id/buyers", space_buyers, access::user, space_read, false, 300},
        {"GET", "/2/spaces/:id/tweets", space_tweets, access::any, space_read, false, 300},
        {"GET", "/2/dm_events", dm_events, access::user, dm_read, false, 300},
        {"GET", "/2/dm_conversations/with/:participant_id/dm_events", participant_events, access::user,
         dm_read, false, 300},
        {"GET", "/2/dm_conversations/:dm_conversation_id/dm_events", conversation_events, access::user,
         dm_read, false, 300},
        {"POST", "/2/dm_conversations/with/:participant_id/messages", message_participant, access::user,
         dm_write, true, 200},
        {"POST", "/2/dm_conversations/:dm_conversation_id/messages", message_conversation, access::user,
         dm_write, true, 200},
        {"POST", "/2/dm_conversations", create_conversation, access::user, dm_write, true, 200},
        {"POST", "/2/compliance/jobs", create_job, access::app_only, {}, false, 150},
        {"GET", "/2/compliance/jobs", list_jobs, access::app_only, {}, false, 150},
        {"GET", "/2/compliance/jobs/:id", get_job, access::app_only, {}, false, 150},
    };
}

}  // namespace twitter::emulator::detail
