// Putting the satker and the year into a new workbook's title lines.
#include <algorithm>
#include <ctime>
#include <functional>
#include <map>
#include <regex>
#include <set>

#include "tables/tables.hpp"
#include "templates/templates.hpp"

namespace kinerja {

namespace {

// Rows of a sheet where titles sit: above each table's header (as far as the table finder
// looks for titles), never inside a table; and the header rows themselves.
struct Zones {
    std::set<std::uint32_t> title, header;
};

constexpr std::uint32_t title_lookback = 16;  // as find_tables reads titles
constexpr std::uint32_t untabled_rows = 10;   // title rows of a sheet without a table
// Titles are short. Longer texts are not searched for years: std::regex recurses per
// character and a hostile cell of a megabyte could exhaust the stack.
constexpr std::size_t max_title_bytes = 1000;

bool is_title_text(const Cell& cell) {
    return cell.value.kind == CellValue::Kind::text && !cell.is_formula() &&
           cell.value.text.size() <= max_title_bytes;
}

std::map<std::string, Zones> title_zones(const Workbook& workbook,
                                         const std::vector<Table>& tables) {
    std::map<std::string, Zones> zones;
    for (const Sheet& sheet : workbook.sheets) {
        Zones& z = zones[sheet.name];
        bool has_table = false;
        for (const Table& t : tables) {
            if (t.sheet != sheet.name) continue;
            has_table = true;
            std::uint32_t from = t.header_row > title_lookback ? t.header_row - title_lookback : 0;
            for (std::uint32_t r = from; r < t.header_row; ++r) z.title.insert(r);
            for (std::uint32_t r = t.header_row; r < t.first_row; ++r) z.header.insert(r);
        }
        // Rows of any table (header to last data row) are never title rows.
        for (const Table& t : tables)
            if (t.sheet == sheet.name)
                for (std::uint32_t r = t.header_row; r <= std::max(t.last_row, t.first_row); ++r)
                    z.title.erase(r);
        if (!has_table && !sheet.cells.empty()) {
            std::uint32_t first = sheet.cells.front().row;
            for (std::uint32_t r = first; r < first + untabled_rows; ++r) z.title.insert(r);
        }
    }
    return zones;
}

std::string replace_all(std::string text, std::string_view from, std::string_view to) {
    if (from.empty()) return text;
    for (std::size_t at = text.find(from); at != std::string::npos;
         at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

// Applies `change` to a text cell. Rich text keeps its runs when changing each run gives
// the same text as changing the whole (the placeholder sits inside one run); otherwise
// the cell becomes plain text. Returns whether the text changed.
bool change_text(Cell& cell, const std::function<std::string(const std::string&)>& change) {
    if (cell.value.kind != CellValue::Kind::text || cell.is_formula()) return false;
    std::string changed = change(cell.value.text);
    if (changed == cell.value.text) return false;
    if (cell.rich) {
        auto runs = std::make_shared<std::vector<RichRun>>(*cell.rich);
        std::string joined;
        for (RichRun& run : *runs) {
            run.text = change(run.text);
            joined += run.text;
        }
        if (joined == changed)
            cell.rich = std::move(runs);
        else
            cell.rich.reset();
    }
    cell.value.text = std::move(changed);
    return true;
}

// The year after "TAHUN", "TAHUN ANGGARAN", "T.A" or "TA" (any case, optional colon).
const std::regex& year_in_title() {
    static const std::regex re(R"(\b(TAHUN(\s+ANGGARAN)?|T\.\s?A\.?|TA\.?)(\s*:?\s*)20\d\d\b)",
                               std::regex::icase);
    return re;
}

// In a header only "T.A 2025" ("ALOKASI ANGGARAN T.A 2025") names the plan's year; a
// "Tahun 2022" over columns names an earlier year and stays.
const std::regex& year_in_header() {
    static const std::regex re(R"(\b(T\.\s?A\.?|TA\.?)(\s*:?\s*)20\d\d\b)", std::regex::icase);
    return re;
}

// Moves every year the pattern finds by `delta`: a workbook of 2023 started anew for 2030
// says "Tahun 2030 dan Tahun 2029" where it said "Tahun 2023 dan Tahun 2022".
std::string shift_years(const std::string& text, const std::regex& re, int delta) {
    std::string out;
    std::size_t last = 0;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator();
         ++it) {
        const std::smatch& m = *it;
        std::size_t start = static_cast<std::size_t>(m.position(0));
        std::size_t length = static_cast<std::size_t>(m.length(0));
        std::string match = m.str(0);
        int year = std::stoi(match.substr(length - 4));
        out += text.substr(last, start - last) + match.substr(0, length - 4) +
               std::to_string(year + delta);
        last = start + length;
    }
    return out + text.substr(last);
}

// The year the workbook is for: the first table's, else the first year in a title line.
std::optional<int> base_year(const Workbook& workbook, const std::vector<Table>& tables,
                             const std::map<std::string, Zones>& zones) {
    for (const Table& t : tables)
        if (t.tahun) return t.tahun;
    for (const Sheet& sheet : workbook.sheets) {
        const Zones& z = zones.at(sheet.name);
        for (const Cell& cell : sheet.cells) {
            std::smatch m;
            if (z.title.count(cell.row) && is_title_text(cell) &&
                std::regex_search(cell.value.text, m, year_in_title()))
                return std::stoi(m.str(0).substr(static_cast<std::size_t>(m.length(0)) - 4));
        }
    }
    return std::nullopt;
}

std::string now_w3cdtf() {
    std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

}  // namespace

NewWorkbookReport personalise(Workbook& workbook, const NewWorkbookOptions& options) {
    NewWorkbookReport report;
    const std::vector<Table> tables = find_tables(workbook);
    const std::map<std::string, Zones> zones = title_zones(workbook, tables);
    std::set<std::pair<std::string, std::pair<std::uint32_t, std::uint32_t>>> named;

    if (!options.satker.empty()) {
        // The placeholder, wherever it is.
        for (Sheet& sheet : workbook.sheets)
            for (Cell& cell : sheet.cells)
                if (change_text(cell, [&](const std::string& t) {
                        return replace_all(t, satker_placeholder, options.satker);
                    }))
                    named.insert({sheet.name, {cell.row, cell.col}});
        // A workbook without the placeholder: the satker its title lines name. Per row, the
        // names of the tables whose titles reach it (a row is above at most a few tables).
        std::map<std::string, std::map<std::uint32_t, std::set<std::string>>> names;
        for (const Table& t : tables) {
            if (t.satker.empty() || t.satker == satker_placeholder) continue;
            for (std::uint32_t row : zones.at(t.sheet).title)
                if (row < t.header_row && row + title_lookback >= t.header_row)
                    names[t.sheet][row].insert(t.satker);
        }
        for (auto& [sheet_name, rows] : names) {
            Sheet* sheet = workbook.sheet(sheet_name);
            for (Cell& cell : sheet->cells) {
                auto row = rows.find(cell.row);
                if (row == rows.end() || named.count({sheet_name, {cell.row, cell.col}})) continue;
                for (const std::string& old_name : row->second)
                    if (change_text(cell, [&](const std::string& text) {
                            return replace_all(text, old_name, options.satker);
                        }))
                        named.insert({sheet_name, {cell.row, cell.col}});
            }
        }
        report.satker_cells = named.size();
    }

    std::optional<int> base = options.tahun ? base_year(workbook, tables, zones) : std::nullopt;
    if (base) {
        int delta = *options.tahun - *base;
        for (Sheet& sheet : workbook.sheets) {
            const Zones& z = zones.at(sheet.name);
            for (Cell& cell : sheet.cells) {
                const std::regex* re = z.title.count(cell.row)    ? &year_in_title()
                                       : z.header.count(cell.row) ? &year_in_header()
                                                                  : nullptr;
                if (!re || !is_title_text(cell) || !std::regex_search(cell.value.text, *re))
                    continue;
                // Counted even when the year is already right: the place was found.
                ++report.tahun_cells;
                change_text(cell,
                            [&](const std::string& text) { return shift_years(text, *re, delta); });
            }
        }
    }

    workbook.properties.created = workbook.properties.modified = now_w3cdtf();
    if (!options.satker.empty()) workbook.properties.subject = options.satker;
    return report;
}

}  // namespace kinerja
