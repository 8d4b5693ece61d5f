// The Grafik sheet of `kinerja fill --grafik`: a small table of each indicator's capaian,
// read live from the filled capaian cells, and a column chart of it against a 100% line.
//
// The sheet is Kinerja's output, not the user's: it carries a hidden sheet-local defined
// name (grafik_mark), every run removes the sheet so marked before finding tables, and a
// run with --grafik builds it again from the new capaian. A user's own sheet called Grafik
// has no mark and is never touched; ours is then called "Grafik Kinerja".
#include <algorithm>
#include <cmath>
#include <set>

#include "fill/fill_context.hpp"

namespace kinerja {

namespace {

constexpr const char* grafik_mark = "_Kinerja_Grafik";
constexpr const char* sheet_names[] = {"Grafik", "Grafik Kinerja"};
constexpr std::uint32_t title_row = 0, chart_row = 2, chart_rows = 22;
constexpr std::uint32_t header_row = chart_row + chart_rows + 1;

bool is_marked(const Workbook& workbook, std::size_t index) {
    return std::any_of(workbook.names.begin(), workbook.names.end(), [&](const DefinedName& n) {
        return n.local_sheet == static_cast<int>(index) && n.name == grafik_mark;
    });
}

// The indicators to chart: each indicator once, from the tables of the latest year that
// have a capaian column, in workbook order.
std::vector<const IndicatorOutcome*> charted(const FillReport& report) {
    std::optional<int> year;
    for (const IndicatorOutcome& o : report.outcomes)
        if (o.capaian_col && o.tahun && (!year || *o.tahun > *year)) year = o.tahun;
    std::vector<const IndicatorOutcome*> chosen;
    std::set<std::string> seen;
    for (const IndicatorOutcome& o : report.outcomes) {
        if (!o.capaian_col || (year && o.tahun && o.tahun != year)) continue;
        if (seen.insert(o.id).second) chosen.push_back(&o);
    }
    return chosen;
}

struct Styles {
    std::uint32_t title, header, text, number, center;
};

Styles make_styles(Workbook& workbook) {
    Style base;
    base.font.name = "Arial";
    base.font.size = 10;
    base.alignment.vertical = 2;
    BorderSide thin;
    thin.style = BorderStyle::thin;
    Style boxed = base;
    boxed.border.left = boxed.border.right = boxed.border.top = boxed.border.bottom = thin;
    Style title = base;
    title.font.bold = true;
    title.font.size = 12;
    Style header = boxed;
    header.font.bold = true;
    header.fill = {FillPattern::solid, 0xD9D9D9, std::nullopt};
    header.alignment.horizontal = 2;
    header.alignment.wrap = true;
    Style text = boxed;
    text.alignment.wrap = true;
    Style number = boxed;
    number.num_format = "0.00";
    Style center = boxed;
    center.alignment.horizontal = 2;
    return {workbook.intern_style(title), workbook.intern_style(header),
            workbook.intern_style(text), workbook.intern_style(number),
            workbook.intern_style(center)};
}

// The capaian cell as a number in percent: a percent-formatted cell holds 0.9688 for 96,88%.
// A capaian that is not a number ("-", not applicable) is #N/A, a gap in the chart.
ExcelFormula capaian_link(const Workbook& workbook, const IndicatorOutcome& o) {
    const Sheet* source = workbook.sheet(o.sheet);
    const Cell* cell = source ? source->find(o.row, *o.capaian_col) : nullptr;
    std::string ref = quoted_sheet_name(o.sheet) + "!" + cell_name(o.row, *o.capaian_col);
    bool percent = cell && cell->style < workbook.styles.size() &&
                   is_percent_format(workbook.styles[cell->style].num_format);
    ExcelFormula f;
    f.formula = "IF(ISNUMBER(" + ref + ")," + ref + (percent ? "*100" : "") + ",NA())";
    if (cell && cell->value.kind == CellValue::Kind::number) {
        f.cached.kind = CellValue::Kind::number;
        f.cached.number = percent ? cell->value.number * 100 : cell->value.number;
    } else {
        f.cached.kind = CellValue::Kind::error;
        f.cached.text = "#N/A";
    }
    return f;
}

}  // namespace

bool remove_grafik(Workbook& workbook) {
    bool removed = false;
    for (std::size_t i = workbook.sheets.size(); i-- > 0;) {
        if (!is_marked(workbook, i)) continue;
        workbook.erase_sheet(i);
        removed = true;
    }
    // Charts in a source file are never read, so Kinerja's own chart is in the dropped list.
    // It is rebuilt (or removed on purpose), so it is not reported; when the file holds more
    // charts than ours (the user added some), all are reported, since the parts do not say
    // which is which.
    if (removed) {
        auto is_chart = [](const DroppedPart& d) { return d.what == "chart"; };
        if (std::count_if(workbook.dropped.begin(), workbook.dropped.end(), is_chart) <= 1)
            std::erase_if(workbook.dropped, is_chart);
    }
    return removed;
}

void fill_detail::add_grafik(Workbook& workbook, const CompiledCatalogue& compiled,
                             FillReport& report) {
    std::string name;
    for (const char* candidate : sheet_names)
        if (!workbook.sheet(candidate)) {
            name = candidate;
            break;
        }
    if (name.empty()) {
        report.grafik_problem = Message{
            "sheet Grafik dan Grafik Kinerja sudah ada dan bukan buatan Kinerja; grafik capaian "
            "tidak dibuat. Ganti nama salah satunya.",
            "sheets Grafik and Grafik Kinerja exist and are not Kinerja's; the capaian chart is "
            "not made. Rename one of them."};
        return;
    }
    std::vector<const IndicatorOutcome*> indicators = charted(report);
    if (indicators.empty()) {
        report.grafik_problem = Message{
            "tidak ada tabel dengan kolom Capaian yang terisi; grafik capaian tidak dibuat.",
            "no table has a filled Capaian column; the capaian chart is not made."};
        return;
    }
    Styles st = make_styles(workbook);
    Sheet sheet;
    sheet.name = name;
    std::optional<int> year = indicators.front()->tahun;
    std::string title = "CAPAIAN KINERJA PER INDIKATOR" +
                        (year ? " TAHUN " + std::to_string(*year) : std::string());
    sheet.put(Cell::of_text(title_row, 0, title, st.title));
    const char* headers[] = {"No", "Indikator Kinerja", "Capaian (%)", "Target (%)", "Sumber"};
    const double widths[] = {6, 70, 12, 12, 26};
    for (std::uint32_t c = 0; c < 5; ++c) {
        sheet.put(Cell::of_text(header_row, c, headers[c], st.header));
        sheet.columns.push_back({c, c, widths[c], false, false, 0, std::nullopt});
    }
    std::uint32_t row = header_row + 1;
    for (const IndicatorOutcome* o : indicators) {
        const Indicator* indicator = compiled.catalogue().find(o->id);
        sheet.put(Cell::of_number(row, 0, row - header_row, st.center));
        sheet.put(Cell::of_text(row, 1, indicator ? indicator->name : o->id, st.text));
        ExcelFormula link = capaian_link(workbook, *o);
        Cell capaian;
        capaian.row = row;
        capaian.col = 2;
        capaian.style = st.number;
        capaian.formula = link.formula;
        capaian.value = link.cached;
        sheet.put(std::move(capaian));
        sheet.put(Cell::of_number(row, 3, 100, st.number));
        sheet.put(
            Cell::of_text(row, 4, o->sheet + "!" + cell_name(o->row, *o->capaian_col), st.text));
        ++row;
    }
    std::uint32_t last = row - 1;
    auto range = [&](std::uint32_t col) {
        return quoted_sheet_name(name) + "!$" + column_name(col) + "$" +
               std::to_string(header_row + 2) + ":$" + column_name(col) + "$" +
               std::to_string(last + 1);
    };
    Chart chart;
    chart.title = "Capaian Kinerja per Indikator";
    chart.category_title = "No indikator (lihat tabel di bawah)";
    chart.value_title = "Capaian (%)";
    chart.row = chart_row;
    chart.col = 0;
    chart.width = 900;
    chart.height = 420;
    chart.value_min = 0;
    chart.series.push_back({"Capaian", range(0), range(2), 0x2E75B6, false, true});
    chart.series.push_back({"Target 100%", range(0), range(3), 0xC00000, true, false});
    sheet.charts.push_back(std::move(chart));

    sheet.page.orientation = "landscape";
    sheet.page.paper = 9;
    sheet.page.fit_to_page = true;
    sheet.page.fit_width = 1;
    sheet.page.fit_height = indicators.size() <= 12 ? 1 : 0;
    sheet.tab_color = 0x2E75B6;
    workbook.sheets.push_back(std::move(sheet));
    workbook.names.push_back({grafik_mark, static_cast<int>(workbook.sheets.size() - 1),
                              quoted_sheet_name(name) + "!$A$1", true});
    report.grafik_sheet = name;
}

}  // namespace kinerja
