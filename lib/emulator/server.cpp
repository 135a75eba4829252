// The emulator's I/O: accept, TLS/plain detection, the HTTP/1.1 keep-alive loop and fault injection.
// This is the one heavy translation unit of the emulator; the API logic lives in service.cpp.

#include <twitter/emulator/server.hpp>

#include "emulator/certificates.hpp"
#include "emulator/faults.hpp"
#include "emulator/gzip.hpp"
#include "emulator/replay.hpp"
#include "emulator/service.hpp"
#include "emulator/streams.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/detect_ssl.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/status.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

#include <openssl/crypto.h>
#include <openssl/ssl.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <ctime>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

namespace twitter::emulator {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = boost::asio::ssl;
using tcp = asio::ip::tcp;

namespace {

constexpr auto use_nothrow = asio::as_tuple(asio::use_awaitable);
constexpr std::chrono::seconds handshake_timeout{30};
constexpr std::chrono::seconds shutdown_timeout{2};
constexpr std::uint64_t max_request_body = 32 * 1024 * 1024;
constexpr std::string_view malformed_body =
    "<!DOCTYPE html><html><body>Something is technically wrong.</body></html>";

using ssl_stream = beast::ssl_stream<beast::tcp_stream>;

// One response on its way out. The body is the final one (gzip applied).
struct response_head {
    unsigned status = 200;
    std::size_t content_length = 0;
    bool chunked = false;
    bool keep_alive = true;
    unsigned version = 11;
    bool gzip = false;
    std::optional<detail::rate_limit_state> limits;
    std::string_view access_level;
    std::string_view content_type = detail::json_content_type;
    std::string_view location;  // a redirect's target
    // A status fault's headers, or the answer's own extra headers.
    std::vector<std::pair<std::string, std::string>> const* extra = nullptr;
    bool verbatim = false;  // a replayed recording: `extra` and the framing, nothing else
    std::chrono::milliseconds response_time{0};
};

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

// X writes "UTC" where RFC 9110 says "GMT"; clients must cope, so do we. Formatted once a second per thread.
std::string_view http_date() {
    thread_local std::time_t cached = -1;
    thread_local std::array<char, 40> text{};
    thread_local std::size_t size = 0;
    auto const now = std::time(nullptr);
    if (now != cached) {
        std::tm tm{};
        gmtime_r(&now, &tm);
        size = std::strftime(text.data(), text.size(), "%a, %d %b %Y %H:%M:%S UTC", &tm);
        cached = now;
    }
    return {text.data(), size};
}

template <class Int>
void append_number(std::string& out, Int value) {
    std::array<char, 24> buf;
    auto const end = std::to_chars(buf.data(), buf.data() + buf.size(), value).ptr;
    out.append(buf.data(), end);
}

void render_head(std::string& out, response_head const& h) {
    auto const overridden = [&](std::string_view name) {
        if (h.extra == nullptr) {
            return false;
        }
        for (auto const& [n, v] : *h.extra) {
            if (iequals(n, name)) {
                return true;
            }
        }
        return false;
    };
    auto const header = [&](std::string_view name, std::string_view value) {
        if (!overridden(name)) {
            out.append(name).append(": ").append(value).append("\r\n");
        }
    };

    out.clear();
    out.append(h.version == 10 ? "HTTP/1.0 " : "HTTP/1.1 ");
    append_number(out, h.status);
    out += ' ';
    out.append(http::obsolete_reason(static_cast<http::status>(h.status)));
    out.append("\r\n");
    if (!h.verbatim) {
        header("date", http_date());
        header("server", "tsa_b");
        header("api-version", "2.52");
        header("cache-control", "no-cache, no-store, max-age=0");
        if (h.content_type == detail::json_content_type) {
            header("content-disposition", "attachment; filename=json.json");
        }
        header("content-type", h.content_type);
        if (!h.location.empty()) {
            header("location", h.location);
        }
        header("perf", "7626143928");
        header("strict-transport-security", "max-age=631138519");
        if (!h.access_level.empty()) {
            header("x-access-level", h.access_level);
        }
        header("x-content-type-options", "nosniff");
        header("x-frame-options", "SAMEORIGIN");
        if (h.limits) {
            std::array<char, 24> buf;
            auto const number = [&](auto value) {
                return std::string_view(buf.data(),
                                        std::to_chars(buf.data(), buf.data() + buf.size(), value).ptr);
            };
            header("x-rate-limit-limit", number(h.limits->limit));
            header("x-rate-limit-remaining", number(h.limits->remaining));
            header("x-rate-limit-reset", number(h.limits->reset));
        }
        {
            std::array<char, 24> buf;
            auto const end = std::to_chars(buf.data(), buf.data() + buf.size(), h.response_time.count()).ptr;
            header("x-response-time", std::string_view(buf.data(), end));
        }
        header("x-xss-protection", "0");
    }
    if (h.extra != nullptr) {
        for (auto const& [n, v] : *h.extra) {
            out.append(n).append(": ").append(v).append("\r\n");
        }
    }
    if (h.gzip) {
        out.append("content-encoding: gzip\r\n");
    }
    if (h.chunked) {
        out.append("transfer-encoding: chunked\r\n");
    } else {
        out.append("content-length: ");
        append_number(out, h.content_length);
        out.append("\r\n");
    }
    if (!h.keep_alive) {
        out.append("connection: close\r\n");
    } else if (h.version == 10) {
        out.append("connection: keep-alive\r\n");
    }
    out.append("\r\n");
}

std::string problem_body(unsigned status) {
    auto const reason = http::obsolete_reason(static_cast<http::status>(status));
    std::string body = R"({"title":")";
    body.append(reason)
        .append(R"(","detail":")")
        .append(reason)
        .append(R"(","type":"about:blank","status":)");
    append_number(body, status);
    body += '}';
    return body;
}

bool accepts_gzip(std::string_view accept_encoding) {
    return accept_encoding.find("gzip") != std::string_view::npos;
}

}  // namespace

