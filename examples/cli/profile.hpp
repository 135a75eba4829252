#ifndef TWITTER_CLI_PROFILE_HPP
#define TWITTER_CLI_PROFILE_HPP

// The profile: the tokens twitter-cli has obtained, one `key=value` per line. It holds secrets, so it is only
// ever written whole, with mode 0600 set before the first byte, to a temporary file that is then renamed
// over the old one: a reader never sees half a profile, and nobody else can read it at any moment.

#include <map>
#include <optional>
#include <string>

namespace cli {

class profile {
public:
    // Reads `path`; a missing file is an empty profile. Throws std::runtime_error on other failures.
    static profile load(std::string path);

    std::optional<std::string> get(std::string const& key) const;
    void set(std::string const& key, std::string value);
    void erase(std::string const& key);

    // Writes the whole profile atomically (temporary file, fchmod 0600, write, fsync, rename).
    void save() const;

    std::string const& path() const { return path_; }

    // $TWITTER_CLI_PROFILE, else ~/.twitter-cli.
    static std::string default_path();

private:
    std::string path_;
    std::map<std::string, std::string> entries_;
};

// The keys the commands use.
namespace keys {
inline constexpr char const* app_bearer_token = "app_bearer_token";
inline constexpr char const* oauth1_access_token = "oauth1_access_token";
inline constexpr char const* oauth1_access_token_secret = "oauth1_access_token_secret";
inline constexpr char const* oauth1_user_id = "oauth1_user_id";
inline constexpr char const* oauth1_screen_name = "oauth1_screen_name";
inline constexpr char const* oauth2_token = "oauth2_token";  // oauth2_token::serialize()
}  // namespace keys

}  // namespace cli

#endif
