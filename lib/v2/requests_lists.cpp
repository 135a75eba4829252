// The List endpoints: Tweets, follows, lookup, members, management and pins.

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

typed_request<std::vector<list>> list_page(std::string target, list_page_params const& params) {
    auto r = make_request<std::vector<list>>(verb::get, std::move(target), auth_mode::automatic,
                                             token_param::pagination_token);
    add_fields(r.http.query, params.fields);
    add(r.http.query, "max_results", params.max_results);
    add(r.http.query, "pagination_token", params.pagination_token);
    return r;
}

typed_request<std::vector<user>> user_page(std::string target, user_page_params const& params) {
    auto r = make_request<std::vector<user>>(verb::get, std::move(target), auth_mode::automatic,
                                             token_param::pagination_token);
    add_fields(r.http.query, params.fields);
    add(r.http.query, "max_results", params.max_results);
    add(r.http.query, "pagination_token", params.pagination_token);
    return r;
}

// POST /2/users/{me}/followed_lists and /pinned_lists: {"list_id": "..."}.
typed_request<action_result> with_list_id(std::string target, std::string const& list_id) {
    auto r = make_request<action_result>(verb::post, std::move(target), auth_mode::user);
    boost::json::object body;
    body["list_id"] = list_id;
    detail::set_json_body(r.http, body);
    return r;
}

}  // namespace

typed_request<std::vector<tweet>> get_list_tweets(std::string id, tweet_page_params const& params) {
    auto r = make_request<std::vector<tweet>>(verb::get, "/2/lists/" + segment(id, "id") + "/tweets",
                                              auth_mode::automatic, token_param::pagination_token);
    add_fields(r.http.query, params.fields);
    add(r.http.query, "max_results", params.max_results);
    add(r.http.query, "pagination_token", params.pagination_token);
    return r;
}

typed_request<action_result> unfollow_list(std::string list_id) {
    return make_request<action_result>(
        verb::delete_, "/2/users/{me}/followed_lists/" + segment(list_id, "list_id"), auth_mode::user);
}

typed_request<std::vector<user>> get_list_followers(std::string id, user_page_params const& params) {
    return user_page("/2/lists/" + segment(id, "id") + "/followers", params);
}

typed_request<std::vector<list>> get_followed_lists(std::string id, list_page_params const& params) {
    return list_page("/2/users/" + segment(id, "id") + "/followed_lists", params);
}

typed_request<action_result> follow_list(std::string list_id) {
    return with_list_id("/2/users/{me}/followed_lists", list_id);
}

typed_request<list> get_list(std::string id, list_fields_params const& fields) {
    auto r = make_request<list>(verb::get, "/2/lists/" + segment(id, "id"), auth_mode::automatic);
    add_fields(r.http.query, fields);
    return r;
}

typed_request<std::vector<list>> get_owned_lists(std::string id, list_page_params const& params) {
    return list_page("/2/users/" + segment(id, "id") + "/owned_lists", params);
}

typed_request<action_result> remove_list_member(std::string id, std::string user_id) {
    return make_request<action_result>(
        verb::delete_, "/2/lists/" + segment(id, "id") + "/members/" + segment(user_id, "user_id"),
        auth_mode::user);
}

typed_request<std::vector<user>> get_list_members(std::string id, user_page_params const& params) {
    return user_page("/2/lists/" + segment(id, "id") + "/members", params);
}

typed_request<std::vector<list>> get_list_memberships(std::string id, list_page_params const& params) {
    return list_page("/2/users/" + segment(id, "id") + "/list_memberships", params);
}

typed_request<action_result> add_list_member(std::string id, std::string user_id) {
    auto r = make_request<action_result>(verb::post, "/2/lists/" + segment(id, "id") + "/members",
                                         auth_mode::user);
    boost::json::object body;
    body["user_id"] = user_id;
    detail::set_json_body(r.http, body);
    return r;
}

typed_request<action_result> delete_list(std::string id) {
    return make_request<action_result>(verb::delete_, "/2/lists/" + segment(id, "id"), auth_mode::user);
}

typed_request<action_result> update_list(std::string id, update_list_params const& params) {
    auto r = make_request<action_result>(verb::put, "/2/lists/" + segment(id, "id"), auth_mode::user);
    boost::json::object body;
    if (params.name) body["name"] = *params.name;
    if (params.description) body["description"] = *params.description;
    if (params.is_private) body["private"] = *params.is_private;
    detail::set_json_body(r.http, body);
    return r;
}

typed_request<list> create_list(std::string name, create_list_params const& params) {
    auto r = make_request<list>(verb::post, "/2/lists", auth_mode::user);
    boost::json::object body;
    body["name"] = name;
    if (params.description) body["description"] = *params.description;
    if (params.is_private) body["private"] = *params.is_private;
    detail::set_json_body(r.http, body);
    return r;
}

typed_request<action_result> unpin_list(std::string list_id) {
    return make_request<action_result>(
        verb::delete_, "/2/users/{me}/pinned_lists/" + segment(list_id, "list_id"), auth_mode::user);
}

typed_request<std::vector<list>> get_pinned_lists(list_fields_params const& fields) {
    auto r = make_request<std::vector<list>>(verb::get, "/2/users/{me}/pinned_lists", auth_mode::user);
    add_fields(r.http.query, fields);
    return r;
}

typed_request<action_result> pin_list(std::string list_id) {
    return with_list_id("/2/users/{me}/pinned_lists", list_id);
}

}  // namespace twitter::v2
