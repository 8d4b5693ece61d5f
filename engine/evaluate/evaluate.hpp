// Stage 3: indicator formulas. The catalogue of indicators (formulas/indikator.toml), the
// template settings (formulas/pengaturan.toml), the formula language evaluated by muParser,
// capaian/kategori rules, name matching for table recognition, and Excel formula translation.
//
//     auto catalogue = kinerja::load_catalogue(kinerja::default_formulas_dir() / "indikator.toml");
//     auto settings = kinerja::load_settings(kinerja::default_formulas_dir() / "pengaturan.toml");
//     kinerja::CompiledCatalogue compiled(catalogue, settings);   // parse every formula once
//     kinerja::Evaluator evaluator(compiled);                      // one per thread
//     auto i = *compiled.index_of("perawatan.makanan");
//     auto r = evaluator.evaluate(i, std::vector<double>{1367, 1367}, 80);
//     // r.realisasi == 100, r.capaian == 125, r.kategori->kode == "AA"
//
// Not applicable ("-" in the workbook) is a quiet NaN, `kinerja::na`. Every function and
// operator propagates it, except the few made to handle it (avg_na, sum_na, wavg_na, ifna, isna).
#pragma once

#include <cmath>
#include <cstddef>
#include <filesystem>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "common/message.hpp"
#include "model/workbook.hpp"

