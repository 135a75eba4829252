#include "emulator/api_errors.hpp"
#include "emulator/endpoint.hpp"

#include <boost/json/object.hpp>

namespace twitter::emulator::detail {

namespace {
api_response verify_credentials(call& c) {
    auto const u = c.w.user(c.me());
    boost::json::object body;
    body["id"] = u->id;
    body["id_str"] = std::to_string(u->id);
    body["name"] = u->name;
    body["screen_name"] = u->username;
    return make_json(200, body);
}
}  // namespace

std::vector<route> v1_status_routes() { return {}; }
std::vector<route> v1_user_routes() { return {}; }
std::vector<route> v1_list_routes() { return {}; }
std::vector<route> v1_misc_routes() {
    return {{"GET", "/1.1/account/verify_credentials.json", verify_credentials, access::user, {}, false, 75}};
}

}  // namespace twitter::emulator::detail
