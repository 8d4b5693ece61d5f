// Writing a file so that readers see either the old file or the complete new one.
#pragma once

#include <filesystem>
#include <functional>

namespace kinerja {

// Calls `produce(temp_path)` with a fresh temp path in the destination's folder,
// fsyncs the result and renames it over `destination`. If `produce` throws, or the
// process dies, the destination is untouched and the temp file is removed (or, after
// a kill, left as an ignorable ".kinerja-tmp-*" file). Throws OutputError on I/O failure.
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

}  // namespace kinerja
