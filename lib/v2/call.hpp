#ifndef TWITTER_LIB_V2_CALL_HPP
#define TWITTER_LIB_V2_CALL_HPP

#include "client/client_impl.hpp"

#include <twitter/v2/response.hpp>

#include <boost/asio/awaitable.hpp>

#include <vector>

// Every T of v2::response<T> that v2::parse accepts; the typed calls and paginators are instantiated for each.
#define TWITTER_V2_RESPONSE_TYPES(X)                                                                   \
    X(v2::tweet) X(std::vector<v2::tweet>) X(v2::user) X(std::vector<v2::user>) X(v2::list)            \
    X(std::vector<v2::list>) X(v2::space) X(std::vector<v2::space>) X(v2::dm_event)                    \
    X(std::vector<v2::dm_event>) X(v2::compliance_job) X(std::vector<v2::compliance_job>)              \
    X(std::vector<v2::tweet_count>) X(v2::action_result) X(v2::dm_created) \
        X(std::vector<v2::stream_rule>)

namespace twitter::detail {

// The pipeline, then the body parsed into `out` (its limits set even on failure). Runs on the strand.
template <class T>
boost::asio::awaitable<error_code> call_v2(client_impl& self, http::request req, v2::response<T>& out,
                                           diagnostics& diag);

}  // namespace twitter::detail

#endif
