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
// here as a RumusProblem at its cell (judged rumus.tidak_valid by validation); an indicator
// row with one is not used.
#pragma once

#include <optional>
#include <vector>

#include "evaluate/evaluate.hpp"
#include "fill/fill.hpp"

namespace kinerja::fill_detail {

struct RumusOverrides {
    std::vector<Indicator> indicators;   // each replaces the catalogue entry with its id, or adds
    Settings settings;                   // the base settings with the sheet's overrides applied
    std::vector<RumusProblem> problems;  // cells that could not be used
};

// Reads the sheet named "Rumus" (any case), if the workbook has one.
std::optional<RumusOverrides> read_rumus_sheet(const Workbook& workbook, const Settings& base);

// The catalogue with the overrides applied.
Catalogue apply_overrides(const Catalogue& catalogue, const RumusOverrides& overrides);

}  // namespace kinerja::fill_detail
