// The round-trip corpus in tests/fixtures/roundtrip: <writer>-<topic>.xlsx.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace kinerja::test {

std::filesystem::path corpus_dir();
// File names of every fixture, sorted. Throws if the folder holds none.
std::vector<std::string> corpus_files();
// "lxw" (libxlsxwriter), "lo" (LibreOffice), "gnm" (Gnumeric) or "py" (hand-made).
std::string writer_of(const std::string& file);
// "styles" for "lo-styles.xlsx".
std::string topic_of(const std::string& file);

}  // namespace kinerja::test