struct connection;

struct server::impl : std::enable_shared_from_this<impl> {
    impl(asio::any_io_executor executor, server_config config)
        : ex(std::move(executor)),
          cfg(std::move(config)),
          accept_strand(asio::make_strand(ex)),
          ssl_ctx(ssl::context::tls_server),
          api(detail::service_params{
              cfg.rate_limit_per_window,
              cfg.family_limits,
              cfg.rate_limit_window,
              {cfg.access_token_lifetime, cfg.authorization_code_lifetime, cfg.timestamp_window},
              cfg.synthetic_followers,
              cfg.media_processing_polls,
              cfg.max_stream_rules,
              {cfg.max_stream_connections, cfg.stream_queue_limit}}) {}

    void start();
    void stop();

    // Logs and counts a request and picks the fault, if any, that decides its fate.
    std::optional<fault> on_request(http::request<http::string_body> const& req, std::uint64_t connection_id,
                                    bool tls);
    // Counts an accepted connection and picks the connection fault, if any, that decides its fate.
    std::optional<fault> on_connection();
    detail::api_response answer(http::request<http::string_body> const& req, bool tls);
    void forget(std::uint64_t connection_id);
    // Registers an accepted stream for `conn`; empty when the stream is at its connection limit.
    std::optional<std::uint64_t> open_stream(detail::stream_request const& req,
                                             std::shared_ptr<connection> const& conn);
    detail::stream_hub::pending take_stream_lines(std::uint64_t stream_id);
    void close_stream(std::uint64_t stream_id);
    void count(std::uint64_t counters::*which, std::uint64_t n = 1);

    asio::any_io_executor ex;
    server_config cfg;
    asio::strand<asio::any_io_executor> accept_strand;
    ssl::context ssl_ctx;
    std::optional<tcp::acceptor> acceptor;  // used on accept_strand only, once started
    std::string ca_pem;
    std::uint16_t port = 0;

    mutable std::mutex mutex;  // guards everything below
    detail::service api;
    detail::fault_table faults;
    detail::replay_queue replays;
    std::deque<logged_request> log;
    counters stats;
    std::unordered_map<std::uint64_t, std::weak_ptr<connection>> connections;
    std::uint64_t last_connection_id = 0;
    bool started = false;
    bool stopped = false;
};

