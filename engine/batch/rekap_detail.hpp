// Internal to rekap.xlsx: formats, cell helpers and the statistics it shows. The rekap is
// written straight through libxlsxwriter in constant_memory mode, row after row, so its
// memory does not grow with the number of units (a model of it took ~68 KB per unit).
#pragma once

#include <xlsxwriter.h>

#include <string>
#include <vector>

#include "batch/detail.hpp"

namespace kinerja::batch_detail {

struct RekapFormats {
    lxw_format *title, *subtitle, *header, *text, *center, *number, *money, *label, *stat,
        *stat_money;
    explicit RekapFormats(lxw_workbook* book);
};

// Cells with values; na becomes the text "-" as in the workbooks.
void put_text(lxw_worksheet* ws, std::uint32_t row, std::uint32_t col, const std::string& text,
              lxw_format* format);
void put_number(lxw_worksheet* ws, std::uint32_t row, std::uint32_t col, double value,
                lxw_format* format);
// A live formula with the value we computed cached (na caches "-").
void put_formula(lxw_worksheet* ws, std::uint32_t row, std::uint32_t col,
                 const std::string& formula, double cached, lxw_format* format);

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

void write_peringkat_sheet(lxw_workbook* book, const RekapFormats& formats, const RekapInput& input,
                           const RekapOverview& overview);
void write_status_sheet(lxw_workbook* book, const RekapFormats& formats, const RekapInput& input);

}  // namespace kinerja::batch_detail
