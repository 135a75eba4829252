#include "emulator/world.hpp"

#include "emulator/timestamps.hpp"

#include <algorithm>
#include <cctype>

namespace twitter::emulator::detail {

namespace {

// Synthetic followers get ids from here on: 19 digits, far above any real account's.
constexpr id_type synthetic_base = 1'400'000'000'000'000'000ULL;

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

bool iequals(std::string_view a, std::string_view b) { return a.size() == b.size() && lower(a) == lower(b); }

bool icontains(std::string_view text, std::string_view needle) {
    return lower(text).find(lower(needle)) != std::string::npos;
}

}  // namespace

std::optional<id_type> parse_id(std::string_view text) {
    if (text.empty() || text.size() > 19) {
        return std::nullopt;
    }
    id_type v = 0;
    for (char c : text) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        v = v * 10 + static_cast<id_type>(c - '0');
    }
    return v;
}

world::world(std::size_t synthetic_followers)
    : default_user_(2244994945), synthetic_followers_(synthetic_followers) {
    seed();
}

id_type world::next_id(std::int64_t now_ms) {
    last_id_ = std::max(snowflake_of(now_ms), last_id_ + 1);
    return last_id_;
}

bool world::is_synthetic(id_type id) const {
    return id >= synthetic_base && id - synthetic_base < synthetic_followers_;
}

std::optional<user_record> world::user(id_type id) const {
    if (auto const it = users_.find(id); it != users_.end()) {
        return it->second;
    }
    if (!is_synthetic(id)) {
        return std::nullopt;
    }
    auto const n = std::to_string(id - synthetic_base);
    user_record u;
    u.id = id;
    u.name = "Follower " + n;
    u.username = "follower_" + n;
    u.created_ms = 1'600'000'000'000;
    return u;
}

std::optional<user_record> world::user_by_username(std::string_view username) const {
    if (!username.empty() && username.front() == '@') {
        username.remove_prefix(1);
    }
    for (auto const& [id, u] : users_) {
        if (iequals(u.username, username)) {
            return u;
        }
    }
    for (auto const& [id, u] : users_) {
        for (auto const& former : u.former_usernames) {
            if (iequals(former, username)) {
                return u;
            }
        }
    }
    constexpr std::string_view prefix = "follower_";
    if (username.size() > prefix.size() && iequals(username.substr(0, prefix.size()), prefix)) {
        if (auto const n = parse_id(username.substr(prefix.size())); n && *n < synthetic_followers_) {
            return user(synthetic_base + *n);
        }
    }
    return std::nullopt;
}

user_record* world::stored_user(id_type id) {
    auto const it = users_.find(id);
    return it == users_.end() ? nullptr : &it->second;
}

bool world::user_exists(id_type id) const { return users_.contains(id) || is_synthetic(id); }

user_record& world::add_user(user_record u) {
    auto const id = u.id;
    return users_.insert_or_assign(id, std::move(u)).first->second;
}

std::vector<id_type> world::search_users(std::string_view query) const {
    std::vector<id_type> out;
    for (auto const& [id, u] : users_) {
        if (icontains(u.username, query) || icontains(u.name, query)) {
            out.push_back(id);
        }
    }
    return out;
}

tweet_record const* world::tweet(id_type id) const {
    auto const it = tweets_.find(id);
    return it == tweets_.end() ? nullptr : &it->second;
}

tweet_record* world::stored_tweet(id_type id) {
    auto const it = tweets_.find(id);
    return it == tweets_.end() ? nullptr : &it->second;
}

tweet_record& world::add_tweet(tweet_record t) {
    if (t.created_ms == 0) {
        t.created_ms = snowflake_ms(t.id);
    }
    if (t.conversation_id == 0) {
        t.conversation_id = t.id;
    }
    auto const id = t.id;
    last_id_ = std::max(last_id_, id);
    return tweets_.insert_or_assign(id, std::move(t)).first->second;
}

bool world::delete_tweet(id_type id) {
    auto const it = tweets_.find(id);
    if (it == tweets_.end()) {
        return false;
    }
    if (it->second.retweeted) {
        remove_edge(retweeters_, *it->second.retweeted, it->second.author_id);
        retweets_.erase({it->second.author_id, *it->second.retweeted});
    }
    tweets_.erase(it);
    for (auto const user : get(likers_, id)) {
        remove_edge(likes_, user, id);
    }
    likers_.erase(id);
    for (auto& [user, marks] : bookmarks_) {
        std::erase(marks, id);
    }
    return true;
}

