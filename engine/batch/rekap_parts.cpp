// The rekap's building blocks: formats, cells, statistics, and the Peringkat (with the chart
// of capaian per unit) and Status sheets.
#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>

#include "batch/rekap_detail.hpp"

namespace kinerja::batch_detail {

namespace {

Style bordered() {
    Style s;
    s.font.name = "Arial";
    s.font.size = 10;
    for (BorderSide* side : {&s.border.left, &s.border.right, &s.border.top, &s.border.bottom})
        side->style = BorderStyle::thin;
    s.alignment.vertical = 2;  // center
    return s;
}

Style shaded(Rgb colour) {
    Style s = bordered();
    s.font.bold = true;
    s.fill.pattern = FillPattern::solid;
    s.fill.fg = colour;
    return s;
}

Style with(Style s, const std::string& num_format, std::uint8_t horizontal = 0, bool wrap = false) {
    s.num_format = num_format;
    s.alignment.horizontal = horizontal;
    s.alignment.wrap = wrap;
    return s;
}

constexpr std::uint8_t centre = 2;

}  // namespace

// Registered in this order: libxlsxwriter numbers fonts and fills in the order styles are made.
RekapStyles::RekapStyles(StreamBook& book) {
    Style heading;
    heading.font.name = "Arial";
    heading.font.size = 14;
    heading.font.bold = true;
    title = book.style(heading);
    Style note;
    note.font.name = "Arial";
    note.font.size = 10;
    note.font.italic = true;
    subtitle = book.style(note);
    header = book.style(with(shaded(0xD9D9D9), "General", centre, true));
    text = book.style(with(bordered(), "General", 0, true));
    center = book.style(with(bordered(), "General", centre));
    number = book.style(with(bordered(), "0.00"));
    money = book.style(with(bordered(), "#,##0"));
    label = book.style(shaded(0xF2F2F2));
    stat = book.style(with(shaded(0xF2F2F2), "0.00", centre));
    stat_money = book.style(with(shaded(0xF2F2F2), "#,##0", centre));
}

void put_number(StreamSheet& sheet, std::uint32_t row, std::uint32_t col, double value,
                StyleId style) {
    if (!std::isfinite(value)) return sheet.text(row, col, "-", style);
    sheet.number(row, col, value, style);
}

void put_formula(StreamSheet& sheet, std::uint32_t row, std::uint32_t col,
                 const std::string& formula, double cached, StyleId style) {
    if (std::isfinite(cached))
        sheet.formula(row, col, formula, cached, style);
    else
        sheet.formula(row, col, formula, "-", style);
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

PageSetup a4_page(const char* orientation) {
    PageSetup page;
    page.paper = 9;
    page.orientation = orientation;
    page.fit_to_page = true;
    page.fit_width = 1;
    page.fit_height = 0;  // as many pages down as it takes
    return page;
}

SheetView frozen_panes(std::uint32_t rows, std::uint32_t cols) {
    SheetView view;
    view.frozen_rows = rows;
    view.frozen_cols = cols;
    return view;
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

void header_row(StreamSheet& sheet, const RekapStyles& f, const char* const* heads,
                const double* widths, std::uint32_t count) {
    for (std::uint32_t c = 0; c < count; ++c) {
        sheet.text(3, c, heads[c], f.header);
        sheet.column_width(c, c, widths[c]);
    }
}

// A column chart of the year's mean capaian per unit, in ranking order, beside the table.
void capaian_chart(StreamSheet& sheet, std::size_t units) {
    if (units == 0) return;
    std::string last = std::to_string(4 + units);
    StreamChart chart;
    chart.categories = "=Peringkat!$B$5:$B$" + last;
    chart.values = "=Peringkat!$D$5:$D$" + last;
    chart.series_name = "=Peringkat!$D$4";
    chart.title = "Rata-rata capaian tahun per satker (%)";
    chart.value_title = "Capaian (%)";
    chart.x_scale = std::clamp(static_cast<double>(units) / 12.0, 1.5, 8.0);
    chart.y_scale = 1.5;
    sheet.chart(3, 8, chart);
}

}  // namespace

void write_peringkat_sheet(StreamBook& book, const RekapStyles& f, const RekapInput& input,
                           const RekapOverview& overview) {
    StreamSheet& ws = book.add_sheet("Peringkat");
    ws.text(0, 0, "PERINGKAT SATKER MENURUT RATA-RATA CAPAIAN TAHUN", f.title);
    ws.text(1, 0,
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
        ws.text(row, 1, u.report.key, f.text);
        ws.text(row, 2, u.report.nama, f.text);
        put_number(ws, row, 3, means[i], f.number);
        double counted = 0;
        for (const auto& [id, fig] : year.indikator) counted += std::isnan(fig.capaian) ? 0 : 1;
        put_number(ws, row, 4, counted, f.center);
        put_number(ws, row, 5, year.anggaran ? year.anggaran->persen : na, f.number);
        ws.text(row, 6, status_label(u.report), f.center);
        ++row;
    }
    capaian_chart(ws, input.units.size());
    ws.view(frozen_panes(4, 0));
    ws.page(a4_page("portrait"));
}

void write_status_sheet(StreamBook& book, const RekapStyles& f, const RekapInput& input) {
    StreamSheet& ws = book.add_sheet("Status");
    ws.text(0, 0, "STATUS PENGOLAHAN BUKU KERJA", f.title);
    ws.text(1, 0, "Sumber: " + input.source + ". Rincian waktu ada di laporan.json.", f.subtitle);
    const char* heads[] = {"Kode Satker", "Nama Satker", "Berkas",    "Status",
                           "Galat",       "Peringatan",  "Keterangan"};
    const double widths[] = {16, 40, 24, 12, 8, 11, 80};
    header_row(ws, f, heads, widths, 7);
    std::uint32_t row = 4;
    for (const UnitSummary& u : input.units) {
        const UnitReport& r = u.report;
        ws.text(row, 0, r.key, f.text);
        ws.text(row, 1, r.nama, f.text);
        ws.text(row, 2, r.output.empty() ? "-" : r.output, f.text);
        ws.text(row, 3, status_label(r), f.center);
        put_number(ws, row, 4, static_cast<double>(r.errors), f.center);
        put_number(ws, row, 5, static_cast<double>(r.warnings), f.center);
        ws.text(row, 6, r.failure ? r.failure->id : "", f.text);
        ++row;
    }
    for (const Message& m : input.problems) ws.text(++row, 0, m.id, f.subtitle);
    for (const Message& m : input.notices) ws.text(++row, 0, m.id, f.subtitle);
    ws.view(frozen_panes(4, 0));
}

}  // namespace kinerja::batch_detail
