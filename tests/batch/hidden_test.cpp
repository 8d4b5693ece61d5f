// A unit whose errors are all in hidden rows or sheets is not a unit with errors: the batch
// follows the rule of kinerja fill/validate (FindingCounts::fails).
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "batch/batch.hpp"
#include "support/cells.hpp"
#include "support/support.hpp"
#include "write/write.hpp"

using namespace kinerja;
using namespace kinerja::test;
namespace fs = std::filesystem;

namespace {

// A budget table whose row 2 has a sisa that is not pagu - realisasi; that row is hidden
// unless `in_sight`. A hidden sheet holds a second such mistake.
void write_unit(const fs::path& file, bool in_sight) {
    Workbook wb;
    for (const char* name : {"Anggaran", "Arsip"}) {
        Sheet sheet;
        sheet.name = name;
        const char* heads[] = {"Jenis Belanja", "Pagu", "Realisasi", "Sisa"};
        for (std::uint32_t c = 0; c < 4; ++c) put_text(sheet, 0, c, heads[c]);
        put_text(sheet, 1, 0, "Belanja Pegawai");
        put_text(sheet, 2, 0, "Belanja Barang");
        for (std::uint32_t r = 1; r <= 2; ++r) {
            put_number(sheet, r, 1, 100);
            put_number(sheet, r, 2, 40);
            put_number(sheet, r, 3, r == 2 ? 50 : 60);
        }
        wb.sheets.push_back(std::move(sheet));
    }
    wb.sheets[0].rows[2].hidden = !in_sight;
    wb.sheets[1].visibility = Sheet::Visibility::hidden;
    write_workbook(wb, file);
}

BatchResult run(const fs::path& in, const fs::path& out) {
    BatchOptions o;
    o.inputs_dir = in;
    o.out_dir = out;
    o.jobs = 1;
    return run_batch(Engine::load(default_formulas_dir()), o);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(hidden)

BOOST_AUTO_TEST_CASE(a_unit_with_errors_only_out_of_sight_has_no_errors) {
    ScratchDir scratch;
    fs::path in = scratch / "masuk";
    fs::create_directories(in);
    write_unit(in / "T01.xlsx", false);
    BatchResult hidden_only = run(in, scratch / "keluar1");
    BOOST_TEST(hidden_only.with_errors == 0u);
    BOOST_TEST(hidden_only.exit_code() == 0);
    auto laporan = nlohmann::json::parse(read_file(scratch / "keluar1" / "laporan.json"));
    BOOST_TEST_REQUIRE(laporan["units"].size() == 1u);
    const auto& unit = laporan["units"][0]["findings"];
    BOOST_TEST(unit["errors"].get<std::size_t>() == 2u);
    BOOST_TEST(unit["hidden_errors"].get<std::size_t>() == 2u);

    write_unit(in / "T02.xlsx", true);
    BatchResult one_in_sight = run(in, scratch / "keluar2");
    BOOST_TEST(one_in_sight.with_errors == 1u);
    BOOST_TEST(one_in_sight.exit_code() == 1);
}

BOOST_AUTO_TEST_CASE(the_rule_is_the_one_of_fill_and_validate) {
    UnitReport r;
    r.errors = 2;
    r.hidden_errors = 2;
    BOOST_TEST(!r.has_errors());
    r.errors = 3;
    BOOST_TEST(r.has_errors());
    BOOST_TEST((FindingCounts{.errors = 3, .hidden_errors = 2}.fails() == r.has_errors()));
}

BOOST_AUTO_TEST_SUITE_END()
