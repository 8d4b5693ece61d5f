#include "fill/inputs.hpp"

#include <cmath>
#include <cstdio>

#include "tables/tables.hpp"

namespace kinerja::fill_detail {

namespace {

constexpr const char* data_sheet = "Data";

std::string sheet_ref(const std::string& sheet, std::uint32_t row, std::uint32_t col) {
    std::string quoted = "'";
    for (char c : sheet) quoted += c == '\'' ? std::string("''") : std::string(1, c);
    return quoted + "'!" + cell_name(row, col);
}

Cell text_cell(std::uint32_t row, std::uint32_t col, const std::string& text) {
    Cell c;
    c.row = row;
    c.col = col;
    c.value.kind = CellValue::Kind::text;
    c.value.text = text;
    return c;
}

// Our Data sheet layout: Indikator | Variabel | TW I | TW II | TW III | TW IV | S1 | S2 | TAHUN.
Sheet& data_sheet_for(Workbook& workbook) {
    for (Sheet& existing : workbook.sheets)
        if (is_data_sheet(existing)) return existing;
    Sheet sheet;
    sheet.name = data_sheet;
    Style bold;
    bold.font.bold = true;
    std::uint32_t header = workbook.intern_style(bold);
    sheet.put(text_cell(0, 0, "Indikator"));
    sheet.put(text_cell(0, 1, "Variabel"));
    for (std::uint32_t p = 0; p < periode_count; ++p)
        sheet.put(text_cell(0, 2 + p, periode_title(static_cast<Periode>(p))));
    for (auto& c : sheet.cells) c.style = header;
    sheet.columns.push_back({0, 0, 40.0, false, false, 0, std::nullopt});
    sheet.columns.push_back({1, 1, 24.0, false, false, 0, std::nullopt});
    sheet.view.frozen_rows = 1;
    workbook.sheets.push_back(std::move(sheet));
    return workbook.sheets.back();
}

// Where a Data sheet's columns are: its header as the reader locates it (data.hpp), else
// where a new sheet has them. Missing periode columns are added to the right.
struct DataLayout {
    std::uint32_t header_row = 0, indikator_col = 0, variabel_col = 1;
    std::map<Periode, std::uint32_t> periods;
};

DataLayout data_layout(Sheet& sheet) {
    DataLayout layout;
    if (auto header = data_sheet_header(sheet)) {
        layout.header_row = header->row;
        layout.indikator_col = header->indikator_col;
        layout.variabel_col = header->variabel_col;
        for (auto [col, periode] : header->periods) layout.periods[periode] = col;
    }
    std::uint32_t next = std::max(layout.indikator_col, layout.variabel_col) + 1;
    for (std::uint32_t c = 0; c < 64; ++c)
        if (!display_text(sheet, layout.header_row, c).empty()) next = std::max(next, c + 1);
    for (std::size_t p = 0; p < periode_count; ++p) {
        auto periode = static_cast<Periode>(p);
        if (layout.periods.count(periode)) continue;
        sheet.put(text_cell(layout.header_row, next, periode_title(periode)));
        layout.periods[periode] = next++;
    }
    return layout;
}

void write_data(Workbook& workbook, const SatkerData& data) {
    Sheet& sheet = data_sheet_for(workbook);
    DataLayout layout = data_layout(sheet);
    auto& cols = layout.periods;
    std::map<std::pair<std::string, std::string>, std::uint32_t> rows;
    std::uint32_t last = layout.header_row;
    std::string indikator;
    for (const Cell& c : sheet.cells) last = std::max(last, c.row);
    for (std::uint32_t r = layout.header_row + 1; r <= last; ++r) {
        std::string i = display_text(sheet, r, layout.indikator_col);
        if (!i.empty()) indikator = i;
        std::string v = display_text(sheet, r, layout.variabel_col);
        if (!v.empty()) rows[{indikator, v}] = r;
    }
    for (const auto& [ind, vars] : data.values) {
        for (const auto& [var, periods] : vars) {
            auto [it, added] = rows.try_emplace({ind, var}, last + 1);
            if (added) {
                ++last;
                sheet.put(text_cell(it->second, layout.indikator_col, ind));
                sheet.put(text_cell(it->second, layout.variabel_col, var));
            }
            for (const auto& [periode, value] : periods) {
                // Typed input, not a formula: a value such as "=1+1" from a CSV stays text.
                Cell cell;
                cell.row = it->second;
                cell.col = cols[periode];
                if (value.not_applicable) {
                    cell.value.kind = CellValue::Kind::text;
                    cell.value.text = "-";
                } else {
                    cell.value.kind = CellValue::Kind::number;
                    cell.value.number = value.value;
                }
                sheet.put(std::move(cell));
            }
        }
    }
}

}  // namespace

InputCells place_inputs(Workbook& workbook, const FillOptions& options) {
    if (options.data) write_data(workbook, *options.data);
    InputCells cells;
    auto sheet_data = read_data_sheet(workbook);
    if (!sheet_data) return cells;
    for (const auto& [ind, vars] : sheet_data->values) {
        for (const auto& [var, periods] : vars) {
            for (const auto& [periode, value] : periods) {
                InputCell input;
                input.value = value.not_applicable ? na : value.value;
                // source is "Sheet!C5"; a cell typed as text gets its number inlined.
                auto bang = value.source.rfind('!');
                std::uint32_t row = 0, col = 0;
                const Sheet* sheet = workbook.sheet(value.source.substr(0, bang));
                const Cell* cell = nullptr;
                if (sheet && parse_cell_name(value.source.substr(bang + 1), row, col))
                    cell = sheet->find(row, col);
                if (cell && cell->value.kind == CellValue::Kind::number) {
                    input.excel = sheet_ref(sheet->name, row, col);
                } else if (!std::isnan(input.value)) {
                    char buf[32];
                    std::snprintf(buf, sizeof buf, "%.15g", input.value);
                    input.excel = buf;
                } else {
                    input.excel = "\"-\"";
                }
                cells[ind][var][periode] = input;
            }
        }
    }
    return cells;
}

std::optional<InputCell> yearly_input(const std::map<Periode, InputCell>& periods,
                                      PeriodCombine combine) {
    std::vector<const InputCell*> given = values_so_far(periods);
    if (given.empty()) return std::nullopt;
    if (given.size() == 1 && periods.count(Periode::tahun)) return *given.front();
    if (combine == PeriodCombine::akhir) return *given.back();
    std::string args;
    std::vector<double> values;
    for (const InputCell* c : given) {
        args += (args.empty() ? "" : ",") + c->excel;
        values.push_back(c->value);
    }
    InputCell out;
    out.excel = (combine == PeriodCombine::rata ? "AVERAGE(" : "SUM(") + args + ")";
    out.value = combine_values(combine, values);
    return out;
}

}  // namespace kinerja::fill_detail
