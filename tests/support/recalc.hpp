// Making LibreOffice and Gnumeric recalculate our files, so that a test comparing their
// values with our cached ones can fail. Both show cached values unless told otherwise.
#pragma once

#include <filesystem>
#include <vector>

namespace kinerja::test {

// Converts each file to .xlsx in `out_dir` with LibreOffice set to always recalculate on
// load (a private profile with OOXMLRecalcMode = 0). Returns the converted paths, in order;
// an empty vector when soffice is missing.
std::vector<std::filesystem::path> recalc_with_libreoffice(
    const std::vector<std::filesystem::path>& files, const std::filesystem::path& out_dir);

// `ssconvert --recalc in out.xlsx`; returns false when ssconvert is missing or fails.
bool recalc_with_gnumeric(const std::filesystem::path& in, const std::filesystem::path& out);

}  // namespace kinerja::test
