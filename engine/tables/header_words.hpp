// Internal: classifying header cells by the vocabulary in header_words.toml.
// See tables.hpp for the public API.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tables/tables.hpp"

namespace kinerja::tables_detail {

// The role a header label names, if any.
std::optional<ColumnRole> classify_header(std::string_view text);
// A unit label ("K", "Rp.", "%", "Fisik"), a period label ("Bulan Lalu", "s.d. Bulan Ini"),
// or a group label ("Operasi", "Modal", "Total"; `total` says it holds the whole).
std::optional<ColumnUnit> unit_of(std::string_view text);
std::optional<ColumnPeriod> period_of(std::string_view text);
struct GroupWord {
    bool total = false;
};
std::optional<GroupWord> group_of(std::string_view text);
// A year 20xx written in the text ("TAHUN ANGGARAN 2024", "Realisasi 2022").
std::optional<int> year_in(std::string_view text);

// One entry of the vocabulary with its examples, for the test that checks every entry.
struct VocabularyEntry {
    std::string section;  // "role", "unit", "period" or "group"
    std::string name;     // the role, unit or period name; the first key of a group
    std::vector<std::string> examples;
};
std::vector<VocabularyEntry> vocabulary_entries();

}  // namespace kinerja::tables_detail
