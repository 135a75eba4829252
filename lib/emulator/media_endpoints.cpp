// The upload endpoints of v1.1 (POST and GET /1.1/media/upload.json, on upload.twitter.com) and v2
// (/2/media/upload and its initialize, append and finalize steps), over the one media_store. Every X host
// shares the emulator's origin, so both paths are served here.

#include "emulator/api_errors.hpp"
#include "emulator/endpoint.hpp"
#include "emulator/multipart.hpp"

#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>

#include <charconv>

namespace twitter::emulator::detail {

namespace json = boost::json;

namespace {

constexpr std::string_view media_write = "media.write";
constexpr std::string_view family_init = "media/upload INIT";
constexpr std::string_view family_append = "media/upload APPEND";
constexpr std::string_view family_finalize = "media/upload FINALIZE";
constexpr std::string_view family_status = "media/upload STATUS";
constexpr std::string_view family_simple = "media/upload";

// The fields of an upload request wherever they came: query, form body, or the text parts of a multipart
// body; and the binary `media` part or the base64 `media_data` field.
struct upload_request {
    param_list fields;
    std::optional<std::string> media;
    bool malformed = false;

    std::string const* get(std::string_view name) const { return find_param(fields, name); }
};

upload_request read_upload(call const& c) {
    upload_request u;
    u.fields = c.args;
    if (auto const boundary = multipart_boundary(c.content_type)) {
        auto const parts = parse_multipart(c.body, *boundary);
        if (!parts) {
            u.malformed = true;
            return u;
        }
        for (auto const& p : *parts) {
            if (p.name == "media") {
                u.media = std::string(p.data);
            } else {
                u.fields.push_back({p.name, std::string(p.data)});
            }
        }
    }
    if (!u.media) {
        if (auto const* data = u.get("media_data")) {
            std::string compact;
            for (char ch : *data) {
                if (ch != '\r' && ch != '\n' && ch != ' ') {
                    compact += ch;
                }
            }
            u.media = base64_decode(compact);
            u.malformed = !u.media;
        }
    }
    return u;
}

std::optional<std::size_t> number(std::string const* text) {
    if (text == nullptr || text->empty()) {
        return std::nullopt;
    }
    std::size_t n = 0;
    auto const [end, ec] = std::from_chars(text->data(), text->data() + text->size(), n);
    if (ec != std::errc{} || end != text->data() + text->size()) {
        return std::nullopt;
    }
    return n;
}

std::string_view command_family(std::string const* command) {
    if (command == nullptr) {
        return family_simple;
    }
    if (*command == "INIT") {
        return family_init;
    }
    if (*command == "APPEND") {
        return family_append;
    }
    if (*command == "FINALIZE") {
        return family_finalize;
    }
    if (*command == "STATUS") {
        return family_status;
    }
    return family_simple;
}

std::string_view family_of_upload(call const& c) { return command_family(read_upload(c).get("command")); }
std::string_view family_of_status(call const&) { return family_status; }
std::string_view family_of_initialize(call const&) { return family_init; }
std::string_view family_of_append(call const&) { return family_append; }
std::string_view family_of_finalize(call const&) { return family_finalize; }

json::object processing_json(processing_state const& p) {
    json::object o;
    o["state"] = p.state;
    if (p.check_after_secs > 0) {
        o["check_after_secs"] = p.check_after_secs;
    }
    if (p.state != "pending") {
        o["progress_percent"] = p.progress_percent;
    }
    return o;
}

// v1.1's media object: ids as a number and a string, the size, and what kind of media it is.
json::object v1_media_json(media_store const& store, media_item const& m, bool with_size,
                           std::int64_t now_ms) {
    json::object o;
    o["media_id"] = m.id;
    o["media_id_string"] = std::to_string(m.id);
    o["media_key"] = m.media_key;
    if (with_size) {
        o["size"] = m.total_bytes;
    }
    o["expires_after_secs"] = (m.expires_ms() - now_ms) / 1000;
    if (m.finalized) {
        if (m.media_type.starts_with("video/")) {
            o["video"] = json::object{{"video_type", m.media_type}};
        } else if (!m.media_type.empty()) {
            o["image"] = json::object{{"image_type", m.media_type}, {"w", m.width}, {"h", m.height}};
        }
    }
    if (auto const p = store.processing(m)) {
        o["processing_info"] = processing_json(*p);
    }
    return o;
}

json::object v2_media_json(media_store const& store, media_item const& m, bool with_size,
                           std::int64_t now_ms) {
    json::object o;
    o["id"] = std::to_string(m.id);
    o["media_key"] = m.media_key;
    if (with_size) {
        o["size"] = m.total_bytes;
    }
    o["expires_after_secs"] = (m.expires_ms() - now_ms) / 1000;
    if (m.finalized && !m.media_type.empty() && !m.media_type.starts_with("video/")) {
        o["image"] = json::object{{"image_type", m.media_type}, {"w", m.width}, {"h", m.height}};
    }
    if (auto const p = store.processing(m)) {
        o["processing_info"] = processing_json(*p);
    }
    return o;
}

// The two APIs answer the same state machine in their own shapes.
struct dialect {
    bool v2 = false;

