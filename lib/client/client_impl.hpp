#ifndef TWITTER_LIB_CLIENT_CLIENT_IMPL_HPP
#define TWITTER_LIB_CLIENT_CLIENT_IMPL_HPP

#include "client/operation_registry.hpp"
#include "http/pool.hpp"
#include "http/tls_context.hpp"

#include <twitter/auth/handler.hpp>
#include <twitter/client_config.hpp>
#include <twitter/diagnostics.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace twitter::detail {

// What a client owns. Operations hold it by shared_ptr, so a client may be moved or destroyed while they run.
// Everything but the constant members is touched only on `strand`.
struct client_impl {
    client_impl(boost::asio::any_io_executor ex, client_config config, std::shared_ptr<auth_handler> app = {},
                std::shared_ptr<auth_handler> user = {});

    // The pool for an origin, made on first use.
    connection_pool& pool_for(origin const& where);

    boost::asio::any_io_executor const executor;
    boost::asio::strand<boost::asio::any_io_executor> const strand;
    client_config const config;
    std::shared_ptr<auth_handler> const app_auth;   // bearer credentials: app-only, or an OAuth 2.0 user token
    std::shared_ptr<auth_handler> const user_auth;  // user context: OAuth 1.0a or OAuth 2.0 user

    // Made once, up front: a CA file that cannot be loaded fails every https request with this error.
    std::shared_ptr<tls_context> tls;
    error_code tls_error;
    diagnostics tls_diag;

    std::vector<std::unique_ptr<connection_pool>> pools;  // a handful of origins: a vector beats a map

    std::shared_ptr<twitter::clock> const clock;  // config.clock, or the real one

    // The last limits each endpoint bucket reported (core::endpoint_key). Guarded by a mutex rather than the
    // strand because client::last_rate_limits reads it from any thread.
    mutable std::mutex limits_mutex;
    std::map<std::string, rate_limits, std::less<>> limits_by_endpoint;

    // "{me}": the user id behind each user handler, once known. While a lookup runs, `me_lookup` exists and
    // other callers wait for it to be cancelled.
    struct known_user {
        auth_handler const* auth;
        std::string id;
    };
    std::vector<known_user> me_ids;
    std::unique_ptr<boost::asio::steady_timer> me_lookup;

    // What is in flight, for a shutdown or the client's destruction to end. Has its own lock.
    operation_registry operations;
};

}  // namespace twitter::detail

#endif
