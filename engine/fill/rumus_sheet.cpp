#include "fill/rumus_sheet.hpp"

#include <algorithm>
#include <sstream>

#include "tables/tables.hpp"

namespace kinerja {

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

Finding bad_cell(const Sheet& sheet, std::uint32_t row, std::uint32_t col, const Message& why) {
    return Finding::of(Rule::rumus_tidak_valid, sheet.name, row, col, why);
}

void read_settings(const Sheet& sheet, RumusOverrides& out) {
    for (const Cell& cell : sheet.cells) {
        if (cell.value.kind != CellValue::Kind::text) continue;
        std::string key = header_key(cell.value.text);
        std::string value = header_key(display_text(sheet, cell.row, cell.col + 1));
        if (value.empty()) continue;
        Settings& s = out.settings;
        auto bad = [&] {
            out.findings.push_back(
                bad_cell(sheet, cell.row, cell.col + 1,
                         {"Nilai pengaturan " + cell.value.text + " tidak dikenal: " + value,
                          "Unknown value for setting " + cell.value.text + ": " + value}));
        };
        if (key == "turun") {
            if (value == "permenpan")
                s.turun = TurunRule::permenpan;
            else if (value == "seed003")
                s.turun = TurunRule::seed003;
            else
                bad();
        } else if (key == "batasatas") {
            if (value == "tanpa")
                s.cap.reset();
            else if (value == "100" || value == "120" || value == "150")
                s.cap = std::stod(value);
            else
                bad();
        } else if (key == "pembulatan") {
            if (value == "truncate")
                s.rounding.mode = Rounding::Mode::truncate;
            else if (value == "round")
                s.rounding.mode = Rounding::Mode::round;
            else
                bad();
        } else if (key == "desimal") {
            if (value.size() == 1 && value[0] >= '0' && value[0] <= '6')
                s.rounding.decimals = value[0] - '0';
            else
                bad();
        } else if (key == "skala") {
            auto it = s.scales.find(value);
            if (it != s.scales.end())
                s.scale = it->second;
            else
                bad();
        }
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
    read_settings(*sheet, out);
    auto cols = find_header(*sheet);
    if (!cols) return out;
    std::uint32_t last = sheet->cells.back().row;
    auto text = [&](std::uint32_t r, const char* name) {
        auto it = cols->at.find(name);
        return it == cols->at.end() ? std::string() : display_text(*sheet, r, it->second);
    };
    // The indicator table ends at its first empty row; the settings may follow below it.
    for (std::uint32_t r = cols->row + 1; r <= last; ++r) {
        std::string id = text(r, "id");
        if (id.empty() && text(r, "nama").empty()) break;
        std::string arah_text = header_key(text(r, "arah"));
        if (text(r, "realisasi").empty() && !arah_text.empty()) {
            // No formula: the direction of an indicator outside the catalogue, by its name.
            std::string name = text(r, "nama").empty() ? id : text(r, "nama");
            out.settings.directions[normalize_indicator_name(name)] =
                arah_text == "turun" || arah_text == "menurun" ? Direction::turun : Direction::naik;
            continue;
        }
        if (id.empty() || !cols->at.count("realisasi")) {
            out.findings.push_back(bad_cell(
                *sheet, r, cols->at.count("id") ? cols->at.at("id") : cols->at.at("nama"),
                {"Baris ini perlu Id dan Realisasi (rumus indikator), atau Arah saja (arah "
                 "indikator di luar katalog).",
                 "This row needs an Id and a Realisasi (the indicator's formula), or only an "
                 "Arah (the direction of an indicator outside the catalogue)."}));
            continue;
        }
        Indicator ind;
        ind.id = id;
        ind.name = text(r, "nama").empty() ? id : text(r, "nama");
        if (!text(r, "satuan").empty()) ind.units.push_back(text(r, "satuan"));
        std::string arah = header_key(text(r, "arah"));
        ind.direction = arah == "turun" ? Direction::turun : Direction::naik;
        std::string periode = header_key(text(r, "periode"));
        ind.period = periode == "akhir"  ? PeriodCombine::akhir
                     : periode == "rata" ? PeriodCombine::rata
                                         : PeriodCombine::jumlah;
        std::vector<std::string> names = split_names(text(r, "variabel"));
        for (const auto& n : names) ind.inputs.push_back({n, n, std::nullopt, {}});
        ind.realisasi = text(r, "realisasi");
        ind.at = {workbook.sheets.empty() ? "" : sheet->name, static_cast<int>(r + 1), 1};
        try {
            Formula::parse(ind.realisasi, names);
        } catch (const FormulaError& e) {
            out.findings.push_back(
                bad_cell(*sheet, r, cols->at.at("realisasi"),
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

}  // namespace kinerja
