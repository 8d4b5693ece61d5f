// Issue 16: what the model does not express is carried from the source file into the output
// (charts, chart sheets, shapes, Excel tables, pivot tables, sparklines, external links, VBA,
// custom XML, custom document properties), and survives a second fill part for part.
// Fixtures: tests/fixtures/carry (regenerate.sh), made with libxlsxwriter, LibreOffice,
// Gnumeric and by hand.
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "read/read.hpp"
#include "support/support.hpp"
#include "write/write.hpp"

namespace fs = std::filesystem;
using namespace kinerja;
using kinerja::test::ScratchDir;

namespace {

fs::path fixtures() {
    return kinerja::test::test_dir() / "fixtures" / "carry";
}

std::vector<fs::path> fixture_files() {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(fixtures()))
        if (e.path().extension() == ".xlsx" || e.path().extension() == ".xlsm")
            files.push_back(e.path());
    std::sort(files.begin(), files.end());
    return files;
}

std::string describe(const std::vector<DroppedPart>& dropped) {
    std::string out;
    for (const auto& d : dropped) out += "\n  " + d.part + ": " + d.what;
    return out;
}

// Content type -> bytes of the carried parts: what must survive a fill.
std::multimap<std::string, std::string> carried_parts(const Workbook& wb) {
    std::multimap<std::string, std::string> out;
    if (!wb.carried) return out;
    for (const auto& [name, part] : wb.carried->parts) {
        // A chart's caches are refreshed from the cells when written: compare its presence.
        bool chart = part.content_type.ends_with("drawingml.chart+xml");
        out.emplace(part.content_type, chart ? std::string() : part.bytes);
    }
    return out;
}

std::vector<std::string> element_names(const Workbook& wb) {
    std::vector<std::string> out;
    for (const Sheet& s : wb.sheets)
        if (s.carried)
            for (const auto& e : s.carried->elements) out.push_back(s.name + ":" + e.name);
    if (wb.carried)
        for (const auto& e : wb.carried->workbook_elements) out.push_back("workbook:" + e.name);
    return out;
}

std::string unzip(const fs::path& file, const std::string& part) {
    return kinerja::test::run({"unzip", "-p", file.string(), part}).out;
}

std::string all_parts_matching(const fs::path& file, const std::string& pattern) {
    return kinerja::test::run({"unzip", "-p", file.string(), pattern}).out;
}

fs::path ooxml_check() {
    return kinerja::test::source_dir().parent_path() / "shared" / "tools" / "ooxml_check.py";
}

// The ERROR lines of ooxml_check.py for `file`, without the file and part names.
std::set<std::string> check_errors(const fs::path& file) {
    auto check = kinerja::test::run({"python3", ooxml_check().string(), "--quiet", file.string()});
    BOOST_TEST(check.exit_code <= 1, check.out << check.err);
    std::set<std::string> errors;
    std::size_t at = 0;
    const std::string& text = check.out;  // the summary line goes to stderr
    while ((at = text.find(": ERROR ", at)) != std::string::npos) {
        auto code = text.find(" [", at);
        auto end = text.find('\n', at);
        at += 8;
        if (code == std::string::npos || code > end) continue;
        errors.insert(text.substr(code, end == std::string::npos ? end : end - code));
    }
    return errors;
}

}  // namespace

