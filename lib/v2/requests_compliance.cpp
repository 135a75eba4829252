// The batch compliance endpoints. Tweepy sends them with a bearer token.

#include <twitter/v2/requests.hpp>

#include "v2/requests_support.hpp"

#include <boost/json/object.hpp>

namespace twitter::v2 {

using detail::make_request;
using detail::segment;
using http::auth_mode;
using http::verb;

typed_request<std::vector<compliance_job>> get_compliance_jobs(compliance_job_type type,
                                                               compliance_jobs_params const& params) {
    auto r = make_request<std::vector<compliance_job>>(verb::get, "/2/compliance/jobs", auth_mode::bearer);
    r.http.query.push_back({"type", std::string(to_string(type))});
    detail::add(r.http.query, "status", params.status);
    return r;
}

typed_request<compliance_job> get_compliance_job(std::string id) {
    return make_request<compliance_job>(verb::get, "/2/compliance/jobs/" + segment(id, "id"),
                                        auth_mode::bearer);
}

typed_request<compliance_job> create_compliance_job(compliance_job_type type,
                                                    create_compliance_job_params const& params) {
    auto r = make_request<compliance_job>(verb::post, "/2/compliance/jobs", auth_mode::bearer);
    boost::json::object body;
    body["type"] = to_string(type);
    if (params.name) body["name"] = *params.name;
    if (params.resumable) body["resumable"] = *params.resumable;
    detail::set_json_body(r.http, body);
    return r;
}

}  // namespace twitter::v2
