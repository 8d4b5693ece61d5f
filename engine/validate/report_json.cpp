#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "common/atomic_output.hpp"
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
            {"rule", f.id()},
            {"sheet", f.sheet},
            {"cell", cell_name(f.row, f.col)},
            {"message", f.message.in(lang)}};
        if (const char* hidden = hidden_name(f.hidden)) item["hidden"] = hidden;
        list.push_back(std::move(item));
        ++by_rule[std::string(f.id())];
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

void write_findings_json(const std::filesystem::path& file, const std::vector<Finding>& findings,
                         const std::vector<Table>& tables, const std::vector<NearMiss>& misses,
                         Lang lang) {
    std::string json = findings_json(findings, tables, misses, lang);
    write_atomically(file, [&](const std::filesystem::path& temp) {
        std::ofstream out(temp, std::ios::binary);
        out << json;
        if (!out.flush())
            throw OutputError(file.string(), {"gagal menulis laporan", "cannot write the report"});
    });
}

}  // namespace kinerja
