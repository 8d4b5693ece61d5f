// Internal to engine/batch: what a batch writes into its output folder, and the folder's lock.
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
#include "batch/summary_store.hpp"
#include "data/data.hpp"

namespace kinerja::batch_detail {

namespace fs = std::filesystem;

// ---------------------------------------------------------------- outputs

// Everything the rekap and laporan.json are made from.
struct RekapInput {
    explicit RekapInput(const fs::path& spill_dir) : units(spill_dir) {}
    SummaryStore units;  // sorted by key
    std::vector<Message> problems;
    std::vector<Message> notices;  // BatchResult::notices
    std::string source;            // the data file or inputs folder, for the titles
    std::size_t parts = 1;
};

// rekap.xlsx, streamed (engine/batch/rekap_book.cpp); atomically.
void write_rekap(const Engine& engine, const RekapInput& input, const fs::path& file);
void write_laporan(const fs::path& file, const RekapInput& input, Lang lang, double seconds);
// Atomically: readers see the old file or the whole new one.
void write_text_file(const fs::path& file, const std::string& text);
void write_stream_file(const fs::path& file, const std::function<void(std::ostream&)>& write);

// rekap-part-K-of-N.json: the summaries of one shard.
std::string part_file_name(const Shard& shard);
void write_part(const fs::path& file, const RekapInput& input, const Shard& shard,
                std::size_t units_total);

// ---------------------------------------------------------------- the output folder's lock

// Held while a batch writes to its output folder (engine/batch/output_lock.cpp): a second
// batch of the same shard there is refused, as the two would append to one manifest and
// write the same files. The shards of a split may share a folder: each locks its own part.
// kinerja rekap holds the whole folder: it is refused while any batch or another rekap is
// there, and a batch started meanwhile waits for it. The first run to find the folder idle
// also removes the temp files that killed runs left.
class OutputLock {
public:
    OutputLock(const fs::path& out_dir, const Shard& shard);  // a batch's; throws OutputError
    explicit OutputLock(const fs::path& out_dir);             // a rekap's; throws OutputError
    ~OutputLock();
    OutputLock(const OutputLock&) = delete;
    OutputLock& operator=(const OutputLock&) = delete;
    std::size_t strays_removed() const { return strays_removed_; }

private:
    int folder_ = -1, shard_ = -1;
    std::size_t strays_removed_ = 0;
};

// Throws OutputError naming `rekap` unless the summaries (sorted by key) hold each of
// `expected` (sorted) exactly once and nothing else: a rekap missing a satker or listing one
// twice is never written.
void check_each_unit_once(const SummaryStore& units, const std::vector<std::string>& expected,
                          const fs::path& rekap);

}  // namespace kinerja::batch_detail
