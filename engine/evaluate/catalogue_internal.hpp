// Internal: the pieces of catalogue and settings loading shared between files.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "evaluate/evaluate.hpp"
#include "evaluate/source_file.hpp"

namespace kinerja::evaluate_detail {

// The whole file, refusing unreadable or oversized files with InputError.
std::string read_text_file(const std::filesystem::path& file);

// TOML -> Catalogue, structural diagnostics only.
Catalogue read_catalogue(const SourceFile& file, std::vector<Diagnostic>& out);

// Formula, name, cycle, usage and duplicate checks.
void check_catalogue_content(const Catalogue& catalogue, const SourceFile& file,
                             std::vector<Diagnostic>& out);

// The scope of names an indicator's formulas see; constants take the settings' overrides.
NameScope indicator_scope(const Indicator& indicator, const Settings* settings, bool for_capaian);

}  // namespace kinerja::evaluate_detail
