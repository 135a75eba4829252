#ifndef TWITTER_TESTS_RECORDED_FIXTURES_HPP
#define TWITTER_TESTS_RECORDED_FIXTURES_HPP

// The exchanges recorded from the real API (../shared/fixtures/recorded), read once with Boost.JSON: each
// response, with the method, URI and body of the request that it answered.

#include <twitter/http/request.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

namespace test {

struct recorded_response {
    std::string file;
    std::int64_t status = 0;
    std::vector<twitter::http::header> headers;  // in the fixture's order
    std::optional<std::string> body;             // absent when the recording kept none
    std::string request_method;                  // e.g. "GET"
    std::string request_uri;                     // absolute, query included
    std::optional<std::string> request_body;     // absent when the request had none
};

inline std::vector<recorded_response> const& recorded_responses() {
    static std::vector<recorded_response> const all = [] {
        namespace json = boost::json;
        std::vector<recorded_response> out;
        std::filesystem::path const dir = std::filesystem::path(TWITTER_SHARED_DIR) / "fixtures" / "recorded";
        for (auto const& entry : std::filesystem::directory_iterator(dir)) {
            if (entry.path().extension() != ".json") continue;
            std::ifstream in(entry.path(), std::ios::binary);
            std::string const text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
            json::value const doc = json::parse(text);
            if (!doc.is_object() || !doc.as_object().contains("interactions")) continue;  // e.g. a README
            for (json::value const& interaction : doc.at("interactions").as_array()) {
                json::object const& response = interaction.at("response").as_object();
                recorded_response r;
                r.file = entry.path().filename().string();
                r.status = response.at("status").to_number<std::int64_t>();
                for (auto const& field : response.at("headers").as_object())
                    if (field.value().is_string())
                        r.headers.push_back({std::string(field.key()), std::string(field.value().as_string())});
                if (json::value const& body = response.at("body"); body.is_string())
                    r.body = std::string(body.as_string());
                json::object const& request = interaction.at("request").as_object();
                r.request_method = std::string(request.at("method").as_string());
                r.request_uri = std::string(request.at("uri").as_string());
                if (json::value const* body = request.if_contains("body"); body && body->is_string())
                    r.request_body = std::string(body->as_string());
                out.push_back(std::move(r));
            }
        }
        return out;
    }();
    return all;
}

}  // namespace test

#endif
