// Boost.JSON and Boost.URL compiled into the fuzz library from their headers, so that their parsers are
// instrumented too and libFuzzer's coverage reaches into them. The regular build links Boost's own libraries.
#include <boost/json/src.hpp>
#include <boost/url/src.hpp>
