#ifndef TWITTER_V2_TYPED_REQUEST_HPP
#define TWITTER_V2_TYPED_REQUEST_HPP

#include <twitter/http/request.hpp>
#include <twitter/v2/pagination.hpp>

#include <optional>

namespace twitter::v2 {

// A request to a v2 endpoint, typed by what its answer parses into: `response<T>`. The endpoint functions
// of <twitter/v2/requests.hpp> build them; `client::async_call` sends them, and `paginator` walks the ones
// that paginate. A target may hold the placeholder "{me}", which the client replaces with the id of the
// authenticated user (looked up once, then cached).
template <class T>
struct typed_request {
    http::request http;
    // Set for the endpoints that paginate: the query parameter that carries the cursor.
    std::optional<token_param> pagination;
};

}  // namespace twitter::v2

#endif
