// The raw inputs of the indicators: from a CSV given with --data, or a `Data` sheet
// (Indikator | Variabel | TW I | TW II | TW III | TW IV) inside the workbook.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/workbook.hpp"

namespace kinerja {

enum class Periode { tw1, tw2, tw3, tw4, s1, s2, tahun };

// "TW1", "TW I", "tw-2", "S1", "Semester II", "TAHUN" -> Periode.
std::optional<Periode> parse_periode(std::string_view text);
const char* periode_name(Periode periode);  // "TW1" ... "TAHUN"

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

struct DataSet {
    std::map<std::string, SatkerData> satker;  // by kode; "" for a Data sheet
};

struct CsvLimits {
    std::uint64_t max_bytes = 256ull << 20;
    std::uint64_t max_rows = 5'000'000;
};

// Reads `satker,indikator,variabel,periode,nilai[,satker_nama]` (UTF-8, any column order,
// header required). Numbers as Indonesians type them. Throws InputError naming the line.
DataSet read_data_csv(const std::filesystem::path& file, const CsvLimits& limits = {});

// The `Data` sheet of a workbook, if it has one with the expected header.
std::optional<SatkerData> read_data_sheet(const Workbook& workbook);

}  // namespace kinerja
