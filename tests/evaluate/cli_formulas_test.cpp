// kinerja eval and kinerja formulas check|list, through the built command.
#include <boost/test/unit_test.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

#include "evaluate/evaluate.hpp"
#include "support/support.hpp"

using namespace kinerja;
using namespace kinerja::test;

namespace {

bool has(const std::string& text, const std::string& part) {
    bool found = text.find(part) != std::string::npos;
    if (!found) BOOST_TEST_MESSAGE("missing: " << part << "\nin:\n" << text);
    return found;
}

std::string write(const ScratchDir& scratch, const std::string& name, const std::string& text) {
    std::ofstream(scratch / name) << text;
    return (scratch / name).string();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cli_formulas)

BOOST_AUTO_TEST_CASE(eval_is_a_calculator) {
    RunResult r = run_cli({"eval", "pct(a, b)", "a=80", "b=85"});
    BOOST_TEST(r.exit_code == 0);
    BOOST_TEST(r.out == "94.1176470588235\n");
    r = run_cli({"eval", "trunc(pct(a, b), 2)", "a=80", "b=85"});
    BOOST_TEST(r.out == "94.11\n");
    r = run_cli({"eval", "capaian_naik(realisasi, target)", "realisasi=92,5", "target=80"});
    BOOST_TEST(r.out == "115.625\n");  // a decimal comma is accepted in values
    r = run_cli({"eval", "trunc(0.285 * 100, 2)"});
    BOOST_TEST(r.out == "28.5\n");
}

BOOST_AUTO_TEST_CASE(eval_prints_a_dash_for_not_applicable) {
    RunResult r = run_cli({"eval", "pct(a, b)", "a=5", "b=0"});
    BOOST_TEST(r.exit_code == 0);
    BOOST_TEST(r.out == "-\n");
    r = run_cli({"eval", "avg_na(pct(h, n), pct(t, m))", "h=0", "n=0", "t=3", "m=3"});
    BOOST_TEST(r.out == "100\n");
    r = run_cli({"eval", "a + 1", "a=-"});
    BOOST_TEST(r.out == "-\n");
}

BOOST_AUTO_TEST_CASE(eval_uses_the_settings_turun_rule) {
    ScratchDir scratch;
    std::string settings = write(scratch, "p.toml", "[capaian]\nturun = \"seed003\"\n");
    RunResult r = run_cli({"eval", "--pengaturan", settings, "capaian_turun(5, 10)"});
    BOOST_TEST(r.out == "300\n");
    r = run_cli({"eval", "capaian_turun(5, 10)"});  // the shipped settings: permenpan
    BOOST_TEST(r.out == "150\n");
}

BOOST_AUTO_TEST_CASE(eval_errors_point_at_the_problem) {
    RunResult r = run_cli({"eval", "pct(a, jumlah_wpb)", "a=1", "jumlah_wbp=2"});
    BOOST_TEST(r.exit_code == 2);
    BOOST_TEST(r.out.empty());
    BOOST_TEST(has(
        r.err,
        "<rumus>:1:8: galat: nama tidak dikenal 'jumlah_wpb' (mungkin maksudnya 'jumlah_wbp'?)"));
    BOOST_TEST(has(r.err, "   1 | pct(a, jumlah_wpb)\n     |        ^~~~~~~~~~\n"));
    r = run_cli({"--lang", "en", "eval", "pct(a, b"});
    BOOST_TEST(has(r.err, "error: this '(' is never closed with ')'"));
    r = run_cli({"eval", "a", "a=banyak"});
    BOOST_TEST(r.exit_code == 2);
    BOOST_TEST(has(r.err, "nilai tidak sah 'a=banyak'"));
    r = run_cli({"eval"});
    BOOST_TEST(r.exit_code == 2);
    BOOST_TEST(has(r.err, "kinerja eval 'RUMUS'"));
}

BOOST_AUTO_TEST_CASE(the_shipped_catalogue_checks_clean) {
    RunResult r = run_cli({"formulas", "check"});
    BOOST_TEST(r.exit_code == 0, r.out << r.err);
    BOOST_TEST(has(r.out, "bersih"));
    r = run_cli({"--lang", "en", "formulas", "check", (source_dir() / "formulas").string()});
    BOOST_TEST(r.exit_code == 0);
    BOOST_TEST(has(r.out, "indikator.toml: "));
    BOOST_TEST(has(r.out, "pengaturan.toml: clean"));
    r = run_cli({"formulas", "check", (source_dir() / "formulas" / "indikator.toml").string()});
    BOOST_TEST(r.exit_code == 0);
}

BOOST_AUTO_TEST_CASE(check_reports_like_a_compiler_and_exits_1) {
    ScratchDir scratch;
    std::string file =
        write(scratch, "k.toml",
              "[[indikator]]\nid = \"uji\"\nnama = \"Uji\"\nsatuan = \"%\"\narah = \"naik\"\n"
              "periode = \"jumlah\"\nrealisasi = \"pct(a, bb)\"\n[indikator.masukan]\n"
              "a = \"A\"\nb = \"B\"\n");
    RunResult r = run_cli({"formulas", "check", file});
    BOOST_TEST(r.exit_code == 1);
    BOOST_TEST(has(r.out, file + ":7:21: galat: nama tidak dikenal 'bb' (mungkin maksudnya 'b'?)\n"
                                 "   7 | realisasi = \"pct(a, bb)\"\n"
                                 "     |                     ^~\n"));
    BOOST_TEST(has(r.out, file + ":10:5: peringatan: masukan 'b' tidak dipakai rumus mana pun"));
    BOOST_TEST(has(r.out, ": 1 galat, 1 peringatan"));
    std::string settings = write(scratch, "pengaturan.toml", "[pembulatan]\ndesimal = 20\n");
    r = run_cli({"--lang", "en", "formulas", "check", settings});
    BOOST_TEST(r.exit_code == 1);
    BOOST_TEST(has(r.out, settings + ":2:11: error: 'desimal' must be a whole number 0 to 10"));
    r = run_cli({"formulas", "check", (scratch / "tidak-ada.toml").string()});
    BOOST_TEST(r.exit_code == 2);
    BOOST_TEST(has(r.err, "tidak ditemukan"));
}

BOOST_AUTO_TEST_CASE(list_shows_indicators_and_their_inputs) {
    RunResult r = run_cli({"formulas", "list"});
    BOOST_TEST(r.exit_code == 0);
    BOOST_TEST(has(r.out, "perawatan.makanan  [%, naik, jumlah]"));
    BOOST_TEST(has(r.out, "realisasi = pct(terpenuhi, jumlah_wbp)"));
    BOOST_TEST(has(r.out, "terpenuhi"));
    r = run_cli({"formulas", "list", "--json"});
    BOOST_TEST(r.exit_code == 0);
    nlohmann::json list = nlohmann::json::parse(r.out);
    BOOST_TEST(list.size() >= 90u);
    const auto& first = list[0];
    BOOST_TEST(first["id"] == "perawatan.makanan");
    BOOST_TEST(first["masukan"][0]["nama"] == "terpenuhi");
    BOOST_TEST(first["arah"] == "naik");
    bool found_weights = false;
    for (const auto& ind : list) {
        if (ind["id"] == "anggaran.ikpa")
            found_weights = ind["konstanta"]["bobot_penyerapan"] == 20;
    }
    BOOST_TEST(found_weights);
    r = run_cli({"formulas"});
    BOOST_TEST(r.exit_code == 2);
}

BOOST_AUTO_TEST_SUITE_END()
