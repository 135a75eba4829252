#include "http/tls_context.hpp"

#include <boost/asio/buffer.hpp>
#include <boost/asio/ssl/context.hpp>

namespace twitter::detail {

namespace ssl = boost::asio::ssl;

tls_context::tls_context(std::unique_ptr<ssl::context> ctx) : ctx_(std::move(ctx)) {}
tls_context::~tls_context() = default;

std::shared_ptr<tls_context> tls_context::make(tls_params const& params, error_code& ec, diagnostics* diag) {
    auto ctx = std::make_unique<ssl::context>(ssl::context::tls_client);
    ctx->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                     ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 | ssl::context::no_compression);
    ctx->set_verify_mode(ssl::verify_peer);

    auto fail = [&](char const* what) -> std::shared_ptr<tls_context> {
        ec = client_errc::invalid_argument;
        if (diag) diag->message = what;
        return nullptr;
    };
    error_code load_ec;
    if (params.use_system_roots) ctx->set_default_verify_paths(load_ec);
    if (load_ec) return fail("the system's trusted roots could not be loaded");
    if (!params.ca_file.empty()) ctx->load_verify_file(params.ca_file, load_ec);
    if (load_ec) return fail("the CA file could not be loaded");
    if (!params.ca_pem.empty()) ctx->add_certificate_authority(boost::asio::buffer(params.ca_pem), load_ec);
    if (load_ec) return fail("the CA PEM could not be parsed");
    ec = {};
    return std::shared_ptr<tls_context>(new tls_context(std::move(ctx)));
}

}  // namespace twitter::detail
