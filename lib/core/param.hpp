#ifndef TWITTER_CORE_PARAM_HPP
#define TWITTER_CORE_PARAM_HPP

// The core works on the public name/value aggregate itself, so that a request's query and form vectors reach
// the encoder and the signer without a copy into a look-alike type.
#include <twitter/param.hpp>

namespace twitter::core {

using twitter::param;

}  // namespace twitter::core

#endif