    api_response error(std::string_view message) const {
        return v2 ? invalid_body(message) : v1_error(400, 324, message);
    }
    api_response media(unsigned status, media_store const& store, media_item const& m, bool with_size,
                       std::int64_t now_ms) const {
        if (v2) {
            return data_answer(status, v2_media_json(store, m, with_size, now_ms));
        }
        return make_json(status, v1_media_json(store, m, with_size, now_ms));
    }
};

std::optional<id_type> media_id_of(upload_request const& u) {
    auto const* text = u.get("media_id");
    return text == nullptr ? std::nullopt : parse_id(*text);
}

api_response simple_upload(call& c, upload_request const& u, dialect d) {
    if (!u.media || u.media->empty()) {
        return d.error("media or media_data is required.");
    }
    if (u.media->size() > 5 * 1024 * 1024 * 3) {
        return d.error("File size exceeds the limit of a simple upload.");
    }
    auto const* type = u.get("media_type");
    auto const* category = u.get("media_category");
    auto& m = c.media.simple(c.w.next_id(c.now_ms), *u.media, type != nullptr ? *type : "",
                             category != nullptr ? *category : "", c.now_ms);
    return d.media(200, c.media, m, true, c.now_ms);
}

api_response init(call& c, std::optional<std::size_t> total, std::string type, std::string category,
                  dialect d) {
    if (!total || *total == 0) {
        return d.error(message_of(media_error::invalid_total));
    }
    if (type.empty()) {
        return d.error("media_type is required.");
    }
    auto& m = c.media.init(c.w.next_id(c.now_ms), *total, std::move(type), std::move(category), c.now_ms);
    if (d.v2) {
        return data_answer(200, json::object{{"id", std::to_string(m.id)},
                                             {"media_key", m.media_key},
                                             {"expires_after_secs", media_lifetime_secs}});
    }
    return make_json(202, json::object{{"media_id", m.id},
                                       {"media_id_string", std::to_string(m.id)},
                                       {"expires_after_secs", media_lifetime_secs},
                                       {"media_key", m.media_key}});
}

api_response append(call& c, std::optional<id_type> id, upload_request const& u, dialect d) {
    auto const index = number(u.get("segment_index"));
    if (!id) {
        return d.error(message_of(media_error::unknown_id));
    }
    if (!index) {
        return d.error("segment_index is required.");
    }
    if (!u.media) {
        return d.error("media or media_data is required.");
    }
    if (auto const e = c.media.append(*id, *index, *u.media, c.now_ms); e != media_error::none) {
        return d.error(message_of(e));
    }
    if (d.v2) {
        auto const* m = c.media.find(*id, c.now_ms);
        return data_answer(200, json::object{{"expires_at", m->expires_ms() / 1000}});
    }
    auto r = make(204, "");
    r.content_type = html_content_type;
    return r;
}

api_response finalize(call& c, std::optional<id_type> id, dialect d) {
    if (!id) {
        return d.error(message_of(media_error::unknown_id));
    }
    if (auto const e = c.media.finalize(*id, c.now_ms); e != media_error::none) {
        return d.error(message_of(e));
    }
    return d.media(d.v2 ? 200 : 201, c.media, *c.media.find(*id, c.now_ms), true, c.now_ms);
}

api_response status(call& c, std::optional<id_type> id, dialect d) {
    if (!id || c.media.poll(*id, c.now_ms) != media_error::none) {
        return d.error(message_of(media_error::unknown_id));
    }
    return d.media(200, c.media, *c.media.find(*id, c.now_ms), false, c.now_ms);
}

// POST /1.1/media/upload.json and POST /2/media/upload: a command, or a one-shot upload without one.
api_response upload(call& c, dialect d) {
    auto const u = read_upload(c);
    if (u.malformed) {
        return d.error("The request body is not a valid upload.");
    }
    auto const* command = u.get("command");
    if (command == nullptr) {
        return simple_upload(c, u, d);
    }
    if (*command == "INIT") {
        auto const* type = u.get("media_type");
        auto const* category = u.get("media_category");
        return init(c, number(u.get("total_bytes")), type != nullptr ? *type : "",
                    category != nullptr ? *category : "", d);
    }
    if (*command == "APPEND") {
        return append(c, media_id_of(u), u, d);
    }
    if (*command == "FINALIZE") {
        return finalize(c, media_id_of(u), d);
    }
    return d.error("command must be INIT, APPEND or FINALIZE.");
}

api_response v1_upload(call& c) { return upload(c, {false}); }
api_response v2_upload(call& c) { return upload(c, {true}); }

api_response poll_status(call& c, dialect d) {
    // v2 documents command=STATUS; a poll that leaves it out can only mean STATUS too.
    auto const* command = c.arg("command");
    if ((command == nullptr && !d.v2) || (command != nullptr && *command != "STATUS")) {
        return d.error("command must be STATUS.");
    }
    auto const* text = c.arg("media_id");
    return status(c, text == nullptr ? std::nullopt : parse_id(*text), d);
}

api_response v1_status(call& c) { return poll_status(c, {false}); }
api_response v2_status(call& c) { return poll_status(c, {true}); }

api_response v2_initialize(call& c) {
    api_response error;
    auto const body = json_body(c, error);
    if (!body) {
        return error;
    }
    std::optional<std::size_t> total;
    if (auto const* t = body->if_contains("total_bytes")) {
        if (t->is_uint64() || (t->is_int64() && t->as_int64() > 0)) {
            total = static_cast<std::size_t>(t->to_number<std::uint64_t>());
        } else if (t->is_string()) {
            std::string const text(t->as_string());
            total = number(&text);
        }
    }
    return init(c, total, string_member(*body, "media_type").value_or(""),
                string_member(*body, "media_category").value_or(""), {true});
}

api_response v2_append(call& c) {
    auto u = read_upload(c);
    // X's v2 append also takes JSON: {"media": "<base64>", "segment_index": n}.
    if (starts_with_icase(c.content_type, "application/json")) {
        api_response error;
        auto const body = json_body(c, error);
        if (!body) {
            return error;
        }
        auto const media = string_member(*body, "media");
        auto const* index = body->if_contains("segment_index");
        u.media = media ? base64_decode(*media) : std::nullopt;
        if (!u.media) {
            return invalid_body("$.media: base64 media is required");
        }
        if (index != nullptr && index->is_number()) {
            u.fields.push_back({"segment_index", std::to_string(index->to_number<std::uint64_t>())});
        } else if (index != nullptr && index->is_string()) {
            u.fields.push_back({"segment_index", std::string(index->as_string())});
        }
    }
    if (u.malformed) {
        return invalid_body("The request body is not a valid upload.");
    }
    return append(c, parse_id(c.params[0]), u, {true});
}

api_response v2_finalize(call& c) { return finalize(c, parse_id(c.params[0]), {true}); }

}  // namespace

std::vector<route> media_routes() {
    return {
        {"POST",
         "/1.1/media/upload.json",
         v1_upload,
         access::user,
         media_write,
         true,
         0,
         {},
         family_of_upload},
        {"GET",
         "/1.1/media/upload.json",
         v1_status,
         access::user,
         media_write,
         false,
         0,
         {},
         family_of_status},
        {"POST",
         "/2/media/upload/initialize",
         v2_initialize,
         access::user,
         media_write,
         true,
         0,
         {},
         family_of_initialize},
        {"POST",
         "/2/media/upload/:id/append",
         v2_append,
         access::user,
         media_write,
         true,
         0,
         {},
         family_of_append},
        {"POST",
         "/2/media/upload/:id/finalize",
         v2_finalize,
         access::user,
         media_write,
         true,
         0,
         {},
         family_of_finalize},
        {"GET", "/2/media/upload", v2_status, access::user, media_write, false, 0, {}, family_of_status},
        {"POST", "/2/media/upload", v2_upload, access::user, media_write, true, 0, {}, family_of_upload},
    };
}

// As the recorded uploads report them (testmediaupload*.json).
std::vector<std::pair<std::string_view, std::size_t>> media_family_limits() {
    return {{family_init, 200}, {family_append, 20000}, {family_finalize, 615}, {family_simple, 415}};
}

}  // namespace twitter::emulator::detail
