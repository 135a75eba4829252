#include "media/source_reader.hpp"

#include <filesystem>
#include <system_error>

namespace twitter::media {
namespace {

error_code unreadable(diagnostics& diag, std::string why) {
    diag.message = std::move(why);
    return media_errc::source_unreadable;
}

}  // namespace

boost::system::result<source_reader> source_reader::open(media_source const& source, diagnostics& diag) {
    source_reader r;
    if (!source.is_file()) {
        r.bytes_ = source.bytes();
        r.size_ = r.bytes_->size();
        return r;
    }
    std::error_code ec;
    auto const size = std::filesystem::file_size(source.path(), ec);
    if (ec) return unreadable(diag, "cannot read the size of " + source.path().string() + ": " + ec.message());
    r.file_ = std::make_unique<std::ifstream>(source.path(), std::ios::binary);
    if (!*r.file_) return unreadable(diag, "cannot open " + source.path().string());
    r.size_ = size;
    return r;
}

boost::system::result<std::string_view> source_reader::read(std::uint64_t offset, std::size_t length,
                                                            diagnostics& diag) {
    if (offset > size_ || length > size_ - offset) return unreadable(diag, "read past the end of the media");
    if (bytes_) return std::string_view(*bytes_).substr(static_cast<std::size_t>(offset), length);
    buffer_.resize(length);
    file_->clear();
    file_->seekg(static_cast<std::streamoff>(offset));
    file_->read(buffer_.data(), static_cast<std::streamsize>(length));
    if (static_cast<std::size_t>(file_->gcount()) != length)
        return unreadable(diag, "the media file ended early: did it change while uploading?");
    return std::string_view(buffer_);
}

}  // namespace twitter::media
