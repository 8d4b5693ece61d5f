// The rekap's building blocks: formats, cells, statistics, and the Peringkat (with the chart
// of capaian per unit) and Status sheets.
#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>

#include "batch/rekap_detail.hpp"

namespace kinerja::batch_detail {

namespace {

lxw_format* bordered(lxw_workbook* book) {
    lxw_format* f = workbook_add_format(book);
    format_set_font_name(f, "Arial");
    format_set_font_size(f, 10);
    format_set_border(f, LXW_BORDER_THIN);
    format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    return f;
}

lxw_format* shaded(lxw_workbook* book, lxw_color_t colour) {
    lxw_format* f = bordered(book);
    format_set_bold(f);
    format_set_pattern(f, LXW_PATTERN_SOLID);
    format_set_bg_color(f, colour);
    return f;
}

}  // namespace

RekapFormats::RekapFormats(lxw_workbook* book) {
    title = workbook_add_format(book);
    format_set_font_name(title, "Arial");
    format_set_font_size(title, 14);
    format_set_bold(title);
    subtitle = workbook_add_format(book);
    format_set_font_name(subtitle, "Arial");
    format_set_font_size(subtitle, 10);
    format_set_italic(subtitle);

    header = shaded(book, 0xD9D9D9);
    format_set_align(header, LXW_ALIGN_CENTER);
    format_set_text_wrap(header);
    text = bordered(book);
    format_set_text_wrap(text);
    center = bordered(book);
    format_set_align(center, LXW_ALIGN_CENTER);
    number = bordered(book);
    format_set_num_format(number, "0.00");
    money = bordered(book);
    format_set_num_format(money, "#,##0");

    label = shaded(book, 0xF2F2F2);
    stat = shaded(book, 0xF2F2F2);
    format_set_num_format(stat, "0.00");
    format_set_align(stat, LXW_ALIGN_CENTER);
    stat_money = shaded(book, 0xF2F2F2);
    format_set_num_format(stat_money, "#,##0");
    format_set_align(stat_money, LXW_ALIGN_CENTER);
}

void put_text(lxw_worksheet* ws, std::uint32_t row, std::uint32_t col, const std::string& text,
              lxw_format* format) {
    if (text.empty())
        worksheet_write_blank(ws, row, static_cast<lxw_col_t>(col), format);
    else
        worksheet_write_string(ws, row, static_cast<lxw_col_t>(col), text.c_str(), format);
}

void put_number(lxw_worksheet* ws, std::uint32_t row, std::uint32_t col, double value,
                lxw_format* format) {
    if (std::isnan(value)) return put_text(ws, row, col, "-", format);
    worksheet_write_number(ws, row, static_cast<lxw_col_t>(col), value, format);
}

void put_formula(lxw_worksheet* ws, std::uint32_t row, std::uint32_t col,
                 const std::string& formula, double cached, lxw_format* format) {
    auto c = static_cast<lxw_col_t>(col);
    if (std::isnan(cached))
        worksheet_write_formula_str(ws, row, c, formula.c_str(), format, "-");
    else
        worksheet_write_formula_num(ws, row, c, formula.c_str(), format, cached);
}

double mean_of(const std::vector<double>& values) {
    double sum = 0;
    std::size_t n = 0;
    for (double v : values)
        if (!std::isnan(v)) sum += v, ++n;
    return n ? sum / static_cast<double>(n) : na;
}

double median_of(std::vector<double> v) {
    std::erase_if(v, [](double x) { return std::isnan(x); });
    if (v.empty()) return na;
    std::sort(v.begin(), v.end());
    std::size_t mid = v.size() / 2;
    return v.size() % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

std::vector<int> ranks_of(const std::vector<double>& values) {
    // Sorted once: a rank is one more than the count of strictly higher values.
    std::vector<double> sorted;
    for (double v : values)
        if (!std::isnan(v)) sorted.push_back(v);
    std::sort(sorted.begin(), sorted.end());
    std::vector<int> ranks(values.size(), 0);
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (std::isnan(values[i])) continue;
        auto higher = sorted.end() - std::upper_bound(sorted.begin(), sorted.end(), values[i]);
        ranks[i] = static_cast<int>(higher) + 1;
    }
    return ranks;
}

RekapOverview rekap_overview(const Engine& engine, const RekapInput& input) {
    RekapOverview o;
    o.present[Periode::tahun] = true;  // the year's sheet is always there
    std::set<std::string> ids;
    std::vector<double> values;
    for (const UnitSummary& u : input.units) {
        o.failed += u.report.status == UnitStatus::failed;
        for (Periode p : rekap_periods) {
            const PeriodFigures& figures = u.periods[p];
            o.present[p] = o.present[p] || figures.present;
            o.budget = o.budget || figures.anggaran;
            values.clear();
            for (const auto& [id, f] : figures.indikator) {
                ids.emplace(id);
                values.push_back(f.capaian);
            }
            o.means[p].push_back(mean_of(values));
        }
    }
    const CompiledCatalogue& compiled = *engine.compiled;
    for (const std::string& id : ids) {
        RekapIndicator r{id, id, ""};
        if (auto index = compiled.index_of(id)) {
            const Indicator& ind = compiled.indicator(*index);
            r.nama = ind.name;
            if (!ind.units.empty()) r.satuan = ind.units.front();
        }
        o.indicators.push_back(std::move(r));
    }
    auto order = [&](const RekapIndicator& r) {
        return compiled.index_of(r.id).value_or(compiled.size());
    };
    std::stable_sort(o.indicators.begin(), o.indicators.end(),
                     [&](const auto& a, const auto& b) { return order(a) < order(b); });
    return o;
}

const char* status_label(const UnitReport& report) {
    switch (report.status) {
        case UnitStatus::ok:
            return "OK";
        case UnitStatus::findings:
            return "Ada temuan";
        case UnitStatus::failed:
            return "Gagal";
    }
    return "Gagal";
}

namespace {

void header_row(lxw_worksheet* ws, const RekapFormats& f, const char* const* heads,
                const double* widths, std::uint32_t count) {
    for (std::uint32_t c = 0; c < count; ++c) {
        put_text(ws, 3, c, heads[c], f.header);
        worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c],
                             nullptr);
    }
}

