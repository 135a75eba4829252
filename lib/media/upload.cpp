// The upload operations: a coroutine that walks the steps (simple, or INIT / APPEND... / FINALIZE, then STATUS
// polls) and sends each request through the client's pipeline, which authorizes, sends and maps statuses.

#include <twitter/media.hpp>

#include "client/client_impl.hpp"
#include "client/tracked_operation.hpp"
#include "core/random.hpp"
#include "media/chunk_plan.hpp"
#include "media/decisions.hpp"
#include "media/media_type.hpp"
#include "media/parse.hpp"
#include "media/requests.hpp"
#include "media/source_reader.hpp"

#include <twitter/clock.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <tuple>
#include <utility>

namespace twitter::detail {
namespace {

namespace asio = boost::asio;
using media::api_version;
using std::chrono::milliseconds;

struct upload_state {
    upload_state(std::shared_ptr<client_impl> i, api_version v, media_source src, media_upload_params p)
        : impl(std::move(i)),
          version(v),
          source(std::move(src)),
          params(std::move(p)),
          clock(impl->config.clock ? impl->config.clock : real_clock()) {}

    std::shared_ptr<client_impl> impl;
    api_version version;
    media_source source;
    media_upload_params params;
    std::shared_ptr<twitter::clock> clock;

    std::string media_type;  // given or recognised
    uploaded_media media;    // what X said so far
    std::uint64_t total = 0;
    unsigned last_status = 0;  // of the latest answer
    diagnostics diag;          // of the step that failed

    bool v1() const noexcept { return version == api_version::v1; }
    endpoints const& hosts() const noexcept { return impl->config.hosts; }

    // Keeps the failing request's status, X's errors and rate limits, and says which step it was.
    error_code fail(error_code ec, diagnostics&& step, std::string what) {
        diag = std::move(step);
        diag.message = diag.message.empty() ? std::move(what) : what + ": " + diag.message;
        return ec;
    }
    error_code fail(error_code ec, std::string what) { return fail(ec, diagnostics{}, std::move(what)); }

