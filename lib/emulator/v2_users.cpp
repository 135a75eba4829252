// API v2 users: lookup by id, ids, username and usernames, /2/users/me, follows, mutes and blocks.

#include "emulator/api_errors.hpp"
#include "emulator/endpoint.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <algorithm>
#include <cctype>

namespace twitter::emulator::detail {

namespace json = boost::json;

namespace {

constexpr std::string_view users_read = "tweet.read users.read";

// X's handles: 1 to 15 letters, digits and underscores (former handles included).
bool valid_username(std::string_view name) {
    return !name.empty() && name.size() <= 15 && std::all_of(name.begin(), name.end(), [](char ch) {
        return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_';
    });
}

api_response one_user(call& c, std::optional<user_record> const& u, std::string_view parameter,
                      std::string_view value) {
    api_response error;
    auto const fields = read_fields(c.args, object_kind::user, error);
    if (!fields) {
        return error;
    }
    json::object body;
    if (!u) {
        body["errors"] = json::array{not_found_error("user", parameter, value)};
        return make_json(200, body);
    }
    includes_builder includes(c.w, *fields);
    includes.expand_user(*u);
    body["data"] = user_json(c.w, *u, *fields);
    includes.write(body);
    return make_json(200, body);
}

api_response get_me(call& c) { return one_user(c, c.w.user(c.me()), "id", c.who.user_id); }

api_response get_user(call& c) {
    api_response error;
    auto const id = path_id(c, 0, "id", error);
    if (!id) {
        return error;
    }
    return one_user(c, c.w.user(*id), "id", c.params[0]);
}

api_response get_user_by_username(call& c) {
    if (!valid_username(c.params[0])) {
        return invalid_parameter("username", c.params[0]);
    }
    return one_user(c, c.w.user_by_username(c.params[0]), "username", c.params[0]);
}

api_response many_users(call& c, std::string_view parameter, bool by_id) {
    api_response error;
    auto const names = id_list(c, parameter, 100, error);
    if (!names) {
        return error;
    }
    auto const fields = read_fields(c.args, object_kind::user, error);
    if (!fields) {
        return error;
    }
    includes_builder includes(c.w, *fields);
    json::array data;
    json::array errors;
    for (auto const& name : *names) {
        std::optional<user_record> u;
        if (by_id) {
            auto const id = parse_id(name);
            if (!id) {
                return invalid_parameter(parameter, name);
            }
            u = c.w.user(*id);
        } else {
            if (!valid_username(name)) {
                return invalid_parameter(parameter, name);
            }
            u = c.w.user_by_username(name);
        }
        if (u) {
            includes.expand_user(*u);
            data.push_back(user_json(c.w, *u, *fields));
        } else {
            errors.push_back(not_found_error("user", by_id ? "ids" : "usernames", name));
        }
    }
    json::object body;
    if (!data.empty()) {
        body["data"] = std::move(data);
        includes.write(body);
    }
    if (!errors.empty()) {
        body["errors"] = std::move(errors);
    }
    return make_json(200, body);
}

api_response get_users(call& c) { return many_users(c, "ids", true); }
api_response get_users_by(call& c) { return many_users(c, "usernames", false); }

api_response followers(call& c) {
    api_response error;
    auto const id = path_id(c, 0, "id", error);
    if (!id) {
        return error;
    }
    return user_page(c, c.w.follower_count(*id), [&](std::size_t i) { return c.w.follower_at(*id, i); },
                     {1, 1000, 100});
}

api_response following(call& c) {
    api_response error;
    auto const id = path_id(c, 0, "id", error);
    if (!id) {
        return error;
    }
    auto const& ids = c.w.following(*id);
    return user_page(c, ids.size(), [&](std::size_t i) { return ids[i]; }, {1, 1000, 100});
}

// The user named by a JSON body's `target_user_id`; a 400 when it is missing or unknown.
std::optional<id_type> target_user(call const& c, api_response& error) {
    auto const body = json_body(c, error);
    if (!body) {
        return std::nullopt;
    }
    auto const text = string_member(*body, "target_user_id");
    auto const id = text ? parse_id(*text) : std::nullopt;
    if (!id) {
        error = invalid_body("$.target_user_id: expected a user id as a string");
        return std::nullopt;
    }
    if (!c.w.user_exists(*id)) {
        error = make_json(
            400, json::object{{"errors", json::array{not_found_error("user", "target_user_id", *text)}},
                              {"title", "Invalid Request"},
                              {"detail", "One or more parameters to your request was invalid."},
                              {"type", "https://api.twitter.com/2/problems/invalid-request"}});
        return std::nullopt;
    }
    return id;
}

api_response follow(call& c) {
    api_response error;
    auto const me = acting_user_id(c, error);
    auto const target = me ? target_user(c, error) : std::nullopt;
    if (!target) {
        return error;
    }
    auto const u = c.w.user(*target);
    if (u && u->protected_account && !c.w.follows(*me, *target)) {
        return data_answer(200, json::object{{"following", false}, {"pending_follow", true}});
    }
    c.w.follow(*me, *target);
    return data_answer(200, json::object{{"following", true}, {"pending_follow", false}});
}

api_response unfollow(call& c) {
    api_response error;
    auto const me = acting_user_id(c, error);
    auto const target = me ? path_id(c, 1, "target_user_id", error) : std::nullopt;
    if (!target) {
        return error;
    }
    c.w.unfollow(*me, *target);
    return data_answer(200, json::object{{"following", false}});
}

api_response relation_page(call& c, edge_map const& relation) {
    api_response error;
    auto const me = acting_user_id(c, error);
    if (!me) {
        return error;
    }
    auto const& ids = world::get(relation, *me);
    return user_page(c, ids.size(), [&](std::size_t i) { return ids[i]; }, {1, 1000, 100});
}

api_response muted(call& c) { return relation_page(c, c.w.mutes()); }
api_response blocked(call& c) { return relation_page(c, c.w.blocks()); }

api_response mute(call& c) {
    api_response error;
    auto const me = acting_user_id(c, error);
    auto const target = me ? target_user(c, error) : std::nullopt;
    if (!target) {
        return error;
    }
    world::add_edge(c.w.mutes(), *me, *target);
    return data_answer(200, json::object{{"muting", true}});
}

api_response unmute(call& c) {
    api_response error;
    auto const me = acting_user_id(c, error);
    auto const target = me ? path_id(c, 1, "target_user_id", error) : std::nullopt;
    if (!target) {
        return error;
    }
    world::remove_edge(c.w.mutes(), *me, *target);
    return data_answer(200, json::object{{"muting", false}});
}

}  // namespace

std::vector<route> v2_user_routes() {
    return {
        {"GET", "/2/users/me", get_me, access::user, users_read, false, 75},
        {"GET", "/2/users/:id", get_user, access::any, users_read, false, 300},
        {"GET", "/2/users", get_users, access::any, users_read, false, 300},
        {"GET", "/2/users/by/username/:username", get_user_by_username, access::any, users_read, false, 300},
        {"GET", "/2/users/by", get_users_by, access::any, users_read, false, 300},
        {"GET", "/2/users/:id/followers", followers, access::any, "follows.read tweet.read users.read", false,
         15},
        {"GET", "/2/users/:id/following", following, access::any, "follows.read tweet.read users.read", false,
         15},
        {"POST", "/2/users/:id/following", follow, access::user, "follows.write tweet.read users.read", true,
         50},
        {"DELETE", "/2/users/:id/following/:target_user_id", unfollow, access::user,
         "follows.write tweet.read users.read", true, 50},
        {"GET", "/2/users/:id/muting", muted, access::user, "mute.read tweet.read users.read", false, 15},
        {"POST", "/2/users/:id/muting", mute, access::user, "mute.write tweet.read users.read", true, 50},
        {"DELETE", "/2/users/:id/muting/:target_user_id", unmute, access::user,
         "mute.write tweet.read users.read", true, 50},
        {"GET", "/2/users/:id/blocking", blocked, access::user, "block.read tweet.read users.read", false,
         15},
    };
}

}  // namespace twitter::emulator::detail
