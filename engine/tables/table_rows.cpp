// Reading a found table row by row and indicator by indicator.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <regex>
#include <set>

#include "tables/tables.hpp"

namespace kinerja {

namespace {

// "JUMLAH", "Total", "Jumlah Total": a total row. "Jumlah Layanan Perkantoran" is an
// indicator and "Jumlah narapidana ..." a numerator's label, so only the short forms count.
bool is_total_label(std::string_view text) {
    static const std::set<std::string, std::less<>> totals{
        "jumlah",           "total",      "jumlahtotal",      "totaljumlah",
        "grandtotal",       "subtotal",   "jumlahseluruhnya", "jumlahkeseluruhan",
        "totalkeseluruhan", "jumlahakhir"};
    return totals.count(header_key(text)) > 0;
}

// The Renja evaluation's summary rows under its data: "Rata-rata capaian kinerja (%)" and
// "Predikat kinerja". Like totals, they are no indicator's row.
bool is_summary_label(std::string_view text) {
    std::string k = header_key(text);
    return k.rfind("rataratacapaian", 0) == 0 || k.rfind("predikatkinerja", 0) == 0 ||
           k == "predikat";
}

// What display_text shows at (row, col), without making the text: a number or a
// boolean always shows something, a text cell its text without surrounding blanks.
struct Shown {
    bool any = false;
    std::string_view text;  // set for text and error cells
};

Shown shown_at(const Sheet& sheet, std::uint32_t row, std::uint32_t col) {
    if (const CellRange* m = sheet.merge_at(row, col)) {
        row = m->first_row;
        col = m->first_col;
    }
    const Cell* cell = sheet.find(row, col);
    if (!cell) return {};
    switch (cell->value.kind) {
        case CellValue::Kind::text:
        case CellValue::Kind::error: {
            std::string_view t = cell->value.text;
            auto first = t.find_first_not_of(" \t\r\n");
            if (first == std::string_view::npos) return {};
            t = t.substr(first, t.find_last_not_of(" \t\r\n") + 1 - first);
            return {true, t};
        }
        case CellValue::Kind::number:
        case CellValue::Kind::boolean:
            return {true, {}};
        case CellValue::Kind::blank:
            return {};
    }
    return {};
}

// The label columns: where a row says what it is.
bool is_label_role(ColumnRole r) {
    return r == ColumnRole::nomor || r == ColumnRole::uraian || r == ColumnRole::jenis_belanja ||
           r == ColumnRole::indikator || r == ColumnRole::sasaran || r == ColumnRole::kode;
}

}  // namespace

std::optional<int> rka_level(std::string_view raw) {
    static const std::regex program(R"(\d{3}\.\d{2}\.[A-Z]{2})"), kegiatan(R"(\d{4})"),
        kro(R"(\d{4}\.[A-Z]{3})"), ro(R"([A-Z0-9]{3})");
    std::string code;
    for (char c : raw)
        if (!std::isspace(static_cast<unsigned char>(c))) code += c;
    if (std::regex_match(code, program)) return 0;
    if (std::regex_match(code, kegiatan)) return 1;
    if (std::regex_match(code, kro)) return 2;
    if (std::regex_match(code, ro)) return 3;
    return std::nullopt;
}

std::vector<TableRow> table_rows(const Sheet& sheet, const Table& table) {
    std::vector<TableRow> rows;
    for (std::uint32_t r = table.first_row; r <= table.last_row; ++r) {
        TableRow row{r, false, false, false, std::nullopt};
        // A band merged across most of the table labels what follows; it holds no figures.
        for (const auto& m : sheet.merges)
            if (m.first_row == r && m.last_col - m.first_col + 1 >= 3 &&
                m.last_col - m.first_col + 1 >= table.columns.size() / 2)
                row.is_section = true;
        bool any = false;
        for (const auto& col : table.columns) {
            Shown shown = shown_at(sheet, r, col.col);
            if (!shown.any) continue;
            any = true;
            // A number's text ("%.15g") or TRUE/FALSE never is a total's label.
            if (is_label_role(col.role) && is_summary_label(shown.text))
                row.is_summary = row.is_total = true;
            if (is_label_role(col.role) && is_total_label(shown.text)) row.is_total = true;
        }
        // "Rata-rata capaian kinerja" merged across the labels is a summary, not a section.
        if (row.is_summary) row.is_section = false;
        // A TW label may sit in any column of the row (the Rencana Aksi puts it beside the
        // planned activity), so look at every cell of the row, not only header columns.
        auto it = std::lower_bound(sheet.cells.begin(), sheet.cells.end(), r,
                                   [](const Cell& c, std::uint32_t rr) { return c.row < rr; });
        for (; it != sheet.cells.end() && it->row == r && !row.triwulan; ++it)
            if (it->value.kind == CellValue::Kind::text) row.triwulan = triwulan_of(it->value.text);
        if (any) rows.push_back(row);
    }
    return rows;
}

std::optional<std::uint32_t> rule_operand_column(const Table& t, const ColumnNumber& defined,
                                                 std::uint32_t index, const ColumnNumber& operand) {
    auto unit_at = [&](std::uint32_t col) -> std::optional<ColumnUnit> {
        for (const auto& c : t.columns)
            if (c.col == col) return c.unit;
        return std::nullopt;
    };
    std::uint32_t width = operand.last_col - operand.first_col + 1;
    if (width == 1) return operand.first_col;
    if (auto unit = unit_at(defined.first_col + index)) {
        for (std::uint32_t c = operand.first_col; c <= operand.last_col; ++c)
            if (unit_at(c) == unit) return c;
        return std::nullopt;
    }
    if (width == defined.last_col - defined.first_col + 1) return operand.first_col + index;
    return std::nullopt;
}

std::vector<IndicatorBlock> indicator_blocks(const Sheet& sheet, const Table& table) {
    std::vector<IndicatorBlock> blocks;
    const TableColumn* ind = table.column(ColumnRole::indikator);
    if (!ind) return blocks;
    const TableColumn* sas = table.column(ColumnRole::sasaran);
    std::string sasaran, section;
    for (const TableRow& row : table_rows(sheet, table)) {
        if (row.is_section) {
            section = display_text(sheet, row.row, table.columns.front().col);
            continue;
        }
        if (row.is_total) continue;
        if (sas) {
            std::string s = display_text(sheet, row.row, sas->col);
            if (!s.empty()) sasaran = s;
        }
        std::string text = display_text(sheet, row.row, ind->col);
        const CellRange* merge = sheet.merge_at(row.row, ind->col);
        // Inside a merge, a row belongs to the block that merge started; an empty merge (an
        // example block of a template, not yet typed) is no block and continues none.
        bool in_block_merge = !blocks.empty() && merge && merge->first_row < row.row &&
                              blocks.back().first_row >= merge->first_row;
        bool continues = !blocks.empty() && (merge && merge->first_row < merge->last_row
                                                 ? in_block_merge
                                                 : text.empty() || in_block_merge);
        if (continues) {
            blocks.back().last_row = row.row;
        } else if (!text.empty()) {
            blocks.push_back({row.row, row.row, text, sasaran, section});
        }
    }
    return blocks;
}

std::optional<Quantity> quantity_at(const Workbook& workbook, const Sheet& sheet, std::uint32_t row,
                                    std::uint32_t col) {
    if (const CellRange* m = sheet.merge_at(row, col)) {
        row = m->first_row;
        col = m->first_col;
    }
    const Cell* cell = sheet.find(row, col);
    if (!cell) return std::nullopt;
    const Style& style = cell->style < workbook.styles.size() ? workbook.styles[cell->style]
                                                              : workbook.styles.front();
    return cell_quantity(*cell, style);
}

namespace {

const Style& style_of(const Workbook& workbook, const Cell& cell) {
    return cell.style < workbook.styles.size() ? workbook.styles[cell.style]
                                               : workbook.styles.front();
}

// The cell shown at (row, col): the top-left cell of a merge.
const Cell* anchor_cell(const Sheet& sheet, std::uint32_t& row, std::uint32_t& col) {
    if (const CellRange* m = sheet.merge_at(row, col)) {
        row = m->first_row;
        col = m->first_col;
    }
    return sheet.find(row, col);
}

// A lone mark before three digits: the convention's reading, or the other one when the
// column's other texts are typed US style and none Indonesian style.
Quantity read_by_style(const Sheet& sheet, const Table& table, std::uint32_t row, std::uint32_t col,
                       const QuantityReadings& r) {
    int us = 0, indonesian = 0;
    for (std::uint32_t rr = table.first_row; rr <= table.last_row; ++rr) {
        std::uint32_t ar = rr, ac = col;
        const Cell* c = anchor_cell(sheet, ar, ac);
        if (!c || (ar == row && ac == col) || c->value.kind != CellValue::Kind::text) continue;
        switch (separator_style(c->value.text)) {
            case SeparatorStyle::us:
                ++us;
                break;
            case SeparatorStyle::indonesian:
                ++indonesian;
                break;
            case SeparatorStyle::unknown:
                break;
        }
    }
    return us > 0 && indonesian == 0 ? r.readings[1] : r.readings.front();
}

// An ambiguous text: the only reading whose size fits the column's other figures, if one does.
std::optional<Quantity> read_by_size(const Workbook& workbook, const Sheet& sheet,
                                     const Table& table, std::uint32_t row, std::uint32_t col,
                                     const QuantityReadings& r) {
    double smallest = HUGE_VAL, largest = 0;
    for (const TableRow& tr : table_rows(sheet, table)) {
        if (tr.is_total || tr.is_section) continue;  // a total is larger than its parts
        std::uint32_t ar = tr.row, ac = col;
        const Cell* c = anchor_cell(sheet, ar, ac);
        if (!c || (ar == row && ac == col)) continue;
        auto q = cell_quantity(*c, style_of(workbook, *c));
        if (!q || q->not_applicable || q->percent != r.readings.front().percent || q->value == 0)
            continue;
        smallest = std::min(smallest, std::fabs(q->value));
        largest = std::max(largest, std::fabs(q->value));
    }
    if (largest == 0) return std::nullopt;  // no other figure to compare with
    const Quantity* fit = nullptr;
    for (const Quantity& q : r.readings) {
        double v = std::fabs(q.value);
        if (v < smallest / 3 || v > largest * 3) continue;
        if (fit) return std::nullopt;  // more than one fits
        fit = &q;
    }
    return fit ? std::optional(*fit) : std::nullopt;
}

// A column of amounts of money, by its role (or its Rp. unit).
bool money_column(const Table& table, std::uint32_t col) {
    for (const TableColumn& c : table.columns) {
        if (c.col != col) continue;
        switch (c.role) {
            case ColumnRole::pagu:
            case ColumnRole::realisasi_anggaran:
            case ColumnRole::sisa:
            case ColumnRole::penarikan:
            case ColumnRole::angka_dasar:
            case ColumnRole::inisiatif_baru:
                return true;
            case ColumnRole::realisasi:
                return table.kind == TableKind::anggaran || c.unit == ColumnUnit::rupiah;
            default:
                return c.unit == ColumnUnit::rupiah;
        }
    }
    return false;
}

}  // namespace

std::optional<Quantity> quantity_in_table(const Workbook& workbook, const Sheet& sheet,
                                          const Table& table, std::uint32_t row, std::uint32_t col,
                                          std::vector<Quantity>* unresolved) {
    if (unresolved) unresolved->clear();
    const Cell* cell = anchor_cell(sheet, row, col);
    if (!cell) return std::nullopt;
    if (cell->value.kind != CellValue::Kind::text) {
        auto q = cell_quantity(*cell, style_of(workbook, *cell));
        // A money column shows amounts: a percent format copied onto some of its cells (SIPD's
        // PAGU AKAS column mixes "0%" and "#,##0") does not make a number a percentage.
        if (q && q->percent && cell->value.kind == CellValue::Kind::number &&
            money_column(table, col)) {
            q->value = cell->value.number;
            q->percent = false;
        }
        return q;
    }
    QuantityReadings r = quantity_readings(cell->value.text);
    if (r.readings.empty()) return std::nullopt;
    if (r.readings.size() == 1) return r.readings.front();
    if (r.conventional) return read_by_style(sheet, table, row, col, r);
    if (auto q = read_by_size(workbook, sheet, table, row, col, r)) return q;
    if (unresolved) *unresolved = r.readings;
    return std::nullopt;
}

}  // namespace kinerja
