#include <twitter/error.hpp>

#include <string>

namespace twitter {
namespace {

class transport_category_impl final : public boost::system::error_category {
public:
    char const* name() const noexcept override { return "twitter.transport"; }
    std::string message(int ev) const override {
        switch (static_cast<transport_errc>(ev)) {
            case transport_errc::connect_timeout: return "timed out connecting";
            case transport_errc::tls_handshake_timeout: return "timed out in the TLS handshake";
            case transport_errc::request_timeout: return "the request timed out";
            case transport_errc::resolve_failed: return "the host name could not be resolved";
            case transport_errc::connect_failed: return "the connection was refused or unreachable";
            case transport_errc::certificate_untrusted: return "the server certificate is not trusted";
            case transport_errc::certificate_hostname_mismatch:
                return "the server certificate does not match the host name";
            case transport_errc::certificate_expired: return "the server certificate has expired";
            case transport_errc::tls_handshake_failed: return "the TLS handshake failed";
            case transport_errc::connection_closed: return "the connection closed before the response was complete";
            case transport_errc::non_loopback_peer: return "a plaintext host resolved to a non-loopback address";
            case transport_errc::stream_stalled: return "the stream sent nothing, not even a keep-alive, for too long";
        }
        return "unknown transport error";
    }
};

class protocol_category_impl final : public boost::system::error_category {
public:
    char const* name() const noexcept override { return "twitter.protocol"; }
    std::string message(int ev) const override {
        switch (static_cast<protocol_errc>(ev)) {
            case protocol_errc::malformed_response: return "the response is not valid HTTP/1.1";
            case protocol_errc::truncated_body: return "the response body is truncated";
            case protocol_errc::body_too_large: return "the response body is larger than allowed";
            case protocol_errc::bad_content_encoding: return "the response body could not be decoded";
            case protocol_errc::malformed_json: return "the response body is not valid JSON";
            case protocol_errc::line_too_long: return "a stream line exceeded the maximum line size";
        }
        return "unknown protocol error";
    }
};

class api_category_impl final : public boost::system::error_category {
public:
    char const* name() const noexcept override { return "twitter.api"; }
    std::string message(int ev) const override {
        switch (static_cast<api_errc>(ev)) {
            case api_errc::bad_request: return "400 Bad Request";
            case api_errc::unauthorized: return "401 Unauthorized";
            case api_errc::forbidden: return "403 Forbidden";
            case api_errc::not_found: return "404 Not Found";
            case api_errc::too_many_requests: return "429 Too Many Requests";
            case api_errc::server_error: return "server error (5xx)";
            case api_errc::unexpected_status: return "unexpected HTTP status";
        }
        return "unknown API error";
    }
};

class client_category_impl final : public boost::system::error_category {
public:
    char const* name() const noexcept override { return "twitter.client"; }
    std::string message(int ev) const override {
        switch (static_cast<client_errc>(ev)) {
            case client_errc::invalid_url: return "the URL is malformed";
            case client_errc::insecure_scheme_refused:
                return "plaintext http:// is refused (allowed only to loopback, when configured)";
            case client_errc::missing_credential: return "a credential that this request needs is missing";
            case client_errc::invalid_argument: return "invalid argument";
            case client_errc::shutting_down: return "the client is shutting down";
        }
        return "unknown client error";
    }
};

class auth_category_impl final : public boost::system::error_category {
public:
    char const* name() const noexcept override { return "twitter.auth"; }
    std::string message(int ev) const override {
        switch (static_cast<auth_errc>(ev)) {
            case auth_errc::callback_not_confirmed: return "the server did not confirm the OAuth callback";
            case auth_errc::malformed_token_response: return "the token endpoint's answer is malformed";
            case auth_errc::no_request_token: return "there is no request token: get the authorization URL first";
            case auth_errc::no_authorization_session:
                return "there is no authorization session: get the authorization URL first";
            case auth_errc::state_mismatch: return "the callback's state does not match (possible CSRF)";
            case auth_errc::redirect_mismatch: return "the callback URL is not the registered redirect URI";
            case auth_errc::access_denied: return "the user denied access";
            case auth_errc::authorization_failed: return "the authorization server returned an error";
            case auth_errc::missing_code: return "the callback carries no authorization code";
            case auth_errc::no_token: return "there is no access token: run the authorization flow first";
            case auth_errc::no_refresh_token: return "the access token expired and there is no refresh token";
            case auth_errc::reauthorization_required:
                return "the refresh token was refused: the user must authorize again";
        }
        return "unknown authorization error";
    }
};

}  // namespace

boost::system::error_category const& auth_category() noexcept {
    static auth_category_impl const instance;
    return instance;
}

boost::system::error_category const& transport_category() noexcept {
    static transport_category_impl const instance;
    return instance;
}
boost::system::error_category const& protocol_category() noexcept {
    static protocol_category_impl const instance;
    return instance;
}
boost::system::error_category const& api_category() noexcept {
    static api_category_impl const instance;
    return instance;
}
boost::system::error_category const& client_category() noexcept {
    static client_category_impl const instance;
    return instance;
}

error_code error_for_status(unsigned status) noexcept {
    if (status < 400) return {};
    switch (status) {
        case 400: return api_errc::bad_request;
        case 401: return api_errc::unauthorized;
        case 403: return api_errc::forbidden;
        case 404: return api_errc::not_found;
        case 429: return api_errc::too_many_requests;
        default: return status >= 500 && status < 600 ? api_errc::server_error : api_errc::unexpected_status;
    }
}

bool is_transient(error_code const& ec) noexcept {
    if (ec.category() == api_category())
        return ec == api_errc::too_many_requests || ec == api_errc::server_error;
    if (ec.category() == transport_category())
        return ec == transport_errc::connect_timeout || ec == transport_errc::tls_handshake_timeout ||
               ec == transport_errc::request_timeout || ec == transport_errc::connect_failed ||
               ec == transport_errc::connection_closed || ec == transport_errc::resolve_failed ||
               ec == transport_errc::stream_stalled;
    return ec == protocol_errc::truncated_body;
}

}  // namespace twitter
