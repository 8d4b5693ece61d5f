// Defined names, including the print area and print titles that libxlsxwriter
// sets through worksheet calls.
#include <algorithm>
#include <cctype>
#include <set>

#include "write/detail.hpp"
#include "write/patches.hpp"

namespace kinerja::write_detail {

namespace {

const char* const workbook_part = "xl/workbook.xml";

// Splits "'A'!$A$1:$B$2,'A'!$D$1" at commas outside quotes.
std::vector<std::string_view> split_areas(std::string_view formula) {
    std::vector<std::string_view> areas;
    bool quoted = false;
    std::size_t start = 0;
    for (std::size_t i = 0; i < formula.size(); ++i) {
        if (formula[i] == '\'') quoted = !quoted;
        if (formula[i] == ',' && !quoted) {
            areas.push_back(formula.substr(start, i - start));
            start = i + 1;
        }
    }
    areas.push_back(formula.substr(start));
    return areas;
}

bool parse_line(std::string_view text, bool letters, std::uint32_t& index) {
    if (!text.empty() && text.front() == '$') text.remove_prefix(1);
    if (text.empty() || text.size() > 7) return false;
    std::uint32_t value = 0;
    for (char c : text) {
        if (letters && std::isalpha(static_cast<unsigned char>(c)))
            value = value * 26 + static_cast<std::uint32_t>(std::toupper(c) - 'A' + 1);
        else if (!letters && std::isdigit(static_cast<unsigned char>(c)))
            value = value * 10 + static_cast<std::uint32_t>(c - '0');
        else
            return false;
    }
    if (value == 0 || value > (letters ? max_cols : max_rows)) return false;
    index = value - 1;
    return true;
}

// "Sheet!$A$1:$B$2", "Sheet!$1:$3" (whole rows) or "Sheet!$A:$C" (whole columns).
bool parse_area(std::string_view area, CellRange& range) {
    auto bang = area.rfind('!');
    if (bang != std::string_view::npos) area.remove_prefix(bang + 1);
    if (parse_range(area, range)) return true;
    auto colon = area.find(':');
    if (colon == std::string_view::npos) return false;
    std::string_view first = area.substr(0, colon), last = area.substr(colon + 1);
    std::uint32_t a, b;
    if (parse_line(first, false, a) && parse_line(last, false, b)) {
        range = {std::min(a, b), 0, std::max(a, b), max_cols - 1};
        return true;
    }
    if (parse_line(first, true, a) && parse_line(last, true, b)) {
        range = {0, std::min(a, b), max_rows - 1, std::max(a, b)};
        return true;
    }
    return false;
}

bool whole_rows(const CellRange& r) {
    return r.first_col == 0 && r.last_col == max_cols - 1;
}
bool whole_cols(const CellRange& r) {
    return r.first_row == 0 && r.last_row == max_rows - 1;
}

// A print area of several ranges ("A!$A$1:$D$9,A!$F$1:$H$9", pages printed one after
// another) whose every range can be read: libxlsxwriter takes the first, a patch the rest.
bool several_ranges(const DefinedName& name) {
    auto areas = split_areas(name.formula);
    CellRange r;
    return areas.size() > 1 &&
           std::all_of(areas.begin(), areas.end(), [&](auto area) { return parse_area(area, r); });
}

bool write_print_area(lxw_worksheet* ws, const DefinedName& name, Drops& drops) {
    auto areas = split_areas(name.formula);
    CellRange r;
    if (!parse_area(areas.front(), r)) {
        drops.add(workbook_part, name.name, "print area that is not a cell range");
        return false;
    }
    if (areas.size() > 1 && !several_ranges(name))
        drops.add(workbook_part, name.name, "print area beyond its first range");
    lxw_error error = worksheet_print_area(ws, r.first_row, static_cast<lxw_col_t>(r.first_col),
                                           r.last_row, static_cast<lxw_col_t>(r.last_col));
    if (error != LXW_NO_ERROR)
        drops.add(workbook_part, name.name, std::string("print area: ") + lxw_strerror(error));
    return error == LXW_NO_ERROR;
}

bool write_print_titles(lxw_worksheet* ws, const DefinedName& name, Drops& drops) {
    bool any = false;
    for (std::string_view area : split_areas(name.formula)) {
        CellRange r;
        lxw_error error = LXW_ERROR_PARAMETER_VALIDATION;
        if (parse_area(area, r) && whole_rows(r))
            error = worksheet_repeat_rows(ws, r.first_row, r.last_row);
        else if (parse_area(area, r) && whole_cols(r))
            error = worksheet_repeat_columns(ws, static_cast<lxw_col_t>(r.first_col),
                                             static_cast<lxw_col_t>(r.last_col));
        if (error != LXW_NO_ERROR)
            drops.add(workbook_part, name.name, "print titles that are not whole rows or columns");
        any = any || error == LXW_NO_ERROR;
    }
    return any;
}

// libxlsxwriter quotes a sheet name in the print area and titles only when it holds a
// character other than letters, digits, '_' and '.'; Excel also needs quotes around a name
// that starts with a digit or reads as a cell reference ("1", "TW1", "R1C1").
bool needs_added_quotes(std::string_view sheet) {
    if (sheet.empty()) return false;
    for (char c : sheet)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '.') return false;
    if (std::isdigit(static_cast<unsigned char>(sheet.front())) || sheet.front() == '.')
        return true;
    std::size_t letters = 0;
    while (letters < sheet.size() && std::isalpha(static_cast<unsigned char>(sheet[letters])))
        ++letters;
    bool digits_after = letters < sheet.size();
    for (std::size_t i = letters; i < sheet.size(); ++i)
        digits_after = digits_after && std::isdigit(static_cast<unsigned char>(sheet[i]));
    if (letters >= 1 && letters <= 3 && digits_after) return true;  // A1 style
    // R1C1 style: R, C, RC, R2, C3, R2C3.
    std::size_t i = 0;
    auto number = [&] {
        while (i < sheet.size() && std::isdigit(static_cast<unsigned char>(sheet[i]))) ++i;
    };
    if (i < sheet.size() && (sheet[i] == 'R' || sheet[i] == 'r')) ++i, number();
    if (i < sheet.size() && (sheet[i] == 'C' || sheet[i] == 'c')) ++i, number();
    return i == sheet.size();
}

// The print area or titles of `sheet` in workbook.xml get the quotes libxlsxwriter left out.
void quote_print_names(const std::string& sheet, Patches& patches) {
    patches.edit_part(
        workbook_part,
        [sheet](std::string& xml) {
            bool found = false;
            for (const char* before : {">", ","}) {
                std::string bare = before + sheet + "!", quoted = before + ("'" + sheet + "'!");
                for (auto at = xml.find(bare); at != std::string::npos;
                     at = xml.find(bare, at + quoted.size())) {
                    xml.replace(at, bare.size(), quoted);
                    found = true;
                }
            }
            return found;
        },
        {workbook_part, sheet, "print area or titles of a sheet whose name needs quotes"});
}

// The print area libxlsxwriter wrote with the first range gets all of them, as the source
// workbook wrote them (its quotes included). Added after quote_print_names, which then has
// quoted libxlsxwriter's first range.
void print_all_ranges(std::size_t sheet, const DefinedName& name, Patches& patches) {
    patches.edit_part(workbook_part,
                      [sheet, formula = name.formula](std::string& xml) {
                          const std::string open =
                              "<definedName name=\"_xlnm.Print_Area\" localSheetId=\"" +
                              std::to_string(sheet) + "\">";
                          auto at = xml.find(open);
                          if (at == std::string::npos) return false;
                          auto start = at + open.size();
                          auto end = xml.find("</definedName>", start);
                          if (end == std::string::npos) return false;
                          xml.replace(start, end - start, xml_escape(formula));
                          return true;
                      },
                      {workbook_part, name.name, "print area beyond its first range"});
}

// libxlsxwriter takes "'Sheet name'!Name" and strips the quotes without undoing
// doubled ones, so the name goes in as it is.
std::string quoted_sheet(const std::string& sheet) {
    return "'" + sheet + "'";
}

}  // namespace

