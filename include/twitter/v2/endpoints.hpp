#ifndef TWITTER_V2_ENDPOINTS_HPP
#define TWITTER_V2_ENDPOINTS_HPP

// The named v2 endpoint methods of twitter::client (Tweepy's Client), each a one-line shortcut for
// `client.async_call(v2::<endpoint>(...), token)`.

#include <twitter/v2/requests.hpp>
#include <twitter/v2/response.hpp>
#include <twitter/with_diagnostics.hpp>

#include <boost/asio/async_result.hpp>

#include <string>
#include <utility>

namespace twitter::v2 {

template <class Client>
class client_endpoints {
public:
    template <boost::asio::completion_token_for<void(error_code, response<tweet>)> CompletionToken = default_token>
    auto async_get_tweet(std::string id, fields_params fields = {}, CompletionToken&& token = {}) {
        return self().async_call(get_tweet(std::move(id), std::move(fields)),
                                 std::forward<CompletionToken>(token));
    }

private:
    Client& self() noexcept { return static_cast<Client&>(*this); }
};

}  // namespace twitter::v2

#endif
