// Every catalogue formula written as a live Excel formula with the engine's value as cache;
// Gnumeric and LibreOffice, forced to recalculate, must show the same values.
#include <boost/test/unit_test.hpp>
#include <fstream>
#include <random>

#include "evaluate/evaluate.hpp"
#include "support/support.hpp"
#include "write/write.hpp"

using namespace kinerja;
using namespace kinerja::test;
namespace fs = std::filesystem;

namespace {

struct Expected {
    std::uint32_t row, col;
    std::string text;   // as displayed: "94.11", "-", "AA"
    int decimals = -1;  // for numbers
    std::string what;
};

std::string shown(double value, int decimals) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    std::string text = buffer;
    if (text[0] == '-' && text.find_first_not_of("-0.") == std::string::npos)
        text.erase(0, 1);  // "-0.00"
    return text;
}

Cell text_cell(std::uint32_t row, std::uint32_t col, const std::string& text) {
    Cell c;
    c.row = row;
    c.col = col;
    c.value.kind = CellValue::Kind::text;
    c.value.text = text;
    return c;
}

Cell number_cell(std::uint32_t row, std::uint32_t col, double value) {
    if (is_na(value)) return text_cell(row, col, "-");
    Cell c;
    c.row = row;
    c.col = col;
    c.value.kind = CellValue::Kind::number;
    c.value.number = value;
    return c;
}

// Inputs for one test row of an indicator: realistic counts, decimals, the 0.285 trap,
// a not-applicable input ("-"), all zeros, and a blank input (the last case: its not-applicable
// input is left out of the sheet).
std::vector<std::vector<double>> cases_for(const Indicator& ind, std::mt19937& random) {
    std::size_t n = ind.inputs.size();
    std::vector<std::vector<double>> cases;
    std::vector<double> counts, decimals, trap(n, 1.0), missing, zeros(n, 0.0);
    for (std::size_t k = 0; k < n; ++k) {
        counts.push_back(static_cast<double>(random() % 2000 + 1));
        // Any two-decimal input, 84.57 included: the writer stores each number in its
        // shortest exact form, which Gnumeric and LibreOffice read back as the same double.
        decimals.push_back(static_cast<double>(random() % 10000) / 100);
    }
    trap[0] = 0.285;
    missing = counts;
    missing[0] = na;
    return {counts, decimals, trap, missing, zeros, missing};
}

struct Sheetful {
    Workbook workbook;
    std::vector<Expected> expected;
};

Sheetful build() {
    Catalogue catalogue = load_catalogue(default_formulas_dir() / "indikator.toml");
    CompiledCatalogue compiled(catalogue,
                               load_settings(default_formulas_dir() / "pengaturan.toml"));
    Evaluator evaluator(compiled);
    Sheetful out;
    Workbook& wb = out.workbook;
    wb.sheets.emplace_back();
    Sheet& sheet = wb.sheets.back();
    sheet.name = "Data";
    std::size_t widest = 0;
    for (const auto& ind : catalogue.indicators) widest = std::max(widest, ind.inputs.size());
    const std::uint32_t target_col = static_cast<std::uint32_t>(1 + widest);
    const std::uint32_t realisasi_col = target_col + 1, capaian_col = target_col + 2,
                        kategori_col = target_col + 3;
    // A header row: CSV exporters may leave out leading empty rows.
    sheet.put(text_cell(0, 0, "id"));
    sheet.put(text_cell(0, target_col, "target"));
    sheet.put(text_cell(0, realisasi_col, "realisasi"));
    sheet.put(text_cell(0, capaian_col, "capaian"));
    sheet.put(text_cell(0, kategori_col, "kategori"));
    std::mt19937 random(7);
    std::uint32_t row = 1;
    const double targets[] = {80, 95.5, 85, 80, 0, 90};
    for (std::size_t i = 0; i < compiled.size(); ++i) {
        const Indicator& ind = compiled.indicator(i);
        int decimals = compiled.rounding(i).decimals;
        Style number_style;
        number_style.num_format =
            decimals == 0 ? "0" : "0." + std::string(static_cast<std::size_t>(decimals), '0');
        std::uint32_t style = wb.intern_style(number_style);
        auto cases = cases_for(ind, random);
        for (std::size_t c = 0; c < cases.size(); ++c, ++row) {
            const auto& inputs = cases[c];
            std::string what = ind.id + " case " + std::to_string(c);
            sheet.put(text_cell(row, 0, ind.id));
            CellMap cells;
            for (std::size_t k = 0; k < inputs.size(); ++k) {
                auto col = static_cast<std::uint32_t>(1 + k);
                bool blank = c + 1 == cases.size() && is_na(inputs[k]);
                if (!blank) sheet.put(number_cell(row, col, inputs[k]));
                cells[ind.inputs[k].name] = cell_name(row, col);
            }
            double target = targets[c];
            sheet.put(number_cell(row, target_col, target));
            cells["target"] = cell_name(row, target_col);
            cells["realisasi"] = cell_name(row, realisasi_col);
            ExcelFormula r = excel_realisasi(evaluator, i, cells, inputs);
            double realisasi = r.cached.kind == CellValue::Kind::number ? r.cached.number : na;
            ExcelFormula cap = excel_capaian(evaluator, i, cells, realisasi, target, inputs);
            double capaian = cap.cached.kind == CellValue::Kind::number ? cap.cached.number : na;
            ExcelFormula kat =
                excel_kategori(compiled.settings().scale, cell_name(row, capaian_col), capaian);
            const std::pair<std::uint32_t, ExcelFormula*> formulas[] = {
                {realisasi_col, &r}, {capaian_col, &cap}, {kategori_col, &kat}};
            for (const auto& [col, f] : formulas) {
                Cell cell;
                cell.row = row;
                cell.col = col;
                cell.formula = f->formula;
                cell.value = f->cached;
                cell.style = col == kategori_col ? 0 : style;
                sheet.put(cell);
                bool number = f->cached.kind == CellValue::Kind::number;
                out.expected.push_back(
                    {row, col, number ? shown(f->cached.number, decimals) : f->cached.text,
                     number ? decimals : -1, what + " col " + std::to_string(col)});
            }
        }
    }
    // A canary with a wrong cache: proves the program really recalculated.
    Cell canary;
    canary.row = row;
    canary.col = 0;
    canary.formula = "1+1";
    canary.value.kind = CellValue::Kind::number;
    canary.value.number = 99;
    sheet.put(canary);
    out.expected.push_back({row, 0, "2", 0, "recalculation canary"});
    return out;
}

