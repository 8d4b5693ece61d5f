// The text format the sample sheets are written in, and its parser.
//
// One file per sheet (samples/source/<workbook>/<NN>-<name>.tsv, UTF-8). Each line is
// one spreadsheet row, cells separated by tabs, starting at column A:
//   # ...                 comment, not a row
//   (empty line)          an empty spreadsheet row
//   @key<TAB>value...     a sheet or workbook setting (see SheetSpec)
//   !kind<TAB>cells...    a row of that kind: title, subtitle, head, colnum, group, total,
//                         text (no borders); rows without a !kind are data rows
// A cell is [modifiers]content. Modifiers: {b} bold, {i} italic, {l} {c} {r} alignment.
// Content: empty = blank; ^ = part of the merge above; < = part of the merge to the left;
//   =a N amount (#,##0)   =p N / =p1 N / =p2 N percent with 0/1/2 decimals
//   =n N general number   =n1 N / =n2 N number with 1/2 decimals
// anything else is text: \n is a line break, {^x} a superscript run, and a leading
// backslash makes the rest literal (\= \^ \< \{).
#pragma once

#include <charconv>
#include <filesystem>
#include <fstream>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace samples {

enum class RowKind { data, title, subtitle, head, colnum, group, total, text };
enum class ValueKind { blank, text, number, merge_up, merge_left };
enum class NumberStyle { general, amount, percent0, percent1, percent2, decimal1, decimal2 };

struct CellSpec {
    ValueKind kind = ValueKind::blank;
    std::string text;  // text value, with \n already turned into line breaks
    double number = 0;
    NumberStyle style = NumberStyle::general;
    bool bold = false;
    bool italic = false;
    char align = 0;  // 0 = the row kind's default, else 'l', 'c' or 'r'
};

struct RowSpec {
    RowKind kind = RowKind::data;
    std::vector<CellSpec> cells;
    int line = 0;  // line in the source file, for error messages
};

struct CellComment {
    std::string cell;  // "F12"
    std::string text;
};

struct SheetSpec {
    std::filesystem::path source;
    std::string name;                               // @sheet
    std::vector<double> widths;                     // @widths 5,40,...
    int freeze_row = 0;                             // @freeze 7 -> rows 1..6 stay visible
    int freeze_col = 0;                             // @freeze 7 2 -> also columns A..B
    int repeat_first = 0, repeat_last = 0;          // @repeat 5 6 (print titles)
    bool landscape = true;                          // @portrait
    std::vector<CellComment> comments;              // @comment F12 text
    std::map<std::string, std::string> properties;  // @title, @author, @created ...
    std::vector<RowSpec> rows;
};

class ScriptError : public std::runtime_error {
public:
    ScriptError(const std::filesystem::path& file, int line, const std::string& what)
        : std::runtime_error(file.string() + ":" + std::to_string(line) + ": " + what) {}
};

inline std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> fields;
    std::size_t start = 0;
    while (true) {
        std::size_t tab = line.find('\t', start);
        fields.push_back(line.substr(start, tab - start));
        if (tab == std::string::npos) break;
        start = tab + 1;
    }
    return fields;
}

inline double parse_number(const std::string& text, const std::filesystem::path& file, int line) {
    double value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size())
        throw ScriptError(file, line, "not a number: '" + text + "'");
    return value;
}

// Turns the two-character escape "\n" into a line break; other text is kept as is.
inline std::string unescape(const std::string& raw) {
    std::string out;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] == '\\' && i + 1 < raw.size() && raw[i + 1] == 'n') {
            out += '\n';
            ++i;
        } else {
            out += raw[i];
        }
    }
    return out;
}

