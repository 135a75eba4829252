#include "emulator/auth.hpp"

#include <openssl/rand.h>

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace twitter::emulator::detail {

std::string random_token(std::size_t bytes) {
    static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::vector<unsigned char> raw(bytes);
    if (RAND_bytes(raw.data(), static_cast<int>(raw.size())) != 1) {
        throw std::runtime_error("twitter emulator: RAND_bytes failed");
    }
    std::string out;
    out.reserve((bytes * 4 + 2) / 3);
    std::size_t i = 0;
    for (; i + 3 <= raw.size(); i += 3) {
        unsigned const v = (raw[i] << 16) | (raw[i + 1] << 8) | raw[i + 2];
        out += alphabet[(v >> 18) & 63];
        out += alphabet[(v >> 12) & 63];
        out += alphabet[(v >> 6) & 63];
        out += alphabet[v & 63];
    }
    if (auto const rest = raw.size() - i; rest > 0) {
        unsigned const v = (raw[i] << 16) | (rest == 2 ? raw[i + 1] << 8 : 0);
        out += alphabet[(v >> 18) & 63];
        out += alphabet[(v >> 12) & 63];
        if (rest == 2) {
            out += alphabet[(v >> 6) & 63];
        }
    }
    return out;
}

std::string credential_store::add_app_token() {
    // X's app-only tokens open with a run of 'A's; clients that sniff the shape see the same.
    auto token = "AAAAAAAAAAAAAAAAAAAAA" + random_token();
    bearer_tokens_.emplace(token, principal{});
    return token;
}

std::string credential_store::add_user_token(std::string user_id, std::vector<std::string> scopes) {
    auto token = random_token();
    principal who;
    who.what = principal::kind::user;
    who.user_id = std::move(user_id);
    who.scopes = std::move(scopes);
    bearer_tokens_.emplace(token, std::move(who));
    return token;
}

bool credential_store::remove(std::string_view token) {
    auto const it = bearer_tokens_.find(token);
    if (it == bearer_tokens_.end()) {
        return false;
    }
    bearer_tokens_.erase(it);
    return true;
}

principal const* credential_store::authenticate(std::string_view authorization) const {
    // The scheme is case-insensitive (RFC 7235); X accepts "Bearer" and "bearer".
    constexpr std::string_view scheme = "bearer ";
    if (authorization.size() <= scheme.size() ||
        !std::equal(scheme.begin(), scheme.end(), authorization.begin(),
                    [](char a, char b) { return a == (b >= 'A' && b <= 'Z' ? b - 'A' + 'a' : b); })) {
        return nullptr;
    }
    auto const it = bearer_tokens_.find(authorization.substr(scheme.size()));
    return it == bearer_tokens_.end() ? nullptr : &it->second;
}

auth_outcome check(principal const* who, auth_requirement const& need) {
    if (who == nullptr) {
        return auth_outcome::unauthorized;
    }
    if (need.user_context && who->what != principal::kind::user) {
        return auth_outcome::app_only_refused;
    }
    if (who->oauth1) {
        return need.write && !who->can_write ? auth_outcome::oauth1_read_only : auth_outcome::ok;
    }
    if (who->what == principal::kind::user) {
        for (auto const scope : need.scopes) {
            if (std::find(who->scopes.begin(), who->scopes.end(), scope) == who->scopes.end()) {
                return auth_outcome::missing_scope;
            }
        }
    }
    return auth_outcome::ok;
}

}  // namespace twitter::emulator::detail
