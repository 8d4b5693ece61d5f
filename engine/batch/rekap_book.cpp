// rekap.xlsx: a sheet per period (TW I..IV when the data has them, and TAHUN) with a row per
// satker and, per indicator, realisasi, capaian and kategori; the regional average and median
// and the count per kategori below; the mean capaian, rank and budget absorption per satker;
// then the Peringkat (with a chart) and Status sheets. Statistics are live formulas with
// cached values. Written row by row in libxlsxwriter's constant_memory mode, each unit's
// summary decoded from the store as its row is written: what is held per unit is its mean
// capaian per period and, while a sheet is written, one number per statistics column.
#include <cerrno>
#include <cmath>
#include <ctime>

#include "batch/rekap_detail.hpp"
#include "common/atomic_output.hpp"

namespace kinerja::batch_detail {

namespace {

constexpr std::uint32_t header_row = 3, first_unit_row = 5, fixed_cols = 4;
constexpr std::time_t fixed_created = 946684800;  // 2000-01-01T00:00:00Z, as engine/write

std::string col_range(std::uint32_t col, std::uint32_t first, std::uint32_t last) {
    return "$" + column_name(col) + "$" + std::to_string(first + 1) + ":$" + column_name(col) +
           "$" + std::to_string(last + 1);
}

std::string range_text(std::uint32_t first_row, std::uint32_t col, std::uint32_t last_row) {
    return cell_name(first_row, col) + ":" + cell_name(last_row, col);
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

// Conditional-format colours: a fill and a font colour.
lxw_format* colours(lxw_workbook* book, lxw_color_t fill, lxw_color_t font) {
    lxw_format* f = workbook_add_format(book);
    format_set_pattern(f, LXW_PATTERN_SOLID);
    format_set_bg_color(f, fill);
    format_set_font_color(f, font);
    return f;
}

class PeriodSheet {
public:
    PeriodSheet(lxw_workbook* book, const Engine& engine, const RekapInput& input,
                const Layout& layout, const RekapFormats& f, Periode period,
                const std::vector<double>& means)
        : book_(book),
          engine_(engine),
          input_(input),
          layout_(layout),
          f_(f),
          period_(period),
          means_(means),
          ranks_(ranks_of(means)) {
        ws_ = workbook_add_worksheet(book, periode_title(period));
        last_unit_row_ = first_unit_row + static_cast<std::uint32_t>(input.units.size()) - 1;
    }

    lxw_worksheet* write() {
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
        put_text(ws_, 0, 0,
                 std::string("REKAP CAPAIAN KINERJA WILAYAH - ") + periode_title(period_),
                 f_.title);
        std::size_t failed = layout_.failed;
        std::string note = "Sumber: " + input_.source + "; " + std::to_string(input_.units.size()) +
                           " satker, " + std::to_string(failed) + " gagal diolah.";
        if (period_ != Periode::tahun)
            note +=
                " Capaian triwulan dihitung kumulatif sampai triwulan ini terhadap target tahunan.";
        put_text(ws_, 1, 0, note, f_.subtitle);
    }

    void column(std::uint32_t first, std::uint32_t last, double width) {
        worksheet_set_column(ws_, static_cast<lxw_col_t>(first), static_cast<lxw_col_t>(last),
                             width, nullptr);
    }

    // Row 3: titles, a group's title merged over its columns; row 4: the group's parts.
    // The single headers span both rows, merged once row 4 is written (constant_memory
    // writes rows in order; the merge keeps the title already in row 3).
    void headers() {
        const char* fixed[] = {"No", "Kode Satker", "Nama Satker", "Status"};
        const double widths[] = {5, 14, 34, 11};
        worksheet_set_row(ws_, header_row, 96, nullptr);
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
        for (const auto& [c, text] : pairs) put_text(ws_, header_row, c, text, f_.header);
        for (const auto& [c, parts] : groups)
            for (std::uint32_t i = 0; i < parts.size(); ++i)
                put_text(ws_, header_row + 1, c + i, parts[i], f_.header);
        for (const auto& [c, text] : pairs) {
            put_text(ws_, header_row + 1, c, "", f_.header);
            worksheet_merge_range(ws_, header_row, static_cast<lxw_col_t>(c), header_row + 1,
                                  static_cast<lxw_col_t>(c), text.c_str(), f_.header);
        }
    }

    void group_title(std::uint32_t col, std::uint32_t width, const std::string& title) {
        worksheet_merge_range(ws_, header_row, static_cast<lxw_col_t>(col), header_row,
                              static_cast<lxw_col_t>(col + width - 1), title.c_str(), f_.header);
    }

    // The numbers of the statistics columns, kept while the sheet is written.
    void keep(std::uint32_t col, double value) { columns_[col].push_back(value); }

    void unit_row(const UnitSummary& unit, std::size_t u) {
        const PeriodFigures& figures = unit.periods[period_];
        auto row = first_unit_row + static_cast<std::uint32_t>(u);
        put_number(ws_, row, 0, static_cast<double>(u + 1), f_.center);
        put_text(ws_, row, 1, unit.report.key, f_.text);
        put_text(ws_, row, 2, unit.report.nama, f_.text);
        put_text(ws_, row, 3, status_label(unit.report), f_.center);
        std::string capaian_cells;
        for (std::size_t i = 0; i < layout_.indicators.size(); ++i) {
            std::uint32_t c = layout_.realisasi(i);
            const Figure* found = figures.indikator.find(layout_.indicators[i].id);
            Figure figure = found ? *found : Figure{};
            put_number(ws_, row, c, figure.realisasi, f_.number);
            put_number(ws_, row, c + 1, figure.capaian, f_.number);
            std::string kategori = figure.kategori.empty() ? "-" : figure.kategori;
            put_text(ws_, row, c + 2, kategori, f_.center);
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

    lxw_format* stat_format(std::uint32_t col) const {
        bool money = layout_.budget && (col == layout_.budget_col || col == layout_.budget_col + 1);
        return money ? f_.stat_money : f_.stat;
    }

    void label_row(std::uint32_t row, const std::string& text) {
        put_text(ws_, row, 0, "", f_.label);
        worksheet_merge_range(ws_, row, 1, row, 3, text.c_str(), f_.label);
    }

    void statistics() {
        std::uint32_t row = last_unit_row_ + 2;
        std::string range;
        label_row(row, "Rata-rata wilayah");
        for (const auto& [col, values] : columns_)
            put_formula(
                ws_, row, col,
                "IFERROR(AVERAGE(" + col_range(col, first_unit_row, last_unit_row_) + "),\"-\")",
                mean_of(values), stat_format(col));
        ++row;
        label_row(row, "Median wilayah");
        for (auto& [col, values] : columns_) {
            put_formula(
                ws_, row, col,
                "IFERROR(MEDIAN(" + col_range(col, first_unit_row, last_unit_row_) + "),\"-\")",
                median_of(std::move(values)), stat_format(col));
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

    void conditional(const std::vector<std::uint32_t>& cols, lxw_conditional_format& cf) {
        std::string multi;
        for (std::uint32_t c : cols)
            multi += (multi.empty() ? "" : " ") + range_text(first_unit_row, c, last_unit_row_);
        cf.multi_range = cols.size() > 1 ? multi.data() : nullptr;
        worksheet_conditional_format_range(ws_, first_unit_row, static_cast<lxw_col_t>(cols[0]),
                                           last_unit_row_, static_cast<lxw_col_t>(cols[0]), &cf);
    }

    void formats() {
        std::vector<std::uint32_t> capaian, kategori;
        for (std::size_t i = 0; i < layout_.indicators.size(); ++i) {
            capaian.push_back(layout_.realisasi(i) + 1);
            kategori.push_back(layout_.realisasi(i) + 2);
        }
        capaian.push_back(layout_.mean_col);
        std::string first = cell_name(first_unit_row, capaian.front());
        std::string low_rule = "AND(ISNUMBER(" + first + ")," + first + "<100)";
        std::string high_rule = "AND(ISNUMBER(" + first + ")," + first + ">=100)";
        lxw_conditional_format low{};
        low.type = LXW_CONDITIONAL_TYPE_FORMULA;
        low.value_string = low_rule.data();
        low.format = colours(book_, 0xFFC7CE, 0x9C0006);
        conditional(capaian, low);
        lxw_conditional_format high{};
        high.type = LXW_CONDITIONAL_TYPE_FORMULA;
        high.value_string = high_rule.data();
        high.format = colours(book_, 0xC6EFCE, 0x006100);
        conditional(capaian, high);
        static const std::map<std::string, std::pair<lxw_color_t, lxw_color_t>> kategori_colours = {
            {"AA", {0x00B050, 0xFFFFFF}}, {"A", {0x92D050, 0x000000}},
            {"BB", {0xC6E0B4, 0x000000}}, {"B", {0xFFFF99, 0x000000}},
            {"CC", {0xFFD966, 0x000000}}, {"C", {0xF4B084, 0x000000}},
            {"D", {0xFF7C80, 0x000000}}};
        for (const KategoriBand& band : engine_.compiled->settings().scale.bands) {
            auto colour = kategori_colours.find(band.kode);
            if (kategori.empty() || colour == kategori_colours.end()) continue;
            std::string value = "\"" + band.kode + "\"";
            lxw_conditional_format cf{};
            cf.type = LXW_CONDITIONAL_TYPE_CELL;
            cf.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO;
            cf.value_string = value.data();
            cf.format = colours(book_, colour->second.first, colour->second.second);
            conditional(kategori, cf);
        }
        if (layout_.budget) {
            lxw_conditional_format scale{};
            scale.type = LXW_CONDITIONAL_3_COLOR_SCALE;
            scale.min_rule_type = LXW_CONDITIONAL_RULE_TYPE_MINIMUM;
            scale.mid_rule_type = LXW_CONDITIONAL_RULE_TYPE_PERCENTILE;
            scale.mid_value = 50;
            scale.max_rule_type = LXW_CONDITIONAL_RULE_TYPE_MAXIMUM;
            scale.min_color = 0xF8696B;
            scale.mid_color = 0xFFEB84;
            scale.max_color = 0x63BE7B;
            conditional({layout_.budget_col + 2}, scale);
        }
        worksheet_freeze_panes(ws_, first_unit_row, 3);
        worksheet_autofilter(ws_, header_row + 1, 0, last_unit_row_,
                             static_cast<lxw_col_t>(layout_.last_col));
        worksheet_repeat_rows(ws_, header_row, header_row + 1);
        worksheet_set_paper(ws_, 9);
        worksheet_set_landscape(ws_);
        worksheet_fit_to_pages(ws_, 1, 0);
    }

    lxw_workbook* book_;
    lxw_worksheet* ws_ = nullptr;
    const Engine& engine_;
    const RekapInput& input_;
    const Layout& layout_;
    const RekapFormats& f_;
    Periode period_;
    std::uint32_t last_unit_row_ = 0;
    const std::vector<double>& means_;
    std::vector<int> ranks_;
    std::map<std::uint32_t, std::vector<double>> columns_;
    std::map<std::pair<std::uint32_t, std::string>, std::size_t> kategori_counts_;
};

void produce(lxw_workbook* book, const Engine& engine, const RekapInput& input) {
    RekapFormats formats(book);
    RekapOverview overview = rekap_overview(engine, input);
    Layout layout;
    layout.indicators = overview.indicators;
    layout.budget = overview.budget;
    layout.failed = overview.failed;
    layout.mean_col = fixed_cols + 3 * static_cast<std::uint32_t>(layout.indicators.size());
    layout.rank_col = layout.mean_col + 1;
    layout.budget_col = layout.rank_col + 1;
    layout.last_col = layout.budget ? layout.budget_col + 2 : layout.rank_col;

    lxw_worksheet* active = nullptr;
    if (!input.units.empty()) {
        for (Periode p : rekap_periods)
            if (overview.present[p])
                active =
                    PeriodSheet(book, engine, input, layout, formats, p, overview.means[p]).write();
        write_peringkat_sheet(book, formats, input, overview);
    }
    write_status_sheet(book, formats, input);
    if (active) worksheet_activate(active);
}

}  // namespace

namespace {

// libxlsxwriter writes the rekap to `zip`, its parts to `tmpdir`.
void write_rekap_zip(const Engine& engine, const RekapInput& input, const fs::path& file,
                     const fs::path& zip, std::string tmpdir) {
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    options.tmpdir = tmpdir.data();
    lxw_workbook* book = workbook_new_opt(zip.c_str(), &options);
    if (!book)
        throw OutputError(file.string(),
                          {"tidak dapat membuat rekap.xlsx", "cannot create rekap.xlsx"});
    lxw_doc_properties properties{};
    std::string title = "Rekap capaian kinerja wilayah", author = "Kinerja";
    properties.title = title.data();
    properties.author = author.data();
    properties.created = fixed_created;  // the same input gives the same bytes
    workbook_set_properties(book, &properties);
    try {
        produce(book, engine, input);
    } catch (...) {
        workbook_close(book);
        throw;
    }
    lxw_error error = workbook_close(book);
    if (error != LXW_NO_ERROR)
        throw OutputError(file.string(),
                          {std::string("gagal menulis rekap.xlsx: ") + lxw_strerror(error),
                           std::string("could not write rekap.xlsx: ") + lxw_strerror(error)});
}

}  // namespace

// Staged in memory like the units' workbooks (WriteOptions::temp_folder): libxlsxwriter then
// never writes into the output folder, so a full disk there fails in the copy below, with
// Kinerja's message, not inside libxlsxwriter with its own lines. If the memory folder is
// missing or full, the rekap is written beside the destination.
void write_rekap(const Engine& engine, const RekapInput& input, const fs::path& file) {
    const fs::path folder = file.parent_path().empty() ? fs::path(".") : file.parent_path();
    write_atomically(file, [&](const fs::path& temp) {
        if (fs::path memory = memory_folder(); !memory.empty()) {
            try {
                PrivateFile stage = PrivateFile::unnamed(memory);
                write_rekap_zip(engine, input, file, stage.access_path(), memory.string());
                std::error_code ec;
                fs::copy_file(stage.access_path(), temp, fs::copy_options::overwrite_existing,
                              ec);
                if (!ec) return;
                errno = ec.value();
                throw OutputError(file.string(), {"gagal menyalin rekap.xlsx: " + ec.message(),
                                                  "could not copy rekap.xlsx: " + ec.message()});
            } catch (const OutputError&) {
                if (out_of_room(folder, errno)) throw;
                errno = 0;  // the memory folder's failure, not the destination's
            }
        }
        write_rekap_zip(engine, input, file, temp, folder.string());
    });
}

}  // namespace kinerja::batch_detail
