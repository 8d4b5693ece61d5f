#include <map>
#include <nlohmann/json.hpp>

#include "validate/validate.hpp"

namespace kinerja {

namespace {

nlohmann::ordered_json report_of(const std::vector<Finding>& findings, Lang lang) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    std::map<std::string, int> by_rule;
    for (const Finding& f : findings) {
        list.push_back({{"severity", f.severity == Severity::error ? "error" : "warning"},
                        {"rule", f.rule},
                        {"sheet", f.sheet},
                        {"cell", cell_name(f.row, f.col)},
                        {"message", f.message.in(lang)}});
        ++by_rule[f.rule];
    }
    nlohmann::ordered_json report;
    report["findings"] = list;
    report["summary"] = {{"errors", count(findings, Severity::error)},
                         {"warnings", count(findings, Severity::warning)},
                         {"by_rule", by_rule}};
    return report;
}

}  // namespace

std::string findings_json(const std::vector<Finding>& findings, Lang lang) {
    return report_of(findings, lang).dump(2) + "\n";
}

std::string findings_json(const std::vector<Finding>& findings, const std::vector<Table>& tables,
                          const std::vector<NearMiss>& misses, Lang lang) {
    nlohmann::ordered_json report = report_of(findings, lang);
    nlohmann::ordered_json understood = tables_json(tables, misses, lang);
    report["tables"] = understood["tables"];
    report["misses"] = understood["misses"];
    return report.dump(2) + "\n";
}

}  // namespace kinerja