std::vector<id_type> world::tweets_of(id_type author) const {
    std::vector<id_type> out;
    for (auto it = tweets_.rbegin(); it != tweets_.rend(); ++it) {
        if (it->second.author_id == author) {
            out.push_back(it->first);
        }
    }
    return out;
}

std::vector<id_type> world::mentions_of(id_type user_id) const {
    std::vector<id_type> out;
    auto const u = user(user_id);
    if (!u) {
        return out;
    }
    std::vector<std::string> handles{"@" + lower(u->username)};
    for (auto const& former : u->former_usernames) {
        handles.push_back("@" + lower(former));
    }
    auto const mentions = [&](std::string const& text) {
        for (auto const& handle : handles) {
            for (auto pos = text.find(handle); pos != std::string::npos; pos = text.find(handle, pos + 1)) {
                auto const end = pos + handle.size();
                if (end == text.size() ||
                    !(std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '_')) {
                    return true;
                }
            }
        }
        return false;
    };
    for (auto it = tweets_.rbegin(); it != tweets_.rend(); ++it) {
        if (mentions(lower(it->second.text))) {
            out.push_back(it->first);
        }
    }
    return out;
}

std::vector<id_type> world::home_timeline(id_type user_id) const {
    auto const& followed = following(user_id);
    std::vector<id_type> out;
    for (auto it = tweets_.rbegin(); it != tweets_.rend(); ++it) {
        auto const author = it->second.author_id;
        if (author == user_id || std::find(followed.begin(), followed.end(), author) != followed.end()) {
            out.push_back(it->first);
        }
    }
    return out;
}

std::size_t world::follower_count(id_type user_id) const {
    return get(followers_, user_id).size() + (user_id == default_user_ ? synthetic_followers_ : 0);
}

id_type world::follower_at(id_type user_id, std::size_t index) const {
    auto const& recorded = get(followers_, user_id);
    if (index < recorded.size()) {
        return recorded[index];
    }
    return synthetic_base + (index - recorded.size());
}

std::vector<id_type> const& world::following(id_type user_id) const {
    if (is_synthetic(user_id)) {
        static std::vector<id_type> const default_only{2244994945};
        return default_only;
    }
    return get(following_, user_id);
}

bool world::follows(id_type who, id_type whom) const {
    auto const& f = following(who);
    return std::find(f.begin(), f.end(), whom) != f.end();
}

bool world::follow(id_type who, id_type whom) {
    if (!add_edge(following_, who, whom)) {
        return false;
    }
    add_edge(followers_, whom, who);
    return true;
}

bool world::unfollow(id_type who, id_type whom) {
    if (!remove_edge(following_, who, whom)) {
        return false;
    }
    remove_edge(followers_, whom, who);
    return true;
}

bool world::like(id_type user_id, id_type tweet_id) {
    if (!add_edge(likes_, user_id, tweet_id)) {
        return false;
    }
    add_edge(likers_, tweet_id, user_id);
    return true;
}

bool world::unlike(id_type user_id, id_type tweet_id) {
    if (!remove_edge(likes_, user_id, tweet_id)) {
        return false;
    }
    remove_edge(likers_, tweet_id, user_id);
    return true;
}

std::optional<id_type> world::retweet_of(id_type user_id, id_type tweet_id) const {
    auto const it = retweets_.find({user_id, tweet_id});
    return it == retweets_.end() ? std::nullopt : std::optional<id_type>(it->second);
}

std::optional<id_type> world::retweet(id_type user_id, id_type tweet_id, std::int64_t now_ms) {
    auto const* original = tweet(tweet_id);
    if (original == nullptr || retweets_.contains({user_id, tweet_id})) {
        return std::nullopt;
    }
    auto const author = user(original->author_id);
    tweet_record rt;
    rt.id = next_id(now_ms);
    rt.author_id = user_id;
    rt.retweeted = tweet_id;
    rt.text = "RT @" + (author ? author->username : std::string("unknown")) + ": " + original->text;
    rt.lang = original->lang;
    auto const id = add_tweet(std::move(rt)).id;
    retweets_[{user_id, tweet_id}] = id;
    add_edge(retweeters_, tweet_id, user_id);
    return id;
}

std::optional<id_type> world::unretweet(id_type user_id, id_type tweet_id) {
    auto const it = retweets_.find({user_id, tweet_id});
    if (it == retweets_.end()) {
        return std::nullopt;
    }
    auto const id = it->second;
    delete_tweet(id);
    return id;
}

