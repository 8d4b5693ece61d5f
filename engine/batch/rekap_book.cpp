// rekap.xlsx: a sheet per period (TW I..IV when the data has them, and TAHUN) with a row per
// satker and, per indicator, realisasi, capaian and kategori; the regional average and median
// and the count per kategori below; the mean capaian, rank and budget absorption per satker;
// then the Peringkat and Status sheets. Statistics are live formulas with cached values.
#include <cmath>

#include "batch/rekap_detail.hpp"

namespace kinerja::batch_detail {

namespace {

constexpr std::uint32_t header_row = 3, first_unit_row = 5, fixed_cols = 4;

std::string col_range(std::uint32_t col, std::uint32_t first, std::uint32_t last) {
    return "$" + column_name(col) + "$" + std::to_string(first + 1) + ":$" + column_name(col) +
           "$" + std::to_string(last + 1);
}

DiffStyle colours(Rgb fill, Rgb font) {
    DiffStyle d;
    d.fill = Fill{1, fill, fill};
    d.font_color = font;
    return d;
}

ConditionalFormat rule(std::vector<CellRange> ranges, std::string type, std::string op,
                       std::string formula) {
    ConditionalFormat cf;
    cf.ranges = std::move(ranges);
    cf.type = std::move(type);
    cf.op = std::move(op);
    cf.formulas.push_back(std::move(formula));
    return cf;
}

struct Layout {
    std::vector<RekapIndicator> indicators;
    bool budget = false;
    std::uint32_t mean_col = 0, rank_col = 0, budget_col = 0, last_col = 0;
    std::uint32_t realisasi(std::size_t i) const {
        return fixed_cols + 3 * static_cast<std::uint32_t>(i);
    }
};

class PeriodSheet {
public:
    PeriodSheet(const Engine& engine, const RekapInput& input, const Layout& layout,
                const RekapStyles& st, std::size_t period)
        : engine_(engine), input_(input), layout_(layout), st_(st), period_(period) {
        sheet_.name = period_title(period);
        last_unit_row_ = first_unit_row + static_cast<std::uint32_t>(input.units.size()) - 1;
    }

    Sheet build() {
        titles();
        headers();
        for (std::size_t u = 0; u < input_.units.size(); ++u) unit_row(u);
        statistics();
        formats();
        return std::move(sheet_);
    }

private:
    void titles() {
        put_text(sheet_, 0, 0,
                 std::string("REKAP CAPAIAN KINERJA WILAYAH - ") + period_title(period_),
                 st_.title);
        std::size_t failed = 0;
        for (const UnitSummary& u : input_.units) failed += u.report.status == UnitStatus::failed;
        std::string note = "Sumber: " + input_.source + "; " + std::to_string(input_.units.size()) +
                           " satker, " + std::to_string(failed) + " gagal diolah.";
        if (period_ != tahun)
            note +=
                " Capaian triwulan dihitung kumulatif sampai triwulan ini terhadap target tahunan.";
        put_text(sheet_, 1, 0, note, st_.subtitle);
    }

    void header_pair(std::uint32_t col, const std::string& text) {
        put_text(sheet_, header_row, col, text, st_.header);
        put_text(sheet_, header_row + 1, col, "", st_.header);
        sheet_.merges.push_back({header_row, col, header_row + 1, col});
    }

    void group(std::uint32_t col, const std::string& title, const std::vector<std::string>& subs) {
        auto width = static_cast<std::uint32_t>(subs.size());
        for (std::uint32_t i = 0; i < width; ++i) {
            put_text(sheet_, header_row, col + i, i ? "" : title, st_.header);
            put_text(sheet_, header_row + 1, col + i, subs[i], st_.header);
        }
        sheet_.merges.push_back({header_row, col, header_row, col + width - 1});
    }

