// Compiler-style diagnostics and the small text helpers they need.
#include <algorithm>
#include <charconv>
#include <vector>

#include "evaluate/evaluate.hpp"
#include "evaluate/numeric.hpp"

namespace kinerja::evaluate_detail {

std::string number_text(double value) {
    char buffer[32];
    auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

int utf8_columns(std::string_view text, std::size_t bytes) {
    int columns = 0;
    for (std::size_t i = 0; i < bytes && i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++columns;
    }
    return columns;
}

}  // namespace kinerja::evaluate_detail

namespace kinerja {

using namespace evaluate_detail;

namespace {

// Spaces (tabs kept, so the caret lines up) as wide as the first `columns` characters.
std::string caret_indent(std::string_view line, int columns) {
    std::string indent;
    int seen = 0;
    for (std::size_t i = 0; i < line.size() && seen < columns; ++i) {
        unsigned char c = static_cast<unsigned char>(line[i]);
        if ((c & 0xC0) == 0x80) continue;
        indent += c == '\t' ? '\t' : ' ';
        ++seen;
    }
    indent.append(static_cast<std::size_t>(std::max(0, columns - seen)), ' ');
    return indent;
}

}  // namespace

std::string format_diagnostic(const Diagnostic& d, Lang lang) {
    std::string out =
        d.file.empty() ? std::string(lang == Lang::en ? "<formula>" : "<rumus>") : d.file;
    if (d.line > 0) {
        out += ':' + std::to_string(d.line);
        if (d.column > 0) out += ':' + std::to_string(d.column);
    }
    const char* kind = d.severity == Severity::error
                           ? (lang == Lang::en ? "error" : "galat")
                           : (lang == Lang::en ? "warning" : "peringatan");
    out += std::string(": ") + kind + ": " + d.message.in(lang) + "\n";
    if (!d.source_line.empty()) {
        std::string number = d.line > 0 ? std::to_string(d.line) : "";
        std::string gutter(std::max<std::size_t>(number.size(), 4), ' ');
        std::string label = gutter.substr(number.size()) + number;
        out += label + " | " + d.source_line + "\n";
        if (d.column > 0) {
            out += gutter + " | " + caret_indent(d.source_line, d.column - 1) + "^" +
                   std::string(static_cast<std::size_t>(std::max(0, d.length - 1)), '~') + "\n";
        }
    }
    return out;
}

FormulaError::FormulaError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(diagnostics.empty() ? "bad formula" : diagnostics.front().message.en),
      diagnostics_(std::move(diagnostics)) {}

std::string FormulaError::describe(Lang lang) const {
    std::string out;
    for (const auto& d : diagnostics_) out += format_diagnostic(d, lang);
    return out;
}

}  // namespace kinerja
