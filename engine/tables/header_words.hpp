// Internal: classifying header cells. See tables.hpp for the public API.
#pragma once

#include <optional>
#include <string_view>

#include "tables/tables.hpp"

namespace kinerja {

// The role a header cell's text names, if any.
std::optional<ColumnRole> classify_header(std::string_view text);
// A year 20xx written in the text ("TAHUN ANGGARAN 2024", "Realisasi 2022").
std::optional<int> year_in(std::string_view text);

}  // namespace kinerja