    void headers() {
        const char* fixed[] = {"No", "Kode Satker", "Nama Satker", "Status"};
        const double widths[] = {5, 14, 34, 11};
        for (std::uint32_t c = 0; c < fixed_cols; ++c) {
            header_pair(c, fixed[c]);
            sheet_.columns.push_back({c, c, widths[c], false, false, 0, std::nullopt});
        }
        for (std::size_t i = 0; i < layout_.indicators.size(); ++i) {
            const RekapIndicator& ind = layout_.indicators[i];
            std::string title = ind.nama + (ind.satuan.empty() ? "" : " (" + ind.satuan + ")");
            group(layout_.realisasi(i), title, {"Realisasi", "Capaian (%)", "Kategori"});
            std::uint32_t c = layout_.realisasi(i);
            sheet_.columns.push_back({c, c + 1, 11.5, false, false, 0, std::nullopt});
            sheet_.columns.push_back({c + 2, c + 2, 9, false, false, 0, std::nullopt});
        }
        header_pair(layout_.mean_col, "Rata-rata Capaian (%)");
        header_pair(layout_.rank_col, "Peringkat");
        sheet_.columns.push_back(
            {layout_.mean_col, layout_.rank_col, 12, false, false, 0, std::nullopt});
        if (layout_.budget) {
            group(layout_.budget_col, "Anggaran",
                  {"Pagu (Rp)", "Realisasi (Rp)", "Penyerapan (%)"});
            sheet_.columns.push_back(
                {layout_.budget_col, layout_.budget_col + 1, 17, false, false, 0, std::nullopt});
            sheet_.columns.push_back({layout_.budget_col + 2, layout_.budget_col + 2, 12, false,
                                      false, 0, std::nullopt});
        }
        sheet_.rows[header_row].height = 96;
    }

    void unit_row(std::size_t u) {
        const UnitSummary& unit = input_.units[u];
        const PeriodFigures& figures = unit.periods[period_];
        auto row = first_unit_row + static_cast<std::uint32_t>(u);
        put_number(sheet_, row, 0, static_cast<double>(u + 1), st_.center);
        put_text(sheet_, row, 1, unit.report.key, st_.text);
        put_text(sheet_, row, 2, unit.report.nama, st_.text);
        put_text(sheet_, row, 3, status_label(unit.report), st_.center);
        std::string capaian_cells;
        for (std::size_t i = 0; i < layout_.indicators.size(); ++i) {
            std::uint32_t c = layout_.realisasi(i);
            auto f = figures.indikator.find(layout_.indicators[i].id);
            Figure figure = f == figures.indikator.end() ? Figure{} : f->second;
            put_number(sheet_, row, c, figure.realisasi, st_.number);
            put_number(sheet_, row, c + 1, figure.capaian, st_.number);
            put_text(sheet_, row, c + 2, figure.kategori.empty() ? "-" : figure.kategori,
                     st_.center);
            capaian_cells += (capaian_cells.empty() ? "" : ",") + cell_name(row, c + 1);
        }
        std::string mean_cell = cell_name(row, layout_.mean_col);
        put_formula(
            sheet_, row, layout_.mean_col,
            capaian_cells.empty() ? "\"-\"" : "IFERROR(AVERAGE(" + capaian_cells + "),\"-\")",
            means_.at(u), st_.number);
        put_formula(sheet_, row, layout_.rank_col,
                    "IF(ISNUMBER(" + mean_cell + "),RANK(" + mean_cell + "," +
                        col_range(layout_.mean_col, first_unit_row, last_unit_row_) + "),\"-\")",
                    ranks_.at(u) ? ranks_.at(u) : na, st_.center);
        if (layout_.budget) {
            Budget b = figures.anggaran.value_or(Budget{});
            put_number(sheet_, row, layout_.budget_col, b.pagu, st_.money);
            put_number(sheet_, row, layout_.budget_col + 1, b.realisasi, st_.money);
            put_number(sheet_, row, layout_.budget_col + 2, b.persen, st_.number);
        }
    }

