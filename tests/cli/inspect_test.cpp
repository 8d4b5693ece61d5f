// kinerja inspect: on the layout fixtures (always) and on the real workbooks other government
// units published, in ../shared/real-workbooks/ beside the checkout when it is there.
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "support/support.hpp"

namespace fs = std::filesystem;
using namespace kinerja::test;

namespace {

fs::path real_workbooks() {
    return source_dir().parent_path() / "shared" / "real-workbooks";
}

nlohmann::json inspect_json(const fs::path& file) {
    RunResult r = run_cli({"inspect", file.string(), "--json"});
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    return nlohmann::json::parse(r.out);
}

std::string role_of(const nlohmann::json& table, const std::string& column) {
    for (const auto& c : table["columns"])
        if (c["column"] == column) return c["role"];
    return "(none)";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(inspect)

BOOST_AUTO_TEST_CASE(prints_each_table_with_its_band_roles_paths_and_rules) {
    fs::path file = source_dir() / "tests/cases/tata-letak-renja/input.xlsx";
    RunResult r = run_cli({"inspect", file.string()});
    BOOST_TEST(r.exit_code == 0);
    BOOST_TEST(r.out.find("'Evaluasi TW III'!A5:AA13 renja") != std::string::npos, r.out);
    BOOST_TEST(r.out.find("baris 7: nomor kolom") != std::string::npos, r.out);
    BOOST_TEST(r.out.find("Realisasi Kinerja Pada Triwulan > IV > Rp.") != std::string::npos,
               r.out);
    BOOST_TEST(r.out.find("13 = 9 + 10 + 11 + 12  (k9 + k10 + k11 + k12)") != std::string::npos,
               r.out);
    BOOST_TEST(r.out.find("judulnya menyebut \"yang dievaluasi\"") != std::string::npos, r.out);
    RunResult en = run_cli({"inspect", file.string(), "--lang", "en"});
    BOOST_TEST(en.out.find("header band rows: 5-8") != std::string::npos, en.out);
}

BOOST_AUTO_TEST_CASE(says_why_an_import_list_is_not_a_table) {
    fs::path file = source_dir() / "tests/cases/tata-letak-impor/input.xlsx";
    nlohmann::json j = inspect_json(file);
    BOOST_TEST(j["tables"].empty());
    BOOST_TEST_REQUIRE(j["misses"].size() == 1u);
    BOOST_TEST(j["misses"][0]["why"].get<std::string>().find("tanpa kolom label") !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_report_carries_the_tables) {
    ScratchDir dir;
    fs::path report = dir.path() / "r.json";
    run_cli({"validate", (source_dir() / "tests/cases/tata-letak-lra/input.xlsx").string(),
             "--report", report.string()});
    nlohmann::json j = nlohmann::json::parse(read_file(report));
    BOOST_TEST_REQUIRE(j["tables"].size() == 2u);
    BOOST_TEST(j["tables"][0]["range"] == "A6:L15");
    BOOST_TEST(role_of(j["tables"][0], "J") == "pagu");
}

// What inspect says beside the tables is the engine's understanding, so --json carries it
// too: the rows inside a table's data that are not figures, and the shapes drawn in it.
BOOST_AUTO_TEST_CASE(inspect_json_carries_rows_not_data_and_drawn_shapes) {
    const fs::path lra_file = source_dir() / "tests/cases/tata-letak-lra/input.xlsx";
    nlohmann::json lra = inspect_json(lra_file);
    BOOST_TEST_REQUIRE(lra["tables"].size() == 2u);
    for (const auto& t : lra["tables"]) {
        BOOST_TEST(t["rows_not_data"]["sections"] == 0);
        BOOST_TEST(t["rows_not_data"]["totals"] == 1);
    }
    BOOST_TEST(lra["drawn_shapes"] == 0);
    RunResult text = run_cli({"inspect", lra_file.string()});
    BOOST_TEST(text.out.find("baris bukan data: 0 pita bagian, 1 jumlah") != std::string::npos,
               text.out);
    // Three text boxes in a drawing the reader carries as it is.
    nlohmann::json objects = inspect_json(source_dir() / "tests/fixtures/carry/hm-objects.xlsx");
    BOOST_TEST(objects["drawn_shapes"] == 3);
}

// The real workbooks: the tables a person sees, with the right kinds and roles. Skipped, with
// a line saying so, where the folder is not beside the checkout (it is never committed).
BOOST_AUTO_TEST_CASE(real_workbooks_read_as_a_person_reads_them) {
    if (!fs::exists(real_workbooks())) {
        BOOST_TEST_MESSAGE("skipped: " << real_workbooks() << " is not here");
        return;
    }
    nlohmann::json renja =
        inspect_json(real_workbooks() / "deliserdang-bappedalitbang-2025-evaluasi-renja-tw4.xlsx");
    BOOST_TEST_REQUIRE(renja["tables"].size() == 1u);
    BOOST_TEST(renja["tables"][0]["kind"] == "renja");
    BOOST_TEST(renja["tables"][0]["triwulan"]["tw"] == 4);
    BOOST_TEST(renja["tables"][0]["header_rows"][0] == 6);
    BOOST_TEST(renja["tables"][0]["rules"].size() == 3u);
    BOOST_TEST(role_of(renja["tables"][0], "H") == "indikator");
    BOOST_TEST(role_of(renja["tables"][0], "Y") == "realisasi");
    BOOST_TEST(role_of(renja["tables"][0], "AA") == "realisasi_anggaran");

    nlohmann::json lra = inspect_json(real_workbooks() / "sumenep-dinkes-2026-lra-per-bidang.xlsx");
    BOOST_TEST(lra["tables"].size() == 7u);
    for (const auto& t : lra["tables"]) {
        BOOST_TEST(t["kind"] == "anggaran");
        BOOST_TEST(role_of(t, "J") == "pagu");
        BOOST_TEST(role_of(t, "K") == "realisasi");
    }

    nlohmann::json flat =
        inspect_json(real_workbooks() / "realisasi-belanja-per-akun-2023-triwulan.xlsx");
    BOOST_TEST_REQUIRE(flat["tables"].size() == 1u);
    BOOST_TEST(role_of(flat["tables"][0], "I") == "persen");

    nlohmann::json frame =
        inspect_json(real_workbooks() / "ntb-realisasi-fisik-keuangan-template.xlsx");
    BOOST_TEST_REQUIRE(frame["tables"].size() == 1u);
    BOOST_TEST(frame["tables"][0]["header_rows"][1] == 6);
    BOOST_TEST(role_of(frame["tables"][0], "M") == "realisasi_fisik");

    BOOST_TEST(
        inspect_json(real_workbooks() / "bps-tapin-template-import-capaian-kinerja.xlsx")["tables"]
            .empty());
    RunResult tree = run_cli({"inspect", (real_workbooks() / "pohon-kinerja-2016.xlsx").string()});
    BOOST_TEST(tree.out.find("Tidak ada tabel dikenali") != std::string::npos, tree.out);
    BOOST_TEST(tree.out.find("pohon kinerja") != std::string::npos, tree.out);
    nlohmann::json tree_json = inspect_json(real_workbooks() / "pohon-kinerja-2016.xlsx");
    BOOST_TEST(tree_json["tables"].empty());
    BOOST_TEST(tree_json["drawn_shapes"].get<int>() > 10);
    RunResult legacy =
        run_cli({"inspect",
                 (real_workbooks() / "jabar-biro-bina-produksi-2014-evaluasi-renja.xls").string()});
    BOOST_TEST(legacy.exit_code == 2);
    BOOST_TEST(legacy.err.find(".xls") != std::string::npos, legacy.err);
}

BOOST_AUTO_TEST_SUITE_END()
