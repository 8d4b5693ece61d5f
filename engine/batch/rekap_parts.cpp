// The rekap's building blocks: styles, cells, statistics, and the Peringkat and Status sheets.
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
    BorderSide thin{1, std::nullopt};
    s.border.left = s.border.right = s.border.top = s.border.bottom = thin;
    s.alignment.vertical = 2;
    return s;
}

}  // namespace

RekapStyles::RekapStyles(Workbook& wb) {
    Style t;
    t.font.name = "Arial";
    t.font.size = 14;
    t.font.bold = true;
    title = wb.intern_style(t);
    t.font.size = 10;
    t.font.bold = false;
    t.font.italic = true;
    subtitle = wb.intern_style(t);

    Style h = bordered();
    h.font.bold = true;
    h.fill = {1, 0xD9D9D9, std::nullopt};
    h.alignment.horizontal = 2;
    h.alignment.wrap = true;
    header = wb.intern_style(h);

    Style plain = bordered();
    plain.alignment.wrap = true;
    text = wb.intern_style(plain);
    plain.alignment.wrap = false;
    plain.alignment.horizontal = 2;
    center = wb.intern_style(plain);
    Style n = bordered();
    n.num_format = "0.00";
    number = wb.intern_style(n);
    n.num_format = "#,##0";
    money = wb.intern_style(n);

    Style l = bordered();
    l.font.bold = true;
    l.fill = {1, 0xF2F2F2, std::nullopt};
    label = wb.intern_style(l);
    l.num_format = "0.00";
    l.alignment.horizontal = 2;
    stat = wb.intern_style(l);
    l.num_format = "#,##0";
    stat_money = wb.intern_style(l);
}

void put_text(Sheet& sheet, std::uint32_t row, std::uint32_t col, const std::string& text,
              std::uint32_t style) {
    Cell c;
    c.row = row;
    c.col = col;
    c.style = style;
    c.value.kind = CellValue::Kind::text;
    c.value.text = text;
    sheet.put(std::move(c));
}

void put_number(Sheet& sheet, std::uint32_t row, std::uint32_t col, double value,
                std::uint32_t style) {
    if (std::isnan(value)) return put_text(sheet, row, col, "-", style);
    Cell c;
    c.row = row;
    c.col = col;
    c.style = style;
    c.value.kind = CellValue::Kind::number;
    c.value.number = value;
    sheet.put(std::move(c));
}

void put_formula(Sheet& sheet, std::uint32_t row, std::uint32_t col, const std::string& formula,
                 double cached, std::uint32_t style) {
    put_number(sheet, row, col, cached, style);
    sheet.find(row, col)->formula = formula;
}

double mean_of(const std::vector<double>& values) {
    double sum = 0;
    std::size_t n = 0;
    for (double v : values)
        if (!std::isnan(v)) sum += v, ++n;
    return n ? sum / static_cast<double>(n) : na;
}

double median_of(const std::vector<double>& values) {
    std::vector<double> v;
    for (double x : values)
        if (!std::isnan(x)) v.push_back(x);
    if (v.empty()) return na;
    std::sort(v.begin(), v.end());
    std::size_t mid = v.size() / 2;
    return v.size() % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

std::vector<int> ranks_of(const std::vector<double>& values) {
    std::vector<int> ranks(values.size(), 0);
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (std::isnan(values[i])) continue;
        int higher = 0;
        for (double other : values)
            if (!std::isnan(other) && other > values[i]) ++higher;
        ranks[i] = higher + 1;
    }
    return ranks;
}

std::vector<RekapIndicator> rekap_indicators(const Engine& engine, const RekapInput& input) {
    std::set<std::string> ids;
    for (const UnitSummary& u : input.units)
        for (const PeriodFigures& p : u.periods)
            for (const auto& [id, figure] : p.indikator) ids.insert(id);
    const CompiledCatalogue& compiled = *engine.compiled;
    std::vector<RekapIndicator> list;
    for (const std::string& id : ids) {
        RekapIndicator r{id, id, ""};
        if (auto index = compiled.index_of(id)) {
            const Indicator& ind = compiled.indicator(*index);
            r.nama = ind.name;
            if (!ind.units.empty()) r.satuan = ind.units.front();
        }
        list.push_back(std::move(r));
    }
    auto order = [&](const RekapIndicator& r) {
        return compiled.index_of(r.id).value_or(compiled.size());
    };
    std::stable_sort(list.begin(), list.end(),
                     [&](const auto& a, const auto& b) { return order(a) < order(b); });
    return list;
}

