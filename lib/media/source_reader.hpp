#ifndef TWITTER_LIB_MEDIA_SOURCE_READER_HPP
#define TWITTER_LIB_MEDIA_SOURCE_READER_HPP

// Reads a media_source one range at a time: a view into shared bytes, or a read from the file into a buffer
// that the next read reuses.

#include <twitter/diagnostics.hpp>
#include <twitter/media/types.hpp>

#include <boost/system/result.hpp>

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>

namespace twitter::media {

class source_reader {
public:
    // Fails with media_errc::source_unreadable (and says why in `diag`) when a file cannot be opened.
    static boost::system::result<source_reader> open(media_source const& source, diagnostics& diag);

    std::uint64_t size() const noexcept { return size_; }

    // `length` bytes from `offset`; valid until the next read. A file that ends early (it shrank while
    // being uploaded) fails with media_errc::source_unreadable.
    boost::system::result<std::string_view> read(std::uint64_t offset, std::size_t length, diagnostics& diag);

private:
    source_reader() = default;

    std::shared_ptr<std::string const> bytes_;
    std::unique_ptr<std::ifstream> file_;
    std::string buffer_;
    std::uint64_t size_ = 0;
};

}  // namespace twitter::media

#endif
