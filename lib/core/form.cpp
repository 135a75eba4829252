#include "core/form.hpp"

#include "core/percent_encoding.hpp"

#include <cstddef>
#include <utility>

namespace twitter::core {

std::string encode_params(std::span<param const> params) {
    std::size_t raw = 0;
    for (auto const& p : params) raw += p.name.size() + p.value.size() + 2;
    std::string out;
    out.reserve(raw + raw / 2);  // a guess that covers a few escapes without reallocating
    for (auto const& p : params) {
        if (!out.empty()) out += '&';
        percent_encode_to(out, p.name);
        out += '=';
        percent_encode_to(out, p.value);
    }
    return out;
}

boost::system::result<std::vector<param>> parse_form(std::string_view in) {
    std::vector<param> out;
    boost::system::result<void> status;
    for_each_raw_pair(in, [&](raw_pair const& raw) {
        if (!status) return;
        param p;
        status = form_decode_to(p.name, raw.name);
        if (status) status = form_decode_to(p.value, raw.value);
        if (status) out.push_back(std::move(p));
    });
    if (!status) return status.error();
    return out;
}

}  // namespace twitter::core
