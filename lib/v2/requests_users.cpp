// The user endpoints: blocks, follows, mutes and lookup.

#include <twitter/v2/requests.hpp>

#include "v2/requests_support.hpp"

#include <boost/json/object.hpp>

namespace twitter::v2 {

using detail::add;
using detail::add_fields;
using detail::make_request;
using detail::segment;
using http::auth_mode;
using http::verb;

namespace {

typed_request<std::vector<user>> user_page(std::string target, auth_mode auth,
                                           user_page_params const& params) {
    auto r =
        make_request<std::vector<user>>(verb::get, std::move(target), auth, token_param::pagination_token);
    add_fields(r.http.query, params.fields);
    add(r.http.query, "max_results", params.max_results);
    add(r.http.query, "pagination_token", params.pagination_token);
    return r;
}

// POST /2/users/{me}/following and /muting: {"target_user_id": "..."}.
typed_request<action_result> target_user(std::string target, std::string const& target_user_id) {
    auto r = make_request<action_result>(verb::post, std::move(target), auth_mode::user);
    boost::json::object body;
    body["target_user_id"] = target_user_id;
    detail::set_json_body(r.http, body);
    return r;
}

}  // namespace

typed_request<std::vector<user>> get_blocked(user_page_params const& params) {
    return user_page("/2/users/{me}/blocking", auth_mode::user, params);
}

typed_request<action_result> unfollow_user(std::string target_user_id) {
    return make_request<action_result>(verb::delete_,
                                       "/2/users/{me}/following/" + segment(target_user_id, "target_user_id"),
                                       auth_mode::user);
}

typed_request<std::vector<user>> get_users_followers(std::string id, user_page_params const& params) {
    return user_page("/2/users/" + segment(id, "id") + "/followers", auth_mode::automatic, params);
}

typed_request<std::vector<user>> get_users_following(std::string id, user_page_params const& params) {
    return user_page("/2/users/" + segment(id, "id") + "/following", auth_mode::automatic, params);
}

typed_request<action_result> follow_user(std::string target_user_id) {
    return target_user("/2/users/{me}/following", target_user_id);
}

typed_request<action_result> unmute(std::string target_user_id) {
    return make_request<action_result>(
        verb::delete_, "/2/users/{me}/muting/" + segment(target_user_id, "target_user_id"), auth_mode::user);
}

typed_request<std::vector<user>> get_muted(user_page_params const& params) {
    return user_page("/2/users/{me}/muting", auth_mode::user, params);
}

typed_request<action_result> mute(std::string target_user_id) {
    return target_user("/2/users/{me}/muting", target_user_id);
}

typed_request<user> get_user(std::string id, user_fields_params const& fields) {
    auto r = make_request<user>(verb::get, "/2/users/" + segment(id, "id"), auth_mode::automatic);
    add_fields(r.http.query, fields);
    return r;
}

typed_request<user> get_user(by_username const& username, user_fields_params const& fields) {
    auto r = make_request<user>(verb::get, "/2/users/by/username/" + segment(username.value, "username"),
                                auth_mode::automatic);
    add_fields(r.http.query, fields);
    return r;
}

typed_request<std::vector<user>> get_users(std::vector<std::string> const& ids,
                                           user_fields_params const& fields) {
    auto r = make_request<std::vector<user>>(verb::get, "/2/users", auth_mode::automatic);
    r.http.query.push_back({"ids", detail::join(ids)});
    add_fields(r.http.query, fields);
    return r;
}

typed_request<std::vector<user>> get_users(by_usernames const& usernames, user_fields_params const& fields) {
    auto r = make_request<std::vector<user>>(verb::get, "/2/users/by", auth_mode::automatic);
    r.http.query.push_back({"usernames", detail::join(usernames.values)});
    add_fields(r.http.query, fields);
    return r;
}

typed_request<user> get_me(user_fields_params const& fields) {
    auto r = make_request<user>(verb::get, "/2/users/me", auth_mode::user);
    add_fields(r.http.query, fields);
    return r;
}

}  // namespace twitter::v2