list_record const* world::list(id_type id) const {
    auto const it = lists_.find(id);
    return it == lists_.end() ? nullptr : &it->second;
}

list_record* world::stored_list(id_type id) {
    auto const it = lists_.find(id);
    return it == lists_.end() ? nullptr : &it->second;
}

list_record* world::list_by_slug(id_type owner, std::string_view slug) {
    for (auto& [id, l] : lists_) {
        if (l.owner == owner && iequals(l.slug, slug)) {
            return &l;
        }
    }
    return nullptr;
}

list_record& world::add_list(list_record l) {
    if (l.slug.empty()) {
        for (char c : l.name) {
            l.slug += std::isalnum(static_cast<unsigned char>(c))
                          ? static_cast<char>(std::tolower(static_cast<unsigned char>(c)))
                          : '-';
        }
    }
    auto const id = l.id;
    last_id_ = std::max(last_id_, id);
    return lists_.insert_or_assign(id, std::move(l)).first->second;
}

bool world::delete_list(id_type id) {
    if (lists_.erase(id) == 0) {
        return false;
    }
    for (auto& [user, pins] : pinned_lists_) {
        std::erase(pins, id);
    }
    return true;
}

std::vector<id_type> world::lists_owned_by(id_type user_id) const {
    std::vector<id_type> out;
    for (auto it = lists_.rbegin(); it != lists_.rend(); ++it) {
        if (it->second.owner == user_id) {
            out.push_back(it->first);
        }
    }
    return out;
}

std::vector<id_type> world::lists_followed_by(id_type user_id) const {
    std::vector<id_type> out;
    for (auto it = lists_.rbegin(); it != lists_.rend(); ++it) {
        auto const& f = it->second.followers;
        if (std::find(f.begin(), f.end(), user_id) != f.end()) {
            out.push_back(it->first);
        }
    }
    return out;
}

std::vector<id_type> world::lists_with_member(id_type user_id) const {
    std::vector<id_type> out;
    for (auto it = lists_.rbegin(); it != lists_.rend(); ++it) {
        auto const& m = it->second.members;
        if (std::find(m.begin(), m.end(), user_id) != m.end()) {
            out.push_back(it->first);
        }
    }
    return out;
}

space_record const* world::space(std::string_view id) const {
    for (auto const& s : spaces_) {
        if (s.id == id) {
            return &s;
        }
    }
    return nullptr;
}

dm_conversation_record const* world::dm_conversation(std::string_view id) const {
    auto const it = dm_conversations_.find(id);
    return it == dm_conversations_.end() ? nullptr : &it->second;
}

dm_conversation_record& world::one_to_one(id_type a, id_type b) {
    auto const lo = std::min(a, b);
    auto const hi = std::max(a, b);
    auto id = std::to_string(lo) + "-" + std::to_string(hi);
    auto it = dm_conversations_.find(id);
    if (it == dm_conversations_.end()) {
        dm_conversation_record c;
        c.id = id;
        c.participants = {lo, hi};
        it = dm_conversations_.emplace(std::move(id), std::move(c)).first;
    }
    return it->second;
}

dm_conversation_record& world::add_group(std::string id, std::vector<id_type> participants) {
    dm_conversation_record c;
    c.id = id;
    c.participants = std::move(participants);
    c.group = true;
    return dm_conversations_.insert_or_assign(std::move(id), std::move(c)).first->second;
}

dm_event_record& world::add_dm_event(dm_event_record e) {
    last_id_ = std::max(last_id_, e.id);
    dm_events_.push_back(std::move(e));
    return dm_events_.back();
}

dm_event_record const* world::dm_event(id_type id) const {
    for (auto const& e : dm_events_) {
        if (e.id == id) {
            return &e;
        }
    }
    return nullptr;
}

bool world::delete_dm_event(id_type id) {
    return std::erase_if(dm_events_, [&](dm_event_record const& e) { return e.id == id; }) > 0;
}

std::vector<id_type> const& world::get(edge_map const& m, id_type key) {
    static std::vector<id_type> const none;
    auto const it = m.find(key);
    return it == m.end() ? none : it->second;
}

bool world::add_edge(edge_map& m, id_type key, id_type value) {
    auto& v = m[key];
    if (std::find(v.begin(), v.end(), value) != v.end()) {
        return false;
    }
    v.insert(v.begin(), value);
    return true;
}

bool world::remove_edge(edge_map& m, id_type key, id_type value) {
    auto const it = m.find(key);
    return it != m.end() && std::erase(it->second, value) > 0;
}

}  // namespace twitter::emulator::detail
