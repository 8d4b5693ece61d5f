// rekap.xlsx: a sheet per period (TW I..IV when the data has them, and TAHUN) with a row per
// satker and, per indicator, realisasi, capaian and kategori; the regional average and median
// and the count per kategori below; the mean capaian, rank and budget absorption per satker;
// then the Peringkat (with a chart) and Status sheets. Statistics are live formulas with
// cached values. Streamed row by row (write/stream.hpp), each unit's summary decoded from the
// store as its row is written: what is held per unit is its mean capaian per period and,
// while a sheet is written, one number per statistics column.
#include <cmath>

#include "batch/rekap_detail.hpp"
#include "common/atomic_output.hpp"

namespace kinerja::batch_detail {

namespace {

constexpr std::uint32_t header_row = 3, first_unit_row = 5, fixed_cols = 4;

std::string col_range(std::uint32_t col, std::uint32_t first, std::uint32_t last) {
    return "$" + column_name(col) + "$" + std::to_string(first + 1) + ":$" + column_name(col) +
           "$" + std::to_string(last + 1);
}

CellRange column_range(std::uint32_t first_row, std::uint32_t col, std::uint32_t last_row) {
    return {first_row, col, last_row, col};
}

struct Layout {
    std::vector<RekapIndicator> indicators;
    bool budget = false;
    std::size_t failed = 0;
    std::uint32_t mean_col = 0, rank_col = 0, budget_col = 0, last_col = 0;
    std::uint32_t realisasi(std::size_t i) const {
        return fixed_cols + 3 * static_cast<std::uint32_t>(i);
    }
};

// Conditional-format colours: a solid fill (a differential fill shows its background) and
// a font colour.
DiffStyle colours(Rgb fill, Rgb font) {
    DiffStyle style;
    style.fill = Fill{FillPattern::solid, std::nullopt, fill};
    style.font_color = font;
    return style;
}

class PeriodSheet {
public:
    PeriodSheet(StreamBook& book, const Engine& engine, const RekapInput& input,
                const Layout& layout, const RekapStyles& f, Periode period,
                const std::vector<double>& means)
        : ws_(book.add_sheet(periode_title(period))),
          engine_(engine),
          input_(input),
          layout_(layout),
          f_(f),
          period_(period),
          means_(means),
          ranks_(ranks_of(means)) {
        last_unit_row_ = first_unit_row + static_cast<std::uint32_t>(input.units.size()) - 1;
    }

    StreamSheet& write() {
        titles();
        headers();
        std::size_t u = 0;
        for (const UnitSummary& unit : input_.units) unit_row(unit, u++);
        statistics();
        formats();
        return ws_;
    }

private:
    void titles() {
        ws_.text(0, 0, std::string("REKAP CAPAIAN KINERJA WILAYAH - ") + periode_title(period_),
                 f_.title);
        std::size_t failed = layout_.failed;
        std::string note = "Sumber: " + input_.source + "; " + std::to_string(input_.units.size()) +
                           " satker, " + std::to_string(failed) + " gagal diolah.";
        if (period_ != Periode::tahun)
            note +=
                " Capaian triwulan dihitung kumulatif sampai triwulan ini terhadap target tahunan.";
        ws_.text(1, 0, note, f_.subtitle);
    }

    void column(std::uint32_t first, std::uint32_t last, double width) {
        ws_.column_width(first, last, width);
    }

    // Row 3: titles, a group's title merged over its columns; row 4: the group's parts.
    // The single headers span both rows, merged once row 4 is written (constant_memory
    // writes rows in order; the merge keeps the title already in row 3).
    void headers() {
        const char* fixed[] = {"No", "Kode Satker", "Nama Satker", "Status"};
        const double widths[] = {5, 14, 34, 11};
        ws_.row_height(header_row, 96);
        std::vector<std::pair<std::uint32_t, std::string>> pairs;
        for (std::uint32_t c = 0; c < fixed_cols; ++c) {
            pairs.emplace_back(c, fixed[c]);
            column(c, c, widths[c]);
        }
        std::vector<std::pair<std::uint32_t, std::vector<std::string>>> groups;
        for (std::size_t i = 0; i < layout_.indicators.size(); ++i) {
            const RekapIndicator& ind = layout_.indicators[i];
            std::string title = ind.nama + (ind.satuan.empty() ? "" : " (" + ind.satuan + ")");
            std::uint32_t c = layout_.realisasi(i);
            group_title(c, 3, title);
            groups.push_back({c, {"Realisasi", "Capaian (%)", "Kategori"}});
            column(c, c + 1, 11.5);
            column(c + 2, c + 2, 9);
        }
        pairs.emplace_back(layout_.mean_col, "Rata-rata Capaian (%)");
        pairs.emplace_back(layout_.rank_col, "Peringkat");
        column(layout_.mean_col, layout_.rank_col, 12);
        if (layout_.budget) {
            group_title(layout_.budget_col, 3, "Anggaran");
            groups.push_back(
                {layout_.budget_col, {"Pagu (Rp)", "Realisasi (Rp)", "Penyerapan (%)"}});
            column(layout_.budget_col, layout_.budget_col + 1, 17);
            column(layout_.budget_col + 2, layout_.budget_col + 2, 12);
        }
        for (const auto& [c, text] : pairs) ws_.text(header_row, c, text, f_.header);
        for (const auto& [c, parts] : groups)
            for (std::uint32_t i = 0; i < parts.size(); ++i)
                ws_.text(header_row + 1, c + i, parts[i], f_.header);
        for (const auto& [c, text] : pairs) {
            ws_.blank(header_row + 1, c, f_.header);
            ws_.merge({header_row, c, header_row + 1, c}, text, f_.header);
        }
    }

