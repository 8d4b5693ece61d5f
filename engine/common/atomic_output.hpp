// Writing a file so that readers see either the old file or the complete new one, and the
// temp files that takes.
//
// Every temp file Kinerja makes is private: a random name, created exclusively (an existing
// name or a symbolic link planted at it is refused, never followed), owner-only (0600), and
// written through /proc/self/fd/N, which reaches the file that was created whatever is later
// renamed or planted in its folder. Names beside a destination start with ".kinerja-tmp-",
// so a run killed before its rename leaves only files remove_stray_temps() recognises.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <string_view>

#include "common/message.hpp"

namespace kinerja {

// A temp file of our own, removed when destroyed unless kept.
class PrivateFile {
public:
    // ".kinerja-tmp-<pid>-<random>-<tail>" in `dir`. Throws OutputError naming `dir`.
    static PrivateFile named(const std::filesystem::path& dir, std::string_view tail);
    // A file without a name in `dir` (open_unnamed_file), to be reached by access_path().
    // Throws OutputError naming `dir`, also when /proc is not there to reach it by.
    static PrivateFile unnamed(const std::filesystem::path& dir);

    PrivateFile(PrivateFile&& other) noexcept;
    PrivateFile& operator=(PrivateFile&& other) noexcept;
    ~PrivateFile();

    int fd() const { return fd_; }
    // Its name in its folder; empty when unnamed.
    const std::filesystem::path& path() const { return path_; }
    // The path to open this very file by, for code that takes a file name (libxlsxwriter, a
    // stream): /proc/self/fd/N, or the name itself where /proc is missing.
    std::filesystem::path access_path() const;
    // The name now belongs to someone else (renamed into place): leave it.
    void keep() { path_.clear(); }

private:
    PrivateFile() = default;
    int fd_ = -1;
    std::filesystem::path path_;
};

// A file without a name in `dir`, open for reading and writing (O_TMPFILE, or on a
// filesystem without it a private name removed at once): nothing of it outlives the process
// and no other user can open it. -1 with errno set when it cannot be made.
int open_unnamed_file(const std::filesystem::path& dir);

// "/dev/shm" when it can be written, else empty: where workbooks are staged in memory
// (WriteOptions::temp_folder) before the finished file is copied beside its destination.
std::filesystem::path memory_folder();

// Calls `produce(temp)` with a private temp file beside `destination` (its access_path()),
// fsyncs the result and renames it over `destination`. If `produce` throws, or the process
// dies, the destination is untouched and the temp file is removed (or, after a kill, left as
// a ".kinerja-tmp-*" file for remove_stray_temps()). Throws OutputError on I/O failure, a
// "disk full" one naming the folder when the disk has no room left.
//
// With `sync` false the file and folder are not fsynced: the rename still makes the
// switch atomic for readers, but after a power cut the destination may be empty or
// short. Meant for many files in a row that are synced at once afterwards with
// sync_filesystem() (the batch: an fsync per file made each worker wait on the disk).
void write_atomically(const std::filesystem::path& destination,
                      const std::function<void(const std::filesystem::path& temp)>& produce,
                      bool sync = true);

// Flushes everything written to the filesystem holding `path` to the disk (syncfs).
void sync_filesystem(const std::filesystem::path& path);

// Whether a write into `folder` that just failed with `error` (an errno value, 0 if unknown)
// failed for want of room: the error says so, or the folder's filesystem has (almost) no
// space or no inodes left.
bool out_of_room(const std::filesystem::path& folder, int error);
// "disk penuh" / "disk full", naming the folder, for `file`.
OutputError disk_full(const std::filesystem::path& file, const std::filesystem::path& folder);

// Removes the ".kinerja-tmp-*" files in `dir` that a killed run left: regular files of this
// user, not modified for `min_age`. Links and anything else are left alone, and nothing is
// followed. Returns how many were removed; errors are ignored (this is tidying up).
std::size_t remove_stray_temps(const std::filesystem::path& dir,
                               std::chrono::seconds min_age = std::chrono::hours(1));

}  // namespace kinerja
