#include <twitter/v1/requests.hpp>

#include "core/percent_encoding.hpp"
#include "v1/multipart.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <charconv>
#include <string>
#include <system_error>
#include <utility>

namespace twitter::v1::requests {
namespace {

using http::auth_mode;
using http::verb;

std::string join(std::vector<std::string> const& values) {
    std::string out;
    for (auto const& v : values) {
        if (!out.empty()) out += ',';
        out += v;
    }
    return out;
}

// The shortest text that reads back as the same double: what Python's str() gives Tweepy for a float.
std::string number_text(double value) {
    char buf[32];
    auto const [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
    return ec == std::errc{} ? std::string(buf, end) : std::string("0");
}

// Builds one request: the path is "/1.1/<path>.json", each set parameter goes in the query.
class builder {
public:
    builder(verb method, std::string_view path, auth_mode auth = auth_mode::automatic) {
        req_.method = method;
        req_.target = "/1.1/";
        req_.target += path;
        req_.target += ".json";
        req_.auth = auth;
    }
    // For paths with an id in them ("statuses/destroy/<id>"): the id is one percent-encoded segment.
    builder(verb method, std::string_view path, std::string_view id, auth_mode auth = auth_mode::automatic) {
        req_.method = method;
        req_.target = "/1.1/";
        req_.target += path;
        req_.target += '/';
        core::percent_encode_to(req_.target, id);
        req_.target += ".json";
        req_.auth = auth;
    }

    builder& add(std::string_view name, std::string_view value) {
        req_.query.push_back({std::string(name), std::string(value)});
        return *this;
    }
    // The optional parameters: sent only when set.
    builder& opt(std::string_view name, std::optional<std::string> const& value) {
        if (value) add(name, *value);
        return *this;
    }
    // Tweepy sends str(True): "True".
    builder& opt(std::string_view name, std::optional<bool> value) {
        if (value) add(name, *value ? std::string_view("True") : std::string_view("False"));
        return *this;
    }
    builder& opt(std::string_view name, std::optional<int> value) {
        if (value) add(name, std::to_string(*value));
        return *this;
    }
    builder& opt(std::string_view name, std::optional<double> value) {
        if (value) add(name, number_text(*value));
        return *this;
    }
    // A comma-separated list, sent only when not empty.
    builder& csv(std::string_view name, std::vector<std::string> const& values) {
        if (!values.empty()) add(name, join(values));
        return *this;
    }

    // A user by id or screen name. `prefix` is "" (user_id, screen_name), "owner_", "target_" or "source_".
    builder& user(user_ref const& u, std::string_view prefix = "") {
        std::string name(prefix);
        if (u.by == user_ref::kind::id)
            name += prefix.empty() ? "user_id" : "id";
        else
            name += "screen_name";
        return add(name, u.value);
    }
    builder& user(std::optional<user_ref> const& u, std::string_view prefix = "") {
        if (u) user(*u, prefix);
        return *this;
    }
    builder& users(users_ref const& u) {
        csv("user_id", u.user_ids);
        csv("screen_name", u.screen_names);
        return *this;
    }
    builder& list(list_ref const& l) {
        if (!l.list_id.empty()) add("list_id", l.list_id);
        if (!l.slug.empty()) add("slug", l.slug);
        if (l.owner) user(*l.owner, "owner_");
        return *this;
    }

    builder& timeline(timeline_params const& p) {
        opt("count", p.count);
        opt("since_id", p.since_id);
        opt("max_id", p.max_id);
        opt("trim_user", p.trim_user);
        opt("exclude_replies", p.exclude_replies);
        opt("include_rts", p.include_rts);
        opt("include_entities", p.include_entities);
        opt("include_user_entities", p.include_user_entities);
        return opt("tweet_mode", p.tweet_mode);
    }
    builder& ids(ids_params const& p) {
        opt("cursor", p.cursor);
        opt("count", p.count);
        return opt("stringify_ids", p.stringify_ids);
    }
    builder& users_page(users_page_params const& p) {
        opt("cursor", p.cursor);
        opt("count", p.count);
        opt("skip_status", p.skip_status);
        opt("include_user_entities", p.include_user_entities);
        return opt("include_entities", p.include_entities);
    }
    builder& lists_page(lists_page_params const& p) {
        opt("cursor", p.cursor);
        opt("count", p.count);
        return opt("filter_to_owned_lists", p.filter_to_owned_lists);
    }
    builder& user_object(user_params const& p) {
        opt("include_entities", p.include_entities);
        opt("skip_status", p.skip_status);
        opt("include_email", p.include_email);
        return opt("tweet_mode", p.tweet_mode);
    }
    builder& status_write(status_write_params const& p) {
        opt("trim_user", p.trim_user);
        opt("include_entities", p.include_entities);
        return opt("tweet_mode", p.tweet_mode);
    }
    builder& update(update_status_params const& p) {
        opt("in_reply_to_status_id", p.in_reply_to_status_id);
        opt("auto_populate_reply_metadata", p.auto_populate_reply_metadata);
        csv("exclude_reply_user_ids", p.exclude_reply_user_ids);
        opt("attachment_url", p.attachment_url);
        csv("media_ids", p.media_ids);
        opt("possibly_sensitive", p.possibly_sensitive);
        opt("lat", p.lat);
        opt("long", p.long_);
        opt("place_id", p.place_id);
        opt("display_coordinates", p.display_coordinates);
        opt("trim_user", p.trim_user);
        opt("card_uri", p.card_uri);
        return opt("tweet_mode", p.tweet_mode);
    }

    builder& multipart(std::string_view field, std::string_view filename, std::string_view file) {
        auto part = detail::make_file_part(field, filename, file);
        req_.kind = http::body_kind::raw;
        req_.content_type = std::move(part.content_type);
        req_.body = std::move(part.body);
        return *this;
    }
    builder& json(std::string body) {
        req_.kind = http::body_kind::json;
        req_.body = std::move(body);
        return *this;
    }

    template <class T>
    typed_request<T> done() {
        return typed_request<T>{std::move(req_)};
    }

private:
    http::request req_;
};

constexpr auto user_ctx = auth_mode::user;

}  // namespace

// Tweets

typed_request<status> get_status(std::string_view id, status_params const& p) {
    builder b(verb::get, "statuses/show");
    b.add("id", id);
    b.opt("trim_user", p.trim_user);
    b.opt("include_my_retweet", p.include_my_retweet);
    b.opt("include_entities", p.include_entities);
    b.opt("include_ext_alt_text", p.include_ext_alt_text);
    b.opt("include_card_uri", p.include_card_uri);
    b.opt("tweet_mode", p.tweet_mode);
    return b.done<status>();
}

typed_request<std::vector<status>> lookup_statuses(std::vector<std::string> const& ids,
                                                   status_params const& p) {
    builder b(verb::get, "statuses/lookup");
    b.add("id", join(ids));
    b.opt("include_entities", p.include_entities);
    b.opt("trim_user", p.trim_user);
    b.opt("include_ext_alt_text", p.include_ext_alt_text);
    b.opt("include_card_uri", p.include_card_uri);
    b.opt("tweet_mode", p.tweet_mode);
    return b.done<std::vector<status>>();
}

typed_request<status> update_status(std::string_view text, update_status_params const& p) {
    builder b(verb::post, "statuses/update", user_ctx);
    b.add("status", text);
    b.update(p);
    return b.done<status>();
}

typed_request<status> update_status_with_media(std::string_view text, std::string_view filename,
                                               std::string_view file, update_status_params const& p) {
    builder b(verb::post, "statuses/update_with_media", user_ctx);
    b.add("status", text);
    b.update(p);
    b.multipart("media[]", filename, file);
    return b.done<status>();
}

typed_request<status> destroy_status(std::string_view id, status_write_params const& p) {
    return builder(verb::post, "statuses/destroy", id, user_ctx).status_write(p).done<status>();
}

typed_request<status> retweet(std::string_view id, status_write_params const& p) {
    return builder(verb::post, "statuses/retweet", id, user_ctx).status_write(p).done<status>();
}

typed_request<status> unretweet(std::string_view id, status_write_params const& p) {
    return builder(verb::post, "statuses/unretweet", id, user_ctx).status_write(p).done<status>();
}

typed_request<std::vector<status>> get_retweets(std::string_view id, retweets_params const& p) {
    builder b(verb::get, "statuses/retweets", id);
    b.opt("count", p.count);
    b.opt("trim_user", p.trim_user);
    b.opt("tweet_mode", p.tweet_mode);
    return b.done<std::vector<status>>();
}

typed_request<std::vector<status>> get_retweets_of_me(timeline_params const& p) {
    return builder(verb::get, "statuses/retweets_of_me", user_ctx).timeline(p).done<std::vector<status>>();
}

typed_request<id_page> get_retweeter_ids(std::string_view id, ids_params const& p) {
    return builder(verb::get, "statuses/retweeters/ids").add("id", id).ids(p).done<id_page>();
}

typed_request<oembed> get_oembed(std::string_view url, oembed_params const& p) {
    builder b(verb::get, "statuses/oembed");
    b.add("url", url);
    b.opt("maxwidth", p.maxwidth);
    b.opt("hide_media", p.hide_media);
    b.opt("hide_thread", p.hide_thread);
    b.opt("omit_script", p.omit_script);
    b.opt("align", p.align);
    b.opt("related", p.related);
    b.opt("lang", p.lang);
    b.opt("theme", p.theme);
    b.opt("link_color", p.link_color);
    b.opt("widget_type", p.widget_type);
    b.opt("dnt", p.dnt);
    return b.done<oembed>();
}

typed_request<std::vector<status>> home_timeline(timeline_params const& p) {
    return builder(verb::get, "statuses/home_timeline", user_ctx).timeline(p).done<std::vector<status>>();
}

typed_request<std::vector<status>> user_timeline(std::optional<user_ref> const& user,
                                                 timeline_params const& p) {
    return builder(verb::get, "statuses/user_timeline").user(user).timeline(p).done<std::vector<status>>();
}

typed_request<std::vector<status>> mentions_timeline(timeline_params const& p) {
    return builder(verb::get, "statuses/mentions_timeline", user_ctx).timeline(p).done<std::vector<status>>();
}

typed_request<search_results> search_tweets(std::string_view q, search_params const& p) {
    builder b(verb::get, "search/tweets");
    b.add("q", q);
    b.opt("geocode", p.geocode);
    b.opt("lang", p.lang);
    b.opt("locale", p.locale);
    b.opt("result_type", p.result_type);
    b.opt("count", p.count);
    b.opt("until", p.until);
    b.opt("since_id", p.since_id);
    b.opt("max_id", p.max_id);
    b.opt("include_entities", p.include_entities);
    b.opt("tweet_mode", p.tweet_mode);
    return b.done<search_results>();
}

// Likes

typed_request<std::vector<status>> get_favorites(std::optional<user_ref> const& user,
                                                 timeline_params const& p) {
    return builder(verb::get, "favorites/list").user(user).timeline(p).done<std::vector<status>>();
}

typed_request<status> create_favorite(std::string_view id, status_write_params const& p) {
    return builder(verb::post, "favorites/create", user_ctx).add("id", id).status_write(p).done<status>();
}

typed_request<status> destroy_favorite(std::string_view id, status_write_params const& p) {
    return builder(verb::post, "favorites/destroy", user_ctx).add("id", id).status_write(p).done<status>();
}

// Users and the account

typed_request<user> get_user(user_ref const& u, user_params const& p) {
    return builder(verb::get, "users/show").user(u).user_object(p).done<user>();
}

// POST, as Tweepy sends it: a long list of names does not fit in a GET's URL.
typed_request<std::vector<user>> lookup_users(users_ref const& users, user_params const& p) {
    return builder(verb::post, "users/lookup").users(users).user_object(p).done<std::vector<user>>();
}

typed_request<std::vector<user>> search_users(std::string_view q, search_users_params const& p) {
    builder b(verb::get, "users/search", user_ctx);
    b.add("q", q);
    b.opt("page", p.page);
    b.opt("count", p.count);
    b.opt("include_entities", p.include_entities);
    return b.done<std::vector<user>>();
}

typed_request<user> verify_credentials(user_params const& p) {
    return builder(verb::get, "account/verify_credentials", user_ctx).user_object(p).done<user>();
}

typed_request<account_settings> get_settings() {
    return builder(verb::get, "account/settings", user_ctx).done<account_settings>();
}

typed_request<user> update_profile(profile_params const& p) {
    builder b(verb::post, "account/update_profile", user_ctx);
    b.opt("name", p.name);
    b.opt("url", p.url);
    b.opt("location", p.location);
    b.opt("description", p.description);
    b.opt("profile_link_color", p.profile_link_color);
    b.opt("include_entities", p.include_entities);
    b.opt("skip_status", p.skip_status);
    return b.done<user>();
}

typed_request<no_content> update_profile_banner(std::string_view filename, std::string_view file,
                                                banner_params const& p) {
    builder b(verb::post, "account/update_profile_banner", user_ctx);
    b.opt("width", p.width);
    b.opt("height", p.height);
    b.opt("offset_left", p.offset_left);
    b.opt("offset_top", p.offset_top);
    b.multipart("banner", filename, file);
    return b.done<no_content>();
}

typed_request<user> update_profile_image(std::string_view filename, std::string_view file,
                                         user_params const& p) {
    builder b(verb::post, "account/update_profile_image", user_ctx);
    b.opt("include_entities", p.include_entities);
    b.opt("skip_status", p.skip_status);
    b.multipart("image", filename, file);
    return b.done<user>();
}

typed_request<no_content> remove_profile_banner() {
    return builder(verb::post, "account/remove_profile_banner", user_ctx).done<no_content>();
}

// Follows

typed_request<user> create_friendship(user_ref const& u, follow_params const& p) {
    return builder(verb::post, "friendships/create", user_ctx).user(u).opt("follow", p.follow).done<user>();
}

typed_request<user> destroy_friendship(user_ref const& u) {
    return builder(verb::post, "friendships/destroy", user_ctx).user(u).done<user>();
}

typed_request<relationship> get_friendship(user_ref const& target, std::optional<user_ref> const& source) {
    return builder(verb::get, "friendships/show")
        .user(source, "source_")
        .user(target, "target_")
        .done<relationship>();
}

typed_request<std::vector<friendship>> lookup_friendships(users_ref const& users) {
    return builder(verb::get, "friendships/lookup", user_ctx).users(users).done<std::vector<friendship>>();
}

typed_request<id_page> get_follower_ids(std::optional<user_ref> const& u, ids_params const& p) {
    return builder(verb::get, "followers/ids").user(u).ids(p).done<id_page>();
}

typed_request<user_page> get_followers(std::optional<user_ref> const& u, users_page_params const& p) {
    return builder(verb::get, "followers/list").user(u).users_page(p).done<user_page>();
}

typed_request<id_page> get_friend_ids(std::optional<user_ref> const& u, ids_params const& p) {
    return builder(verb::get, "friends/ids").user(u).ids(p).done<id_page>();
}

typed_request<user_page> get_friends(std::optional<user_ref> const& u, users_page_params const& p) {
    return builder(verb::get, "friends/list").user(u).users_page(p).done<user_page>();
}

typed_request<id_page> incoming_friendships(ids_params const& p) {
    return builder(verb::get, "friendships/incoming", user_ctx).ids(p).done<id_page>();
}

typed_request<id_page> outgoing_friendships(ids_params const& p) {
    return builder(verb::get, "friendships/outgoing", user_ctx).ids(p).done<id_page>();
}

// Lists

typed_request<std::vector<list>> get_lists(std::optional<user_ref> const& u, std::optional<bool> reverse) {
    return builder(verb::get, "lists/list").user(u).opt("reverse", reverse).done<std::vector<list>>();
}

typed_request<list> get_list(list_ref const& l) {
    return builder(verb::get, "lists/show").list(l).done<list>();
}

typed_request<std::vector<status>> list_timeline(list_ref const& l, timeline_params const& p) {
    return builder(verb::get, "lists/statuses").list(l).timeline(p).done<std::vector<status>>();
}

typed_request<list> create_list(std::string_view name, list_params const& p) {
    builder b(verb::post, "lists/create", user_ctx);
    b.add("name", name);
    b.opt("mode", p.mode);
    b.opt("description", p.description);
    return b.done<list>();
}

typed_request<list> update_list(list_ref const& l, list_params const& p) {
    builder b(verb::post, "lists/update", user_ctx);
    b.list(l);
    b.opt("name", p.name);
    b.opt("mode", p.mode);
    b.opt("description", p.description);
    return b.done<list>();
}

typed_request<list> destroy_list(list_ref const& l) {
    return builder(verb::post, "lists/destroy", user_ctx).list(l).done<list>();
}

typed_request<user> get_list_member(list_ref const& l, user_ref const& u, user_params const& p) {
    return builder(verb::get, "lists/members/show").list(l).user(u).user_object(p).done<user>();
}

typed_request<user_page> get_list_members(list_ref const& l, users_page_params const& p) {
    return builder(verb::get, "lists/members").list(l).users_page(p).done<user_page>();
}

typed_request<list> add_list_member(list_ref const& l, user_ref const& u) {
    return builder(verb::post, "lists/members/create", user_ctx).list(l).user(u).done<list>();
}

typed_request<list> add_list_members(list_ref const& l, users_ref const& users) {
    return builder(verb::post, "lists/members/create_all", user_ctx).list(l).users(users).done<list>();
}

typed_request<list> remove_list_member(list_ref const& l, user_ref const& u) {
    return builder(verb::post, "lists/members/destroy", user_ctx).list(l).user(u).done<list>();
}

typed_request<list> remove_list_members(list_ref const& l, users_ref const& users) {
    return builder(verb::post, "lists/members/destroy_all", user_ctx).list(l).users(users).done<list>();
}

typed_request<list_page> get_list_memberships(std::optional<user_ref> const& u, lists_page_params const& p) {
    return builder(verb::get, "lists/memberships").user(u).lists_page(p).done<list_page>();
}

typed_request<list_page> get_list_ownerships(std::optional<user_ref> const& u, lists_page_params const& p) {
    return builder(verb::get, "lists/ownerships").user(u).lists_page(p).done<list_page>();
}

typed_request<list_page> get_list_subscriptions(std::optional<user_ref> const& u,
                                                lists_page_params const& p) {
    return builder(verb::get, "lists/subscriptions").user(u).lists_page(p).done<list_page>();
}

typed_request<user> get_list_subscriber(list_ref const& l, user_ref const& u, user_params const& p) {
    return builder(verb::get, "lists/subscribers/show").list(l).user(u).user_object(p).done<user>();
}

typed_request<user_page> get_list_subscribers(list_ref const& l, users_page_params const& p) {
    return builder(verb::get, "lists/subscribers").list(l).users_page(p).done<user_page>();
}

typed_request<list> subscribe_list(list_ref const& l) {
    return builder(verb::post, "lists/subscribers/create", user_ctx).list(l).done<list>();
}

typed_request<list> unsubscribe_list(list_ref const& l) {
    return builder(verb::post, "lists/subscribers/destroy", user_ctx).list(l).done<list>();
}

// Blocks and mutes

typed_request<user> create_block(user_ref const& u, user_params const& p) {
    return builder(verb::post, "blocks/create", user_ctx).user(u).user_object(p).done<user>();
}

typed_request<user> destroy_block(user_ref const& u, user_params const& p) {
    return builder(verb::post, "blocks/destroy", user_ctx).user(u).user_object(p).done<user>();
}

typed_request<id_page> get_blocked_ids(ids_params const& p) {
    return builder(verb::get, "blocks/ids", user_ctx).ids(p).done<id_page>();
}

typed_request<user_page> get_blocks(users_page_params const& p) {
    return builder(verb::get, "blocks/list", user_ctx).users_page(p).done<user_page>();
}

typed_request<user> create_mute(user_ref const& u) {
    return builder(verb::post, "mutes/users/create", user_ctx).user(u).done<user>();
}

typed_request<user> destroy_mute(user_ref const& u) {
    return builder(verb::post, "mutes/users/destroy", user_ctx).user(u).done<user>();
}

typed_request<id_page> get_muted_ids(ids_params const& p) {
    return builder(verb::get, "mutes/users/ids", user_ctx).ids(p).done<id_page>();
}

typed_request<user_page> get_mutes(users_page_params const& p) {
    return builder(verb::get, "mutes/users/list", user_ctx).users_page(p).done<user_page>();
}

// Saved searches

typed_request<saved_search> create_saved_search(std::string_view query) {
    return builder(verb::post, "saved_searches/create", user_ctx).add("query", query).done<saved_search>();
}

typed_request<std::vector<saved_search>> get_saved_searches() {
    return builder(verb::get, "saved_searches/list", user_ctx).done<std::vector<saved_search>>();
}

typed_request<saved_search> get_saved_search(std::string_view id) {
    return builder(verb::get, "saved_searches/show", id, user_ctx).done<saved_search>();
}

typed_request<saved_search> destroy_saved_search(std::string_view id) {
    return builder(verb::post, "saved_searches/destroy", id, user_ctx).done<saved_search>();
}

// Places

typed_request<place> geo_id(std::string_view place_id) {
    return builder(verb::get, "geo/id", place_id).done<place>();
}

typed_request<place_search_result> reverse_geocode(double lat, double long_,
                                                   reverse_geocode_params const& p) {
    builder b(verb::get, "geo/reverse_geocode");
    b.add("lat", number_text(lat));
    b.add("long", number_text(long_));
    b.opt("accuracy", p.accuracy);
    b.opt("granularity", p.granularity);
    b.opt("max_results", p.max_results);
    return b.done<place_search_result>();
}

typed_request<place_search_result> search_geo(search_geo_params const& p) {
    builder b(verb::get, "geo/search");
    b.opt("lat", p.lat);
    b.opt("long", p.long_);
    b.opt("query", p.query);
    b.opt("ip", p.ip);
    b.opt("granularity", p.granularity);
    b.opt("accuracy", p.accuracy);
    b.opt("max_results", p.max_results);
    b.opt("contained_within", p.contained_within);
    return b.done<place_search_result>();
}

typed_request<place_search_result> geo_similar_places(double lat, double long_, std::string_view name,
                                                      similar_places_params const& p) {
    builder b(verb::get, "geo/similar_places");
    b.add("lat", number_text(lat));
    b.add("long", number_text(long_));
    b.add("name", name);
    b.opt("contained_within", p.contained_within);
    return b.done<place_search_result>();
}

// Help

typed_request<std::vector<language>> supported_languages() {
    return builder(verb::get, "help/languages").done<std::vector<language>>();
}

typed_request<v1::rate_limit_status> rate_limit_status(rate_limit_status_params const& p) {
    return builder(verb::get, "application/rate_limit_status")
        .csv("resources", p.resources)
        .done<v1::rate_limit_status>();
}

// Direct messages

typed_request<dm_event_page> get_direct_messages(direct_messages_params const& p) {
    builder b(verb::get, "direct_messages/events/list", user_ctx);
    b.opt("count", p.count);
    b.opt("cursor", p.cursor);
    return b.done<dm_event_page>();
}

typed_request<dm_event> get_direct_message(std::string_view id) {
    return builder(verb::get, "direct_messages/events/show", user_ctx).add("id", id).done<dm_event>();
}

// The one v1.1 write with a JSON body (X's events API); the ids are strings there, as X documents them.
typed_request<dm_event> send_direct_message(std::string_view recipient_id, std::string_view text,
                                            direct_message_params const& p) {
    namespace json = boost::json;
    json::object message_data;
    message_data["text"] = text;
    if (p.attachment_media_id) {
        json::object attachment;
        attachment["type"] = "media";
        attachment["media"] = json::object{{"id", *p.attachment_media_id}};
        message_data["attachment"] = std::move(attachment);
    }
    json::object message_create;
    message_create["target"] = json::object{{"recipient_id", recipient_id}};
    message_create["message_data"] = std::move(message_data);
    json::object event;
    event["type"] = "message_create";
    event["message_create"] = std::move(message_create);
    json::object root;
    root["event"] = std::move(event);
    return builder(verb::post, "direct_messages/events/new", user_ctx)
        .json(json::serialize(root))
        .done<dm_event>();
}

typed_request<no_content> delete_direct_message(std::string_view id) {
    return builder(verb::delete_, "direct_messages/events/destroy", user_ctx)
        .add("id", id)
        .done<no_content>();
}

typed_request<no_content> indicate_direct_message_typing(std::string_view recipient_id) {
    return builder(verb::post, "direct_messages/indicate_typing", user_ctx)
        .add("recipient_id", recipient_id)
        .done<no_content>();
}

typed_request<no_content> mark_direct_message_read(std::string_view last_read_event_id,
                                                   std::string_view recipient_id) {
    return builder(verb::post, "direct_messages/mark_read", user_ctx)
        .add("last_read_event_id", last_read_event_id)
        .add("recipient_id", recipient_id)
        .done<no_content>();
}

}  // namespace twitter::v1::requests
