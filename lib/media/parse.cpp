#include "media/parse.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>

namespace twitter::media {
namespace json = boost::json;
namespace {

error_code malformed() { return protocol_errc::malformed_json; }

// Null counts as absent; a value of the wrong type is malformed.
json::value const* find(json::object const& obj, std::string_view key) {
    auto const* v = obj.if_contains(key);
    return v && !v->is_null() ? v : nullptr;
}

bool read_uint(json::value const& v, std::uint64_t& out) {
    if (v.is_uint64()) {
        out = v.get_uint64();
        return true;
    }
    if (v.is_int64() && v.get_int64() >= 0) {
        out = static_cast<std::uint64_t>(v.get_int64());
        return true;
    }
    return false;
}

bool read_int(json::value const& v, int& out) {
    if (!v.is_int64() || v.get_int64() < std::numeric_limits<int>::min() ||
        v.get_int64() > std::numeric_limits<int>::max())
        return false;
    out = static_cast<int>(v.get_int64());
    return true;
}

bool read_string(json::object const& obj, std::string_view key, std::string& out) {
    auto const* v = find(obj, key);
    if (!v) return true;
    if (!v->is_string()) return false;
    out = v->get_string();
    return true;
}

bool read_optional_uint(json::object const& obj, std::string_view key, std::optional<std::uint64_t>& out) {
    auto const* v = find(obj, key);
    if (!v) return true;
    std::uint64_t n = 0;
    if (!read_uint(*v, n)) return false;
    out = n;
    return true;
}

bool read_seconds(json::object const& obj, std::string_view key, std::optional<std::chrono::seconds>& out) {
    std::optional<std::uint64_t> n;
    if (!read_optional_uint(obj, key, n)) return false;
    if (n) {
        if (*n > static_cast<std::uint64_t>(std::numeric_limits<std::chrono::seconds::rep>::max())) return false;
        out = std::chrono::seconds(static_cast<std::chrono::seconds::rep>(*n));
    }
    return true;
}

std::optional<processing_state> state_from(std::string_view s) {
    if (s == "pending") return processing_state::pending;
    if (s == "in_progress") return processing_state::in_progress;
    if (s == "succeeded") return processing_state::succeeded;
    if (s == "failed") return processing_state::failed;
    return std::nullopt;
}

bool read_processing(json::object const& obj, std::optional<processing_info>& out) {
    auto const* v = find(obj, "processing_info");
    if (!v) return true;
    if (!v->is_object()) return false;
    json::object const& p = v->get_object();
    auto const* state = find(p, "state");
    if (!state || !state->is_string()) return false;
    auto const parsed = state_from(state->get_string());
    if (!parsed) return false;  // X documents exactly four states
    processing_info info;
    info.state = *parsed;
    if (!read_seconds(p, "check_after_secs", info.check_after)) return false;
    if (auto const* pct = find(p, "progress_percent")) {
        int n = 0;
        if (!read_int(*pct, n)) return false;
        info.progress_percent = n;
    }
    if (auto const* err = find(p, "error")) {
        if (!err->is_object()) return false;
        json::object const& e = err->get_object();
        processing_error pe;
        if (auto const* code = find(e, "code")) {
            int n = 0;
            if (!read_int(*code, n)) return false;
            pe.code = n;
        }
        if (!read_string(e, "name", pe.name) || !read_string(e, "message", pe.message)) return false;
        info.error = std::move(pe);
    }
    out = std::move(info);
    return true;
}

bool read_image_and_video(json::object const& obj, uploaded_media& out) {
    if (auto const* v = find(obj, "image")) {
        if (!v->is_object()) return false;
        json::object const& img = v->get_object();
        uploaded_image image;
        std::optional<std::uint64_t> w, h;
        if (!read_string(img, "image_type", image.image_type) || !read_optional_uint(img, "w", w) ||
            !read_optional_uint(img, "h", h))
            return false;
        if ((w && *w > std::numeric_limits<unsigned>::max()) || (h && *h > std::numeric_limits<unsigned>::max()))
            return false;
        image.width = static_cast<unsigned>(w.value_or(0));
        image.height = static_cast<unsigned>(h.value_or(0));
        out.image = std::move(image);
    }
    if (auto const* v = find(obj, "video")) {
        if (!v->is_object() || !read_string(v->get_object(), "video_type", out.video_type)) return false;
    }
    return true;
}

// The fields both versions share, once the id is read.
bool read_common(json::object const& obj, uploaded_media& out) {
    std::optional<std::uint64_t> size;
    if (!read_string(obj, "media_key", out.media_key) || !read_optional_uint(obj, "size", size) ||
        !read_seconds(obj, "expires_after_secs", out.expires_after) || !read_processing(obj, out.processing) ||
        !read_image_and_video(obj, out))
        return false;
    out.size = size.value_or(0);
    return true;
}

std::optional<json::value> parse_json(std::string_view body) {
    error_code ec;
    json::value v = json::parse(body, ec);
    if (ec) return std::nullopt;
    return v;
}

}  // namespace

boost::system::result<uploaded_media> parse_v1_media(std::string_view body) {
    auto const doc = parse_json(body);
    if (!doc || !doc->is_object()) return malformed();
    json::object const& obj = doc->get_object();
    uploaded_media out;
    // media_id_string first: a double-based JSON reader would round the number.
    if (auto const* s = find(obj, "media_id_string")) {
        if (!s->is_string() || s->get_string().empty()) return malformed();
        out.media_id = s->get_string();
    } else if (auto const* n = find(obj, "media_id")) {
        std::uint64_t id = 0;
        if (!read_uint(*n, id)) return malformed();
        out.media_id = std::to_string(id);
    } else {
        return malformed();
    }
    if (!read_common(obj, out)) return malformed();
    return out;
}

boost::system::result<uploaded_media> parse_v2_media(std::string_view body) {
    auto const doc = parse_json(body);
    if (!doc || !doc->is_object()) return malformed();
    auto const* data = find(doc->get_object(), "data");
    if (!data || !data->is_object()) return malformed();
    json::object const& obj = data->get_object();
    uploaded_media out;
    // X's schema says "id"; its STATUS schema also lists "media_id", so either names the media.
    auto const* id = find(obj, "id");
    if (!id) id = find(obj, "media_id");
    if (!id || !id->is_string() || id->get_string().empty()) return malformed();
    out.media_id = id->get_string();
    if (!read_common(obj, out)) return malformed();
    return out;
}

void merge_media(uploaded_media& into, uploaded_media&& later) {
    if (!later.media_key.empty()) into.media_key = std::move(later.media_key);
    if (later.size != 0) into.size = later.size;
    if (later.expires_after) into.expires_after = later.expires_after;
    if (later.processing) into.processing = std::move(later.processing);
    if (later.image) into.image = std::move(later.image);
    if (!later.video_type.empty()) into.video_type = std::move(later.video_type);
}

}  // namespace twitter::media
