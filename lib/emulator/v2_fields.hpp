#ifndef TWITTER_LIB_EMULATOR_V2_FIELDS_HPP
#define TWITTER_LIB_EMULATOR_V2_FIELDS_HPP

// API v2 objects as JSON: the default fields of each object, the extra ones that *.fields asks for, and the
// includes that expansions asks for. Unknown field or expansion names are a 400, as on X.

#include "emulator/encoding.hpp"
#include "emulator/response.hpp"
#include "emulator/world.hpp"

#include <boost/json/object.hpp>

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace twitter::emulator::detail {

struct field_selection {
    std::set<std::string, std::less<>> tweet;
    std::set<std::string, std::less<>> user;
    std::set<std::string, std::less<>> list;
    std::set<std::string, std::less<>> space;
    std::set<std::string, std::less<>> dm_event;
    std::set<std::string, std::less<>> media;
    std::set<std::string, std::less<>> expansions;

    // Whether the object carries the field `name`: asked for in *.fields, or followed by a requested
    // expansion, since X puts the id an expansion follows into the object itself ("author_id" with
    // expansions=author_id; docs.x.com/x-api/fundamentals/expansions).
    bool wants(std::set<std::string, std::less<>> const& s, std::string_view name) const;
};

// What kind of object an endpoint returns: it decides which expansions are valid.
enum class object_kind { tweet, user, list, space, dm_event, none };

// Reads tweet.fields, user.fields, list.fields, space.fields, dm_event.fields, media.fields, place.fields,
// poll.fields and expansions; a 400 in `error` for a name X does not know.
std::optional<field_selection> read_fields(param_list const& query, object_kind kind, api_response& error);

boost::json::object tweet_json(world const& w, tweet_record const& t, field_selection const& f);
boost::json::object user_json(world const& w, user_record const& u, field_selection const& f);
boost::json::object list_json(list_record const& l, field_selection const& f);
boost::json::object space_json(space_record const& s, field_selection const& f);
boost::json::object dm_event_json(dm_event_record const& e, field_selection const& f);

// Collects the objects that expansions pull in, without duplicates, and writes them as "includes".
class includes_builder {
public:
    includes_builder(world const& w, field_selection const& f) : world_(w), fields_(f) {}

    void expand_tweet(tweet_record const& t);
    void expand_user(user_record const& u);
    void expand_list(list_record const& l);
    void expand_space(space_record const& s);
    void expand_dm_event(dm_event_record const& e);

    // Adds "includes" to `body` when anything was expanded.
    void write(boost::json::object& body) const;

    field_selection const& fields() const { return fields_; }
    world const& state() const { return world_; }

private:
    void add_user(id_type id);
    void add_tweet(id_type id);
    void add_media(std::string const& key);

    world const& world_;
    field_selection const& fields_;
    std::vector<id_type> users_;
    std::vector<id_type> tweets_;
    std::vector<std::string> media_;
};

}  // namespace twitter::emulator::detail

#endif
