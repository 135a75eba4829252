#include "media/requests.hpp"

#include "media/multipart.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <vector>

namespace twitter::media {
namespace {

// X takes additional_owners as one comma-separated list in forms.
std::string comma_list(std::vector<std::string> const& items) {
    std::string out;
    for (std::string const& item : items) {
        if (!out.empty()) out += ',';
        out += item;
    }
    return out;
}

http::request user_request(http::verb method, std::string target) {
    http::request req;
    req.method = method;
    req.target = std::move(target);
    req.auth = http::auth_mode::user;
    return req;
}

boost::system::result<http::request> multipart_request(std::string target, std::span<form_part const> parts) {
    auto encoded = encode_multipart(parts);
    if (!encoded) return encoded.error();
    http::request req = user_request(http::verb::post, std::move(target));
    req.kind = http::body_kind::raw;
    req.content_type = std::move(encoded->content_type);
    req.body = std::move(encoded->body);
    return req;
}

boost::system::result<http::request> simple_request(std::string target, simple_fields const& f) {
    std::string const owners = f.additional_owners ? comma_list(*f.additional_owners) : std::string();
    std::vector<form_part> parts;
    parts.push_back({"media", f.data, f.filename.empty() ? std::string_view("media") : f.filename, {}});
    if (!f.media_type.empty()) parts.push_back({"media_type", f.media_type, {}, {}});
    if (!f.media_category.empty()) parts.push_back({"media_category", f.media_category, {}, {}});
    if (!owners.empty()) parts.push_back({"additional_owners", owners, {}, {}});
    return multipart_request(std::move(target), parts);
}

std::string v2_media_path(std::string_view media_id, std::string_view step) {
    std::string path = "/2/media/upload/";
    path += media_id;
    path += '/';
    path += step;
    return path;
}

}  // namespace

std::string v1_upload_url(endpoints const& hosts) {
    std::string_view host = hosts.upload;
    while (host.ends_with('/')) host.remove_suffix(1);
    return std::string(host) + "/1.1/media/upload.json";
}

boost::system::result<http::request> v1_simple_request(endpoints const& hosts, simple_fields const& f) {
    simple_fields v1 = f;
    v1.media_type = {};  // the v1.1 simple upload takes no media_type: X reads the image
    return simple_request(v1_upload_url(hosts), v1);
}

http::request v1_init_request(endpoints const& hosts, init_fields const& f) {
    http::request req = user_request(http::verb::post, v1_upload_url(hosts));
    req.kind = http::body_kind::form;
    req.form.push_back({"command", "INIT"});
    req.form.push_back({"total_bytes", std::to_string(f.total_bytes)});
    req.form.push_back({"media_type", std::string(f.media_type)});
    if (!f.media_category.empty()) req.form.push_back({"media_category", std::string(f.media_category)});
    if (f.additional_owners && !f.additional_owners->empty())
        req.form.push_back({"additional_owners", comma_list(*f.additional_owners)});
    return req;
}

boost::system::result<http::request> v1_append_request(endpoints const& hosts, std::string_view media_id,
                                                       std::size_t segment_index, std::string_view chunk,
                                                       std::string_view filename) {
    std::string const segment = std::to_string(segment_index);
    form_part const parts[] = {
        {"command", "APPEND", {}, {}},
        {"media_id", media_id, {}, {}},
        {"segment_index", segment, {}, {}},
        {"media", chunk, filename.empty() ? std::string_view("media") : filename, {}},
    };
    return multipart_request(v1_upload_url(hosts), parts);
}

http::request v1_finalize_request(endpoints const& hosts, std::string_view media_id) {
    http::request req = user_request(http::verb::post, v1_upload_url(hosts));
    req.kind = http::body_kind::form;
    req.form.push_back({"command", "FINALIZE"});
    req.form.push_back({"media_id", std::string(media_id)});
    return req;
}

http::request v1_status_request(endpoints const& hosts, std::string_view media_id) {
    http::request req = user_request(http::verb::get, v1_upload_url(hosts));
    req.query.push_back({"command", "STATUS"});
    req.query.push_back({"media_id", std::string(media_id)});
    return req;
}

boost::system::result<http::request> v2_simple_request(simple_fields const& f) {
    return simple_request("/2/media/upload", f);
}

http::request v2_init_request(init_fields const& f) {
    boost::json::object body;
    body["media_type"] = f.media_type;
    body["total_bytes"] = f.total_bytes;
    if (!f.media_category.empty()) body["media_category"] = f.media_category;
    if (f.additional_owners && !f.additional_owners->empty()) {
        boost::json::array owners;
        for (std::string const& id : *f.additional_owners) owners.emplace_back(id);
        body["additional_owners"] = std::move(owners);
    }
    http::request req = user_request(http::verb::post, "/2/media/upload/initialize");
    req.kind = http::body_kind::json;
    req.body = boost::json::serialize(body);
    return req;
}

boost::system::result<http::request> v2_append_request(std::string_view media_id, std::size_t segment_index,
                                                       std::string_view chunk, std::string_view filename) {
    std::string const segment = std::to_string(segment_index);
    form_part const parts[] = {
        {"segment_index", segment, {}, {}},
        {"media", chunk, filename.empty() ? std::string_view("media") : filename, {}},
    };
    return multipart_request(v2_media_path(media_id, "append"), parts);
}

http::request v2_finalize_request(std::string_view media_id) {
    return user_request(http::verb::post, v2_media_path(media_id, "finalize"));
}

http::request v2_status_request(std::string_view media_id) {
    http::request req = user_request(http::verb::get, "/2/media/upload");
    req.query.push_back({"command", "STATUS"});
    req.query.push_back({"media_id", std::string(media_id)});
    return req;
}

}  // namespace twitter::media
