#ifndef TWITTER_LIB_MEDIA_PARSE_HPP
#define TWITTER_LIB_MEDIA_PARSE_HPP

// X's answers to the media endpoints, read into uploaded_media. Anything that is not JSON, or lacks the
// media id, or holds a field of the wrong type, is protocol_errc::malformed_json.

#include <twitter/media/types.hpp>

#include <boost/system/result.hpp>

#include <string_view>

namespace twitter::media {

// v1.1 simple upload, INIT, FINALIZE and STATUS:
// {"media_id":N,"media_id_string":"N","size":N,"expires_after_secs":N,"processing_info":{...},"image":{...}}
boost::system::result<uploaded_media> parse_v1_media(std::string_view body);

// v2 one-shot upload, initialize, finalize and STATUS: {"data":{"id":"N","media_key":"..","size":N,...}}
boost::system::result<uploaded_media> parse_v2_media(std::string_view body);

// A later answer about the same media (STATUS after FINALIZE): its fields replace those it carries.
void merge_media(uploaded_media& into, uploaded_media&& later);

}  // namespace twitter::media

#endif
