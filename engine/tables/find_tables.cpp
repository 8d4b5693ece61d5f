// Finding tables by their header bands.
//
// A header band starts at a row of labels with at least one label column (indikator, uraian,
// kode, ...) and grows downwards over the rows that continue it: rows covered by a cell
// merged down from the band, rows of header words, unit rows ("K Rp. %"), period rows
// ("Bulan Lalu"), and column-number rows ("(1) (2)", "13 = 9 + 10 + 11 + 12"). Each column's
// labels, top to bottom, are its path; its role comes from the path as a whole.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <regex>
#include <set>

#include "tables/header_words.hpp"

namespace kinerja {

using namespace tables_detail;

namespace {

constexpr std::uint32_t max_band_rows = 6;
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

// A header row holds words, not figures: any number typed in the row itself (not merged
// from above) makes it data, however its prose begins ("Indikator yang tidak ada ...").
bool has_own_number(const Sheet& sheet, std::uint32_t row) {
    auto it = std::lower_bound(sheet.cells.begin(), sheet.cells.end(), row,
                               [](const Cell& c, std::uint32_t r) { return c.row < r; });
    for (; it != sheet.cells.end() && it->row == row; ++it)
        if (it->value.kind == CellValue::Kind::number) return true;
    return false;
}

// ------------------------------------------------------------------ column-number rows

// One cell of a column-number row: "7", "(7)", "13 = 9 + 10 + 11 + 12", "8=(7/6)".
struct NumberCell {
    std::uint32_t first_col = 0, last_col = 0;
    int number = 0;
    std::string rule;  // the text after '=', if any
    std::string text;
};

std::optional<NumberCell> number_cell(const std::string& text) {
    static const std::regex plain(R"(^\(?\s*(\d{1,3})\s*\)?$)");
    // "(13) = (9) + (10)" or "13 = 9 + 10"; the rule keeps its own parentheses ("8=(7/6)").
    static const std::regex stated(R"(^\(?\s*(\d{1,3})\s*\)?\s*=\s*(.+)$)");
    std::smatch m;
    if (std::regex_match(text, m, plain)) return NumberCell{0, 0, std::stoi(m[1]), {}, text};
    if (std::regex_match(text, m, stated)) {
        // The rule may use only column numbers, operators and the x of "x 100".
        static const std::regex allowed(R"(^[\d\s()+\-*/:xX×%.,]+$)");
        std::string rule = m[2];
        if (!std::regex_match(rule, allowed)) return std::nullopt;
        return NumberCell{0, 0, std::stoi(m[1]), rule, text};
    }
    return std::nullopt;
}

// The cells of a column-number row, or nullopt: every text in the row is a column number,
// the numbers rise one by one left to right from 0, 1 or 2, and there are at least three.
std::optional<std::vector<NumberCell>> column_numbers(const Sheet& sheet, std::uint32_t row) {
    std::vector<NumberCell> cells;
    for (auto c : columns_in_row(sheet, row)) {
        const CellRange* m = sheet.merge_at(row, c);
        if (m && (m->first_col != c || m->first_row != row)) continue;
        std::string t = display_text(sheet, row, c);
        if (t.empty()) continue;
        auto n = number_cell(t);
        if (!n) return std::nullopt;
        n->first_col = c;
        n->last_col = m ? m->last_col : c;
        if (!cells.empty() && n->number != cells.back().number + 1) return std::nullopt;
        cells.push_back(*n);
    }
    if (cells.size() < 3 || cells.front().number > 2) return std::nullopt;
    return cells;
}

// "15 = 14 / 6 x 100" -> "k14 / k6 * 100": the stated rule in the formula language.
std::string rule_expression(const std::string& rule) {
    std::string out;
    bool after_operand = false;
    for (std::size_t i = 0; i < rule.size();) {
        unsigned char c = static_cast<unsigned char>(rule[i]);
        if (std::isdigit(c)) {
            std::size_t j = i;
            while (j < rule.size() && std::isdigit(static_cast<unsigned char>(rule[j]))) ++j;
            std::string digits = rule.substr(i, j - i);
            // A number after a '*' or '/' ("x 100") is a constant; others name columns.
            std::size_t k = out.find_last_not_of(' ');
            bool constant = k != std::string::npos && (out[k] == '*' || out[k] == '/') &&
                            digits.size() >= 2 &&
                            digits.find_first_not_of('0', 1) == std::string::npos;
            out += constant ? digits : "k" + digits;
            after_operand = true;
            i = j;
            continue;
        }
        if (rule.compare(i, 2, "\xc3\x97") == 0) {  // U+00D7 multiplication sign
            out += " * ";
            i += 2;
            continue;
        }
        if (c == 'x' || c == 'X')
            out += " * ";
        else if (c == ':')
            out += " / ";
        else if (c == '%' || c == ',' || c == '.') {
        } else if (c == '+' || c == '-' || c == '*' || c == '/')
            out += std::string(" ") + rule[i] + " ";
        else if (c == '(' || c == ')')
            out += rule[i];
        (void)after_operand;
        ++i;
    }
    // Collapse runs of spaces.
    std::string tidy;
    for (char ch : out)
        if (!(ch == ' ' && (tidy.empty() || tidy.back() == ' '))) tidy += ch;
    while (!tidy.empty() && tidy.back() == ' ') tidy.pop_back();
    return tidy;
}

// ------------------------------------------------------------------ the band

// A row of units or periods only: "K | Rp. | %", "Keuangan | Fisik", "Bulan Lalu | Bulan Ini".
bool is_unit_row(const Sheet& sheet, std::uint32_t row) {
    int words = 0;
    for (auto c : columns_in_row(sheet, row)) {
        const CellRange* m = sheet.merge_at(row, c);
        if (m && (m->first_row < row || m->first_col != c)) continue;
        std::string t = display_text(sheet, row, c);
        if (t.empty()) continue;
        if (!unit_of(t) && !period_of(t)) return false;
        ++words;
    }
    return words > 0;
}

// A row that continues a header: every text in it is a header word, a TW label, a year, or a
// group word, and it holds no numbers (a data row under the header always has some).
bool is_header_words_row(const Sheet& sheet, std::uint32_t row) {
    int words = 0, tw_labels = 0;
    for (auto c : columns_in_row(sheet, row)) {
        const CellRange* m = sheet.merge_at(row, c);
        if (m && m->first_row < row) continue;  // a merge from the row above
        // A band across the table ("Program : ...") is a section label, not a sub-header.
        if (m && m->last_col - m->first_col >= 2 && !group_of(display_text(sheet, row, c)) &&
            !classify_header(display_text(sheet, row, c)))
            return false;
        if (m && m->first_col != c) continue;
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
        const std::string& t = cell->value.text;
        if (!year && !classify_header(t) && !triwulan_of(t) && !group_of(t) && !unit_of(t) &&
            !period_of(t))
            return false;
        if (!year && triwulan_of(t)) ++tw_labels;
        ++words;
    }
    // One "TW I" alone is a Rencana Aksi data row; sub-headers put TW I..IV side by side.
    if (words == 1 && tw_labels == 1) return false;
    return words > 0;
}

// Whether a merge that starts in the band [top, row) reaches down into `row`.
bool merged_down_into(const Sheet& sheet, std::uint32_t top, std::uint32_t row) {
    for (const auto& m : sheet.merges)
        if (m.first_row >= top && m.first_row < row && m.last_row >= row) return true;
    return false;
}

struct Band {
    std::uint32_t top = 0, end = 0;         // rows [top, end)
    std::vector<std::uint32_t> label_rows;  // rows whose texts are labels
    std::vector<NumberCell> numbers;        // the column-number row's cells
    std::uint32_t number_row = 0;
    std::vector<SkippedRow> skipped;
};

Band grow_band(const Sheet& sheet, std::uint32_t top, std::uint32_t last_row) {
    Band band{top, top + 1, {top}, {}, 0, {}};
    while (band.end - top < max_band_rows && band.end <= last_row) {
        std::uint32_t r = band.end;
        if (band.numbers.empty()) {
            if (auto numbers = column_numbers(sheet, r)) {
                band.numbers = *numbers;
                band.number_row = r;
                band.skipped.push_back({r, "column numbers"});
                ++band.end;
                continue;
            }
        }
        // Header words may include years typed as numbers ("2014 2015 2016" under a merged
        // "Target Renstra"); is_header_words_row refuses any other figure itself.
        bool joins = is_unit_row(sheet, r) || is_header_words_row(sheet, r) ||
                     (!has_own_number(sheet, r) && merged_down_into(sheet, top, r));
        if (!joins) break;
        band.label_rows.push_back(r);
        ++band.end;
    }
    // A second column-number row right under the band ("(1) (2)" repeated) is not data either.
    while (band.end <= last_row && column_numbers(sheet, band.end)) {
        band.skipped.push_back({band.end, "column numbers"});
        ++band.end;
    }
    return band;
}

// The label of column `col` in band row `row`, or empty: a merge is read once, in its first
// row; an unmerged group label with empty cells to its right over labelled sub-columns
// spans them (files written without merges, such as OpenSpout's).
std::string band_label(const Sheet& sheet, const Band& band, std::uint32_t row, std::uint32_t col) {
    if (const CellRange* m = sheet.merge_at(row, col)) {
        if (m->first_row != row) return {};
        return display_text(sheet, row, m->first_col);
    }
    std::string own = display_text(sheet, row, col);
    if (!own.empty()) return own;
    auto labelled_below = [&](std::uint32_t c) {
        for (auto r : band.label_rows)
            if (r > row && !display_text(sheet, r, c).empty()) return true;
        return false;
    };
    if (!labelled_below(col)) return {};
    for (std::uint32_t c = col; c-- > 0;) {
        if (sheet.merge_at(row, c)) return {};
        std::string t = display_text(sheet, row, c);
        if (t.empty()) continue;
        return labelled_below(c) ? t : std::string{};
    }
    return {};
}

bool is_bare_tw(std::string_view key) {
    return key == "i" || key == "ii" || key == "iii" || key == "iv" || key == "1" || key == "2" ||
           key == "3" || key == "4";
}

bool mentions(const std::vector<std::string>& path, std::initializer_list<std::string_view> words) {
    for (const auto& label : path) {
        std::string k = header_key(label);
        for (auto w : words)
            if (k.find(w) != std::string::npos) return true;
    }
    return false;
}

// A column's meaning from its path of labels, top to bottom: the deepest label that names a
// role gives it, labels above it may give the TW, the year and the group; a unit row below
// turns a performance role into its money or percentage counterpart.
std::optional<TableColumn> resolve_path(std::uint32_t col, const std::vector<std::string>& path) {
    TableColumn column{ColumnRole::nomor, col};
    column.path = path;
    std::optional<ColumnRole> role;
    bool role_from_group = false;   // "Total" named the role so far, and may be a group
    bool group_below_role = false;  // "Kelompok Belanja > Operasi": a group under the role
    bool fisik = false;
    std::string parent_key;
    for (const auto& label : path) {
        std::string k = header_key(label);
        // Unit and period words qualify a role named above them; alone ("%") they are one.
        auto unit = role ? unit_of(label) : std::nullopt;
        auto period = role ? period_of(label) : std::nullopt;
        if (unit) {
            column.unit = unit;
            fisik = fisik || unit == ColumnUnit::fisik;
            if (role_from_group && unit == ColumnUnit::persen) {
                column.group = column.header;  // "Total > %"
                role = ColumnRole::persen;
                column.header = label;
            } else if (group_below_role && unit == ColumnUnit::persen) {
                role = ColumnRole::persen;  // "Kelompok Belanja > Operasi > %"
                column.header = label;
            }
        } else if (period) {
            column.period = period;
        } else if (auto tw = triwulan_of(label)) {
            column.triwulan = tw;
            if (!role) role = ColumnRole::triwulan;
        } else if (is_bare_tw(k) && (parent_key.find("triwulan") != std::string::npos ||
                                     parent_key.rfind("tw", 0) == 0)) {
            static constexpr std::string_view roman[] = {"i", "ii", "iii", "iv"};
            for (int i = 0; i < 4; ++i)
                if (k == roman[i] || k == std::to_string(i + 1)) column.triwulan = i + 1;
        } else if (k.size() == 4 && year_in(label)) {
            column.tahun = year_in(label);
        } else if (role && !role_from_group &&
                   (*role == ColumnRole::realisasi || *role == ColumnRole::realisasi_anggaran) &&
                   group_of(label) && group_of(label)->total) {
            // "Realisasi > TW I ... TW IV, Jumlah" (a DPA): the TWs' sum, the realisasi to date.
            column.period = ColumnPeriod::kumulatif;
        } else if (auto found = classify_header(label)) {
            // A deeper label that names a role wins ("Kelompok Belanja > Operasi > Anggaran");
            // a group word above it ("Total > Anggaran") becomes the column's group.
            if (role_from_group) column.group = column.header;
            role_from_group = group_of(label).has_value();
            group_below_role = false;
            role = found;
            column.header = label;
            if (auto y = year_in(label)) column.tahun = y;
        } else if (group_of(label) || role) {
            group_below_role = role.has_value() && group_of(label).has_value();
            column.group = label;  // "Operasi" under "Kelompok Belanja", "SD JUNI"
            if (auto y = year_in(label)) column.tahun = y;
        } else if (auto y = year_in(label)) {
            column.tahun = y;  // "Tahun 2022" over Target | Realisasi | Capaian
        }
        parent_key = k;
    }
    if (!role) return std::nullopt;
    column.role = *role;
    bool money = mentions(path, {"anggaran", "keuangan", "dana", "belanja"}) ||
                 std::any_of(path.begin(), path.end(),
                             [](const std::string& l) { return unit_of(l) == ColumnUnit::rupiah; });
    bool realisasi =
        column.role == ColumnRole::realisasi || column.role == ColumnRole::realisasi_anggaran;
    if (fisik && realisasi) {
        // "Realisasi > Fisik > %": physical progress, a performance figure in percent.
        column.role = ColumnRole::realisasi_fisik;
        column.unit = ColumnUnit::fisik;
    } else if (column.unit == ColumnUnit::rupiah) {
        if (column.role == ColumnRole::target || column.role == ColumnRole::target_renstra)
            column.role = ColumnRole::pagu;
        else if (column.role == ColumnRole::realisasi)
            column.role = ColumnRole::realisasi_anggaran;
        else if (column.role == ColumnRole::capaian)
            column.role = ColumnRole::persen;
    } else if (column.unit == ColumnUnit::persen && realisasi) {
        column.role = money ? ColumnRole::persen : ColumnRole::capaian;
    }
    return column;
}

struct HeaderGuess {
    std::vector<TableColumn> columns;
    std::vector<UnreadColumn> unread;  // labelled, but with no word Kinerja knows
    int anchors = 0, measures = 0;
};

HeaderGuess read_band(const Sheet& sheet, const Band& band) {
    std::set<std::uint32_t> cols;
    for (auto r : band.label_rows)
        for (auto c : columns_in_row(sheet, r)) cols.insert(c);
    HeaderGuess guess;
    std::set<ColumnRole> roles;
    for (auto c : cols) {
        std::vector<std::string> path;
        for (auto r : band.label_rows) {
            // A merge from above the band (a data cell spanning rows) is not a label.
            const CellRange* m = sheet.merge_at(r, c);
            if (m && m->first_row < band.top) continue;
            std::string t = band_label(sheet, band, r, c);
            if (!t.empty() && (path.empty() || path.back() != t)) path.push_back(t);
        }
        if (path.empty()) continue;
        auto column = resolve_path(c, path);
        if (!column) {
            guess.unread.push_back({c, path});
            continue;
        }
        for (const auto& n : band.numbers)
            if (n.first_col <= c && c <= n.last_col) column->number = n.number;
        guess.columns.push_back(*column);
        if (roles.insert(column->role).second) {
            guess.anchors += is_anchor(column->role);
            guess.measures += is_measure(column->role);
        }
    }
    return guess;
}

std::optional<TableKind> kind_of(const std::vector<TableColumn>& cols) {
    auto has = [&](ColumnRole r) {
        return std::any_of(cols.begin(), cols.end(), [&](const auto& c) { return c.role == r; });
    };
    bool performance =
        has(ColumnRole::indikator) &&
        (has(ColumnRole::target) || has(ColumnRole::realisasi) || has(ColumnRole::capaian));
    if (has(ColumnRole::angka_dasar) || has(ColumnRole::inisiatif_baru)) return TableKind::rka;
    if (has(ColumnRole::penarikan)) return TableKind::rencana_aksi;
    // A performance table with its budget beside each indicator: a Rencana Aksi, unless the
    // budget is split by period or unit like the Renja evaluation's "K | Rp." pairs.
    bool split_budget = std::any_of(cols.begin(), cols.end(), [](const auto& c) {
        return c.role == ColumnRole::pagu && c.unit == ColumnUnit::rupiah;
    });
    if (has(ColumnRole::pagu) && has(ColumnRole::indikator) && !split_budget)
        return TableKind::rencana_aksi;
    if (performance ||
        ((has(ColumnRole::indikator) || has(ColumnRole::uraian)) && !has(ColumnRole::pagu) &&
         (has(ColumnRole::target) || has(ColumnRole::realisasi) || has(ColumnRole::capaian))))
        return TableKind::capaian;
    if (has(ColumnRole::pagu) &&
        (has(ColumnRole::realisasi) || has(ColumnRole::realisasi_anggaran)))
        return TableKind::anggaran;
    return std::nullopt;
}

// The Renja evaluation (Permendagri 86/2017) among capaian tables: its realisasi is given
// per TW, for at least two TWs, and its groups are split by unit into K and Rp. Sub-columns.
bool is_renja(const std::vector<TableColumn>& cols) {
    std::set<int> tws;
    bool kinerja = false, rupiah = false;
    for (const auto& c : cols) {
        if (c.triwulan &&
            (c.role == ColumnRole::realisasi || c.role == ColumnRole::realisasi_anggaran ||
             c.role == ColumnRole::capaian))
            tws.insert(*c.triwulan);
        kinerja = kinerja || c.unit == ColumnUnit::kinerja;
        rupiah = rupiah || c.unit == ColumnUnit::rupiah;
    }
    return tws.size() >= 2 && kinerja && rupiah;
}

// A title line that names the unit: it starts with the kind of unit, or with the
// "SATUAN KERJA :" label of the RKA.
bool looks_like_satker(const std::string& line) {
    std::string k = header_key(line);
    for (std::string_view w :
         {"lembagapemasyarakatan", "rumahtahanan", "balaipemasyarakatan", "lapas", "rutan", "bapas",
          "lpka", "satuankerja", "satker", "lembagapembinaan"})
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

// Words whose meaning depends on the table: in a budget table "Capaian" is the absorption
// percentage; in a capaian table "Uraian" names the indicator.
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
        if (kind == TableKind::anggaran && c.role == ColumnRole::capaian)
            c.role = ColumnRole::persen;
        if (kind == TableKind::capaian && c.role == ColumnRole::uraian && !has_indikator)
            c.role = ColumnRole::indikator;
        // "% Capaian" or a lone "%" after Realisasi in a capaian table is the capaian.
        if (kind == TableKind::capaian && c.role == ColumnRole::persen && !has_capaian &&
            c.unit != ColumnUnit::persen)
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

// "Rata-rata capaian kinerja (%)", "Predikat kinerja": the Renja evaluation's rows under its
// data, which belong to the table even after blank rows (a template's unused example rows).
bool is_summary_row(const Sheet& sheet, std::uint32_t row) {
    std::string k = header_key(row_line(sheet, row));
    return k.rfind("rataratacapaian", 0) == 0 || k.rfind("predikatkinerja", 0) == 0;
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

// ------------------------------------------------------------------ the evaluated column

bool has_figures(const Sheet& sheet, const Table& t, std::uint32_t col) {
    for (std::uint32_t r = t.first_row; r <= t.last_row; ++r)
        if (parse_quantity(display_text(sheet, r, col))) return true;
    return false;
}

// Where a role is found in several columns (Renstra target, last year's realisasi, this
// year's, per TW, cumulative), marks the one the table evaluates and says why: the header
// says "yang dievaluasi" or "tahun berjalan", or names the title's year; the Total group;
// the latest TW with data.
void choose_evaluated(const Sheet& sheet, Table& t) {
    static constexpr ColumnRole roles[] = {
        ColumnRole::target, ColumnRole::realisasi,          ColumnRole::capaian,
        ColumnRole::pagu,   ColumnRole::realisasi_anggaran, ColumnRole::persen,
        ColumnRole::sisa};
    for (ColumnRole role : roles) {
        std::vector<TableColumn*> candidates;
        for (auto& c : t.columns)
            if (c.role == role) candidates.push_back(&c);
        if (candidates.size() < 2) continue;
        // A Rencana Aksi's TW columns are its plan, one per TW, not alternatives.
        if (t.kind == TableKind::rencana_aksi &&
            std::all_of(candidates.begin(), candidates.end(),
                        [](auto* c) { return c->triwulan.has_value(); }))
            continue;
        auto pick = [&](auto predicate, const Message& why) {
            for (auto* c : candidates)
                if (predicate(*c)) {
                    c->evaluated = true;
                    c->why = why;
                    return true;
                }
            return false;
        };
        if (pick([](const TableColumn& c) { return mentions(c.path, {"dievaluasi"}); },
                 {"judulnya menyebut \"yang dievaluasi\"", "its header says \"yang dievaluasi\""}))
            continue;
        if (pick([](const TableColumn& c) { return mentions(c.path, {"tahunberjalan"}); },
                 {"judulnya menyebut \"tahun berjalan\"", "its header says \"tahun berjalan\""}))
            continue;
        if (t.tahun && pick([&](const TableColumn& c) { return c.tahun == t.tahun; },
                            {"tahun pada judul tabel, " + std::to_string(*t.tahun),
                             "the year in the table's title, " + std::to_string(*t.tahun)}))
            continue;
        // In the Total group; the "Jumlah" under "Realisasi > TW I ... TW IV" is that role's
        // sum (kumulatif), not a group, and within the group it is the one.
        auto in_total = [](const TableColumn& c) {
            for (std::size_t i = 0; i < c.path.size(); ++i) {
                if (c.period == ColumnPeriod::kumulatif && i + 1 == c.path.size()) break;
                if (auto g = group_of(c.path[i]); g && g->total) return true;
            }
            return false;
        };
        const Message total_group{"kelompok Total/Jumlah", "the Total group"};
        if (pick(
                [&](const TableColumn& c) {
                    return in_total(c) && c.period == ColumnPeriod::kumulatif;
                },
                total_group))
            continue;
        if (pick(in_total, total_group)) continue;
        if (pick([](const TableColumn& c) { return c.period == ColumnPeriod::kumulatif; },
                 {"nilai kumulatif (s.d. Bulan Ini)", "the cumulative figure (s.d. Bulan Ini)"}))
            continue;
        // The Renja evaluation's tingkat capaian is the one beside no TW; those under a TW are
        // that quarter's.
        if (t.kind == TableKind::renja &&
            pick([](const TableColumn& c) { return !c.triwulan; },
                 {"tingkat capaian, tidak per TW", "the tingkat capaian, not a TW's"}))
            continue;
        TableColumn* latest = nullptr;
        for (auto* c : candidates)
            if (c->triwulan && (!latest || *c->triwulan > *latest->triwulan) &&
                has_figures(sheet, t, c->col))
                latest = c;
        if (latest) {
            latest->evaluated = true;
            std::string tw = std::to_string(*latest->triwulan);
            latest->why = {"TW terakhir yang berisi data (TW " + tw + ")",
                           "the latest TW with data (TW " + tw + ")"};
        }
    }
}

// A TW named in a title or a sheet name: "Realisasi TW IV", "Evaluasi Triwulan III", "TW-2".
std::optional<int> triwulan_named(const std::string& text) {
    static const std::regex named(
        R"((?:^|[^a-z])(?:tw|triwulan)\s*[-.]?\s*(iv|iii|ii|i|[1-4])(?![a-z0-9]))",
        std::regex::icase);
    std::smatch m;
    if (!std::regex_search(text, m, named)) return std::nullopt;
    std::string k = header_key(m[1].str());
    static constexpr std::string_view roman[] = {"i", "ii", "iii", "iv"};
    for (int i = 0; i < 4; ++i)
        if (k == roman[i] || k == std::to_string(i + 1)) return i + 1;
    return std::nullopt;
}

// The TW a table with realisasi per TW evaluates: the one its title lines or its sheet's name
// names, else the latest TW whose realisasi holds figures.
void choose_triwulan(const Sheet& sheet, Table& t) {
    std::set<int> tws;
    for (const auto& c : t.columns)
        if (c.triwulan) tws.insert(*c.triwulan);
    for (auto it = t.title.rbegin(); it != t.title.rend(); ++it)
        if (auto tw = triwulan_named(*it); tw && tws.count(*tw)) {
            t.triwulan = tw;
            t.triwulan_why = {"judul tabel menyebut TW " + std::to_string(*tw),
                              "the table's title names TW " + std::to_string(*tw)};
            return;
        }
    if (auto tw = triwulan_named(sheet.name); tw && tws.count(*tw)) {
        t.triwulan = tw;
        t.triwulan_why = {"nama lembar menyebut TW " + std::to_string(*tw),
                          "the sheet's name names TW " + std::to_string(*tw)};
        return;
    }
    for (const auto& c : t.columns)
        if (c.triwulan &&
            (c.role == ColumnRole::realisasi || c.role == ColumnRole::realisasi_anggaran) &&
            (!t.triwulan || *c.triwulan > *t.triwulan) && has_figures(sheet, t, c.col))
            t.triwulan = c.triwulan;
    if (t.triwulan)
        t.triwulan_why = {"TW terakhir yang berisi data (TW " + std::to_string(*t.triwulan) + ")",
                          "the latest TW with data (TW " + std::to_string(*t.triwulan) + ")"};
}

// The Renja form's rules (Permendagri 86/2017) for the columns a plain number row leaves
// without one: the year's realisasi = the TWs' sum (13 = 9 + 10 + 11 + 12), the Renstra
// realisasi to date = up to last year's + the year's (14 = 7 + 13), the tingkat capaian = that
// / the Renstra target x 100 (15 = 14 / 6 x 100), or the year's / the year's target when the
// form has no Renstra columns. Groups are known by their K column's role, TW and year.
void add_implied_rules(Table& t) {
    if (t.numbers.empty()) return;
    auto number_of = [&](const TableColumn& c) { return c.number.value_or(0); };
    std::map<int, int> tw;  // TW -> number
    const TableColumn *year = nullptr, *before = nullptr, *to_date = nullptr, *renstra = nullptr,
                      *target = t.column(ColumnRole::target), *capaian = nullptr;
    for (const auto& c : t.columns) {
        if (!c.number || c.unit == ColumnUnit::rupiah || c.unit == ColumnUnit::persen) continue;
        if (c.role == ColumnRole::realisasi && c.triwulan) tw[*c.triwulan] = *c.number;
        if (c.role == ColumnRole::target_renstra && !renstra) renstra = &c;
        if (c.role == ColumnRole::capaian && !c.triwulan && !capaian) capaian = &c;
        if (c.role != ColumnRole::realisasi || c.triwulan) continue;
        if (c.evaluated)
            year = &c;
        else if (t.tahun && c.tahun && *c.tahun < *t.tahun && !before)
            before = &c;
        else if (mentions(c.path, {"renstra"}))
            to_date = &c;
    }
    if (target && !target->number) target = nullptr;
    std::set<int> stated;
    for (const auto& r : t.rules) stated.insert(r.number);
    auto add = [&](const TableColumn* defined, const std::string& rule) {
        if (!defined || stated.count(number_of(*defined))) return;
        std::string text = std::to_string(number_of(*defined)) + " = " + rule;
        t.rules.push_back(
            {number_of(*defined), text, rule_expression(rule), t.header_row, defined->col, true});
    };
    if (year && tw.size() >= 2) {
        std::string sum;
        for (const auto& [q, n] : tw) sum += (sum.empty() ? "" : " + ") + std::to_string(n);
        add(year, sum);
    }
    if (to_date && before && year)
        add(to_date, std::to_string(number_of(*before)) + " + " + std::to_string(number_of(*year)));
    if (capaian && to_date && renstra && renstra->number)
        add(capaian, std::to_string(number_of(*to_date)) + " / " +
                         std::to_string(number_of(*renstra)) + " x 100");
    else if (capaian && year && target)
        add(capaian, std::to_string(number_of(*year)) + " / " + std::to_string(number_of(*target)) +
                         " x 100");
}

// The stated rules of the column-number row, in the formula language.
std::vector<ColumnRule> stated_rules(const Band& band) {
    std::vector<ColumnRule> rules;
    for (const auto& n : band.numbers)
        if (!n.rule.empty()) {
            std::string expression = rule_expression(n.rule);
            if (expression.find('k') != std::string::npos)
                rules.push_back({n.number, n.text, expression, band.number_row, n.first_col});
        }
    return rules;
}

std::size_t distinct_roles(const std::vector<TableColumn>& cols) {
    std::set<ColumnRole> roles;
    for (const auto& c : cols) roles.insert(c.role);
    return roles.size();
}

std::string roles_listed(const std::vector<TableColumn>& cols) {
    std::string list;
    std::set<std::string> seen;
    for (const auto& c : cols)
        if (seen.insert(role_name(c.role)).second)
            list += (list.empty() ? "" : ", ") + std::string(role_name(c.role));
    return list;
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
        case CellValue::Kind::boolean:
            return v.number != 0 ? "TRUE" : "FALSE";
        case CellValue::Kind::blank:
            return {};
    }
    return {};
}

const TableColumn* Table::column(ColumnRole role, std::optional<int> tw) const {
    const TableColumn* first = nullptr;
    for (const auto& c : columns)
        if (c.role == role && (!tw || c.triwulan == tw)) {
            if (!tw && c.evaluated) return &c;
            if (!first) first = &c;
        }
    return first;
}

std::string Table::range() const {
    std::uint32_t first_col = UINT32_MAX, last_col = 0;
    for (const auto& c : columns) {
        first_col = std::min(first_col, c.col);
        last_col = std::max(last_col, c.col);
    }
    if (columns.empty()) first_col = 0;
    return cell_name(header_row, first_col) + ":" +
           cell_name(std::max(last_row, first_row > 0 ? first_row - 1 : 0), last_col);
}

TableSearch search_tables(const Workbook& workbook) {
    TableSearch search;
    for (const Sheet& sheet : workbook.sheets) {
        if (sheet.cells.empty()) continue;
        std::uint32_t last_row = sheet.cells.back().row;
        for (std::uint32_t row = sheet.cells.front().row; row <= last_row; ++row) {
            if (has_own_number(sheet, row)) continue;
            Band top_only{row, row + 1, {row}, {}, 0, {}};
            HeaderGuess first = read_band(sheet, top_only);
            if (first.anchors == 0) {
                // Header words without a label column: the nearest miss of an import list.
                if (first.measures > 0 && distinct_roles(first.columns) >= 2)
                    search.misses.push_back(
                        {sheet.name, row, row,
                         "kata judul (" + roles_listed(first.columns) +
                             ") tanpa kolom label (indikator, uraian, kegiatan, kode)",
                         "header words (" + roles_listed(first.columns) +
                             ") without a label column (indikator, uraian, kegiatan, kode)"});
                continue;
            }
            Band band = grow_band(sheet, row, last_row);
            HeaderGuess best = read_band(sheet, band);
            if (best.measures == 0 || best.columns.size() < 3) {
                if (distinct_roles(best.columns) >= 2)
                    search.misses.push_back(
                        {sheet.name, row, band.end - 1,
                         "label (" + roles_listed(best.columns) +
                             ") tanpa kolom angka (target, realisasi, capaian, pagu, jumlah)",
                         "labels (" + roles_listed(best.columns) +
                             ") without a measure column (target, realisasi, capaian, pagu, "
                             "jumlah)"});
                continue;
            }
            settle_penyerapan(best.columns);
            auto kind = kind_of(best.columns);
            if (!kind) {
                search.misses.push_back(
                    {sheet.name, row, band.end - 1,
                     "kolom " + roles_listed(best.columns) +
                         " tidak membentuk jenis tabel yang dikenal",
                     "columns " + roles_listed(best.columns) + " make no known kind of table"});
                continue;
            }
            settle_roles(*kind, best.columns);
            if (kind == TableKind::capaian && is_renja(best.columns)) kind = TableKind::renja;

            Table table;
            table.kind = *kind;
            table.sheet = sheet.name;
            table.header_row = row;
            table.first_row = table.last_row = band.end;
            table.columns = std::move(best.columns);
            table.unread = std::move(best.unread);
            table.rules = stated_rules(band);
            for (const auto& n : band.numbers)
                table.numbers.push_back({n.number, n.first_col, n.last_col});
            table.skipped = band.skipped;
            // The data runs until the next header, a signature's place and date, or a blank
            // row after which no figures follow (a title, a note, the next table's caption).
            std::uint32_t last_data = table.first_row;
            for (std::uint32_t r = table.first_row; r <= last_row; ++r) {
                if (row_is_blank(sheet, r)) {
                    std::uint32_t next = r + 1;
                    while (next <= last_row && row_is_blank(sheet, next)) ++next;
                    if (next > last_row || !(continues_table(sheet, next, table.columns) ||
                                             is_summary_row(sheet, next)))
                        break;
                    r = next - 1;
                    continue;
                }
                if (!has_own_number(sheet, r)) {
                    HeaderGuess candidate = read_band(sheet, Band{r, r + 1, {r}, {}, 0, {}});
                    if (candidate.anchors > 0 && candidate.measures > 0 &&
                        candidate.columns.size() >= 3)
                        break;
                }
                if (is_signature_date(row_line(sheet, r))) break;
                last_data = r;
            }
            table.last_row = last_data;
            read_title(sheet, table);
            choose_evaluated(sheet, table);
            if (table.kind == TableKind::renja) {
                choose_triwulan(sheet, table);
                add_implied_rules(table);
            }
            search.tables.push_back(std::move(table));
            row = std::max(last_data, band.end - 1);
        }
    }
    return search;
}

std::vector<Table> find_tables(const Workbook& workbook) {
    return search_tables(workbook).tables;
}

}  // namespace kinerja
