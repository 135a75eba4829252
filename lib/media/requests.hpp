#ifndef TWITTER_LIB_MEDIA_REQUESTS_HPP
#define TWITTER_LIB_MEDIA_REQUESTS_HPP

// The requests of an upload, as X documents them. Every one needs user context.
//   v1.1, upload host, /1.1/media/upload.json: simple (multipart "media"), INIT (form), APPEND (multipart
//   command, media_id, segment_index, media), FINALIZE (form), STATUS (GET with a query).
//   v2, API host: /2/media/upload (multipart one-shot), /2/media/upload/initialize (JSON),
//   /2/media/upload/{id}/append (multipart segment_index, media), /2/media/upload/{id}/finalize,
//   GET /2/media/upload?command=STATUS&media_id=.

#include <twitter/client_config.hpp>
#include <twitter/http/request.hpp>

#include <boost/system/result.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace twitter::media {

struct init_fields {
    std::uint64_t total_bytes = 0;
    std::string_view media_type;
    std::string_view media_category;  // empty: not sent
    std::vector<std::string> const* additional_owners = nullptr;
};

struct simple_fields {
    std::string_view data;
    std::string_view filename;
    std::string_view media_type;      // v2 only; empty: not sent
    std::string_view media_category;  // empty: not sent
    std::vector<std::string> const* additional_owners = nullptr;
};

// "https://upload.x.com/1.1/media/upload.json" for the configured upload host.
std::string v1_upload_url(endpoints const& hosts);

boost::system::result<http::request> v1_simple_request(endpoints const& hosts, simple_fields const& f);
http::request v1_init_request(endpoints const& hosts, init_fields const& f);
boost::system::result<http::request> v1_append_request(endpoints const& hosts, std::string_view media_id,
                                                       std::size_t segment_index, std::string_view chunk,
                                                       std::string_view filename);
http::request v1_finalize_request(endpoints const& hosts, std::string_view media_id);
http::request v1_status_request(endpoints const& hosts, std::string_view media_id);

boost::system::result<http::request> v2_simple_request(simple_fields const& f);
http::request v2_init_request(init_fields const& f);
boost::system::result<http::request> v2_append_request(std::string_view media_id, std::size_t segment_index,
                                                       std::string_view chunk, std::string_view filename);
http::request v2_finalize_request(std::string_view media_id);
http::request v2_status_request(std::string_view media_id);

}  // namespace twitter::media

#endif
