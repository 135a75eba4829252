#include "emulator/oauth1_verifier.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <array>
#include <charconv>

namespace twitter::emulator::detail {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t'; }

std::string_view trim_left(std::string_view s) {
    while (!s.empty() && is_space(s.front())) {
        s.remove_prefix(1);
    }
    return s;
}

std::string lowercase(std::string_view s) {
    std::string out(s);
    for (auto& c : out) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return out;
}

std::optional<std::int64_t> parse_timestamp(std::string_view s) {
    std::int64_t value = 0;
    if (s.empty() || s.size() > 18 ||
        !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return std::nullopt;
    }
    std::from_chars(s.data(), s.data() + s.size(), value);
    return value;
}

bool is_form(std::string_view content_type) {
    auto const semicolon = content_type.find(';');
    auto media = content_type.substr(0, semicolon);
    while (!media.empty() && is_space(media.back())) {
        media.remove_suffix(1);
    }
    return lowercase(trim_left(media)) == "application/x-www-form-urlencoded";
}

}  // namespace

bool is_oauth1(std::string_view authorization) { return starts_with_icase(authorization, "oauth "); }

std::optional<param_list> parse_oauth_header(std::string_view authorization) {
    if (!is_oauth1(authorization)) {
        return std::nullopt;
    }
    param_list out;
    auto rest = authorization.substr(6);
    for (;;) {
        rest = trim_left(rest);
        auto const eq = rest.find('=');
        if (eq == std::string_view::npos || eq == 0 || eq + 1 >= rest.size() || rest[eq + 1] != '"') {
            return std::nullopt;
        }
        auto const close = rest.find('"', eq + 2);
        if (close == std::string_view::npos) {
            return std::nullopt;
        }
        // RFC 5849 3.5.1: names and values are percent-encoded; '+' is not a space here.
        auto name = percent_decode(rest.substr(0, eq), false);
        auto value = percent_decode(rest.substr(eq + 2, close - eq - 2), false);
        if (!name || !value || find_param(out, *name) != nullptr) {
            return std::nullopt;
        }
        out.push_back({std::move(*name), std::move(*value)});
        rest = trim_left(rest.substr(close + 1));
        if (rest.empty()) {
            return out;
        }
        if (rest.front() != ',') {
            return std::nullopt;
        }
        rest.remove_prefix(1);
    }
}

std::string base_string_uri(std::string_view scheme, std::string_view host, std::string_view path) {
    auto const s = lowercase(scheme);
    auto h = lowercase(host);
    // The port follows the last ':' unless that ':' sits inside an IPv6 literal's brackets.
    auto const colon = h.rfind(':');
    if (colon != std::string::npos && h.find(']', colon) == std::string::npos) {
        auto const port = std::string_view(h).substr(colon + 1);
        if ((s == "http" && port == "80") || (s == "https" && port == "443")) {
            h.resize(colon);
        }
    }
    return s + "://" + h + std::string(path);
}

std::optional<std::string> signature_base_string(received_request const& req, param_list const& header) {
    auto const q = req.target.find('?');
    auto const path = req.target.substr(0, q);
    auto const query = q == std::string_view::npos ? std::string_view{} : req.target.substr(q + 1);

    // RFC 5849 3.4.1.3.1: the query, the form body and the header, each decoded.
    auto params = parse_form(query);
    if (!params) {
        return std::nullopt;
    }
    if (is_form(req.content_type)) {
        auto body = parse_form(req.body);
        if (!body) {
            return std::nullopt;
        }
        params->insert(params->end(), body->begin(), body->end());
    }
    for (auto const& p : header) {
        if (p.name != "realm") {
            params->push_back(p);
        }
    }
    // RFC 5849 3.4.1.3.2: encode, drop oauth_signature, sort by name then value, join.
    std::vector<param> encoded;
    encoded.reserve(params->size());
    for (auto const& p : *params) {
        if (p.name != "oauth_signature") {
            encoded.push_back({percent_encode(p.name), percent_encode(p.value)});
        }
    }
    std::sort(encoded.begin(), encoded.end(), [](param const& a, param const& b) {
        return std::tie(a.name, a.value) < std::tie(b.name, b.value);
    });
    std::string normalized;
    for (auto const& p : encoded) {
        if (!normalized.empty()) {
            normalized += '&';
        }
        normalized.append(p.name).append("=").append(p.value);
    }
    // RFC 5849 3.4.1.1: the method is uppercase; each part is encoded and joined with '&'.
    std::string method(req.method);
    for (auto& c : method) {
        if (c >= 'a' && c <= 'z') {
            c = static_cast<char>(c - 'a' + 'A');
        }
    }
    return percent_encode(method) + '&' + percent_encode(base_string_uri(req.scheme, req.host, path)) + '&' +
           percent_encode(normalized);
}

std::string hmac_sha1_signature(std::string_view base_string, std::string_view consumer_secret,
                                std::string_view token_secret) {
    auto const key = percent_encode(consumer_secret) + '&' + percent_encode(token_secret);
    std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
    unsigned int size = 0;
    HMAC(EVP_sha1(), key.data(), static_cast<int>(key.size()),
         reinterpret_cast<unsigned char const*>(base_string.data()), base_string.size(), mac.data(), &size);
    return base64_encode(std::span(mac.data(), size));
}

oauth1_verdict oauth1_verifier::verify(received_request const& req, param_list const& header,
                                       std::string_view consumer_secret, std::string_view token_secret,
                                       clock::time_point now) {
    auto const* key = find_param(header, "oauth_consumer_key");
    auto const* signature = find_param(header, "oauth_signature");
    auto const* method = find_param(header, "oauth_signature_method");
    auto const* timestamp = find_param(header, "oauth_timestamp");
    auto const* nonce = find_param(header, "oauth_nonce");
    auto const* version = find_param(header, "oauth_version");
    // RFC 5849 3.1: oauth_version is optional and, when present, "1.0".
    if (key == nullptr || signature == nullptr || method == nullptr || timestamp == nullptr ||
        nonce == nullptr || nonce->empty() || *method != "HMAC-SHA1" ||
        (version != nullptr && *version != "1.0")) {
        return oauth1_verdict::malformed;
    }
    auto const ts = parse_timestamp(*timestamp);
    if (!ts) {
        return oauth1_verdict::malformed;
    }
    auto const base = signature_base_string(req, header);
    if (!base) {
        return oauth1_verdict::malformed;
    }
    if (!constant_time_equal(hmac_sha1_signature(*base, consumer_secret, token_secret), *signature)) {
        return oauth1_verdict::bad_signature;
    }
    auto const now_s = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
    if (*ts < now_s - window_.count() || *ts > now_s + window_.count()) {
        return oauth1_verdict::stale_timestamp;
    }
    // Entries older than the window can never match again: their timestamps are refused above.
    seen_.erase(seen_.begin(),
                seen_.lower_bound(std::make_tuple(now_s - window_.count(), std::string{}, std::string{})));
    if (!seen_.emplace(*ts, *key, *nonce).second) {
        return oauth1_verdict::replayed_nonce;
    }
    return oauth1_verdict::ok;
}

}  // namespace twitter::emulator::detail
