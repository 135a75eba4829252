#include "core/oauth1.hpp"

#include "core/base64.hpp"
#include "core/digest.hpp"
#include "core/errc.hpp"
#include "core/form.hpp"
#include "core/percent_encoding.hpp"
#include "core/random.hpp"
#include "core/url.hpp"

#include <openssl/crypto.h>

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <iterator>
#include <system_error>
#include <vector>

namespace twitter::core {
namespace {

using boost::system::result;

constexpr char to_lower(char c) noexcept {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}


// Appends the base string URI of RFC 5849 section 3.4.1.2.
void append_base_uri(std::string& out, url_parts const& parts) {
    bool const https = is_https(parts);
    out += https ? "https://" : "http://";
    std::transform(parts.host.begin(), parts.host.end(), std::back_inserter(out), to_lower);
    if (parts.port != 0 && parts.port != (https ? 443u : 80u)) {
        char digits[8];
        auto const end = std::to_chars(digits, digits + sizeof digits, parts.port).ptr;
        out += ':';
        out.append(digits, end);
    }
    out += parts.path.empty() ? std::string_view{"/"} : parts.path;
}

// The normalized parameters of RFC 5849 section 3.4.1.3.2, encoded into one buffer so that signing a request
// costs a couple of allocations rather than two per parameter.
class parameter_list {
public:
    parameter_list(std::size_t bytes, std::size_t count) {
        arena_.reserve(bytes);
        entries_.reserve(count);
    }

    void add(std::string_view name, std::string_view value, bool value_encoded = false) {
        entry e;
        e.name_offset = arena_.size();
        percent_encode_to(arena_, name);
        e.value_offset = arena_.size();
        if (value_encoded)
            arena_ += value;
        else
            percent_encode_to(arena_, value);
        e.end = arena_.size();
        entries_.push_back(e);
    }

    // Section 3.4.1.3.1: a query is decoded as application/x-www-form-urlencoded, then encoded again.
    result<void> add_query(std::string_view query) {
        result<void> status;
        for_each_raw_pair(query, [&](raw_pair const& raw) {
            if (!status) return;
            scratch_name_.clear();
            scratch_value_.clear();
            status = form_decode_to(scratch_name_, raw.name);
            if (status) status = form_decode_to(scratch_value_, raw.value);
            if (status) add(scratch_name_, scratch_value_);
        });
        return status;
    }

    // Section 3.4.1.3.2: sort by encoded name, then by encoded value, comparing bytes.
    void sort() {
        std::sort(entries_.begin(), entries_.end(), [this](entry const& a, entry const& b) {
            auto const an = name(a), bn = name(b);
            return an != bn ? an < bn : value(a) < value(b);
        });
    }

    // Appends enc(name=value&...), the third part of the base string.
    void append_encoded(std::string& out) const {
        bool first = true;
        for (auto const& e : entries_) {
            if (!first) out += "%26";
            first = false;
            percent_encode_to(out, name(e));
            out += "%3D";
            percent_encode_to(out, value(e));
        }
    }

private:
    struct entry {
        std::size_t name_offset;
        std::size_t value_offset;
        std::size_t end;
    };

    std::string_view name(entry const& e) const noexcept {
        return std::string_view(arena_).substr(e.name_offset, e.value_offset - e.name_offset);
    }
    std::string_view value(entry const& e) const noexcept {
        return std::string_view(arena_).substr(e.value_offset, e.end - e.value_offset);
    }

