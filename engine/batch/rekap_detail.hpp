// Internal to the rekap workbook: styles, cell helpers and the statistics it shows.
#pragma once

#include <string>
#include <vector>

#include "batch/detail.hpp"

namespace kinerja::batch_detail {

struct RekapStyles {
    std::uint32_t title, subtitle, header, text, center, number, money, label, stat, stat_money;
    explicit RekapStyles(Workbook& workbook);
};

// Cells with values; na becomes the text "-" as in the workbooks.
void put_text(Sheet& sheet, std::uint32_t row, std::uint32_t col, const std::string& text,
              std::uint32_t style);
void put_number(Sheet& sheet, std::uint32_t row, std::uint32_t col, double value,
                std::uint32_t style);
// A live formula with the value we computed cached (na caches "-").
void put_formula(Sheet& sheet, std::uint32_t row, std::uint32_t col, const std::string& formula,
                 double cached, std::uint32_t style);

// Over the numbers only, as Excel's AVERAGE and MEDIAN skip text; na when there are none.
double mean_of(const std::vector<double>& values);
double median_of(const std::vector<double>& values);
// Competition ranks, highest first (1, 2, 2, 4); 0 for na.
std::vector<int> ranks_of(const std::vector<double>& values);

// The indicators of the rekap, in catalogue order.
struct RekapIndicator {
    std::string id, nama, satuan;
};
std::vector<RekapIndicator> rekap_indicators(const Engine& engine, const RekapInput& input);

// Per unit, the mean capaian over the indicators of a period (na when none has one).
std::vector<double> mean_capaian(const RekapInput& input, std::size_t period);

const char* status_label(const UnitReport& report);  // "OK", "Ada temuan", "Gagal"

void add_peringkat_sheet(Workbook& workbook, const RekapStyles& styles, const RekapInput& input);
void add_status_sheet(Workbook& workbook, const RekapStyles& styles, const RekapInput& input);

}  // namespace kinerja::batch_detail
