// Internal to rekap.xlsx: styles, cell helpers and the statistics it shows. The rekap is
// streamed row after row (write/stream.hpp), so its memory does not grow with the number of
// units (a model of it took ~68 KB per unit).
#pragma once

#include <string>
#include <vector>

#include "batch/data_table.hpp"
#include "batch/outputs.hpp"
#include "write/stream.hpp"

namespace kinerja::batch_detail {

struct RekapStyles {
    StyleId title, subtitle, header, text, center, number, money, label, stat, stat_money;
    explicit RekapStyles(StreamBook& book);
};

// Numbers; na and what is not finite become the text "-" as in the workbooks.
void put_number(StreamSheet& sheet, std::uint32_t row, std::uint32_t col, double value,
                StyleId style);
// A live formula with the value we computed cached (na caches "-").
void put_formula(StreamSheet& sheet, std::uint32_t row, std::uint32_t col,
                 const std::string& formula, double cached, StyleId style);

// Over the numbers only, as Excel's AVERAGE and MEDIAN skip text; na when there are none.
double mean_of(const std::vector<double>& values);
double median_of(std::vector<double> values);
// Competition ranks, highest first (1, 2, 2, 4); 0 for na.
std::vector<int> ranks_of(const std::vector<double>& values);

struct RekapIndicator {
    std::string id, nama, satuan;
};

// What the sheets need to know of all the units before writing the first row, gathered in
// one pass: each pass over the summaries decodes them all again from the store.
struct RekapOverview {
    std::vector<RekapIndicator> indicators;  // in catalogue order
    bool budget = false;                     // some unit has budget figures
    ByPeriode<bool> present;
    std::size_t failed = 0;
    // Per period and unit, the mean capaian over the indicators (na when none has one).
    ByPeriode<std::vector<double>> means;
};
RekapOverview rekap_overview(const Engine& engine, const RekapInput& input);

const char* status_label(const UnitReport& report);  // "OK", "Ada temuan", "Gagal"
// Printed on A4 paper, one page wide; panes frozen above row `rows` and left of col `cols`.
PageSetup a4_page(const char* orientation);
SheetView frozen_panes(std::uint32_t rows, std::uint32_t cols);

void write_peringkat_sheet(StreamBook& book, const RekapStyles& styles, const RekapInput& input,
                           const RekapOverview& overview);
void write_status_sheet(StreamBook& book, const RekapStyles& styles, const RekapInput& input);

}  // namespace kinerja::batch_detail
