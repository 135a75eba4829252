#ifndef TWITTER_V2_REQUESTS_HPP
#define TWITTER_V2_REQUESTS_HPP

// One function per v2 endpoint: it builds the request (method, path, query, JSON body, which credentials)
// that the endpoint expects, as Tweepy's Client sends it, without any I/O. Send the result with
// client::async_call, or walk it with v2::paginator when it paginates.

#include <twitter/v2/fields.hpp>
#include <twitter/v2/models.hpp>
#include <twitter/v2/typed_request.hpp>

#include <string>
#include <vector>

namespace twitter::v2 {

// GET /2/tweets/:id
typed_request<tweet> get_tweet(std::string id, fields_params const& fields = {});

}  // namespace twitter::v2

#endif
