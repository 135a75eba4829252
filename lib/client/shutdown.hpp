#ifndef TWITTER_LIB_CLIENT_SHUTDOWN_HPP
#define TWITTER_LIB_CLIENT_SHUTDOWN_HPP

#include "client/client_impl.hpp"

#include <memory>

namespace twitter::detail {

// What destroying a client does: no new operations, every one in flight cancelled (operation_aborted), the
// pooled connections closed. Returns at once; the operations end on their strands.
void abandon(std::shared_ptr<client_impl> const& impl);

}  // namespace twitter::detail

#endif
