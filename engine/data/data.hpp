// Stage: the regional data, the raw inputs of the indicators. One reader for
// `satker,indikator,variabel,periode,nilai[,satker_nama]`, as a CSV or as the first sheet of an
// .xlsx with that header, used row by row by the batch (every satker, streamed) and through
// read_satker_data by `kinerja fill --data` (one satker); the `Data` sheet inside a workbook;
// and the two things both make of the data: which indicator a key names, and the year's value.
//
//     kinerja::DataReader reader("data-wilayah.csv");
//     for (kinerja::DataRecord r; reader.next(r);)
//         if (!r.problem) use(r.satker, r.indikator, r.variabel, r.periode, r.value);
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/message.hpp"
#include "evaluate/evaluate.hpp"
#include "match/match.hpp"
#include "model/workbook.hpp"

namespace kinerja {

enum class Periode : std::uint8_t { tw1, tw2, tw3, tw4, s1, s2, tahun };
inline constexpr std::size_t periode_count = 7;
inline constexpr std::array<Periode, 4> triwulan_periodes = {Periode::tw1, Periode::tw2,
                                                             Periode::tw3, Periode::tw4};
// "TW1", "TW I", "tw-2", "Triwulan III", "S1", "Semester II", "TAHUN" -> Periode.
std::optional<Periode> parse_periode(std::string_view text);
const char* periode_name(Periode periode);   // "TW1" ... "TW4", "S1", "S2", "TAHUN"
const char* periode_title(Periode periode);  // "TW I" ... "TW IV", "S1", "S2", "TAHUN"

// A value for each periode.
template <class T>
struct ByPeriode {
    std::array<T, periode_count> items{};
    T& operator[](Periode p) { return items[static_cast<std::size_t>(p)]; }
    const T& operator[](Periode p) const { return items[static_cast<std::size_t>(p)]; }
    auto begin() { return items.begin(); }
    auto end() { return items.end(); }
    auto begin() const { return items.begin(); }
    auto end() const { return items.end(); }
};

struct DataValue {
    double value = 0;
    bool not_applicable = false;  // "-" in the data
    std::string source;           // "data.csv:12" or "Data!C5", for messages
};

// One satker's inputs: indikator (id or name as written) -> variabel -> periode -> value.
struct SatkerData {
    std::string kode;
    std::string nama;  // satker_nama, if given
    std::map<std::string, std::map<std::string, std::map<Periode, DataValue>>> values;
};

struct DataLimits {
    std::uint64_t max_bytes = 512ull << 20;    // the file
    std::uint64_t max_rows = 10'000'000;       // rows of data, blank ones aside
    std::uint64_t max_row_bytes = 1ull << 20;  // one row, line breaks in quotes and all
    std::uint64_t max_memory;  // kept per satker and value: half the process's (common/memory.hpp)
    DataLimits();
};

// One row of the data, read and checked.
struct DataRecord {
    std::uint64_t line = 0;  // where the row starts: the CSV line, or the sheet's row number
    std::string satker, nama, indikator, variabel;  // trimmed, as written
    Periode periode = Periode::tahun;
    double value = 0;
    bool not_applicable = false;
    // Why the row cannot be used (satker and nama are set when the row gives them).
    std::optional<Message> problem;
};

// Reads the data row by row. A .csv is UTF-8 (a BOM is fine) or, when the whole file is not
// UTF-8, Windows-1252, which notices() then says; quoted fields may hold commas, quotes ("")
// and line breaks; a header names the columns in any order (satker, indikator, variabel,
// periode, nilai; satker_nama or nama_satker optional) and ';' may stand for ','. An .xlsx or
// .xlsm is read from the first visible sheet with that header in its first 10 rows. Numbers
// are read as Indonesians type them ("1.367", "92,5", "-" for not applicable).
class DataReader {
public:
    // Throws InputError when the file cannot be used at all: unreadable, over a limit, bytes
    // that are neither UTF-8 nor Windows-1252 (naming the line), no header.
    explicit DataReader(const std::filesystem::path& file, const DataLimits& limits = {});
    ~DataReader();
    DataReader(const DataReader&) = delete;
    DataReader& operator=(const DataReader&) = delete;

