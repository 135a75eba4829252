// API v1.1 lists: list, show, statuses, create, update, destroy, members, memberships, ownerships,
// subscribers and subscriptions, over the same lists as API v2.

#include "emulator/api_errors.hpp"
#include "emulator/endpoint.hpp"
#include "emulator/v1_json.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <algorithm>

namespace twitter::emulator::detail {

namespace json = boost::json;

namespace {

api_response list_answer(call const& c, list_record const& l) {
    return make_json(200, v1_list(c.w, l, c.me()));
}

bool contains(std::vector<id_type> const& v, id_type id) {
    return std::find(v.begin(), v.end(), id) != v.end();
}

std::vector<id_type> visible(call const& c, std::vector<id_type> ids) {
    std::erase_if(ids, [&](id_type id) {
        auto const* l = c.w.list(id);
        return l == nullptr || (l->private_list && l->owner != c.me());
    });
    return ids;
}

// The caller must own the list to change it.
list_record* owned_list(call& c, api_response& error) {
    auto* l = v1_list_param(c, error);
    if (l != nullptr && l->owner != c.me()) {
        error = v1_error(403, 110, "You aren't allowed to add members to this list.");
        return nullptr;
    }
    return l;
}

api_response lists(call& c) {
    api_response error;
    auto const user = v1_user_param(c, error);
    if (!user) {
        return error;
    }
    // Owned lists first, then subscriptions, up to 100 (X's documented behavior).
    auto ids = visible(c, c.w.lists_owned_by(*user));
    for (auto const id : visible(c, c.w.lists_followed_by(*user))) {
        if (!contains(ids, id)) {
            ids.push_back(id);
        }
    }
    if (v1_flag(c, "reverse")) {
        std::reverse(ids.begin(), ids.end());
    }
    json::array out;
    for (auto const id : ids) {
        if (out.size() == 100) {
            break;
        }
        out.push_back(v1_list(c.w, *c.w.list(id), c.me()));
    }
    return make_json(200, out);
}

api_response show(call& c) {
    api_response error;
    auto const* l = v1_list_param(c, error);
    return l == nullptr ? error : list_answer(c, *l);
}

api_response statuses(call& c) {
    api_response error;
    auto const* l = v1_list_param(c, error);
    if (l == nullptr) {
        return error;
    }
    std::vector<id_type> ids;
    auto const* rts = c.arg("include_rts");
    bool const no_rts = rts != nullptr && (*rts == "false" || *rts == "0");
    for (auto it = c.w.tweets().rbegin(); it != c.w.tweets().rend(); ++it) {
        if (contains(l->members, it->second.author_id) && !(no_rts && it->second.retweeted)) {
            ids.push_back(it->first);
        }
    }
    return v1_statuses(c, v1_timeline(c, ids, 20, 200));
}

bool private_mode(call const& c, bool fallback, api_response& error) {
    auto const* mode = c.arg("mode");
    if (mode == nullptr) {
        return fallback;
    }
    if (*mode != "public" && *mode != "private") {
        error = v1_error(400, 44, "mode parameter is invalid.");
    }
    return *mode == "private";
}

api_response create(call& c) {
    auto const* name = c.arg("name");
    if (name == nullptr || name->empty()) {
        return v1_missing("name");
    }
    if (name->size() > 25) {
        return v1_error(403, 44, "name parameter is invalid.");
    }
    api_response error;
    list_record l;
    l.private_list = private_mode(c, false, error);
    if (error.status != 200) {
        return error;
    }
    l.name = *name;
    l.description = c.arg("description") != nullptr ? *c.arg("description") : std::string{};
    l.owner = c.me();
    l.created_ms = c.now_ms;
    l.id = c.w.next_id(c.now_ms);
    return list_answer(c, c.w.add_list(std::move(l)));
}

api_response update(call& c) {
    api_response error;
    auto* l = owned_list(c, error);
    if (l == nullptr) {
        return error;
    }
    auto const priv = private_mode(c, l->private_list, error);
    if (error.status != 200) {
        return error;
    }
    l->private_list = priv;
    if (auto const* name = c.arg("name")) {
        l->name = *name;
    }
    if (auto const* description = c.arg("description")) {
        l->description = *description;
    }
    return list_answer(c, *l);
}

api_response destroy(call& c) {
    api_response error;
    auto* l = owned_list(c, error);
    if (l == nullptr) {
        return error;
    }
    auto body = v1_list(c.w, *l, c.me());
    c.w.delete_list(l->id);
    return make_json(200, body);
}

api_response user_page(call const& c, std::vector<id_type> const& ids) {
    bool const with_status = !v1_flag(c, "skip_status");
    return v1_cursored(
        c, ids.size(), 20, 5000, "users",
        [&](std::size_t i) -> json::value { return v1_user(c.w, *c.w.user(ids[i]), c.me(), with_status); },
        false);
}

api_response members(call& c) {
    api_response error;
    auto const* l = v1_list_param(c, error);
    return l == nullptr ? error : user_page(c, l->members);
}

api_response subscribers(call& c) {
    api_response error;
    auto const* l = v1_list_param(c, error);
    return l == nullptr ? error : user_page(c, l->followers);
}

// GET lists/members/show and lists/subscribers/show: the user, if they are in the list.
api_response show_in(call& c, bool members_list) {
    api_response error;
    auto const* l = v1_list_param(c, error);
    auto const user = l != nullptr ? v1_user_param(c, error, false) : std::nullopt;
    if (!user) {
        return error;
    }
    if (!contains(members_list ? l->members : l->followers, *user)) {
        return members_list ? v1_error(404, 109, "The specified user is not a member of this list.")
                            : v1_error(404, 109, "The specified user is not a subscriber of this list.");
    }
    return make_json(200, v1_user(c.w, *c.w.user(*user), c.me(), !v1_flag(c, "skip_status")));
}

api_response member_show(call& c) { return show_in(c, true); }
api_response subscriber_show(call& c) { return show_in(c, false); }

// The users named by user_id or screen_name, comma-separated (at most 100).
std::optional<std::vector<id_type>> named_users(call const& c, api_response& error) {
    std::vector<id_type> out;
    auto const add = [&](std::string_view list, bool by_id) {
        while (!list.empty()) {
            auto const comma = list.find(',');
            auto const item = list.substr(0, comma);
            std::optional<id_type> id;
            if (by_id) {
                id = parse_id(item);
            } else if (auto const u = c.w.user_by_username(item)) {
                id = u->id;
            }
            if (id && c.w.user_exists(*id)) {
                out.push_back(*id);
            }
            list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
        }
    };
    if (auto const* ids = c.arg("user_id")) {
        add(*ids, true);
    }
    if (auto const* names = c.arg("screen_name")) {
        add(*names, false);
    }
    if (c.arg("user_id") == nullptr && c.arg("screen_name") == nullptr) {
        error = v1_missing("user_id or screen_name");
        return std::nullopt;
    }
    if (out.size() > 100) {
        error = v1_error(400, 44, "Too many users.");
        return std::nullopt;
    }
    if (out.empty()) {
        error = v1_user_not_found();
        return std::nullopt;
    }
    return out;
}

api_response change_members(call& c, bool add) {
    api_response error;
    auto* l = owned_list(c, error);
    auto const users = l != nullptr ? named_users(c, error) : std::nullopt;
    if (!users) {
        return error;
    }
    for (auto const user : *users) {
        if (add && !contains(l->members, user)) {
            l->members.insert(l->members.begin(), user);
        } else if (!add) {
            std::erase(l->members, user);
        }
    }
    return list_answer(c, *l);
}

api_response add_members(call& c) { return change_members(c, true); }
api_response remove_members(call& c) { return change_members(c, false); }

api_response subscribe(call& c) {
    api_response error;
    auto* l = v1_list_param(c, error);
    if (l == nullptr) {
        return error;
    }
    if (!contains(l->followers, c.me())) {
        l->followers.insert(l->followers.begin(), c.me());
    }
    return list_answer(c, *l);
}

api_response unsubscribe(call& c) {
    api_response error;
    auto* l = v1_list_param(c, error);
    if (l == nullptr) {
        return error;
    }
    std::erase(l->followers, c.me());
    return list_answer(c, *l);
}

api_response list_page(call const& c, std::vector<id_type> const& ids) {
    return v1_cursored(
        c, ids.size(), 20, 1000, "lists",
        [&](std::size_t i) -> json::value { return v1_list(c.w, *c.w.list(ids[i]), c.me()); }, false);
}

api_response memberships(call& c) {
    api_response error;
    auto const user = v1_user_param(c, error);
    if (!user) {
        return error;
    }
    auto ids = visible(c, c.w.lists_with_member(*user));
    if (v1_flag(c, "filter_to_owned_lists")) {
        std::erase_if(ids, [&](id_type id) { return c.w.list(id)->owner != c.me(); });
    }
    return list_page(c, ids);
}

api_response ownerships(call& c) {
    api_response error;
    auto const user = v1_user_param(c, error);
    return user ? list_page(c, visible(c, c.w.lists_owned_by(*user))) : error;
}

api_response subscriptions(call& c) {
    api_response error;
    auto const user = v1_user_param(c, error);
    return user ? list_page(c, visible(c, c.w.lists_followed_by(*user))) : error;
}

}  // namespace

std::vector<route> v1_list_routes() {
    return {
        {"GET", "/1.1/lists/list.json", lists, access::any, {}, false, 15},
        {"GET", "/1.1/lists/show.json", show, access::any, {}, false, 75},
        {"GET", "/1.1/lists/statuses.json", statuses, access::any, {}, false, 900},
        {"POST", "/1.1/lists/create.json", create, access::user, {}, true},
        {"POST", "/1.1/lists/update.json", update, access::user, {}, true},
        {"POST", "/1.1/lists/destroy.json", destroy, access::user, {}, true},
        {"GET", "/1.1/lists/members.json", members, access::any, {}, false, 900},
        {"GET", "/1.1/lists/members/show.json", member_show, access::any, {}, false, 15},
        {"POST", "/1.1/lists/members/create.json", add_members, access::user, {}, true},
        {"POST", "/1.1/lists/members/create_all.json", add_members, access::user, {}, true},
        {"POST", "/1.1/lists/members/destroy.json", remove_members, access::user, {}, true},
        {"POST", "/1.1/lists/members/destroy_all.json", remove_members, access::user, {}, true},
        {"GET", "/1.1/lists/memberships.json", memberships, access::any, {}, false, 75},
        {"GET", "/1.1/lists/ownerships.json", ownerships, access::any, {}, false, 15},
        {"GET", "/1.1/lists/subscribers.json", subscribers, access::any, {}, false, 180},
        {"GET", "/1.1/lists/subscribers/show.json", subscriber_show, access::any, {}, false, 15},
        {"POST", "/1.1/lists/subscribers/create.json", subscribe, access::user, {}, true},
        {"POST", "/1.1/lists/subscribers/destroy.json", unsubscribe, access::user, {}, true},
        {"GET", "/1.1/lists/subscriptions.json", subscriptions, access::any, {}, false, 15},
    };
}

}  // namespace twitter::emulator::detail