BOOST_AUTO_TEST_CASE(fixtures_drop_nothing_and_survive_two_fills) {
    ScratchDir dir;
    auto files = fixture_files();
    BOOST_REQUIRE_GE(files.size(), 6u);
    for (const fs::path& file : files) {
        BOOST_TEST_CONTEXT(file.filename().string()) {
            Workbook first = read_workbook(file);
            BOOST_TEST(first.dropped.empty(), "dropped:" << describe(first.dropped));
            BOOST_REQUIRE(first.carried);
            fs::path out1 = dir / ("1-" + file.filename().string());
            WriteReport report = write_workbook(first, out1);
            // What the writer could not place of the carried parts (other drops, such as
            // Gnumeric's print area of a whole sheet, are not this test's).
            for (const DroppedPart& d : report.dropped)
                for (const char* kind : {"carried", "chart", "extLst", "VBA", "table"})
                    BOOST_TEST(d.what.find(kind) == std::string::npos, d.part << ": " << d.what);
            Workbook second = read_workbook(out1);
            BOOST_TEST(second.dropped.empty(), "dropped after a fill:" << describe(second.dropped));
            BOOST_REQUIRE(second.carried);
            BOOST_TEST((carried_parts(first) == carried_parts(second)));
            BOOST_TEST(element_names(first) == element_names(second),
                       boost::test_tools::per_element());
            BOOST_TEST(first.carried->table_names == second.carried->table_names,
                       boost::test_tools::per_element());
            BOOST_TEST(first.carried->external_links == second.carried->external_links);
            BOOST_TEST(first.carried->chart_sheets.size() == second.carried->chart_sheets.size());

            fs::path out2 = dir / ("2-" + file.filename().string());
            write_workbook(second, out2);
            Workbook third = read_workbook(out2);
            BOOST_TEST((carried_parts(second) == carried_parts(third)));
            BOOST_TEST(third.dropped.empty(),
                       "dropped after two fills:" << describe(third.dropped));

            // The schema and package check finds nothing in the outputs that the source did
            // not already have (a carried part is copied as it is, flaws included).
            if (fs::exists(ooxml_check())) {
                auto source = check_errors(file);
                for (const fs::path& out : {out1, out2})
                    for (const std::string& error : check_errors(out))
                        BOOST_TEST(source.count(error) == 1u, out.filename() << ": " << error);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(charts_tables_and_chart_sheet_keep_their_places) {
    ScratchDir dir;
    Workbook wb = read_workbook(fixtures() / "lxw-charts.xlsx");
    BOOST_REQUIRE(wb.carried);
    BOOST_TEST(wb.carried->table_names == std::vector<std::string>{"tblAnggaran"},
               boost::test_tools::per_element());
    BOOST_REQUIRE_EQUAL(wb.carried->chart_sheets.size(), 1u);
    BOOST_TEST(wb.carried->chart_sheets[0].name == "Grafik Capaian");
    BOOST_TEST(wb.carried->chart_sheets[0].after == "Data");

    // A fill changes a computed cell: the chart that plots it shows the new value.
    Sheet* data = wb.sheet("Data");
    BOOST_REQUIRE(data);
    Cell* capaian = data->find(1, 3);
    BOOST_REQUIRE(capaian && capaian->is_formula());
    capaian->value.number = 321.5;
    fs::path out = dir / "out.xlsx";
    write_workbook(wb, out);

    std::string workbook = unzip(out, "xl/workbook.xml");
    auto data_at = workbook.find("name=\"Data\""),
         chart_at = workbook.find("name=\"Grafik Capaian\""),
         table_at = workbook.find("name=\"Anggaran\"");
    BOOST_TEST((data_at < chart_at && chart_at < table_at));
    std::string charts = all_parts_matching(out, "xl/charts/chart*.xml");
    BOOST_TEST(charts.find("<c:v>321.5</c:v>") != std::string::npos);
    BOOST_TEST(charts.find("Data!$D$2:$D$6") != std::string::npos);
    std::string sheet = unzip(out, "xl/worksheets/sheet2.xml");
    BOOST_TEST(sheet.find("<tableParts") != std::string::npos);
    // The formula on the table stays a formula.
    BOOST_TEST(sheet.find("SUM(tblAnggaran[Realisasi])") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(shapes_pivots_sparklines_links_and_custom_parts_are_kept) {
    ScratchDir dir;
    Workbook wb = read_workbook(fixtures() / "hm-objects.xlsx");
    BOOST_REQUIRE(wb.carried);
    BOOST_TEST(wb.carried->external_links == 1u);
    const Sheet* data = wb.sheet("Data");
    BOOST_REQUIRE(data && data->carried);
    BOOST_TEST(data->carried->whole_drawing);
    BOOST_TEST(data->images.size() == 1u);  // the model still knows the picture
    fs::path out = dir / "out.xlsx";
    write_workbook(wb, out);
    std::string sheet = unzip(out, "xl/worksheets/sheet1.xml");
    BOOST_TEST(sheet.find("[1]Sumber!$A$1*2</f>") != std::string::npos);  // still a formula
    BOOST_TEST(sheet.find("sparklineGroup") != std::string::npos);
    std::string workbook = unzip(out, "xl/workbook.xml");
    BOOST_TEST(workbook.find("<externalReferences") < workbook.find("<definedNames"));
    BOOST_TEST(workbook.find("cacheId=\"7\"") != std::string::npos);
    BOOST_TEST(workbook.find(">[1]Sumber!$A$1</definedName>") != std::string::npos);
    std::string drawing = all_parts_matching(out, "xl/drawings/*.xml");
    BOOST_TEST(drawing.find("Sasaran strategis") != std::string::npos);
    BOOST_TEST(drawing.find("Catatan: data sementara") != std::string::npos);
    // The picture goes with the carried drawing, not a second time through libxlsxwriter.
    auto pictures = [&](const std::string& xml) {
        std::size_t n = 0;
        for (auto at = xml.find("<xdr:pic>"); at != std::string::npos;
             at = xml.find("<xdr:pic>", at + 1))
            ++n;
        return n;
    };
    BOOST_TEST(pictures(drawing) == 1u);
    BOOST_TEST(unzip(out, "docProps/custom.xml").find("Dinas Contoh") != std::string::npos);
    BOOST_TEST(unzip(out, "customXml/item1.xml").find("Dinas Contoh") != std::string::npos);
    BOOST_TEST(all_parts_matching(out, "xl/pivotTables/*.xml").find("PivotPagu") !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(vba_comes_back_in_an_xlsm_only) {
    ScratchDir dir;
    Workbook wb = read_workbook(fixtures() / "lxw-macro.xlsm");
    BOOST_REQUIRE(wb.carried);
    BOOST_TEST(wb.carried->vba);
    fs::path xlsm = dir / "out.xlsm";
    write_workbook(wb, xlsm);
    BOOST_TEST(unzip(xlsm, "\\[Content_Types\\].xml").find("macroEnabled.main+xml") !=
               std::string::npos);
    BOOST_TEST(!unzip(xlsm, "xl/vbaProject.bin").empty());
    // An .xlsx cannot hold macros: Excel would refuse the file. Reported, never silent.
    fs::path xlsx = dir / "out.xlsx";
    WriteReport report = write_workbook(wb, xlsx);
    std::string types = unzip(xlsx, "\\[Content_Types\\].xml");
    BOOST_TEST(types.find("spreadsheetml.sheet.main+xml") != std::string::npos);
    BOOST_TEST(types.find("macroEnabled") == std::string::npos);
    BOOST_TEST(std::any_of(report.dropped.begin(), report.dropped.end(),
                           [](const DroppedPart& d) { return d.what.find("VBA") == 0; }));
}

// Excel opens a file named .xlsm only when its package says macro-enabled, macros or not.
BOOST_AUTO_TEST_CASE(an_xlsm_is_macro_enabled_with_or_without_macros) {
    ScratchDir dir;
    Workbook plain = read_workbook(fixtures() / "lxw-charts.xlsx");
    fs::path xlsm = dir / "tanpa-makro.xlsm";
    write_workbook(plain, xlsm);
    std::string types = unzip(xlsm, "\\[Content_Types\\].xml");
    BOOST_TEST(types.find("macroEnabled.main+xml") != std::string::npos, types);
    BOOST_TEST(types.find("spreadsheetml.sheet.main+xml") == std::string::npos);
    BOOST_TEST(output_extension(plain) == ".xlsx");
}

// In memory (the service, the batch's staging) the workbook decides: macros make an .xlsm.
BOOST_AUTO_TEST_CASE(output_extension_follows_the_macros) {
    ScratchDir dir;
    Workbook wb = read_workbook(fixtures() / "lxw-macro.xlsm");
    BOOST_TEST(output_extension(wb) == ".xlsm");
    std::string bytes;
    write_workbook(wb, bytes);
    fs::path back = dir / "dari-memori.xlsm";
    std::ofstream(back, std::ios::binary) << bytes;
    BOOST_TEST(unzip(back, "\\[Content_Types\\].xml").find("macroEnabled.main+xml") !=
               std::string::npos);
    BOOST_TEST(!unzip(back, "xl/vbaProject.bin").empty());
}

BOOST_AUTO_TEST_CASE(libreoffice_opens_the_output_with_the_same_series_and_tables) {
    if (!kinerja::test::have_program("soffice")) return;
    ScratchDir dir;
    Workbook wb = read_workbook(fixtures() / "lxw-charts.xlsx");
    fs::path out = dir / "filled.xlsx";
    write_workbook(wb, out);
    fs::create_directories(dir / "lo");
    auto converted = kinerja::test::run(
        {"soffice", "-env:UserInstallation=file://" + (dir / "profile").string(), "--headless",
         "--norestore", "--convert-to", "xlsx", "--outdir", (dir / "lo").string(), out.string()});
    fs::path again = dir / "lo" / "filled.xlsx";
    BOOST_REQUIRE_MESSAGE(fs::exists(again), converted.out << converted.err);
    std::string charts = all_parts_matching(again, "xl/charts/chart*.xml");
    for (const char* ref : {"Data!$B$2:$B$6", "Data!$C$2:$C$6", "Data!$D$2:$D$6"})
        BOOST_TEST(charts.find(ref) != std::string::npos, ref);
    std::string tables = all_parts_matching(again, "xl/tables/*.xml");
    BOOST_TEST(tables.find("ref=\"A1:C5\"") != std::string::npos);
    Workbook back = read_workbook(again);
    BOOST_TEST(back.dropped.empty(), "dropped:" << describe(back.dropped));
}

// The source's theme is the output's: carried charts and shapes name its colours ("accent1"
// is 4F81BD in Office 2007's theme, 156082 in Office 2023's), and fonts with a theme scheme
// its fonts. Read verbatim, written over libxlsxwriter's default, read back the same.
BOOST_AUTO_TEST_CASE(the_workbooks_theme_is_kept) {
    ScratchDir dir;
    fs::path source = fixtures() / "lxw-charts.xlsx";
    Workbook wb = read_workbook(source);
    BOOST_REQUIRE(wb.theme);
    BOOST_TEST(*wb.theme == unzip(source, "xl/theme/theme1.xml"));
    std::string office_2023 = *wb.theme;
    for (auto [from, to] : {std::pair{"4F81BD", "156082"}, std::pair{"Cambria", "Aptos Display"}}) {
        auto at = office_2023.find(from);
        BOOST_REQUIRE(at != std::string::npos);
        office_2023.replace(at, std::string(from).size(), to);
    }
    wb.theme = std::make_shared<const std::string>(office_2023);
    fs::path out = dir / "tema.xlsx";
    WriteReport report = write_workbook(wb, out);
    BOOST_TEST(describe(report.dropped).find("theme of the workbook") == std::string::npos);
    BOOST_TEST(unzip(out, "xl/theme/theme1.xml") == office_2023);
    Workbook again = read_workbook(out);
    BOOST_REQUIRE(again.theme);
    BOOST_TEST(*again.theme == office_2023);
    // A workbook without one (Gnumeric's) gets libxlsxwriter's, as before.
    Workbook plain = read_workbook(fixtures() / "gnm-charts.xlsx");
    BOOST_TEST(!plain.theme);
    write_workbook(plain, dir / "polos.xlsx");
    BOOST_TEST(unzip(dir / "polos.xlsx", "xl/theme/theme1.xml").find("4F81BD") !=
               std::string::npos);
}
