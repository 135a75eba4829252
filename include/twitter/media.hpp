#ifndef TWITTER_MEDIA_HPP
#define TWITTER_MEDIA_HPP

// Media upload: Tweepy's API.media_upload (v1.1, upload host) and the v2 media endpoints (API host).
//
// An upload is one asynchronous operation. Small images go in one request; anything else is uploaded in
// chunks (INIT, one APPEND per chunk, FINALIZE) and, when X processes the media asynchronously (videos and
// GIFs), the operation polls STATUS until processing has succeeded or failed, waiting what X asks between
// polls on the client's clock. The result's media_id is what POST /2/tweets takes in media.media_ids.

#include <twitter/media/types.hpp>

#include <twitter/api.hpp>
#include <twitter/client.hpp>
#include <twitter/diagnostics.hpp>
#include <twitter/error.hpp>
#include <twitter/with_diagnostics.hpp>

#include <boost/asio/any_completion_handler.hpp>
#include <boost/asio/async_result.hpp>

#include <memory>

namespace twitter {

namespace detail {
using upload_handler = boost::asio::any_completion_handler<void(error_code, uploaded_media)>;
using upload_function = void (*)(std::shared_ptr<client_impl> const& impl, media_source source,
                                 media_upload_params params, diagnostics* diag, upload_handler handler);
void async_upload_media_v1(std::shared_ptr<client_impl> const& impl, media_source source,
                           media_upload_params params, diagnostics* diag, upload_handler handler);
void async_upload_media_v2(std::shared_ptr<client_impl> const& impl, media_source source,
                           media_upload_params params, diagnostics* diag, upload_handler handler);

template <class CompletionToken>
auto initiate_upload(upload_function upload, client const& c, media_source source, media_upload_params params,
                     diagnostics* diag, CompletionToken&& token) {
    return boost::asio::async_initiate<CompletionToken, void(error_code, uploaded_media)>(
        [upload](auto handler, diagnostics* d, std::shared_ptr<client_impl> const& impl, media_source s,
                 media_upload_params p) { upload(impl, std::move(s), std::move(p), d, std::move(handler)); },
        token, diag, impl_of(c), std::move(source), std::move(params));
}
}  // namespace detail

// POST media/upload on the upload host (v1.1): a simple upload or INIT/APPEND/FINALIZE, then STATUS polls
// while X processes the media. Needs user context. A failed step completes with its error, and `diag` names
// the step (and the segment, for APPEND) besides the HTTP status and X's error; the result still carries the
// media_id once INIT got one. An APPEND that fails on the network or with a 500, 502, 503 or 504 is sent
// again, up to config.retry.max_retries times after config.retry.backoff waits (X: "file chunks can be
// retried individually"); INIT and FINALIZE are never repeated. Cancelling stops the upload between steps
// and during waits. Like the api's own operations, it uses `a` only while it starts.
template <boost::asio::completion_token_for<void(error_code, uploaded_media)> CompletionToken = default_token>
auto async_upload_media(api& a, media_source source, media_upload_params params, CompletionToken&& token = {}) {
    return detail::initiate_upload(&detail::async_upload_media_v1, a.get_client(), std::move(source),
                                   std::move(params), nullptr, std::forward<CompletionToken>(token));
}
template <boost::asio::completion_token_for<void(error_code, uploaded_media)> CompletionToken = default_token>
auto async_upload_media(api& a, media_source source, media_upload_params params, diagnostics& diag,
                        CompletionToken&& token = {}) {
    return detail::initiate_upload(&detail::async_upload_media_v1, a.get_client(), std::move(source),
                                   std::move(params), &diag, std::forward<CompletionToken>(token));
}

namespace v2 {

// The v2 media endpoints on the API host: POST /2/media/upload (one request, for small images other than
// GIFs) or /2/media/upload/initialize, /{id}/append, /{id}/finalize, then GET /2/media/upload?command=STATUS.
// Otherwise as twitter::async_upload_media.
template <boost::asio::completion_token_for<void(error_code, uploaded_media)> CompletionToken = default_token>
auto async_upload_media(client& c, media_source source, media_upload_params params, CompletionToken&& token = {}) {
    return twitter::detail::initiate_upload(&twitter::detail::async_upload_media_v2, c, std::move(source),
                                            std::move(params), nullptr, std::forward<CompletionToken>(token));
}
template <boost::asio::completion_token_for<void(error_code, uploaded_media)> CompletionToken = default_token>
auto async_upload_media(client& c, media_source source, media_upload_params params, diagnostics& diag,
                        CompletionToken&& token = {}) {
    return twitter::detail::initiate_upload(&twitter::detail::async_upload_media_v2, c, std::move(source),
                                            std::move(params), &diag, std::forward<CompletionToken>(token));
}

}  // namespace v2
}  // namespace twitter

#endif
