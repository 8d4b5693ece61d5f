// The template's rules: capaian by direction (naik / turun), the cap, rounding and the kategori
// scales, as formulas/pengaturan.toml (and a workbook's Rumus sheet) set them. Also the
// not-applicable value that every formula passes on.
#pragma once

#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kinerja {

// ---------------------------------------------------------------- not applicable

// Not applicable ("-" in the workbook) is a quiet NaN. Every function and operator of the
// formula language propagates it, except the few made to handle it (avg_na, sum_na, ifna, ...).
inline constexpr double na = std::numeric_limits<double>::quiet_NaN();
inline bool is_na(double x) {
    return std::isnan(x);
}

// ---------------------------------------------------------------- rules and settings

enum class Direction { naik, turun };              // higher is better / lower is better
enum class PeriodCombine { jumlah, akhir, rata };  // cumulative sum, last period, average
enum class TurunRule {
    permenpan,  // (2T - R) / T * 100, floored at 0 (PermenPANRB guidance)
    seed003,    // (T - (R - T)) / R * 100, as printed in the LKjIP of Rutan SoE (Rumus B)
};

struct Rounding {
    enum class Mode { truncate, round };
    Mode mode = Mode::truncate;
    int decimals = 2;
    bool operator==(const Rounding&) const = default;
};

// The words for these values, as formulas/ and a Rumus sheet write them: the one table per
// enum that readers and printers use. A value's first word is its name; a later word is
// another accepted spelling ("menurun").
template <class E>
struct EnumWord {
    E value;
    const char* word;
};
inline constexpr EnumWord<Direction> direction_words[] = {
    {Direction::naik, "naik"}, {Direction::turun, "turun"}, {Direction::turun, "menurun"}};
inline constexpr EnumWord<PeriodCombine> period_words[] = {{PeriodCombine::jumlah, "jumlah"},
                                                           {PeriodCombine::akhir, "akhir"},
                                                           {PeriodCombine::rata, "rata"}};
inline constexpr EnumWord<TurunRule> turun_rule_words[] = {{TurunRule::permenpan, "permenpan"},
                                                           {TurunRule::seed003, "seed003"}};
inline constexpr EnumWord<Rounding::Mode> rounding_mode_words[] = {
    {Rounding::Mode::truncate, "truncate"}, {Rounding::Mode::round, "round"}};

inline std::span<const EnumWord<Direction>> enum_words(Direction) {
    return direction_words;
}
inline std::span<const EnumWord<PeriodCombine>> enum_words(PeriodCombine) {
    return period_words;
}
inline std::span<const EnumWord<TurunRule>> enum_words(TurunRule) {
    return turun_rule_words;
}
inline std::span<const EnumWord<Rounding::Mode>> enum_words(Rounding::Mode) {
    return rounding_mode_words;
}
// The name of a value: word_of(Direction::turun) == "turun".
template <class E>
const char* word_of(E value) {
    for (const auto& w : enum_words(value))
        if (w.value == value) return w.word;
    return "";
}

// One band of a category scale: capaian strictly above `above` (no bound for the last band).
struct KategoriBand {
    std::string kode;  // "AA"
    std::optional<double> above;
    std::string keterangan;  // "Memuaskan"
};

// Bands from the highest down. Capaian above 100 is in the top band (AA): the LKjIPs leave
// capaian uncapped and a unit that exceeds its target has not done worse than one that met it.
struct KategoriScale {
    std::string name;  // "lkjip", "akip"
    std::vector<KategoriBand> bands;
};
KategoriScale lkjip_scale();  // AA >85, A >75, B >65, CC >50, C >30, D
KategoriScale akip_scale();   // AA >90, A >80, BB >70, B >60, CC >50, C >30, D
// The Renja evaluation's predikat (Permendagri 86/2017): Sangat Tinggi >90, Tinggi >75,
// Sedang >65, Rendah >50, Sangat Rendah.
KategoriScale renja_scale();

struct Settings {
    TurunRule turun = TurunRule::permenpan;
    std::optional<double> cap;  // none, 100, 120 or 150
    Rounding rounding;          // truncate to 2 decimals, as the documents do
    KategoriScale scale = lkjip_scale();
    std::map<std::string, KategoriScale> scales{
        {"lkjip", lkjip_scale()}, {"akip", akip_scale()}, {"renja", renja_scale()}};
    // Per-indicator constant overrides: indicator id -> constant name -> value (IKPA weights).
    std::map<std::string, std::map<std::string, double>> constants;
    // The direction of indicators outside the catalogue, by normalize_indicator_name of their
    // name: the `Rumus` sheet's rows that give an Arah and no Realisasi. Others are naik.
    std::map<std::string, Direction> directions;
};

// Truncates toward zero / rounds half away from zero to `decimals` (-15..15) decimal places,
// as Excel's TRUNC and ROUND do. The value is first taken to 15 significant digits, so
// binary noise cannot cross a boundary: trunc_to(0.285 * 100, 2) == 28.5, not 28.49.
double trunc_to(double x, int decimals);
double round_to(double x, int decimals);
double apply_rounding(double x, const Rounding& rounding);

double capaian_naik(double realisasi, double target);  // R / T * 100
double capaian_turun(double realisasi, double target, TurunRule rule);
// The template's rule for the direction, then the cap, then rounding.
double capaian(double realisasi, double target, Direction direction, const Settings& settings);
// The band that holds `capaian`, or nullptr when capaian is not applicable.
const KategoriBand* kategori(double capaian, const KategoriScale& scale);

}  // namespace kinerja
