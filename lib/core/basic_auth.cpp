#include "core/basic_auth.hpp"

#include "core/base64.hpp"
#include "core/percent_encoding.hpp"

namespace twitter::core {

std::string basic_authorization(std::string_view client_id, std::string_view client_secret) {
    std::string pair = form_encode(client_id);
    pair += ':';
    pair += form_encode(client_secret);
    std::string header = "Basic ";
    header += base64_encode(pair);
    return header;
}

}  // namespace twitter::core
