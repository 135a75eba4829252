#include "emulator/oauth2_server.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <span>
#include <stdexcept>
#include <utility>

namespace twitter::emulator::detail {

namespace json = boost::json;

namespace {

// The scopes X documents for OAuth 2.0 user context.
constexpr std::array<std::string_view, 24> known_scopes{
    "tweet.read",   "tweet.write",   "tweet.moderate.write", "users.email",    "users.read",
    "follows.read", "follows.write", "offline.access",       "space.read",     "mute.read",
    "mute.write",   "like.read",     "like.write",           "list.read",      "list.write",
    "block.read",   "block.write",   "bookmark.read",        "bookmark.write", "dm.read",
    "dm.write",     "media.write",   "timeline.read",        "users.write"};

api_response oauth_error(unsigned status, std::string_view error, std::string_view description) {
    api_response r;
    r.status = status;
    r.body = json::serialize(json::object{{"error", error}, {"error_description", description}});
    return r;
}

api_response invalid_request(std::string_view description) {
    return oauth_error(400, "invalid_request", description);
}

api_response invalid_client() {
    auto r = oauth_error(401, "invalid_client", "Missing valid authorization header");
    r.auth_rejected = true;
    return r;
}

bool is_form(std::string_view content_type) {
    return starts_with_icase(content_type, "application/x-www-form-urlencoded");
}

std::vector<std::string> split_scopes(std::string_view text) {
    std::vector<std::string> out;
    while (!text.empty()) {
        auto const space = text.find(' ');
        if (space != 0) {
            out.emplace_back(text.substr(0, space));
        }
        if (space == std::string_view::npos) {
            break;
        }
        text.remove_prefix(space + 1);
    }
    return out;
}

std::string join(std::vector<std::string> const& scopes) {
    std::string out;
    for (auto const& s : scopes) {
        out.append(out.empty() ? "" : " ").append(s);
    }
    return out;
}

bool contains(std::vector<std::string> const& list, std::string_view s) {
    return std::find(list.begin(), list.end(), s) != list.end();
}

api_response bad_authorize_page() {
    api_response r;
    r.status = 400;
    r.content_type = html_content_type;
    r.body =
        "<html><body><h1>Something went wrong</h1><p>You weren't able to give access to the App. Go back "
        "and try logging in again.</p></body></html>";
    return r;
}

api_response redirect(std::string location) {
    api_response r;
    r.status = 302;
    r.content_type = html_content_type;
    r.location = std::move(location);
    return r;
}

}  // namespace

std::string s256_challenge(std::string_view verifier) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int size = 0;
    EVP_Digest(verifier.data(), verifier.size(), digest.data(), &size, EVP_sha256(), nullptr);
    return base64url_encode(std::span(digest.data(), size));
}

bool valid_code_verifier(std::string_view verifier) {
    return verifier.size() >= 43 && verifier.size() <= 128 &&
           std::all_of(verifier.begin(), verifier.end(), [](char c) {
               return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '.' || c == '_' || c == '~';
           });
}

void oauth2_server::add_client(std::string client_id, std::string client_secret, std::string redirect_uri) {
    clients_.insert_or_assign(std::move(client_id),
                              client{std::move(client_secret), {std::move(redirect_uri)}});
}

void oauth2_server::add_redirect_uri(std::string_view client_id, std::string uri) {
    auto const it = clients_.find(client_id);
    if (it == clients_.end()) {
        throw std::invalid_argument("twitter emulator: unknown OAuth 2.0 client");
    }
    it->second.redirect_uris.push_back(std::move(uri));
}

