#include <twitter/auth/handler.hpp>

namespace twitter {

void auth_handler::async_recover(std::uint64_t, recover_handler handler) {
    std::move(handler)(api_errc::unauthorized);
}

}  // namespace twitter
