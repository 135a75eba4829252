#include <twitter/auth/oauth2_token.hpp>
#include <twitter/auth/oauth2_user_handler.hpp>

#include "core/form.hpp"

#include <charconv>
#include <ostream>

namespace twitter {
namespace {

// Both records are one line of application/x-www-form-urlencoded text: self-delimiting, and safe in a file.
std::string const* find(std::vector<param> const& params, std::string_view name) {
    for (param const& p : params)
        if (p.name == name) return &p.value;
    return nullptr;
}

std::string join(std::vector<std::string> const& words) {
    std::string out;
    for (auto const& w : words) out += (out.empty() ? "" : " ") + w;
    return out;
}

std::vector<std::string> split(std::string_view text) {
    std::vector<std::string> words;
    while (!text.empty()) {
        auto const space = text.find(' ');
        if (space != 0) words.emplace_back(text.substr(0, space));
        text = space == std::string_view::npos ? std::string_view() : text.substr(space + 1);
    }
    return words;
}

}  // namespace

std::string oauth2_token::serialize() const {
    auto const seconds =
        std::chrono::duration_cast<std::chrono::seconds>(expires_at.time_since_epoch()).count();
    std::vector<param> const fields{{"access_token", access_token}, {"refresh_token", refresh_token},
                                    {"token_type", token_type},     {"scope", scope},
                                    {"expires_at", std::to_string(seconds)}};
    return core::encode_params(fields);
}

bool oauth2_token::deserialize(std::string_view text, oauth2_token& out) {
    auto fields = core::parse_form(text);
    if (!fields) return false;
    std::string const* access = find(*fields, "access_token");
    std::string const* expires = find(*fields, "expires_at");
    if (!access || access->empty() || !expires) return false;
    std::int64_t seconds = 0;
    auto const [end, ec] = std::from_chars(expires->data(), expires->data() + expires->size(), seconds);
    if (ec != std::errc{} || end != expires->data() + expires->size() || seconds < 0) return false;

    oauth2_token token;
    token.access_token = *access;
    if (auto const* v = find(*fields, "refresh_token")) token.refresh_token = *v;
    if (auto const* v = find(*fields, "token_type")) token.token_type = *v;
    if (auto const* v = find(*fields, "scope")) token.scope = *v;
    token.expires_at = std::chrono::system_clock::time_point(std::chrono::seconds(seconds));
    out = std::move(token);
    return true;
}

std::ostream& operator<<(std::ostream& os, oauth2_token const& t) {
    auto const seconds = std::chrono::duration_cast<std::chrono::seconds>(t.expires_at.time_since_epoch()).count();
    return os << "oauth2_token{access_token=" << (t.access_token.empty() ? "<none>" : "<redacted>")
              << ", refresh_token=" << (t.refresh_token.empty() ? "<none>" : "<redacted>")
              << ", token_type=" << t.token_type << ", scope=\"" << t.scope << "\", expires_at=" << seconds << '}';
}

std::string pkce_session::serialize() const {
    std::vector<param> const fields{{"state", state},
                                    {"code_verifier", code_verifier},
                                    {"redirect_uri", redirect_uri},
                                    {"scope", join(scope)}};
    return core::encode_params(fields);
}

bool pkce_session::deserialize(std::string_view text, pkce_session& out) {
    auto fields = core::parse_form(text);
    if (!fields) return false;
    std::string const* s = find(*fields, "state");
    std::string const* v = find(*fields, "code_verifier");
    std::string const* r = find(*fields, "redirect_uri");
    if (!s || !v || !r || s->empty() || v->empty() || r->empty()) return false;
    std::string const* scope = find(*fields, "scope");
    out = {*s, *v, *r, scope ? split(*scope) : std::vector<std::string>{}};
    return true;
}

std::ostream& operator<<(std::ostream& os, pkce_session const& s) {
    return os << "pkce_session{state=<redacted>, code_verifier=<redacted>, redirect_uri=" << s.redirect_uri
              << ", scope=\"" << join(s.scope) << "\"}";
}

}  // namespace twitter
