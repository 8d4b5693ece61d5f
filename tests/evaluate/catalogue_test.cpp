// The shipped catalogue and settings: clean, complete, and reproducing the documents' figures.
#include <boost/test/unit_test.hpp>
#include <thread>

#include "evaluate/evaluate.hpp"
#include "support/support.hpp"

using namespace kinerja;

namespace {

const Catalogue& shipped() {
    static const Catalogue catalogue = load_catalogue(default_formulas_dir() / "indikator.toml");
    return catalogue;
}

Settings shipped_settings() {
    return load_settings(default_formulas_dir() / "pengaturan.toml");
}

struct Fixture {
    explicit Fixture(Settings s = shipped_settings())
        : compiled(shipped(), std::move(s)), evaluator(compiled) {}
    std::size_t index(const std::string& id) {
        auto i = compiled.index_of(id);
        BOOST_REQUIRE_MESSAGE(i, "no indicator " << id);
        return *i;
    }
    IndicatorResult run(const std::string& id, std::vector<double> inputs, double target) {
        return evaluator.evaluate(index(id), inputs, target);
    }
    CompiledCatalogue compiled;
    Evaluator evaluator;
};

Settings seed004_settings() {
    Settings s = shipped_settings();
    s.rounding = {Rounding::Mode::truncate, 0};  // seed 004 prints whole percentages
    return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(catalogue)

BOOST_AUTO_TEST_CASE(the_shipped_catalogue_and_settings_are_clean) {
    CatalogueCheck check = check_catalogue(default_formulas_dir() / "indikator.toml");
    for (const auto& d : check.diagnostics) BOOST_TEST_MESSAGE(format_diagnostic(d, Lang::en));
    BOOST_TEST(check.clean());
    BOOST_TEST(check.catalogue.indicators.size() >= 90u);
    SettingsCheck settings =
        check_settings(default_formulas_dir() / "pengaturan.toml", {}, &check.catalogue);
    for (const auto& d : settings.diagnostics) BOOST_TEST_MESSAGE(format_diagnostic(d, Lang::en));
    BOOST_TEST(settings.clean());
    BOOST_TEST((settings.settings.turun == TurunRule::permenpan));
    BOOST_TEST(!settings.settings.cap.has_value());
    BOOST_TEST((settings.settings.rounding == Rounding{Rounding::Mode::truncate, 2}));
    BOOST_TEST(settings.settings.scale.name == "lkjip");
    BOOST_TEST(settings.settings.scales.at("akip").bands.size() == 7u);
}

BOOST_AUTO_TEST_CASE(every_indicator_has_what_designers_need) {
    for (const auto& ind : shipped().indicators) {
        BOOST_TEST_CONTEXT(ind.id) {
            BOOST_TEST(!ind.name.empty());
            BOOST_TEST(!ind.units.empty());
            BOOST_TEST(!ind.inputs.empty());
            BOOST_TEST(!ind.sasaran.empty());
            for (const auto& v : ind.inputs) BOOST_TEST(!v.description.empty());
        }
    }
    // The budget measures carry their weights as data.
    const Indicator* ikpa = shipped().find("anggaran.ikpa");
    BOOST_REQUIRE(ikpa);
    BOOST_TEST(ikpa->constants.size() == 8u);
    const Indicator* ikpa2024 = shipped().find("anggaran.ikpa_2024");
    BOOST_REQUIRE(ikpa2024);
    auto deviasi = std::find_if(ikpa2024->constants.begin(), ikpa2024->constants.end(),
                                [](const Constant& c) { return c.name == "bobot_deviasi_dipa"; });
    BOOST_REQUIRE(deviasi != ikpa2024->constants.end());
    BOOST_TEST(deviasi->value == 15);
    BOOST_TEST((shipped().find("bapas.pelanggaran_pb")->direction == Direction::turun));
}

BOOST_AUTO_TEST_CASE(seed_004_figures_reproduce) {
    Fixture f(seed004_settings());
    // 1.367 / 1.367 x 100% = 100%, capaian 100% / 80% = 125%
    IndicatorResult r = f.run("perawatan.makanan", {1367, 1367}, 80);
    BOOST_TEST(r.realisasi == 100);
    BOOST_TEST(r.capaian == 125);
    BOOST_TEST(r.kategori->kode == "AA");
    // HIV/TB: no HIV cases (0/0 does not apply), TB 3/3; the capaian uses 70% (not the PK's 80%).
    r = f.run("perawatan.hiv_tb", {0, 0, 3, 3}, 70);
    BOOST_TEST(r.realisasi == 100);
    BOOST_TEST(r.capaian == 142);
    struct Row {
        const char* id;
        std::vector<double> inputs;
        double target, realisasi, capaian;
    };
    const Row rows[] = {
        {"perawatan.kesehatan_preventif", {2777, 2777}, 94, 100, 106},
        {"perawatan.maternal", {1, 1}, 97, 100, 103},
        {"perawatan.gangguan_mental", {1, 1}, 80, 100, 125},
        {"perawatan.lansia", {40, 40}, 85, 100, 117},
        {"perawatan.disabilitas", {1, 1}, 85, 100, 117},
        {"pembinaan.remisi", {1299, 1299}, 99, 100, 101},
        {"pembinaan.integrasi", {608, 608}, 85, 100, 117},
        {"pembinaan.risiko_tinggi", {2, 6}, 17, 33, 194},
        {"pembinaan.vokasi", {40, 40}, 31, 100, 322},
        {"pembinaan.bekerja_produktif", {46, 46}, 72, 100, 138},
        {"keamanan.pengaduan", {1, 1}, 85, 100, 117},
        {"keamanan.gangguan_dicegah", {13, 13}, 80, 100, 125},
        {"keamanan.kepatuhan", {5, 5}, 85, 100, 117},
        {"keamanan.pemulihan", {5, 5}, 80, 100, 125},
    };
    for (const auto& row : rows) {
        BOOST_TEST_CONTEXT(row.id) {
            r = f.run(row.id, row.inputs, row.target);
            BOOST_TEST(r.realisasi == row.realisasi);
            BOOST_TEST(r.capaian == row.capaian);
        }
    }
    // 0 / 0 is not applicable ("-"); seed 004 printed it as 0%.
    r = f.run("pembinaan.pendidikan", {0, 0}, 85);
    BOOST_TEST(is_na(r.realisasi));
    BOOST_TEST(is_na(r.capaian));
    BOOST_TEST(r.kategori == nullptr);
}

BOOST_AUTO_TEST_CASE(seed_003_figures_reproduce) {
    Fixture f;  // truncate to 2 decimals, the default
    // Tabel 3.2 gives realisasi directly; capaian = R / T x 100, truncated.
    struct Row {
        const char* id;
        double target, realisasi, capaian;
    };
    const Row rows[] = {
        {"perawatan.makanan", 80, 74, 92.5},
        {"perawatan.kesehatan_preventif", 94, 80, 85.1},  // printed "85,1"
        {"perawatan.maternal", 97, 97, 100},
        {"perawatan.lansia", 85, 80, 94.11},
        {"tahanan.penyuluhan_hukum", 90, 80, 88.88},
        {"keamanan.pengaduan", 85, 80, 94.11},
        {"keamanan.gangguan_dicegah", 80, 74, 92.5},
    };
    for (const auto& row : rows) {
        BOOST_TEST_CONTEXT(row.id) {
            BOOST_TEST(f.evaluator.capaian(f.index(row.id), row.realisasi, row.target) ==
                       row.capaian);
        }
    }
    // The same through inputs: 80 of 94 served.
    IndicatorResult r = f.run("perawatan.kesehatan_preventif", {80, 94}, 100);
    BOOST_TEST(r.realisasi == 85.1);
    r = f.run("perawatan.lansia", {80, 85}, 100);
    BOOST_TEST(r.realisasi == 94.11);
    BOOST_TEST(r.kategori->kode == "AA");
}

BOOST_AUTO_TEST_CASE(budget_figures_reproduce) {
    Fixture f;
    auto penyerapan = [&](double realisasi, double pagu) {
        return f.evaluator.realisasi(f.index("anggaran.penyerapan"),
                                     std::vector<double>{realisasi, pagu});
    };
    // Seed 003, Gambar 3.1/3.2: SPAN rounds.
    BOOST_TEST(penyerapan(3438997921, 3549879000) == 96.88);
    BOOST_TEST(penyerapan(2689243069, 3148521000) == 85.41);
    BOOST_TEST(penyerapan(2653876069, 3148521000) == 84.29);  // the correct one of 84.23/84.29
    BOOST_TEST(penyerapan(341050081, 361931000) == 94.23);
    BOOST_TEST(penyerapan(6433924071, 7060331000) == 91.13);
    // Seed 003, Tabel 3.6.
    BOOST_TEST(penyerapan(1842279563, 2334160000) == 78.93);
    BOOST_TEST(penyerapan(15557000, 28504000) == 54.58);
    BOOST_TEST(penyerapan(3772686066, 4256310000) == 88.64);
    BOOST_TEST(penyerapan(6502000, 10500000) == 61.92);
    BOOST_TEST(penyerapan(54966000, 68926000) == 79.75);
    BOOST_TEST(penyerapan(6033040710, 7060331000) == 85.45);
    // Seed 004.
    BOOST_TEST(penyerapan(17080255708, 17281590000) == 98.83);
    BOOST_TEST(penyerapan(10751547542, 10806900000) == 99.49);
    BOOST_TEST(penyerapan(17068453115, 17281590000) == 98.77);
    // Sisa = pagu - realisasi (seed 003, Gambar 3.2).
    std::size_t sisa = f.index("anggaran.sisa");
    BOOST_TEST(f.evaluator.realisasi(sisa, std::vector<double>{3438997921, 3549879000}) ==
               110881079);
    BOOST_TEST(f.evaluator.realisasi(sisa, std::vector<double>{6433924071, 7060331000}) ==
               626406929);
    // IKPA of seed 003: 97.88 with the weights 10/10/20/10/10/10/5/25.
    IndicatorResult ikpa =
        f.run("anggaran.ikpa", {100, 89.75, 96.83, 100, 100, 95.34, 100, 100}, 100);
    BOOST_TEST(ikpa.realisasi == 97.88);
    // A component that does not apply drops out with its weight (konversi bobot).
    ikpa = f.run("anggaran.ikpa", {100, 100, 100, na, 100, 100, 100, 100}, 100);
    BOOST_TEST(ikpa.realisasi == 100);
    // Nilai kinerja anggaran of seed 004: 60% x 99,98 + 40% x 100 = 99,98.
    IndicatorResult nka = f.run("anggaran.nilai_kinerja", {99.98, 100}, 100);
    BOOST_TEST(nka.realisasi == 99.98);
}

BOOST_AUTO_TEST_CASE(ikpa_2024_weights_and_the_dispensation_deduction) {
    Fixture f;
    // All components 100 and no deduction: 100. Deviasi 80 weighs 15 of 100.
    BOOST_TEST(
        f.run("anggaran.ikpa_2024", {100, 100, 100, 100, 100, 100, 100, na}, 100).realisasi == 100);
    BOOST_TEST(f.run("anggaran.ikpa_2024", {100, 80, 100, 100, 100, 100, 100, na}, 100).realisasi ==
               97);
    BOOST_TEST(
        f.run("anggaran.ikpa_2024", {100, 80, 100, 100, 100, 100, 100, 0.5}, 100).realisasi ==
        96.5);
    // The old weights give deviasi 10 of 100.
    BOOST_TEST(f.run("anggaran.ikpa", {100, 80, 100, 100, 100, 100, 100, 100}, 100).realisasi ==
               98);
}

BOOST_AUTO_TEST_CASE(template_settings_override_the_defaults) {
    std::string text =
        "[capaian]\nturun = \"seed003\"\nbatas_atas = 120\n"
        "[pembulatan]\ndesimal = 1\n"
        "[kategori]\nskala = \"akip\"\n"
        "[konstanta.\"anggaran.ikpa\"]\nbobot_deviasi_dipa = 15\n";
    SettingsCheck check = check_settings_text(text, "templat.toml", shipped_settings(), &shipped());
    BOOST_TEST(check.clean());
    Settings s = check.settings;
    BOOST_TEST((s.turun == TurunRule::seed003));
    BOOST_TEST(*s.cap == 120);
    BOOST_TEST((s.rounding.mode == Rounding::Mode::truncate));  // not named: kept
    BOOST_TEST(s.rounding.decimals == 1);
    Fixture f(s);
    IndicatorResult r = f.run("pembinaan.vokasi", {40, 40}, 31);
    BOOST_TEST(r.capaian == 120);
    BOOST_TEST(r.kategori->kode == "AA");
    r = f.run("perawatan.makanan", {75, 100}, 100);
    BOOST_TEST(r.kategori->kode == "BB");  // 75 is B on the LKjIP scale, BB on the AKIP one
    r = f.run("bapas.pelanggaran_pb", {5, 100}, 10);  // 5% violations against a 10% target
    BOOST_TEST(r.capaian == 120);                     // seed003 gives 300, capped
    BOOST_TEST(f.run("anggaran.ikpa", {100, 80, 100, 100, 100, 100, 100, 100}, 100).realisasi ==
               97.14);
}

BOOST_AUTO_TEST_CASE(bad_settings_are_reported_with_positions) {
    std::string text =
        "[capaian]\nturun = \"permenpann\"\nbatas_atas = 110\n"
        "[pembulatan]\nmode = \"potong\"\n"
        "[kategori]\nskala = \"abc\"\n"
        "[konstanta.\"anggaran.ikpa\"]\nbobot_tidak_ada = 1\n"
        "[konstanta.\"tidak.ada\"]\nx = 1\n";
    SettingsCheck check = check_settings_text(text, "t.toml", {}, &shipped());
    std::string all;
    for (const auto& d : check.diagnostics) all += format_diagnostic(d, Lang::en);
    BOOST_TEST(check.diagnostics.size() == 6u);
    BOOST_TEST(all.find("t.toml:2:9: error: unknown value 'permenpann' for 'turun'") !=
               std::string::npos);
    BOOST_TEST(all.find("t.toml:3:14: error: 'batas_atas' must be") != std::string::npos);
    BOOST_TEST(all.find("unknown value 'potong' for 'pembulatan'") != std::string::npos);
    BOOST_TEST(all.find("no scale 'abc'") != std::string::npos);
    BOOST_TEST(all.find("has no constant 'bobot_tidak_ada'") != std::string::npos);
    BOOST_TEST(all.find("indicator 'tidak.ada' is not in the catalogue") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(evaluation_by_name_and_wrong_input_counts) {
    Fixture f;
    IndicatorResult r =
        f.evaluator.evaluate("perawatan.makanan", {{"terpenuhi", 74}, {"jumlah_wbp", 100}}, 80);
    BOOST_TEST(r.realisasi == 74);
    BOOST_TEST(r.capaian == 92.5);
    r = f.evaluator.evaluate("perawatan.makanan", {{"terpenuhi", 74}},
                             80);  // missing: not applicable
    BOOST_TEST(is_na(r.realisasi));
    BOOST_CHECK_THROW(f.evaluator.evaluate("tidak.ada", {}, 80), std::out_of_range);
    BOOST_CHECK_THROW(f.evaluator.realisasi(f.index("perawatan.makanan"), std::vector<double>{1}),
                      std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(one_evaluator_per_thread_over_a_shared_catalogue) {
    CompiledCatalogue compiled(shipped(), shipped_settings());
    auto inputs_for = [&](std::size_t i, int k) {
        std::vector<double> v;
        for (std::size_t n = 0; n < compiled.indicator(i).inputs.size(); ++n) {
            v.push_back(static_cast<double>((k * 7 + n * 13 + i) % 50 + 1));
        }
        return v;
    };
    Evaluator reference(compiled);
    std::vector<double> expected;
    for (int k = 0; k < 200; ++k) {
        for (std::size_t i = 0; i < compiled.size(); ++i)
            expected.push_back(reference.evaluate(i, inputs_for(i, k), 80).capaian);
    }
    std::vector<int> mismatches(4, 0);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            Evaluator mine(compiled);
            std::size_t at = 0;
            for (int k = 0; k < 200; ++k) {
                for (std::size_t i = 0; i < compiled.size(); ++i, ++at) {
                    double got = mine.evaluate(i, inputs_for(i, k), 80).capaian;
                    if (!((is_na(got) && is_na(expected[at])) || got == expected[at]))
                        ++mismatches[t];
                }
            }
        });
    }
    for (auto& thread : threads) thread.join();
    for (int t = 0; t < 4; ++t) BOOST_TEST(mismatches[t] == 0);
}

BOOST_AUTO_TEST_SUITE_END()