// One accepted connection. Everything in it is used on its strand only.
struct connection : std::enable_shared_from_this<connection> {
    connection(std::shared_ptr<server::impl> o, asio::strand<asio::any_io_executor> s, tcp::socket socket)
        : owner(std::move(o)), strand(std::move(s)), plain(std::in_place, std::move(socket)), timer(strand) {}

    beast::tcp_stream& lowest() { return tls ? beast::get_lowest_layer(*tls) : *plain; }

    void close() {
        closed = true;
        timer.cancel();
        beast::error_code ec;
        lowest().socket().close(ec);
    }

    detail::gzip_encoder& gzip() {
        if (!gzip_) {
            gzip_.emplace();
        }
        return *gzip_;
    }

    // First member: destroyed last, so the SSL context outlives the stream that uses it.
    std::shared_ptr<server::impl> owner;
    asio::strand<asio::any_io_executor> strand;
    std::uint64_t id = 0;
    std::optional<beast::tcp_stream> plain;  // until the first bytes say TLS
    std::optional<ssl_stream> tls;
    asio::steady_timer timer;
    bool closed = false;
    bool hung_up = false;  // a stream's client closed its end
    std::string head;      // reused for every response on this connection
    std::string gzipped;

private:
    std::optional<detail::gzip_encoder> gzip_;  // made on first use: it costs about 256 KiB
};

