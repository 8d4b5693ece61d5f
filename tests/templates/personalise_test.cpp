// Putting the satker and the year into a workbook started from a template, or from any
// workbook used as one (the samples).
#include <boost/test/unit_test.hpp>

#include "read/read.hpp"
#include "template_test_util.hpp"
#include "templates/templates.hpp"

using namespace kinerja;
using namespace kinerja::test;

namespace {

std::size_t cells_with(const Workbook& wb, const std::string& needle) {
    std::size_t n = 0;
    for (const Sheet& s : wb.sheets)
        for (const Cell& c : s.cells)
            n += c.value.kind == CellValue::Kind::text &&
                 c.value.text.find(needle) != std::string::npos;
    return n;
}

// The cells whose value differs between two reads of the same workbook, as "Sheet!A1".
std::vector<std::string> changed_cells(const Workbook& before, const Workbook& after) {
    std::vector<std::string> changed;
    BOOST_REQUIRE_EQUAL(before.sheets.size(), after.sheets.size());
    for (std::size_t i = 0; i < before.sheets.size(); ++i) {
        const Sheet& a = before.sheets[i];
        const Sheet& b = after.sheets[i];
        BOOST_REQUIRE_EQUAL(a.cells.size(), b.cells.size());
        for (std::size_t j = 0; j < a.cells.size(); ++j)
            if (!(a.cells[j].value == b.cells[j].value))
                changed.push_back(a.name + "!" + cell_name(a.cells[j].row, a.cells[j].col));
    }
    return changed;
}

const std::string kerobokan = "LEMBAGA PEMASYARAKATAN KELAS IIA KEROBOKAN";

}  // namespace

BOOST_AUTO_TEST_SUITE(personalise_workbook)

