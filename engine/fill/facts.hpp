// What the fill saw and did that a rule may judge: neutral records with the cells and the
// numbers, no severity and no message. Validation (engine/validate/rules_fill.cpp) turns
// them into findings, so that every rule's words and weight live in one place.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/message.hpp"
#include "evaluate/settings.hpp"

namespace kinerja {

// A cell of the workbook, by its sheet's name.
struct FactCell {
    std::string sheet;
    std::uint32_t row = 0, col = 0;
};

// An explicit id (an "Id Indikator" column) that the catalogue does not have: the row is
// not filled.
struct UnknownIndicatorId {
    FactCell cell;
    std::string id;
};

// An indicator name that matched no catalogue entry, or several equally well. Its capaian
// follows the template's general rule (realisasi / target in its direction).
struct UnmatchedIndicator {
    struct Candidate {
        std::string id, name;  // the catalogue's id and name
        double score = 0;      // how alike (0..1), IndicatorMatch::candidates
    };
    FactCell cell;
    std::string name;                   // as written, on one line
    bool ambiguous = false;             // several entries matched equally well
    std::vector<Candidate> candidates;  // nearest first
    // Its target and realisasi are numbers, so the general rule gives its capaian.
    bool computable = false;
    Direction direction = Direction::naik;        // the general rule's direction for it
    TurunRule turun_rule = TurunRule::permenpan;  // the template's rule for turun
};

// The regional data lacks variables an indicator's realisasi needs: it is not computed.
struct MissingInputs {
    FactCell cell;  // the realisasi cell
    std::string indicator;
    std::vector<std::string> variables;  // in the catalogue's order
};

// A row's target and realisasi are in different units ("%" and "layanan").
struct UnitMismatch {
    FactCell cell;  // the realisasi cell
    std::uint32_t target_col = 0;
    std::string target_unit, realisasi_unit;
};

// A number in a computed cell (typed, or given by a formula of the user's own) that is not
// what Kinerja computes there. The fill replaced it; the cell's note keeps the original.
struct DifferingNumber {
    enum class Quantity { capaian, jumlah_penarikan, jumlah_realisasi };
    Quantity quantity = Quantity::capaian;
    FactCell cell;
    std::string formula;  // the user's formula without '='; empty when the value was typed
    double stated = 0;    // the value typed or the formula's result
    double computed = 0;  // Kinerja's
    // For a capaian, what it is computed from.
    double realisasi = 0, target = 0;
};

// A kategori code in a computed cell (typed or a formula's result) that is not the one the
// capaian falls in. The fill replaced it.
struct DifferingKategori {
    FactCell cell;
    std::string formula;  // as in DifferingNumber
    std::string stated, computed;
    double capaian = 0;
};

// A Renja evaluation's "Rata-rata capaian kinerja" or "Predikat kinerja" cell (typed, or a
// formula's result) that is not what the tingkat capaian above it give. The fill replaced it.
struct DifferingSummary {
    FactCell cell;
    std::string formula;  // as in DifferingNumber
    bool predikat = false;
    double average = 0;                 // the rata-rata computed (the predikat's ground)
    std::size_t rows = 0;               // the capaian it averages
    double stated = 0;                  // a rata-rata as typed or given by the formula
    std::string stated_text, computed;  // a predikat as written, and the scale's
};

// A cell of the workbook's Rumus sheet that cannot be used (fill/rumus_sheet.hpp), with the
// reason the catalogue builder gives, as it gives it for formulas/; a sheet that cannot be
// used as a whole is at the sheet's first cell. Validation judges it (rumus.tidak_valid).
struct RumusProblem {
    FactCell cell;
    Message reason;
};

// Everything the fill reports for judging, each list in the order the fill met them. The
// indicators' figures per table (FillReport::outcomes) are facts too: validation compares
// them across tables.
struct FillFacts {
    std::vector<UnknownIndicatorId> unknown_ids;
    std::vector<UnmatchedIndicator> unmatched;
    std::vector<MissingInputs> missing_inputs;
    std::vector<UnitMismatch> unit_mismatches;
    std::vector<DifferingNumber> differing_numbers;
    std::vector<DifferingKategori> differing_kategori;
    std::vector<DifferingSummary> differing_summaries;
};

}  // namespace kinerja
