// The optional `Rumus` sheet: a designer adds or overrides indicators and settings inside
// Excel, as a table, without touching formulas/.
//
//   Id | Nama | Satuan | Arah | Periode | Variabel | Realisasi
//   perawatan.makanan | Persentase pemenuhan ... | % | naik | jumlah | terpenuhi; jumlah_wbp |
//   pct(terpenuhi, jumlah_wbp)
//
// Variabel lists the inputs separated by ";" or ",". A row with a Nama (or Id) and an Arah
// but no Realisasi gives the direction of an indicator outside the catalogue
// (Settings::directions), whose capaian follows the general rule. Below (or beside) the
// indicator table, a two-column table Pengaturan | Nilai overrides the template settings: turun
// (permenpan | seed003), batas_atas (tanpa | 100 | 120 | 150), pembulatan (truncate |
// round), desimal (0-10), skala (lkjip | akip).
//
// Values are read by the same CatalogueBuilder as formulas/ (evaluate/catalogue_builder.hpp),
// so they are checked alike and a bad one (an unknown arah, a cap of 110) gets the same words,
// here as a rumus.tidak_valid finding at its cell; an indicator row with one is not used.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "common/finding.hpp"
#include "evaluate/evaluate.hpp"
#include "match/match.hpp"

namespace kinerja {

struct RumusOverrides {
    std::vector<Indicator> indicators;  // each replaces the catalogue entry with its id, or adds
    Settings settings;                  // the base settings with the sheet's overrides applied
    std::vector<Finding> findings;      // rows that could not be used, at their cells
};

// Reads the sheet named "Rumus" (any case), if the workbook has one.
std::optional<RumusOverrides> read_rumus_sheet(const Workbook& workbook, const Settings& base);

// The catalogue with the overrides applied.
Catalogue apply_overrides(const Catalogue& catalogue, const RumusOverrides& overrides);

// What a workbook is filled with: the engine's catalogue, or the one its Rumus sheet makes.
struct WorkbookCatalogue {
    std::shared_ptr<const CompiledCatalogue> compiled;
    std::shared_ptr<const IndicatorMatcher> matcher;
    std::vector<Finding> findings;  // the Rumus sheet's rumus.tidak_valid, at their cells
};

// The engine's catalogue and matcher with the workbook's Rumus sheet applied, if it has one.
// A sheet that cannot be used as a whole (its merged catalogue does not compile) is one
// finding, and the engine's catalogue is used.
WorkbookCatalogue catalogue_for(const Workbook& workbook,
                                std::shared_ptr<const CompiledCatalogue> compiled,
                                std::shared_ptr<const IndicatorMatcher> matcher);

}  // namespace kinerja
