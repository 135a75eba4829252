#include <twitter/api.hpp>

namespace twitter {

api::api(executor_type ex, std::shared_ptr<auth_handler> auth, client_config config)
    : client_(std::move(ex), std::move(auth), std::move(config)) {}

api::api(executor_type ex, client_credentials credentials, client_config config)
    : client_(std::move(ex), std::move(credentials), std::move(config)) {}

std::string api::v1_target(std::string_view endpoint) {
    if (endpoint.starts_with('/') || endpoint.find("://") != std::string_view::npos)
        return std::string(endpoint);
    auto const query = endpoint.find('?');
    std::string_view const path = endpoint.substr(0, query);
    std::string out = "/1.1/";
    out += path;
    if (!path.ends_with(".json")) out += ".json";
    if (query != std::string_view::npos) out += endpoint.substr(query);
    return out;
}

}  // namespace twitter
