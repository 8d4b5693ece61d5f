// One JSON form for findings: a unit's "findings" in laporan.json is the "summary" that
// `kinerja fill --report` writes for the same workbook, field for field.
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "batch/batch.hpp"
#include "support/cells.hpp"
#include "support/support.hpp"
#include "validate/validate.hpp"
#include "write/write.hpp"

using namespace kinerja;
using namespace kinerja::test;
namespace fs = std::filesystem;

namespace {

Sheet budget(const char* name) {
    Sheet sheet;
    sheet.name = name;
    const char* heads[] = {"Jenis Belanja", "Pagu", "Realisasi", "Sisa"};
    for (std::uint32_t c = 0; c < 4; ++c) put_text(sheet, 0, c, heads[c]);
    put_text(sheet, 1, 0, "Belanja Pegawai");
    put_text(sheet, 2, 0, "Belanja Barang");
    for (std::uint32_t r = 1; r <= 2; ++r) {
        put_number(sheet, r, 1, 100);
        put_number(sheet, r, 2, 40);
        put_number(sheet, r, 3, 50);  // not 100 - 40: anggaran.sisa, an error
    }
    return sheet;
}

// An indicator outside the catalogue whose capaian the general rule computes: indikator.umum,
// a warning.
Sheet capaian(const char* name) {
    Sheet sheet;
    sheet.name = name;
    put_text(sheet, 0, 0, "CAPAIAN KINERJA TAHUN 2024");
    const char* heads[] = {"No", "Indikator Kinerja", "Target", "Realisasi", "Capaian"};
    for (std::uint32_t c = 0; c < 5; ++c) put_text(sheet, 3, c, heads[c]);
    put_number(sheet, 4, 0, 1);
    put_text(sheet, 4, 1, "Jumlah kunjungan burung hantu ke menara air");
    put_number(sheet, 4, 2, 10);
    put_number(sheet, 4, 3, 5);
    return sheet;
}

// Errors and warnings in sight and hidden: a budget table with a hidden row, a capaian
// table, and the same two on hidden sheets.
void write_unit(const fs::path& file) {
    Workbook wb;
    wb.sheets = {budget("Anggaran"), capaian("Capaian"), budget("Arsip"), capaian("Arsip Capaian")};
    wb.sheets[0].rows[2].hidden = true;
    wb.sheets[2].visibility = Sheet::Visibility::hidden;
    wb.sheets[3].visibility = Sheet::Visibility::hidden;
    write_workbook(wb, file);
}

}  // namespace

BOOST_AUTO_TEST_CASE(laporan_counts_a_unit_as_the_report_counts_a_fill) {
    ScratchDir scratch;
    fs::path in = scratch / "masuk";
    fs::create_directories(in);
    write_unit(in / "T01.xlsx");

    RunResult fill =
        run_cli({"fill", (in / "T01.xlsx").string(), "-o", (scratch / "filled.xlsx").string(),
                 "--report", (scratch / "report.json").string()});
    BOOST_TEST_INFO(fill.err);
    BOOST_TEST_REQUIRE((fill.exit_code == 0 || fill.exit_code == 1));
    auto report = nlohmann::ordered_json::parse(read_file(scratch / "report.json"));

    BatchOptions o;
    o.inputs_dir = in;
    o.out_dir = scratch / "keluar";
    o.jobs = 1;
    run_batch(Engine::load(default_formulas_dir()), o);
    auto laporan = nlohmann::ordered_json::parse(read_file(scratch / "keluar" / "laporan.json"));
    BOOST_TEST_REQUIRE(laporan["units"].size() == 1u);
    const auto& unit = laporan["units"][0]["findings"];

    // Something to count in every field, so that equal objects say something.
    const auto& summary = report["summary"];
    BOOST_TEST(summary["errors"].get<std::size_t>() > 0u);
    BOOST_TEST(summary["warnings"].get<std::size_t>() > 0u);
    BOOST_TEST(summary["hidden"].get<std::size_t>() > summary["hidden_errors"].get<std::size_t>());
    BOOST_TEST(summary["by_rule"].size() >= 2u);
    BOOST_TEST(unit == summary, unit.dump() << " != " << summary.dump());
    // In the same order too: both are written by validate's counts_json.
    BOOST_TEST(unit.dump() == summary.dump());
}

BOOST_AUTO_TEST_CASE(a_finding_has_one_json_form) {
    Finding f = Finding::of(Rule::anggaran_sisa, "Anggaran", 2, 3, {"Sisa salah.", "Wrong sisa."});
    f.hidden = Hidden::row;
    auto j = finding_json(f, Lang::en);
    BOOST_TEST(j.dump() ==
               R"({"severity":"error","rule":"anggaran.sisa","sheet":"Anggaran","cell":"D3",)"
               R"("message":"Wrong sisa.","hidden":"row"})");
    // findings_json lists the findings in that form, with the counts beside them.
    auto report = nlohmann::ordered_json::parse(findings_json({f}, Lang::en));
    BOOST_TEST(report["findings"][0] == j);
    BOOST_TEST(report["summary"] == counts_json(count_findings({f})));
    BOOST_TEST(report["summary"]["hidden"].get<std::size_t>() == 1u);
    BOOST_TEST(report["summary"]["by_rule"]["anggaran.sisa"].get<std::size_t>() == 1u);
}
