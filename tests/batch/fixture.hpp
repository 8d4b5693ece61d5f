// The province every batch test shares: 40 units, 3 faulty, filled once by `kinerja batch`.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "batch/province.hpp"
#include "support/support.hpp"

namespace kinerja::test {

constexpr int province_units = 40;
inline const province::Faults province_faults{"S007", "S021", "S013", true};

struct ProvinceRun {
    ScratchDir dir;
    std::vector<province::Unit> units;  // as written to the data (S013 lacks a variable)
    RunResult first;                    // kinerja batch, the first time
    std::filesystem::path template_file() const { return dir / "template.xlsx"; }
    std::filesystem::path data_file() const { return dir / "data.csv"; }
    std::filesystem::path out() const { return dir / "out"; }
    const province::Unit* unit(const std::string& kode) const;
};

// Built on first use and shared by the tests of this program.
const ProvinceRun& province_run();

// The cells of a rekap sheet by satker code (column B of the unit rows) and column.
struct RekapSheet {
    std::map<std::string, std::map<std::uint32_t, CellValue>> rows;
    std::map<std::string, std::uint32_t> indicator_col;               // id -> its realisasi column
    std::map<std::string, std::uint32_t> header_col;                  // header text -> column
    std::map<std::string, std::map<std::uint32_t, CellValue>> stats;  // label -> cells
};
RekapSheet read_rekap_sheet(const Workbook& rekap, const std::string& sheet);

bool is_dash(const CellValue& v);
double number(const CellValue& v);  // NaN unless a number

std::vector<std::string> batch_args(const ProvinceRun& p, const std::filesystem::path& out,
                                    std::vector<std::string> extra = {});

}  // namespace kinerja::test