BOOST_AUTO_TEST_CASE(every_template_gets_the_satker_and_year_in_its_titles) {
    for (const ExpectedTemplate& e : expected_templates()) {
        BOOST_TEST_CONTEXT(e.name) {
            Workbook wb = read_workbook(templates_dir() / (e.name + ".xlsx"));
            const Workbook original = wb;
            std::size_t placeholders = cells_with(wb, std::string(satker_placeholder));
            BOOST_TEST(placeholders >= 1u);
            NewWorkbookReport r = personalise(wb, {kerobokan, 2024});
            BOOST_TEST(r.satker_cells == placeholders);
            BOOST_TEST(r.tahun_cells >= 1u);
            BOOST_TEST(cells_with(wb, std::string(satker_placeholder)) == 0u);
            BOOST_TEST(cells_with(wb, "2025") == 0u);
            BOOST_TEST(cells_with(wb, kerobokan) == placeholders);
            // Only title cells changed: as many as hold the satker or a year.
            BOOST_TEST(changed_cells(original, wb).size() <= placeholders + r.tahun_cells);
            BOOST_TEST(wb.properties.subject == kerobokan);
            BOOST_TEST(wb.properties.created != original.properties.created);
            for (const Table& t : find_tables(wb)) {
                BOOST_TEST(t.satker == kerobokan, t.sheet);
                BOOST_TEST(t.tahun.value_or(0) == 2024, t.sheet);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(without_options_the_cells_stay_as_they_are) {
    Workbook wb = read_workbook(templates_dir() / "rka-satker.xlsx");
    const Workbook original = wb;
    NewWorkbookReport r = personalise(wb, {});
    BOOST_TEST(r.satker_cells == 0u);
    BOOST_TEST(r.tahun_cells == 0u);
    BOOST_TEST(changed_cells(original, wb).empty());
    BOOST_TEST(cells_with(wb, "T.A 2025") == 1u);
}

BOOST_AUTO_TEST_CASE(the_rka_header_year_follows_the_title_year) {
    Workbook wb = read_workbook(templates_dir() / "rka-satker.xlsx");
    personalise(wb, {"BAPAS MATARAM", 2026});
    const Sheet* s = wb.sheet("RKA Satker Bagian A");
    BOOST_TEST(display_text(*s, 1, 0) == "TAHUN ANGGARAN 2026");
    BOOST_TEST(display_text(*s, 7, 1) == ": BAPAS MATARAM");
    BOOST_TEST(display_text(*s, 11, 2) == "ALOKASI ANGGARAN T.A 2026");
}

BOOST_AUTO_TEST_CASE(a_sample_workbook_serves_as_a_template) {
    // No placeholder: the satker the title names is replaced, the data rows are not touched.
    {
        Workbook wb =
            read_workbook(source_dir() / "samples" / "lapas-kerobokan-2024-rencana-aksi.xlsx");
        const Workbook original = wb;
        NewWorkbookReport r = personalise(wb, {"LAPAS KELAS IIA SINGARAJA", 2026});
        const Sheet* s = wb.sheet("Rencana Aksi 2024");
        BOOST_TEST_REQUIRE(s);
        BOOST_TEST(display_text(*s, 2, 0) == "LAPAS KELAS IIA SINGARAJA");
        BOOST_TEST(display_text(*s, 1, 0) == "RENCANA AKSI PERJANJIAN KINERJA TAHUN ANGGARAN 2026");
        BOOST_TEST(display_text(*s, 0, 0) ==
                   "RENCANA KEGIATAN PERJANJIAN KINERJA DILINGKUNGAN KEMENTERIAN HUKUM DAN HAM");
        BOOST_TEST(r.satker_cells == 1u);
        BOOST_TEST(r.tahun_cells == 1u);
        BOOST_TEST((changed_cells(original, wb) ==
                    std::vector<std::string>{"Rencana Aksi 2024!A2", "Rencana Aksi 2024!A3"}));
        auto tables = find_tables(wb);
        BOOST_TEST_REQUIRE(tables.size() == 1u);
        BOOST_TEST(tables[0].satker == "LAPAS KELAS IIA SINGARAJA");
        BOOST_TEST(tables[0].tahun.value_or(0) == 2026);
    }
    {
        Workbook wb = read_workbook(source_dir() / "samples" / "bapas-mataram-2024-rka.xlsx");
        personalise(wb, {"BAPAS SUMBAWA BESAR", 2025});
        const Sheet* s = wb.sheet("RKA Satker Bagian A");
        BOOST_TEST(display_text(*s, 8, 1) == ": (407607) BAPAS SUMBAWA BESAR");
        BOOST_TEST(display_text(*s, 12, 2) == "ALOKASI ANGGARAN T.A 2025");
        BOOST_TEST(display_text(*s, 2, 0) == "TAHUN ANGGARAN 2025");
    }
}

BOOST_AUTO_TEST_CASE(years_move_together_and_header_years_stay) {
    Workbook wb = read_workbook(source_dir() / "samples" / "lapas-muara-enim-2023-lkjip.xlsx");
    personalise(wb, {"", 2030});
    const Sheet* s = wb.sheet("Banding 2022 & Renstra");
    BOOST_TEST_REQUIRE(s);
    BOOST_TEST(display_text(*s, 0, 0) == "Tabel Capaian Tahun 2030 dan Capaian Tahun 2029");
    BOOST_TEST(display_text(*s, 3, 2) == "Tahun 2022");  // a header over columns
    BOOST_TEST(display_text(*s, 3, 5) == "Tahun 2023");
    BOOST_TEST(display_text(*wb.sheet("Capaian 2023"), 0, 0) ==
               "CAPAIAN KINERJA ORGANISASI TAHUN 2030");
}

BOOST_AUTO_TEST_CASE(rich_text_keeps_its_runs_when_it_can) {
    Workbook wb;
    Sheet s;
    s.name = "Judul";
    Cell one;
    one.value = {CellValue::Kind::text, 0, "SATUAN KERJA : NAMA SATUAN KERJA"};
    Font bold;
    bold.bold = true;
    one.rich = std::make_shared<std::vector<RichRun>>(
        std::vector<RichRun>{{"SATUAN KERJA : ", std::nullopt}, {"NAMA SATUAN KERJA", bold}});
    s.put(one);
    Cell split;
    split.row = 1;
    split.value = {CellValue::Kind::text, 0, "NAMA SATUAN KERJA"};
    split.rich = std::make_shared<std::vector<RichRun>>(
        std::vector<RichRun>{{"NAMA SATUAN", std::nullopt}, {" KERJA", bold}});
    s.put(split);
    wb.sheets.push_back(s);
    NewWorkbookReport r = personalise(wb, {"RUTAN KELAS IIB SOE", std::nullopt});
    BOOST_TEST(r.satker_cells == 2u);
    const Cell* a = wb.sheets[0].find(0, 0);
    BOOST_TEST(a->value.text == "SATUAN KERJA : RUTAN KELAS IIB SOE");
    BOOST_TEST_REQUIRE(a->rich);
    BOOST_TEST(a->rich->at(1).text == "RUTAN KELAS IIB SOE");
    BOOST_TEST(a->rich->at(1).font->bold);
    const Cell* b = wb.sheets[0].find(1, 0);
    BOOST_TEST(b->value.text == "RUTAN KELAS IIB SOE");
    BOOST_TEST(!b->rich);  // the placeholder spanned two runs
}

BOOST_AUTO_TEST_CASE(a_huge_title_cell_is_left_alone) {
    Workbook wb;
    Sheet s;
    s.name = "Judul";
    Cell big;
    std::string text = "TAHUN 2024 ";
    while (text.size() < 2'000'000) text += "TAHUN 2024 ";
    big.value = {CellValue::Kind::text, 0, text};
    s.put(big);
    Cell small;
    small.row = 1;
    small.value = {CellValue::Kind::text, 0, "CAPAIAN KINERJA TAHUN 2024"};
    s.put(small);
    wb.sheets.push_back(s);
    NewWorkbookReport r = personalise(wb, {"", 2027});
    BOOST_TEST(r.tahun_cells == 1u);
    BOOST_TEST(wb.sheets[0].find(0, 0)->value.text == text);
    BOOST_TEST(wb.sheets[0].find(1, 0)->value.text == "CAPAIAN KINERJA TAHUN 2027");
}

BOOST_AUTO_TEST_CASE(unusable_options_are_refused_with_a_reason) {
    BOOST_TEST(!check_new_workbook_options({"LAPAS KELAS IIA KEROBOKAN", 2025}).has_value());
    BOOST_TEST(!check_new_workbook_options({}).has_value());
    auto year = check_new_workbook_options({"", 1999});
    BOOST_TEST_REQUIRE(year.has_value());
    BOOST_TEST(year->id.find("2000-2099") != std::string::npos);
    BOOST_TEST(check_new_workbook_options({"", 2100}).has_value());
    BOOST_TEST(check_new_workbook_options({"LAPAS\nKEROBOKAN", std::nullopt}).has_value());
    BOOST_TEST(check_new_workbook_options({"   ", std::nullopt}).has_value());
    BOOST_TEST(check_new_workbook_options({std::string(301, 'A'), std::nullopt}).has_value());
    ScratchDir scratch;
    BOOST_CHECK_THROW(
        new_workbook(templates_dir() / "rka-satker.xlsx", scratch / "x.xlsx", {"", 1800}),
        InputError);
    BOOST_CHECK_THROW(
        new_workbook(test_dir() / "fixtures" / "bad" / "not_a_zip.xlsx", scratch / "y.xlsx", {}),
        InputError);
    BOOST_TEST(!std::filesystem::exists(scratch / "x.xlsx"));
    BOOST_TEST(!std::filesystem::exists(scratch / "y.xlsx"));
}

BOOST_AUTO_TEST_SUITE_END()
