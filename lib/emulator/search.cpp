#include "emulator/search.hpp"

#include <algorithm>
#include <cctype>

namespace twitter::emulator::detail {

namespace {

bool word_char(char c) {
    auto const u = static_cast<unsigned char>(c);
    return std::isalnum(u) || c == '_' || u >= 0x80;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

bool contains_sequence(std::vector<std::string> const& haystack, std::vector<std::string> const& needle) {
    if (needle.empty()) {
        return true;
    }
    return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end()) != haystack.end();
}

// `prefix` ('#' or '@') followed by `name` as a whole word of `text`.
bool has_tagged(std::string const& text, char prefix, std::string const& name) {
    auto const needle = prefix + name;
    for (auto pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + 1)) {
        auto const end = pos + needle.size();
        bool const starts = pos == 0 || !word_char(text[pos - 1]);
        if (starts && (end == text.size() || !word_char(text[end]))) {
            return true;
        }
    }
    return false;
}

bool is_user(world const& w, id_type id, std::string const& name) {
    if (auto const n = parse_id(name); n && *n == id) {
        return true;
    }
    auto const u = w.user_by_username(name);
    return u && u->id == id;
}

}  // namespace

std::vector<std::string> search_tokens(std::string_view text) {
    std::vector<std::string> out;
    std::string current;
    for (char c : text) {
        if (word_char(c)) {
            current += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        } else if (!current.empty()) {
            out.push_back(std::move(current));
            current.clear();
        }
    }
    if (!current.empty()) {
        out.push_back(std::move(current));
    }
    return out;
}

std::optional<search_query> search_query::parse(std::string_view text) {
    search_query q;
    q.alternatives_.emplace_back();
    std::size_t i = 0;
    while (i < text.size()) {
        auto const c = text[i];
        if (std::isspace(static_cast<unsigned char>(c)) || c == '(' || c == ')') {
            ++i;
            continue;
        }
        term t;
        if (c == '-' && i + 1 < text.size() && !std::isspace(static_cast<unsigned char>(text[i + 1]))) {
            t.negated = true;
            ++i;
        }
        if (i < text.size() && text[i] == '"') {
            auto const close = text.find('"', i + 1);
            if (close == std::string_view::npos) {
                return std::nullopt;
            }
            t.what = term::kind::phrase;
            t.tokens = search_tokens(text.substr(i + 1, close - i - 1));
            i = close + 1;
            if (!t.tokens.empty()) {
                q.alternatives_.back().push_back(std::move(t));
            }
            continue;
        }
        auto end = i;
        while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end])) &&
               text[end] != '(' && text[end] != ')') {
            ++end;
        }
        auto const word = text.substr(i, end - i);
        i = end;
        if (word == "OR" && !t.negated) {
            if (!q.alternatives_.back().empty()) {
                q.alternatives_.emplace_back();
            }
            continue;
        }
        auto const colon = word.find(':');
        auto const op = colon == std::string_view::npos ? std::string_view{} : word.substr(0, colon);
        auto const arg = lower(colon == std::string_view::npos ? word : word.substr(colon + 1));
        if (op == "from") {
            t.what = term::kind::from;
        } else if (op == "to") {
            t.what = term::kind::to;
        } else if (op == "is") {
            t.what = term::kind::is;
        } else if (op == "has") {
            t.what = term::kind::has;
        } else if (op == "lang") {
            t.what = term::kind::lang;
        } else if (op == "conversation_id") {
            t.what = term::kind::conversation;
        } else if (word.size() > 1 && word.front() == '#') {
            t.what = term::kind::hashtag;
            t.value = lower(word.substr(1));
            q.alternatives_.back().push_back(std::move(t));
            continue;
        } else if (word.size() > 1 && word.front() == '@') {
            t.what = term::kind::mention;
            t.value = lower(word.substr(1));
            q.alternatives_.back().push_back(std::move(t));
            continue;
        } else {
            t.what = term::kind::word;
            t.tokens = search_tokens(word);
            if (t.tokens.empty()) {
                continue;
            }
            q.alternatives_.back().push_back(std::move(t));
            continue;
        }
        if (arg.empty()) {
            return std::nullopt;
        }
        t.value = arg;
        q.alternatives_.back().push_back(std::move(t));
    }
    std::erase_if(q.alternatives_, [](auto const& group) { return group.empty(); });
    if (q.alternatives_.empty()) {
        return std::nullopt;
    }
    return q;
}

bool search_query::matches(world const& w, tweet_record const& t, term const& x) const {
    switch (x.what) {
        case term::kind::word:
        case term::kind::phrase:
            return contains_sequence(search_tokens(t.text), x.tokens);
        case term::kind::hashtag:
            return has_tagged(lower(t.text), '#', x.value);
        case term::kind::mention:
            return has_tagged(lower(t.text), '@', x.value);
        case term::kind::from:
            return is_user(w, t.author_id, x.value);
        case term::kind::to:
            return t.in_reply_to_user && is_user(w, *t.in_reply_to_user, x.value);
        case term::kind::is:
            if (x.value == "retweet") {
                return t.retweeted.has_value();
            }
            if (x.value == "reply") {
                return t.in_reply_to_tweet.has_value();
            }
            if (x.value == "quote") {
                return t.quoted.has_value();
            }
            return false;
        case term::kind::has:
            if (x.value == "media" || x.value == "images" || x.value == "videos") {
                return !t.media_keys.empty();
            }
            if (x.value == "links") {
                return lower(t.text).find("http") != std::string::npos;
            }
            if (x.value == "mentions") {
                return t.text.find('@') != std::string::npos;
            }
            if (x.value == "hashtags") {
                return t.text.find('#') != std::string::npos;
            }
            return false;
        case term::kind::lang:
            return lower(t.lang) == x.value;
        case term::kind::conversation:
            return std::to_string(t.conversation_id) == x.value;
    }
    return false;
}

bool search_query::matches(world const& w, tweet_record const& t) const {
    return std::any_of(alternatives_.begin(), alternatives_.end(), [&](auto const& group) {
        return std::all_of(group.begin(), group.end(),
                           [&](term const& x) { return matches(w, t, x) != x.negated; });
    });
}

}  // namespace twitter::emulator::detail
