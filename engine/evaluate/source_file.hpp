// Internal: a text file kept in memory so diagnostics can quote its lines, and helpers that
// turn TOML node positions into diagnostics.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "evaluate/evaluate.hpp"
#include "evaluate/expression.hpp"

namespace kinerja::evaluate_detail {

class SourceFile {
public:
    SourceFile(std::string name, std::string text);
    const std::string& name() const { return name_; }
    const std::string& text() const { return text_; }
    std::string_view line(int number) const;  // 1-based, without the newline
    // Byte offset of a 1-based (line, character column); npos when outside the file.
    std::size_t offset(int line, int column) const;

    Diagnostic at(const SourceRef& where, Message message, Severity severity = Severity::error,
                  int length = 1) const;
    // A problem inside a formula string whose value starts at `value` (the opening quote).
    // Exact when the string has no escapes; otherwise the whole value is pointed at.
    Diagnostic in_formula(const SourceRef& value, const std::string& formula,
                          const Problem& problem) const;

private:
    std::string name_;
    std::string text_;
    std::vector<std::size_t> line_starts_;
};

}  // namespace kinerja::evaluate_detail