std::vector<double> mean_capaian(const RekapInput& input, std::size_t period) {
    std::vector<double> means;
    for (const UnitSummary& u : input.units) {
        std::vector<double> values;
        for (const auto& [id, f] : u.periods[period].indikator) values.push_back(f.capaian);
        means.push_back(mean_of(values));
    }
    return means;
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

void add_peringkat_sheet(Workbook& wb, const RekapStyles& st, const RekapInput& input) {
    Sheet sheet;
    sheet.name = "Peringkat";
    put_text(sheet, 0, 0, "PERINGKAT SATKER MENURUT RATA-RATA CAPAIAN TAHUN", st.title);
    put_text(sheet, 1, 0,
             "Sumber: " + input.source +
                 ". Satker dengan rata-rata sama mendapat "
                 "peringkat sama.",
             st.subtitle);
    const char* heads[] = {"Peringkat",
                           "Kode Satker",
                           "Nama Satker",
                           "Rata-rata Capaian (%)",
                           "Indikator Bercapaian",
                           "Penyerapan Anggaran (%)",
                           "Status"};
    const double widths[] = {10, 16, 40, 14, 14, 14, 14};
    for (std::uint32_t c = 0; c < 7; ++c) {
        put_text(sheet, 3, c, heads[c], st.header);
        sheet.columns.push_back({c, c, widths[c], false, false, 0, std::nullopt});
    }
    std::vector<double> means = mean_capaian(input, tahun);
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
        const PeriodFigures& year = u.periods[tahun];
        put_number(sheet, row, 0, ranks[i] ? ranks[i] : na, st.center);
        put_text(sheet, row, 1, u.report.key, st.text);
        put_text(sheet, row, 2, u.report.nama, st.text);
        put_number(sheet, row, 3, means[i], st.number);
        double counted = 0;
        for (const auto& [id, f] : year.indikator) counted += std::isnan(f.capaian) ? 0 : 1;
        put_number(sheet, row, 4, counted, st.center);
        put_number(sheet, row, 5, year.anggaran ? year.anggaran->persen : na, st.number);
        put_text(sheet, row, 6, status_label(u.report), st.center);
        ++row;
    }
    sheet.view.frozen_rows = 4;
    sheet.page.paper = 9;
    sheet.page.orientation = "portrait";
    sheet.page.fit_to_page = true;
    sheet.page.fit_height = 0;
    wb.sheets.push_back(std::move(sheet));
}

void add_status_sheet(Workbook& wb, const RekapStyles& st, const RekapInput& input) {
    Sheet sheet;
    sheet.name = "Status";
    put_text(sheet, 0, 0, "STATUS PENGOLAHAN BUKU KERJA", st.title);
    put_text(sheet, 1, 0, "Sumber: " + input.source + ". Rincian waktu ada di laporan.json.",
             st.subtitle);
    const char* heads[] = {"Kode Satker", "Nama Satker", "Berkas",    "Status",
                           "Galat",       "Peringatan",  "Keterangan"};
    const double widths[] = {16, 40, 24, 12, 8, 11, 80};
    for (std::uint32_t c = 0; c < 7; ++c) {
        put_text(sheet, 3, c, heads[c], st.header);
        sheet.columns.push_back({c, c, widths[c], false, false, 0, std::nullopt});
    }
    std::uint32_t row = 4;
    for (const UnitSummary& u : input.units) {
        const UnitReport& r = u.report;
        put_text(sheet, row, 0, r.key, st.text);
        put_text(sheet, row, 1, r.nama, st.text);
        put_text(sheet, row, 2, r.output.empty() ? "-" : r.output, st.text);
        put_text(sheet, row, 3, status_label(r), st.center);
        put_number(sheet, row, 4, static_cast<double>(r.errors), st.center);
        put_number(sheet, row, 5, static_cast<double>(r.warnings), st.center);
        put_text(sheet, row, 6, r.failure ? r.failure->id : "", st.text);
        ++row;
    }
    for (const Message& m : input.problems) put_text(sheet, ++row, 0, m.id, st.subtitle);
    sheet.view.frozen_rows = 4;
    wb.sheets.push_back(std::move(sheet));
}

}  // namespace kinerja::batch_detail
