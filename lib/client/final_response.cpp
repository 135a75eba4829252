#include "client/final_response.hpp"

#include "core/api_errors.hpp"
#include "core/json_validation.hpp"

namespace twitter::detail {

namespace {

bool is_json(http::response const& res) {
    auto const type = res.find_header("content-type");
    return type && (type->starts_with("application/json") || type->find("+json") != std::string_view::npos);
}

}  // namespace

error_code check_final_response(http::response const& res, rate_limits limits, diagnostics& diag) {
    diag.http_status = res.status;
    diag.limits = std::move(limits);
    if (error_code status_ec = error_for_status(res.status)) {
        diag.errors = core::parse_api_errors(res.body);
        return status_ec;
    }
    if (res.status >= 300) {
        diag.message = "redirects are not followed";
        return api_errc::unexpected_status;
    }
    if (is_json(res) && !core::is_valid_json(res.body)) {
        diag.message = "the response declares JSON but its body does not parse";
        return protocol_errc::malformed_json;
    }
    return {};
}

}  // namespace twitter::detail
