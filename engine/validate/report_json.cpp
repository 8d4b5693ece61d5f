#include <fstream>
#include <nlohmann/json.hpp>

#include "common/atomic_output.hpp"
#include "common/json_text.hpp"
#include "validate/validate.hpp"

namespace kinerja {

nlohmann::ordered_json finding_json(const Finding& f, Lang lang) {
    nlohmann::ordered_json item = {
        {"severity", f.severity == Severity::error ? "error" : "warning"},
        {"rule", f.id()},
        {"sheet", f.sheet},
        {"cell", cell_name(f.row, f.col)},
        {"message", f.message.in(lang)}};
    if (const char* hidden = hidden_name(f.hidden)) item["hidden"] = hidden;
    return item;
}

nlohmann::ordered_json counts_json(const FindingCounts& counts) {
    return {{"errors", counts.errors},
            {"warnings", counts.warnings},
            {"hidden", counts.hidden()},
            {"hidden_errors", counts.hidden_errors},
            {"by_rule", counts.by_rule}};
}

namespace {

nlohmann::ordered_json report_of(const std::vector<Finding>& findings, Lang lang) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const Finding& f : findings) list.push_back(finding_json(f, lang));
    nlohmann::ordered_json report;
    report["findings"] = list;
    report["summary"] = counts_json(count_findings(findings));
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