namespace {

// Sends close_notify when the client asked to close, so that it sees a clean end of stream.
asio::awaitable<void> graceful_close(ssl_stream& stream) {
    beast::get_lowest_layer(stream).expires_after(shutdown_timeout);
    co_await stream.async_shutdown(use_nothrow);
}

asio::awaitable<void> graceful_close(beast::tcp_stream& stream) {
    beast::error_code ec;
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    co_return;
}

// Writes the head and the body. Over TLS each write stays within one 16 KiB record: a larger single write
// through beast::ssl_stream stalled after the first record (bodies above 16 KiB never arrived).
template <class Stream>
asio::awaitable<beast::error_code> write_response(Stream& stream, std::string_view head,
                                                  std::string_view body) {
    constexpr bool tls = std::is_same_v<Stream, ssl_stream>;
    if constexpr (!tls) {
        std::array const buffers{asio::const_buffer(head.data(), head.size()),
                                 asio::const_buffer(body.data(), body.size())};
        auto const [ec, n] = co_await asio::async_write(stream, buffers, use_nothrow);
        co_return ec;
    } else {
        constexpr std::size_t record = 16 * 1024;
        if (head.size() + body.size() <= record) {
            // One write, which beast's ssl_stream coalesces into one TLS record: half the records and
            // syscalls of the common small answer.
            std::array const buffers{asio::const_buffer(head.data(), head.size()),
                                     asio::const_buffer(body.data(), body.size())};
            auto const [ec, n] = co_await asio::async_write(stream, buffers, use_nothrow);
            co_return ec;
        }
        for (auto part : {head, body}) {
            while (!part.empty()) {
                auto const piece = part.substr(0, record);
                auto const [ec, n] =
                    co_await asio::async_write(stream, asio::buffer(piece.data(), piece.size()), use_nothrow);
                if (ec) {
                    co_return ec;
                }
                part.remove_prefix(piece.size());
            }
        }
        co_return beast::error_code{};
    }
}

// Frames `data` as one chunk of a chunked body.
void append_chunk(std::string& out, std::string_view data) {
    std::array<char, 16> size_buf;
    auto const end = std::to_chars(size_buf.data(), size_buf.data() + size_buf.size(), data.size(), 16).ptr;
    out.append(size_buf.data(), end).append("\r\n").append(data).append("\r\n");
}

constexpr std::string_view last_chunk = "0\r\n\r\n";

// A stream's client sends nothing after its request, so a read that completes means it hung up (or sent
// something we ignore). Keeping this read pending is how a closed stream frees its slot at once.
template <class Stream>
asio::awaitable<void> watch_for_hang_up(Stream& stream, std::shared_ptr<connection> conn) {
    std::array<char, 512> ignored;
    for (;;) {
        auto const [ec, n] = co_await stream.async_read_some(asio::buffer(ignored), use_nothrow);
        if (ec) {
            break;
        }
    }
    conn->hung_up = true;
    conn->timer.cancel();
}

// Sends nothing at all until the client goes away or the server stops; queued lines are thrown away.
asio::awaitable<void> stall_until_hang_up(connection& conn, std::uint64_t stream_id) {
    auto& self = *conn.owner;
    while (!conn.closed && !conn.hung_up) {
        self.take_stream_lines(stream_id);
        conn.timer.expires_at(asio::steady_timer::time_point::max());
        co_await conn.timer.async_wait(use_nothrow);
    }
}

// Streams after the 200 head: the lines the hub queues for `stream_id`, a keep-alive when idle, and the
// injected stream fault, if any. Returns when the stream is over; the caller closes the connection.
template <class Stream>
asio::awaitable<void> stream_lines(Stream& stream, connection& conn, std::uint64_t stream_id,
                                   std::optional<fault> const& injected) {
    using kind = fault::kind;
    auto& self = *conn.owner;
    auto const what = injected ? std::optional<kind>(injected->what) : std::nullopt;
    bool const stream_fault =
        what == kind::drop_stream_after_events || what == kind::stall_stream_after_events ||
        what == kind::partial_line_after_events || what == kind::operational_disconnect_after_events;
    std::size_t sent = 0;
    auto const fault_due = [&] { return stream_fault && sent >= injected->events; };
    std::string out;
    while (!conn.closed && !conn.hung_up) {
        if (fault_due() && what == kind::drop_stream_after_events) {
            co_return;
        }
        if (fault_due() && what == kind::stall_stream_after_events) {
            co_await stall_until_hang_up(conn, stream_id);
            co_return;
        }
        auto pending = self.take_stream_lines(stream_id);
        if (pending.overflowed || (fault_due() && what == kind::operational_disconnect_after_events)) {
            out.clear();
            append_chunk(out, detail::operational_disconnect_line);
            out.append(last_chunk);
            // A client too slow to read its lines may not read this either: do not wait for it forever.
            conn.lowest().expires_after(shutdown_timeout);
            co_await write_response(stream, out, {});
            co_return;
        }
        if (!pending.lines.empty()) {
            out.clear();
            std::size_t batch = 0;
            bool cut = false;
            for (auto const& line : pending.lines) {
                if (fault_due()) {
                    // Lines past the fault's point are never sent; half of the next one is, for this kind.
                    if (what == kind::partial_line_after_events) {
                        append_chunk(out, std::string_view(line).substr(0, line.size() / 2));
                        cut = true;
                    }
                    break;
                }
                append_chunk(out, line);
                ++batch;
                ++sent;
            }
            auto const ec = co_await write_response(stream, out, {});
            if (ec) {
                co_return;
            }
            self.count(&counters::stream_events_sent, batch);
            if (cut) {
                co_return;
            }
            continue;
        }
        conn.timer.expires_after(self.cfg.stream_keep_alive_interval);
        auto const [wait_ec] = co_await conn.timer.async_wait(use_nothrow);
        if (!wait_ec && !conn.closed && !conn.hung_up) {
            out.clear();
            append_chunk(out, "\r\n");
            if (co_await write_response(stream, out, {})) {
                co_return;
            }
            self.count(&counters::stream_keep_alives_sent);
        }
    }
}

// The stream's head, then its lines until it ends, with a read kept pending to notice a hang-up.
template <class Stream>
asio::awaitable<void> serve_stream(Stream& stream, connection& conn, response_head const& h,
                                   std::uint64_t stream_id, std::optional<fault> const& injected) {
    auto& self = *conn.owner;
    render_head(conn.head, h);
    if (!co_await write_response(stream, conn.head, {}) && !conn.closed) {
        asio::co_spawn(conn.strand, watch_for_hang_up(stream, conn.shared_from_this()), asio::detached);
        co_await stream_lines(stream, conn, stream_id, injected);
    }
    self.close_stream(stream_id);
}

template <class Stream>
asio::awaitable<void> serve(Stream& stream, connection& conn, beast::flat_buffer& buffer) {
    constexpr bool tls = std::is_same_v<Stream, ssl_stream>;
    auto& self = *conn.owner;
    for (;;) {
        http::request_parser<http::string_body> parser;
        // Beast's default of 1 MiB is below X's 5 MB upload segments (and a base64 media_data is larger
        // still).
        parser.body_limit(max_request_body);
        parser.body_limit(32 * 1024 * 1024);  // Beast's 1 MB default refuses X-sized uploads (5 MB APPENDs)
        auto const [read_ec, read_bytes] = co_await http::async_read(stream, buffer, parser, use_nothrow);
        if (read_ec || conn.closed) {
            co_return;
        }
        auto const started_at = std::chrono::steady_clock::now();
        auto const& req = parser.get();
        auto const injected = self.on_request(req, conn.id, tls);
        using kind = fault::kind;
        auto const what = injected ? std::optional<kind>(injected->what) : std::nullopt;

        if (what == kind::close_before_response) {
            co_return;
        }
        if (what == kind::stall) {
            // Discard whatever else arrives until the client gives up or stop() closes the socket.
            buffer.clear();
            for (;;) {
                auto const [ec, n] = co_await stream.async_read_some(buffer.prepare(4096), use_nothrow);
                if (ec) {
                    co_return;
                }
            }
        }
        if (what == kind::latency) {
            conn.timer.expires_after(injected->delay);
            co_await conn.timer.async_wait(use_nothrow);
            if (conn.closed) {
                co_return;
            }
        }

        response_head h;
        h.version = req.version() == 10 ? 10 : 11;
        h.keep_alive = req.keep_alive();
        std::string body;
        detail::api_response answer;  // owns the Location that the head points into
        if (what == kind::status) {
            h.status = injected->status;
            h.extra = &injected->headers;
            body = injected->body.empty() ? problem_body(injected->status) : injected->body;
        } else if (what == kind::malformed_body) {
            body = malformed_body;
        } else {
            answer = self.answer(req, tls);
            if (answer.stream) {
                if (auto const stream_id = self.open_stream(*answer.stream, conn.shared_from_this())) {
                    h.limits = answer.limits;
                    h.access_level = answer.access_level;
                    h.chunked = true;
                    h.keep_alive = true;
                    co_await serve_stream(stream, conn, h, *stream_id, injected);
                    co_return;
                }
                answer.status = 429;
                answer.body = detail::too_many_connections_body;
            }
            h.status = answer.status;
            h.limits = answer.limits;
            h.access_level = answer.access_level;
            h.content_type = answer.content_type;
            h.location = answer.location;
            h.verbatim = answer.verbatim;
            if (!answer.headers.empty()) {
                h.extra = &answer.headers;
            }
            body = std::move(answer.body);
        }

        std::string_view payload = body;
        if (self.cfg.gzip && !payload.empty() && accepts_gzip(req[http::field::accept_encoding])) {
            conn.gzip().compress(payload, conn.gzipped);
            payload = conn.gzipped;
            h.gzip = true;
        }
        h.content_length = payload.size();
        h.response_time = std::chrono::duration_cast<std::chrono::milliseconds>(
            std::chrono::steady_clock::now() - started_at);

        if (what == kind::close_mid_response || what == kind::truncated_body) {
            // Half a body, then an abrupt close: the client must report a partial message, not a response.
            auto const half = payload.substr(0, payload.size() / 2);
            h.chunked = what == kind::close_mid_response;
            render_head(conn.head, h);
            if (h.chunked) {
                std::array<char, 16> size_buf;
                auto const end =
                    std::to_chars(size_buf.data(), size_buf.data() + size_buf.size(), half.size(), 16).ptr;
                conn.head.append(size_buf.data(), end).append("\r\n").append(half).append("\r\n");
            } else {
                conn.head.append(half);
            }
            co_await write_response(stream, conn.head, {});
            co_return;
        }

        render_head(conn.head, h);
        auto const write_ec = co_await write_response(stream, conn.head, payload);
        if (write_ec || conn.closed) {
            co_return;
        }
        if (!h.keep_alive) {
            co_await graceful_close(stream);
            co_return;
        }
    }
}

asio::awaitable<void> session(std::shared_ptr<connection> conn) {
    auto& self = *conn->owner;
    beast::flat_buffer buffer;
    auto const injected = self.on_connection();
    auto const what = injected ? std::optional<fault::kind>(injected->what) : std::nullopt;
    if (what == fault::kind::close_before_handshake) {
        conn->close();
        self.forget(conn->id);
        co_return;
    }
    conn->plain->expires_after(handshake_timeout);
    auto const [detect_ec, is_tls] = co_await beast::async_detect_ssl(*conn->plain, buffer, use_nothrow);
    if (what == fault::kind::close_during_handshake) {
        // The ClientHello (or a plain request's first bytes) arrived and is never answered.
    } else if (!detect_ec && !conn->closed) {
        {
            std::lock_guard lock(self.mutex);
            ++(is_tls ? self.stats.tls_connections : self.stats.plain_connections);
        }
        if (is_tls) {
            conn->tls.emplace(std::move(*conn->plain), self.ssl_ctx);
            conn->plain.reset();
            auto const [ec, used] =
                co_await conn->tls->async_handshake(ssl::stream_base::server, buffer.data(), use_nothrow);
            if (!ec && !conn->closed) {
                buffer.consume(used);
                beast::get_lowest_layer(*conn->tls).expires_never();
                co_await serve(*conn->tls, *conn, buffer);
            }
        } else {
            conn->plain->expires_never();
            co_await serve(*conn->plain, *conn, buffer);
        }
    }
    conn->close();
    self.forget(conn->id);
}

asio::awaitable<void> accept_loop(std::shared_ptr<server::impl> self) {
    for (;;) {
        auto strand = asio::make_strand(self->ex);
        auto [ec, socket] = co_await self->acceptor->async_accept(strand, use_nothrow);
        if (ec) {
            if (ec == asio::error::operation_aborted || !self->acceptor->is_open()) {
                co_return;
            }
            // Out of descriptors or a connection reset before accept: keep serving the others.
            continue;
        }
        // Answers go out in more than one segment at times (a head, then a body; stream lines): without
        // TCP_NODELAY the later ones wait for the client's delayed ACK, about 40 ms each.
        beast::error_code nodelay_ec;
        socket.set_option(tcp::no_delay(true), nodelay_ec);
        auto conn = std::make_shared<connection>(self, strand, tcp::socket(std::move(socket)));
        {
            std::lock_guard lock(self->mutex);
            if (self->stopped) {
                co_return;
            }
            conn->id = ++self->last_connection_id;
            ++self->stats.connections_accepted;
            self->connections.emplace(conn->id, conn);
        }
        asio::co_spawn(strand, session(std::move(conn)), asio::detached);
    }
}

}  // namespace

