// The guides show only code that compiles and runs: every ```cpp block of a guide must be made of snippets
// marked in its sources (`//[name` ... `//]`), verbatim, and every snippet must be shown. docs/authentication.md
// takes them from authentication_guide_test.cpp, docs/embedding.md from the embed_in_beast_server example.
// The files are found from the source directory the build was configured with, so the check works wherever
// the repository is and however the compiler spells __FILE__.

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::filesystem::path const repository_root = TWITTER_SOURCE_DIR;

std::string read(std::filesystem::path const& path) {
    std::ifstream in(path, std::ios::binary);
    BOOST_TEST_REQUIRE(in.good(), "cannot read " << path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::vector<std::string> lines_of(std::string const& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

std::string trim(std::string const& s) {
    auto const first = s.find_first_not_of(" \t");
    if (first == std::string::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

// The snippets of the test source, by name, with their common indentation removed.
std::map<std::string, std::string> snippets_of(std::string const& source) {
    std::map<std::string, std::string> out;
    std::string name;
    std::vector<std::string> body;
    for (auto const& line : lines_of(source)) {
        auto const t = trim(line);
        if (name.empty()) {
            if (t.starts_with("//[")) name = t.substr(3);
            continue;
        }
        if (t != "//]") {
            body.push_back(line);
            continue;
        }
        std::size_t indent = std::string::npos;
        for (auto const& l : body)
            if (!trim(l).empty()) indent = std::min(indent, l.find_first_not_of(' '));
        std::string text;
        for (auto const& l : body) text += (trim(l).empty() ? std::string() : l.substr(indent)) + "\n";
        BOOST_TEST(!out.contains(name), "two snippets are named " << name);
        out[name] = text;
        name.clear();
        body.clear();
    }
    BOOST_TEST(name.empty(), "snippet " << name << " has no closing //]");
    return out;
}

// The contents of the ```cpp blocks of a Markdown text.
std::vector<std::string> cpp_blocks_of(std::string const& markdown) {
    std::vector<std::string> blocks;
    bool inside = false;
    for (auto const& line : lines_of(markdown)) {
        if (!inside && line == "```cpp") {
            inside = true;
            blocks.emplace_back();
        } else if (inside && line == "```") {
            inside = false;
        } else if (inside) {
            blocks.back() += line + "\n";
        }
    }
    BOOST_TEST(!inside, "a ```cpp block is not closed");
    return blocks;
}

std::vector<std::string> headings_of(std::string const& markdown) {
    std::vector<std::string> out;
    bool fenced = false;
    for (auto const& line : lines_of(markdown)) {
        if (line.starts_with("```")) fenced = !fenced;
        if (!fenced && line.starts_with("#")) out.push_back(trim(line.substr(line.find_first_not_of('#'))));
    }
    return out;
}

// Every snippet is in some block, and every block is made of snippets only.
void check_blocks_are_the_snippets(std::vector<std::string> const& blocks,
                                   std::map<std::string, std::string> const& snippets, std::string const& guide) {
    std::vector<std::string> by_length;
    for (auto const& [name, text] : snippets) {
        BOOST_TEST(!text.empty(), "snippet " << name << " is empty");
        bool const shown = std::any_of(blocks.begin(), blocks.end(), [&](std::string const& b) {
            return b.find(text) != std::string::npos;
        });
        BOOST_TEST(shown, "snippet " << name << " is not in any ```cpp block of " << guide << ":\n"
                                     << text);
        by_length.push_back(text);
    }
    // Longest first, so that a snippet contained in a longer one does not leave the longer one's remains.
    std::sort(by_length.begin(), by_length.end(),
              [](std::string const& a, std::string const& b) { return a.size() > b.size(); });

    for (std::size_t i = 0; i < blocks.size(); ++i) {
        std::string rest = blocks[i];
        for (auto const& text : by_length)
            for (auto at = rest.find(text); at != std::string::npos; at = rest.find(text))
                rest.erase(at, text.size());
        BOOST_TEST(rest.find_first_not_of(" \t\n") == std::string::npos,
                   "```cpp block " << i + 1 << " holds code that is not a tested snippet:\n"
                                   << rest);
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(docs_snippets)

BOOST_AUTO_TEST_CASE(authentication_guide_shows_exactly_the_tested_snippets) {
    auto const guide = read(repository_root / "docs" / "authentication.md");
    auto const snippets =
        snippets_of(read(repository_root / "tests" / "integration" / "authentication_guide_test.cpp"));
    auto const blocks = cpp_blocks_of(guide);

    // Tweepy's guide (../shared/seed/tweepy-authentication.txt), counted by hand, has 20 code blocks, in
    // order:
    //  v1.1: OAuth2BearerHandler, OAuth2AppHandler, OAuth1UserHandler with four credentials;
    //  v2: Client(bearer), Client(four credentials), OAuth2UserHandler(...), print(get_authorization_url()),
    //      response = fetch_token(...), client = Client("Access Token here");
    //  3-legged: OAuth1UserHandler(callback=...), print(get_authorization_url()),
    //      print(get_authorization_url(signin_with_twitter=True)), access_token, access_token_secret = ...,
    //      request_token = ... (reinitializing), api = API(oauth1_user_handler), auth =
    //      OAuth1UserHandler(four credentials), client = Client(four credentials);
    //  PIN-based: OAuth1UserHandler(callback="oob"), print(get_authorization_url()), verifier = input(...).
    // Each has exactly one C++ twin.
    BOOST_TEST(blocks.size() == 20u);
    check_blocks_are_the_snippets(blocks, snippets, "docs/authentication.md");
}

BOOST_AUTO_TEST_CASE(embedding_guide_shows_exactly_the_example_snippets) {
    auto const example = repository_root / "examples" / "03_advanced" / "embed_in_beast_server";
    std::map<std::string, std::string> snippets;
    for (auto const& file : std::filesystem::directory_iterator(example))
        if (file.path().extension() == ".cpp" || file.path().extension() == ".hpp")
            for (auto const& [name, text] : snippets_of(read(file.path())))
                BOOST_TEST(snippets.emplace(name, text).second, "two snippets are named " << name);
    BOOST_TEST(!snippets.empty());
    check_blocks_are_the_snippets(cpp_blocks_of(read(repository_root / "docs" / "embedding.md")), snippets,
                                  "docs/embedding.md");
}

BOOST_AUTO_TEST_CASE(authentication_guide_keeps_the_sections_of_tweepys) {
    auto const headings = headings_of(read(repository_root / "docs" / "authentication.md"));
    std::vector<std::string> const expected = {
        "Authentication",
        "Introduction",
        "Twitter API v1.1",
        "OAuth 2.0 Bearer Token (App-Only)",
        "OAuth 1.0a User Context",
        "Twitter API v2",
        "OAuth 2.0 Bearer Token (App-Only)",
        "OAuth 1.0a User Context",
        "OAuth 2.0 Authorization Code Flow with PKCE (User Context)",
        "3-legged OAuth",
        "PIN-based OAuth",
        "Reference",
    };
    // Reference may have sub-headings of its own; the sections before it must match one for one.
    BOOST_TEST_REQUIRE(headings.size() >= expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) BOOST_TEST(headings[i] == expected[i]);
}

BOOST_AUTO_TEST_SUITE_END()
