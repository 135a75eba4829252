#ifndef TWITTER_PARAM_HPP
#define TWITTER_PARAM_HPP

#include <string>

namespace twitter {

// One name=value pair of a query string or a form body, unencoded. Order is kept; names may repeat.
struct param {
    std::string name;
    std::string value;

    friend bool operator==(param const&, param const&) = default;
};

}  // namespace twitter

#endif
