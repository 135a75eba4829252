#ifndef TWITTER_LIB_EMULATOR_MULTIPART_HPP
#define TWITTER_LIB_EMULATOR_MULTIPART_HPP

// multipart/form-data bodies (RFC 7578), as media uploads send them. Pure; the parts point into the body.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace twitter::emulator::detail {

struct form_part {
    std::string name;
    std::string filename;
    std::string content_type;
    std::string_view data;
};

// The boundary parameter of a multipart/form-data Content-Type, if it is one.
std::optional<std::string> multipart_boundary(std::string_view content_type);

// The parts of `body`; empty when it is not well-formed multipart with this boundary.
std::optional<std::vector<form_part>> parse_multipart(std::string_view body, std::string_view boundary);

form_part const* find_part(std::vector<form_part> const& parts, std::string_view name);

}  // namespace twitter::emulator::detail

#endif
