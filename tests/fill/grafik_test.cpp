// `kinerja fill --grafik`: the Grafik sheet's table reads the filled capaian live, the chart
// is in the output, filling again gives the same bytes, a fill without the option removes
// Kinerja's Grafik but never a user's own, and LibreOffice opens it with the same values.
#include <boost/test/unit_test.hpp>
#include <cmath>

#include "pipeline/pipeline.hpp"
#include "read/read.hpp"
#include "support/recalc.hpp"
#include "support/support.hpp"

namespace fs = std::filesystem;
using namespace kinerja;
using namespace kinerja::test;

namespace {

const fs::path muara_enim = source_dir() / "samples" / "lapas-muara-enim-2023-lkjip.xlsx";

std::string part(const fs::path& file, const std::string& name) {
    RunResult r = run({"unzip", "-p", file.string(), name});
    BOOST_REQUIRE_MESSAGE(r.exit_code == 0, "no part " << name << " in " << file);
    return r.out;
}

bool has_dropped_chart(const RunReport& r) {
    for (const DroppedPart& d : r.dropped)
        if (d.what == "chart") return true;
    return false;
}

const Sheet& grafik_of(const Workbook& wb, const std::string& name = "Grafik") {
    const Sheet* s = wb.sheet(name);
    BOOST_REQUIRE_MESSAGE(s, "no sheet " << name);
    return *s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(fill_grafik)

BOOST_AUTO_TEST_CASE(grafik_links_each_indicator_to_its_filled_capaian) {
    Engine engine = Engine::load(default_formulas_dir());
    Workbook wb = read_workbook(muara_enim);
    FillOptions options;
    options.grafik = true;
    RunReport r = process(engine, wb, options);
    BOOST_TEST(r.fill.grafik_sheet == "Grafik");
    const Sheet& g = grafik_of(wb);
    BOOST_TEST_REQUIRE(g.charts.size() == 1u);
    const Chart& chart = g.charts[0];
    BOOST_TEST_REQUIRE(chart.series.size() == 2u);
    BOOST_TEST(chart.series[1].line);  // the 100% target over the columns
    BOOST_TEST(g.page.orientation == "landscape");
    BOOST_TEST(g.page.fit_to_page);
    BOOST_TEST(g.page.fit_width == 1);

    // Every row of the table: capaian = the source capaian cell, in percent; target 100.
    int linked = 0, above_50 = 0;
    for (const Cell& c : g.cells) {
        if (c.col != 2 || !c.is_formula()) continue;
        BOOST_TEST_CONTEXT(cell_name(c.row, c.col) << " =" << c.formula) {
            const Cell* source_text = g.find(c.row, 4);
            BOOST_TEST_REQUIRE(source_text);
            std::string where = source_text->value.text;  // "Capaian 2023!F7"
            std::size_t bang = where.rfind('!');
            const Sheet* source = wb.sheet(where.substr(0, bang));
            BOOST_TEST_REQUIRE(source);
            std::uint32_t row = 0, col = 0;
            BOOST_TEST_REQUIRE(parse_cell_name(where.substr(bang + 1), row, col));
            const Cell* capaian = source->find(row, col);
            BOOST_TEST_REQUIRE(capaian);
            BOOST_TEST(capaian->is_formula());  // the filled, live capaian
            BOOST_TEST(c.formula.find("'" + source->name + "'!" + cell_name(row, col)) !=
                       std::string::npos);
            if (capaian->value.kind == CellValue::Kind::number) {
                bool percent = c.formula.find("*100") != std::string::npos;
                double want = capaian->value.number * (percent ? 100 : 1);
                BOOST_TEST((c.value.kind == CellValue::Kind::number));
                BOOST_TEST(std::fabs(c.value.number - want) < 1e-9);
                above_50 += c.value.number > 50.0;  // percent units, not fractions
            }
            const Cell* target = g.find(c.row, 3);
            BOOST_TEST_REQUIRE(target);
            BOOST_TEST(target->value.number == 100.0);
            ++linked;
        }
    }
    BOOST_TEST(linked >= 5);
    BOOST_TEST(above_50 >= linked / 2);
    // Each indicator once, from the 2023 tables (not the 2022 comparison).
    BOOST_TEST(chart.series[0].values.find("'Grafik'!$C$") == 0u);
}

BOOST_AUTO_TEST_CASE(the_chart_is_written_and_filling_again_gives_the_same_bytes) {
    ScratchDir dir;
    Engine engine = Engine::load(default_formulas_dir());
    FillOptions options;
    options.grafik = true;
    fs::path once = dir / "once.xlsx", twice = dir / "twice.xlsx";
    fill_workbook(engine, muara_enim, once, options);
    std::string xml = part(once, "xl/charts/chart1.xml");
    BOOST_TEST(xml.find("<c:barChart>") != std::string::npos);
    BOOST_TEST(xml.find("<c:lineChart>") != std::string::npos);
    BOOST_TEST(xml.find("<c:f>Grafik!$C$") != std::string::npos);
    BOOST_TEST(xml.find("<c:numCache>") != std::string::npos);

    RunReport again = fill_workbook(engine, once, twice, options);
    BOOST_TEST(!has_dropped_chart(again));  // our own chart is rebuilt, not lost
    BOOST_TEST(again.dropped.empty());      // nor anything else: the sample has nothing to lose
    BOOST_TEST(file_digest(once) == file_digest(twice));

    // Without --grafik, Kinerja's Grafik goes, silently: it is output, not the user's.
    fs::path plain = dir / "plain.xlsx";
    RunReport without = fill_workbook(engine, once, plain, {});
    BOOST_TEST(!has_dropped_chart(without));
    Workbook back = read_workbook(plain);
    BOOST_TEST(back.sheet("Grafik") == nullptr);
    for (const DefinedName& n : back.names) BOOST_TEST(n.name != "_Kinerja_Grafik");
    fs::path direct = dir / "direct.xlsx";
    fill_workbook(engine, muara_enim, direct, {});
    BOOST_TEST(file_digest(plain) == file_digest(direct));
    // And asked again on a filled workbook without one, the same as the first time.
    fs::path late = dir / "late.xlsx";
    RunReport asked_later = fill_workbook(engine, plain, late, options);
    BOOST_TEST(asked_later.dropped.empty());
    BOOST_TEST(file_digest(late) == file_digest(once));
}

BOOST_AUTO_TEST_CASE(a_users_own_grafik_sheet_is_kept) {
    Engine engine = Engine::load(default_formulas_dir());
    Workbook wb = read_workbook(muara_enim);
    Sheet own;
    own.name = "Grafik";
    Cell note;
    note.value.kind = CellValue::Kind::text;
    note.value.text = "grafik buatan saya";
    own.put(note);
    wb.sheets.insert(wb.sheets.begin(), own);
    FillOptions options;
    options.grafik = true;
    RunReport r = process(engine, wb, options);
    BOOST_TEST(r.fill.grafik_sheet == "Grafik Kinerja");
    BOOST_TEST(grafik_of(wb).find(0, 0)->value.text == "grafik buatan saya");
    BOOST_TEST(grafik_of(wb, "Grafik Kinerja").charts.size() == 1u);
    // A second fill removes and rebuilds only ours.
    RunReport again = process(engine, wb, options);
    BOOST_TEST(again.fill.grafik_sheet == "Grafik Kinerja");
    BOOST_TEST(grafik_of(wb).find(0, 0)->value.text == "grafik buatan saya");
    int ours = 0;
    for (const Sheet& s : wb.sheets) ours += s.name == "Grafik Kinerja";
    BOOST_TEST(ours == 1);
    // Both names the user's: no chart, and a message saying why (not a silent nothing).
    // Unmarked, "Grafik Kinerja" is the user's own sheet too.
    std::erase_if(wb.names, [](const DefinedName& n) { return n.name == "_Kinerja_Grafik"; });
    for (Sheet& s : wb.sheets)
        if (s.name == "Grafik Kinerja") s.charts.clear();
    RunReport blocked = process(engine, wb, options);
    BOOST_TEST(blocked.fill.grafik_sheet.empty());
    BOOST_TEST_REQUIRE(blocked.fill.grafik_problem.has_value());
    BOOST_TEST(blocked.fill.grafik_problem->id.find("Ganti nama") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(libreoffice_opens_the_grafik_with_the_same_values) {
    ScratchDir dir;
    Engine engine = Engine::load(default_formulas_dir());
    FillOptions options;
    options.grafik = true;
    fs::path out = dir / "grafik.xlsx";
    fill_workbook(engine, muara_enim, out, options);
    auto converted = recalc_with_libreoffice({out}, dir / "recalc");
    if (converted.empty()) {
        BOOST_TEST_MESSAGE("soffice not installed: LibreOffice check skipped");
        return;
    }
    Workbook ours = read_workbook(out), theirs = read_workbook(converted.at(0));
    const Sheet& a = grafik_of(ours);
    const Sheet& b = grafik_of(theirs);
    int compared = 0;
    for (const Cell& c : a.cells) {
        if (!c.is_formula() || c.value.kind != CellValue::Kind::number) continue;
        const Cell* o = b.find(c.row, c.col);
        BOOST_TEST_REQUIRE(o);
        BOOST_TEST(std::fabs(o->value.number - c.value.number) < 1e-9, cell_name(c.row, c.col));
        ++compared;
    }
    BOOST_TEST(compared >= 5);
    // LibreOffice kept a chart on the sheet (read back as a carried part, issue 16).
    bool chart = false;
    if (theirs.carried)
        for (const auto& [name, p] : theirs.carried->parts)
            chart = chart || p.content_type.ends_with("drawingml.chart+xml");
    BOOST_TEST(chart);
}

BOOST_AUTO_TEST_SUITE_END()
