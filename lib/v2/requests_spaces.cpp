// The Spaces endpoints: search, lookup, buyers and Tweets. Tweepy sends them all with a bearer token.

#include <twitter/v2/requests.hpp>

#include "v2/requests_support.hpp"

namespace twitter::v2 {

using detail::add;
using detail::add_fields;
using detail::make_request;
using detail::segment;
using http::auth_mode;
using http::verb;

typed_request<std::vector<space>> search_spaces(std::string query, space_search_params const& params) {
    auto r = make_request<std::vector<space>>(verb::get, "/2/spaces/search", auth_mode::bearer);
    auto& q = r.http.query;
    q.push_back({"query", std::move(query)});
    add_fields(q, params.fields);
    add(q, "max_results", params.max_results);
    add(q, "state", params.state);
    return r;
}

typed_request<std::vector<space>> get_spaces(std::vector<std::string> const& ids,
                                             space_fields_params const& fields) {
    auto r = make_request<std::vector<space>>(verb::get, "/2/spaces", auth_mode::bearer);
    r.http.query.push_back({"ids", detail::join(ids)});
    add_fields(r.http.query, fields);
    return r;
}

typed_request<std::vector<space>> get_spaces(by_creator_ids const& user_ids,
                                             space_fields_params const& fields) {
    auto r = make_request<std::vector<space>>(verb::get, "/2/spaces/by/creator_ids", auth_mode::bearer);
    r.http.query.push_back({"user_ids", detail::join(user_ids.values)});
    add_fields(r.http.query, fields);
    return r;
}

typed_request<space> get_space(std::string id, space_fields_params const& fields) {
    auto r = make_request<space>(verb::get, "/2/spaces/" + segment(id, "id"), auth_mode::bearer);
    add_fields(r.http.query, fields);
    return r;
}

typed_request<std::vector<user>> get_space_buyers(std::string id, tweet_fields_params const& fields) {
    auto r = make_request<std::vector<user>>(verb::get, "/2/spaces/" + segment(id, "id") + "/buyers",
                                             auth_mode::bearer);
    add_fields(r.http.query, fields);
    return r;
}

typed_request<std::vector<tweet>> get_space_tweets(std::string id, tweet_fields_params const& fields) {
    auto r = make_request<std::vector<tweet>>(verb::get, "/2/spaces/" + segment(id, "id") + "/tweets",
                                              auth_mode::bearer);
    add_fields(r.http.query, fields);
    return r;
}

}  // namespace twitter::v2
