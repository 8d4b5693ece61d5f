// Stage 3b: fill the found tables. Capaian and kategori per indicator, realisasi from the
// raw inputs, sisa and % in budget tables, parent totals in the RKA. Every computed cell
// is a live Excel formula with the engine's value cached, and a value the user had typed
// there is kept in a note (see computed.hpp).
//
//     kinerja::FillReport r = kinerja::fill_tables(workbook, tables, evaluator, matcher, {});
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/message.hpp"
#include "data/data.hpp"
#include "evaluate/evaluate.hpp"
#include "fill/facts.hpp"
#include "match/match.hpp"
#include "model/cell_change.hpp"
#include "tables/tables.hpp"

namespace kinerja {

struct FillOptions {
    // Inputs from --data for this workbook's satker; a `Data` sheet is read as well.
    std::optional<SatkerData> data;
    // Add a Kategori column beside Capaian in tables that have none.
    bool kategori = false;
    // Add a `Grafik` sheet: capaian per indicator against 100%, as a chart (see grafik.cpp).
    bool grafik = false;
};

// One indicator's result, for summaries and the regional rekap.
struct IndicatorOutcome {
    std::string id;  // catalogue id
    std::string sheet;
    std::uint32_t row = 0;
    double target = na, realisasi = na, capaian = na;
    std::string kategori;                     // "" when not applicable
    std::string target_unit, realisasi_unit;  // "%", "layanan", ... as typed
    std::optional<int> tahun;                 // the table's year
    std::uint32_t target_col = 0;             // where target and realisasi are, on `row`
    std::optional<std::uint32_t> realisasi_col;
    std::optional<std::uint32_t> capaian_col;  // the filled capaian cell, on `row`
};

struct FillReport {
    // What a rule may judge: unmatched indicators, stated values that differ, ... (facts.hpp)
    FillFacts facts;
    std::vector<IndicatorOutcome> outcomes;
    std::size_t computed_cells = 0;
    std::size_t replaced_values = 0;  // typed values kept in notes
    // Every cell the fill wrote and what it held before, so that validation judges what the
    // user typed and knows what was computed.
    std::vector<CellChange> changes;
    std::string grafik_sheet;  // the Grafik sheet made with FillOptions::grafik, if any
    std::optional<Message> grafik_problem;  // why it was asked for and not made
};

// Undoes a previous fill: computed cells get back the value the user typed, and the
// Kinerja comments and notes go. Filling the result again then gives the same workbook.
void restore_typed_values(Workbook& workbook);

// What a workbook is filled with: the engine's catalogue, or the one its `Rumus` sheet makes
// (fill/rumus_sheet.hpp).
struct WorkbookCatalogue {
    std::shared_ptr<const CompiledCatalogue> compiled;
    std::shared_ptr<const IndicatorMatcher> matcher;
    std::vector<RumusProblem> problems;  // the Rumus sheet's cells that could not be used
};

// The engine's catalogue and matcher with the workbook's Rumus sheet applied, if it has one.
// A sheet that cannot be used as a whole (its merged catalogue does not compile) is one
// problem, and the engine's catalogue is used.
WorkbookCatalogue catalogue_for(const Workbook& workbook,
                                std::shared_ptr<const CompiledCatalogue> compiled,
                                std::shared_ptr<const IndicatorMatcher> matcher);

// Removes the Grafik sheet a previous fill made (recognised by its hidden mark, never by its
// name) and Kinerja's chart from Workbook::dropped. Run before finding tables, since the
// sheet's own small table would be found. Returns true when there was one.
bool remove_grafik(Workbook& workbook);

FillReport fill_tables(Workbook& workbook, const std::vector<Table>& tables, Evaluator& evaluator,
                       const IndicatorMatcher& matcher, const FillOptions& options = {});

}  // namespace kinerja
