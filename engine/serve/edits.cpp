// POST /api/v1/edits as JSON: a fill expressed as edits (pipeline/edits.hpp), for the Excel
// add-in. docs/api.md describes the form.
#include <cstdio>
#include <nlohmann/json.hpp>

#include "serve/detail.hpp"

namespace kinerja::serve_detail {

namespace {

using json = nlohmann::ordered_json;

std::string colour_text(Rgb rgb) {
    char text[8];
    std::snprintf(text, sizeof text, "#%06X", static_cast<unsigned>(rgb & 0xFFFFFF));
    return text;
}

json value_json(const CellValue& v) {
    switch (v.kind) {
        case CellValue::Kind::number:
            return v.number;
        case CellValue::Kind::boolean:
            return v.number != 0;
        case CellValue::Kind::text:
        case CellValue::Kind::error:
            return v.text;
        case CellValue::Kind::blank:
            break;
    }
    return nullptr;
}

const char* type_name(CellValue::Kind kind) {
    switch (kind) {
        case CellValue::Kind::number:
            return "number";
        case CellValue::Kind::boolean:
            return "boolean";
        case CellValue::Kind::text:
            return "text";
        case CellValue::Kind::error:
            return "error";
        case CellValue::Kind::blank:
            break;
    }
    return "blank";
}

}  // namespace

nlohmann::ordered_json edits_json(const FillEdits& edits) {
    json sheets = json::array();
    for (const SheetEdit& s : edits.sheets) {
        if (s.action == SheetEdit::Action::remove) {
            sheets.push_back({{"action", "remove"}, {"name", s.name}});
            continue;
        }
        json sheet = {{"action", "add"}, {"name", s.name}};
        if (s.tab_color) sheet["tab_color"] = colour_text(*s.tab_color);
        json widths = json::array();
        for (const auto& [col, width] : s.column_widths)
            widths.push_back({{"column", column_name(col)}, {"width", width}});
        sheet["column_widths"] = std::move(widths);
        sheet["frozen_rows"] = s.frozen_rows;
        sheet["header_rows"] = s.header_rows;
        json links = json::array();
        for (const Hyperlink& l : s.links)
            links.push_back({{"cell", cell_name(l.row, l.col)},
                             {"target", l.location.empty() ? l.url : l.location},
                             {"tooltip", l.tooltip}});
        sheet["links"] = std::move(links);
        sheets.push_back(std::move(sheet));
    }
    json cells = json::array();
    for (const CellEdit& e : edits.cells) {
        json cell = {{"sheet", e.sheet}, {"cell", cell_name(e.row, e.col)}};
        if (e.clear) {
            cell["clear"] = true;
        } else {
            if (!e.formula.empty()) cell["formula"] = "=" + e.formula;
            cell["type"] = type_name(e.value.kind);
            cell["value"] = value_json(e.value);
            if (e.number_format) cell["number_format"] = *e.number_format;
        }
        cells.push_back(std::move(cell));
    }
    json notes = json::array();
    for (const NoteEdit& n : edits.notes)
        notes.push_back({{"sheet", n.sheet}, {"cell", cell_name(n.row, n.col)}, {"text", n.text}});
    json highlights = json::array();
    for (const HighlightEdit& h : edits.highlights) {
        json one = {{"sheet", h.sheet}, {"cell", cell_name(h.row, h.col)}};
        if (h.remove)
            one["remove"] = true;
        else
            one["color"] = colour_text(h.colour);
        highlights.push_back(std::move(one));
    }
    return {{"sheets", std::move(sheets)},
            {"cells", std::move(cells)},
            {"notes", std::move(notes)},
            {"highlights", std::move(highlights)}};
}

}  // namespace kinerja::serve_detail
