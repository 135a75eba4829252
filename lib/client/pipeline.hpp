#ifndef TWITTER_LIB_CLIENT_PIPELINE_HPP
#define TWITTER_LIB_CLIENT_PIPELINE_HPP

// The request pipeline, awaited from the library's own operations (typed calls, paginators).

#include "client/client_impl.hpp"

#include <twitter/auth/handler.hpp>
#include <twitter/diagnostics.hpp>
#include <twitter/http/request.hpp>
#include <twitter/http/response.hpp>

#include <boost/asio/awaitable.hpp>

#include <chrono>

namespace twitter::detail {

// Resolves "{me}", waits out an exhausted rate limit if asked to, authorizes, sends, recovers once from a
// 401, records the rate limits, retries what the retry and rate-limit policies allow, and maps the final
// status to an error. `auth_override`, when `use_override` is set, replaces the handler the request's
// auth_mode would pick (it may be null: no credentials). Runs on the client's strand.
boost::asio::awaitable<error_code> perform(client_impl& self, auth_handler* auth_override, bool use_override,
                                           http::request req, http::response& res, diagnostics& diag);

// Waits on the client's clock; operation_aborted when the operation is cancelled.
boost::asio::awaitable<error_code> wait_on_clock(client_impl& self, std::chrono::milliseconds delay);

// The id of the user `auth` speaks for: the numeric prefix of an OAuth 1.0a access token, or GET
// /2/users/me with that handler, looked up once per handler and shared by concurrent callers.
boost::asio::awaitable<error_code> resolve_me(client_impl& self, auth_handler& auth, std::string& id,
                                              diagnostics& diag);

}  // namespace twitter::detail

#endif
