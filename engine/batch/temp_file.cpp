// Reading and writing the unnamed temp files the batch spills to (RowFile, SummaryStore,
// made with open_unnamed_file): whole at an offset, which needs no lock between threads.
#include <unistd.h>

#include <cerrno>

#include "batch/data_table.hpp"
#include "batch/files.hpp"
#include "batch/summary_store.hpp"

namespace kinerja::batch_detail {

fs::path spill_dir() {
    std::error_code ec;
    fs::path dir = fs::temp_directory_path(ec);
    return ec ? fs::path("/tmp") : dir;
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