    std::string arena_;
    std::vector<entry> entries_;
    std::string scratch_name_;
    std::string scratch_value_;
};

struct field {
    std::string_view name;
    std::string_view value;
    bool value_encoded = false;  // the signer keeps its consumer key and token percent-encoded already
};

std::size_t raw_size(std::span<param const> params) noexcept {
    std::size_t n = 0;
    for (auto const& p : params) n += p.name.size() + p.value.size();
    return n;
}

// Builds the whole base string; `protocol` is the oauth_* set to sign (no realm, no oauth_signature).
result<std::string> build_base_string(std::string_view method, std::string_view url,
                                      std::span<param const> query, std::span<param const> form,
                                      std::span<field const> protocol) {
    // Section 3.4.1.1: the method in uppercase. Letters only, so it cannot smuggle in an '&'.
    if (method.empty() || !std::all_of(method.begin(), method.end(), [](char c) {
            return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        }))
        return core_errc::invalid_argument;
    auto parts = split_url(url);
    if (!parts) return parts.error();

    std::size_t raw = parts->query.size() + raw_size(query) + raw_size(form);
    for (auto const& f : protocol) raw += f.name.size() + f.value.size();
    std::size_t const count =
        query.size() + form.size() + protocol.size() +
        static_cast<std::size_t>(std::count(parts->query.begin(), parts->query.end(), '&')) + 1;
    parameter_list params(raw + raw / 2, count);
    if (auto r = params.add_query(parts->query); !r) return r.error();
    for (auto const& p : query) params.add(p.name, p.value);
    for (auto const& p : form) params.add(p.name, p.value);
    for (auto const& f : protocol) params.add(f.name, f.value, f.value_encoded);
    params.sort();

    std::string uri;
    uri.reserve(url.size());
    append_base_uri(uri, *parts);

    std::string out;
    out.reserve(method.size() + 2 + uri.size() * 3 + (raw + raw / 2 + 2 * count) * 2);
    std::transform(method.begin(), method.end(), std::back_inserter(out),
                   [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; });
    out += '&';
    percent_encode_to(out, uri);
    out += '&';
    params.append_encoded(out);
    return out;
}

constexpr std::string_view alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

}  // namespace

result<std::string> base_string_uri(std::string_view url) {
    auto parts = split_url(url);
    if (!parts) return parts.error();
    std::string out;
    append_base_uri(out, *parts);
    return out;
}

result<std::string> signature_base_string(std::string_view method, std::string_view url,
                                          std::span<param const> query, std::span<param const> form,
                                          std::span<param const> protocol) {
    std::vector<field> fields;
    fields.reserve(protocol.size());
    for (auto const& p : protocol) {
        if (p.name != "realm" && p.name != "oauth_signature") fields.push_back({p.name, p.value});
    }
    return build_base_string(method, url, query, form, fields);
}

std::string signing_key(std::string_view consumer_secret, std::string_view token_secret) {
    std::string key;
    key.reserve((consumer_secret.size() + token_secret.size()) * 3 + 1);
    percent_encode_to(key, consumer_secret);
    key += '&';
    percent_encode_to(key, token_secret);
    return key;
}

result<std::string> hmac_sha1_signature(std::string_view key, std::string_view base_string) {
    auto digest = hmac_sha1(key, base_string);
    if (!digest) return digest.error();
    return base64_encode(*digest);
}

result<oauth1_nonce> oauth1_nonce::generate() {
    oauth1_nonce nonce;
    std::size_t filled = 0;
    // Rejection sampling keeps every character uniform: bytes >= 248 (4 * 62) are skipped, about 3% of them.
    std::array<unsigned char, size + 8> pool;
    while (filled < size) {
        if (auto r = public_random_bytes(pool); !r) return r.error();
        for (auto const b : pool) {
            if (b >= 4 * alphanumerics.size()) continue;
            nonce.chars_[filled++] = alphanumerics[b % alphanumerics.size()];
            if (filled == size) break;
        }
    }
    return nonce;
}

oauth1_signer::oauth1_signer(std::string_view consumer_key, std::string_view consumer_secret,
                             std::string_view token, std::string_view token_secret)
    : consumer_key_(percent_encode(consumer_key)),
      token_(percent_encode(token)),
      signing_key_(signing_key(consumer_secret, token_secret)) {
    // RFC 2104 section 2: a key longer than SHA-1's 64-byte block is replaced by its hash inside HMAC anyway.
    // Doing that once here saves hashing it on every request; X's keys (two ~45 character secrets) always
    // are.
    if (signing_key_.size() > 64) {
        if (auto hashed = sha1(signing_key_)) {
            OPENSSL_cleanse(signing_key_.data(), signing_key_.size());
            signing_key_.assign(hashed->begin(), hashed->end());
        }
    }
}

result<std::string> oauth1_signer::authorization_header(
    std::string_view method, std::string_view url, std::span<param const> query, std::span<param const> form,
    oauth1_request_params const& extra, std::string_view nonce, std::int64_t timestamp) const {
    char timestamp_digits[24];
    auto const timestamp_end =
        std::to_chars(timestamp_digits, timestamp_digits + sizeof timestamp_digits, timestamp).ptr;
    std::string_view const timestamp_text(timestamp_digits,
                                          static_cast<std::size_t>(timestamp_end - timestamp_digits));

    // Alphabetical, which is the order X documents for the header (RFC 5849 section 3.5.1 allows any);
    // oauth_signature goes in before oauth_signature_method.
    std::array<field, 8> fields;
    std::size_t n = 0;
    if (!extra.callback.empty()) fields[n++] = {"oauth_callback", extra.callback};
    fields[n++] = {"oauth_consumer_key", consumer_key_, true};
    fields[n++] = {"oauth_nonce", nonce};
    std::size_t const signature_at = n;
    fields[n++] = {"oauth_signature_method", "HMAC-SHA1"};
    fields[n++] = {"oauth_timestamp", timestamp_text};
    if (!token_.empty()) fields[n++] = {"oauth_token", token_, true};
    if (!extra.verifier.empty()) fields[n++] = {"oauth_verifier", extra.verifier};
    fields[n++] = {"oauth_version", "1.0"};

    auto base = build_base_string(method, url, query, form, std::span<field const>(fields.data(), n));
    if (!base) return base.error();
    auto signature = hmac_sha1_signature(signing_key_, *base);
    if (!signature) return signature.error();

    std::string header;
    header.reserve(256 + extra.callback.size() * 3 + extra.verifier.size() * 3);
    header += "OAuth ";
    auto const append = [&header](field const& f) {
        if (header.size() > 6) header += ", ";
        header += f.name;
        header += "=\"";
        if (f.value_encoded)
            header += f.value;
        else
            percent_encode_to(header, f.value);
        header += '"';
    };
    for (std::size_t i = 0; i < n; ++i) {
        if (i == signature_at) append({"oauth_signature", *signature});
        append(fields[i]);
    }
    return header;
}

}  // namespace twitter::core
