// The function table of the formula language and the names it reserves.
#include "evaluate/expression.hpp"

namespace kinerja::evaluate_detail {

const std::vector<FunctionInfo>& functions() {
    // Order matches enum class Fn.
    static const std::vector<FunctionInfo> table = {
        {"pct", 2, 2, false, "a / b * 100; tidak berlaku bila b = 0",
         "a / b * 100; not applicable when b = 0"},
        {"capaian_naik", 2, 2, false, "realisasi / target * 100", "realisasi / target * 100"},
        {"capaian_turun", 2, 2, false, "capaian bila makin rendah makin baik, menurut pengaturan",
         "capaian when lower is better, by the template's rule"},
        {"capaian_turun_permenpan", 2, 2, false,
         "(2 * target - realisasi) / target * 100, minimal 0",
         "(2 * target - realisasi) / target * 100, at least 0"},
        {"capaian_turun_seed003", 2, 2, false, "(target - (realisasi - target)) / realisasi * 100",
         "(target - (realisasi - target)) / realisasi * 100"},
        {"trunc", 1, 2, false, "potong ke n desimal (TRUNC)", "truncate to n decimals (TRUNC)"},
        {"round", 1, 2, false, "bulatkan ke n desimal (ROUND)", "round to n decimals (ROUND)"},
        {"min", 1, -1, false, "nilai terkecil", "smallest value"},
        {"max", 1, -1, false, "nilai terbesar", "largest value"},
        {"sum", 1, -1, false, "jumlah", "sum"},
        {"avg", 1, -1, false, "rata-rata", "average"},
        {"avg_na", 1, -1, false, "rata-rata nilai yang berlaku (yang tidak berlaku dilewati)",
         "average of the applicable values (not applicable ones skipped)"},
        {"sum_na", 1, -1, false, "jumlah nilai yang berlaku", "sum of the applicable values"},
        {"wavg_na", 2, -1, true, "rata-rata tertimbang (nilai, bobot, ...) yang berlaku",
         "weighted average of applicable (value, weight, ...) pairs"},
        {"ifna", 2, 2, false, "nilai kedua bila nilai pertama tidak berlaku",
         "the second value when the first is not applicable"},
        {"isna", 1, 1, false, "1 bila tidak berlaku, selain itu 0",
         "1 when not applicable, else 0"},
        {"abs", 1, 1, false, "nilai mutlak", "absolute value"},
    };
    return table;
}

int find_function(std::string_view name) {
    const auto& table = functions();
    for (std::size_t i = 0; i < table.size(); ++i) {
        if (name == table[i].name) return static_cast<int>(i);
    }
    return -1;
}

bool is_reserved_name(std::string_view name) {
    return name == "NA" || name == "target" || name == "realisasi" || name == "capaian" ||
           find_function(name) >= 0;
}

bool is_valid_variable_name(std::string_view name) {
    if (name.empty() || name.size() > 60 || name[0] < 'a' || name[0] > 'z') return false;
    for (char c : name) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
        if (!ok) return false;
    }
    return true;
}

}  // namespace kinerja::evaluate_detail
