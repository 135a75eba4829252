#ifndef TWITTER_EXCEPTION_HPP
#define TWITTER_EXCEPTION_HPP

// The exceptions thrown when an operation is awaited with the default completion token.
// They mirror Tweepy's: HTTPException and its BadRequest, Unauthorized, Forbidden, NotFound, TooManyRequests
// and TwitterServerError. Every one is a boost::system::system_error, so code that catches that still works.

#include <twitter/diagnostics.hpp>
#include <twitter/error.hpp>

#include <boost/system/system_error.hpp>

#include <exception>

namespace twitter {

class error : public boost::system::system_error {
public:
    error(error_code ec, diagnostics diag);
    diagnostics const& diag() const noexcept { return diag_; }

private:
    diagnostics diag_;
};

// The API answered with an HTTP error status.
class http_error : public error {
public:
    using error::error;
    unsigned status() const noexcept { return diag().http_status; }
};

class bad_request : public http_error {
public:
    using http_error::http_error;
};
class unauthorized : public http_error {
public:
    using http_error::http_error;
};
class forbidden : public http_error {
public:
    using http_error::http_error;
};
class not_found : public http_error {
public:
    using http_error::http_error;
};
class too_many_requests : public http_error {
public:
    using http_error::http_error;
    // When the rate-limit window resets, in seconds since the Unix epoch; 0 when the server did not say.
    std::int64_t reset_time() const noexcept { return diag().limits.window ? diag().limits.window->reset : 0; }
};
class server_error : public http_error {
public:
    using http_error::http_error;
};

// The most specific exception for an error code, as an exception_ptr. A null ec gives a null pointer.
std::exception_ptr make_exception_ptr(error_code const& ec, diagnostics const& diag);

// Throws the most specific exception for ec when ec is set.
void throw_on_error(error_code const& ec, diagnostics const& diag);

}  // namespace twitter

#endif
