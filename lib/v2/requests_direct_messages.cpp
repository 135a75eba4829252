// The Direct Message endpoints: events by conversation, by participant or all, and sending.

#include <twitter/v2/requests.hpp>

#include "v2/requests_support.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

namespace twitter::v2 {

using detail::add;
using detail::add_fields;
using detail::make_request;
using detail::segment;
using http::auth_mode;
using http::verb;

namespace {

typed_request<std::vector<dm_event>> dm_events(std::string target, dm_events_params const& params) {
    auto r = make_request<std::vector<dm_event>>(verb::get, std::move(target), auth_mode::user,
                                                 token_param::pagination_token);
    auto& q = r.http.query;
    add_fields(q, params.fields);
    add(q, "max_results", params.max_results);
    add(q, "pagination_token", params.pagination_token);
    add(q, "event_types", params.event_types);
    return r;
}

// The message as Tweepy writes it: "attachments": [{"media_id": "..."}], then "text".
void write_message(boost::json::object& out, dm_message_params const& message) {
    if (message.media_id)
        out["attachments"] = boost::json::array{boost::json::object{{"media_id", *message.media_id}}};
    if (message.text) out["text"] = *message.text;
}

typed_request<dm_created> send_message(std::string target, dm_message_params const& message) {
    auto r = make_request<dm_created>(verb::post, std::move(target), auth_mode::user);
    boost::json::object body;
    write_message(body, message);
    detail::set_json_body(r.http, body);
    return r;
}

}  // namespace

typed_request<std::vector<dm_event>> get_direct_message_events(dm_events_params const& params) {
    return dm_events("/2/dm_events", params);
}

typed_request<std::vector<dm_event>> get_direct_message_events(dm_conversation_id const& conversation,
                                                               dm_events_params const& params) {
    return dm_events(
        "/2/dm_conversations/" + segment(conversation.value, "dm_conversation_id") + "/dm_events", params);
}

typed_request<std::vector<dm_event>> get_direct_message_events(dm_participant_id const& participant,
                                                               dm_events_params const& params) {
    return dm_events(
        "/2/dm_conversations/with/" + segment(participant.value, "participant_id") + "/dm_events", params);
}

typed_request<dm_created> create_direct_message(dm_conversation_id const& conversation,
                                                dm_message_params const& message) {
    return send_message(
        "/2/dm_conversations/" + segment(conversation.value, "dm_conversation_id") + "/messages", message);
}

typed_request<dm_created> create_direct_message(dm_participant_id const& participant,
                                                dm_message_params const& message) {
    return send_message(
        "/2/dm_conversations/with/" + segment(participant.value, "participant_id") + "/messages", message);
}

typed_request<dm_created> create_direct_message_conversation(std::vector<std::string> const& participant_ids,
                                                             dm_message_params const& message) {
    auto r = make_request<dm_created>(verb::post, "/2/dm_conversations", auth_mode::user);
    boost::json::object body;
    body["conversation_type"] = "Group";
    boost::json::object msg;
    write_message(msg, message);
    body["message"] = std::move(msg);
    body["participant_ids"] = detail::string_array(participant_ids);
    detail::set_json_body(r.http, body);
    return r;
}

}  // namespace twitter::v2
