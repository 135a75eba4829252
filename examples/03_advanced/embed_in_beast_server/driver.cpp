// The load that examples.embed_in_beast_server puts on the server (run_test.sh starts both): a few hundred
// requests at once over many connections, each answer checked, then a wait until the user's OAuth 2.0 token
// is due for a refresh, posts that need it, and a health check that must show the refresh.
//
// usage: embed_in_beast_server_driver <port> <rate limit the emulator was given>
// Exits 0 when every answer was right, 1 after printing the ones that were not.

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address_v4.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <exception>
#include <functional>
#include <iostream>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace json = boost::json;
using tcp = asio::ip::tcp;
using namespace std::chrono_literals;

namespace {

std::string const known_tweet = "1293593516040269825";
constexpr int get_connections = 30;
constexpr int gets_per_connection = 10;
constexpr int posts = 20;
// The server refreshes the user's token this long before it expires (oauth2_user_params::refresh_margin).
constexpr std::int64_t refresh_margin_seconds = 10;

struct request {
    http::verb method;
    std::string target;
    std::string body;
};

struct answer {
    unsigned status = 0;
    json::value body;
};

int checked = 0;
int failures = 0;

void check(bool ok, std::string const& what, answer const& a) {
    ++checked;
    if (ok) return;
    ++failures;
    std::cout << "FAIL " << what << ": " << a.status << ' ' << json::serialize(a.body) << '\n';
}

// The requests one after the other on one keep-alive connection.
asio::awaitable<std::vector<answer>> exchange(tcp::endpoint server, std::vector<request> requests) {
    beast::tcp_stream stream(co_await asio::this_coro::executor);
    stream.expires_after(60s);
    co_await stream.async_connect(server, asio::use_awaitable);
    beast::flat_buffer buffer;
    std::vector<answer> answers;
    for (auto const& r : requests) {
        http::request<http::string_body> req(r.method, r.target, 11);
        req.set(http::field::host, "127.0.0.1");
        req.body() = r.body;
        req.prepare_payload();
        co_await http::async_write(stream, req, asio::use_awaitable);
        http::response<http::string_body> res;
        co_await http::async_read(stream, buffer, res, asio::use_awaitable);
        answer a;
        a.status = res.result_int();
        try {
            a.body = json::parse(res.body());
        } catch (std::exception const&) {
            a.body = res.body();  // shown as a string by check()
        }
        answers.push_back(std::move(a));
    }
    co_return answers;
}

std::vector<request> repeat(request const& r, int times) { return std::vector<request>(times, r); }

std::string text_of(json::value const& v, char const* key) {
    auto const* o = v.if_object();
    auto const* found = o ? o->if_contains(key) : nullptr;
    return found && found->is_string() ? std::string(found->get_string()) : std::string();
}

bool is_number_text(std::string const& s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}

void check_tweet_read(answer const& a) {
    check(a.status == 200 && text_of(a.body, "id") == known_tweet && !text_of(a.body, "text").empty(),
          "GET /tweet/" + known_tweet, a);
}

void check_health_shape(answer const& a) {
    bool ok = a.status == 200;
    try {
        auto const& o = a.body.as_object();
        for (char const* c : {"app", "user"}) {
            auto const& client = o.at("clients").at(c).as_object();
            ok = ok && client.at("operations_in_flight").is_number() && client.at("shutting_down") == false &&
                 client.at("connections").is_array();
        }
        ok = ok && o.at("token").at("needs_reauthorization") == false && o.at("rate_limits").is_object();
        ok = ok && a.body.as_object().at("token").as_object().if_contains("access_token") == nullptr;
    } catch (std::exception const&) {
        ok = false;
    }
    check(ok, "GET /health", a);
}

// Connections that run at once; wait() completes when the last one has finished. The setup is plain
// functions, not coroutines: g++ 12 miscompiles string literals in braced lists inside coroutines.
class batch {
public:
    batch(asio::any_io_executor ex, tcp::endpoint server)
        : ex_(ex), server_(server), all_done_(ex, asio::steady_timer::time_point::max()) {}

    void add(std::vector<request> requests, std::function<void(std::vector<answer> const&)> on_answers) {
        ++started_;
        asio::co_spawn(ex_, exchange(server_, std::move(requests)),
                       [this, on_answers](std::exception_ptr e, std::vector<answer> answers) {
                           if (e) {
                               ++failures;
                               try {
                                   std::rethrow_exception(e);
                               } catch (std::exception const& x) {
                                   std::cout << "FAIL a connection: " << x.what() << '\n';
                               }
                           } else {
                               on_answers(answers);
                           }
                           if (++done_ == started_) all_done_.cancel();
                       });
    }

