#include "emulator/router.hpp"

#include "emulator/encoding.hpp"

#include <algorithm>

namespace twitter::emulator::detail {

namespace {

std::vector<route> authorization_routes() {
    auto const auth = [](std::string_view method, std::string_view pattern, route_id id) {
        route r;
        r.method = method;
        r.pattern = pattern;
        r.id = id;
        return r;
    };
    return {
        auth("POST", "/oauth/request_token", route_id::request_token),
        auth("GET", "/oauth/authorize", route_id::oauth1_authorize),
        auth("GET", "/oauth/authenticate", route_id::oauth1_authorize),
        auth("POST", "/oauth/access_token", route_id::access_token),
        auth("POST", "/oauth2/token", route_id::app_token),
        auth("POST", "/oauth2/invalidate_token", route_id::invalidate_token),
        auth("GET", "/i/oauth2/authorize", route_id::oauth2_authorize),
        auth("POST", "/2/oauth2/token", route_id::oauth2_token),
        auth("POST", "/2/oauth2/revoke", route_id::oauth2_revoke),
    };
}

// Compares segment by segment; a ":name" segment matches any non-empty segment and captures it, and
// ":name.json" matches a segment that ends in ".json" and captures what comes before.
bool match_pattern(std::string_view pattern, std::string_view path, std::array<std::string_view, 2>& params,
                   std::size_t& captured) {
    captured = 0;
    while (!pattern.empty() && !path.empty()) {
        auto const p_end = pattern.find('/', 1);
        auto const s_end = path.find('/', 1);
        auto const p_seg = pattern.substr(0, p_end);
        auto const s_seg = path.substr(0, s_end);
        if (p_seg.size() > 1 && p_seg[1] == ':') {
            auto value = s_seg.substr(1);
            if (auto const dot = p_seg.find('.'); dot != std::string_view::npos) {
                auto const suffix = p_seg.substr(dot);
                if (!value.ends_with(suffix)) {
                    return false;
                }
                value.remove_suffix(suffix.size());
            }
            if (value.empty() || captured == params.size()) {
                return false;
            }
            params[captured++] = value;
        } else if (p_seg != s_seg) {
            return false;
        }
        pattern.remove_prefix(p_seg.size());
        path.remove_prefix(s_seg.size());
    }
    return pattern.empty() && path.empty();
}

// Query values as a form decodes them; a malformed escape is kept as written, as a lenient server would.
std::string decode(std::string_view s) { return percent_decode(s, true).value_or(std::string(s)); }

}  // namespace

std::vector<named_route> const& all_routes() {
    static std::vector<named_route> const table = [] {
        std::vector<named_route> out;
        for (auto const& group :
             {authorization_routes(), v2_tweet_routes(), v2_search_routes(), v2_user_routes(),
              v2_list_routes(), v2_space_dm_compliance_routes(), v2_stream_routes(), media_routes(),
              v1_status_routes(), v1_user_routes(), v1_list_routes(), v1_misc_routes()}) {
            for (auto const& r : group) {
                out.push_back({r, std::string(r.method) + " " + std::string(r.pattern)});
            }
        }
        return out;
    }();
    return table;
}

std::optional<route_match> match_route(std::string_view method, std::string_view path) {
    std::optional<route_match> best;
    std::size_t best_captured = 0;
    for (auto const& entry : all_routes()) {
        auto const& r = entry.r;
        std::array<std::string_view, 2> params{};
        std::size_t captured = 0;
        if (r.method != method || !match_pattern(r.pattern, path, params, captured)) {
            continue;
        }
        if (!best || captured < best_captured) {
            route_match m;
            m.r = &r;
            m.id = r.id;
            m.endpoint = entry.name;
            m.family = r.family.empty() ? std::string_view(entry.name) : r.family;
            m.params = params;
            m.param = params[0];
            best = m;
            best_captured = captured;
        }
    }
    return best;
}

bool is_authorization_endpoint(route_id id) { return id != route_id::api; }

split_target split(std::string_view target) {
    auto const q = target.find('?');
    if (q == std::string_view::npos) {
        return {target, {}};
    }
    return {target.substr(0, q), target.substr(q + 1)};
}

std::optional<std::string> query_param(std::string_view query, std::string_view name) {
    while (!query.empty()) {
        auto const amp = query.find('&');
        auto const pair = query.substr(0, amp);
        auto const eq = pair.find('=');
        if (decode(pair.substr(0, eq)) == name) {
            return eq == std::string_view::npos ? std::string{} : decode(pair.substr(eq + 1));
        }
        if (amp == std::string_view::npos) {
            break;
        }
        query.remove_prefix(amp + 1);
    }
    return std::nullopt;
}

param_list query_params(std::string_view query) {
    param_list out;
    while (!query.empty()) {
        auto const amp = query.find('&');
        auto const pair = query.substr(0, amp);
        if (!pair.empty()) {
            auto const eq = pair.find('=');
            out.push_back({decode(pair.substr(0, eq)),
                           eq == std::string_view::npos ? std::string{} : decode(pair.substr(eq + 1))});
        }
        if (amp == std::string_view::npos) {
            break;
        }
        query.remove_prefix(amp + 1);
    }
    return out;
}

}  // namespace twitter::emulator::detail
