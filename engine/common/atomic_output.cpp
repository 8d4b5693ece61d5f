#include "common/atomic_output.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <string>

#include "common/message.hpp"

namespace kinerja {

namespace fs = std::filesystem;

namespace {

fs::path temp_beside(const fs::path& destination) {
    static std::atomic<unsigned> counter{0};
    fs::path dir = destination.parent_path().empty() ? fs::path(".") : destination.parent_path();
    std::string name = ".kinerja-tmp-" + std::to_string(::getpid()) + "-" +
                       std::to_string(counter++) + "-" + destination.filename().string();
    return dir / name;
}

void sync_file(const fs::path& path) {
    int fd = ::open(path.c_str(), O_RDONLY);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

Message io_failure(const char* what_id, const char* what_en) {
    std::string reason = std::strerror(errno);
    return {std::string(what_id) + ": " + reason, std::string(what_en) + ": " + reason};
}

}  // namespace

void write_atomically(const fs::path& destination,
                      const std::function<void(const fs::path& temp)>& produce, bool sync) {
    const fs::path temp = temp_beside(destination);
    try {
        produce(temp);
    } catch (...) {
        std::error_code ignored;
        fs::remove(temp, ignored);
        throw;
    }
    if (sync) sync_file(temp);
    if (::rename(temp.c_str(), destination.c_str()) != 0) {
        Message m = io_failure("gagal memindahkan berkas sementara ke tujuan",
                               "could not move the temp file into place");
        std::error_code ignored;
        fs::remove(temp, ignored);
        throw OutputError(destination.string(), m);
    }
    if (!sync) return;
    fs::path dir = destination.parent_path().empty() ? fs::path(".") : destination.parent_path();
    sync_file(dir);
}

void sync_filesystem(const fs::path& path) {
    int fd = ::open(path.c_str(), O_RDONLY);
    if (fd < 0) return;
    ::syncfs(fd);
    ::close(fd);
}

}  // namespace kinerja
