// Rounding, capaian and kategori: the arithmetic the documents do by hand.
#include <algorithm>
#include <cmath>

#include "evaluate/evaluate.hpp"
#include "evaluate/numeric.hpp"

namespace kinerja {

using evaluate_detail::finite_or_na;

namespace {

constexpr double powers_of_ten[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                    1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                    1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

double ten_to(int exponent) {
    if (exponent >= 0 && exponent <= 22) return powers_of_ten[exponent];
    if (exponent < 0 && exponent >= -22) return 1.0 / powers_of_ten[-exponent];
    return std::pow(10.0, exponent);
}

// Bits after the binary point, up to 12 ("more than 11").
int fraction_bits(double v) {
    double fraction = v - std::floor(v);
    int bits = 0;
    while (fraction != 0 && bits <= 11) {
        fraction *= 2;  // exact in binary
        fraction -= std::floor(fraction);
        ++bits;
    }
    return bits;
}

constexpr double no_snap_above = 2199023255552.0;  // 2^41: few fraction bits left to repair

// The value taken to 15 significant digits, as spreadsheets do before TRUNC/ROUND, so that
// 2849.9999999999995 (0.285 * 100 * 100) counts as 2850. Values with few fraction bits are
// exact already and are left alone, like LibreOffice does.
double approx_15_digits(double v) {
    if (v == 0 || !std::isfinite(v) || v > no_snap_above) return v;
    double magnitude = std::fabs(v);
    if (magnitude == std::floor(magnitude) || fraction_bits(magnitude) <= 11) return v;
    int exponent = 14 - static_cast<int>(std::floor(std::log10(magnitude)));
    double factor = ten_to(std::abs(exponent));
    double scaled = exponent < 0 ? magnitude / factor : magnitude * factor;
    if (!std::isfinite(scaled)) return v;
    scaled = std::round(scaled);
    double result = exponent < 0 ? scaled * factor : scaled / factor;
    return v < 0 ? -result : result;
}

// floor() of a non-negative value, after the 15-digit repair when it could matter.
double approx_floor(double s) {
    double floor = std::floor(s);
    // Snapping moves a value by at most half a unit of its 15th digit (<= 0.5e-14 * s).
    if (floor + 1 - s > 1e-14 * s) return floor;
    return std::floor(approx_15_digits(s));
}

// Rounds |x| to `decimals` with `integral` (approx_floor for truncation).
template <class Integral>
double decimal_round(double x, int decimals, Integral integral) {
    if (std::isnan(x) || !std::isfinite(x)) return na;
    if (x == 0) return 0;
    decimals = std::clamp(decimals, -15, 15);
    double magnitude = std::fabs(x);
    if (decimals >= 0 && magnitude >= 4503599627370496.0) return x;  // 2^52: no fraction left
    // Decimals beyond 15 significant digits are noise: there is nothing to cut.
    if (decimals > 0 && decimals + static_cast<int>(std::floor(std::log10(magnitude))) + 1 > 15) {
        return x;
    }
    double factor = ten_to(std::abs(decimals));
    double scaled = decimals >= 0 ? magnitude * factor : magnitude / factor;
    double whole = integral(scaled);
    double result = decimals >= 0 ? whole / factor : whole * factor;
    if (result == 0) return 0;  // never -0
    return x < 0 ? -result : result;
}

}  // namespace

double trunc_to(double x, int decimals) {
    return decimal_round(x, decimals, approx_floor);
}

double round_to(double x, int decimals) {
    return decimal_round(x, decimals, [](double s) { return approx_floor(s + 0.5); });
}

double apply_rounding(double x, const Rounding& rounding) {
    return rounding.mode == Rounding::Mode::truncate ? trunc_to(x, rounding.decimals)
                                                     : round_to(x, rounding.decimals);
}

double capaian_naik(double realisasi, double target) {
    if (is_na(realisasi) || is_na(target) || target == 0) return na;
    return finite_or_na(realisasi / target * 100);
}

double capaian_turun(double realisasi, double target, TurunRule rule) {
    if (is_na(realisasi) || is_na(target)) return na;
    if (rule == TurunRule::permenpan) {
        if (target == 0) return na;
        return finite_or_na(std::max(0.0, (2 * target - realisasi) / target * 100));
    }
    if (realisasi == 0) return na;  // the printed formula divides by realisasi
    return finite_or_na((target - (realisasi - target)) / realisasi * 100);
}

double capaian(double realisasi, double target, Direction direction, const Settings& settings) {
    double value = direction == Direction::naik ? capaian_naik(realisasi, target)
                                                : capaian_turun(realisasi, target, settings.turun);
    if (settings.cap && value > *settings.cap) value = *settings.cap;
    return apply_rounding(value, settings.rounding);
}

const KategoriBand* kategori(double capaian, const KategoriScale& scale) {
    if (is_na(capaian)) return nullptr;
    for (const auto& band : scale.bands) {
        if (!band.above || capaian > *band.above) return &band;
    }
    return nullptr;
}

KategoriScale lkjip_scale() {
    return {"lkjip",
            {{"AA", 85, "Memuaskan"},
             {"A", 75, "Sangat Baik"},
             {"B", 65, "Baik, perlu sedikit perbaikan"},
             {"CC", 50, "Cukup (memadai), perlu banyak perbaikan yang tidak mendasar"},
             {"C", 30, "Kurang, perlu banyak perbaikan, termasuk perubahan yang mendasar"},
             {"D", std::nullopt,
              "Sangat Kurang, perlu banyak sekali perbaikan & perubahan yang sangat mendasar"}}};
}

KategoriScale akip_scale() {
    return {"akip",
            {{"AA", 90, "Sangat Memuaskan"},
             {"A", 80, "Memuaskan"},
             {"BB", 70, "Sangat Baik"},
             {"B", 60, "Baik"},
             {"CC", 50, "Cukup"},
             {"C", 30, "Kurang"},
             {"D", std::nullopt, "Sangat Kurang"}}};
}

KategoriScale renja_scale() {
    return {"renja",
            {{"ST", 90, "Sangat Tinggi"},
             {"T", 75, "Tinggi"},
             {"S", 65, "Sedang"},
             {"R", 50, "Rendah"},
             {"SR", std::nullopt, "Sangat Rendah"}}};
}

}  // namespace kinerja
