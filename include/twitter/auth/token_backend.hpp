#ifndef TWITTER_AUTH_TOKEN_BACKEND_HPP
#define TWITTER_AUTH_TOKEN_BACKEND_HPP

#include <twitter/auth/oauth2_token.hpp>
#include <twitter/error.hpp>

#include <boost/asio/any_completion_handler.hpp>

#include <cstdint>
#include <optional>

namespace twitter {

// A token and its generation: a counter that every stored refresh bumps, so that a 401 on a token that another
// request (or another process) has already replaced is retried with the new one instead of refreshing again.
struct versioned_token {
    oauth2_token token;
    std::uint64_t generation = 0;
};

// Where the token store keeps its token, and how refreshes are made exclusive. The default keeps the token in
// memory and needs no lock beyond the store's strand. A shared backend (Redis, a database) lets a fleet of
// processes share one token family: X's refresh tokens are single-use, so exactly one process may refresh.
class token_backend {
public:
    virtual ~token_backend() = default;

    virtual void async_load(boost::asio::any_completion_handler<void(error_code, std::optional<versioned_token>)> h) = 0;
    virtual void async_save(versioned_token token, boost::asio::any_completion_handler<void(error_code)> h) = 0;

    // Exclusive right to refresh, across every process that shares the backend. The store loads the token again
    // after locking, and refreshes only if it is still the one that needed refreshing.
    virtual void async_lock(boost::asio::any_completion_handler<void(error_code)> h) = 0;
    virtual void async_unlock(boost::asio::any_completion_handler<void(error_code)> h) = 0;
};

}  // namespace twitter

#endif
