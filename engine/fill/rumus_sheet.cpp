#include "fill/rumus_sheet.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "tables/tables.hpp"

namespace kinerja::fill_detail {

namespace {

struct Columns {
    std::uint32_t row = 0;
    std::map<std::string, std::uint32_t> at;  // "id", "nama", ... -> column
};

std::optional<Columns> find_header(const Sheet& sheet) {
    std::uint32_t first = sheet.cells.empty() ? 0 : sheet.cells.front().row;
    for (std::uint32_t r = first; r < first + 20; ++r) {
        Columns cols{r, {}};
        for (std::uint32_t c = 0; c < 30; ++c) {
            std::string k = header_key(display_text(sheet, r, c));
            for (const char* name :
                 {"id", "nama", "satuan", "arah", "periode", "variabel", "realisasi"})
                if (k == name || (std::string(name) == "variabel" && k == "masukan") ||
                    (std::string(name) == "id" && k == "idindikator"))
                    cols.at.emplace(name, c);
        }
        // Id and Realisasi define indicators; Nama (or Id) and Arah alone give the direction
        // of indicators outside the catalogue.
        if ((cols.at.count("id") || cols.at.count("nama")) &&
            (cols.at.count("realisasi") || cols.at.count("arah")))
            return cols;
    }
    return std::nullopt;
}

std::vector<std::string> split_names(const std::string& text) {
    std::vector<std::string> names;
    std::string current;
    for (char ch : text + ";") {
        if (ch == ';' || ch == ',' || ch == '\n') {
            current.erase(0, current.find_first_not_of(" \t"));
            current.erase(current.find_last_not_of(" \t") + 1);
            if (!current.empty()) names.push_back(current);
            current.clear();
        } else {
            current += ch;
        }
    }
    return names;
}

RumusProblem bad_cell(const Sheet& sheet, std::uint32_t row, std::uint32_t col,
                      const Message& why) {
    return {{sheet.name, row, col}, why};
}

// The sheet's cells as entries for the CatalogueBuilder: each problem is a RumusProblem at
// its cell, and words compare as the workbook's headers do (any case, spacing, punctuation).
class SheetEntries final : public EntrySource {
public:
    SheetEntries(const Sheet& sheet, std::vector<RumusProblem>& problems)
        : sheet_(sheet), problems_(problems) {}

    // The value shown at (row, col); nullopt when the cell says nothing.
    std::optional<Entry> at(std::uint32_t row, std::uint32_t col) const {
        std::string shown = display_text(sheet_, row, col);
        if (header_key(shown).empty()) return std::nullopt;
        Entry e;
        double x = 0;
        const char* end = shown.data() + shown.size();
        auto [stop, ec] = std::from_chars(shown.data(), end, x);
        if (ec == std::errc() && stop == end && std::isfinite(x)) {
            e.number = x;  // "100" typed as text is the number a sheet shows
            e.whole = x == std::trunc(x);
        }
        e.text = std::move(shown);
        e.at = {sheet_.name, static_cast<int>(row) + 1, static_cast<int>(col) + 1};
        return e;
    }

