// `kinerja formulas check` findings on broken catalogues: positions, carets, suggestions.
#include <boost/test/unit_test.hpp>
#include <fstream>

#include "evaluate/evaluate.hpp"
#include "support/support.hpp"

using namespace kinerja;
using namespace kinerja::test;

namespace {

std::string all_findings(const CatalogueCheck& check, Lang lang = Lang::en) {
    std::string out;
    for (const auto& d : check.diagnostics) out += format_diagnostic(d, lang);
    return out;
}

bool has(const std::string& text, const std::string& part) {
    bool found = text.find(part) != std::string::npos;
    if (!found) BOOST_TEST_MESSAGE("missing:\n" << part << "\nin:\n" << text);
    return found;
}

const char* header = R"toml(versi = 1
)toml";

std::string indicator(const std::string& id, const std::string& body) {
    return "\n[[indikator]]\nid = \"" + id + "\"\nnama = \"Indikator " + id +
           "\"\nsatuan = \"%\"\narah = \"naik\"\nperiode = \"jumlah\"\n" + body;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(check)

BOOST_AUTO_TEST_CASE(a_good_catalogue_is_clean) {
    std::string text = std::string(header) + indicator("uji.satu", R"toml(sasaran = "uji"
realisasi = "pct(a, b)"
[indikator.masukan]
a = "Pembilang"
b = "Penyebut"
)toml");
    CatalogueCheck check = check_catalogue_text(text, "k.toml");
    BOOST_TEST(check.clean(), all_findings(check));
    BOOST_REQUIRE(check.catalogue.indicators.size() == 1u);
    const Indicator& ind = check.catalogue.indicators[0];
    BOOST_TEST(ind.inputs[0].name == "a");  // file order, not alphabetical
    BOOST_TEST(ind.inputs[1].name == "b");
    BOOST_TEST(ind.realisasi_at.line == 10);
}

BOOST_AUTO_TEST_CASE(unknown_names_point_at_the_character_with_the_nearest_name) {
    std::string text =
        std::string(header) + indicator("uji.satu", R"toml(realisasi = "pct(terpenuhi, jumlah_wpb)"
[indikator.masukan]
terpenuhi = "Jumlah terpenuhi"
jumlah_wbp = "Jumlah WBP"
)toml");
    CatalogueCheck check = check_catalogue_text(text, "k.toml");
    std::string out = all_findings(check);
    BOOST_TEST(has(out,
                   "k.toml:9:29: error: unknown name 'jumlah_wpb' (did you mean 'jumlah_wbp'?)\n"
                   "   9 | realisasi = \"pct(terpenuhi, jumlah_wpb)\"\n"
                   "     |                             ^~~~~~~~~~\n"));
    // The misspelt name leaves the real input unused: reported too.
    BOOST_TEST(has(out, "k.toml:12:14: warning: input 'jumlah_wbp' is not used by any formula"));
    BOOST_TEST(!check.usable());
    std::string id = all_findings(check, Lang::id);
    BOOST_TEST(has(id, "galat: nama tidak dikenal 'jumlah_wpb' (mungkin maksudnya 'jumlah_wbp'?)"));
    BOOST_TEST(has(id, "peringatan: masukan 'jumlah_wbp' tidak dipakai rumus mana pun"));
}

BOOST_AUTO_TEST_CASE(syntax_errors_point_into_the_formula) {
    std::string text = std::string(header) + indicator("uji.satu", R"toml(realisasi = "pct(a, b"
[indikator.masukan]
a = "A"
b = "B"
)toml");
    CatalogueCheck check = check_catalogue_text(text, "k.toml");
    BOOST_TEST(has(all_findings(check), "k.toml:9:17: error: this '(' is never closed with ')'"));
}

BOOST_AUTO_TEST_CASE(cycles_among_derived_values) {
    std::string text = std::string(header) + indicator("uji.satu", R"toml(realisasi = "x"
[indikator.masukan]
a = "A"
[indikator.turunan]
x = "y + a"
y = "z * 2"
z = "x - 1"
)toml");
    CatalogueCheck check = check_catalogue_text(text, "k.toml");
    std::string out = all_findings(check);
    BOOST_TEST(has(out, "error: derived values form a cycle: x -> y -> z -> x"));
    BOOST_TEST(check.diagnostics.size() == 1u, out);  // one cycle, reported once
}

BOOST_AUTO_TEST_CASE(unused_inputs_derived_values_and_constants) {
    std::string text = std::string(header) + indicator("uji.satu", R"toml(realisasi = "a * k"
[indikator.masukan]
a = "A"
b = "B"
[indikator.turunan]
d = "b * 2"
[indikator.konstanta]
k = 2
j = 3
)toml");
    CatalogueCheck check = check_catalogue_text(text, "k.toml");
    std::string out = all_findings(check);
    BOOST_TEST(has(out, "warning: input 'b' is not used by any formula"));
    BOOST_TEST(has(out, "warning: derived value 'd' is not used"));
    BOOST_TEST(has(out, "warning: constant 'j' is not used"));
    BOOST_TEST(check.usable());  // warnings only
    BOOST_TEST(!check.clean());  // but not clean: `formulas check` exits 1
}

BOOST_AUTO_TEST_CASE(duplicate_ids_and_names) {
    std::string body = R"toml(realisasi = "a"
[indikator.masukan]
a = "A"
)toml";
    std::string text = std::string(header) + indicator("uji.satu", body) +
                       indicator("uji.satu", body) +
                       "\n[[indikator]]\nid = \"uji.dua\"\nnama = \"INDIKATOR  uji.satu\"\n"
                       "satuan = \"%\"\narah = \"naik\"\nperiode = \"jumlah\"\n" +
                       body;
    CatalogueCheck check = check_catalogue_text(text, "k.toml");
    std::string out = all_findings(check);
    BOOST_TEST(has(out, "error: id 'uji.satu' is already used by the indicator on line 3"));
    BOOST_TEST(has(
        out, "error: name 'INDIKATOR  uji.satu' is also used by indicator 'uji.satu' (line 3)"));
}

BOOST_AUTO_TEST_CASE(structural_mistakes) {
    std::string text = std::string(header) + R"toml(
[[indikator]]
id = "Uji Satu"
nama = "Uji"
satuan = "%"
arah = "naek"
realiasi = "a"
[indikator.masukan]
target = "Salah: nama milik bahasa rumus"
2a = "Nama tidak sah"
)toml";
    CatalogueCheck check = check_catalogue_text(text, "k.toml");
    std::string out = all_findings(check);
    BOOST_TEST(has(out, "k.toml:4:6: error: invalid id 'Uji Satu'"));
    BOOST_TEST(
        has(out, "k.toml:7:8: error: unknown value 'naek' for 'arah'; choose \"naik\", \"turun\""));
    BOOST_TEST(has(
        out,
        "k.toml:8:1: error: unknown key 'realiasi' in [[indikator]] (did you mean 'realisasi'?)"));
    BOOST_TEST(has(out, "error: required key 'periode' is missing"));
    BOOST_TEST(has(out, "error: required key 'realisasi' is missing"));
    BOOST_TEST(has(out, "error: name 'target' is reserved by the formula language"));
    BOOST_TEST(has(out, "error: invalid name '2a'"));
}

