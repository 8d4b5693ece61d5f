// The unlinked temp files the batch spills to (RowFile, SummaryStore): made and unlinked at
// once, so the system removes them when they are closed, whatever happens to the process;
// read and written whole at an offset, which needs no lock between threads.
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <cerrno>

#include "batch/detail.hpp"

namespace kinerja::batch_detail {

int unlinked_temp_file(const fs::path& dir, const char* stem) {
    std::string name = (dir.empty() ? fs::path(".") : dir) / (std::string(stem) + "-XXXXXX");
    int fd = ::mkstemp(name.data());
    if (fd >= 0) ::unlink(name.c_str());
    return fd;
}

bool read_at(int fd, void* into, std::size_t bytes, std::uint64_t at) {
    auto* p = static_cast<char*>(into);
    for (std::size_t done = 0; done < bytes;) {
        ssize_t n = ::pread(fd, p + done, bytes - done, static_cast<off_t>(at + done));
        if (n < 0 && errno == EINTR) continue;
        if (n == 0) errno = EIO;  // the file is shorter than what was written to it
        if (n <= 0) return false;
        done += static_cast<std::size_t>(n);
    }
    return true;
}

bool write_at(int fd, const void* from, std::size_t bytes, std::uint64_t at) {
    const auto* p = static_cast<const char*>(from);
    for (std::size_t done = 0; done < bytes;) {
        ssize_t n = ::pwrite(fd, p + done, bytes - done, static_cast<off_t>(at + done));
        if (n < 0 && errno == EINTR) continue;
        if (n == 0) errno = ENOSPC;
        if (n <= 0) return false;
        done += static_cast<std::size_t>(n);
    }
    return true;
}

}  // namespace kinerja::batch_detail
