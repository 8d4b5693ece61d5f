#include <map>
#include <nlohmann/json.hpp>

#include "common/json_text.hpp"
#include "validate/validate.hpp"

namespace kinerja {

namespace {

nlohmann::ordered_json report_of(const std::vector<Finding>& findings, Lang lang) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    std::map<std::string, int> by_rule;
    for (const Finding& f : findings) {
        nlohmann::ordered_json item = {
            {"severity", f.severity == Severity::error ? "error" : "warning"},
            {"rule", f.rule},
            {"sheet", f.sheet},
            {"cell", cell_name(f.row, f.col)},
            {"message", f.message.in(lang)}};
        if (const char* hidden = hidden_name(f.hidden)) item["hidden"] = hidden;
        list.push_back(std::move(item));
        ++by_rule[f.rule];
    }
    nlohmann::ordered_json report;
    report["findings"] = list;
    FindingCounts counts = count_findings(findings);
    report["summary"] = {{"errors", counts.errors},
                         {"warnings", counts.warnings},
                         {"hidden", counts.hidden()},
                         {"hidden_errors", counts.hidden_errors},
                         {"by_rule", by_rule}};
    return report;
}

}  // namespace

std::string findings_json(const std::vector<Finding>& findings, Lang lang) {
    return json_text(report_of(findings, lang), 2) + "\n";
}

std::string findings_json(const std::vector<Finding>& findings, const std::vector<Table>& tables,
                          const std::vector<NearMiss>& misses, Lang lang) {
    nlohmann::ordered_json report = report_of(findings, lang);
    nlohmann::ordered_json understood = tables_json(tables, misses, lang);
    report["tables"] = understood["tables"];
    report["misses"] = understood["misses"];
    return json_text(report, 2) + "\n";
}

}  // namespace kinerja