    void report(const Entry& entry, Message message) override {
        problems_.push_back(bad_cell(sheet_, static_cast<std::uint32_t>(entry.at.line - 1),
                                     static_cast<std::uint32_t>(entry.at.column - 1), message));
    }
    std::string word(std::string_view text) const override { return header_key(text); }

private:
    const Sheet& sheet_;
    std::vector<RumusProblem>& problems_;
};

// Where the indicator table is: its rows, header to the last indicator, and its columns up to
// the header's last label. Settings are read from every other cell.
struct Region {
    std::uint32_t first_row = 0, last_row = 0, last_col = 0;
    bool holds(const Cell& cell) const {
        return cell.row >= first_row && cell.row <= last_row && cell.col <= last_col;
    }
};

// A two-column Pengaturan | Nilai table: each label the builder knows as a setting, with the
// value to its right.
void read_settings(const Sheet& sheet, const std::optional<Region>& table, SheetEntries& entries,
                   CatalogueBuilder& build, Settings& settings) {
    for (const Cell& cell : sheet.cells) {
        if (cell.value.kind != CellValue::Kind::text) continue;
        if (table && table->holds(cell)) continue;
        if (auto value = entries.at(cell.row, cell.col + 1))
            build.set(settings, cell.value.text, *value);
    }
}

}  // namespace

std::optional<RumusOverrides> read_rumus_sheet(const Workbook& workbook, const Settings& base) {
    const Sheet* sheet = nullptr;
    for (const Sheet& s : workbook.sheets)
        if (header_key(s.name) == "rumus") sheet = &s;
    if (!sheet) return std::nullopt;
    RumusOverrides out;
    out.settings = base;
    SheetEntries entries(*sheet, out.problems);
    CatalogueBuilder build(entries);
    auto cols = find_header(*sheet);
    auto column = [&](const char* name) -> std::optional<std::uint32_t> {
        auto it = cols->at.find(name);
        if (it == cols->at.end()) return std::nullopt;
        return it->second;
    };
    auto text = [&](std::uint32_t r, const char* name) {
        auto c = column(name);
        return c ? display_text(*sheet, r, *c) : std::string();
    };
    // The indicator table ends at its first empty row; the settings may follow below it.
    std::optional<Region> table;
    if (cols) {
        table = Region{cols->row, cols->row, 0};
        for (std::uint32_t c = 0; c < 30; ++c)
            if (!display_text(*sheet, cols->row, c).empty()) table->last_col = c;
        std::uint32_t last = sheet->cells.back().row;
        while (table->last_row < last && (!text(table->last_row + 1, "id").empty() ||
                                          !text(table->last_row + 1, "nama").empty()))
            ++table->last_row;
    }
    read_settings(*sheet, table, entries, build, out.settings);
    if (!cols) return out;
    for (std::uint32_t r = cols->row + 1; r <= table->last_row; ++r) {
        std::string id = text(r, "id");
        auto arah = column("arah") ? entries.at(r, *column("arah")) : std::nullopt;
        if (text(r, "realisasi").empty() && arah) {
            // No formula: the direction of an indicator outside the catalogue, by its name.
            std::string name = text(r, "nama").empty() ? id : text(r, "nama");
            if (auto d = build.direction(*arah))
                out.settings.directions[normalize_indicator_name(name)] = *d;
            continue;
        }
        if (id.empty() || !column("realisasi")) {
            out.problems.push_back(bad_cell(
                *sheet, r, column("id") ? *column("id") : *column("nama"),
                {"Baris ini perlu Id dan Realisasi (rumus indikator), atau Arah saja (arah "
                 "indikator di luar katalog).",
                 "This row needs an Id and a Realisasi (the indicator's formula), or only an "
                 "Arah (the direction of an indicator outside the catalogue)."}));
            continue;
        }
        Indicator ind;
        int problems = build.problems();
        for (const char* key : {"id", "nama", "satuan", "arah", "periode"})
            if (auto c = column(key))
                if (auto value = entries.at(r, *c)) build.set(ind, key, *value);
        if (build.problems() != problems) continue;  // the row is refused at its cells
        if (ind.name.empty()) ind.name = id;
        ind.realisasi = text(r, "realisasi");
        std::vector<std::string> names = split_names(text(r, "variabel"));
        for (const auto& n : names) ind.inputs.push_back({n, n, std::nullopt, {}});
        ind.at = {sheet->name, static_cast<int>(r + 1), 1};
        try {
            Formula::parse(ind.realisasi, names);
        } catch (const FormulaError& e) {
            out.problems.push_back(
                bad_cell(*sheet, r, *column("realisasi"),
                         {"Rumus indikator " + id + " tidak dapat dipakai: " + e.describe(Lang::id),
                          "The formula of " + id + " cannot be used: " + e.describe(Lang::en)}));
            continue;
        }
        out.indicators.push_back(std::move(ind));
    }
    return out;
}

Catalogue apply_overrides(const Catalogue& catalogue, const RumusOverrides& overrides) {
    Catalogue merged = catalogue;
    for (const Indicator& ind : overrides.indicators) {
        auto it = std::find_if(merged.indicators.begin(), merged.indicators.end(),
                               [&](const Indicator& i) { return i.id == ind.id; });
        if (it != merged.indicators.end()) {
            Indicator replaced = ind;
            replaced.variants = it->variants;  // the sheet's name adds to the known spellings
            replaced.variants.push_back(it->name);
            *it = std::move(replaced);
        } else {
            merged.indicators.push_back(ind);
        }
    }
    return merged;
}

}  // namespace kinerja::fill_detail

namespace kinerja {

using namespace fill_detail;

WorkbookCatalogue catalogue_for(const Workbook& workbook,
                                std::shared_ptr<const CompiledCatalogue> compiled,
                                std::shared_ptr<const IndicatorMatcher> matcher) {
    WorkbookCatalogue out{compiled, matcher, {}};
    auto rumus = read_rumus_sheet(workbook, compiled->settings());
    if (!rumus) return out;
    out.problems = std::move(rumus->problems);
    Catalogue merged = apply_overrides(compiled->catalogue(), *rumus);
    try {
        out.matcher = std::make_shared<const IndicatorMatcher>(merged);
        out.compiled =
            std::make_shared<const CompiledCatalogue>(std::move(merged), rumus->settings);
    } catch (const InputError& e) {
        out.problems.push_back({{"Rumus", 0, 0},
                                {"Sheet Rumus tidak dapat dipakai: " + e.reason().id,
                                 "The Rumus sheet cannot be used: " + e.reason().en}});
        out.compiled = std::move(compiled);
        out.matcher = std::move(matcher);
    }
    return out;
}

}  // namespace kinerja