namespace kinerja {

// ---------------------------------------------------------------- not applicable

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

struct Settings {
    TurunRule turun = TurunRule::permenpan;
    std::optional<double> cap;  // none, 100, 120 or 150
    Rounding rounding;          // truncate to 2 decimals, as the documents do
    KategoriScale scale = lkjip_scale();
    std::map<std::string, KategoriScale> scales{{"lkjip", lkjip_scale()}, {"akip", akip_scale()}};
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

// ---------------------------------------------------------------- diagnostics

// Severity (error, warning) comes from common/message.hpp, shared with validation findings.

// A problem in a formula or a catalogue/settings file, printed the way a compiler does.
struct Diagnostic {
    Severity severity = Severity::error;
    std::string file;         // may be empty for a bare formula
    int line = 0;             // 1-based; 0 when unknown
    int column = 0;           // 1-based, in characters
    int length = 1;           // characters to underline
    std::string source_line;  // the text shown under the message, with the caret
    Message message;
};
// "file:line:column: galat: message\n  line | text\n       | ^~~~\n"
std::string format_diagnostic(const Diagnostic& diagnostic, Lang lang);

// A formula that cannot be used. `diagnostics` holds every problem found, positions relative
// to the formula text (line 1, column = 1-based character index).
class FormulaError : public std::runtime_error {
public:
    explicit FormulaError(std::vector<Diagnostic> diagnostics);
    const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
    std::string describe(Lang lang) const;

private:
    std::vector<Diagnostic> diagnostics_;
};

// ---------------------------------------------------------------- formulas

constexpr std::size_t max_formula_length = 5000;

// variable name -> cell reference or expression: "E5", "'Data'!C7", "SUM(E5:E8)", "D5*100"
using CellMap = std::map<std::string, std::string>;  // characters; muParser's own limit is 20,000

struct FormulaAst;  // internal

// A parsed and checked formula over named variables: immutable, share it between threads.
// Constants are folded in as numbers. Unknown names, wrong argument counts and syntax errors
// throw FormulaError.
class Formula {
public:
    static Formula parse(std::string_view text, const std::vector<std::string>& variables,
                         const std::map<std::string, double>& constants = {});
    const std::string& text() const;
    const std::vector<std::string>& variables() const;  // slot order for evaluation
    bool uses(std::string_view variable) const;
    // The equivalent Excel formula (without '='), each variable replaced by the cell reference
    // or expression in `cells`. Not-applicable cells (text such as "-", or blank) and
    // divisions by zero give "-"; with `rounding` the value is wrapped in TRUNC/ROUND:
    // IF(OR(NOT(ISNUMBER(E5)),NOT(ISNUMBER(D5))),"-",IF(D5=0,"-",TRUNC(E5/D5*100,2))).
    // Throws std::out_of_range for a variable missing from `cells`.
    std::string excel(const CellMap& cells, std::optional<Rounding> rounding = std::nullopt,
                      TurunRule turun = TurunRule::permenpan) const;
    const FormulaAst& ast() const { return *ast_; }

private:
    Formula() = default;  // only parse() makes one
    friend Formula formula_from_ast(std::shared_ptr<const FormulaAst> ast);
    std::shared_ptr<const FormulaAst> ast_;
};

// Evaluates one Formula with its own muParser instance: create one per thread.
class FormulaEvaluator {
public:
    explicit FormulaEvaluator(const Formula& formula, TurunRule turun = TurunRule::permenpan);
    ~FormulaEvaluator();
    FormulaEvaluator(FormulaEvaluator&&) noexcept;
    FormulaEvaluator& operator=(FormulaEvaluator&&) noexcept;
    // `values` in the order of Formula::variables(). Returns na when not applicable.
    double evaluate(std::span<const double> values);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Parses and evaluates once: for the `kinerja eval` calculator and tests.
double evaluate_expression(std::string_view text, const std::map<std::string, double>& values,
                           TurunRule turun = TurunRule::permenpan);

// ---------------------------------------------------------------- the catalogue

// Where a value sits in its TOML file.
struct SourceRef {
    std::string file;
    int line = 0;
    int column = 0;
};

struct Variable {
    std::string name;                     // terpenuhi
    std::string description;              // Jumlah pemenuhan layanan makanan
    std::optional<PeriodCombine> period;  // overrides the indicator's period combination
    SourceRef at;
};

struct NamedFormula {
    std::string name;
    std::string formula;
    SourceRef at;
};

struct Constant {
    std::string name;
    double value = 0;
    SourceRef at;
};

struct Indicator {
    std::string id;                     // "perawatan.makanan": stable, never renamed
    std::string name;                   // the official name
    std::vector<std::string> variants;  // known spellings
    std::vector<std::string> units;     // first is the main one: "%", "Layanan", "Unit", "m2"
    Direction direction = Direction::naik;
    PeriodCombine period = PeriodCombine::jumlah;
    std::string sasaran;  // the group, e.g. "perawatan"
    std::vector<Variable> inputs;
    std::vector<Constant> constants;
    std::vector<NamedFormula> derived;  // named intermediate values, usable in formulas
    std::string realisasi;              // formula
    std::string capaian;                // optional formula; empty = the template rule
    std::optional<Rounding> rounding;   // overrides the template's rounding
    std::string note;
    std::vector<std::string> sources;  // reference documents it appears in
    SourceRef at, realisasi_at, capaian_at;
};

struct Catalogue {
    std::string file;
    std::vector<Indicator> indicators;
    const Indicator* find(std::string_view id) const;
};

// The folder with indikator.toml and pengaturan.toml: $KINERJA_FORMULAS, else ./formulas,
// else the source tree's formulas/.
std::filesystem::path default_formulas_dir();

// Reads and checks a catalogue. Content problems become diagnostics, never exceptions.
struct CatalogueCheck {
    Catalogue catalogue;
    std::vector<Diagnostic> diagnostics;
    bool clean() const { return diagnostics.empty(); }
    bool usable() const;  // no errors (warnings allowed)
};
CatalogueCheck check_catalogue(const std::filesystem::path& file);
CatalogueCheck check_catalogue_text(std::string_view text, const std::string& file_name);
// Throws InputError naming the first error when the catalogue has errors.
Catalogue load_catalogue(const std::filesystem::path& file);

// The catalogue as JSON, the TOML's words as keys ("id", "nama", "masukan", "arah", ...):
// what `kinerja formulas list --json` prints (catalogue_json.cpp).
std::string catalogue_json(const Catalogue& catalogue);
// The TOML words for these choices: "naik"/"turun", "jumlah"/"akhir"/"rata".
const char* direction_name(Direction direction);
const char* period_name(PeriodCombine period);

struct SettingsCheck {
    Settings settings;
    std::vector<Diagnostic> diagnostics;
    bool clean() const { return diagnostics.empty(); }
};
// A settings file overrides `base`: a template's own file only names what it changes.
// With `catalogue`, constant overrides must name its indicators and their constants.
SettingsCheck check_settings(const std::filesystem::path& file, const Settings& base = {},
                             const Catalogue* catalogue = nullptr);
SettingsCheck check_settings_text(std::string_view text, const std::string& file_name,
                                  const Settings& base = {}, const Catalogue* catalogue = nullptr);
Settings load_settings(const std::filesystem::path& file, const Settings& base = {});

// ---------------------------------------------------------------- evaluation

struct IndicatorResult {
    double realisasi = na;  // rounded as the template says
    double capaian = na;    // rule, cap and rounding applied; na without a target
    const KategoriBand* kategori = nullptr;
};

// Every formula of a catalogue parsed once under one set of settings. Immutable and shared:
// copies are cheap and safe to hand to other threads. Throws InputError if a formula is bad.
class CompiledCatalogue {
public:
    CompiledCatalogue(Catalogue catalogue, Settings settings);
    const Catalogue& catalogue() const;
    const Settings& settings() const;
    std::size_t size() const;
    std::optional<std::size_t> index_of(std::string_view id) const;
    const Indicator& indicator(std::size_t index) const;
    const Formula& realisasi_formula(std::size_t index) const;  // variables = inputs
    // The indicator's capaian formula, or the template rule written as one, with the cap:
    // variables = inputs, then target and realisasi.
    const Formula& capaian_formula(std::size_t index) const;
    const Rounding& rounding(std::size_t index) const;  // the indicator's or the template's