inline CellSpec parse_cell(std::string raw, const std::filesystem::path& file, int line) {
    CellSpec cell;
    while (raw.size() >= 3 && raw[0] == '{' && raw[2] == '}' && raw[1] != '^') {
        switch (raw[1]) {
            case 'b':
                cell.bold = true;
                break;
            case 'i':
                cell.italic = true;
                break;
            case 'l':
            case 'c':
            case 'r':
                cell.align = raw[1];
                break;
            default:
                throw ScriptError(file, line, "unknown modifier in '" + raw + "'");
        }
        raw.erase(0, 3);
    }
    if (raw.empty()) return cell;
    if (raw == "^") {
        cell.kind = ValueKind::merge_up;
        return cell;
    }
    if (raw == "<") {
        cell.kind = ValueKind::merge_left;
        return cell;
    }
    if (raw[0] == '\\' && raw.size() > 1 && raw[1] != 'n') {
        cell.kind = ValueKind::text;
        cell.text = unescape(raw.substr(1));
        return cell;
    }
    if (raw[0] == '=') {
        static const std::map<std::string, NumberStyle> styles = {
            {"=a", NumberStyle::amount},    {"=p", NumberStyle::percent0},
            {"=p1", NumberStyle::percent1}, {"=p2", NumberStyle::percent2},
            {"=n", NumberStyle::general},   {"=n1", NumberStyle::decimal1},
            {"=n2", NumberStyle::decimal2}};
        std::size_t space = raw.find(' ');
        auto style = styles.find(raw.substr(0, space));
        if (space == std::string::npos || style == styles.end())
            throw ScriptError(file, line, "unknown number cell '" + raw + "'");
        cell.kind = ValueKind::number;
        cell.style = style->second;
        cell.number = parse_number(raw.substr(space + 1), file, line);
        return cell;
    }
    cell.kind = ValueKind::text;
    cell.text = unescape(raw);
    return cell;
}

inline RowKind parse_row_kind(const std::string& field, const std::filesystem::path& file,
                              int line) {
    static const std::map<std::string, RowKind> kinds = {
        {"!data", RowKind::data},   {"!title", RowKind::title},   {"!subtitle", RowKind::subtitle},
        {"!head", RowKind::head},   {"!colnum", RowKind::colnum}, {"!group", RowKind::group},
        {"!total", RowKind::total}, {"!text", RowKind::text}};
    auto kind = kinds.find(field);
    if (kind == kinds.end()) throw ScriptError(file, line, "unknown row kind '" + field + "'");
    return kind->second;
}

inline void apply_setting(SheetSpec& sheet, const std::vector<std::string>& fields, int line) {
    const std::string key = fields[0].substr(1);
    auto need = [&](std::size_t count) {
        if (fields.size() < count + 1)
            throw ScriptError(sheet.source, line,
                              "@" + key + " needs " + std::to_string(count) + " value(s)");
    };
    if (key == "sheet") {
        need(1);
        sheet.name = fields[1];
    } else if (key == "widths") {
        need(1);
        std::size_t start = 0;
        const std::string& list = fields[1];
        while (start <= list.size()) {
            std::size_t comma = list.find(',', start);
            if (comma == std::string::npos) comma = list.size();
            sheet.widths.push_back(
                parse_number(list.substr(start, comma - start), sheet.source, line));
            start = comma + 1;
        }
    } else if (key == "freeze") {
        need(1);
        sheet.freeze_row = static_cast<int>(parse_number(fields[1], sheet.source, line));
        if (fields.size() > 2)
            sheet.freeze_col = static_cast<int>(parse_number(fields[2], sheet.source, line));
    } else if (key == "repeat") {
        need(2);
        sheet.repeat_first = static_cast<int>(parse_number(fields[1], sheet.source, line));
        sheet.repeat_last = static_cast<int>(parse_number(fields[2], sheet.source, line));
    } else if (key == "portrait") {
        sheet.landscape = false;
    } else if (key == "comment") {
        need(2);
        sheet.comments.push_back({fields[1], unescape(fields[2])});
    } else {
        need(1);
        sheet.properties[key] = fields[1];
    }
}

inline SheetSpec parse_sheet(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) throw ScriptError(file, 0, "cannot open");
    SheetSpec sheet;
    sheet.source = file;
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (!line.empty() && line[0] == '#') continue;
        if (line.empty()) {
            sheet.rows.push_back(RowSpec{RowKind::text, {}, number});
            continue;
        }
        std::vector<std::string> fields = split_tabs(line);
        if (!fields[0].empty() && fields[0][0] == '@') {
            apply_setting(sheet, fields, number);
            continue;
        }
        RowSpec row;
        row.line = number;
        std::size_t first = 0;
        if (!fields[0].empty() && fields[0][0] == '!') {
            row.kind = parse_row_kind(fields[0], file, number);
            first = 1;
        }
        for (std::size_t i = first; i < fields.size(); ++i)
            row.cells.push_back(parse_cell(fields[i], file, number));
        while (!row.cells.empty() && row.cells.back().kind == ValueKind::blank &&
               row.kind == RowKind::text)
            row.cells.pop_back();
        sheet.rows.push_back(std::move(row));
    }
    if (sheet.name.empty()) throw ScriptError(file, number, "no @sheet name");
    return sheet;
}

}  // namespace samples