void server::impl::start() {
    {
        std::lock_guard lock(mutex);
        if (started) {
            throw std::logic_error("twitter emulator: start() called twice");
        }
        started = true;
    }
    auto certs = detail::generate_certificates(cfg.certificate_names);
    ssl_ctx.use_certificate_chain(asio::buffer(certs.cert_pem));
    ssl_ctx.use_private_key(asio::buffer(certs.key_pem), ssl::context::pem);
    OPENSSL_cleanse(certs.key_pem.data(), certs.key_pem.size());
    SSL_CTX_set_min_proto_version(ssl_ctx.native_handle(), TLS1_2_VERSION);
    ca_pem = std::move(certs.ca_pem);

    acceptor.emplace(accept_strand);
    tcp::endpoint const endpoint(asio::ip::make_address(cfg.address), cfg.port);
    acceptor->open(endpoint.protocol());
    acceptor->set_option(asio::socket_base::reuse_address(true));
    acceptor->bind(endpoint);
    acceptor->listen(asio::socket_base::max_listen_connections);
    port = acceptor->local_endpoint().port();
    asio::co_spawn(accept_strand, accept_loop(shared_from_this()), asio::detached);
}

void server::impl::stop() {
    std::vector<std::shared_ptr<connection>> open;
    {
        std::lock_guard lock(mutex);
        if (std::exchange(stopped, true)) {
            return;
        }
        for (auto const& [id, weak] : connections) {
            if (auto c = weak.lock()) {
                open.push_back(std::move(c));
            }
        }
    }
    if (acceptor) {
        asio::dispatch(accept_strand, [self = shared_from_this()] {
            beast::error_code ec;
            self->acceptor->close(ec);
        });
    }
    for (auto& c : open) {
        asio::dispatch(c->strand, [c] { c->close(); });
    }
}

