// Internal to engine/batch: the pieces run_batch and merge_rekap are made of.
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

// ---------------------------------------------------------------- the data

// The periods of the rekap, a sheet each: the triwulan (cumulative) and the year.
inline constexpr std::array<Periode, 5> rekap_periods = {Periode::tw1, Periode::tw2, Periode::tw3,
                                                         Periode::tw4, Periode::tahun};

// One data row, with its texts interned in DataTable::strings.
struct DataRow {
    std::uint32_t indikator = 0, variabel = 0;
    Periode periode = Periode::tahun;
    bool not_applicable = false;
    double value = 0;
    std::uint32_t line = 0;
};

// Rows first .. first + count - 1 of the row file: a unit's rows that came one after another.
struct RowRun {
    std::uint64_t first = 0;
    std::uint32_t count = 0;
};

struct UnitData {
    std::string kode, nama;
    std::vector<RowRun> runs;      // one run when the data is grouped by satker
    std::optional<Message> error;  // the first bad row: the unit fails, the batch goes on
};

// The data's rows sit in an unlinked temporary file (DataRow as is), so memory does not
// grow with the size of the region; each unit's rows are read back when it is filled.
class RowFile {
public:
    RowFile();  // throws InputError when no temporary file can be made
    ~RowFile();
    RowFile(RowFile&&) noexcept;
    RowFile& operator=(RowFile&&) noexcept;
    std::uint64_t append(const DataRow& row);                          // its index; not thread-safe
    void finish();                                                     // after the last append
    std::vector<DataRow> read(const std::vector<RowRun>& runs) const;  // thread-safe

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

struct DataTable {
    std::string file_name;
    std::vector<std::string> strings;
    std::vector<UnitData> units;    // sorted by kode
    std::vector<Message> problems;  // rows that name no satker
    std::vector<Message> notices;   // DataReader::notices()
    RowFile rows;
};

// What the batch keeps per satker, all told: its UnitData, its Unit and output name in the
// runner, its summary's key in the SummaryStore. DataLimits::max_memory / this is how many
// satker a region may have.
inline constexpr std::uint64_t unit_bookkeeping_bytes = 1024;

// Reads the data with a DataReader (engine/data). A bad row fails its satker only; a file
// that cannot be read at all, or does not fit in memory, throws InputError.
DataTable read_batch_data(const fs::path& file, const DataLimits& limits = {});
SatkerData satker_data(const DataTable& table, const UnitData& unit,
                       const std::vector<DataRow>& rows);
// What the unit's output depends on in the data, for the manifest.
void hash_unit_data(Hasher& hasher, const DataTable& table, const UnitData& unit,
                    const std::vector<DataRow>& rows);

// ---------------------------------------------------------------- figures

struct Figure {
    double target = na, realisasi = na, capaian = na;
    std::string kategori;
};

struct Budget {
    double pagu = na, realisasi = na, persen = na;
};

// Figures by indicator id, sorted by id: a flat map over ids interned once per process, as
// a province holds tens of thousands of these (a std::map with string keys took ~3 KB more
// per unit).
class FigureMap {
public:
    using value_type = std::pair<std::string_view, Figure>;
    Figure& operator[](std::string_view id);
    const Figure* find(std::string_view id) const;
    bool contains(std::string_view id) const { return find(id) != nullptr; }
    auto begin() const { return items_.begin(); }
    auto end() const { return items_.end(); }
    std::size_t size() const { return items_.size(); }
    void shrink() { items_.shrink_to_fit(); }  // once filled: growth left room for 16

private:
    std::vector<value_type> items_;
};

struct PeriodFigures {
    bool present = false;
    FigureMap indikator;  // by catalogue id
    std::optional<Budget> anggaran;
};

struct UnitSummary {
    UnitReport report;
    ByPeriode<PeriodFigures> periods;  // those of rekap_periods
};

// The figures of one unit: the year's from the filled workbook, the triwulan's computed
// cumulatively from the raw inputs, and the budget absorption (anggaran.penyerapan) when the
// data has pagu and realisasi_anggaran. Holds an Evaluator: one per thread.
class FigureMaker {
public:
    explicit FigureMaker(const Engine& engine);
    ~FigureMaker();
    FigureMaker(const FigureMaker&) = delete;
    FigureMaker& operator=(const FigureMaker&) = delete;
    void add(UnitSummary& summary, const std::vector<IndicatorOutcome>& outcomes,
             const SatkerData* data);

private:
    void add_figures(UnitSummary& summary, const std::vector<IndicatorOutcome>& outcomes,
                     const SatkerData* data);
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

nlohmann::json summary_json(const UnitSummary& summary);
UnitSummary summary_from_json(const nlohmann::json& json);  // throws nlohmann::json::exception
nlohmann::json message_json(const Message& message);
Message message_from_json(const nlohmann::json& json);

// ---------------------------------------------------------------- the summaries

// The summaries of a batch's units, kept in an unnamed temporary file (compactly encoded)
// so that memory does not grow with the number of units: what stays in memory is each
// unit's key and where its summary is. Read back one at a time, in key order once sorted.
class SummaryStore {
public:
    // The file is made in `dir` and unlinked at once: it never outlives the process.
    // Throws OutputError when it cannot be made.
    explicit SummaryStore(const fs::path& dir);
    ~SummaryStore();
    SummaryStore(SummaryStore&&) noexcept;
    SummaryStore& operator=(SummaryStore&&) noexcept;

    // Thread-safe. `tag` is the caller's (merge_rekap: which part the unit came from).
    void add(const UnitSummary& summary, std::uint32_t tag = 0);
    // By key, then by the order of adding (stable). Not thread-safe.
    void sort_by_key();

    std::size_t size() const;
    bool empty() const { return size() == 0; }
    UnitSummary operator[](std::size_t index) const;  // throws OutputError on a read error
    const std::string& key(std::size_t index) const;
    std::uint32_t tag(std::size_t index) const;

    // Range-for over the summaries, each decoded as it is reached.
    class iterator {
    public:
        iterator(const SummaryStore& store, std::size_t index) : store_(&store), index_(index) {}
        UnitSummary operator*() const { return (*store_)[index_]; }
        iterator& operator++() { return ++index_, *this; }
        bool operator==(const iterator& other) const { return index_ == other.index_; }

    private:
        const SummaryStore* store_;
        std::size_t index_;
    };
    iterator begin() const { return {*this, 0}; }
    iterator end() const { return {*this, size()}; }

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

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

// ---------------------------------------------------------------- the manifest

// Which outputs of earlier runs are up to date, and their summaries. Each finished unit is
// appended as one checksummed JSON line, so an interrupted batch keeps what it finished and
// a damaged line is never trusted (engine/batch/manifest.cpp).
class Manifest {
public:
    // Reads every manifest in out_dir. Throws OutputError when one is a symbolic link or this
    // shard's cannot be opened.
    Manifest(const fs::path& out_dir, const Shard& shard);
    ~Manifest();
    Manifest(const Manifest&) = delete;
    Manifest& operator=(const Manifest&) = delete;
    // The earlier summary, when the output is unchanged since, newer than `inputs_time`, and
    // made from inputs with this hash.
    std::optional<UnitSummary> up_to_date(const std::string& key, const std::string& hash,
                                          fs::file_time_type inputs_time) const;
    // Thread-safe.
    void record(const UnitSummary& summary, const std::string& hash);
    // Rewrites this shard's manifest with only the latest entry per unit.
    void compact();
    // Lines of the manifests read that were damaged or unparsable: not trusted, so their
    // units are redone.
    std::size_t damaged_lines() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace kinerja::batch_detail
