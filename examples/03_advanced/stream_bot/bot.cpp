#include "bot.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <ostream>
#include <vector>

namespace example {

namespace asio = boost::asio;
namespace v2 = twitter::v2;

namespace {

// The rule's id, adding the rule first when the app does not have it yet; `added` says which.
asio::awaitable<std::string> ensure_rule(twitter::client& app, std::string const& value, bool& added) {
    auto const existing = co_await app.async_get_rules();
    for (v2::stream_rule const& rule : existing.data)
        if (rule.value == value) co_return rule.id;
    std::vector<v2::new_rule> rules(1);
    rules[0].value = value;
    rules[0].tag = "stream_bot";
    auto const created = co_await app.async_add_rules(rules);
    added = true;
    co_return created.data.at(0).id;
}

}  // namespace

asio::awaitable<bot_report> run_stream_bot(twitter::client& app, twitter::client& user, bot_options options,
                                           std::ostream& log) {
    auto const me = co_await user.async_get_me();
    std::string const my_id = me.data.value().id;

    bool added = false;
    std::string const rule_id = co_await ensure_rule(app, options.rule, added);
    log << "listening for \"" << options.rule << "\" (rule " << rule_id << ")\n";

    v2::stream_params params;
    params.fields.expansions = {v2::expansion::author_id};
    v2::stream stream(app, v2::filter_stream(params));
    // The stream reconnects by itself; its run ends only when stopped or when it cannot go on, and then
    // async_read_event reports why.
    stream.async_run(asio::detached);

    asio::steady_timer deadline(co_await asio::this_coro::executor);
    if (options.run_for) {
        deadline.expires_after(*options.run_for);
        deadline.async_wait([&stream](twitter::error_code ec) {
            if (!ec) stream.stop();
        });
    }

    bot_report report;
    for (;;) {
        auto [ec, event] = co_await stream.async_read_event(asio::as_tuple(asio::use_awaitable));
        if (ec) {
            if (ec != asio::error::operation_aborted) log << "the stream ended: " << ec.message() << '\n';
            break;
        }
        if (!event.data || event.data->author_id.value_or("") == my_id) continue;
        ++report.matched;
        log << "matched " << event.data->id << ": " << event.data->text << '\n';

        v2::create_tweet_params reply;
        reply.text = options.reply;
        reply.reply.emplace();
        reply.reply->in_reply_to_tweet_id = event.data->id;
        auto const posted = co_await user.async_create_tweet(reply);
        ++report.replied;
        log << "replied " << posted.data.value().id << '\n';
        if (options.max_replies && report.replied >= *options.max_replies) break;
    }
    stream.stop();
    deadline.cancel();
    report.stream = stream.stats();
    if (added) {
        std::vector<std::string> const ids{rule_id};  // named: g++ 12 mishandles temporaries in co_await
        co_await app.async_delete_rules(ids);
    }
    co_return report;
}

}  // namespace example
