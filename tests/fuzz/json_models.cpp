// The JSON bodies of the API read into models: every v2 envelope the library parses (data, includes, errors,
// meta), a v2 stream line, and every v1.1 model (twitter::v1::parse instantiations), plus the error-body
// reader the pipeline applies to 4xx and 5xx answers.
//
// Input: one byte choosing the parser (modulo their number), then the body.
// Invariants: a success implies the body is valid JSON (core::is_valid_json agrees with the parser) and, for
// v2, raw_json holds the body; a failure is protocol_errc::malformed_json; parsing is deterministic (a second
// parse gives the same error); the v1.1 response wrapper agrees with the plain parse and keeps the body.

#include "core/api_errors.hpp"
#include "core/json_validation.hpp"
#include "fuzz_check.hpp"

#include <twitter/v1/response.hpp>
#include <twitter/v2/response.hpp>
#include <twitter/v2/stream.hpp>

#include <array>
#include <vector>

using namespace twitter;

namespace {

void check_outcome(std::string_view body, error_code const& ec) {
    if (ec) {
        FUZZ_CHECK(ec == protocol_errc::malformed_json);
    } else {
        FUZZ_CHECK(core::is_valid_json(body));
    }
}

template <class T>
void v2_envelope(std::string_view body) {
    v2::response<T> out;
    out.limits.window = rate_limit{1, 2, 3};
    error_code const ec = v2::parse(body, out);
    check_outcome(body, ec);
    if (!ec) {
        FUZZ_CHECK(out.raw_json == body);
        FUZZ_CHECK(out.limits.window && out.limits.window->limit == 1);  // parse(body) leaves limits alone
    }
    v2::response<T> again;
    FUZZ_CHECK(v2::parse(body, again) == ec);
}

void v2_stream_line(std::string_view line) {
    v2::stream_event event;
    error_code const ec = v2::parse(line, event);
    check_outcome(line, ec);
    if (!ec) FUZZ_CHECK(event.raw_json == line);
}

template <class T>
void v1_model(std::string_view body) {
    T out;
    error_code const ec = v1::parse(body, out);
    if constexpr (std::is_same_v<T, v1::no_content>) {
        FUZZ_CHECK(!ec);
    } else {
        check_outcome(body, ec);
    }
    http::response res;
    res.status = 200;
    res.body = std::string(body);
    v1::response<T> wrapped;
    FUZZ_CHECK(v1::parse(res, wrapped) == ec);
    FUZZ_CHECK(wrapped.raw_json == body);
}

void api_errors(std::string_view body) {
    for (api_error const& e : core::parse_api_errors(body)) (void)e;
}

using parser = void (*)(std::string_view);
constexpr std::array<parser, 41> parsers{
    v2_envelope<v2::tweet>,
    v2_envelope<std::vector<v2::tweet>>,
    v2_envelope<v2::user>,
    v2_envelope<std::vector<v2::user>>,
    v2_envelope<v2::list>,
    v2_envelope<std::vector<v2::list>>,
    v2_envelope<v2::space>,
    v2_envelope<std::vector<v2::space>>,
    v2_envelope<v2::dm_event>,
    v2_envelope<std::vector<v2::dm_event>>,
    v2_envelope<v2::compliance_job>,
    v2_envelope<std::vector<v2::compliance_job>>,
    v2_envelope<std::vector<v2::tweet_count>>,
    v2_envelope<v2::action_result>,
    v2_envelope<v2::dm_created>,
    v2_envelope<std::vector<v2::stream_rule>>,
    v2_stream_line,
    v1_model<v1::status>,
    v1_model<std::vector<v1::status>>,
    v1_model<v1::user>,
    v1_model<std::vector<v1::user>>,
    v1_model<v1::list>,
    v1_model<std::vector<v1::list>>,
    v1_model<v1::relationship>,
    v1_model<std::vector<v1::friendship>>,
    v1_model<v1::saved_search>,
    v1_model<std::vector<v1::saved_search>>,
    v1_model<v1::place>,
    v1_model<v1::place_search_result>,
    v1_model<v1::search_results>,
    v1_model<v1::id_page>,
    v1_model<v1::user_page>,
    v1_model<v1::list_page>,
    v1_model<v1::dm_event>,
    v1_model<v1::dm_event_page>,
    v1_model<v1::oembed>,
    v1_model<std::vector<v1::language>>,
    v1_model<v1::rate_limit_status>,
    v1_model<v1::account_settings>,
    v1_model<v1::no_content>,
    api_errors,
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    std::string_view body = fuzz::as_text(data, size);
    unsigned char const which = fuzz::take_byte(body);
    parsers[which % parsers.size()](body);
    return 0;
}