std::vector<std::vector<std::string>> read_csv(const fs::path& file) {
    std::vector<std::vector<std::string>> rows;
    std::string text = read_file(file);
    std::vector<std::string> row;
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            row.push_back(field);
            field.clear();
        } else if (c == '\n') {
            row.push_back(field);
            rows.push_back(row);
            row.clear();
            field.clear();
        } else if (c != '\r') {
            field += c;
        }
    }
    if (!field.empty() || !row.empty()) {
        row.push_back(field);
        rows.push_back(row);
    }
    return rows;
}

void compare(const Sheetful& sheet, const fs::path& csv, const std::string& program) {
    auto rows = read_csv(csv);
    int compared = 0;
    for (const auto& e : sheet.expected) {
        BOOST_TEST_CONTEXT(program << ": " << e.what) {
            BOOST_REQUIRE(e.row < rows.size());
            BOOST_REQUIRE(e.col < rows[e.row].size());
            std::string got = rows[e.row][e.col];
            if (e.decimals >= 0) {
                char* end = nullptr;
                double value = std::strtod(got.c_str(), &end);
                BOOST_TEST(end != got.c_str(), "not a number: '" << got << "'");
                got = shown(value, e.decimals);
            }
            BOOST_TEST(got == e.text);
            ++compared;
        }
    }
    BOOST_TEST(compared > 400);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(interop)

BOOST_AUTO_TEST_CASE(gnumeric_recalculates_every_catalogue_formula_to_the_cached_value) {
    if (!have_program("ssconvert")) {
        BOOST_TEST_MESSAGE("ssconvert (gnumeric) is not installed: recalculation check not run");
        return;
    }
    Sheetful sheet = build();
    ScratchDir scratch;
    write_workbook(sheet.workbook, scratch / "rumus.xlsx");
    RunResult result = run({"ssconvert", "--recalc", "-T", "Gnumeric_stf:stf_assistant", "-O",
                            "separator=, format=raw eol=unix", (scratch / "rumus.xlsx").string(),
                            (scratch / "rumus.csv").string()});
    BOOST_REQUIRE_MESSAGE(result.exit_code == 0, "ssconvert: " << result.err);
    compare(sheet, scratch / "rumus.csv", "gnumeric");
}

BOOST_AUTO_TEST_CASE(libreoffice_recalculates_every_catalogue_formula_to_the_cached_value) {
    if (!have_program("soffice")) {
        BOOST_TEST_MESSAGE("soffice (LibreOffice) is not installed: recalculation check not run");
        return;
    }
    Sheetful sheet = build();
    ScratchDir scratch;
    write_workbook(sheet.workbook, scratch / "rumus.xlsx");
    // A profile that always recalculates OOXML files on load; by default the cache is shown.
    fs::create_directories(scratch / "profile" / "user");
    std::ofstream(scratch / "profile" / "user" / "registrymodifications.xcu")
        << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<oor:items xmlns:oor=\"http://openoffice.org/2001/registry\" "
           "xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" "
           "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
           "<item oor:path=\"/org.openoffice.Office.Calc/Formula/Load\">"
           "<prop oor:name=\"OOXMLRecalcMode\" oor:op=\"fuse\"><value>0</value></prop></item>\n"
           "</oor:items>\n";
    RunResult result =
        run({"soffice", "-env:UserInstallation=file://" + (scratch / "profile").string(),
             "--headless", "--convert-to", "csv", "--outdir", scratch.path().string(),
             (scratch / "rumus.xlsx").string()});
    BOOST_REQUIRE_MESSAGE(result.exit_code == 0, "soffice: " << result.err);
    compare(sheet, scratch / "rumus.csv", "libreoffice");
}

BOOST_AUTO_TEST_SUITE_END()
