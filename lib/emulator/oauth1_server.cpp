#include "emulator/oauth1_server.hpp"

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <utility>

namespace twitter::emulator::detail {

namespace {

constexpr std::string_view invalid_verifier_text =
    "Error processing your OAuth request: Invalid oauth_verifier parameter";
constexpr std::string_view invalid_request_token_text = "Invalid request token.";

api_response page(unsigned status, std::string body) {
    api_response r;
    r.status = status;
    r.body = std::move(body);
    r.content_type = html_content_type;
    return r;
}

api_response redirect(std::string location) {
    api_response r;
    r.status = 302;
    r.content_type = html_content_type;
    r.body = "<html><body>You are being <a href=\"" + location + "\">redirected</a>.</body></html>";
    r.location = std::move(location);
    return r;
}

// A 7-digit PIN for out-of-band flows, as X shows it.
std::string pin() {
    auto const raw = random_bytes(4);
    auto const v =
        (std::uint32_t{raw[0]} << 24) | (std::uint32_t{raw[1]} << 16) | (std::uint32_t{raw[2]} << 8) | raw[3];
    auto text = std::to_string(v % 10'000'000);
    return std::string(7 - text.size(), '0') + text;
}

// oauth_verifier may travel in the header, the form body or the query (RFC 5849 3.5); all three are signed.
std::optional<std::string> verifier_of(received_request const& req, param_list const& header) {
    if (auto const* v = find_param(header, "oauth_verifier")) {
        return *v;
    }
    auto const q = req.target.find('?');
    if (q != std::string_view::npos) {
        if (auto const query = parse_form(req.target.substr(q + 1))) {
            if (auto const* v = find_param(*query, "oauth_verifier")) {
                return *v;
            }
        }
    }
    if (starts_with_icase(req.content_type, "application/x-www-form-urlencoded")) {
        if (auto const body = parse_form(req.body)) {
            if (auto const* v = find_param(*body, "oauth_verifier")) {
                return *v;
            }
        }
    }
    return std::nullopt;
}

}  // namespace

api_response oauth1_v1_rejection(oauth1_verdict v) {
    auto r = v == oauth1_verdict::stale_timestamp ? v1_error(401, 135, "Timestamp out of bounds.")
                                                  : v1_error(401, 32, "Could not authenticate you.");
    r.auth_rejected = true;
    return r;
}

void oauth1_server::add_consumer(std::string key, std::string secret, std::string callback) {
    consumers_.insert_or_assign(std::move(key), consumer{std::move(secret), {std::move(callback)}});
}

void oauth1_server::add_callback(std::string_view consumer_key, std::string url) {
    auto const it = consumers_.find(consumer_key);
    if (it == consumers_.end()) {
        throw std::invalid_argument("twitter emulator: unknown OAuth 1.0a consumer");
    }
    it->second.callbacks.push_back(std::move(url));
}

std::string const* oauth1_server::consumer_secret(std::string_view key) const {
    auto const it = consumers_.find(key);
    return it == consumers_.end() ? nullptr : &it->second.secret;
}

void oauth1_server::add_access_token(std::string token, std::string secret, std::string consumer_key,
                                     std::string user_id, bool can_write) {
    principal who;
    who.what = principal::kind::user;
    who.user_id = std::move(user_id);
    who.oauth1 = true;
    who.can_write = can_write;
    access_tokens_.insert_or_assign(
        std::move(token), access_token_state{std::move(consumer_key), std::move(secret), std::move(who)});
}

oauth1_verdict oauth1_server::count(oauth1_verdict v) {
    switch (v) {
        case oauth1_verdict::ok:
            break;
        case oauth1_verdict::stale_timestamp:
            ++stats_.stale_timestamps;
            break;
        case oauth1_verdict::replayed_nonce:
            ++stats_.replayed_nonces;
            break;
        case oauth1_verdict::malformed:
        case oauth1_verdict::unknown_credentials:
        case oauth1_verdict::bad_signature:
            ++stats_.rejected_signatures;
            break;
    }
    return v;
}

oauth1_verdict oauth1_server::verify(received_request const& req, param_list const& header,
                                     std::string_view consumer_secret, std::string_view token_secret,
                                     clock::time_point now) {
    return count(verifier_.verify(req, header, consumer_secret, token_secret, now));
}

api_response oauth1_server::request_token(received_request const& req, clock::time_point now) {
    auto const header = parse_oauth_header(req.authorization);
    if (!header) {
        return oauth1_v1_rejection(count(oauth1_verdict::malformed));
    }
    auto const* key = find_param(*header, "oauth_consumer_key");
    auto const it = key == nullptr ? consumers_.end() : consumers_.find(*key);
    if (it == consumers_.end()) {
        return oauth1_v1_rejection(count(oauth1_verdict::unknown_credentials));
    }
    // RFC 5849 2.1: the request token step is signed without a token, so the token secret is empty.
    if (auto const v = verify(req, *header, it->second.secret, {}, now); v != oauth1_verdict::ok) {
        return oauth1_v1_rejection(v);
    }
    auto const* callback = find_param(*header, "oauth_callback");
    if (callback == nullptr || callback->empty()) {
        return oauth1_v1_rejection(count(oauth1_verdict::malformed));
    }
    auto const& allowed = it->second.callbacks;
    if (*callback != "oob" && std::find(allowed.begin(), allowed.end(), *callback) == allowed.end()) {
        auto r =
            v1_error(403, 415,
                     "Callback URL not approved for this client application. Approved callback URLs can be "
                     "adjusted in your application settings");
        r.auth_rejected = true;
        return r;
    }
    // x_auth_access_type asks for less than the app may do: "read" makes a read-only token.
    bool can_write = true;
    auto const q = req.target.find('?');
    if (q != std::string_view::npos) {
        if (auto const query = parse_form(req.target.substr(q + 1))) {
            if (auto const* type = find_param(*query, "x_auth_access_type")) {
                can_write = *type != "read";
            }
        }
    }
    auto token = random_token(24);
    auto secret = random_token(24);
    request_token_state state;
    state.consumer_key = *key;
    state.secret = secret;
    state.callback = *callback;
    state.can_write = can_write;
    request_tokens_.insert_or_assign(token, std::move(state));
    ++stats_.request_tokens;
    return page(200, form_encode({{"oauth_token", token},
                                  {"oauth_token_secret", std::move(secret)},
                                  {"oauth_callback_confirmed", "true"}}));
}

api_response oauth1_server::authorize(std::string_view query, approval const& who) {
    auto const params = parse_form(query);
    auto const* token = params ? find_param(*params, "oauth_token") : nullptr;
    auto const it = token == nullptr ? request_tokens_.end() : request_tokens_.find(*token);
    if (it == request_tokens_.end() || it->second.authorized) {
        return page(
            401,
            "<html><body><h1>This page is no longer valid.</h1><p>It looks like someone already used the "
            "token information you provided. Please return to the site that sent you to this page and "
            "try again.</p></body></html>");
    }
    auto& state = it->second;
    bool const oob = state.callback == "oob";
    if (!who.approve) {
        // The request token dies with the refusal; X tells the callback which token was denied.
        auto const callback = state.callback;
        auto const denied = it->first;
        request_tokens_.erase(it);
        if (oob) {
            return page(200, "<html><body><p>You have not authorized the application.</p></body></html>");
        }
        return redirect(with_query(callback, {{"denied", denied}}));
    }
    state.authorized = true;
    state.user_id = who.user_id;
    state.screen_name = who.screen_name;
    state.verifier = oob ? pin() : random_token(24);
    if (oob) {
        return page(
            200,
            "<html><body><div id=\"oauth_pin\"><p>Next, return to the application and enter this PIN to "
            "complete the authorization process:</p><p><kbd aria-labelledby=\"code-desc\"><code>" +
                state.verifier + "</code></kbd></p></div></body></html>");
    }
    return redirect(
        with_query(state.callback, {{"oauth_token", it->first}, {"oauth_verifier", state.verifier}}));
}

api_response oauth1_server::access_token(received_request const& req, clock::time_point now) {
    auto const header = parse_oauth_header(req.authorization);
    if (!header) {
        return oauth1_v1_rejection(count(oauth1_verdict::malformed));
    }
    auto const* key = find_param(*header, "oauth_consumer_key");
    auto const* token = find_param(*header, "oauth_token");
    auto const consumer = key == nullptr ? consumers_.end() : consumers_.find(*key);
    if (consumer == consumers_.end() || token == nullptr) {
        return oauth1_v1_rejection(count(oauth1_verdict::unknown_credentials));
    }
    auto const it = request_tokens_.find(*token);
    if (it == request_tokens_.end() || it->second.consumer_key != *key) {
        // Not (or no longer) a request token of this consumer: it may have been used already.
        ++stats_.invalid_grants;
        return page(401, std::string(invalid_request_token_text));
    }
    if (auto const v = verify(req, *header, consumer->second.secret, it->second.secret, now);
        v != oauth1_verdict::ok) {
        return oauth1_v1_rejection(v);
    }
    // A request token is good for one exchange, right or wrong: a guessed PIN gets a single try.
    auto state = std::move(it->second);
    request_tokens_.erase(it);
    auto const verifier = verifier_of(req, *header);
    if (!state.authorized || !verifier || !constant_time_equal(*verifier, state.verifier)) {
        ++stats_.invalid_grants;
        return page(401, std::string(invalid_verifier_text));
    }
    // X's access tokens start with the user id.
    auto access = state.user_id + '-' + random_token(30);
    auto secret = random_token(30);
    add_access_token(access, secret, state.consumer_key, state.user_id, state.can_write);
    ++stats_.oauth1_access_grants;
    return page(200, form_encode({{"oauth_token", std::move(access)},
                                  {"oauth_token_secret", std::move(secret)},
                                  {"user_id", state.user_id},
                                  {"screen_name", state.screen_name}}));
}

oauth1_server::authentication oauth1_server::authenticate(received_request const& req,
                                                          clock::time_point now) {
    auto const header = parse_oauth_header(req.authorization);
    if (!header) {
        return {count(oauth1_verdict::malformed), nullptr, {}};
    }
    auto const* key = find_param(*header, "oauth_consumer_key");
    auto const* token = find_param(*header, "oauth_token");
    auto const consumer = key == nullptr ? consumers_.end() : consumers_.find(*key);
    auto const it = token == nullptr ? access_tokens_.end() : access_tokens_.find(*token);
    if (consumer == consumers_.end() || it == access_tokens_.end() || it->second.consumer_key != *key) {
        return {count(oauth1_verdict::unknown_credentials), nullptr, {}};
    }
    auto const v = verify(req, *header, consumer->second.secret, it->second.secret, now);
    if (v != oauth1_verdict::ok) {
        return {v, nullptr, {}};
    }
    return {v, &it->second.who, it->first};
}

}  // namespace twitter::emulator::detail
