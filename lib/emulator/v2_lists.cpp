// API v2 lists: lookup, create, update, delete, members, followers, owned, followed, memberships, pinned
// lists and list tweets.

#include "emulator/api_errors.hpp"
#include "emulator/endpoint.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <algorithm>

namespace twitter::emulator::detail {

namespace json = boost::json;

namespace {

constexpr std::string_view list_read = "list.read tweet.read users.read";
constexpr std::string_view list_write = "list.write tweet.read users.read";

// Private lists exist for their owner only.
list_record const* visible_list(call const& c, id_type id) {
    auto const* l = c.w.list(id);
    return l != nullptr && (!l->private_list || l->owner == c.me()) ? l : nullptr;
}

api_response list_not_found(std::string_view parameter, std::string_view value) {
    json::object body;
    body["errors"] = json::array{not_found_error("list", parameter, value)};
    return make_json(200, body);
}

api_response get_list(call& c) {
    api_response error;
    auto const id = path_id(c, 0, "id", error);
    if (!id) {
        return error;
    }
    auto const fields = read_fields(c.args, object_kind::list, error);
    if (!fields) {
        return error;
    }
    auto const* l = visible_list(c, *id);
    if (l == nullptr) {
        return list_not_found("id", c.params[0]);
    }
    includes_builder includes(c.w, *fields);
    includes.expand_list(*l);
    return data_answer(200, list_json(*l, *fields), &includes);
}

std::optional<bool> bool_member(json::object const& o, std::string_view name, api_response& error) {
    auto const* v = o.if_contains(name);
    if (v == nullptr) {
        return std::nullopt;
    }
    if (!v->is_bool()) {
        error = invalid_body("$." + std::string(name) + ": expected a boolean");
        return std::nullopt;
    }
    return v->as_bool();
}

bool valid_name(std::string const& name) { return !name.empty() && name.size() <= 25; }

api_response create_list(call& c) {
    api_response error;
    auto const body = json_body(c, error);
    if (!body) {
        return error;
    }
    auto const name = string_member(*body, "name");
    if (!name || !valid_name(*name)) {
        return invalid_body("$.name: a list name of 1 to 25 characters is required");
    }
    list_record l;
    l.name = *name;
    l.description = string_member(*body, "description").value_or("");
    auto const priv = bool_member(*body, "private", error);
    if (error.status != 200) {
        return error;
    }
    l.private_list = priv.value_or(false);
    l.owner = c.me();
    l.created_ms = c.now_ms;
    l.id = c.w.next_id(c.now_ms);
    auto const& stored = c.w.add_list(std::move(l));
    return data_answer(201, json::object{{"id", std::to_string(stored.id)}, {"name", stored.name}});
}

// The list of `:id`, which the caller must own; a 403 or 400 in `error` otherwise.
list_record* owned_list(call& c, api_response& error) {
    auto const id = path_id(c, 0, "id", error);
    if (!id) {
        return nullptr;
    }
    auto* l = c.w.stored_list(*id);
    if (l == nullptr || l->owner != c.me()) {
        error = make(403, R"({"detail":"You are not allowed to manage this List.","type":"about:blank",)"
                          R"("title":"Forbidden","status":403})");
        return nullptr;
    }
    return l;
}

api_response update_list(call& c) {
    api_response error;
    auto* l = owned_list(c, error);
    auto const body = l != nullptr ? json_body(c, error) : std::nullopt;
    if (!body) {
        return error;
    }
    if (auto const name = string_member(*body, "name")) {
        if (!valid_name(*name)) {
            return invalid_body("$.name: a list name of 1 to 25 characters is required");
        }
        l->name = *name;
    }
    if (auto const description = string_member(*body, "description")) {
        l->description = *description;
    }
    auto const priv = bool_member(*body, "private", error);
    if (error.status != 200) {
        return error;
    }
    if (priv) {
        l->private_list = *priv;
    }
    return data_answer(200, json::object{{"updated", true}});
}

api_response delete_list(call& c) {
    api_response error;
    auto* l = owned_list(c, error);
    if (l == nullptr) {
        return error;
    }
    c.w.delete_list(l->id);
    return data_answer(200, json::object{{"deleted", true}});
}

api_response list_tweets(call& c) {
    api_response error;
    auto const id = path_id(c, 0, "id", error);
    if (!id) {
        return error;
    }
    auto const* l = visible_list(c, *id);
    std::vector<id_type> ids;
    if (l != nullptr) {
        for (auto it = c.w.tweets().rbegin(); it != c.w.tweets().rend() && ids.size() < 800; ++it) {
            if (std::find(l->members.begin(), l->members.end(), it->second.author_id) != l->members.end()) {
                ids.push_back(it->first);
            }
        }
    }
    return tweet_page(c, ids, {1, 100, 100});
}

api_response list_users(call& c, bool members) {
    api_response error;
    auto const id = path_id(c, 0, "id", error);
    if (!id) {
        return error;
    }
    auto const* l = visible_list(c, *id);
    static std::vector<id_type> const none;
    auto const& ids = l == nullptr ? none : members ? l->members : l->followers;
    return user_page(c, ids.size(), [&](std::size_t i) { return ids[i]; }, {1, 100, 100});
}

api_response list_members(call& c) { return list_users(c, true); }
api_response list_followers(call& c) { return list_users(c, false); }

// The user named by a JSON body's member `name`; a 400 when it is missing or unknown.
std::optional<id_type> body_id(call const& c, std::string_view name, api_response& error) {
    auto const body = json_body(c, error);
    if (!body) {
        return std::nullopt;
    }
    auto const text = string_member(*body, name);
    auto const id = text ? parse_id(*text) : std::nullopt;
    if (!id) {
        error = invalid_body("$." + std::string(name) + ": expected an id as a string");
    }
    return id;
}

api_response add_member(call& c) {
    api_response error;
    auto* l = owned_list(c, error);
    auto const user = l != nullptr ? body_id(c, "user_id", error) : std::nullopt;
    if (!user) {
        return error;
    }
    if (!c.w.user_exists(*user)) {
        return invalid_body("$.user_id: no such user");
    }
    if (std::find(l->members.begin(), l->members.end(), *user) == l->members.end()) {
        l->members.insert(l->members.begin(), *user);
    }
    return data_answer(200, json::object{{"is_member", true}});
}

api_response remove_member(call& c) {
    api_response error;
    auto* l = owned_list(c, error);
    auto const user = l != nullptr ? path_id(c, 1, "user_id", error) : std::nullopt;
    if (!user) {
        return error;
    }
    std::erase(l->members, *user);
    return data_answer(200, json::object{{"is_member", false}});
}

std::vector<id_type> visible(call const& c, std::vector<id_type> ids) {
    std::erase_if(ids, [&](id_type id) { return visible_list(c, id) == nullptr; });
    return ids;
}

api_response followed_lists(call& c) {
    api_response error;
    auto const id = path_id(c, 0, "id", error);
    if (!id) {
        return error;
    }
    return list_page(c, visible(c, c.w.lists_followed_by(*id)), {1, 100, 100});
}

api_response owned_lists(call& c) {
    api_response error;
    auto const id = path_id(c, 0, "id", error);
    if (!id) {
        return error;
    }
    return list_page(c, visible(c, c.w.lists_owned_by(*id)), {1, 100, 100});
}

api_response list_memberships(call& c) {
    api_response error;
    auto const id = path_id(c, 0, "id", error);
    if (!id) {
        return error;
    }
    return list_page(c, visible(c, c.w.lists_with_member(*id)), {1, 100, 100});
}

// The list named by a JSON body's `list_id`, visible to the caller.
list_record* body_list(call& c, api_response& error) {
    auto const id = body_id(c, "list_id", error);
    if (!id) {
        return nullptr;
    }
    if (visible_list(c, *id) == nullptr) {
        error = invalid_body("$.list_id: no such list");
        return nullptr;
    }
    return c.w.stored_list(*id);
}

api_response follow_list(call& c) {
    api_response error;
    auto const me = acting_user_id(c, error);
    auto* l = me ? body_list(c, error) : nullptr;
    if (l == nullptr) {
        return error;
    }
    if (std::find(l->followers.begin(), l->followers.end(), *me) == l->followers.end()) {
        l->followers.insert(l->followers.begin(), *me);
    }
    return data_answer(200, json::object{{"following", true}});
}

api_response unfollow_list(call& c) {
    api_response error;
    auto const me = acting_user_id(c, error);
    auto const list = me ? path_id(c, 1, "list_id", error) : std::nullopt;
    if (!list) {
        return error;
    }
    if (auto* l = c.w.stored_list(*list)) {
        std::erase(l->followers, *me);
    }
    return data_answer(200, json::object{{"following", false}});
}

api_response pinned_lists(call& c) {
    api_response error;
    auto const me = acting_user_id(c, error);
    if (!me) {
        return error;
    }
    auto const fields = read_fields(c.args, object_kind::list, error);
    if (!fields) {
        return error;
    }
    includes_builder includes(c.w, *fields);
    json::array data;
    for (auto const id : world::get(c.w.pinned_lists(), *me)) {
        if (auto const* l = visible_list(c, id)) {
            includes.expand_list(*l);
            data.push_back(list_json(*l, *fields));
        }
    }
    json::object body;
    auto const count = data.size();
    if (!data.empty()) {
        body["data"] = std::move(data);
        includes.write(body);
    }
    body["meta"] = json::object{{"result_count", count}};
    return make_json(200, body);
}

api_response pin_list(call& c) {
    api_response error;
    auto const me = acting_user_id(c, error);
    auto* l = me ? body_list(c, error) : nullptr;
    if (l == nullptr) {
        return error;
    }
    world::add_edge(c.w.pinned_lists(), *me, l->id);
    return data_answer(200, json::object{{"pinned", true}});
}

api_response unpin_list(call& c) {
    api_response error;
    auto const me = acting_user_id(c, error);
    auto const list = me ? path_id(c, 1, "list_id", error) : std::nullopt;
    if (!list) {
        return error;
    }
    world::remove_edge(c.w.pinned_lists(), *me, *list);
    return data_answer(200, json::object{{"pinned", false}});
}

}  // namespace

std::vector<route> v2_list_routes() {
    return {
        {"GET", "/2/lists/:id", get_list, access::any, list_read, false, 75},
        {"POST", "/2/lists", create_list, access::user, list_write, true, 300},
        {"PUT", "/2/lists/:id", update_list, access::user, list_write, true, 300},
        {"DELETE", "/2/lists/:id", delete_list, access::user, list_write, true, 300},
        {"GET", "/2/lists/:id/tweets", list_tweets, access::any, list_read, false, 900},
        {"GET", "/2/lists/:id/members", list_members, access::any, list_read, false, 900},
        {"POST", "/2/lists/:id/members", add_member, access::user, list_write, true, 300},
        {"DELETE", "/2/lists/:id/members/:user_id", remove_member, access::user, list_write, true, 300},
        {"GET", "/2/lists/:id/followers", list_followers, access::any, list_read, false, 180},
        {"GET", "/2/users/:id/followed_lists", followed_lists, access::any, list_read, false, 15},
        {"POST", "/2/users/:id/followed_lists", follow_list, access::user, list_write, true, 50},
        {"DELETE", "/2/users/:id/followed_lists/:list_id", unfollow_list, access::user, list_write, true, 50},
        {"GET", "/2/users/:id/owned_lists", owned_lists, access::any, list_read, false, 15},
        {"GET", "/2/users/:id/list_memberships", list_memberships, access::any, list_read, false, 75},
        {"GET", "/2/users/:id/pinned_lists", pinned_lists, access::user, list_read, false, 15},
        {"POST", "/2/users/:id/pinned_lists", pin_list, access::user, list_write, true, 50},
        {"DELETE", "/2/users/:id/pinned_lists/:list_id", unpin_list, access::user, list_write, true, 50},
    };
}

}  // namespace twitter::emulator::detail