BOOST_AUTO_TEST_CASE(target_only_in_the_capaian_formula) {
    std::string text = std::string(header) + indicator("uji.satu", R"toml(realisasi = "a / target"
capaian = "realisasi / target * 100 + a - capaian"
[indikator.masukan]
a = "A"
)toml");
    CatalogueCheck check = check_catalogue_text(text, "k.toml");
    std::string out = all_findings(check);
    BOOST_TEST(has(out, "k.toml:9:18: error: 'target' can only be used in the capaian formula"));
    BOOST_TEST(has(out, "error: a formula cannot use 'capaian' (its own result)"));
    BOOST_TEST(check.diagnostics.size() == 2u, out);
}

BOOST_AUTO_TEST_CASE(invalid_toml_is_one_clear_finding) {
    CatalogueCheck check = check_catalogue_text("[[indikator]]\nid = \"a\nnama = 1\n", "k.toml");
    BOOST_REQUIRE(check.diagnostics.size() == 1u);
    BOOST_TEST(check.diagnostics[0].line == 2);
    BOOST_TEST(has(format_diagnostic(check.diagnostics[0], Lang::id), "TOML tidak sah"));
}

BOOST_AUTO_TEST_CASE(loading_a_broken_catalogue_throws_with_the_file_and_line) {
    ScratchDir scratch;
    std::filesystem::path file = scratch / "k.toml";
    {
        std::ofstream out(file);
        out << header
            << indicator("uji.satu", "realisasi = \"pct(a, b)\"\n[indikator.masukan]\na = \"A\"\n");
    }
    try {
        load_catalogue(file);
        BOOST_FAIL("expected InputError");
    } catch (const InputError& e) {
        BOOST_TEST(e.file() == file.string());
        BOOST_TEST(e.part() == "baris 9");
        BOOST_TEST(has(e.reason().en, "unknown name 'b'"));
    }
    BOOST_CHECK_THROW(load_catalogue(scratch / "tidak-ada.toml"), InputError);
}

BOOST_AUTO_TEST_CASE(own_capaian_formula_and_rounding_override) {
    std::string text = std::string(header) + indicator("uji.satu", R"toml(realisasi = "a"
capaian = "realisasi >= target ? 100 : pct(realisasi, target)"
pembulatan = { mode = "round", desimal = 1 }
[indikator.masukan]
a = "A"
)toml");
    CatalogueCheck check = check_catalogue_text(text, "k.toml");
    BOOST_TEST(check.clean(), all_findings(check));
    CompiledCatalogue compiled(check.catalogue, Settings{});
    Evaluator evaluator(compiled);
    BOOST_TEST(evaluator.evaluate(0, std::vector<double>{130}, 100).capaian == 100);
    BOOST_TEST(evaluator.evaluate(0, std::vector<double>{66.66}, 100).realisasi == 66.7);
    BOOST_TEST(evaluator.evaluate(0, std::vector<double>{66.66}, 100).capaian == 66.7);
    BOOST_TEST(is_na(evaluator.evaluate(0, std::vector<double>{66.66}, na).capaian));
}

BOOST_AUTO_TEST_SUITE_END()