void write_defined_names(lxw_workbook* book, const Workbook& model,
                         const std::vector<lxw_worksheet*>& sheets, Drops& drops,
                         Patches& patches) {
    std::set<std::string> quoted_print_names;
    for (const DefinedName& name : model.names) {
        bool local = name.local_sheet >= 0;
        if (local && static_cast<std::size_t>(name.local_sheet) >= sheets.size()) {
            drops.add(workbook_part, name.name, "defined name of a sheet that does not exist");
            continue;
        }
        lxw_worksheet* ws = local ? sheets[static_cast<std::size_t>(name.local_sheet)] : nullptr;
        if (ws && (name.name == "_xlnm.Print_Area" || name.name == "_xlnm.Print_Titles")) {
            bool written = name.name == "_xlnm.Print_Area" ? write_print_area(ws, name, drops)
                                                           : write_print_titles(ws, name, drops);
            const std::string& sheet =
                model.sheets[static_cast<std::size_t>(name.local_sheet)].name;
            if (written && needs_added_quotes(sheet) && !quoted_print_names.contains(sheet)) {
                quoted_print_names.insert(sheet);
                quote_print_names(sheet, patches);
            }
            if (written && name.name == "_xlnm.Print_Area" && several_ranges(name))
                print_all_ranges(static_cast<std::size_t>(name.local_sheet), name, patches);
            continue;
        }
        if (name.name == "_xlnm._FilterDatabase") {
            // libxlsxwriter writes this hidden name itself for each autofilter.
            const Sheet* sheet =
                local ? &model.sheets[static_cast<std::size_t>(name.local_sheet)] : nullptr;
            if (!sheet || !sheet->autofilter)
                drops.add(workbook_part, name.name, "filter database name without an autofilter");
            continue;
        }
        if (has_dangling_external_reference(name.formula, model)) {
            drops.add(workbook_part, name.name, "defined name linked to another workbook");
            continue;
        }
        std::string full = name.name;
        if (local)
            full = quoted_sheet(model.sheets[static_cast<std::size_t>(name.local_sheet)].name) +
                   "!" + name.name;
        std::string formula = "=" + name.formula;
        lxw_error error = workbook_define_name(book, full.c_str(), formula.c_str());
        if (error != LXW_NO_ERROR)
            drops.add(workbook_part, name.name,
                      std::string("defined name refused by libxlsxwriter: ") + lxw_strerror(error));
        else if (name.hidden)
            patches.hidden_name(name.name, name.local_sheet,
                                {workbook_part, name.name, "hidden flag of a defined name"});
    }
}

}  // namespace kinerja::write_detail
