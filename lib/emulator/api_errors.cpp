#include "emulator/api_errors.hpp"

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/string.hpp>

namespace twitter::emulator::detail {

namespace json = boost::json;

api_response make(unsigned status, std::string body) {
    api_response r;
    r.status = status;
    r.body = std::move(body);
    return r;
}

api_response make_json(unsigned status, json::value const& body) {
    return make(status, json::serialize(body));
}

api_response unsupported_authentication(std::string_view used, std::string_view supported) {
    std::string detail = "Authenticating with ";
    detail.append(used)
        .append(" is forbidden for this endpoint.  Supported authentication types are [")
        .append(supported)
        .append("].");
    json::object body;
    body["title"] = "Unsupported Authentication";
    body["detail"] = detail;
    body["type"] = "https://api.twitter.com/2/problems/unsupported-authentication";
    body["status"] = 403;
    return make_json(403, body);
}

api_response not_the_authenticated_user() {
    return make(403, R"({"title":"Forbidden","type":"about:blank","status":403,)"
                     R"("detail":"You are not allowed to act on behalf of this user."})");
}

api_response invalid_request(json::object error) {
    json::object body;
    body["errors"] = json::array{std::move(error)};
    body["title"] = "Invalid Request";
    body["detail"] = "One or more parameters to your request was invalid.";
    body["type"] = "https://api.twitter.com/2/problems/invalid-request";
    return make_json(400, body);
}

namespace {

json::object parameter_error(std::string_view name, std::string_view value, std::string message) {
    json::object error;
    error["parameters"] = json::object{{name, json::array{json::string(value)}}};
    error["message"] = std::move(message);
    return error;
}

}  // namespace

api_response invalid_parameter(std::string_view name, std::string_view value) {
    std::string message = "The `";
    message.append(name).append("` query parameter value [").append(value).append("] is not valid");
    return invalid_request(parameter_error(name, value, std::move(message)));
}

api_response out_of_range(std::string_view name, std::string_view value, std::size_t lo, std::size_t hi) {
    std::string message = "The `";
    message.append(name)
        .append("` query parameter value [")
        .append(value)
        .append("] is not between ")
        .append(std::to_string(lo))
        .append(" and ")
        .append(std::to_string(hi));
    return invalid_request(parameter_error(name, value, std::move(message)));
}

api_response missing_parameter(std::string_view name) {
    json::object error;
    error["parameters"] = json::object{{name, json::array{}}};
    std::string message = "The `";
    message.append(name).append("` query parameter can not be empty");
    error["message"] = std::move(message);
    return invalid_request(std::move(error));
}

api_response invalid_body(std::string_view message) {
    json::object error;
    error["message"] = message;
    return invalid_request(std::move(error));
}

json::object not_found_error(std::string_view resource_type, std::string_view parameter,
                             std::string_view value) {
    std::string detail = "Could not find ";
    detail.append(resource_type).append(" with ").append(parameter).append(": [").append(value).append("].");
    return {{"value", value},
            {"detail", detail},
            {"title", "Not Found Error"},
            {"resource_type", resource_type},
            {"parameter", parameter},
            {"resource_id", value},
            {"type", "https://api.twitter.com/2/problems/resource-not-found"}};
}

}  // namespace twitter::emulator::detail
