// RowFile: the regional data's rows in an unlinked temporary file. Held in memory they were
// about 3 KB per unit (92 rows of a capaian workbook), the largest part of what grew with the
// size of the region. Rows are written once, buffered, while the data is read, and each
// worker reads its unit's runs back with pread, which needs no lock.
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <type_traits>

#include "batch/data_table.hpp"
#include "batch/files.hpp"
#include "common/atomic_output.hpp"

namespace kinerja::batch_detail {

static_assert(std::is_trivially_copyable_v<DataRow>, "rows are written as they are in memory");

struct RowFile::Impl {
    std::FILE* file = nullptr;
    std::uint64_t count = 0;
    ~Impl() {
        if (file) std::fclose(file);
    }
};

namespace {

[[noreturn]] void temp_failure() {
    std::string reason = std::strerror(errno);  // before anything else can change errno
    throw InputError(
        spill_dir().string(), "",
        {std::string("berkas sementara untuk baris data tidak dapat dipakai: ") + reason +
             "; folder sementara (TMPDIR) harus ada, dapat ditulis dan cukup ruang",
         std::string("the temporary file for the data rows cannot be used: ") + reason +
             "; the temp folder (TMPDIR) must exist, be writable and have room"});
}

}  // namespace

// In the temp folder: TMPDIR is honoured, unlike tmpfile().
RowFile::RowFile() : impl_(std::make_unique<Impl>()) {
    int fd = open_unnamed_file(spill_dir());
    if (fd < 0) temp_failure();
    impl_->file = ::fdopen(fd, "w+b");
    if (!impl_->file) {
        ::close(fd);
        temp_failure();
    }
}

RowFile::~RowFile() = default;
RowFile::RowFile(RowFile&&) noexcept = default;
RowFile& RowFile::operator=(RowFile&&) noexcept = default;

std::uint64_t RowFile::append(const DataRow& row) {
    if (std::fwrite(&row, sizeof row, 1, impl_->file) != 1) temp_failure();
    return impl_->count++;
}

void RowFile::finish() {
    if (std::fflush(impl_->file) != 0) temp_failure();
}

std::vector<DataRow> RowFile::read(const std::vector<RowRun>& runs) const {
    std::size_t total = 0;
    for (const RowRun& run : runs) total += run.count;
    std::vector<DataRow> rows(total);
    char* into = reinterpret_cast<char*>(rows.data());
    int fd = fileno(impl_->file);
    for (const RowRun& run : runs) {
        std::size_t bytes = std::size_t{run.count} * sizeof(DataRow);
        if (!read_at(fd, into, bytes, run.first * sizeof(DataRow))) temp_failure();
        into += bytes;
    }
    return rows;
}

}  // namespace kinerja::batch_detail
