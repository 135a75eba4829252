#include "core/errc.hpp"

#include <string>

namespace twitter::core {
namespace {

class core_category_impl final : public boost::system::error_category {
public:
    // A fixed id lets codes compare equal across shared-library copies of the category.
    core_category_impl() noexcept : error_category(0x7477'6974'636f'7265ULL) {}

    char const* name() const noexcept override { return "twitter.core"; }

    std::string message(int ev) const override { return message(ev, nullptr, 0); }

    char const* message(int ev, char*, std::size_t) const noexcept override {
        switch (static_cast<core_errc>(ev)) {
            case core_errc::bad_percent_escape:
                return "malformed percent escape";
            case core_errc::bad_base64:
                return "malformed base64";
            case core_errc::invalid_url:
                return "URL is not an absolute http or https URL";
            case core_errc::invalid_argument:
                return "invalid argument";
            case core_errc::invalid_code_verifier:
                return "PKCE code verifier is not 43 to 128 unreserved characters";
            case core_errc::random_failure:
                return "random number generator failed";
            case core_errc::crypto_failure:
                return "cryptographic primitive failed";
        }
        return "unknown twitter.core error";
    }
};

}  // namespace

boost::system::error_category const& core_category() noexcept {
    static core_category_impl const category;
    return category;
}

}  // namespace twitter::core
