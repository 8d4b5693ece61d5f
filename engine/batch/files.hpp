// Internal to engine/batch: hashing for change detection, and the batch's spill files.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <map>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "batch/batch.hpp"
#include "data/data.hpp"

namespace kinerja::batch_detail {

namespace fs = std::filesystem;

// ---------------------------------------------------------------- hashing

// 64-bit FNV-1a: a change detector for the manifest and the shard split, not a secure hash.
class Hasher {
public:
    void add(std::string_view bytes);
    void add_number(std::uint64_t value);
    std::uint64_t value() const { return h_; }
    std::string hex() const;

private:
    std::uint64_t h_ = 14695981039346656037ull;
};
// The hash of a file's bytes; throws InputError when it cannot be read.
std::string file_hash(const fs::path& file);

// ---------------------------------------------------------------- temp files

// The batch's spill files are unnamed (open_unnamed_file, common/atomic_output.hpp), in the
// temp folder (TMPDIR, else /tmp): not in the output folder, so that a full output folder
// still leaves room to finish the batch's report.
fs::path spill_dir();
// Whole reads and writes at an offset, retried when interrupted; false with errno set.
bool read_at(int fd, void* into, std::size_t bytes, std::uint64_t at);
bool write_at(int fd, const void* from, std::size_t bytes, std::uint64_t at);

}  // namespace kinerja::batch_detail
