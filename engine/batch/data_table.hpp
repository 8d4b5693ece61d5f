// Internal to engine/batch: the region's data as the batch holds it, rows spilled to a file.
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
#include "batch/files.hpp"
#include "data/data.hpp"

namespace kinerja::batch_detail {

namespace fs = std::filesystem;

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

}  // namespace kinerja::batch_detail
