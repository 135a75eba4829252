#include "http/connection.hpp"

#include "http/gzip.hpp"
#include "http/response_reading.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/buffer_body.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <optional>

namespace twitter::detail {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

namespace {

constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);

bool is_ip_literal(std::string const& host) {
    error_code ec;
    asio::ip::make_address(host, ec);
    return !ec;
}

// The peer closed or reset the connection before the handshake was over: the network failed, not the TLS
// negotiation, and trying again on a new connection may well succeed (a load balancer that drops connections).
bool peer_hung_up(error_code const& ec) {
    if (ec.category() == asio::error::get_ssl_category())
        return ERR_GET_REASON(static_cast<unsigned long>(ec.value())) == SSL_R_UNEXPECTED_EOF_WHILE_READING;
    return ec == asio::ssl::error::stream_truncated || ec == asio::error::eof ||
           ec == asio::error::connection_reset || ec == asio::error::broken_pipe;
}

// Why the handshake failed, in the terms a caller can act on.
error_code classify_handshake_failure(SSL* ssl, error_code const& ec, diagnostics* diag) {
    long const verify = SSL_get_verify_result(ssl);
    if (diag) diag->message = verify != X509_V_OK ? X509_verify_cert_error_string(verify) : ec.message();
    switch (verify) {
        case X509_V_OK:
            return peer_hung_up(ec) ? error_code(transport_errc::connection_closed)
                                    : error_code(transport_errc::tls_handshake_failed);
        case X509_V_ERR_HOSTNAME_MISMATCH:
        case X509_V_ERR_IP_ADDRESS_MISMATCH: return transport_errc::certificate_hostname_mismatch;
        case X509_V_ERR_CERT_HAS_EXPIRED: return transport_errc::certificate_expired;
        default: return transport_errc::certificate_untrusted;
    }
}

bhttp::request<bhttp::string_body> make_message(wire_request const& req) {
    bhttp::request<bhttp::string_body> message;
    message.method_string(req.method);
    message.target(req.target);
    message.version(11);
    for (http::header const& h : req.headers) message.insert(h.name, h.value);
    if (!req.body.empty() || req.method == "POST" || req.method == "PUT" || req.method == "PATCH") {
        message.body().assign(req.body.data(), req.body.size());
        message.prepare_payload();
    }
    return message;
}

}  // namespace

struct connection::impl {
    using ssl_stream = beast::ssl_stream<beast::tcp_stream>;

    origin where;
    std::shared_ptr<tls_context> tls;
    std::optional<beast::tcp_stream> plain;
    std::optional<ssl_stream> secure;
    beast::flat_buffer buffer;
    gunzipper inflater;  // kept for the connection's every gzip body
    bool open = false;
    bool keep_alive = false;
    std::optional<bhttp::response_parser<bhttp::buffer_body>> stream_parser;  // during a streaming exchange

    beast::tcp_stream& tcp() { return secure ? beast::get_lowest_layer(*secure) : *plain; }

    template <class Stream>
    asio::awaitable<error_code> exchange(Stream& stream, wire_request const& req,
                                         std::chrono::steady_clock::duration timeout, std::size_t max_body,
                                         http::response& out, bool& response_started, diagnostics* diag);
    template <class Stream>
    asio::awaitable<error_code> write(Stream& stream, bhttp::request<bhttp::string_body> const& message) {
        auto [ec, written] = co_await bhttp::async_write(stream, message, use_tuple);
        if (!ec) co_return ec;
        open = false;
        if (ec == beast::error::timeout) co_return transport_errc::request_timeout;
        if (ec == asio::error::operation_aborted) co_return ec;
        co_return transport_errc::connection_closed;
    }
    template <class Stream>
    asio::awaitable<error_code> start_stream(Stream& stream, wire_request const& req,
                                             std::chrono::steady_clock::duration timeout,
                                             std::size_t max_error_body, http::response& out,
                                             diagnostics* diag);
    template <class Stream>
    asio::awaitable<error_code> read_stream(Stream& stream, std::string& out,
                                            std::chrono::steady_clock::duration stall_timeout);
};

connection::connection(asio::any_io_executor ex, std::shared_ptr<tls_context> tls, origin where)
    : impl_(std::make_unique<impl>()) {
    impl_->where = std::move(where);
    impl_->tls = std::move(tls);
    if (impl_->where.tls)
        impl_->secure.emplace(ex, impl_->tls->native());
    else
        impl_->plain.emplace(ex);
}

connection::~connection() = default;

origin const& connection::where() const noexcept { return impl_->where; }

