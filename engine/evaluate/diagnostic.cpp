// Compiler-style diagnostics and the small text helpers they need.
#include <algorithm>
#include <charconv>
#include <vector>

#include "evaluate/evaluate.hpp"
#include "evaluate/numeric.hpp"

namespace kinerja {

std::string number_text(double value) {
    char buffer[32];
    auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    // Optimal string alignment distance over three rows.
    std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                current[j] = std::min(current[j], before[j - 2] + 1);
            }
        }
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return previous[b.size()];
}

int utf8_columns(std::string_view text, std::size_t bytes) {
    int columns = 0;
    for (std::size_t i = 0; i < bytes && i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++columns;
    }
    return columns;
}

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
