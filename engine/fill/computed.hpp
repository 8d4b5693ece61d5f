// Internal: writing computed cells while keeping what the user typed.
#pragma once

#include "evaluate/evaluate.hpp"
#include "fill/fill.hpp"
#include "model/notes.hpp"
#include "model/workbook.hpp"

namespace kinerja::fill_detail {

inline constexpr const char* typed_value_prefix = "Nilai semula: ";
inline constexpr const char* formula_prefix = "Rumus semula: =";
inline constexpr const char* formula_value_prefix = "Hasil semula: ";

// Puts a live formula with its cached value at (row, col), keeping the cell's style. When
// the cell held a typed value that differs from the new one, that value is kept in a
// Kinerja comment line "Nilai semula: ..."; a formula of the user's own is kept as
// "Rumus semula: =..." with the value it gave, "Hasil semula: ..." (restore_typed_values reads
// them back). Whether a user's formula is replaced at all is the caller's choice
// (FillContext::put keeps one that already gives the value).
// Returns true when the typed value differed.
bool put_computed(Sheet& sheet, std::uint32_t row, std::uint32_t col, const ExcelFormula& value,
                  std::uint32_t style_if_new = 0);

}  // namespace kinerja::fill_detail
