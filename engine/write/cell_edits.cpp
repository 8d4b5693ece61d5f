// The cell edits of the patch pass: cached values libxlsxwriter cannot type, and
// numbers it prints with 16 digits. A sheet can have hundreds of thousands of
// them, so an edit is a few bytes and all edits of a sheet are made in one pass.
#include <algorithm>
#include <charconv>
#include <string_view>

#include "write/numbers.hpp"
#include "write/patches.hpp"

namespace kinerja::write_detail {

namespace {

// `<c r="B12"` for (11, 1); returns the length.
std::size_t cell_key(std::uint32_t row, std::uint32_t col, char* out) {
    std::size_t n = 0;
    for (char c : std::string_view("<c r=\"")) out[n++] = c;
    char letters[4];
    std::size_t count = 0;
    for (std::uint32_t c = col + 1; c > 0; c = (c - 1) / 26)
        letters[count++] = static_cast<char>('A' + (c - 1) % 26);
    while (count > 0) out[n++] = letters[--count];
    n = static_cast<std::size_t>(std::to_chars(out + n, out + 24, row + 1).ptr - out);
    out[n++] = '"';
    return n;
}

}  // namespace

void Patches::cell_value(std::size_t sheet, std::string ref, std::string type, std::string value,
                         bool drop_formula, Fallback fallback) {
    Part& part = sheet_part(sheet);
    CellEdit edit;
    if (!parse_cell_name(ref, edit.row, edit.col)) {
        edit.row = max_rows;  // never found: reported as not applied
        edit.col = 0;
    }
    edit.typed = static_cast<std::uint32_t>(part.typed.size());
    part.typed.push_back({std::move(type), xml_escape(value), drop_formula, std::move(fallback)});
    part.cells.push_back(edit);
}

void Patches::cell_number(std::size_t sheet, const std::string& sheet_name, std::uint32_t row,
                          std::uint32_t col, double value) {
    Part& part = sheet_part(sheet);
    if (part.sheet_name.empty()) part.sheet_name = sheet_name;
    CellEdit edit;
    edit.row = row;
    edit.col = col;
    edit.number = value;
    part.cells.push_back(edit);
}

// One pass over the sheet: cells are edited in the order libxlsxwriter wrote them
// (by row, then column), copying everything between them once.
void Patches::edit_cells(std::string& xml, Part& part) {
    constexpr auto npos = std::string::npos;
    auto& cells = part.cells;
    auto before = [](const CellEdit& a, const CellEdit& b) {
        return a.row != b.row ? a.row < b.row : a.col < b.col;
    };
    if (!std::is_sorted(cells.begin(), cells.end(), before))
        std::stable_sort(cells.begin(), cells.end(), before);
    std::string out;
    out.reserve(xml.size() + cells.size() * 8);
    std::size_t pos = 0;
    char key[40], number[number_text_size];
    for (CellEdit& c : cells) {
        if (c.row >= max_rows || c.col >= max_cols) continue;
        std::string_view k(key, cell_key(c.row, c.col, key));
        auto at = xml.find(k, pos);
        auto tag_end = at == npos ? npos : xml.find('>', at);
        auto end = tag_end == npos ? npos : xml.find("</c>", tag_end);
        if (end == npos || xml[tag_end - 1] == '/') continue;
        auto v = xml.find("<v>", tag_end);
        auto v_end = v < end ? xml.find("</v>", v) : npos;
        if (v_end == npos || v_end > end) continue;
        if (c.typed == number_edit) {
            out.append(xml, pos, v + 3 - pos).append(number, exact_number_text(c.number, number));
            pos = v_end;
            c.applied = true;
            continue;
        }
        const TypedValue& t = part.typed[c.typed];
        // The old type attribute, if any, and the formula to leave out, if asked.
        auto type = xml.find(" t=\"", at);
        auto type_end = type < tag_end ? xml.find('"', type + 4) + 1 : npos;
        auto f = t.drop_formula ? xml.find("<f", tag_end) : npos;
        auto f_end = f < end ? xml.find("</f>", f) + 4 : npos;
        if (t.drop_formula && (f_end == npos || f_end > end)) continue;
        out.append(xml, pos, (type_end == npos ? tag_end : type) - pos);
        if (type_end != npos) out.append(xml, type_end, tag_end - type_end);
        out.append(" t=\"").append(t.type).append("\">");
        std::size_t body = tag_end + 1;
        if (f_end != npos) {
            out.append(xml, body, f - body);
            body = f_end;
        }
        out.append(xml, body, v + 3 - body).append(t.value).append(xml, v_end, end + 4 - v_end);
        pos = end + 4;
        c.applied = true;
    }
    out.append(xml, pos, npos);
    xml = std::move(out);
}

void Patches::report_cells(const Part& part, bool rewritten, Drops& drops) {
    for (const CellEdit& c : part.cells) {
        if (rewritten && c.applied) continue;
        if (c.typed != number_edit) {
            const Fallback& f = part.typed[c.typed].fallback;
            drops.add(f.scope, f.location, f.what);
        } else {
            drops.add(part.sheet_name, cell_name(c.row, c.col),
                      "number written with 16 significant digits (not its exact shortest form)");
        }
    }
}

}  // namespace kinerja::write_detail
