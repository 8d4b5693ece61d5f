// The structural rules on small tables built in code. Real workbooks are in tests/cases/.
#include <boost/test/unit_test.hpp>

#include "support/cells.hpp"
#include "tables/tables.hpp"
#include "validate/validate.hpp"

using namespace kinerja;

namespace {

struct SheetBuilder {
    Sheet sheet;
    explicit SheetBuilder(std::string name) { sheet.name = std::move(name); }
    SheetBuilder& text(std::uint32_t r, std::uint32_t c, std::string t) {
        test::put_text(sheet, r, c, std::move(t));
        return *this;
    }
    SheetBuilder& num(std::uint32_t r, std::uint32_t c, double v) {
        test::put_number(sheet, r, c, v);
        return *this;
    }
    SheetBuilder& row(std::uint32_t r, std::vector<std::string> texts) {
        for (std::uint32_t c = 0; c < texts.size(); ++c) text(r, c, texts[c]);
        return *this;
    }
};

std::vector<Finding> check(const Sheet& sheet) {
    Workbook wb;
    wb.sheets.push_back(sheet);
    return validate(wb, find_tables(wb));
}

std::vector<std::string> where(const std::vector<Finding>& findings, const std::string& rule) {
    std::vector<std::string> cells;
    for (const auto& f : findings)
        if (f.id() == rule) cells.push_back(cell_name(f.row, f.col));
    return cells;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(rules)

// Seed 004's Realisasi Anggaran 2023, whose Sisa total is wrong.
BOOST_AUTO_TEST_CASE(budget_sisa_percent_and_total) {
    SheetBuilder b("Anggaran");
    b.row(0, {"Jenis Belanja", "Pagu", "Realisasi", "Sisa", "%"});
    b.text(1, 0, "Belanja Pegawai").num(1, 1, 1000).num(1, 2, 900).num(1, 3, 100).num(1, 4, 90);
    b.text(2, 0, "Belanja Barang").num(2, 1, 500).num(2, 2, 400).num(2, 3, 150).num(2, 4, 80);
    b.text(3, 0, "Belanja Modal").num(3, 1, 300).num(3, 2, 300).num(3, 3, 0).num(3, 4, 95);
    b.text(4, 0, "JUMLAH").num(4, 1, 1800).num(4, 2, 1600).num(4, 3, 250).num(4, 4, 88.88);
    auto f = check(b.sheet);
    // D3 is wrong, and so is the total's D5 = 250 against 1.800 - 1.600.
    BOOST_TEST(where(f, "anggaran.sisa") == (std::vector<std::string>{"D3", "D5"}));
    BOOST_TEST(where(f, "anggaran.persen") == (std::vector<std::string>{"E4"}));
    // D5 = 250 is the sum of the (wrong) rows; B5 and C5 add up.
    BOOST_TEST(where(f, "anggaran.total").empty());
    BOOST_TEST(count(f, Severity::error) == 3u);
}

BOOST_AUTO_TEST_CASE(budget_total_that_does_not_add_up) {
    SheetBuilder b("Anggaran");
    b.row(0, {"Uraian", "Pagu", "Realisasi"});
    b.text(1, 0, "51").num(1, 1, 17281590000).num(1, 2, 17080255708);
    b.text(2, 0, "Total").num(2, 1, 17281590000).num(2, 2, 17068453115);
    auto f = check(b.sheet);
    BOOST_TEST(where(f, "anggaran.total") == (std::vector<std::string>{"C3"}));
    BOOST_REQUIRE(!f.empty());
    BOOST_TEST(f[0].message.id.find("17.068.453.115") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(rka_sums_and_tree) {
    SheetBuilder b("RKA");
    b.row(0, {"KODE", "URAIAN", "ANGKA DASAR", "INISIATIF BARU", "JUMLAH"});
    b.text(1, 0, "013.05.BF").num(1, 2, 1000).num(1, 4, 1000);
    b.text(2, 0, "5252").num(2, 2, 1000).num(2, 4, 1000);
    b.text(3, 0, "5252.BDC").num(3, 2, 1000).num(3, 4, 1000);
    b.text(4, 0, "003").num(4, 2, 600).num(4, 4, 600);
    b.text(5, 0, "U01").num(5, 2, 300).num(5, 4, 300);                    // 600 + 300 != 1000
    b.text(6, 0, "013.05.WA").num(6, 2, 50).num(6, 3, 10).num(6, 4, 70);  // 50 + 10 != 70
    b.text(7, 0, "6231").num(7, 2, 60).num(7, 4, 60);  // 60 != 70 for the parent above
    auto f = check(b.sheet);
    BOOST_TEST(where(f, "rka.induk") == (std::vector<std::string>{"E4", "E7"}));
    BOOST_TEST(where(f, "rka.jumlah") == (std::vector<std::string>{"E7"}));
}

BOOST_AUTO_TEST_CASE(rencana_aksi_drawdowns) {
    SheetBuilder b("RA");
    b.row(0, {"INDIKATOR KINERJA", "TARGET", "PAGU", "RENCANA PENARIKAN DANA", "REALISASI ANGGARAN",
              "RENCANA KEGIATAN"});
    b.text(1, 0, "1. Persentase pemenuhan layanan makanan").text(1, 1, "85%").num(1, 2, 1000);
    b.sheet.merges.push_back({1, 0, 4, 0});
    b.sheet.merges.push_back({1, 2, 4, 2});
    const char* tw[] = {"TW I", "TW II", "TW III", "TW IV"};
    double plan[] = {250, 250, 250, 200};  // 950 != 1000
    double real[] = {250, 300, 250, 300};  // 1100 > 1000
    for (std::uint32_t i = 0; i < 4; ++i)
        b.num(1 + i, 3, plan[i]).num(1 + i, 4, real[i]).text(1 + i, 5, tw[i]);
    b.text(5, 0, "2. Persentase layanan kesehatan").text(5, 1, "95%").num(5, 2, 100);
    b.text(5, 5, "TW I").text(5, 3, "-").num(5, 4, 40);  // spending without a plan
    auto f = check(b.sheet);
    BOOST_TEST(where(f, "ra.penarikan_pagu") == (std::vector<std::string>{"C2"}));
    BOOST_TEST(where(f, "ra.realisasi_pagu") == (std::vector<std::string>{"C2"}));
    BOOST_TEST(where(f, "ra.realisasi_tanpa_rencana") == (std::vector<std::string>{"E6"}));
}

BOOST_AUTO_TEST_CASE(any_table_text_negative_percent_and_missing) {
    SheetBuilder b("Capaian");
    b.row(0, {"Indikator Kinerja", "Target", "Realisasi", "Pembilang", "Penyebut"});
    b.row(1, {"Persentase A", "85%", "tinggi"});
    b.row(2, {"Persentase B", "", "120%"});
    b.text(3, 0, "Jumlah B").text(3, 1, "90%").num(3, 2, -3).num(3, 3, 12).num(3, 4, 10);
    b.row(4, {"Persentase C", "90%", "-"});
    auto f = check(b.sheet);
    BOOST_TEST(where(f, "umum.bukan_angka") == (std::vector<std::string>{"C2"}));
    BOOST_TEST(where(f, "umum.target_kosong") == (std::vector<std::string>{"B3"}));
    BOOST_TEST(where(f, "umum.persen_rentang") == (std::vector<std::string>{"C3"}));
    BOOST_TEST(where(f, "umum.negatif") == (std::vector<std::string>{"C4"}));
    BOOST_TEST(where(f, "umum.pembilang_penyebut") == (std::vector<std::string>{"D4"}));
    BOOST_TEST(where(f, "umum.realisasi_kosong").empty());  // "-" is not applicable, not empty
}

// A realisasi that Excel computes is not missing: the rule itself knows the fill's formulas
// (given the FillReport, while the typed values, empty here, are what it reads) and the
// user's own formulas, even before Excel gave them a value. Only the truly empty one is
// reported.
BOOST_AUTO_TEST_CASE(a_computed_realisasi_is_not_missing) {
    SheetBuilder b("Capaian");
    b.row(0, {"Indikator Kinerja", "Target", "Realisasi"});
    b.row(1, {"Persentase A", "85%"});
    b.row(2, {"Persentase B", "90%"});
    b.row(3, {"Persentase C", "95%"});
    Cell own;  // the user's formula, never calculated (no cached value)
    own.row = 2;
    own.col = 2;
    own.formula = "B3";
    b.sheet.put(own);
    Workbook wb;
    wb.sheets.push_back(b.sheet);
    std::vector<Table> tables = find_tables(wb);
    BOOST_TEST_REQUIRE(tables.size() == 1u);
    BOOST_TEST(where(validate(wb, tables), "umum.realisasi_kosong") ==
               (std::vector<std::string>{"C2", "C4"}));

    // As a fill leaves it: C2 computed from the raw inputs, where nothing was typed.
    Cell computed = Cell::of_number(1, 2, 80);
    computed.formula = "Data!C2";
    wb.sheets[0].put(computed);
    FillReport fill;
    fill.changes.push_back({0, 1, 2, std::nullopt});
    auto findings = validate(wb, tables, fill);
    BOOST_TEST(where(findings, "umum.realisasi_kosong") == (std::vector<std::string>{"C4"}));
    BOOST_TEST(wb.sheets[0].find(1, 2)->formula == "Data!C2");  // put back after judging
}

// What the stages before saw is judged in the same call, in one order: a workbook without
// tables at its nearest miss, then the Rumus sheet's cells that cannot be used.
BOOST_AUTO_TEST_CASE(validation_judges_the_misses_and_the_rumus_sheet) {
    Workbook wb;
    wb.sheets.push_back(SheetBuilder("Catatan").text(0, 0, "Rekap").sheet);
    wb.sheets.push_back(SheetBuilder("Rumus").text(0, 0, "Id").sheet);
    std::vector<NearMiss> misses{{"Catatan", 0, 2, "tanpa kolom indikator", "no label column"}};
    std::vector<RumusProblem> rumus{{{"Rumus", 1, 3}, {"arah tidak dikenal", "unknown arah"}}};
    FillReport fill;
    auto findings = validate(wb, {}, fill, StageFacts{misses, rumus});
    BOOST_TEST_REQUIRE(findings.size() == 2u);
    BOOST_TEST(findings[0].id() == "tabel.tidak_ditemukan");
    BOOST_TEST(findings[0].sheet == "Catatan");
    BOOST_TEST(findings[0].message.en.find("Nearest: rows 1-3, no label column.") !=
               std::string::npos);
    BOOST_TEST(findings[1].id() == "rumus.tidak_valid");
    BOOST_TEST(cell_name(findings[1].row, findings[1].col) == "D2");
    BOOST_TEST(findings[1].message.id == "arah tidak dikenal");
    BOOST_TEST((findings[1].severity == rule_info(Rule::rumus_tidak_valid).severity));
}

BOOST_AUTO_TEST_CASE(marking_is_idempotent_and_keeps_values) {
    SheetBuilder b("Anggaran");
    b.row(0, {"Jenis Belanja", "Pagu", "Realisasi", "Sisa"});
    b.text(1, 0, "Belanja Barang").num(1, 1, 100).num(1, 2, 40).num(1, 3, 50);
    Workbook wb;
    wb.sheets.push_back(b.sheet);
    auto findings = validate(wb, find_tables(wb));
    BOOST_REQUIRE_EQUAL(findings.size(), 1u);
    mark_findings(wb, findings);
    clear_marks(wb);
    mark_findings(wb, findings);
    BOOST_REQUIRE_EQUAL(wb.sheets.size(), 2u);
    BOOST_TEST(wb.sheets[1].name == "Validasi");
    BOOST_TEST(wb.sheets[0].conditional_formats.size() == 1u);
    BOOST_TEST(wb.sheets[0].comments.size() == 1u);
    BOOST_TEST(wb.sheets[0].find(1, 3)->value.number == 50.0);
    BOOST_TEST(wb.sheets[1].find(1, 4)->value.text == "D2");
    BOOST_TEST(wb.sheets[1].hyperlinks.at(0).location == "'Anggaran'!D2");
    std::string json = findings_json(findings);
    BOOST_TEST(json.find("\"cell\": \"D2\"") != std::string::npos);
    BOOST_TEST(json.find("\"errors\": 1") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
