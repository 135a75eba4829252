#include <twitter/v2/requests.hpp>

#include "core/percent_encoding.hpp"
#include "v2/requests_support.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <iterator>
#include <stdexcept>

namespace twitter::v2 {
namespace {

template <std::size_t N, class Enum>
std::string_view name_of(std::string_view const (&names)[N], Enum e) noexcept {
    auto const i = static_cast<std::size_t>(e);
    return i < N ? names[i] : std::string_view{};
}

// Indexed by the enumerator's value, in declaration order.
constexpr std::string_view tweet_exclusion_names[] = {"replies", "retweets"};
constexpr std::string_view sort_order_names[] = {"recency", "relevancy"};
constexpr std::string_view granularity_names[] = {"minute", "hour", "day"};
constexpr std::string_view space_state_names[] = {"all", "live", "scheduled"};
constexpr std::string_view dm_event_type_names[] = {"MessageCreate", "ParticipantsJoin", "ParticipantsLeave"};
constexpr std::string_view compliance_job_type_names[] = {"tweets", "users"};
constexpr std::string_view compliance_job_status_names[] = {"created", "in_progress", "failed", "complete"};
constexpr std::string_view reply_setting_names[] = {"following", "mentionedUsers", "subscribers", "verified"};

static_assert(std::size(tweet_exclusion_names) == static_cast<std::size_t>(tweet_exclusion::retweets) + 1);
static_assert(std::size(sort_order_names) == static_cast<std::size_t>(sort_order::relevancy) + 1);
static_assert(std::size(granularity_names) == static_cast<std::size_t>(count_granularity::day) + 1);
static_assert(std::size(space_state_names) == static_cast<std::size_t>(space_state::scheduled) + 1);
static_assert(std::size(dm_event_type_names) ==
              static_cast<std::size_t>(dm_event_type::participants_leave) + 1);
static_assert(std::size(compliance_job_type_names) ==
              static_cast<std::size_t>(compliance_job_type::users) + 1);
static_assert(std::size(compliance_job_status_names) ==
              static_cast<std::size_t>(compliance_job_status::complete) + 1);
static_assert(std::size(reply_setting_names) == static_cast<std::size_t>(reply_setting::verified) + 1);

}  // namespace

std::string_view to_string(tweet_exclusion v) noexcept { return name_of(tweet_exclusion_names, v); }
std::string_view to_string(sort_order v) noexcept { return name_of(sort_order_names, v); }
std::string_view to_string(count_granularity v) noexcept { return name_of(granularity_names, v); }
std::string_view to_string(space_state v) noexcept { return name_of(space_state_names, v); }
std::string_view to_string(dm_event_type v) noexcept { return name_of(dm_event_type_names, v); }
std::string_view to_string(compliance_job_type v) noexcept { return name_of(compliance_job_type_names, v); }
std::string_view to_string(compliance_job_status v) noexcept {
    return name_of(compliance_job_status_names, v);
}
std::string_view to_string(reply_setting v) noexcept { return name_of(reply_setting_names, v); }

namespace detail {

std::string segment(std::string_view value, std::string_view what) {
    if (value.empty())
        throw std::invalid_argument("twitter::v2: " + std::string(what) + " must not be empty");
    return core::percent_encode(value);
}

void set_json_body(http::request& req, boost::json::object const& body) {
    req.kind = http::body_kind::json;
    req.body = boost::json::serialize(body);
}

boost::json::array string_array(std::vector<std::string> const& values) {
    boost::json::array out;
    out.reserve(values.size());
    for (auto const& v : values) out.emplace_back(v);
    return out;
}

std::string format_timestamp(timestamp t) {
    using namespace std::chrono;
    auto const secs = floor<seconds>(t);
    auto const day = floor<days>(secs);
    year_month_day const date{day};
    hh_mm_ss const time{secs - day};
    char text[40];
    std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                  static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                  static_cast<int>(time.seconds().count()));
    return text;
}

void add(std::vector<param>& query, std::string_view name, std::optional<std::string> const& value) {
    if (value) query.push_back({std::string(name), *value});
}

void add(std::vector<param>& query, std::string_view name, std::optional<unsigned> const& value) {
    if (value) query.push_back({std::string(name), std::to_string(*value)});
}

void add(std::vector<param>& query, std::string_view name, std::optional<timestamp> const& value) {
    if (value) query.push_back({std::string(name), format_timestamp(*value)});
}

std::string join(std::vector<std::string> const& values) {
    std::string joined;
    for (auto const& v : values) {
        if (!joined.empty()) joined += ',';
        joined += v;
    }
    return joined;
}

void add_csv(std::vector<param>& query, std::string_view name, std::vector<std::string> const& values) {
    if (!values.empty()) query.push_back({std::string(name), join(values)});
}

void add_fields(std::vector<param>& query, tweet_fields_params const& f) {
    fields_params all;
    all.expansions = f.expansions;
    all.tweet_fields = f.tweet_fields;
    all.user_fields = f.user_fields;
    all.media_fields = f.media_fields;
    all.place_fields = f.place_fields;
    all.poll_fields = f.poll_fields;
    append_query(query, all);
}

void add_fields(std::vector<param>& query, user_fields_params const& f) {
    fields_params all;
    all.expansions = f.expansions;
    all.tweet_fields = f.tweet_fields;
    all.user_fields = f.user_fields;
    append_query(query, all);
}

void add_fields(std::vector<param>& query, list_fields_params const& f) {
    fields_params all;
    all.expansions = f.expansions;
    all.list_fields = f.list_fields;
    all.user_fields = f.user_fields;
    append_query(query, all);
}

void add_fields(std::vector<param>& query, space_fields_params const& f) {
    fields_params all;
    all.expansions = f.expansions;
    all.space_fields = f.space_fields;
    all.user_fields = f.user_fields;
    append_query(query, all);
}

void add_fields(std::vector<param>& query, dm_event_fields_params const& f) {
    fields_params all;
    all.expansions = f.expansions;
    all.dm_event_fields = f.dm_event_fields;
    all.media_fields = f.media_fields;
    all.tweet_fields = f.tweet_fields;
    all.user_fields = f.user_fields;
    append_query(query, all);
}

}  // namespace detail
}  // namespace twitter::v2