std::optional<fault> server::impl::on_request(http::request<http::string_body> const& req,
                                              std::uint64_t connection_id, bool tls) {
    std::lock_guard lock(mutex);
    ++stats.requests;
    if (cfg.request_log_limit > 0) {
        logged_request entry;
        entry.method = req.method_string();
        entry.target = req.target();
        for (auto const& field : req) {
            std::string name(field.name_string());
            for (auto& ch : name) {
                ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            }
            entry.headers.emplace_back(std::move(name), field.value());
        }
        entry.body = req.body();
        entry.tls = tls;
        entry.connection_id = connection_id;
        if (log.size() >= cfg.request_log_limit) {
            log.pop_front();
        }
        log.push_back(std::move(entry));
    }
    if (faults.empty()) {
        return std::nullopt;
    }
    auto const target = std::string_view(req.target());
    auto fired = faults.select(target.substr(0, target.find('?')));
    if (fired) {
        ++stats.faults_fired;
    }
    return fired;
}

std::optional<fault> server::impl::on_connection() {
    std::lock_guard lock(mutex);
    if (faults.empty()) {
        return std::nullopt;
    }
    auto fired = faults.select_connection();
    if (fired) {
        ++stats.faults_fired;
    }
    return fired;
}

detail::api_response server::impl::answer(http::request<http::string_body> const& req, bool tls) {
    std::lock_guard lock(mutex);
    if (!replays.empty()) {
        if (auto recorded = replays.take(req.method_string(), req.target())) {
            ++stats.replayed;
            detail::api_response r;
            r.status = recorded->status;
            r.body = std::move(recorded->body);
            r.headers = std::move(recorded->headers);
            r.verbatim = true;
            return r;
        }
        ++stats.replay_misses;
    }
    // OAuth 1.0a signs the scheme and the Host header, so the service sees both exactly as they arrived.
    auto r = api.handle({req.method_string(), req.target(), req[http::field::authorization], req.body(),
                         tls ? "https" : "http", req[http::field::host], req[http::field::content_type]},
                        std::chrono::system_clock::now());
    stats.rejected_auth += r.auth_rejected ? 1 : 0;
    stats.rate_limited += r.rate_limited ? 1 : 0;
    return r;
}

