// Rounding, capaian and kategori rules.
#include <boost/test/unit_test.hpp>
#include <cmath>

#include "evaluate/evaluate.hpp"

using namespace kinerja;

BOOST_AUTO_TEST_SUITE(rules)

BOOST_AUTO_TEST_CASE(truncation_keeps_the_digits_the_documents_print) {
    BOOST_TEST(trunc_to(94.117647058823522, 2) == 94.11);
    BOOST_TEST(trunc_to(80.0 / 85 * 100, 2) == 94.11);
    BOOST_TEST(trunc_to(142.857, 0) == 142);
    BOOST_TEST(trunc_to(100.0 / 70 * 100, 0) == 142);
    BOOST_TEST(trunc_to(80.0 / 94 * 100, 2) == 85.1);
    BOOST_TEST(trunc_to(-94.117, 2) == -94.11);  // toward zero, like Excel's TRUNC
    BOOST_TEST(trunc_to(1234.5, -2) == 1200);
    BOOST_TEST(trunc_to(0.999, 0) == 0);
    BOOST_TEST(!std::signbit(trunc_to(-0.001, 2)));  // no "-0"
}

BOOST_AUTO_TEST_CASE(binary_noise_does_not_cross_a_rounding_boundary) {
    // 0.285 * 100 is 28.499999999999996 in binary; the documents and spreadsheets say 28.5.
    BOOST_TEST(0.285 * 100 < 28.5);
    BOOST_TEST(trunc_to(0.285 * 100, 2) == 28.5);
    BOOST_TEST(trunc_to(0.285 * 100, 1) == 28.5);
    BOOST_TEST(trunc_to(1.1 * 3, 1) == 3.3);    // 3.3000000000000003
    BOOST_TEST(trunc_to(0.7 * 100, 0) == 70);   // 70.00000000000001 stays 70
    BOOST_TEST(trunc_to(0.57 * 100, 0) == 57);  // 56.99999999999999 becomes 57
    BOOST_TEST(round_to(1.005, 2) == 1.01);     // 1.00499999999999989...
    BOOST_TEST(round_to(2.675, 2) == 2.68);
    // A value genuinely below the boundary (not noise) is still truncated.
    BOOST_TEST(trunc_to(28.4999999, 2) == 28.49);
    BOOST_TEST(trunc_to(94.1199999999, 2) == 94.11);
}

BOOST_AUTO_TEST_CASE(rounding_is_half_away_from_zero) {
    BOOST_TEST(round_to(94.115, 2) == 94.12);
    BOOST_TEST(round_to(-94.115, 2) == -94.12);
    BOOST_TEST(round_to(142.857, 0) == 143);
    BOOST_TEST(round_to(0.5, 0) == 1);
    BOOST_TEST(round_to(1234.5, -1) == 1230);
    BOOST_TEST(apply_rounding(97.875, {Rounding::Mode::round, 2}) == 97.88);
    BOOST_TEST(apply_rounding(97.875, {Rounding::Mode::truncate, 2}) == 97.87);
}

BOOST_AUTO_TEST_CASE(huge_and_not_applicable_values_pass_through) {
    BOOST_TEST(is_na(trunc_to(na, 2)));
    BOOST_TEST(is_na(round_to(na, 2)));
    BOOST_TEST(is_na(trunc_to(INFINITY, 2)));
    BOOST_TEST(trunc_to(1e17, 2) == 1e17);
    BOOST_TEST(trunc_to(17281590000.0, 2) == 17281590000.0);
    BOOST_TEST(trunc_to(1e-300, 2) == 0);
    BOOST_TEST(trunc_to(123.456, 40) == 123.456);  // decimals clamped, value kept
}

BOOST_AUTO_TEST_CASE(capaian_naik_divides_by_the_target) {
    BOOST_TEST(capaian_naik(100, 80) == 125);
    BOOST_TEST(capaian_naik(74, 80) == 92.5);
    BOOST_TEST(is_na(capaian_naik(80, 0)));  // zero target: not applicable, never inf
    BOOST_TEST(is_na(capaian_naik(na, 80)));
    BOOST_TEST(is_na(capaian_naik(80, na)));
    BOOST_TEST(capaian_naik(-10, 50) == -20);
    BOOST_TEST(is_na(capaian_naik(1e308, 1e-10)));  // overflow is not a figure
}