api_response oauth2_server::authorize(std::string_view query, approval const& who, clock::time_point now) {
    auto const params = parse_form(query);
    if (!params) {
        return bad_authorize_page();
    }
    auto const* client_id = find_param(*params, "client_id");
    auto const* redirect_uri = find_param(*params, "redirect_uri");
    auto const client = client_id == nullptr ? clients_.end() : clients_.find(*client_id);
    // RFC 6749 4.1.2.1 and RFC 9700 2.1: without a known client and an exactly registered redirect URI there
    // is nowhere safe to send an answer, so the user sees an error page.
    if (client == clients_.end() || redirect_uri == nullptr ||
        !contains(client->second.redirect_uris, *redirect_uri)) {
        return bad_authorize_page();
    }
    auto const* state = find_param(*params, "state");
    auto const fail = [&](std::string_view error, std::string_view description) {
        param_list answer{{"error", std::string(error)}};
        if (state != nullptr) {
            answer.push_back({"state", *state});
        }
        answer.push_back({"error_description", std::string(description)});
        return redirect(with_query(*redirect_uri, answer));
    };
    auto const* response_type = find_param(*params, "response_type");
    if (response_type == nullptr || *response_type != "code") {
        return fail("unsupported_response_type", "response_type must be code");
    }
    // X requires state (CSRF protection, RFC 6749 10.12) and PKCE for every client.
    if (state == nullptr || state->empty()) {
        return fail("invalid_request", "Missing required parameter [state].");
    }
    auto const* challenge = find_param(*params, "code_challenge");
    auto const* method = find_param(*params, "code_challenge_method");
    if (challenge == nullptr || challenge->empty()) {
        return fail("invalid_request", "Missing required parameter [code_challenge].");
    }
    if (method == nullptr || (*method != "S256" && *method != "plain")) {
        return fail("invalid_request", "code_challenge_method must be S256 or plain.");
    }
    auto const* scope = find_param(*params, "scope");
    auto scopes = scope == nullptr ? std::vector<std::string>{} : split_scopes(*scope);
    if (scopes.empty()) {
        return fail("invalid_request", "Missing required parameter [scope].");
    }
    for (auto const& s : scopes) {
        if (std::find(known_scopes.begin(), known_scopes.end(), s) == known_scopes.end()) {
            return fail("invalid_scope", "The requested scope is invalid, unknown, or malformed.");
        }
    }
    if (!who.approve) {
        return fail("access_denied", "The user denied the request.");
    }
    auto code = random_token(48);
    code_state c;
    c.client_id = *client_id;
    c.redirect_uri = *redirect_uri;
    c.challenge = *challenge;
    c.method = *method;
    c.user_id = who.user_id;
    c.scopes = std::move(scopes);
    c.expires = now + code_lifetime_;
    c.grant = ++last_grant_;
    codes_.insert_or_assign(code, std::move(c));
    return redirect(with_query(*redirect_uri, {{"state", *state}, {"code", std::move(code)}}));
}

std::string oauth2_server::authenticate_client(std::string_view authorization, param_list const& form,
                                               api_response& error) {
    auto const* named = find_param(form, "client_id");
    if (!authorization.empty()) {
        auto const basic = parse_basic_auth(authorization);
        auto const it = basic ? clients_.find(basic->id) : clients_.end();
        if (it == clients_.end() || it->second.secret.empty() ||
            !constant_time_equal(basic->secret, it->second.secret) ||
            (named != nullptr && *named != basic->id)) {
            error = invalid_client();
            return {};
        }
        return basic->id;
    }
    if (named == nullptr || named->empty()) {
        error = invalid_request("Missing required parameter [client_id].");
        return {};
    }
    auto const it = clients_.find(*named);
    // A confidential client must prove itself with its secret (RFC 6749 3.2.1).
    if (it == clients_.end() || !it->second.secret.empty()) {
        error = invalid_client();
        return {};
    }
    return *named;
}

std::optional<oauth2_server::client_request> oauth2_server::read_client_request(std::string_view authorization,
                                                                             std::string_view content_type,
                                                                             std::string_view body,
                                                                             api_response& error) {
    auto form = is_form(content_type) ? parse_form(body) : std::nullopt;
    if (!form) {
        error = invalid_request("The body must be application/x-www-form-urlencoded.");
        return std::nullopt;
    }
    auto client_id = authenticate_client(authorization, *form, error);
    if (client_id.empty()) {
        return std::nullopt;
    }
    return client_request{std::move(client_id), std::move(*form)};
}

api_response oauth2_server::token(std::string_view authorization, std::string_view content_type,
                                  std::string_view body, clock::time_point now) {
    api_response error;
    auto const request = read_client_request(authorization, content_type, body, error);
    if (!request) {
        return error;
    }
    auto const& form = request->form;
    auto const& client_id = request->client_id;
    auto const* grant_type = find_param(form, "grant_type");
    if (grant_type == nullptr) {
        return invalid_request("Missing required parameter [grant_type].");
    }
    if (*grant_type == "authorization_code") {
        return authorization_code(client_id, form, now);
    }
    if (*grant_type == "refresh_token") {
        return refresh(client_id, form, now);
    }
    return oauth_error(400, "unsupported_grant_type",
                       "grant_type must be authorization_code or refresh_token");
}

api_response oauth2_server::invalid_grant(std::string_view description) {
    ++stats_.invalid_grants;
    return oauth_error(400, "invalid_grant", description);
}

