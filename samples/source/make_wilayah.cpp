// Builds samples/wilayah/: a regional capaian template and a regional data file for eight
// units, the operator guide's worked example (docs/operator.md) and the batch command of its
// tests. The same generated province as tests/batch, so the figures are checked there.
//
//   make_wilayah [--out DIR]      (default: samples/wilayah)
#include <filesystem>
#include <iostream>
#include <string>

#include "../../tests/batch/province.hpp"

namespace fs = std::filesystem;

int main(int argc, char** argv) {
    fs::path out = fs::path(KINERJA_SOURCE_DIR) / "samples" / "wilayah";
    if (argc == 3 && std::string(argv[1]) == "--out")
        out = argv[2];
    else if (argc != 1) {
        std::cerr << "usage: make_wilayah [--out DIR]\n";
        return 2;
    }
    try {
        fs::create_directories(out);
        auto catalogue =
            kinerja::load_catalogue(fs::path(KINERJA_SOURCE_DIR) / "formulas" / "indikator.toml");
        kinerja::province::write_template(out / "templat-wilayah.xlsx", catalogue);
        auto units = kinerja::province::make_units(8);
        kinerja::province::write_data_csv(out / "data-wilayah.csv", units);
    } catch (const std::exception& e) {
        std::cerr << "make_wilayah: " << e.what() << "\n";
        return 1;
    }
    std::cout << "wrote " << (out / "templat-wilayah.xlsx").string() << " and "
              << (out / "data-wilayah.csv").string() << "\n";
}