    struct Impl;
    const Impl& impl() const { return *impl_; }

private:
    std::shared_ptr<const Impl> impl_;
};

// Evaluates indicators of a CompiledCatalogue. Holds one muParser instance per formula, so it
// is not thread-safe: create one Evaluator per thread from the same CompiledCatalogue.
class Evaluator {
public:
    explicit Evaluator(const CompiledCatalogue& compiled);
    ~Evaluator();
    Evaluator(Evaluator&&) noexcept;
    Evaluator& operator=(Evaluator&&) noexcept;

    // `inputs` in the order of Indicator::inputs (std::invalid_argument on a wrong count).
    double realisasi(std::size_t indicator, std::span<const double> inputs);
    IndicatorResult evaluate(std::size_t indicator, std::span<const double> inputs,
                             double target = na);
    // Capaian of a realisasi given as is (a table that has no numerator and denominator).
    // `inputs` matter only to an indicator whose own capaian formula reads them.
    double capaian(std::size_t indicator, double realisasi, double target,
                   std::span<const double> inputs = {});
    // The same, by input name; missing names are not applicable.
    IndicatorResult evaluate(std::string_view id, const std::map<std::string, double>& inputs,
                             double target = na);
    const CompiledCatalogue& compiled() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// ---------------------------------------------------------------- Excel formulas

// What the writer puts in a cell: Cell::formula = formula, Cell::value = cached (a number,
// or the text "-" when not applicable, or the kategori code).
struct ExcelFormula {
    std::string formula;  // without the leading '='
    CellValue cached;
};

ExcelFormula excel_realisasi(Evaluator& evaluator, std::size_t indicator, const CellMap& cells,
                             std::span<const double> inputs);
// Capaian with the template's rule, cap and rounding. `cells` names the "realisasi" and
// "target" cells (and inputs, if the indicator's own capaian formula reads them).
ExcelFormula excel_capaian(Evaluator& evaluator, std::size_t indicator, const CellMap& cells,
                           double realisasi, double target, std::span<const double> inputs = {});
// The template's general rule for an indicator outside the catalogue: realisasi / target * 100
// (naik) or the settings' turun rule, then the cap and the template's rounding. `cells` names
// the "realisasi" and "target" cells.
ExcelFormula excel_capaian(const Settings& settings, Direction direction, const CellMap& cells,
                           double realisasi, double target);
ExcelFormula excel_kategori(const KategoriScale& scale, const std::string& capaian_cell,
                            double capaian);

// ---------------------------------------------------------------- name matching

// Lower case, markup and punctuation removed, a leading "1." / "1)" / "a." / "4.1" dropped,
// known misspellings corrected, words separated by single spaces.
std::string normalize_indicator_name(std::string_view text);

enum class MatchStatus { matched, ambiguous, unmatched };

struct MatchCandidate {
    std::string id;
    double score = 0;  // 0..1
};

struct IndicatorMatch {
    MatchStatus status = MatchStatus::unmatched;
    std::string id;                          // set when matched
    double score = 0;                        // the best candidate's
    std::vector<MatchCandidate> candidates;  // best first, up to 5; never guessed silently
};

// Matches indicator text from a workbook to catalogue ids. Build once, use from any thread.
class IndicatorMatcher {
public:
    explicit IndicatorMatcher(const Catalogue& catalogue);
    ~IndicatorMatcher();
    IndicatorMatcher(IndicatorMatcher&&) noexcept;
    IndicatorMatch match(std::string_view text) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace kinerja
