#include <twitter/exception.hpp>

#include <ostream>
#include <sstream>

namespace twitter {
namespace {

std::string describe(diagnostics const& diag) {
    std::ostringstream os;
    os << diag;
    return os.str();
}

template <class Exception>
std::exception_ptr make(error_code const& ec, diagnostics const& diag) {
    return std::make_exception_ptr(Exception(ec, diag));
}

}  // namespace

error::error(error_code ec, diagnostics diag) : system_error(ec, describe(diag)), diag_(std::move(diag)) {}

std::exception_ptr make_exception_ptr(error_code const& ec, diagnostics const& diag) {
    if (!ec) return nullptr;
    if (ec.category() != api_category()) return make<error>(ec, diag);
    switch (static_cast<api_errc>(ec.value())) {
        case api_errc::bad_request: return make<bad_request>(ec, diag);
        case api_errc::unauthorized: return make<unauthorized>(ec, diag);
        case api_errc::forbidden: return make<forbidden>(ec, diag);
        case api_errc::not_found: return make<not_found>(ec, diag);
        case api_errc::too_many_requests: return make<too_many_requests>(ec, diag);
        case api_errc::server_error: return make<server_error>(ec, diag);
        case api_errc::unexpected_status: break;
    }
    return make<http_error>(ec, diag);
}

void throw_on_error(error_code const& ec, diagnostics const& diag) {
    if (ec) std::rethrow_exception(make_exception_ptr(ec, diag));
}

std::ostream& operator<<(std::ostream& os, diagnostics const& d) {
    char const* sep = "";
    if (d.http_status != 0) {
        os << "HTTP " << d.http_status;
        sep = ": ";
    }
    if (!d.message.empty()) {
        os << sep << d.message;
        sep = "; ";
    }
    for (api_error const& e : d.errors) {
        os << sep;
        if (e.code) os << '[' << *e.code << "] ";
        if (!e.title.empty()) os << e.title << (e.detail.empty() ? "" : ": ");
        os << e.detail;
        sep = "; ";
    }
    return os;
}

}  // namespace twitter