void server::impl::forget(std::uint64_t connection_id) {
    std::lock_guard lock(mutex);
    connections.erase(connection_id);
}

std::optional<std::uint64_t> server::impl::open_stream(detail::stream_request const& req,
                                                       std::shared_ptr<connection> const& conn) {
    // Called under the lock whenever lines are queued: it only schedules the session on its strand.
    auto wake = [weak = std::weak_ptr<connection>(conn)] {
        if (auto c = weak.lock()) {
            asio::post(c->strand, [c] { c->timer.cancel(); });
        }
    };
    auto const now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count();
    std::lock_guard lock(mutex);
    auto id = api.streams().open(req, api.state(), api.rules(), now_ms, std::move(wake));
    ++(id ? stats.streams_opened : stats.streams_refused_too_many);
    return id;
}

detail::stream_hub::pending server::impl::take_stream_lines(std::uint64_t stream_id) {
    std::lock_guard lock(mutex);
    return api.streams().take(stream_id);
}

void server::impl::close_stream(std::uint64_t stream_id) {
    std::lock_guard lock(mutex);
    api.streams().close(stream_id);
}

void server::impl::count(std::uint64_t counters::*which, std::uint64_t n) {
    std::lock_guard lock(mutex);
    stats.*which += n;
}

server::server(asio::any_io_executor ex, server_config cfg)
    : impl_(std::make_shared<impl>(std::move(ex), std::move(cfg))) {}