api_response oauth2_server::authorization_code(std::string const& client_id, param_list const& form,
                                               clock::time_point now) {
    auto const* code = find_param(form, "code");
    auto const* redirect_uri = find_param(form, "redirect_uri");
    auto const* verifier = find_param(form, "code_verifier");
    if (code == nullptr || redirect_uri == nullptr || verifier == nullptr) {
        return invalid_request("Missing required parameter [code], [redirect_uri] or [code_verifier].");
    }
    auto const it = codes_.find(*code);
    if (it == codes_.end() || it->second.client_id != client_id) {
        return invalid_grant("Value passed for the authorization code was invalid.");
    }
    auto& c = it->second;
    if (c.used) {
        // RFC 6749 4.1.2: a code used twice may have been stolen; what it bought is revoked.
        revoke_grant(c.grant);
        return invalid_grant("Value passed for the authorization code was invalid.");
    }
    c.used = true;
    if (now >= c.expires) {
        return invalid_grant("Value passed for the authorization code was invalid.");
    }
    // RFC 6749 4.1.3: the redirect_uri must be the one of the authorization request.
    if (*redirect_uri != c.redirect_uri) {
        return invalid_grant(
            "Value passed for the redirect uri did not match the uri of the authorization code.");
    }
    bool const pkce_ok =
        valid_code_verifier(*verifier) &&
        constant_time_equal(c.method == "S256" ? s256_challenge(*verifier) : *verifier, c.challenge);
    if (!pkce_ok) {
        ++stats_.pkce_failures;
        return invalid_grant("Value passed for the code verifier did not match the code challenge.");
    }
    ++stats_.authorization_code_grants;
    return issue(client_id, c.user_id, c.scopes, c.grant, now);
}

api_response oauth2_server::refresh(std::string const& client_id, param_list const& form,
                                    clock::time_point now) {
    auto const* token = find_param(form, "refresh_token");
    if (token == nullptr) {
        return invalid_request("Missing required parameter [refresh_token].");
    }
    auto const it = refresh_tokens_.find(*token);
    if (it == refresh_tokens_.end() || it->second.client_id != client_id) {
        return invalid_grant("Value passed for the token was invalid.");
    }
    auto scopes = it->second.scopes;
    // RFC 6749 6: a narrower scope may be asked for, never a wider one.
    if (auto const* scope = find_param(form, "scope")) {
        auto asked = split_scopes(*scope);
        for (auto const& s : asked) {
            if (!contains(scopes, s)) {
                return oauth_error(400, "invalid_scope", "The requested scope exceeds the granted scope.");
            }
        }
        scopes = std::move(asked);
    }
    auto const user_id = it->second.user_id;
    auto const grant = it->second.grant;
    // Rotation (RFC 9700 4.14.2): the refresh token is spent at once.
    refresh_tokens_.erase(it);
    ++stats_.refresh_grants;
    return issue(client_id, user_id, std::move(scopes), grant, now);
}

api_response oauth2_server::issue(std::string const& client_id, std::string const& user_id,
                                  std::vector<std::string> scopes, std::uint64_t grant,
                                  clock::time_point now) {
    auto access = random_token(48);
    json::object body;
    body["token_type"] = "bearer";
    body["expires_in"] = access_token_lifetime_.count();
    body["access_token"] = access;
    body["scope"] = join(scopes);
    if (contains(scopes, "offline.access")) {
        auto refresh = random_token(48);
        body["refresh_token"] = refresh;
        refresh_tokens_.insert_or_assign(std::move(refresh),
                                         refresh_state{client_id, user_id, scopes, grant});
    }
    principal who;
    who.what = principal::kind::user;
    who.user_id = user_id;
    who.scopes = std::move(scopes);
    access_tokens_.insert_or_assign(
        std::move(access), access_state{std::move(who), client_id, now + access_token_lifetime_, grant});
    api_response r;
    r.body = json::serialize(body);
    return r;
}

void oauth2_server::revoke_grant(std::uint64_t grant) {
    std::erase_if(access_tokens_, [&](auto const& entry) { return entry.second.grant == grant; });
    std::erase_if(refresh_tokens_, [&](auto const& entry) { return entry.second.grant == grant; });
}

api_response oauth2_server::revoke(std::string_view authorization, std::string_view content_type,
                                   std::string_view body) {
    api_response error;
    auto const request = read_client_request(authorization, content_type, body, error);
    if (!request) {
        return error;
    }
    auto const& form = request->form;
    auto const& client_id = request->client_id;
    auto const* token = find_param(form, "token");
    if (token == nullptr) {
        return invalid_request("Missing required parameter [token].");
    }
    // RFC 7009 2.1: the hint only speeds up the search, so both kinds are looked at.
    if (auto const it = access_tokens_.find(*token);
        it != access_tokens_.end() && it->second.client_id == client_id) {
        access_tokens_.erase(it);
    }
    if (auto const it = refresh_tokens_.find(*token);
        it != refresh_tokens_.end() && it->second.client_id == client_id) {
        // RFC 7009 2.1: revoking a refresh token revokes the access tokens of the same grant too.
        revoke_grant(it->second.grant);
    }
    // RFC 7009 2.2: an unknown token is answered 200 as well; the client cannot do anything about it.
    ++stats_.revocations;
    api_response r;
    r.body = R"({"revoked":true})";
    return r;
}

principal const* oauth2_server::authenticate(std::string_view access_token, clock::time_point now) const {
    auto const it = access_tokens_.find(access_token);
    if (it == access_tokens_.end() || now >= it->second.expires) {
        return nullptr;
    }
    return &it->second.who;
}

}  // namespace twitter::emulator::detail