    // The column's numbers over the unit rows, as the sheet holds them.
    std::vector<double> column_values(std::uint32_t col) const {
        std::vector<double> values;
        for (std::uint32_t r = first_unit_row; r <= last_unit_row_; ++r) {
            const Cell* c = sheet_.find(r, col);
            values.push_back(c && c->value.kind == CellValue::Kind::number ? c->value.number : na);
        }
        return values;
    }

    void stat_cells(std::uint32_t row, std::uint32_t col, std::uint32_t style) {
        std::string range = col_range(col, first_unit_row, last_unit_row_);
        std::vector<double> values = column_values(col);
        put_formula(sheet_, row, col, "IFERROR(AVERAGE(" + range + "),\"-\")", mean_of(values),
                    style);
        put_formula(sheet_, row + 1, col, "IFERROR(MEDIAN(" + range + "),\"-\")", median_of(values),
                    style);
    }

    void statistics() {
        std::uint32_t row = last_unit_row_ + 2;
        put_text(sheet_, row, 1, "Rata-rata wilayah", st_.label);
        put_text(sheet_, row + 1, 1, "Median wilayah", st_.label);
        for (std::size_t i = 0; i < layout_.indicators.size(); ++i) {
            stat_cells(row, layout_.realisasi(i), st_.stat);
            stat_cells(row, layout_.realisasi(i) + 1, st_.stat);
        }
        stat_cells(row, layout_.mean_col, st_.stat);
        if (layout_.budget) {
            stat_cells(row, layout_.budget_col, st_.stat_money);
            stat_cells(row, layout_.budget_col + 1, st_.stat_money);
            stat_cells(row, layout_.budget_col + 2, st_.stat);
        }
        row += 2;
        for (const KategoriBand& band : engine_.compiled->settings().scale.bands) {
            put_text(sheet_, row, 1, "Jumlah satker kategori " + band.kode, st_.label);
            for (std::size_t i = 0; i < layout_.indicators.size(); ++i) {
                std::uint32_t col = layout_.realisasi(i) + 2;
                double count = 0;
                for (std::uint32_t r = first_unit_row; r <= last_unit_row_; ++r) {
                    const Cell* c = sheet_.find(r, col);
                    count += c && c->value.text == band.kode;
                }
                put_formula(sheet_, row, col,
                            "COUNTIF(" + col_range(col, first_unit_row, last_unit_row_) + ",\"" +
                                band.kode + "\")",
                            count, st_.stat);
            }
            ++row;
        }
        for (std::uint32_t r = last_unit_row_ + 2; r < row; ++r) {
            for (std::uint32_t c : {0u, 2u, 3u}) put_text(sheet_, r, c, "", st_.label);
            sheet_.merges.push_back({r, 1, r, 3});
        }
    }

