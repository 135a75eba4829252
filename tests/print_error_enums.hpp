#ifndef TWITTER_TESTS_PRINT_ERROR_ENUMS_HPP
#define TWITTER_TESTS_PRINT_ERROR_ENUMS_HPP

// Lets BOOST_TEST print twitter's error enums when a comparison with an error_code fails.

#include <twitter/error.hpp>

#include <ostream>

namespace twitter {

template <class Enum>
    requires boost::system::is_error_code_enum<Enum>::value
std::ostream& boost_test_print_type(std::ostream& os, Enum const& e) {
    auto const ec = make_error_code(e);
    return os << ec.category().name() << ':' << ec.value() << " (" << ec.message() << ')';
}

}  // namespace twitter

#endif