    // The next row that is not blank; false at the end. Throws InputError (naming the line)
    // for what spoils the rest of the file: a quote never closed, too many rows.
    bool next(DataRecord& record);
    // What the reading noted once for the whole file: "read as Windows-1252".
    const std::vector<Message>& notices() const;
    const std::filesystem::path& file() const;
    const std::string& file_name() const;  // for DataValue::source, "data.csv"

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The one style of a data message: {"data.csv baris 12: ...", "data.csv line 12: ..."}, and
// as an InputError(file, "baris 12", reason).
Message at_line(const std::string& file_name, std::uint64_t line, const Message& reason);
[[noreturn]] void throw_at_line(const std::filesystem::path& file, std::uint64_t line,
                                Message reason);

// Keeps count of what a reader keeps in memory for the data, and refuses the data, naming the
// line and the numbers, before it would outgrow DataLimits::max_memory.
class MemoryUse {
public:
    MemoryUse(std::filesystem::path file, std::uint64_t budget);
    // Before keeping `bytes` more at `line`; `new_satker` when they are for a satker not seen.
    void charge(std::uint64_t bytes, std::uint64_t line, bool new_satker = false);
    std::uint64_t used() const { return used_; }

private:
    std::filesystem::path file_;
    std::uint64_t budget_, used_ = 0, satker_ = 0;
};

// The data of one satker, for `kinerja fill --data`: the one named by `satker`, or the only
// one the file has. Every row is checked; only that satker's are kept.
struct SatkerChoice {
    std::optional<SatkerData> data;  // nullopt when the file has no rows and none was named
    std::vector<Message> notices;    // DataReader::notices()
};
// Throws InputError for a bad row (naming the line), for a satker the file does not have,
// and when the file has several and none is named (saying how many).
SatkerChoice read_satker_data(const std::filesystem::path& file, std::string_view satker,
                              const DataLimits& limits = {});

// A workbook's `Data` sheet (named so in any case): Indikator | Variabel | TW I | TW II | ...
// Its header, for this reader and the fill's writer alike: the first of its first 10 rows with
// Indikator and Variabel labels (which may say more, "Indikator Kinerja"), and its periodes.
struct DataSheetHeader {
    std::uint32_t row = 0, indikator_col = 0, variabel_col = 1;
    std::map<std::uint32_t, Periode> periods;  // column -> periode
};
bool is_data_sheet(const Sheet& sheet);
std::optional<DataSheetHeader> data_sheet_header(const Sheet& sheet);
std::optional<SatkerData> read_data_sheet(const Workbook& workbook);  // with periode columns

// Which catalogue indicator a data key names: the indicator whose id it is, else the one the
// matcher recognises in it as a name. Remembers each key's answer.
class IndicatorKeys {
public:
    IndicatorKeys(const CompiledCatalogue& compiled, const IndicatorMatcher& matcher)
        : compiled_(compiled), matcher_(matcher) {}
    std::optional<std::size_t> index_of(const std::string& key);

    // Each named indicator's entry of `by_key`: the one under its id when there is one, else
    // the first whose key names it.
    template <class V>
    std::map<std::size_t, const V*> by_indicator(const std::map<std::string, V>& by_key) {
        std::map<std::size_t, const V*> found;
        for (const auto& [key, value] : by_key) {
            auto index = index_of(key);
            if (!index) continue;
            bool is_id = compiled_.indicator(*index).id == key;
            if (auto [at, added] = found.try_emplace(*index, &value); !added && is_id)
                at->second = &value;
        }
        return found;
    }

private:
    const CompiledCatalogue& compiled_;
    const IndicatorMatcher& matcher_;
    std::map<std::string, std::optional<std::size_t>, std::less<>> known_;
};

// The values of one variable that make up the year so far, up to triwulan `upto` (TW IV or
// TAHUN: the year): for the year the TAHUN value alone when given, else the triwulan given up
// to `upto`, in order. Semesters are not combined.
template <class V>
std::vector<const V*> values_so_far(const std::map<Periode, V>& values,
                                    Periode upto = Periode::tahun) {
    if (upto == Periode::tahun)
        if (auto year = values.find(Periode::tahun); year != values.end()) return {&year->second};
    std::vector<const V*> given;
    for (Periode p : triwulan_periodes)
        if (p <= upto || upto == Periode::tahun)
            if (auto at = values.find(p); at != values.end()) given.push_back(&at->second);
    return given;
}
// Values combined as the variable says: summed or averaged over those that apply (na when
// none does), or the last one as it is.
double combine_values(PeriodCombine how, std::span<const double> values);

}  // namespace kinerja
