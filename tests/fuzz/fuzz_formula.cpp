// libFuzzer target: any text as a formula of the catalogue language over three variables,
// parsed, translated to Excel and evaluated. FormulaError is the expected refusal.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "evaluate/evaluate.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        kinerja::Formula f = kinerja::Formula::parse(text, {"a", "b", "c"}, {{"bobot", 0.5}});
        kinerja::CellMap cells{{"a", "D5"}, {"b", "E5"}, {"c", "Data!C7"}};
        (void)f.excel(cells, kinerja::Rounding{});
        kinerja::FormulaEvaluator evaluator(f);
        for (const auto& values : {std::array<double, 3>{1, 2, 3}, std::array<double, 3>{0, 0, 0},
                                   std::array<double, 3>{kinerja::na, -1e308, 1e-308}})
            (void)evaluator.evaluate(std::span<const double>(values.data(), f.variables().size()));
    } catch (const kinerja::FormulaError&) {
    }
    return 0;
}