BOOST_AUTO_TEST_CASE(both_turun_rules) {
    // Lower is better: target 10%, realisasi 5%.
    BOOST_TEST(capaian_turun(5, 10, TurunRule::permenpan) == 150);  // (20 - 5) / 10
    BOOST_TEST(capaian_turun(5, 10, TurunRule::seed003) == 300);    // (10 - (5 - 10)) / 5
    BOOST_TEST(capaian_turun(10, 10, TurunRule::permenpan) == 100);
    BOOST_TEST(capaian_turun(10, 10, TurunRule::seed003) == 100);
    BOOST_TEST(capaian_turun(15, 10, TurunRule::permenpan) == 50);
    BOOST_TEST(capaian_turun(30, 10, TurunRule::permenpan) == 0);  // floored at 0
    BOOST_TEST(capaian_turun(30, 10, TurunRule::seed003) < 0);     // printed as is, no floor
    BOOST_TEST(is_na(capaian_turun(5, 0, TurunRule::permenpan)));
    BOOST_TEST(is_na(capaian_turun(0, 10, TurunRule::seed003)));  // divides by realisasi
    BOOST_TEST(capaian_turun(0, 10, TurunRule::permenpan) == 200);
    BOOST_TEST(is_na(capaian_turun(na, 10, TurunRule::permenpan)));
}

BOOST_AUTO_TEST_CASE(capaian_applies_rule_cap_and_rounding) {
    Settings s;
    BOOST_TEST(capaian(100, 31, Direction::naik, s) == 322.58);  // uncapped, as in seed 004
    s.cap = 120;
    BOOST_TEST(capaian(100, 31, Direction::naik, s) == 120);
    BOOST_TEST(capaian(80, 85, Direction::naik, s) == 94.11);
    s.cap = 150;
    s.turun = TurunRule::seed003;
    BOOST_TEST(capaian(5, 10, Direction::turun, s) == 150);
    BOOST_TEST(is_na(capaian(5, na, Direction::turun, s)));
    s.rounding = {Rounding::Mode::truncate, 0};
    s.cap.reset();
    BOOST_TEST(capaian(100, 70, Direction::naik, s) == 142);
}

BOOST_AUTO_TEST_CASE(every_lkjip_boundary) {
    KategoriScale scale = lkjip_scale();
    auto code = [&](double c) { return kategori(c, scale)->kode; };
    BOOST_TEST(code(100) == "AA");
    BOOST_TEST(code(322) == "AA");  // above 100 is still the top band
    BOOST_TEST(code(85.01) == "AA");
    BOOST_TEST(code(85) == "A");
    BOOST_TEST(code(75.01) == "A");
    BOOST_TEST(code(75) == "B");
    BOOST_TEST(code(65.01) == "B");
    BOOST_TEST(code(65) == "CC");
    BOOST_TEST(code(50.01) == "CC");
    BOOST_TEST(code(50) == "C");
    BOOST_TEST(code(30.01) == "C");
    BOOST_TEST(code(30) == "D");
    BOOST_TEST(code(0) == "D");
    BOOST_TEST(code(-20) == "D");
    BOOST_TEST(kategori(85.01, scale)->keterangan == "Memuaskan");
    BOOST_TEST(kategori(na, scale) == nullptr);
}

BOOST_AUTO_TEST_CASE(every_akip_boundary) {
    KategoriScale scale = akip_scale();
    auto code = [&](double c) { return kategori(c, scale)->kode; };
    BOOST_TEST(code(90.01) == "AA");
    BOOST_TEST(code(90) == "A");
    BOOST_TEST(code(80.01) == "A");
    BOOST_TEST(code(80) == "BB");
    BOOST_TEST(code(70.01) == "BB");
    BOOST_TEST(code(70) == "B");
    BOOST_TEST(code(60.01) == "B");
    BOOST_TEST(code(60) == "CC");
    BOOST_TEST(code(50.01) == "CC");
    BOOST_TEST(code(50) == "C");
    BOOST_TEST(code(30.01) == "C");
    BOOST_TEST(code(30) == "D");
    BOOST_TEST(code(150) == "AA");
}

BOOST_AUTO_TEST_SUITE_END()
