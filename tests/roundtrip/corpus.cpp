#include "roundtrip/corpus.hpp"

#include <algorithm>
#include <stdexcept>

#include "support/support.hpp"

namespace kinerja::test {

namespace fs = std::filesystem;

fs::path corpus_dir() {
    return test_dir() / "fixtures" / "roundtrip";
}

std::vector<std::string> corpus_files() {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(corpus_dir()))
        if (entry.path().extension() == ".xlsx") names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    if (names.empty()) throw std::runtime_error("no fixtures in " + corpus_dir().string());
    return names;
}

std::string writer_of(const std::string& file) {
    return file.substr(0, file.find('-'));
}

std::string topic_of(const std::string& file) {
    auto dash = file.find('-');
    return file.substr(dash + 1, file.rfind('.') - dash - 1);
}

}  // namespace kinerja::test