    void group_title(std::uint32_t col, std::uint32_t width, const std::string& title) {
        ws_.merge({header_row, col, header_row, col + width - 1}, title, f_.header);
    }

    // The numbers of the statistics columns, kept while the sheet is written.
    void keep(std::uint32_t col, double value) { columns_[col].push_back(value); }

    void unit_row(const UnitSummary& unit, std::size_t u) {
        const PeriodFigures& figures = unit.periods[period_];
        auto row = first_unit_row + static_cast<std::uint32_t>(u);
        put_number(ws_, row, 0, static_cast<double>(u + 1), f_.center);
        ws_.text(row, 1, unit.report.key, f_.text);
        ws_.text(row, 2, unit.report.nama, f_.text);
        ws_.text(row, 3, status_label(unit.report), f_.center);
        std::string capaian_cells;
        for (std::size_t i = 0; i < layout_.indicators.size(); ++i) {
            std::uint32_t c = layout_.realisasi(i);
            const Figure* found = figures.indikator.find(layout_.indicators[i].id);
            Figure figure = found ? *found : Figure{};
            put_number(ws_, row, c, figure.realisasi, f_.number);
            put_number(ws_, row, c + 1, figure.capaian, f_.number);
            std::string kategori = figure.kategori.empty() ? "-" : figure.kategori;
            ws_.text(row, c + 2, kategori, f_.center);
            keep(c, figure.realisasi);
            keep(c + 1, figure.capaian);
            ++kategori_counts_[{c + 2, kategori}];
            capaian_cells += (capaian_cells.empty() ? "" : ",") + cell_name(row, c + 1);
        }
        std::string mean_cell = cell_name(row, layout_.mean_col);
        put_formula(
            ws_, row, layout_.mean_col,
            capaian_cells.empty() ? "\"-\"" : "IFERROR(AVERAGE(" + capaian_cells + "),\"-\")",
            means_.at(u), f_.number);
        keep(layout_.mean_col, means_.at(u));
        put_formula(ws_, row, layout_.rank_col,
                    "IF(ISNUMBER(" + mean_cell + "),RANK(" + mean_cell + "," +
                        col_range(layout_.mean_col, first_unit_row, last_unit_row_) + "),\"-\")",
                    ranks_.at(u) ? ranks_.at(u) : na, f_.center);
        if (layout_.budget) {
            Budget b = figures.anggaran.value_or(Budget{});
            put_number(ws_, row, layout_.budget_col, b.pagu, f_.money);
            put_number(ws_, row, layout_.budget_col + 1, b.realisasi, f_.money);
            put_number(ws_, row, layout_.budget_col + 2, b.persen, f_.number);
            keep(layout_.budget_col, b.pagu);
            keep(layout_.budget_col + 1, b.realisasi);
            keep(layout_.budget_col + 2, b.persen);
        }
    }

    StyleId stat_style(std::uint32_t col) const {
        bool money = layout_.budget && (col == layout_.budget_col || col == layout_.budget_col + 1);
        return money ? f_.stat_money : f_.stat;
    }

    void label_row(std::uint32_t row, const std::string& text) {
        ws_.blank(row, 0, f_.label);
        ws_.merge({row, 1, row, 3}, text, f_.label);
    }

    void statistics() {
        std::uint32_t row = last_unit_row_ + 2;
        std::string range;
        label_row(row, "Rata-rata wilayah");
        for (const auto& [col, values] : columns_)
            put_formula(
                ws_, row, col,
                "IFERROR(AVERAGE(" + col_range(col, first_unit_row, last_unit_row_) + "),\"-\")",
                mean_of(values), stat_style(col));
        ++row;
        label_row(row, "Median wilayah");
        for (auto& [col, values] : columns_) {
            put_formula(
                ws_, row, col,
                "IFERROR(MEDIAN(" + col_range(col, first_unit_row, last_unit_row_) + "),\"-\")",
                median_of(std::move(values)), stat_style(col));
        }
        columns_.clear();
        ++row;
        for (const KategoriBand& band : engine_.compiled->settings().scale.bands) {
            label_row(row, "Jumlah satker kategori " + band.kode);
            for (std::size_t i = 0; i < layout_.indicators.size(); ++i) {
                std::uint32_t col = layout_.realisasi(i) + 2;
                auto count = kategori_counts_.find({col, band.kode});
                put_formula(ws_, row, col,
                            "COUNTIF(" + col_range(col, first_unit_row, last_unit_row_) + ",\"" +
                                band.kode + "\")",
                            count == kategori_counts_.end() ? 0.0 : double(count->second), f_.stat);
            }
            ++row;
        }
    }

