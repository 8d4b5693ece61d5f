// Writing findings into the workbook: the Validasi sheet, a highlight on each offending
// cell and the message as a comment. The user's own cells and styles are never changed:
// the highlight is a conditional format and the note a comment, both recognisable as
// ours, so the next run removes them before marking again (filling is idempotent).
#include <algorithm>

#include "model/notes.hpp"
#include "validate/validate.hpp"

namespace kinerja {

namespace {

// Always true, and never written by a person: it identifies our highlight rules.
constexpr const char* marker_formula = "\"kinerja\"=\"kinerja\"";
constexpr Rgb error_fill = 0xFFC7CE, warning_fill = 0xFFEB9C;
// "Tersembunyi" says where a finding is out of sight: "baris", "kolom" or "sheet", empty when
// in sight. It came last, so the columns before it kept their places.
constexpr const char* titles[] = {"No",  "Tingkat", "Aturan",     "Sheet",
                                  "Sel", "Pesan",   "Tersembunyi"};
constexpr std::uint32_t title_count = 7;
// Used when the user has a sheet of their own called "Validasi".
constexpr const char* fallback_name = "Validasi Kinerja";

const char* hidden_word(Hidden hidden) {
    switch (hidden) {
        case Hidden::row:
            return "baris";
        case Hidden::column:
            return "kolom";
        case Hidden::sheet:
            return "sheet";
        case Hidden::no:
            break;
    }
    return "";
}

// Our sheet, recognised by its header row, so a user's own "Validasi" sheet is never removed.
// The first six titles only: a sheet from before "Tersembunyi" is ours too.
bool is_our_validasi(const Sheet& sheet) {
    if (sheet.name != validasi_sheet_name && sheet.name != fallback_name) return false;
    for (std::uint32_t c = 0; c < 6; ++c) {
        const Cell* cell = sheet.find(0, c);
        if (!cell || cell->value.text != titles[c]) return false;
    }
    return true;
}

}  // namespace

void clear_marks(Workbook& workbook) {
    remove_notes(workbook);
    for (std::size_t i = workbook.sheets.size(); i-- > 0;)
        if (is_our_validasi(workbook.sheets[i])) workbook.erase_sheet(i);
    for (Sheet& sheet : workbook.sheets) {
        std::erase_if(sheet.conditional_formats, [](const ConditionalFormat& cf) {
            return cf.type == "expression" && cf.formulas.size() == 1 &&
                   cf.formulas[0] == marker_formula;
        });
    }
    if (workbook.active_sheet >= workbook.sheets.size()) workbook.active_sheet = 0;
}

namespace {

void highlight(Sheet& sheet, const Finding& f) {
    ConditionalFormat cf;
    cf.ranges.push_back({f.row, f.col, f.row, f.col});
    cf.type = "expression";
    cf.formulas.push_back(marker_formula);
    DiffStyle style;
    // Both colours: Excel shows a differential fill's background, other readers its pattern.
    Rgb colour = f.severity == Severity::error ? error_fill : warning_fill;
    style.fill = Fill{FillPattern::solid, colour, colour};
    cf.style = style;
    cf.priority = 1;
    sheet.conditional_formats.push_back(std::move(cf));

    add_note(sheet, f.row, f.col, f.message.id);
}

void add_validasi_sheet(Workbook& workbook, const std::vector<Finding>& findings) {
    Style header;
    header.font.bold = true;
    header.font.color = 0xFFFFFF;
    header.fill = {FillPattern::solid, 0x1F4E78, std::nullopt};
    header.alignment.vertical = 2;
    std::uint32_t header_style = workbook.intern_style(header);
    Style wrap;
    wrap.alignment.wrap = true;
    wrap.alignment.vertical = 1;
    std::uint32_t wrap_style = workbook.intern_style(wrap);
    Style link = wrap;
    link.font.color = 0x0563C1;
    link.font.underline = 1;
    std::uint32_t link_style = workbook.intern_style(link);

    Sheet sheet;
    sheet.name = workbook.sheet(validasi_sheet_name) ? fallback_name : validasi_sheet_name;
    // Red for errors in sight, amber for errors only in hidden places, green otherwise.
    FindingCounts counts = count_findings(findings);
    sheet.tab_color = counts.fails() ? 0xC00000 : counts.errors > 0 ? 0xFFC000 : 0x70AD47;
    const double widths[] = {6, 12, 26, 22, 10, 100, 13};
    for (std::uint32_t c = 0; c < title_count; ++c) {
        sheet.put(Cell::of_text(0, c, titles[c], header_style));
        sheet.columns.push_back({c, c, widths[c], false, false, 0, std::nullopt});
    }
    std::uint32_t row = 1;
    for (const Finding& f : findings) {
        Cell no;
        no.row = row;
        no.value.kind = CellValue::Kind::number;
        no.value.number = row;
        no.style = wrap_style;
        sheet.put(no);
        sheet.put(Cell::of_text(row, 1, f.severity == Severity::error ? "Galat" : "Peringatan",
                                wrap_style));
        sheet.put(Cell::of_text(row, 2, std::string(f.id()), wrap_style));
        sheet.put(Cell::of_text(row, 3, f.sheet, wrap_style));
        sheet.put(Cell::of_text(row, 4, cell_name(f.row, f.col), link_style));
        sheet.put(Cell::of_text(row, 5, f.message.id, wrap_style));
        if (f.hidden != Hidden::no)
            sheet.put(Cell::of_text(row, 6, hidden_word(f.hidden), wrap_style));
        // Rows do not grow by themselves in every reader: size them to the wrapped message.
        std::size_t lines = 1 + f.message.id.size() / 110;
        sheet.rows[row].height = 15.0 * static_cast<double>(lines);
        sheet.hyperlinks.push_back(
            {row, 4, "", quoted_sheet_name(f.sheet) + "!" + cell_name(f.row, f.col), "Buka sel"});
        ++row;
    }
    if (findings.empty()) sheet.put(Cell::of_text(1, 5, "Tidak ada temuan.", wrap_style));
    sheet.view.frozen_rows = 1;
    sheet.autofilter = AutoFilter{{0, 0, std::max<std::uint32_t>(row - 1, 1), title_count - 1}, {}};
    sheet.page.orientation = "landscape";
    sheet.page.paper = 9;
    sheet.page.fit_to_page = true;
    sheet.page.fit_width = 1;
    sheet.page.fit_height = 0;
    workbook.sheets.push_back(std::move(sheet));
}

}  // namespace

void mark_findings(Workbook& workbook, const std::vector<Finding>& findings) {
    for (const Finding& f : findings) {
        // A part that could not be carried has no cell of its own: listed in Validasi only.
        if (f.rule == Rule::bagian_tidak_dibawa) continue;
        if (Sheet* sheet = workbook.sheet(f.sheet)) highlight(*sheet, f);
    }
    add_validasi_sheet(workbook, findings);
}

}  // namespace kinerja
