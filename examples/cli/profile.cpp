#include "profile.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string_view>
#include <vector>

namespace cli {

namespace {

// Messages name the file and the system's reason, never a value from it.
[[noreturn]] void fail(std::string const& what, std::string const& path) {
    throw std::runtime_error(what + " " + path + ": " + std::strerror(errno));
}

}  // namespace

std::string profile::default_path() {
    if (char const* p = std::getenv("TWITTER_CLI_PROFILE"); p != nullptr && *p != '\0') return p;
    char const* home = std::getenv("HOME");
    return std::string(home != nullptr && *home != '\0' ? home : ".") + "/.twitter-cli";
}

profile profile::load(std::string path) {
    profile p;
    p.path_ = std::move(path);
    int const fd = ::open(p.path_.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT) return p;
        fail("cannot read", p.path_);
    }
    struct stat st {};
    if (::fstat(fd, &st) == 0 && (st.st_mode & 077) != 0) {
        std::cerr << "twitter-cli: warning: " << p.path_
                  << " can be read by others; it will be rewritten 0600\n";
    }
    std::string text;
    char buf[4096];
    for (;;) {
        auto const n = ::read(fd, buf, sizeof buf);
        if (n < 0) {
            if (errno == EINTR) continue;
            ::close(fd);
            fail("cannot read", p.path_);
        }
        if (n == 0) break;
        text.append(buf, static_cast<std::size_t>(n));
    }
    ::close(fd);

    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
        if (line.empty() || line[0] == '#') continue;
        auto const eq = line.find('=');
        if (eq == std::string::npos) continue;
        p.entries_[line.substr(0, eq)] = line.substr(eq + 1);
    }
    return p;
}

std::optional<std::string> profile::get(std::string const& key) const {
    auto const it = entries_.find(key);
    if (it == entries_.end() || it->second.empty()) return std::nullopt;
    return it->second;
}

void profile::set(std::string const& key, std::string value) {
    if (value.find('\n') != std::string::npos || key.find('=') != std::string::npos)
        throw std::invalid_argument("profile entries are single lines");
    entries_[key] = std::move(value);
}

void profile::erase(std::string const& key) { entries_.erase(key); }

void profile::save() const {
    std::string text = "# twitter-cli profile: holds secrets, keep it mode 0600\n";
    for (auto const& [key, value] : entries_) text += key + "=" + value + "\n";

    // The temporary sits beside the profile so that rename() is atomic (same file system).
    std::vector<char> temp(path_.begin(), path_.end());
    for (char c : std::string_view(".tmp.XXXXXX")) temp.push_back(c);
    temp.push_back('\0');
    int const fd = ::mkostemp(temp.data(), O_CLOEXEC);
    if (fd < 0) fail("cannot create a temporary file for", path_);
    std::string const temp_path(temp.data());

    // mkostemp already uses 0600, but say so explicitly: the mode must hold before any secret is written.
    bool ok = ::fchmod(fd, 0600) == 0;
    for (std::size_t done = 0; ok && done < text.size();) {
        auto const n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        ok = n > 0;
        if (ok) done += static_cast<std::size_t>(n);
    }
    ok = ok && ::fsync(fd) == 0;
    ok = ::close(fd) == 0 && ok;
    if (!ok || ::rename(temp_path.c_str(), path_.c_str()) != 0) {
        int const saved = errno;
        ::unlink(temp_path.c_str());
        errno = saved;
        fail("cannot write", path_);
    }
}

}  // namespace cli
