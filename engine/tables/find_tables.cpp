// Finding tables by their header rows.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <regex>
#include <set>

#include "tables/header_words.hpp"

namespace kinerja {

namespace {

constexpr std::uint32_t max_header_rows = 3;
constexpr std::uint32_t title_lookback = 16;

bool is_anchor(ColumnRole r) {
    return r == ColumnRole::indikator || r == ColumnRole::uraian || r == ColumnRole::kegiatan ||
           r == ColumnRole::jenis_belanja || r == ColumnRole::sasaran || r == ColumnRole::kode;
}

bool is_measure(ColumnRole r) {
    return r == ColumnRole::target || r == ColumnRole::realisasi || r == ColumnRole::capaian ||
           r == ColumnRole::pagu || r == ColumnRole::jumlah || r == ColumnRole::angka_dasar ||
           r == ColumnRole::penarikan || r == ColumnRole::realisasi_anggaran;
}

// The columns that have a cell (or a merge) in this row.
std::vector<std::uint32_t> columns_in_row(const Sheet& sheet, std::uint32_t row) {
    std::set<std::uint32_t> cols;
    auto it = std::lower_bound(sheet.cells.begin(), sheet.cells.end(), row,
                               [](const Cell& c, std::uint32_t r) { return c.row < r; });
    for (; it != sheet.cells.end() && it->row == row; ++it) cols.insert(it->col);
    for (const auto& m : sheet.merges)
        if (m.first_row <= row && row <= m.last_row)
            for (std::uint32_t c = m.first_col; c <= m.last_col; ++c) cols.insert(c);
    return {cols.begin(), cols.end()};
}

bool row_is_blank(const Sheet& sheet, std::uint32_t row) {
    for (auto c : columns_in_row(sheet, row))
        if (!display_text(sheet, row, c).empty()) return false;
    return true;
}

// "(1) (2) (3)" or "1 2 3": the column-number row some tables put under the header.
bool is_column_number_row(const Sheet& sheet, std::uint32_t row) {
    int expected = 0, seen = 0;
    for (auto c : columns_in_row(sheet, row)) {
        std::string k = header_key(display_text(sheet, row, c));
        if (k.empty()) continue;
        if (expected == 0) expected = std::atoi(k.c_str());
        if (k != std::to_string(expected + seen)) return false;
        ++seen;
    }
    return seen >= 3 && expected >= 0 && expected <= 2;
}

// A row that continues a header: every text in it is a header word or a TW label, and
// it holds no numbers (a data row under the header always has some).
bool is_header_words_row(const Sheet& sheet, std::uint32_t row) {
    int words = 0, tw_labels = 0;
    for (auto c : columns_in_row(sheet, row)) {
        const CellRange* m = sheet.merge_at(row, c);
        if (m && m->first_row < row) continue;  // a merge from the row above
        // A band across the table ("Program : ...") is a section label, not a sub-header.
        if (m && m->last_col - m->first_col >= 2) return false;
        const Cell* cell = sheet.find(row, c);
        if (!cell || cell->value.kind == CellValue::Kind::blank) continue;
        if (cell->value.kind == CellValue::Kind::text && header_key(cell->value.text).size() > 40)
            return false;
        // Years under a merged "TARGET" ("2021 2022 2023") name the columns too.
        bool year = cell->value.kind == CellValue::Kind::number
                        ? cell->value.number >= 1990 && cell->value.number <= 2100 &&
                              cell->value.number == static_cast<int>(cell->value.number)
                        : header_key(cell->value.text).size() == 4 && year_in(cell->value.text);
        if (!year && cell->value.kind != CellValue::Kind::text) return false;
        if (!year && !classify_header(cell->value.text) && !triwulan_of(cell->value.text))
            return false;
        if (triwulan_of(cell->value.text)) ++tw_labels;
        ++words;
    }
    // One "TW I" alone is a Rencana Aksi data row; sub-headers put TW I..IV side by side.
    if (words == 1 && tw_labels == 1) return false;
    return words > 0;
}

// A header row holds words, not figures: any number typed in the row itself (not merged
// from above) makes it data, however its prose begins ("Indikator yang tidak ada ...").
bool has_own_number(const Sheet& sheet, std::uint32_t row) {
    auto it = std::lower_bound(sheet.cells.begin(), sheet.cells.end(), row,
                               [](const Cell& c, std::uint32_t r) { return c.row < r; });
    for (; it != sheet.cells.end() && it->row == row; ++it)
        if (it->value.kind == CellValue::Kind::number) return true;
    return false;
}

struct HeaderGuess {
    std::vector<TableColumn> columns;
    int anchors = 0, measures = 0;
};

// Reads header rows [row, row + depth) as one header: for each column the deepest
// recognised text wins, and a TW label below a merged parent names the parent's TW.
HeaderGuess read_header(const Sheet& sheet, std::uint32_t row, std::uint32_t depth) {
    std::set<std::uint32_t> cols;
    for (std::uint32_t r = row; r < row + depth; ++r)
        for (auto c : columns_in_row(sheet, r)) cols.insert(c);
    HeaderGuess guess;
    std::set<ColumnRole> roles;
    for (auto c : cols) {
        std::optional<ColumnRole> role;
        std::optional<int> tw, tahun;
        std::string text;
        for (std::uint32_t r = row; r < row + depth; ++r) {
            // A merge from above the header (a data cell spanning rows) is not a header word.
            const CellRange* m = sheet.merge_at(r, c);
            if (m && m->first_row < row) continue;
            std::string t = display_text(sheet, r, c);
            if (t.empty()) continue;
            if (auto w = triwulan_of(t)) {
                tw = w;
                if (!role) role = ColumnRole::triwulan;
                continue;
            }
            if (r > row && header_key(t).size() == 4 && year_in(t)) {
                tahun = year_in(t);  // a year under its parent header
                continue;
            }
            if (!classify_header(t) && year_in(t)) {
                tahun = year_in(t);  // "Tahun 2022" over Target | Realisasi | Capaian
                continue;
            }
            if (auto found = classify_header(t)) {
                role = found;
                text = t;
                if (!tahun) tahun = year_in(t);
            }
        }
        if (!role) continue;
        guess.columns.push_back({*role, c, tw, tahun, text});
        if (roles.insert(*role).second) {
            guess.anchors += is_anchor(*role);
            guess.measures += is_measure(*role);
        }
    }
    return guess;
}

std::optional<TableKind> kind_of(const std::vector<TableColumn>& cols) {
    auto has = [&](ColumnRole r) {
        return std::any_of(cols.begin(), cols.end(), [&](const auto& c) { return c.role == r; });
    };
    if (has(ColumnRole::angka_dasar) || has(ColumnRole::inisiatif_baru)) return TableKind::rka;
    if (has(ColumnRole::penarikan) || (has(ColumnRole::pagu) && has(ColumnRole::indikator)))
        return TableKind::rencana_aksi;
    if ((has(ColumnRole::indikator) || has(ColumnRole::uraian)) && !has(ColumnRole::pagu) &&
        (has(ColumnRole::target) || has(ColumnRole::realisasi) || has(ColumnRole::capaian)))
        return TableKind::capaian;
    if (has(ColumnRole::pagu) && (has(ColumnRole::realisasi) || has(ColumnRole::realisasi_anggaran)))
        return TableKind::anggaran;
    return std::nullopt;
}

// A title line that names the unit: it starts with the kind of unit, or with the
// "SATUAN KERJA :" label of the RKA.
bool looks_like_satker(const std::string& line) {
    std::string k = header_key(line);
    for (std::string_view w : {"lembagapemasyarakatan", "rumahtahanan", "balaipemasyarakatan",
                               "lapas", "rutan", "bapas", "lpka", "satuankerja", "satker",
                               "lembagapembinaan"})
        if (k.rfind(w, 0) == 0) return true;
    return false;
}

// All the texts of a row, left to right, as one line ("SATUAN KERJA : (407607) BAPAS ...").
std::string row_line(const Sheet& sheet, std::uint32_t row) {
    std::string line;
    for (auto c : columns_in_row(sheet, row)) {
        const CellRange* m = sheet.merge_at(row, c);
        if (m && (m->first_col != c || m->first_row != row)) continue;
        std::string t = display_text(sheet, row, c);
        if (!t.empty()) line += (line.empty() ? "" : " ") + t;
    }
    return line;
}

// "Mataram, 11 Desember 2023": the place and date above a signature, after the table.
bool is_signature_date(const std::string& text) {
    static const std::regex date(
        R"(^[A-Za-z .'-]+, *\d{1,2} +(januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember) +\d{4}$)",
        std::regex::icase);
    return std::regex_match(text, date);
}

// Words whose meaning depends on the table: in a budget table "Capaian" is the absorption
// percentage; in a capaian table "Uraian" names the indicator.
// "Anggaran | Penyerapan | %": beside a percentage column, Penyerapan is the amount spent.
void settle_penyerapan(std::vector<TableColumn>& cols) {
    bool has_percent = std::any_of(cols.begin(), cols.end(), [](const auto& c) {
        return c.role == ColumnRole::persen && header_key(c.header).rfind("penyerapan", 0) != 0;
    });
    for (auto& c : cols)
        if (has_percent && c.role == ColumnRole::persen &&
            header_key(c.header).rfind("penyerapan", 0) == 0)
            c.role = ColumnRole::realisasi_anggaran;
}

void settle_roles(TableKind kind, std::vector<TableColumn>& cols) {
    bool has_indikator = std::any_of(cols.begin(), cols.end(),
                                     [](const auto& c) { return c.role == ColumnRole::indikator; });
    // Targets for three or more years side by side are a medium-term plan (Renstra).
    std::set<int> target_years;
    for (const auto& c : cols)
        if (c.role == ColumnRole::target && c.tahun) target_years.insert(*c.tahun);
    if (target_years.size() >= 3)
        for (auto& c : cols)
            if (c.role == ColumnRole::target) c.role = ColumnRole::target_renstra;
    bool has_capaian = std::any_of(cols.begin(), cols.end(),
                                   [](const auto& c) { return c.role == ColumnRole::capaian; });
    for (auto& c : cols) {
        if (kind == TableKind::anggaran && c.role == ColumnRole::capaian) c.role = ColumnRole::persen;
        if (kind == TableKind::capaian && c.role == ColumnRole::uraian && !has_indikator)
            c.role = ColumnRole::indikator;
        // "% Capaian" or a lone "%" after Realisasi in a capaian table is the capaian.
        if (kind == TableKind::capaian && c.role == ColumnRole::persen && !has_capaian)
            c.role = ColumnRole::capaian;
    }
}

// Whether a row continues the table after a blank row: it has a figure in a measure column.
bool continues_table(const Sheet& sheet, std::uint32_t row, const std::vector<TableColumn>& cols) {
    for (const auto& c : cols) {
        if (!is_measure(c.role)) continue;
        // Ambiguous text ("21,276,070,424,00") is a figure too, whatever it reads as.
        if (!quantity_readings(display_text(sheet, row, c.col)).readings.empty()) return true;
    }
    return false;
}

void read_title(const Sheet& sheet, Table& table) {
    std::uint32_t from = table.header_row > title_lookback ? table.header_row - title_lookback : 0;
    for (std::uint32_t r = from; r < table.header_row; ++r) {
        std::string line = row_line(sheet, r);
        if (line.empty()) continue;
        table.title.push_back(line);
        if (auto y = year_in(line)) table.tahun = y;  // the nearest year above the header
        if (!table.satker.empty() || !looks_like_satker(line)) continue;
        // "SATUAN KERJA : (407607) BALAI PEMASYARAKATAN MATARAM" -> the name.
        auto colon = line.find(':');
        std::string name = colon == std::string::npos ? line : line.substr(colon + 1);
        auto open = name.find('('), close = name.find(')');
        if (open != std::string::npos && close != std::string::npos && open < close &&
            name.find_first_not_of(" ") == open)
            name = name.substr(close + 1);
        name.erase(0, name.find_first_not_of(" *"));
        while (!name.empty() && (name.back() == ' ' || name.back() == '*')) name.pop_back();
        table.satker = name;
    }
}

}  // namespace

std::string display_text(const Sheet& sheet, std::uint32_t row, std::uint32_t col) {
    if (const CellRange* m = sheet.merge_at(row, col)) {
        row = m->first_row;
        col = m->first_col;
    }
    const Cell* cell = sheet.find(row, col);
    if (!cell) return {};
    const CellValue& v = cell->value;
    switch (v.kind) {
        case CellValue::Kind::text:
        case CellValue::Kind::error: {
            std::string t = v.text;
            t.erase(0, t.find_first_not_of(" \t\r\n"));
            t.erase(t.find_last_not_of(" \t\r\n") + 1);
            return t;
        }
        case CellValue::Kind::number: {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%.15g", v.number);
            return buf;
        }
        case CellValue::Kind::boolean: return v.number != 0 ? "TRUE" : "FALSE";
        case CellValue::Kind::blank: return {};
    }
    return {};
}

const TableColumn* Table::column(ColumnRole role, std::optional<int> tw) const {
    for (const auto& c : columns)
        if (c.role == role && (!tw || c.triwulan == tw)) return &c;
    return nullptr;
}

std::vector<Table> find_tables(const Workbook& workbook) {
    std::vector<Table> tables;
    for (const Sheet& sheet : workbook.sheets) {
        if (sheet.cells.empty()) continue;
        std::uint32_t last_row = sheet.cells.back().row;
        for (std::uint32_t row = sheet.cells.front().row; row <= last_row; ++row) {
            if (has_own_number(sheet, row)) continue;
            HeaderGuess first = read_header(sheet, row, 1);
            if (first.anchors == 0) continue;
            // Grow the header downwards over rows of header words only ("TW I", "ANGKA DASAR").
            std::uint32_t depth = 1;
            HeaderGuess best = first;
            while (depth < max_header_rows && row + depth <= last_row &&
                   is_header_words_row(sheet, row + depth)) {
                ++depth;
                best = read_header(sheet, row, depth);
            }
            // A header cell merged downwards ("INDIKATOR KINERJA" over two rows) keeps the
            // rows it covers out of the data.
            for (const auto& m : sheet.merges)
                if (m.first_row == row && m.last_row >= row + depth && m.last_row < row + max_header_rows)
                    depth = m.last_row - row + 1;
            if (best.measures == 0 || best.columns.size() < 3) continue;
            settle_penyerapan(best.columns);
            auto kind = kind_of(best.columns);
            if (!kind) continue;
            settle_roles(*kind, best.columns);

            Table table{*kind, sheet.name, row, row + depth, row + depth, best.columns, {}, {}, {}};
            while (table.first_row <= last_row && is_column_number_row(sheet, table.first_row))
                ++table.first_row;
            // The data runs until the next header, a signature's place and date, or a blank
            // row after which no figures follow (a title, a note, the next table's caption).
            std::uint32_t last_data = table.first_row;
            for (std::uint32_t r = table.first_row; r <= last_row; ++r) {
                if (row_is_blank(sheet, r)) {
                    std::uint32_t next = r + 1;
                    while (next <= last_row && row_is_blank(sheet, next)) ++next;
                    if (next > last_row || !continues_table(sheet, next, table.columns)) break;
                    r = next - 1;
                    continue;
                }
                if (!has_own_number(sheet, r)) {
                    HeaderGuess candidate = read_header(sheet, r, 1);
                    if (candidate.anchors > 0 && candidate.measures > 0 &&
                        candidate.columns.size() >= 3)
                        break;
                }
                if (is_signature_date(row_line(sheet, r))) break;
                last_data = r;
            }
            table.last_row = last_data;
            read_title(sheet, table);
            tables.push_back(std::move(table));
            row = last_data;
        }
    }
    return tables;
}

}  // namespace kinerja