    void formats() {
        std::vector<CellRange> capaian, kategori;
        for (std::size_t i = 0; i < layout_.indicators.size(); ++i) {
            std::uint32_t c = layout_.realisasi(i);
            capaian.push_back({first_unit_row, c + 1, last_unit_row_, c + 1});
            kategori.push_back({first_unit_row, c + 2, last_unit_row_, c + 2});
        }
        capaian.push_back({first_unit_row, layout_.mean_col, last_unit_row_, layout_.mean_col});
        std::string first = cell_name(first_unit_row, capaian.front().first_col);
        int priority = 1;
        auto add = [&](ConditionalFormat cf) {
            cf.priority = priority++;
            sheet_.conditional_formats.push_back(std::move(cf));
        };
        ConditionalFormat low =
            rule(capaian, "expression", "", "AND(ISNUMBER(" + first + ")," + first + "<100)");
        low.style = colours(0xFFC7CE, 0x9C0006);
        add(low);
        ConditionalFormat high =
            rule(capaian, "expression", "", "AND(ISNUMBER(" + first + ")," + first + ">=100)");
        high.style = colours(0xC6EFCE, 0x006100);
        add(high);
        static const std::map<std::string, std::pair<Rgb, Rgb>> kategori_colours = {
            {"AA", {0x00B050, 0xFFFFFF}}, {"A", {0x92D050, 0x000000}},
            {"BB", {0xC6E0B4, 0x000000}}, {"B", {0xFFFF99, 0x000000}},
            {"CC", {0xFFD966, 0x000000}}, {"C", {0xF4B084, 0x000000}},
            {"D", {0xFF7C80, 0x000000}}};
        for (const KategoriBand& band : engine_.compiled->settings().scale.bands) {
            auto colour = kategori_colours.find(band.kode);
            if (kategori.empty() || colour == kategori_colours.end()) continue;
            ConditionalFormat cf = rule(kategori, "cellIs", "equal", "\"" + band.kode + "\"");
            cf.style = colours(colour->second.first, colour->second.second);
            add(cf);
        }
        if (layout_.budget) {
            std::uint32_t c = layout_.budget_col + 2;
            ConditionalFormat scale =
                rule({{first_unit_row, c, last_unit_row_, c}}, "colorScale", "", "");
            scale.formulas.clear();
            scale.thresholds = {{"min", ""}, {"percentile", "50"}, {"max", ""}};
            scale.colors = {0xF8696B, 0xFFEB84, 0x63BE7B};
            add(scale);
        }
        sheet_.view.frozen_rows = first_unit_row;
        sheet_.view.frozen_cols = 3;
        sheet_.autofilter = CellRange{header_row + 1, 0, last_unit_row_, layout_.last_col};
        sheet_.page.paper = 9;
        sheet_.page.orientation = "landscape";
        sheet_.page.fit_to_page = true;
        sheet_.page.fit_width = 1;
        sheet_.page.fit_height = 0;
    }

public:
    void set_ranking(std::vector<double> means) {
        ranks_ = ranks_of(means);
        means_ = std::move(means);
    }

private:
    const Engine& engine_;
    const RekapInput& input_;
    const Layout& layout_;
    const RekapStyles& st_;
    std::size_t period_;
    Sheet sheet_;
    std::uint32_t last_unit_row_ = 0;
    std::vector<double> means_;
    std::vector<int> ranks_;
};

}  // namespace

Workbook build_rekap(const Engine& engine, const RekapInput& input) {
    Workbook wb;
    RekapStyles styles(wb);
    Layout layout;
    layout.indicators = rekap_indicators(engine, input);
    for (const UnitSummary& u : input.units)
        for (const PeriodFigures& p : u.periods) layout.budget = layout.budget || p.anggaran;
    layout.mean_col = fixed_cols + 3 * static_cast<std::uint32_t>(layout.indicators.size());
    layout.rank_col = layout.mean_col + 1;
    layout.budget_col = layout.rank_col + 1;
    layout.last_col = layout.budget ? layout.budget_col + 2 : layout.rank_col;

    if (!input.units.empty()) {
        for (std::size_t p = 0; p < period_count; ++p) {
            bool present = p == tahun;
            for (const UnitSummary& u : input.units) present = present || u.periods[p].present;
            if (!present) continue;
            PeriodSheet sheet(engine, input, layout, styles, p);
            sheet.set_ranking(mean_capaian(input, p));
            wb.sheets.push_back(sheet.build());
            auto index = static_cast<int>(wb.sheets.size() - 1);
            std::string quoted = "'" + wb.sheets.back().name + "'";
            wb.names.push_back({"_xlnm.Print_Titles", index,
                                quoted + "!$" + std::to_string(header_row + 1) + ":$" +
                                    std::to_string(header_row + 2),
                                false});
        }
        add_peringkat_sheet(wb, styles, input);
    }
    add_status_sheet(wb, styles, input);
    wb.active_sheet = static_cast<std::uint32_t>(wb.sheets.size() > 1 ? wb.sheets.size() - 3 : 0);
    wb.properties.title = "Rekap capaian kinerja wilayah";
    wb.properties.creator = "Kinerja";
    return wb;
}

}  // namespace kinerja::batch_detail
