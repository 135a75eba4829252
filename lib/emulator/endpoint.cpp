#include "emulator/endpoint.hpp"

#include "emulator/api_errors.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace twitter::emulator::detail {

namespace json = boost::json;

std::optional<id_type> path_id(call const& c, std::size_t i, std::string_view name, api_response& error) {
    auto const id = parse_id(c.params[i]);
    if (!id) {
        error = invalid_parameter(name, c.params[i]);
    }
    return id;
}

std::optional<std::vector<std::string>> id_list(call const& c, std::string_view name, std::size_t max,
                                                api_response& error) {
    auto const* value = c.arg(name);
    if (value == nullptr || value->empty()) {
        error = missing_parameter(name);
        return std::nullopt;
    }
    std::vector<std::string> out;
    std::string_view rest = *value;
    while (true) {
        auto const comma = rest.find(',');
        out.emplace_back(rest.substr(0, comma));
        if (comma == std::string_view::npos) {
            break;
        }
        rest.remove_prefix(comma + 1);
    }
    if (out.size() > max) {
        json::object e;
        e["parameters"] = json::object{{name, json::array{json::string(*value)}}};
        e["message"] = "The `" + std::string(name) + "` query parameter value [" + *value +
                       "] is not between 1 and " + std::to_string(max);
        error = invalid_request(std::move(e));
        return std::nullopt;
    }
    return out;
}

std::optional<json::object> json_body(call const& c, api_response& error) {
    boost::system::error_code ec;
    auto parsed = json::parse(c.body, ec);
    if (ec || !parsed.is_object()) {
        error = invalid_body("Requested JSON payload is invalid");
        return std::nullopt;
    }
    return std::move(parsed.as_object());
}

std::optional<std::string> string_member(json::object const& o, std::string_view name) {
    auto const* v = o.if_contains(name);
    if (v == nullptr || !v->is_string()) {
        return std::nullopt;
    }
    return std::string(v->as_string());
}

// The `:id` of /2/users/:id/... writes and private reads must be the authenticated user.
std::optional<id_type> acting_user_id(call const& c, api_response& error) {
    auto const id = path_id(c, 0, "id", error);
    if (id && *id != c.me()) {
        error = not_the_authenticated_user();
        return std::nullopt;
    }
    return id;
}

// exclude=retweets,replies drops those from a list of tweets.
std::optional<std::vector<id_type>> exclude_tweets(call const& c, std::vector<id_type> ids,
                                                   api_response& error) {
    auto const* exclude = c.arg("exclude");
    if (exclude == nullptr) {
        return ids;
    }
    bool no_retweets = false;
    bool no_replies = false;
    std::string_view rest = *exclude;
    while (true) {
        auto const comma = rest.find(',');
        auto const name = rest.substr(0, comma);
        if (name == "retweets") {
            no_retweets = true;
        } else if (name == "replies") {
            no_replies = true;
        } else {
            error = invalid_parameter("exclude", *exclude);
            return std::nullopt;
        }
        if (comma == std::string_view::npos) {
            break;
        }
        rest.remove_prefix(comma + 1);
    }
    std::erase_if(ids, [&](id_type id) {
        auto const* t = c.w.tweet(id);
        return t == nullptr || (no_retweets && t->retweeted) || (no_replies && t->in_reply_to_tweet);
    });
    return ids;
}

api_response data_answer(unsigned status, json::value data, includes_builder const* includes) {
    json::object body;
    body["data"] = std::move(data);
    if (includes != nullptr) {
        includes->write(body);
    }
    return make_json(status, body);
}

api_response id_page(call const& c, std::size_t total, std::function<id_type(std::size_t)> const& at,
                     page_limits limits, object_kind kind, render_fn const& render, bool tweet_meta) {
    api_response error;
    auto const page = read_page(c.args, limits, error);
    if (!page) {
        return error;
    }
    auto const fields = read_fields(c.args, kind, error);
    if (!fields) {
        return error;
    }
    includes_builder includes(c.w, *fields);
    json::array data;
    std::optional<id_type> newest;
    id_type oldest = 0;
    auto const end = std::min(total, page->offset + page->size);
    std::size_t returned = 0;
    for (auto i = page->offset; i < end; ++i) {
        auto const id = at(i);
        auto item = render(id, includes);
        ++returned;
        if (!item) {
            continue;
        }
        data.push_back(std::move(*item));
        if (!newest) {
            newest = id;
        }
        oldest = id;
    }
    json::object body;
    auto meta = page_meta(*page, data.size(), total);
    // A page whose items all vanished is still a page: keep walking past it.
    if (returned > data.size() && page->offset + returned < total && !meta.contains("next_token")) {
        meta["next_token"] = page_token(page->offset + returned);
    }
    if (tweet_meta && newest) {
        meta["newest_id"] = std::to_string(*newest);
        meta["oldest_id"] = std::to_string(oldest);
    }
    if (!data.empty()) {
        body["data"] = std::move(data);
        includes.write(body);
    }
    body["meta"] = std::move(meta);
    return make_json(200, body);
}

api_response tweet_page(call const& c, std::vector<id_type> const& ids, page_limits limits) {
    return id_page(
        c, ids.size(), [&](std::size_t i) { return ids[i]; }, limits, object_kind::tweet,
        [&](id_type id, includes_builder& inc) -> std::optional<json::object> {
            auto const* t = c.w.tweet(id);
            if (t == nullptr) {
                return std::nullopt;
            }
            inc.expand_tweet(*t);
            return tweet_json(c.w, *t, inc.fields());
        },
        true);
}

api_response user_page(call const& c, std::size_t total, std::function<id_type(std::size_t)> const& at,
                       page_limits limits) {
    return id_page(
        c, total, at, limits, object_kind::user,
        [&](id_type id, includes_builder& inc) -> std::optional<json::object> {
            auto const u = c.w.user(id);
            if (!u) {
                return std::nullopt;
            }
            inc.expand_user(*u);
            return user_json(c.w, *u, inc.fields());
        },
        false);
}

api_response list_page(call const& c, std::vector<id_type> const& ids, page_limits limits) {
    return id_page(
        c, ids.size(), [&](std::size_t i) { return ids[i]; }, limits, object_kind::list,
        [&](id_type id, includes_builder& inc) -> std::optional<json::object> {
            auto const* l = c.w.list(id);
            if (l == nullptr) {
                return std::nullopt;
            }
            inc.expand_list(*l);
            return list_json(*l, inc.fields());
        },
        false);
}

}  // namespace twitter::emulator::detail
