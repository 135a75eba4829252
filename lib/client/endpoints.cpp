#include <twitter/client_config.hpp>

namespace twitter {

endpoints endpoints::at(std::string_view base_url) {
    std::string base(base_url);
    while (base.ends_with('/')) base.pop_back();
    return {base, base, base + "/i/oauth2/authorize"};
}

}  // namespace twitter
