// API v1.1 users (show, lookup, search), friendships, followers and friends, blocks, and the account
// endpoints, over the same world as API v2.

#include "emulator/api_errors.hpp"
#include "emulator/endpoint.hpp"
#include "emulator/multipart.hpp"
#include "emulator/v1_json.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <algorithm>

namespace twitter::emulator::detail {

namespace json = boost::json;

namespace {

api_response one_user(call const& c, id_type id) {
    return make_json(200, v1_user(c.w, *c.w.user(id), c.me(), !v1_flag(c, "skip_status")));
}

api_response show(call& c) {
    api_response error;
    auto const id = v1_user_param(c, error, false);
    if (!id) {
        return error;
    }
    return one_user(c, *id);
}

std::vector<std::string_view> split_commas(std::string_view s) {
    std::vector<std::string_view> out;
    while (!s.empty()) {
        auto const comma = s.find(',');
        if (auto const item = s.substr(0, comma); !item.empty()) {
            out.push_back(item);
        }
        s = comma == std::string_view::npos ? std::string_view{} : s.substr(comma + 1);
    }
    return out;
}

api_response lookup(call& c) {
    std::vector<id_type> ids;
    if (auto const* list = c.arg("user_id")) {
        for (auto const text : split_commas(*list)) {
            if (auto const id = parse_id(text); id && c.w.user_exists(*id)) {
                ids.push_back(*id);
            }
        }
    }
    if (auto const* list = c.arg("screen_name")) {
        for (auto const name : split_commas(*list)) {
            if (auto const u = c.w.user_by_username(name)) {
                ids.push_back(u->id);
            }
        }
    }
    if (c.arg("user_id") == nullptr && c.arg("screen_name") == nullptr) {
        return v1_missing("user_id or screen_name");
    }
    if (ids.empty()) {
        return v1_error(404, 17, "No user matches for specified terms.");
    }
    json::array out;
    for (auto const id : ids) {
        out.push_back(v1_user(c.w, *c.w.user(id), c.me(), !v1_flag(c, "skip_status")));
        if (out.size() == 100) {
            break;
        }
    }
    return make_json(200, out);
}

api_response search(call& c) {
    auto const* q = c.arg("q");
    if (q == nullptr || q->empty()) {
        return v1_missing("q");
    }
    auto const ids = c.w.search_users(*q);
    auto const count = v1_count(c, 20, 20);
    std::size_t page = 1;
    if (auto const* p = c.arg("page")) {
        page = std::max<std::size_t>(1, std::strtoul(p->c_str(), nullptr, 10));
    }
    json::array out;
    for (auto i = (page - 1) * count; i < ids.size() && out.size() < count; ++i) {
        out.push_back(v1_user(c.w, *c.w.user(ids[i]), c.me()));
    }
    return make_json(200, out);
}

api_response follow(call& c) {
    api_response error;
    auto const target = v1_user_param(c, error, false);
    if (!target) {
        return error;
    }
    if (*target == c.me()) {
        return v1_error(403, 158, "You can't follow yourself.");
    }
    c.w.follow(c.me(), *target);
    return one_user(c, *target);
}

api_response unfollow(call& c) {
    api_response error;
    auto const target = v1_user_param(c, error, false);
    if (!target) {
        return error;
    }
    c.w.unfollow(c.me(), *target);
    return one_user(c, *target);
}

api_response friendship(call& c) {
    api_response error;
    auto const source = v1_user_param(c, error, true, "source_id", "source_screen_name");
    auto const target =
        source ? v1_user_param(c, error, false, "target_id", "target_screen_name") : std::nullopt;
    if (!target) {
        return error;
    }
    auto const s = c.w.user(*source);
    auto const t = c.w.user(*target);
    auto const& mutes = world::get(c.w.mutes(), *source);
    auto const& blocks = world::get(c.w.blocks(), *source);
    auto const& blocked_by = world::get(c.w.blocks(), *target);
    json::object src;
    src["id"] = s->id;
    src["id_str"] = std::to_string(s->id);
    src["screen_name"] = s->username;
    src["following"] = c.w.follows(*source, *target);
    src["followed_by"] = c.w.follows(*target, *source);
    src["live_following"] = false;
    src["following_received"] = false;
    src["following_requested"] = false;
    src["notifications_enabled"] = false;
    src["can_dm"] = c.w.follows(*target, *source);
    src["blocking"] = std::find(blocks.begin(), blocks.end(), *target) != blocks.end();
    src["blocked_by"] = std::find(blocked_by.begin(), blocked_by.end(), *source) != blocked_by.end();
    src["muting"] = std::find(mutes.begin(), mutes.end(), *target) != mutes.end();
    src["want_retweets"] = false;
    src["all_replies"] = false;
    src["marked_spam"] = false;
    json::object dst;
    dst["id"] = t->id;
    dst["id_str"] = std::to_string(t->id);
    dst["screen_name"] = t->username;
    dst["following"] = c.w.follows(*target, *source);
    dst["followed_by"] = c.w.follows(*source, *target);
    dst["following_received"] = false;
    dst["following_requested"] = false;
    return make_json(200, json::object{{"relationship", json::object{{"source", src}, {"target", dst}}}});
}

api_response follower_ids(call& c) {
    api_response error;
    auto const user = v1_user_param(c, error);
    if (!user) {
        return error;
    }
    return v1_ids(c, c.w.follower_count(*user), [&](std::size_t i) { return c.w.follower_at(*user, i); });
}

api_response friend_ids(call& c) {
    api_response error;
    auto const user = v1_user_param(c, error);
    if (!user) {
        return error;
    }
    auto const& ids = c.w.following(*user);
    return v1_ids(c, ids.size(), [&](std::size_t i) { return ids[i]; });
}

api_response user_list(call const& c, std::size_t total, std::function<id_type(std::size_t)> const& at) {
    bool const with_status = !v1_flag(c, "skip_status");
    return v1_cursored(c, total, 20, 200, "users", [&](std::size_t i) -> json::value {
        return v1_user(c.w, *c.w.user(at(i)), c.me(), with_status);
    });
}

api_response followers_list(call& c) {
    api_response error;
    auto const user = v1_user_param(c, error);
    if (!user) {
        return error;
    }
    return user_list(c, c.w.follower_count(*user), [&](std::size_t i) { return c.w.follower_at(*user, i); });
}

api_response friends_list(call& c) {
    api_response error;
    auto const user = v1_user_param(c, error);
    if (!user) {
        return error;
    }
    auto const& ids = c.w.following(*user);
    return user_list(c, ids.size(), [&](std::size_t i) { return ids[i]; });
}

api_response block(call& c) {
    api_response error;
    auto const target = v1_user_param(c, error, false);
    if (!target) {
        return error;
    }
    // Blocking ends the follow in both directions, as on X.
    world::add_edge(c.w.blocks(), c.me(), *target);
    c.w.unfollow(c.me(), *target);
    c.w.unfollow(*target, c.me());
    return one_user(c, *target);
}

api_response unblock(call& c) {
    api_response error;
    auto const target = v1_user_param(c, error, false);
    if (!target) {
        return error;
    }
    world::remove_edge(c.w.blocks(), c.me(), *target);
    return one_user(c, *target);
}

api_response blocked_ids(call& c) {
    auto const& ids = world::get(c.w.blocks(), c.me());
    return v1_ids(c, ids.size(), [&](std::size_t i) { return ids[i]; });
}

api_response blocked_list(call& c) {
    auto const& ids = world::get(c.w.blocks(), c.me());
    return user_list(c, ids.size(), [&](std::size_t i) { return ids[i]; });
}

api_response verify_credentials(call& c) { return one_user(c, c.me()); }

api_response update_profile(call& c) {
    auto* u = c.w.stored_user(c.me());
    if (u == nullptr) {
        return v1_user_not_found();
    }
    if (auto const* name = c.arg("name")) {
        if (name->size() > 50) {
            return v1_error(403, 120, "Account update failed: name is too long (maximum is 50 characters).");
        }
        u->name = *name;
    }
    if (auto const* url = c.arg("url")) {
        u->url = *url;
    }
    if (auto const* location = c.arg("location")) {
        u->location = *location;
    }
    if (auto const* description = c.arg("description")) {
        if (description->size() > 640) {
            return v1_error(403, 120, "Account update failed: description is too long.");
        }
        u->description = *description;
    }
    if (auto const* color = c.arg("profile_link_color")) {
        u->profile_link_color = *color;
    }
    return one_user(c, c.me());
}

api_response update_banner(call& c) {
    bool has_banner = c.arg("banner") != nullptr;
    if (auto const boundary = multipart_boundary(c.content_type)) {
        auto const parts = parse_multipart(c.body, *boundary);
        has_banner = parts && find_part(*parts, "banner") != nullptr;
    }
    if (!has_banner) {
        return v1_missing("banner");
    }
    auto r = make(201, "");
    r.content_type = html_content_type;
    return r;
}

api_response settings(call& c) {
    auto const u = c.w.user(c.me());
    if (!u) {
        return v1_user_not_found();
    }
    json::object o;
    o["time_zone"] = json::object{{"name", "UTC"}, {"utc_offset", 0}, {"tzinfo_name", "Etc/UTC"}};
    o["protected"] = u->protected_account;
    o["screen_name"] = u->username;
    o["always_use_https"] = true;
    o["use_cookie_personalization"] = false;
    o["sleep_time"] = json::object{{"enabled", false}, {"end_time", nullptr}, {"start_time", nullptr}};
    o["geo_enabled"] = false;
    o["language"] = c.arg("lang") != nullptr ? *c.arg("lang") : std::string("en");
    o["discoverable_by_email"] = false;
    o["discoverable_by_mobile_phone"] = false;
    o["display_sensitive_media"] = false;
    o["allow_contributor_request"] = "none";
    o["allow_dms_from"] = "following";
    o["allow_dm_groups_from"] = "following";
    o["translator_type"] = "none";
    o["trend_location"] =
        json::array{json::object{{"name", "Worldwide"},
                                 {"countryCode", nullptr},
                                 {"url", "http://where.yahooapis.com/v1/place/1"},
                                 {"woeid", 1},
                                 {"placeType", json::object{{"name", "Supername"}, {"code", 19}}},
                                 {"parentid", 0},
                                 {"country", ""}}};
    return make_json(200, o);
}

}  // namespace

std::vector<route> v1_user_routes() {
    return {
        {"GET", "/1.1/users/show.json", show, access::any, {}, false, 900},
        {"GET", "/1.1/users/lookup.json", lookup, access::any, {}, false, 900},
        {"POST", "/1.1/users/lookup.json", lookup, access::any, {}, false, 900},
        {"GET", "/1.1/users/search.json", search, access::user, {}, false, 900},
        {"POST", "/1.1/friendships/create.json", follow, access::user, {}, true},
        {"POST", "/1.1/friendships/destroy.json", unfollow, access::user, {}, true},
        {"GET", "/1.1/friendships/show.json", friendship, access::any, {}, false, 180},
        {"GET", "/1.1/followers/ids.json", follower_ids, access::any, {}, false, 15},
        {"GET", "/1.1/friends/ids.json", friend_ids, access::any, {}, false, 15},
        {"GET", "/1.1/followers/list.json", followers_list, access::any, {}, false, 15},
        {"GET", "/1.1/friends/list.json", friends_list, access::any, {}, false, 15},
        {"POST", "/1.1/blocks/create.json", block, access::user, {}, true},
        {"POST", "/1.1/blocks/destroy.json", unblock, access::user, {}, true},
        {"GET", "/1.1/blocks/ids.json", blocked_ids, access::user, {}, false, 15},
        {"GET", "/1.1/blocks/list.json", blocked_list, access::user, {}, false, 15},
        {"GET", "/1.1/account/verify_credentials.json", verify_credentials, access::user, {}, false, 75},
        {"POST", "/1.1/account/update_profile.json", update_profile, access::user, {}, true},
        {"POST", "/1.1/account/update_profile_banner.json", update_banner, access::user, {}, true, 30},
        {"GET", "/1.1/account/settings.json", settings, access::user, {}, false, 15},
        {"POST", "/1.1/account/settings.json", settings, access::user, {}, true},
    };
}

}  // namespace twitter::emulator::detail
