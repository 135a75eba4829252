// The baseline for compile_time.sh: the least any Asio user pays, the executor header alone.
#include <boost/asio/any_io_executor.hpp>