// A column chart of the year's mean capaian per unit, in ranking order, beside the table.
void capaian_chart(lxw_workbook* book, lxw_worksheet* ws, std::size_t units) {
    if (units == 0) return;
    std::string last = std::to_string(4 + units);
    lxw_chart* chart = workbook_add_chart(book, LXW_CHART_COLUMN);
    lxw_chart_series* series = chart_add_series(chart, ("=Peringkat!$B$5:$B$" + last).c_str(),
                                                ("=Peringkat!$D$5:$D$" + last).c_str());
    chart_series_set_name(series, "=Peringkat!$D$4");
    chart_title_set_name(chart, "Rata-rata capaian tahun per satker (%)");
    chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
    chart_axis_set_name(chart->y_axis, "Capaian (%)");
    lxw_chart_options options{};
    options.x_scale = std::clamp(static_cast<double>(units) / 12.0, 1.5, 8.0);
    options.y_scale = 1.5;
    worksheet_insert_chart_opt(ws, 3, 8, chart, &options);
}

}  // namespace

void write_peringkat_sheet(lxw_workbook* book, const RekapFormats& f, const RekapInput& input,
                           const RekapOverview& overview) {
    lxw_worksheet* ws = workbook_add_worksheet(book, "Peringkat");
    put_text(ws, 0, 0, "PERINGKAT SATKER MENURUT RATA-RATA CAPAIAN TAHUN", f.title);
    put_text(ws, 1, 0,
             "Sumber: " + input.source +
                 ". Satker dengan rata-rata sama mendapat "
                 "peringkat sama.",
             f.subtitle);
    const char* heads[] = {"Peringkat",
                           "Kode Satker",
                           "Nama Satker",
                           "Rata-rata Capaian (%)",
                           "Indikator Bercapaian",
                           "Penyerapan Anggaran (%)",
                           "Status"};
    const double widths[] = {10, 16, 40, 14, 14, 14, 14};
    header_row(ws, f, heads, widths, 7);
    const std::vector<double>& means = overview.means[Periode::tahun];
    std::vector<int> ranks = ranks_of(means);
    std::vector<std::size_t> order(input.units.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        int ra = ranks[a] ? ranks[a] : 1 << 30, rb = ranks[b] ? ranks[b] : 1 << 30;
        return ra < rb;
    });
    std::uint32_t row = 4;
    for (std::size_t i : order) {
        const UnitSummary& u = input.units[i];
        const PeriodFigures& year = u.periods[Periode::tahun];
        put_number(ws, row, 0, ranks[i] ? ranks[i] : na, f.center);
        put_text(ws, row, 1, u.report.key, f.text);
        put_text(ws, row, 2, u.report.nama, f.text);
        put_number(ws, row, 3, means[i], f.number);
        double counted = 0;
        for (const auto& [id, fig] : year.indikator) counted += std::isnan(fig.capaian) ? 0 : 1;
        put_number(ws, row, 4, counted, f.center);
        put_number(ws, row, 5, year.anggaran ? year.anggaran->persen : na, f.number);
        put_text(ws, row, 6, status_label(u.report), f.center);
        ++row;
    }
    capaian_chart(book, ws, input.units.size());
    worksheet_freeze_panes(ws, 4, 0);
    worksheet_set_paper(ws, 9);
    worksheet_set_portrait(ws);
    worksheet_fit_to_pages(ws, 1, 0);
}

void write_status_sheet(lxw_workbook* book, const RekapFormats& f, const RekapInput& input) {
    lxw_worksheet* ws = workbook_add_worksheet(book, "Status");
    put_text(ws, 0, 0, "STATUS PENGOLAHAN BUKU KERJA", f.title);
    put_text(ws, 1, 0, "Sumber: " + input.source + ". Rincian waktu ada di laporan.json.",
             f.subtitle);
    const char* heads[] = {"Kode Satker", "Nama Satker", "Berkas",    "Status",
                           "Galat",       "Peringatan",  "Keterangan"};
    const double widths[] = {16, 40, 24, 12, 8, 11, 80};
    header_row(ws, f, heads, widths, 7);
    std::uint32_t row = 4;
    for (const UnitSummary& u : input.units) {
        const UnitReport& r = u.report;
        put_text(ws, row, 0, r.key, f.text);
        put_text(ws, row, 1, r.nama, f.text);
        put_text(ws, row, 2, r.output.empty() ? "-" : r.output, f.text);
        put_text(ws, row, 3, status_label(r), f.center);
        put_number(ws, row, 4, static_cast<double>(r.errors), f.center);
        put_number(ws, row, 5, static_cast<double>(r.warnings), f.center);
        put_text(ws, row, 6, r.failure ? r.failure->id : "", f.text);
        ++row;
    }
    for (const Message& m : input.problems) put_text(ws, ++row, 0, m.id, f.subtitle);
    for (const Message& m : input.notices) put_text(ws, ++row, 0, m.id, f.subtitle);
    worksheet_freeze_panes(ws, 4, 0);
}

}  // namespace kinerja::batch_detail
