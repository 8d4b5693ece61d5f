#include "common/finding.hpp"

namespace kinerja {

const char* hidden_name(Hidden hidden) {
    switch (hidden) {
        case Hidden::row:
            return "row";
        case Hidden::column:
            return "column";
        case Hidden::sheet:
            return "sheet";
        case Hidden::no:
            break;
    }
    return nullptr;
}

FindingCounts count_findings(const std::vector<Finding>& findings) {
    FindingCounts counts;
    for (const Finding& f : findings) {
        bool error = f.severity == Severity::error;
        ++(error ? counts.errors : counts.warnings);
        if (f.hidden != Hidden::no) ++(error ? counts.hidden_errors : counts.hidden_warnings);
        ++counts.by_rule[std::string(f.id())];
    }
    return counts;
}

}  // namespace kinerja