    asio::awaitable<void> wait() {
        if (done_ < started_) co_await all_done_.async_wait(asio::as_tuple(asio::use_awaitable));
    }

private:
    asio::any_io_executor ex_;
    tcp::endpoint server_;
    asio::steady_timer all_done_;
    int started_ = 0;
    int done_ = 0;
};

// Reads, posts, unknown ids, bad routes and health checks, all at once.
void add_first_wave(batch& b, std::set<std::string>& posted) {
    for (int i = 0; i < get_connections; ++i)
        b.add(repeat({http::verb::get, "/tweet/" + known_tweet, ""}, gets_per_connection),
              [](auto const& as) {
                  for (auto const& a : as) check_tweet_read(a);
              });
    for (int i = 0; i < posts; ++i)
        b.add({{http::verb::post, "/tweet", "embed_in_beast_server says hello #" + std::to_string(i)}},
              [&posted](auto const& as) {
                  check(as[0].status == 201 && is_number_text(text_of(as[0].body, "id")), "POST /tweet",
                        as[0]);
                  posted.insert(text_of(as[0].body, "id"));
              });
    b.add({{http::verb::get, "/tweet/1", ""},
           {http::verb::get, "/tweet/12ab", ""},
           {http::verb::get, "/nope", ""},
           {http::verb::post, "/tweet", ""}},
          [](auto const& as) {
              check(as[0].status == 404 && !text_of(as[0].body, "error").empty(), "GET /tweet/1 (unknown)",
                    as[0]);
              check(as[1].status == 400, "GET /tweet/12ab", as[1]);
              check(as[2].status == 404, "GET /nope", as[2]);
              check(as[3].status == 400, "POST /tweet without text", as[3]);
          });
    for (int i = 0; i < 5; ++i)
        b.add({{http::verb::get, "/health", ""}}, [](auto const& as) { check_health_shape(as[0]); });
}

void add_refresh_wave(batch& b) {
    for (int i = 0; i < 3; ++i)
        b.add({{http::verb::post, "/tweet", "after the refresh #" + std::to_string(i)}}, [](auto const& as) {
            check(as[0].status == 201, "POST /tweet with a token due for refresh", as[0]);
        });
}

std::vector<request> health_check() { return {{http::verb::get, "/health", ""}}; }

// How long until the server refreshes the user's token, from a health answer; none when it does not say.
std::optional<std::chrono::seconds> until_refresh(answer const& health) {
    check_health_shape(health);
    try {
        auto const expires_in = health.body.at("token").at("expires_in_seconds").to_number<std::int64_t>();
        return std::chrono::seconds(std::max<std::int64_t>(0, expires_in - refresh_margin_seconds + 1));
    } catch (std::exception const&) {
        check(false, "the user's token says when it expires", health);
        return std::nullopt;
    }
}

void check_refreshed(answer const& health, std::uint64_t rate_limit) {
    check_health_shape(health);
    bool ok = false;
    try {
        auto const& o = health.body.as_object();
        auto const& token = o.at("token");
        auto const& reads = o.at("rate_limits").at("GET /2/tweets/:id");
        auto const& writes = o.at("rate_limits").at("POST /2/tweets");
        bool const pooled = !o.at("clients").at("app").at("connections").as_array().empty();
        ok = token.at("refreshes").to_number<std::uint64_t>() >= 1 && token.at("has_refresh_token") == true &&
             token.at("expires_in_seconds").to_number<std::int64_t>() > refresh_margin_seconds &&
             reads.at("limit").to_number<std::uint64_t>() == rate_limit &&
             reads.at("remaining").to_number<std::uint64_t>() < rate_limit &&
             writes.at("remaining").to_number<std::uint64_t>() <
                 writes.at("limit").to_number<std::uint64_t>() &&
             o.at("clients").at("app").at("operations_in_flight") == 0 && pooled;
    } catch (std::exception const&) {
        ok = false;
    }
    check(ok, "GET /health after the refresh: one refresh at least, the limits spent, a pooled connection",
          health);
}

asio::awaitable<void> run_load(tcp::endpoint server, std::uint64_t rate_limit) {
    auto const ex = co_await asio::this_coro::executor;
    std::set<std::string> posted;
    batch first(ex, server);
    add_first_wave(first, posted);
    co_await first.wait();
    check(posted.size() == posts, "every post gave an id of its own", answer{});

    // Wait until the user's token is due for a refresh, post with it, and see the refresh in /health.
    auto const before = co_await exchange(server, health_check());
    auto const wait_for = until_refresh(before.at(0));
    if (!wait_for) co_return;
    asio::steady_timer wait(ex, *wait_for);
    co_await wait.async_wait(asio::use_awaitable);
    batch second(ex, server);
    add_refresh_wave(second);
    co_await second.wait();
    auto const after = co_await exchange(server, health_check());
    check_refreshed(after.at(0), rate_limit);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: embed_in_beast_server_driver <port> <rate limit>\n";
        return 2;
    }
    tcp::endpoint const server(asio::ip::address_v4::loopback(),
                               static_cast<unsigned short>(std::atoi(argv[1])));
    std::uint64_t const rate_limit = std::strtoull(argv[2], nullptr, 10);
    asio::io_context ioc;
    asio::co_spawn(ioc, run_load(server, rate_limit), [](std::exception_ptr e) {
        if (!e) return;
        ++failures;
        try {
            std::rethrow_exception(e);
        } catch (std::exception const& x) {
            std::cout << "FAIL: " << x.what() << '\n';
        }
    });
    ioc.run();
    std::cout << "driver: " << checked << " checks, " << failures << " failed\n";
    return failures == 0 && checked > 0 ? 0 : 1;
}