bool connection::reusable() const noexcept { return impl_->open && impl_->keep_alive; }

void connection::close() noexcept {
    impl_->open = false;
    error_code ignored;
    impl_->tcp().socket().close(ignored);
}

asio::awaitable<void> connection::async_close_gracefully(std::chrono::steady_clock::duration timeout) {
    if (impl_->open && impl_->secure) {
        impl_->tcp().expires_after(timeout);
        co_await impl_->secure->async_shutdown(asio::as_tuple(asio::use_awaitable));
    }
    close();
}

asio::awaitable<error_code> connection::async_open(timeout_params const& timeouts, diagnostics* diag) {
    impl& self = *impl_;
    auto const& where = self.where;
    beast::tcp_stream& tcp = self.tcp();

    tcp::resolver resolver(tcp.get_executor());
    auto [rec, endpoints] = co_await resolver.async_resolve(where.host, std::to_string(where.port), use_tuple);
    if (rec) {
        if (rec == asio::error::operation_aborted) co_return rec;
        if (diag) diag->message = rec.message();
        co_return transport_errc::resolve_failed;
    }
    // A plaintext origin is allowed only because it is loopback: hold the resolver to that too.
    if (!where.tls) {
        for (auto const& entry : endpoints)
            if (!entry.endpoint().address().is_loopback()) co_return transport_errc::non_loopback_peer;
    }

    tcp.expires_after(timeouts.connect);
    auto [cec, ep] = co_await tcp.async_connect(endpoints, use_tuple);
    if (cec) {
        if (cec == beast::error::timeout) co_return transport_errc::connect_timeout;
        if (cec == asio::error::operation_aborted) co_return cec;
        if (diag) diag->message = cec.message();
        co_return transport_errc::connect_failed;
    }
    tcp.socket().set_option(tcp::no_delay(true));

    if (self.secure) {
        SSL* ssl = self.secure->native_handle();
        // RFC 6066, section 3: SNI carries DNS names only, never an IP literal.
        bool const ip = is_ip_literal(where.host);
        if (!ip) SSL_set_tlsext_host_name(ssl, where.host.c_str());
        X509_VERIFY_PARAM* param = SSL_get0_param(ssl);
        X509_VERIFY_PARAM_set_hostflags(param, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
        int const set = ip ? X509_VERIFY_PARAM_set1_ip_asc(param, where.host.c_str())
                           : X509_VERIFY_PARAM_set1_host(param, where.host.c_str(), where.host.size());
        if (set != 1) co_return transport_errc::tls_handshake_failed;

        tcp.expires_after(timeouts.tls_handshake);
        auto [hec] = co_await self.secure->async_handshake(asio::ssl::stream_base::client, use_tuple);
        if (hec) {
            tcp.close();
            if (hec == beast::error::timeout) co_return transport_errc::tls_handshake_timeout;
            if (hec == asio::error::operation_aborted) co_return hec;
            co_return classify_handshake_failure(ssl, hec, diag);
        }
    }
    tcp.expires_never();
    self.open = true;
    self.keep_alive = true;
    co_return error_code{};
}

asio::awaitable<error_code> connection::async_exchange(wire_request const& req,
                                                       std::chrono::steady_clock::duration timeout,
                                                       std::size_t max_body_size, http::response& out,
                                                       bool& response_started, diagnostics* diag) {
    response_started = false;
    if (!impl_->open) co_return transport_errc::connection_closed;
    if (impl_->secure)
        co_return co_await impl_->exchange(*impl_->secure, req, timeout, max_body_size, out, response_started,
                                           diag);
    co_return co_await impl_->exchange(*impl_->plain, req, timeout, max_body_size, out, response_started, diag);
}

template <class Stream>
asio::awaitable<error_code> connection::impl::exchange(Stream& stream, wire_request const& req,
                                                       std::chrono::steady_clock::duration timeout,
                                                       std::size_t max_body, http::response& out,
                                                       bool& response_started, diagnostics* diag) {
    auto message = make_message(req);

    // One deadline for the whole exchange: a server that trickles bytes cannot hold the request open.
    tcp().expires_after(timeout);
    keep_alive = false;  // until a complete response says otherwise

    if (error_code wec = co_await write(stream, message)) co_return wec;

    whole_response_parser parser;
    limit_whole_response(parser, max_body);
    std::size_t const buffered_before = buffer.size();
    auto [rec, read] = co_await bhttp::async_read(stream, buffer, parser, use_tuple);
    response_started = read > 0 || buffer.size() > buffered_before || parser.got_some();
    if (rec) {
        open = false;
        tcp().close();
        error_code const ec = classify_read_failure(rec, parser, response_started);
        if (diag && ec != asio::error::operation_aborted) diag->message = rec.message();
        co_return ec;
    }
    tcp().expires_never();

    auto& res = parser.get();
    keep_alive = res.keep_alive();
    if (error_code dec = take_response(res, max_body, inflater, out)) co_return dec;
    if (diag) diag->http_status = out.status;
    co_return error_code{};
}

asio::awaitable<error_code> connection::async_start_stream(wire_request const& req,
                                                           std::chrono::steady_clock::duration timeout,
                                                           std::size_t max_error_body, http::response& out,
                                                           diagnostics* diag) {
    if (!impl_->open) co_return transport_errc::connection_closed;
    if (impl_->secure)
        co_return co_await impl_->start_stream(*impl_->secure, req, timeout, max_error_body, out, diag);
    co_return co_await impl_->start_stream(*impl_->plain, req, timeout, max_error_body, out, diag);
}

asio::awaitable<error_code> connection::async_read_stream(std::string& out,
                                                          std::chrono::steady_clock::duration stall_timeout) {
    if (!impl_->open || !impl_->stream_parser) co_return transport_errc::connection_closed;
    if (impl_->secure) co_return co_await impl_->read_stream(*impl_->secure, out, stall_timeout);
    co_return co_await impl_->read_stream(*impl_->plain, out, stall_timeout);
}

template <class Stream>
asio::awaitable<error_code> connection::impl::start_stream(Stream& stream, wire_request const& req,
                                                           std::chrono::steady_clock::duration timeout,
                                                           std::size_t max_error_body, http::response& out,
                                                           diagnostics* diag) {
    auto message = make_message(req);
    keep_alive = false;  // a stream is never handed back to a pool
    tcp().expires_after(timeout);
    if (error_code wec = co_await write(stream, message)) co_return wec;

    auto& parser = stream_parser.emplace();
    parser.header_limit(max_header_size);
    parser.body_limit(boost::none);  // a stream has no end
    auto [rec, read] = co_await bhttp::async_read_header(stream, buffer, parser, use_tuple);
    if (rec) {
        open = false;
        tcp().close();
        error_code const ec = classify_read_failure(rec, parser, read > 0);
        if (diag && ec != asio::error::operation_aborted) diag->message = rec.message();
        co_return ec;
    }
    if (!copy_head(parser.get().base(), out).empty()) co_return protocol_errc::bad_content_encoding;
    if (diag) diag->http_status = out.status;
    if (out.status == 200) {
        tcp().expires_never();
        co_return error_code{};
    }

    // An error: its body says why. The exchange deadline still holds.
    out.body.clear();
    while (!parser.is_done()) {
        if (error_code ec = co_await read_stream(stream, out.body, timeout)) {
            if (ec == transport_errc::connection_closed) break;  // what arrived is what there is
            co_return ec;
        }
        if (out.body.size() > max_error_body) co_return protocol_errc::body_too_large;
    }
    open = false;
    tcp().close();
    co_return error_code{};
}

template <class Stream>
asio::awaitable<error_code> connection::impl::read_stream(Stream& stream, std::string& out,
                                                          std::chrono::steady_clock::duration stall_timeout) {
    constexpr std::size_t piece = 16 * 1024;
    auto& parser = *stream_parser;
    std::size_t const before = out.size();
    while (out.size() == before) {
        if (parser.is_done()) co_return transport_errc::connection_closed;
        out.resize(before + piece);
        auto& body = parser.get().body();
        body.data = out.data() + before;
        body.size = piece;
        tcp().expires_after(stall_timeout);
        auto [ec, n] = co_await bhttp::async_read_some(stream, buffer, parser, use_tuple);
        out.resize(before + (piece - body.size));
        if (ec == bhttp::error::need_buffer) ec = {};
        if (ec) {
            open = false;
            tcp().close();
            if (ec == beast::error::timeout) co_return transport_errc::stream_stalled;
            if (ec == asio::error::operation_aborted) co_return ec;
            // Bytes that came before the failure are handed over; the failure shows at the next read.
            if (out.size() > before) co_return error_code{};
            bool const framing = ec.category() == make_error_code(bhttp::error::need_more).category() &&
                                 ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message;
            if (framing) co_return protocol_errc::malformed_response;
            co_return transport_errc::connection_closed;
        }
    }
    co_return error_code{};
}

}  // namespace twitter::detail
