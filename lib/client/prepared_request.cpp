#include "client/prepared_request.hpp"

#include "core/form.hpp"
#include "http/url.hpp"

namespace twitter::detail {

error_code prepare_request(http::request const& req, client_config const& config, prepared_request& out,
                           diagnostics* diag) {
    auto fail = [&](error_code ec, char const* why) {
        if (diag) diag->message = why;
        return ec;
    };
    if (req.target.empty()) return fail(client_errc::invalid_url, "the request has no target");

    parsed_url url;
    std::string_view api = config.hosts.api;
    if (api.ends_with('/')) api.remove_suffix(1);
    std::string const absolute = req.target.starts_with('/') ? std::string(api) + req.target : req.target;
    if (parse_url(absolute, url)) return fail(client_errc::invalid_url, "the request URL is malformed");
    if (!url.where.tls && !(config.allow_plaintext_loopback && is_loopback_host(url.where.host)))
        return fail(client_errc::insecure_scheme_refused, "plaintext http:// is refused for this host");

    auto own_query = core::parse_form(url.query);
    if (!own_query) return fail(client_errc::invalid_url, "the request URL has a malformed query");
    out.query = std::move(*own_query);
    out.query.insert(out.query.end(), req.query.begin(), req.query.end());

    out.where = std::move(url.where);
    out.url = out.where.scheme() + "://" + out.where.authority() + url.path;
    out.target = std::move(url.path);
    if (!out.query.empty()) {
        out.target += '?';
        out.target += core::encode_params(out.query);
    }

    switch (req.kind) {
        case http::body_kind::none:
            out.body.clear();
            out.content_type.clear();
            break;
        case http::body_kind::json:
            out.body = req.body;
            out.content_type = "application/json";
            break;
        case http::body_kind::form:
            out.body = core::encode_params(req.form);
            out.content_type = "application/x-www-form-urlencoded";
            break;
        case http::body_kind::raw:
            if (req.content_type.empty())
                return fail(client_errc::invalid_argument, "a raw body needs a content type");
            out.body = req.body;
            out.content_type = req.content_type;
            break;
    }
    return {};
}

}  // namespace twitter::detail