    // One rule over the unit rows of `cols`.
    void conditional(const std::vector<std::uint32_t>& cols, ConditionalFormat rule) {
        for (std::uint32_t c : cols)
            rule.ranges.push_back(column_range(first_unit_row, c, last_unit_row_));
        ws_.conditional_format(rule);
    }

    static ConditionalFormat expression(const std::string& formula, const DiffStyle& style) {
        ConditionalFormat rule;
        rule.type = "expression";
        rule.formulas = {formula};
        rule.style = style;
        return rule;
    }

    void formats() {
        std::vector<std::uint32_t> capaian, kategori;
        for (std::size_t i = 0; i < layout_.indicators.size(); ++i) {
            capaian.push_back(layout_.realisasi(i) + 1);
            kategori.push_back(layout_.realisasi(i) + 2);
        }
        capaian.push_back(layout_.mean_col);
        std::string first = cell_name(first_unit_row, capaian.front());
        conditional(capaian, expression("AND(ISNUMBER(" + first + ")," + first + "<100)",
                                        colours(0xFFC7CE, 0x9C0006)));
        conditional(capaian, expression("AND(ISNUMBER(" + first + ")," + first + ">=100)",
                                        colours(0xC6EFCE, 0x006100)));
        static const std::map<std::string, std::pair<Rgb, Rgb>> kategori_colours = {
            {"AA", {0x00B050, 0xFFFFFF}}, {"A", {0x92D050, 0x000000}},
            {"BB", {0xC6E0B4, 0x000000}}, {"B", {0xFFFF99, 0x000000}},
            {"CC", {0xFFD966, 0x000000}}, {"C", {0xF4B084, 0x000000}},
            {"D", {0xFF7C80, 0x000000}}};
        for (const KategoriBand& band : engine_.compiled->settings().scale.bands) {
            auto colour = kategori_colours.find(band.kode);
            if (kategori.empty() || colour == kategori_colours.end()) continue;
            ConditionalFormat rule;
            rule.type = "cellIs";
            rule.op = "equal";
            rule.formulas = {"\"" + band.kode + "\""};
            rule.style = colours(colour->second.first, colour->second.second);
            conditional(kategori, rule);
        }
        if (layout_.budget) {
            ConditionalFormat scale;
            scale.type = "colorScale";
            scale.thresholds = {{"min", ""}, {"percentile", "50"}, {"max", ""}};
            scale.colors = {0xF8696B, 0xFFEB84, 0x63BE7B};
            conditional({layout_.budget_col + 2}, scale);
        }
        ws_.view(frozen_panes(first_unit_row, 3));
        ws_.autofilter({header_row + 1, 0, last_unit_row_, layout_.last_col});
        ws_.repeat_rows(header_row, header_row + 1);
        ws_.page(a4_page("landscape"));
    }

    StreamSheet& ws_;
    const Engine& engine_;
    const RekapInput& input_;
    const Layout& layout_;
    const RekapStyles& f_;
    Periode period_;
    std::uint32_t last_unit_row_ = 0;
    const std::vector<double>& means_;
    std::vector<int> ranks_;
    std::map<std::uint32_t, std::vector<double>> columns_;
    std::map<std::pair<std::uint32_t, std::string>, std::size_t> kategori_counts_;
};

void produce(StreamBook& book, const Engine& engine, const RekapInput& input) {
    RekapStyles styles(book);
    RekapOverview overview = rekap_overview(engine, input);
    Layout layout;
    layout.indicators = overview.indicators;
    layout.budget = overview.budget;
    layout.failed = overview.failed;
    layout.mean_col = fixed_cols + 3 * static_cast<std::uint32_t>(layout.indicators.size());
    layout.rank_col = layout.mean_col + 1;
    layout.budget_col = layout.rank_col + 1;
    layout.last_col = layout.budget ? layout.budget_col + 2 : layout.rank_col;

    StreamSheet* active = nullptr;
    if (!input.units.empty()) {
        for (Periode p : rekap_periods)
            if (overview.present[p])
                active =
                    &PeriodSheet(book, engine, input, layout, styles, p, overview.means[p]).write();
        write_peringkat_sheet(book, styles, input, overview);
    }
    write_status_sheet(book, styles, input);
    if (active) book.activate(*active);
}

}  // namespace

// Staged in memory like the units' workbooks (StreamOptions::temp_folder): libxlsxwriter then
// never writes into the output folder, so a full disk there fails in the copy, with Kinerja's
// message. If the memory folder is missing or full, the rekap is written beside the
// destination.
void write_rekap(const Engine& engine, const RekapInput& input, const fs::path& file) {
    StreamOptions options;
    options.temp_folder = memory_folder();
    options.title = "Rekap capaian kinerja wilayah";
    options.creator = "Kinerja";
    write_streamed(
        file, [&](StreamBook& book) { produce(book, engine, input); }, options);
}

}  // namespace kinerja::batch_detail
