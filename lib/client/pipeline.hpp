#ifndef TWITTER_LIB_CLIENT_PIPELINE_HPP
#define TWITTER_LIB_CLIENT_PIPELINE_HPP

// The request pipeline, awaited from the library's own operations (typed calls, paginators).

#include "client/client_impl.hpp"
#include "client/prepared_request.hpp"

#include <twitter/auth/handler.hpp>
#include <twitter/diagnostics.hpp>
#include <twitter/http/request.hpp>
#include <twitter/http/response.hpp>

#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <functional>
#include <string>
#include <vector>

namespace twitter::detail {

// Resolves "{me}", waits out an exhausted rate limit if asked to, authorizes, sends, recovers once from a
// 401, records the rate limits, retries what the retry and rate-limit policies allow, and maps the final
// status to an error. `auth_override`, when `use_override` is set, replaces the handler the request's
// auth_mode would pick (it may be null: no credentials). Runs on the client's strand.
boost::asio::awaitable<error_code> perform(client_impl& self, auth_handler* auth_override, bool use_override,
                                           http::request req, http::response& res, diagnostics& diag);

// The pieces of `perform` that streams use too.

// The handler a request's auth_mode selects, or null with the reason in `ec`.
auth_handler* select_auth(client_impl const& self, http::auth_mode mode, error_code& ec, diagnostics& diag);

// Host, User-Agent, Accept-Encoding (when `accept_gzip`), Authorization, Content-Type, then the request's own.
std::vector<http::header> make_headers(client_impl const& self, prepared_request const& prepared,
                                       http::request const& req, std::string authorization, bool accept_gzip);

// Sends the request with an Authorization header value, filling the response `authorized_attempt` was given.
using send_function = std::function<boost::asio::awaitable<error_code>(std::string authorization)>;

// Authorizes with `auth` (none when null), sends, and on a 401 lets the handler recover once and sends again.
boost::asio::awaitable<error_code> authorized_attempt(auth_handler* auth, prepared_request const& prepared,
                                                      http::request const& req, http::response& res,
                                                      send_function const& send);

// Remembers the limits an endpoint bucket (core::endpoint_key) last reported, for client::last_rate_limits.
void record_limits(client_impl& self, std::string const& key, rate_limits const& limits);

// Waits on the client's clock; operation_aborted when the operation is cancelled.
boost::asio::awaitable<error_code> wait_on_clock(client_impl& self, std::chrono::milliseconds delay);

// The id of the user `auth` speaks for: the numeric prefix of an OAuth 1.0a access token, or GET
// /2/users/me with that handler, looked up once per handler and shared by concurrent callers.
boost::asio::awaitable<error_code> resolve_me(client_impl& self, auth_handler& auth, std::string& id,
                                              diagnostics& diag);

}  // namespace twitter::detail

#endif