    void report_progress(std::uint64_t sent) const {
        if (params.on_progress) params.on_progress(sent, total);
    }
};

// A uniform sample in [0, 1) for backoff jitter.
double jitter_sample() noexcept {
    std::array<unsigned char, 8> bytes{};
    if (!core::public_random_bytes(bytes)) return 0.0;
    std::uint64_t n = 0;
    for (unsigned char b : bytes) n = (n << 8) | b;
    return static_cast<double>(n >> 11) * 0x1.0p-53;
}

asio::awaitable<bool> cancelled() {
    co_return (co_await asio::this_coro::cancellation_state).cancelled() != asio::cancellation_type::none;
}

// One request through the client's pipeline; the coroutine's cancellation reaches it.
asio::awaitable<std::tuple<error_code, http::response>> send(std::shared_ptr<client_impl> const& impl,
                                                             http::request req, diagnostics& diag) {
    auto token = asio::as_tuple(asio::use_awaitable);
    auto op = asio::async_initiate<decltype(token), void(error_code, http::response)>(
        [&impl, &req, &diag](auto handler) { detail::async_request(impl, std::move(req), &diag, std::move(handler)); },
        token);
    co_return co_await std::move(op);
}

// Every wait goes through the configured clock, so tests run on a mock one.
asio::awaitable<error_code> wait_on(twitter::clock& clk, milliseconds delay) {
    auto const ex = co_await asio::this_coro::executor;
    auto token = asio::as_tuple(asio::use_awaitable);
    auto op = asio::async_initiate<decltype(token), void(error_code)>(
        [&clk, &ex, delay](auto handler) { clk.async_wait(ex, delay, std::move(handler)); }, token);
    auto [ec] = co_await std::move(op);
    co_return ec;
}

// Sends one step's request; the answer must be a success.
// `what` is a literal: g++ 12 mishandles temporaries of class type made inside a co_await expression.
asio::awaitable<error_code> request_step(upload_state& s, http::request req, char const* what,
                                         http::response& res) {
    diagnostics d;
    auto [ec, answer] = co_await send(s.impl, std::move(req), d);
    if (ec) co_return s.fail(ec, std::move(d), std::string(what) + " failed");
    res = std::move(answer);
    s.last_status = res.status;
    co_return error_code{};
}

error_code parse_answer(upload_state& s, http::response const& res, std::string const& what,
                        uploaded_media& out) {
    auto parsed = s.v1() ? media::parse_v1_media(res.body) : media::parse_v2_media(res.body);
    if (!parsed) {
        diagnostics d;
        d.http_status = res.status;
        return s.fail(parsed.error(), std::move(d), what + " answered with a body that is not X's media JSON");
    }
    out = std::move(*parsed);
    return {};
}

error_code resolve_media_type(upload_state& s, media::source_reader& reader) {
    s.media_type = s.params.media_type;
    if (!s.media_type.empty()) return {};
    auto head = reader.read(0, static_cast<std::size_t>(std::min<std::uint64_t>(reader.size(), 16)), s.diag);
    if (!head) return head.error();
    s.media_type = media::sniff_media_type(*head);
    if (s.media_type.empty()) s.media_type = media::media_type_for_filename(s.source.filename());
    if (s.media_type.empty())
        return s.fail(media_errc::unknown_media_type, "neither the first bytes nor the file name tell the media "
                                                      "type; set media_upload_params::media_type");
    return {};
}

std::string chunked_category(upload_state const& s) {
    return s.params.media_category.empty() ? std::string(default_media_category(s.media_type))
                                           : s.params.media_category;
}

asio::awaitable<error_code> upload_simple(upload_state& s, media::source_reader& reader) {
    auto data = reader.read(0, static_cast<std::size_t>(s.total), s.diag);
    if (!data) co_return data.error();
    // v1.1 sends a category only when asked, as Tweepy's simple_upload; the v2 one-shot requires one.
    std::string category = s.params.media_category;
    if (!s.v1()) category = chunked_category(s);
    media::simple_fields fields;
    fields.data = *data;
    fields.filename = s.source.filename();
    fields.media_type = s.media_type;
    fields.media_category = category;
    fields.additional_owners = &s.params.additional_owners;
    auto req = s.v1() ? media::v1_simple_request(s.hosts(), fields) : media::v2_simple_request(fields);
    if (!req) co_return s.fail(req.error(), "cannot encode the multipart body");
    http::response res;
    if (error_code ec = co_await request_step(s, std::move(*req), "upload", res)) co_return ec;
    if (error_code ec = parse_answer(s, res, "upload", s.media)) co_return ec;
    s.report_progress(s.total);
    co_return error_code{};
}

// X lets a chunk be sent again ("file chunks can be retried individually"), so a network error or a 5xx
// repeats this APPEND after a backoff wait; anything else ends the upload.
asio::awaitable<error_code> append_segment(upload_state& s, http::request const& req, media::chunk const& c,
                                           std::size_t count) {
    retry_policy const& policy = s.impl->config.retry;
    for (unsigned retries = 0;; ++retries) {
        diagnostics d;
        http::request attempt = req;
        auto [ec, res] = co_await send(s.impl, std::move(attempt), d);
        if (!ec) co_return error_code{};
        std::string what = "APPEND of segment " + std::to_string(c.index) + " of " + std::to_string(count) +
                           " (media_id " + s.media.media_id + ") failed";
        if (retries > 0) what += " after " + std::to_string(retries) + " retries";
        if (ec == asio::error::operation_aborted) co_return s.fail(ec, std::move(d), std::move(what));
        auto const delay = media::append_retry_delay(policy, ec, d.http_status, retries, jitter_sample());
        if (!delay) co_return s.fail(ec, std::move(d), std::move(what));
        if (error_code wait_ec = co_await wait_on(*s.clock, *delay))
            co_return s.fail(wait_ec, "cancelled while waiting to send segment " + std::to_string(c.index) +
                                          " again");
    }
}

asio::awaitable<error_code> upload_chunked(upload_state& s, media::source_reader& reader) {
    auto plan = media::plan_chunks(s.total, s.params.chunk_size);
    if (!plan) co_return s.fail(plan.error(), "cannot cut the media into chunks X accepts");

    std::string const category = chunked_category(s);
    media::init_fields fields;
    fields.total_bytes = s.total;
    fields.media_type = s.media_type;
    fields.media_category = category;
    fields.additional_owners = &s.params.additional_owners;
    http::request init = s.v1() ? media::v1_init_request(s.hosts(), fields) : media::v2_init_request(fields);
    http::response res;
    if (error_code ec = co_await request_step(s, std::move(init), "INIT", res)) co_return ec;
    if (error_code ec = parse_answer(s, res, "INIT", s.media)) co_return ec;

    std::uint64_t sent = 0;
    for (std::size_t i = 0; i < plan->count; ++i) {
        if (co_await cancelled()) co_return s.fail(asio::error::operation_aborted, "cancelled before APPEND");
        media::chunk const c = plan->at(i);
        auto bytes = reader.read(c.offset, c.size, s.diag);
        if (!bytes) co_return bytes.error();
        auto req = s.v1() ? media::v1_append_request(s.hosts(), s.media.media_id, c.index, *bytes,
                                                     s.source.filename())
                          : media::v2_append_request(s.media.media_id, c.index, *bytes, s.source.filename());
        if (!req) co_return s.fail(req.error(), "cannot encode the multipart body");
        if (error_code ec = co_await append_segment(s, *req, c, plan->count)) co_return ec;
        sent += c.size;
        s.report_progress(sent);
    }

    if (co_await cancelled()) co_return s.fail(asio::error::operation_aborted, "cancelled before FINALIZE");
    http::request finalize =
        s.v1() ? media::v1_finalize_request(s.hosts(), s.media.media_id) : media::v2_finalize_request(s.media.media_id);
    if (error_code ec = co_await request_step(s, std::move(finalize), "FINALIZE", res)) co_return ec;
    uploaded_media finalized;
    if (error_code ec = parse_answer(s, res, "FINALIZE", finalized)) co_return ec;
    media::merge_media(s.media, std::move(finalized));
    co_return error_code{};
}

error_code processing_failed(upload_state& s) {
    diagnostics d;
    d.http_status = s.last_status;
    std::string what = "X could not process media " + s.media.media_id;
    if (auto const& e = s.media.processing->error) {
        api_error err;
        err.code = e->code;
        err.title = e->name;
        err.detail = e->message;
        d.errors.push_back(std::move(err));
    }
    return s.fail(media_errc::processing_failed, std::move(d), std::move(what));
}

// Polls STATUS, waiting what X asks in between, until processing is over or the wait budget is spent.
asio::awaitable<error_code> await_processing(upload_state& s) {
    auto const cap = std::min<std::chrono::seconds>(s.params.max_processing_wait, std::chrono::hours(24 * 366));
    milliseconds const max_wait = std::max(milliseconds::zero(), milliseconds(cap));
    milliseconds waited{0};
    while (s.media.processing) {
        media::poll_decision const next = media::next_status_poll(*s.media.processing, waited, max_wait);
        switch (next.what) {
            case media::poll_decision::action::done: co_return error_code{};
            case media::poll_decision::action::failed: co_return processing_failed(s);
            case media::poll_decision::action::timeout:
                co_return s.fail(media_errc::processing_timeout,
                                 "media " + s.media.media_id + " was still " +
                                     std::string(to_string(s.media.processing->state)) + " after waiting " +
                                     std::to_string(waited.count()) + " ms");
            case media::poll_decision::action::wait: break;
        }
        if (error_code ec = co_await wait_on(*s.clock, next.delay))
            co_return s.fail(ec, "cancelled while waiting for media processing");
        waited += next.delay;
        if (co_await cancelled()) co_return s.fail(asio::error::operation_aborted, "cancelled before STATUS");

        http::request status =
            s.v1() ? media::v1_status_request(s.hosts(), s.media.media_id) : media::v2_status_request(s.media.media_id);
        http::response res;
        if (error_code ec = co_await request_step(s, std::move(status), "STATUS", res)) co_return ec;
        uploaded_media latest;
        if (error_code ec = parse_answer(s, res, "STATUS", latest)) co_return ec;
        // A STATUS answer without processing_info has nothing left to process.
        if (!latest.processing) s.media.processing.reset();
        media::merge_media(s.media, std::move(latest));
    }
    co_return error_code{};
}

asio::awaitable<error_code> upload(upload_state& s) {
    co_await asio::this_coro::throw_if_cancelled(false);
    co_await asio::this_coro::reset_cancellation_state(asio::enable_total_cancellation());

    auto reader = media::source_reader::open(s.source, s.diag);
    if (!reader) co_return reader.error();
    s.total = reader->size();
    if (s.total == 0) co_return s.fail(media_errc::empty_media, "the media source holds 0 bytes");
    if (error_code ec = resolve_media_type(s, *reader)) co_return ec;

    upload_method const method = media::choose_upload_method(s.params.method, s.version, s.media_type, s.total);
    error_code ec;
    if (method == upload_method::simple)
        ec = co_await upload_simple(s, *reader);
    else
        ec = co_await upload_chunked(s, *reader);
    if (ec || !s.params.wait_for_processing) co_return ec;
    co_return co_await await_processing(s);
}

// The state stays at one address for the whole upload; the steps hold references into it.
asio::awaitable<std::tuple<error_code, uploaded_media>> run(std::unique_ptr<upload_state> s, diagnostics* diag) {
    error_code const ec = co_await upload(*s);
    if (ec && diag) *diag = std::move(s->diag);
    // On failure the result still names the media X created, if INIT got that far.
    co_return std::tuple(ec, std::move(s->media));
}

void start(std::shared_ptr<client_impl> const& impl, api_version version, media_source source,
           media_upload_params params, diagnostics* diag, upload_handler handler) {
    if (diag) diag->clear();
    auto s = std::make_unique<upload_state>(impl, version, std::move(source), std::move(params));
    spawn_client_operation(impl, asio::make_strand(impl->executor), run(std::move(s), diag), std::move(handler));
}

}  // namespace

void async_upload_media_v1(std::shared_ptr<client_impl> const& impl, media_source source,
                           media_upload_params params, diagnostics* diag, upload_handler handler) {
    start(impl, api_version::v1, std::move(source), std::move(params), diag, std::move(handler));
}

void async_upload_media_v2(std::shared_ptr<client_impl> const& impl, media_source source,
                           media_upload_params params, diagnostics* diag, upload_handler handler) {
    start(impl, api_version::v2, std::move(source), std::move(params), diag, std::move(handler));
}

}  // namespace twitter::detail
