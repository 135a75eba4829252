#ifndef TWITTER_LIB_HTTP_TLS_CONTEXT_HPP
#define TWITTER_LIB_HTTP_TLS_CONTEXT_HPP

#include <twitter/client_config.hpp>
#include <twitter/diagnostics.hpp>
#include <twitter/error.hpp>

#include <memory>

namespace boost::asio::ssl {
class context;
}

namespace twitter::detail {

// The client's TLS settings: TLS 1.2 or later, peer verification always on, trust from the system roots plus
// whatever tls_params adds. Shared by every connection of one client.
class tls_context {
public:
    // Fails with client_errc::invalid_argument when a CA file or PEM cannot be loaded.
    static std::shared_ptr<tls_context> make(tls_params const& params, error_code& ec, diagnostics* diag);
    ~tls_context();
    boost::asio::ssl::context& native() noexcept { return *ctx_; }

private:
    explicit tls_context(std::unique_ptr<boost::asio::ssl::context> ctx);
    std::unique_ptr<boost::asio::ssl::context> ctx_;
};

}  // namespace twitter::detail

#endif
