#include "evaluate/source_file.hpp"

#include <algorithm>

#include "evaluate/numeric.hpp"

namespace kinerja::evaluate_detail {

SourceFile::SourceFile(std::string name, std::string text)
    : name_(std::move(name)), text_(std::move(text)) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < text_.size(); ++i) {
        if (text_[i] == '\n') line_starts_.push_back(i + 1);
    }
}

std::string_view SourceFile::line(int number) const {
    if (number < 1 || static_cast<std::size_t>(number) > line_starts_.size()) return {};
    std::size_t start = line_starts_[static_cast<std::size_t>(number - 1)];
    std::size_t end = text_.find('\n', start);
    if (end == std::string::npos) end = text_.size();
    if (end > start && text_[end - 1] == '\r') --end;
    return std::string_view(text_).substr(start, end - start);
}

std::size_t SourceFile::offset(int line_number, int column) const {
    std::string_view text = line(line_number);
    if (line_number < 1 || static_cast<std::size_t>(line_number) > line_starts_.size()) {
        return std::string::npos;
    }
    std::size_t start = line_starts_[static_cast<std::size_t>(line_number - 1)];
    int seen = 1;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
        if (seen == column) return start + i;
        ++seen;
    }
    return std::string::npos;
}

Diagnostic SourceFile::at(const SourceRef& where, Message message, Severity severity,
                          int length) const {
    Diagnostic d;
    d.severity = severity;
    d.file = name_;
    d.line = where.line;
    d.column = where.column;
    d.length = std::max(1, length);
    d.source_line = std::string(line(where.line));
    d.message = std::move(message);
    return d;
}

Diagnostic SourceFile::in_formula(const SourceRef& value, const std::string& formula,
                                  const Problem& problem) const {
    std::size_t start = offset(value.line, value.column);
    int value_length = 1;
    if (start != std::string::npos) {
        std::string_view rest = std::string_view(text_).substr(start);
        std::size_t skip = 0;
        if (rest.starts_with("\"\"\"") || rest.starts_with("'''")) {
            skip = 3;
            if (rest.substr(3).starts_with("\n"))
                skip = 4;
            else if (rest.substr(3).starts_with("\r\n"))
                skip = 5;
        } else if (rest.starts_with("\"") || rest.starts_with("'")) {
            skip = 1;
        }
        if (skip && rest.substr(skip).starts_with(formula)) {
            // The string is verbatim in the file: point at the exact character.
            std::size_t at = start + skip + static_cast<std::size_t>(std::max(problem.pos, 0));
            auto line_index = static_cast<std::size_t>(
                std::upper_bound(line_starts_.begin(), line_starts_.end(), at) -
                line_starts_.begin());
            Diagnostic d;
            d.severity = problem.severity;
            d.file = name_;
            d.line = static_cast<int>(line_index);
            std::string_view line_text = line(d.line);
            d.column = 1 + utf8_columns(line_text, at - line_starts_[line_index - 1]);
            std::string_view from = std::string_view(text_).substr(std::min(at, text_.size()));
            d.length = std::max(1, utf8_columns(from, static_cast<std::size_t>(problem.len)));
            d.source_line = std::string(line_text);
            d.message = problem.message;
            return d;
        }
        value_length =
            static_cast<int>(std::min<std::size_t>(formula.size() + 2, line(value.line).size()));
    }
    return at(value, problem.message, problem.severity, value_length);
}

}  // namespace kinerja::evaluate_detail
