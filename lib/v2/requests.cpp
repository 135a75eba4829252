#include <twitter/v2/requests.hpp>

#include "core/percent_encoding.hpp"

namespace twitter::v2 {

typed_request<tweet> get_tweet(std::string id, fields_params const& fields) {
    typed_request<tweet> r;
    r.http.target = "/2/tweets/" + core::percent_encode(id);
    append_query(r.http.query, fields);
    return r;
}

}  // namespace twitter::v2