server::~server() { stop(); }

void server::start() { impl_->start(); }

void server::stop() { impl_->stop(); }

std::uint16_t server::port() const { return impl_->port; }

std::string server::base_url() const {
    auto const& a = impl_->cfg.address;
    auto const host = a.find(':') == std::string::npos ? a : "[" + a + "]";
    return "https://" + host + ":" + std::to_string(impl_->port);
}

std::string server::plain_base_url() const { return "http" + base_url().substr(5); }

std::string const& server::ca_pem() const { return impl_->ca_pem; }

std::string const& server::app_bearer_token() const { return impl_->api.app_bearer_token(); }

std::string const& server::default_user_token() const { return impl_->api.default_user_token(); }

std::string server::issue_user_token(std::string const& user_id, std::vector<std::string> scopes) {
    std::lock_guard lock(impl_->mutex);
    return impl_->api.issue_user_token(user_id, std::move(scopes));
}

void server::inject(fault f) {
    std::lock_guard lock(impl_->mutex);
    impl_->faults.add(std::move(f));
}

void server::clear_faults() {
    std::lock_guard lock(impl_->mutex);
    impl_->faults.clear();
}

void server::replay(std::vector<recorded_exchange> exchanges) {
    std::lock_guard lock(impl_->mutex);
    for (auto& e : exchanges) {
        impl_->replays.add(std::move(e));
    }
}

void server::clear_replay() {
    std::lock_guard lock(impl_->mutex);
    impl_->replays.clear();
}

std::size_t server::pending_replays() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->replays.size();
}

std::string const& server::default_user_id() const { return impl_->api.default_user_id(); }

oauth1_credentials const& server::oauth1() const { return impl_->api.oauth1(); }

oauth2_client const& server::oauth2_public_client() const { return impl_->api.oauth2_public_client(); }

oauth2_client const& server::oauth2_confidential_client() const {
    return impl_->api.oauth2_confidential_client();
}

void server::set_consent(bool approve) {
    std::lock_guard lock(impl_->mutex);
    impl_->api.set_consent(approve);
}

void server::set_authorizing_user(std::string const& user_id) {
    std::lock_guard lock(impl_->mutex);
    impl_->api.set_authorizing_user(user_id);
}

void server::add_oauth1_callback(std::string url) {
    std::lock_guard lock(impl_->mutex);
    impl_->api.add_oauth1_callback(std::move(url));
}

void server::add_redirect_uri(std::string const& client_id, std::string uri) {
    std::lock_guard lock(impl_->mutex);
    impl_->api.add_redirect_uri(client_id, std::move(uri));
}

std::string server::add_tweet(std::string const& author_id, std::string text) {
    std::lock_guard lock(impl_->mutex);
    return impl_->api.add_tweet(author_id, std::move(text), std::chrono::system_clock::now());
}

std::size_t server::open_streams() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->api.streams().open_count();
}

counters server::stats() const {
    std::lock_guard lock(impl_->mutex);
    auto out = impl_->stats;
    auto const& a = impl_->api.auth_counters();
    out.bearer_grants = a.bearer_grants;
    out.request_tokens = a.request_tokens;
    out.oauth1_access_grants = a.oauth1_access_grants;
    out.authorization_code_grants = a.authorization_code_grants;
    out.refresh_grants = a.refresh_grants;
    out.revocations = a.revocations;
    out.invalidations = a.invalidations;
    out.rejected_signatures = a.rejected_signatures;
    out.replayed_nonces = a.replayed_nonces;
    out.stale_timestamps = a.stale_timestamps;
    out.invalid_grants = a.invalid_grants;
    out.pkce_failures = a.pkce_failures;
    out.scope_denials = a.scope_denials;
    return out;
}

std::vector<logged_request> server::request_log() const {
    std::lock_guard lock(impl_->mutex);
    return {impl_->log.begin(), impl_->log.end()};
}

void server::clear_log() {
    std::lock_guard lock(impl_->mutex);
    impl_->log.clear();
}

}  // namespace twitter::emulator
