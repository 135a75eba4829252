#ifndef TWITTER_TESTS_UNIT_CORE_VECTORS_HPP
#define TWITTER_TESTS_UNIT_CORE_VECTORS_HPP

// Reads the shared test vectors at run time, so that a vector added to the file is checked without a rebuild.

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <fstream>
#include <iterator>
#include <string>
#include <string_view>

namespace twitter::core::test {

inline boost::json::value const& oauth_vectors() {
    static boost::json::value const vectors = [] {
        std::ifstream in(TWITTER_SHARED_DIR "/vectors/oauth.json", std::ios::binary);
        std::string const text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        boost::system::error_code ec;
        auto v = boost::json::parse(text, ec);
        return ec ? boost::json::value{} : v;
    }();
    return vectors;
}

// The named list of vectors, or an empty array when the file or the list is missing (the callers then fail
// their "checked at least one" assertion).
inline boost::json::array const& vector_list(std::string_view key) {
    static boost::json::array const none;
    auto const* file = oauth_vectors().if_object();
    if (file == nullptr) return none;
    auto const* list = file->if_contains(key);
    return list != nullptr && list->is_array() ? list->get_array() : none;
}

inline std::string text(boost::json::value const& v) { return std::string(v.as_string()); }

}  // namespace twitter::core::test

#endif
