// Problems in a formula or in a catalogue or settings file, printed the way a compiler does.
#pragma once

#include <string>

#include "common/message.hpp"

namespace kinerja {

// Where a value sits: a file's line and column, or a sheet's row and column (1-based).
struct SourceRef {
    std::string file;  // the file, or the sheet
    int line = 0;
    int column = 0;
};

// Severity (error, warning) comes from common/message.hpp, shared with validation findings.
struct Diagnostic {
    Severity severity = Severity::error;
    std::string file;         // may be empty for a bare formula
    int line = 0;             // 1-based; 0 when unknown
    int column = 0;           // 1-based, in characters
    int length = 1;           // characters to underline
    std::string source_line;  // the text shown under the message, with the caret
    Message message;
};
// "file:line:column: galat: message\n  line | text\n       | ^~~~\n"
std::string format_diagnostic(const Diagnostic& diagnostic, Lang lang);

}  // namespace kinerja
