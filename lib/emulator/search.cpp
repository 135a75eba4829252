#include "emulator/search.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <utility>

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

// Recursive descent over X's grammar: alternatives := conjunction ("OR" conjunction)*,
// conjunction := operand+, operand := ["-"] ( "(" alternatives ")" | "phrase" | word | operator:value ).
class parser {
public:
    using node = search_query::node;

    explicit parser(std::string_view text) : text_(text) {}

    std::optional<node> run(std::string& problem) {
        auto root = alternatives(problem);
        if (!root) {
            return std::nullopt;
        }
        if (pos_ < text_.size()) {  // only a ')' stops the top level early
            problem = "Unbalanced parentheses: a ')' has no matching '('";
            return std::nullopt;
        }
        return root;
    }

private:
    void skip_space() {
        while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) {
            ++pos_;
        }
    }

    bool at_or() const {
        if (text_.substr(pos_, 2) != "OR") {
            return false;
        }
        auto const next = pos_ + 2;
        return next == text_.size() || std::isspace(static_cast<unsigned char>(text_[next])) ||
               text_[next] == '(' || text_[next] == ')';
    }

    std::optional<node> alternatives(std::string& problem) {
        node any;
        any.what = node::kind::any;
        for (;;) {
            auto group = conjunction(problem, !any.children.empty());
            if (!group) {
                return std::nullopt;
            }
            any.children.push_back(std::move(*group));
            skip_space();
            if (!at_or()) {
                break;
            }
            pos_ += 2;
        }
        if (any.children.size() == 1) {
            return std::move(any.children.front());
        }
        return any;
    }

    std::optional<node> conjunction(std::string& problem, bool after_or) {
        node all;
        all.what = node::kind::all;
        for (;;) {
            skip_space();
            if (pos_ == text_.size() || text_[pos_] == ')' || at_or()) {
                break;
            }
            auto operand = this->operand(problem);
            if (!operand) {
                return std::nullopt;
            }
            bool const text_term = operand->what == node::kind::word || operand->what == node::kind::phrase;
            if (text_term && operand->tokens.empty()) {
                continue;  // punctuation only: nothing to match
            }
            all.children.push_back(std::move(*operand));
        }
        if (all.children.empty()) {
            if (after_or || at_or()) {
                problem = "Dangling OR: OR needs a term on each side";
            } else if (pos_ < text_.size() && text_[pos_] == ')') {
                problem = "Empty parentheses: a group needs at least one term";
            } else {
                problem = "The rule has no term to match";
            }
            return std::nullopt;
        }
        if (all.children.size() == 1) {
            return std::move(all.children.front());
        }
        return all;
    }

    std::optional<node> operand(std::string& problem) {
        bool negated = false;
        if (text_[pos_] == '-' && pos_ + 1 < text_.size() &&
            !std::isspace(static_cast<unsigned char>(text_[pos_ + 1]))) {
            negated = true;
            ++pos_;
        }
        std::optional<node> n;
        if (text_[pos_] == '(') {
            ++pos_;
            n = alternatives(problem);
            if (!n) {
                return std::nullopt;
            }
            skip_space();
            if (pos_ == text_.size() || text_[pos_] != ')') {
                problem = "Unbalanced parentheses: a '(' has no matching ')'";
                return std::nullopt;
            }
            ++pos_;
        } else if (text_[pos_] == '"') {
            auto const close = text_.find('"', pos_ + 1);
            if (close == std::string_view::npos) {
                problem = "Unbalanced quotes: a '\"' has no matching '\"'";
                return std::nullopt;
            }
            n.emplace();
            n->what = node::kind::phrase;
            n->tokens = search_tokens(text_.substr(pos_ + 1, close - pos_ - 1));
            pos_ = close + 1;
        } else {
            n = word(problem);
            if (!n) {
                return std::nullopt;
            }
        }
        n->negated = n->negated != negated;
        return n;
    }

    std::optional<node> word(std::string& problem) {
        auto end = pos_;
        while (end < text_.size() && !std::isspace(static_cast<unsigned char>(text_[end])) &&
               text_[end] != '(' && text_[end] != ')') {
            ++end;
        }
        auto const word = text_.substr(pos_, end - pos_);
        pos_ = end;
        node n;
        auto const colon = word.find(':');
        auto const op = colon == std::string_view::npos ? std::string_view{} : word.substr(0, colon);
        static constexpr std::pair<std::string_view, node::kind> operators[] = {
            {"from", node::kind::from}, {"to", node::kind::to},
            {"is", node::kind::is},     {"has", node::kind::has},
            {"lang", node::kind::lang}, {"conversation_id", node::kind::conversation},
        };
        auto const known = std::find_if(std::begin(operators), std::end(operators),
                                        [&](auto const& entry) { return entry.first == op; });
        if (known != std::end(operators)) {
            n.what = known->second;
            n.value = lower(word.substr(colon + 1));
            if (n.value.empty()) {
                problem = "The operator " + std::string(op) + ": needs a value";
                return std::nullopt;
            }
        } else if (word.size() > 1 && (word.front() == '#' || word.front() == '@')) {
            n.what = word.front() == '#' ? node::kind::hashtag : node::kind::mention;
            n.value = lower(word.substr(1));
        } else {
            n.tokens = search_tokens(word);
        }
        return n;
    }

    std::string_view text_;
    std::size_t pos_ = 0;
};

bool term_matches(world const& w, tweet_record const& t, search_query::node const& x) {
    using kind = search_query::node::kind;
    switch (x.what) {
        case kind::word:
        case kind::phrase:
            return contains_sequence(search_tokens(t.text), x.tokens);
        case kind::hashtag:
            return has_tagged(lower(t.text), '#', x.value);
        case kind::mention:
            return has_tagged(lower(t.text), '@', x.value);
        case kind::from:
            return is_user(w, t.author_id, x.value);
        case kind::to:
            return t.in_reply_to_user && is_user(w, *t.in_reply_to_user, x.value);
        case kind::is:
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
        case kind::has:
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
        case kind::lang:
            return lower(t.lang) == x.value;
        case kind::conversation:
            return std::to_string(t.conversation_id) == x.value;
        case kind::all:
        case kind::any:
            break;
    }
    return false;
}

bool node_matches(world const& w, tweet_record const& t, search_query::node const& x) {
    using kind = search_query::node::kind;
    bool matched = false;
    if (x.what == kind::all) {
        matched = std::all_of(x.children.begin(), x.children.end(),
                              [&](auto const& child) { return node_matches(w, t, child); });
    } else if (x.what == kind::any) {
        matched = std::any_of(x.children.begin(), x.children.end(),
                              [&](auto const& child) { return node_matches(w, t, child); });
    } else {
        matched = term_matches(w, t, x);
    }
    return matched != x.negated;
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

std::optional<search_query> search_query::parse(std::string_view text, std::string* problem) {
    std::string why;
    auto root = parser(text).run(why);
    if (!root) {
        if (problem != nullptr) {
            *problem = std::move(why);
        }
        return std::nullopt;
    }
    return search_query(std::move(*root));
}

bool search_query::matches(world const& w, tweet_record const& t) const { return node_matches(w, t, root_); }

}  // namespace twitter::emulator::detail
