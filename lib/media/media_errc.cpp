#include <twitter/media/types.hpp>

#include <ostream>
#include <string>

namespace twitter {
namespace {

class media_category_impl final : public boost::system::error_category {
public:
    // A fixed id lets codes compare equal across shared-library copies of the category.
    media_category_impl() noexcept : error_category(0x7477'6974'6d65'6469ULL) {}

    char const* name() const noexcept override { return "twitter.media"; }

    std::string message(int ev) const override { return message(ev, nullptr, 0); }

    char const* message(int ev, char*, std::size_t) const noexcept override {
        switch (static_cast<media_errc>(ev)) {
            case media_errc::empty_media: return "the media is empty";
            case media_errc::chunk_size_out_of_range: return "the chunk size must be between 1 byte and 5 MB";
            case media_errc::too_many_segments: return "the media would need more than 1000 chunks of 5 MB";
            case media_errc::unknown_media_type: return "the media type is unknown: set media_type";
            case media_errc::source_unreadable: return "the media source could not be read";
            case media_errc::processing_failed: return "X could not process the media";
            case media_errc::processing_timeout: return "media processing did not finish in time";
        }
        return "unknown twitter.media error";
    }
};

}  // namespace

boost::system::error_category const& media_category() noexcept {
    static media_category_impl const category;
    return category;
}

std::string_view to_string(processing_state s) noexcept {
    switch (s) {
        case processing_state::pending: return "pending";
        case processing_state::in_progress: return "in_progress";
        case processing_state::succeeded: return "succeeded";
        case processing_state::failed: return "failed";
    }
    return "unknown";
}

std::ostream& operator<<(std::ostream& os, processing_state s) { return os << to_string(s); }

media_source media_source::from_bytes(std::string bytes, std::string filename) {
    return from_bytes(std::make_shared<std::string const>(std::move(bytes)), std::move(filename));
}

media_source media_source::from_bytes(std::shared_ptr<std::string const> bytes, std::string filename) {
    media_source s;
    s.bytes_ = bytes ? std::move(bytes) : std::make_shared<std::string const>();
    s.filename_ = std::move(filename);
    return s;
}

media_source media_source::from_file(std::filesystem::path path) {
    media_source s;
    s.filename_ = path.filename().string();
    s.path_ = std::move(path);
    return s;
}

}  // namespace twitter
