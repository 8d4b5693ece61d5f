// Findings in hidden rows, columns and sheets: flagged once, listed apart, marked in the
// Validasi sheet and the JSON report, and not failing a run alone.
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "pipeline/pipeline.hpp"
#include "support/cells.hpp"
#include "tables/tables.hpp"
#include "validate/validate.hpp"

using namespace kinerja;

namespace {

// A budget table whose row `wrong` has a sisa that is not pagu - realisasi (anggaran.sisa).
Sheet budget(std::string name, std::uint32_t wrong) {
    Sheet sheet;
    sheet.name = std::move(name);
    const char* heads[] = {"Jenis Belanja", "Pagu", "Realisasi", "Sisa"};
    for (std::uint32_t c = 0; c < 4; ++c) test::put_text(sheet, 0, c, heads[c]);
    const char* kinds[] = {"Belanja Pegawai", "Belanja Barang", "Belanja Modal"};
    for (std::uint32_t r = 1; r <= 3; ++r) {
        test::put_text(sheet, r, 0, kinds[r - 1]);
        test::put_number(sheet, r, 1, 100);
        test::put_number(sheet, r, 2, 40);
        test::put_number(sheet, r, 3, r == wrong ? 50 : 60);
    }
    return sheet;
}

// Visible "Anggaran" with its mistake in hidden row 3 (D3), hidden "Arsip" with one at D2,
// and "Lain" with one at D4 in hidden column D.
Workbook hidden_mistakes() {
    Workbook wb;
    wb.sheets.push_back(budget("Anggaran", 2));
    wb.sheets[0].rows[2].hidden = true;
    wb.sheets.push_back(budget("Arsip", 1));
    wb.sheets[1].visibility = Sheet::Visibility::hidden;
    wb.sheets.push_back(budget("Lain", 3));
    wb.sheets[2].columns.push_back({3, 3, std::nullopt, true, false, 0, std::nullopt});
    return wb;
}

const Finding* find(const std::vector<Finding>& findings, const std::string& sheet) {
    for (const Finding& f : findings)
        if (f.id() == "anggaran.sisa" && f.sheet == sheet) return &f;
    return nullptr;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(hidden)

BOOST_AUTO_TEST_CASE(findings_know_their_hidden_row_column_or_sheet) {
    Workbook wb = hidden_mistakes();
    auto findings = validate(wb, find_tables(wb));
    locate_hidden(wb, findings);
    const Finding* row = find(findings, "Anggaran");
    const Finding* sheet = find(findings, "Arsip");
    const Finding* column = find(findings, "Lain");
    BOOST_TEST_REQUIRE((row && sheet && column));
    BOOST_TEST(cell_name(row->row, row->col) == "D3");
    BOOST_TEST((row->hidden == Hidden::row));
    BOOST_TEST((sheet->hidden == Hidden::sheet));
    BOOST_TEST((column->hidden == Hidden::column));

    FindingCounts counts = count_findings(findings);
    BOOST_TEST(counts.errors == 3u);
    BOOST_TEST(counts.hidden_errors == 3u);
    BOOST_TEST(!counts.fails());

    // A row hidden under a merge that reaches a visible row is in sight.
    wb.sheets[0].merges.push_back({1, 3, 2, 3});
    locate_hidden(wb, findings);
    BOOST_TEST((find(findings, "Anggaran")->hidden == Hidden::no));
    BOOST_TEST(count_findings(findings).fails());
}

BOOST_AUTO_TEST_CASE(validasi_sheet_and_json_mark_them) {
    Workbook wb = hidden_mistakes();
    auto findings = validate(wb, find_tables(wb));
    locate_hidden(wb, findings);
    mark_findings(wb, findings);
    const Sheet* validasi = wb.sheet(validasi_sheet_name);
    BOOST_TEST_REQUIRE(validasi != nullptr);
    BOOST_TEST(validasi->find(0, 6)->value.text == "Tersembunyi");
    BOOST_TEST(validasi->find(0, 5)->value.text == "Pesan");  // the old columns keep their places
    std::map<std::string, std::string> marks;                 // sheet -> Tersembunyi
    for (std::uint32_t r = 1; validasi->find(r, 0); ++r) {
        const Cell* mark = validasi->find(r, 6);
        if (validasi->find(r, 2)->value.text == "anggaran.sisa")
            marks[validasi->find(r, 3)->value.text] = mark ? mark->value.text : "";
    }
    BOOST_TEST(marks["Anggaran"] == "baris");
    BOOST_TEST(marks["Arsip"] == "sheet");
    BOOST_TEST(marks["Lain"] == "kolom");
    BOOST_TEST(*validasi->tab_color == 0xFFC000u);  // amber: errors only out of sight
    BOOST_TEST(validasi->autofilter->range.last_col == 6u);

    // Marking again after clear_marks replaces our sheet rather than adding a second one.
    std::size_t sheets = wb.sheets.size();
    clear_marks(wb);
    mark_findings(wb, findings);
    BOOST_TEST(wb.sheets.size() == sheets);

    auto json = nlohmann::json::parse(findings_json(findings));
    std::map<std::string, std::string> hidden;
    for (const auto& f : json["findings"])
        if (f["rule"] == "anggaran.sisa") hidden[f["sheet"]] = f.value("hidden", "");
    BOOST_TEST(hidden["Anggaran"] == "row");
    BOOST_TEST(hidden["Arsip"] == "sheet");
    BOOST_TEST(hidden["Lain"] == "column");
    BOOST_TEST(json["summary"]["hidden"].get<std::size_t>() == 3u);
    BOOST_TEST(json["summary"]["hidden_errors"].get<std::size_t>() == 3u);
    BOOST_TEST(json["summary"]["errors"].get<std::size_t>() == 3u);
}

BOOST_AUTO_TEST_CASE(a_finding_in_sight_has_no_hidden_field_and_fails) {
    Workbook wb;
    wb.sheets.push_back(budget("Anggaran", 2));
    auto findings = validate(wb, find_tables(wb));
    locate_hidden(wb, findings);
    BOOST_TEST_REQUIRE(find(findings, "Anggaran") != nullptr);
    BOOST_TEST((find(findings, "Anggaran")->hidden == Hidden::no));
    BOOST_TEST(count_findings(findings).fails());
    auto json = nlohmann::json::parse(findings_json(findings));
    for (const auto& f : json["findings"]) BOOST_TEST(!f.contains("hidden"));
    BOOST_TEST(json["summary"]["hidden"].get<std::size_t>() == 0u);
    mark_findings(wb, findings);
    BOOST_TEST(*wb.sheet(validasi_sheet_name)->tab_color == 0xC00000u);
}

BOOST_AUTO_TEST_CASE(the_pipeline_lists_the_ones_in_sight_first) {
    Workbook wb = hidden_mistakes();
    wb.sheets[2].columns.clear();  // Lain's mistake (D4) is in sight now
    Engine engine = Engine::load(default_formulas_dir());
    RunReport r = process(engine, wb);
    BOOST_TEST_REQUIRE(!r.findings.empty());
    bool seen_hidden = false;
    for (const Finding& f : r.findings) {
        if (f.hidden != Hidden::no)
            seen_hidden = true;
        else
            BOOST_TEST(!seen_hidden, "a finding in sight after a hidden one: " << f.id());
    }
    BOOST_TEST((find(r.findings, "Anggaran")->hidden == Hidden::row));
    BOOST_TEST((find(r.findings, "Arsip")->hidden == Hidden::sheet));
    BOOST_TEST((find(r.findings, "Lain")->hidden == Hidden::no));
    BOOST_TEST(r.counts().hidden_errors >= 2u);
    BOOST_TEST(r.counts().fails());
}

BOOST_AUTO_TEST_SUITE_END()
