#include "read/formula_shift.hpp"

#include "model/workbook.hpp"

namespace kinerja::read_detail {

namespace {

bool is_name_char(char c) {
    unsigned char u = static_cast<unsigned char>(c);
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '.' || c == '$' || c == '\\' || u >= 0x80;
}

bool is_letter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// One end of a reference: a cell ("$B7"), a whole column ("$B") or a whole row ("7").
struct RefPart {
    bool has_col = false, has_row = false;
    bool col_abs = false, row_abs = false;
    std::int64_t col = 0, row = 0;  // 0-based
};

bool parse_part(std::string_view t, RefPart& p) {
    std::size_t i = 0;
    if (i < t.size() && t[i] == '$') {
        p.col_abs = true;
        ++i;
    }
    std::size_t letters = 0;
    std::int64_t col = 0;
    while (i < t.size() && is_letter(t[i]) && letters < 4) {
        col = col * 26 + ((t[i] & ~0x20) - 'A' + 1);
        ++i;
        ++letters;
    }
    if (letters > 3 || col > max_cols) return false;
    if (letters > 0) {
        p.has_col = true;
        p.col = col - 1;
        if (i < t.size() && t[i] == '$') {
            p.row_abs = true;
            ++i;
        }
    } else if (p.col_abs) {
        p.row_abs = true;  // "$7": the '$' belonged to the row
        p.col_abs = false;
    }
    std::size_t digits = 0;
    std::int64_t row = 0;
    while (i < t.size() && is_digit(t[i]) && digits < 8) {
        row = row * 10 + (t[i] - '0');
        ++i;
        ++digits;
    }
    if (i != t.size()) return false;
    if (digits > 0) {
        if (row < 1 || row > max_rows) return false;
        p.has_row = true;
        p.row = row - 1;
    } else if (p.row_abs) {
        return false;  // "A$" is not a reference
    }
    return p.has_col || p.has_row;
}

// Shifts and prints one part; false when it leaves the sheet.
bool emit_part(RefPart p, std::int64_t rows, std::int64_t cols, std::string& out) {
    if (p.has_col && !p.col_abs) p.col += cols;
    if (p.has_row && !p.row_abs) p.row += rows;
    if ((p.has_col && (p.col < 0 || p.col >= max_cols)) ||
        (p.has_row && (p.row < 0 || p.row >= max_rows)))
        return false;
    if (p.has_col) {
        if (p.col_abs) out += '$';
        out += column_name(static_cast<std::uint32_t>(p.col));
    }
    if (p.has_row) {
        if (p.row_abs) out += '$';
        out += std::to_string(p.row + 1);
    }
    return true;
}

// Copies a quoted run starting at f[i] (a string literal or a quoted sheet name)
// including doubled quotes; returns the index after the closing quote.
std::size_t copy_quoted(std::string_view f, std::size_t i, std::string& out) {
    char quote = f[i];
    out += f[i++];
    while (i < f.size()) {
        out += f[i];
        if (f[i] == quote) {
            if (i + 1 < f.size() && f[i + 1] == quote) {
                out += f[++i];
            } else {
                return i + 1;
            }
        }
        ++i;
    }
    return i;
}

// Copies a bracketed run ([...] with nesting, or {...}) verbatim.
std::size_t copy_bracketed(std::string_view f, std::size_t i, std::string& out) {
    char open = f[i], close = open == '[' ? ']' : '}';
    int depth = 0;
    while (i < f.size()) {
        char c = f[i];
        if (c == '"') {
            i = copy_quoted(f, i, out);
            continue;
        }
        out += c;
        ++i;
        if (c == open) ++depth;
        if (c == close && --depth == 0) break;
    }
    return i;
}

std::size_t token_end(std::string_view f, std::size_t i) {
    while (i < f.size() && is_name_char(f[i])) ++i;
    return i;
}

}  // namespace

std::string shift_formula(std::string_view f, std::int64_t rows, std::int64_t cols) {
    std::string out;
    out.reserve(f.size() + 8);
    std::size_t i = 0;
    while (i < f.size()) {
        char c = f[i];
        if (c == '"' || c == '\'') {
            i = copy_quoted(f, i, out);
            continue;
        }
        if (c == '[' || c == '{') {
            i = copy_bracketed(f, i, out);
            continue;
        }
        if (c == '#') {  // error literal such as #REF! or #N/A, or the spill operator
            out += f[i++];
            while (i < f.size() &&
                   (is_letter(f[i]) || is_digit(f[i]) || f[i] == '/' || f[i] == '_'))
                out += f[i++];
            if (i < f.size() && (f[i] == '!' || f[i] == '?')) out += f[i++];
            continue;
        }
        if (!is_name_char(c)) {
            out += f[i++];
            continue;
        }
        std::size_t end = token_end(f, i);
        std::string_view token = f.substr(i, end - i);
        char next = end < f.size() ? f[end] : '\0';
        bool prefixed = i > 0 && (is_name_char(f[i - 1]) || f[i - 1] == ']');
        RefPart first;
        if (next == '(' || next == '!' || next == '[' || prefixed || !parse_part(token, first)) {
            // Function, sheet name, table, defined name or number: copy. A number
            // in exponent form ("1.5E+3") continues after the sign.
            out.append(token);
            i = end;
            if (!token.empty() && (is_digit(token[0]) || token[0] == '.') &&
                (token.back() == 'E' || token.back() == 'e') && (next == '+' || next == '-')) {
                out += f[i++];
                std::size_t exp_end = token_end(f, i);
                out.append(f.substr(i, exp_end - i));
                i = exp_end;
            }
            continue;
        }
        // A range "A1:B2", "A:B" or "1:3" moves as one; an invalid end makes it #REF!.
        if (next == ':' && end + 1 < f.size()) {
            std::size_t end2 = token_end(f, end + 1);
            RefPart second;
            char after = end2 < f.size() ? f[end2] : '\0';
            if (after == '!') {  // "Q1:Q4!A1": a range of sheets whose names look like cells
                out.append(f.substr(i, end2 - i));
                i = end2;
                continue;
            }
            if (after != '(' && parse_part(f.substr(end + 1, end2 - end - 1), second) &&
                first.has_col == second.has_col && first.has_row == second.has_row) {
                std::string range;
                bool ok = emit_part(first, rows, cols, range);
                range += ':';
                ok = emit_part(second, rows, cols, range) && ok;
                out += ok ? range : "#REF!";
                i = end2;
                continue;
            }
        }
        if (first.has_col && first.has_row) {
            std::string ref;
            out += emit_part(first, rows, cols, ref) ? ref : "#REF!";
        } else {
            out.append(token);  // a lone "A" or "7" is a name or a number, not a reference
        }
        i = end;
    }
    return out;
}

}  // namespace kinerja::read_detail
