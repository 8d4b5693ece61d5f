// What the stages could not carry is said to people in their language (common/dropped.hpp):
// every English phrase the reader and the writer record has Indonesian words. The phrases are
// found in the sources, as literals passed to the calls that record them, so that a new one
// without words fails here rather than reaching a user in English.
#include <array>
#include <boost/test/unit_test.hpp>
#include <cctype>
#include <map>
#include <optional>
#include <set>

#include "common/dropped.hpp"
#include "model/workbook.hpp"
#include "support/support.hpp"

namespace fs = std::filesystem;
using namespace kinerja;
using namespace kinerja::test;

namespace {

// The code with its character literals blanked ('"' would open a string to a scanner).
std::string scannable(const fs::path& file) {
    std::string code = without_comments(read_file(file));
    for (std::size_t i = 0; i + 2 < code.size(); ++i)
        if (code[i] == '\'' && (i == 0 || !std::isalnum(static_cast<unsigned char>(code[i - 1])))) {
            std::size_t end = code[i + 1] == '\\' ? i + 3 : i + 2;
            if (end < code.size() && code[end] == '\'') code.replace(i, end + 1 - i, "' '");
        }
    return code;
}

// The end of the bracketed text that opens at `open` (its closing bracket).
std::size_t closing(const std::string& code, std::size_t open) {
    int depth = 0;
    for (std::size_t i = open; i < code.size(); ++i) {
        char c = code[i];
        if (c == '"') {
            for (++i; i < code.size() && code[i] != '"'; ++i)
                if (code[i] == '\\') ++i;
        } else if (c == '(' || c == '{' || c == '[') {
            ++depth;
        } else if ((c == ')' || c == '}' || c == ']') && --depth == 0) {
            return i;
        }
    }
    return code.size();
}

// `text` split at top-level occurrences of `separator`, each piece trimmed.
std::vector<std::string> split_top(const std::string& text, char separator) {
    std::vector<std::string> pieces{""};
    int depth = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '"') {
            std::size_t end = i + 1;
            while (end < text.size() && text[end] != '"') end += text[end] == '\\' ? 2 : 1;
            pieces.back() += text.substr(i, end + 1 - i);
            i = end;
            continue;
        }
        if (c == '(' || c == '{' || c == '[') ++depth;
        if (c == ')' || c == '}' || c == ']') --depth;
        bool scope = c == ':' && (text.compare(i, 2, "::") == 0 || (i > 0 && text[i - 1] == ':'));
        if (c == separator && depth == 0 && !scope) {
            pieces.emplace_back();
            continue;
        }
        pieces.back() += c;
    }
    for (std::string& piece : pieces) {
        std::size_t first = piece.find_first_not_of(" \n\t"),
                    last = piece.find_last_not_of(" \n\t");
        piece = first == std::string::npos ? "" : piece.substr(first, last + 1 - first);
    }
    return pieces;
}

// The text of a run of adjacent string literals, or nothing when `operand` is not one
// (std::string("...") counts as one).
std::optional<std::string> literal(std::string operand) {
    if (operand.rfind("std::string(", 0) == 0 && operand.back() == ')')
        operand = operand.substr(12, operand.size() - 13);
    if (operand.empty() || operand[0] != '"') return std::nullopt;
    std::string text;
    for (std::size_t i = 0; i < operand.size(); ++i) {
        if (operand[i] != '"') {
            if (!std::isspace(static_cast<unsigned char>(operand[i]))) return std::nullopt;
            continue;
        }
        for (++i; i < operand.size() && operand[i] != '"'; ++i) {
            if (operand[i] == '\\') ++i;
            text += operand[i];
        }
    }
    return text;
}

// The phrase an expression such as `"image of type '" + image.extension + "' not ..."`
// records, each part that is not a literal standing as "x"; nothing without any literal.
std::optional<std::string> sample(const std::string& expression) {
    std::string phrase;
    bool any = false;
    for (const std::string& operand : split_top(expression, '+')) {
        auto text = literal(operand);
        any = any || text.has_value();
        phrase += text ? *text : "x";
    }
    return any ? std::optional(phrase) : std::nullopt;
}

// `text` with each run of white space outside literals as one space.
std::string one_line(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '"') {
            std::size_t end = i + 1;
            while (end < text.size() && text[end] != '"') end += text[end] == '\\' ? 2 : 1;
            out += text.substr(i, end + 1 - i);
            i = end;
        } else if (std::isspace(static_cast<unsigned char>(text[i]))) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += text[i];
        }
    }
    return out;
}

// What a recording call in a stage passes as the phrase, by file.
struct Recorded {
    std::string file, expression;
};

const std::set<std::string> recording_calls = {"drop",    "add",     "check",
                                               "checked", "limited", "push_back"};

std::vector<Recorded> recorded_phrases() {
    std::vector<Recorded> found;
    for (const char* stage : {"read", "write", "fill", "pipeline"})
        for (const auto& entry : fs::directory_iterator(source_dir() / "engine" / stage)) {
            auto ext = entry.path().extension();
            if (ext != ".cpp" && ext != ".hpp") continue;
            std::string code = scannable(entry.path());
            std::string name = std::string(stage) + "/" + entry.path().filename().string();
            for (std::size_t at = 0; at < code.size(); ++at) {
                if (code[at] == '"') {  // skip literals whole
                    for (++at; at < code.size() && code[at] != '"'; ++at)
                        if (code[at] == '\\') ++at;
                    continue;
                }
                std::string call;
                if (code[at] == '(') {
                    std::size_t start = at;
                    while (start > 0 &&
                           (std::isalnum(static_cast<unsigned char>(code[start - 1])) ||
                            code[start - 1] == '_'))
                        --start;
                    call = code.substr(start, at - start);
                    if (!recording_calls.count(call)) continue;
                    // Only the recorders' add and push_back: Drops::add, Workbook::dropped.
                    std::string before =
                        code.substr(start >= 9 ? start - 9 : 0, start >= 9 ? 9 : start);
                    if ((call == "add" && before.find("drops") == std::string::npos) ||
                        (call == "push_back" && before.find("dropped.") == std::string::npos))
                        continue;
                } else if (code[at] == '{') {
                    // A brace list as an argument: a Fallback {scope, location, what} of the
                    // writer's patches, or a DroppedPart {part, what} pushed back.
                    std::size_t prev = code.find_last_not_of(" \n\t", at == 0 ? 0 : at - 1);
                    if (prev == std::string::npos || (code[prev] != ',' && code[prev] != '('))
                        continue;
                    // {part, what} only as what Workbook::dropped is given.
                    bool pushed =
                        code.compare(prev >= 17 ? prev - 17 : 0, 18, "dropped.push_back(") == 0;
                    call = pushed ? "{2" : "{3";
                } else {
                    continue;
                }
                std::size_t end = closing(code, at);
                auto args = split_top(code.substr(at + 1, end - at - 1), ',');
                if (call[0] == '{' && (args.size() != static_cast<std::size_t>(call[1] - '0') ||
                                       !sample(args.back())))
                    continue;
                // A brace list given to push_back is read above; a check() of something else
                // than a phrase has no literal.
                if (args.back().rfind("{", 0) == 0) continue;
                if ((call == "check" || call == "checked" || call == "limited") &&
                    !sample(args.back()))
                    continue;
                // A declaration (`void drop(std::string what)`) records nothing.
                if (args.back().find("std::string ") == 0 || args.back().find("const ") == 0 ||
                    args.back().find("std::string&") != std::string::npos)
                    continue;
                found.push_back({name, one_line(args.back())});
            }
        }
    return found;
}

// The calls that pass on a phrase made elsewhere, and the phrases that elsewhere makes:
// checked below from the sources that make them.
const std::set<std::string> passed_on = {
    "what",  // a recorder's own parameter
    "f.what",
    "e.fallback.what",  // the patches' fallbacks, found as brace lists
    "std::move(d)",
    "std::string(what) + \" (libxlsxwriter: \" + lxw_strerror(error) + \")\"",
    "what + \" (libxlsxwriter: \" + lxw_strerror(error) + \")\"",
    "std::string(kind)",                   // dropped_kind() of sheet_reader.cpp
    "describe_ext(name)",                  // sheet_rules.cpp
    "std::string(what)",                   // dropped_parts.cpp's kinds
    "kind + \" \\\"\" + name + \"\\\"\"",  // workbook_reader.cpp's sheets of other kinds
    "what + \" at \" + sheet.name + \"!\" + cell_name(from.row, from.col)",  // object_kind()
    "where.size() == 2 ? \"header/footer picture (\" + where + \")\" : where + \" with "
    "'&&G' and pictures\"",
};

// The phrases returned by the function of `file` whose definition starts with `opening`.
std::vector<std::string> made_by(const std::string& file, const std::string& opening) {
    std::string code = scannable(source_dir() / "engine" / file);
    std::size_t at = code.find(opening);
    BOOST_REQUIRE_MESSAGE(at != std::string::npos, file << " has no " << opening);
    std::size_t open = code.find('{', at);
    std::string body = code.substr(open, closing(code, open) - open);
    std::vector<std::string> phrases;
    for (std::size_t r = body.find("return "); r != std::string::npos;
         r = body.find("return ", r + 1)) {
        std::string expression = body.substr(r + 7, body.find(';', r) - r - 7);
        for (const std::string& branch : split_top(expression, '?'))
            for (const std::string& choice : split_top(branch, ':'))
                if (auto phrase = sample(choice)) phrases.push_back(*phrase);
    }
    return phrases;
}

}  // namespace

BOOST_AUTO_TEST_CASE(every_phrase_a_stage_records_has_indonesian_words) {
    auto recorded = recorded_phrases();
    BOOST_TEST(recorded.size() > 150u);  // the walk found the recorders
    std::size_t checked = 0;
    for (const Recorded& r : recorded) {
        auto phrase = sample(r.expression);
        if (phrase && described(*phrase)) {
            ++checked;
            continue;
        }
        BOOST_TEST(passed_on.count(r.expression) == 1u,
                   r.file << " records \"" << (phrase ? *phrase : r.expression)
                          << "\", which common/dropped.cpp has no words for");
    }
    BOOST_TEST(checked > 120u);
}

BOOST_AUTO_TEST_CASE(every_phrase_made_elsewhere_has_indonesian_words) {
    std::vector<std::string> phrases;
    for (auto [file, opening, after] : std::vector<std::array<std::string, 3>>{
             {"read/sheet_reader.cpp", "std::string_view dropped_kind(", ""},
             {"read/sheet_rules.cpp", "std::string describe_ext(", ""},
             {"read/drawings.cpp", "std::string object_kind(", ""},
             {"read/drawings.cpp", "std::string object_kind(", " at Data!B3"},
             {"read/workbook_reader.cpp", "std::string kind =", " \"Grafik\""},
         }) {
        std::string code = scannable(source_dir() / "engine" / file);
        if (opening.back() == '=') {  // a ternary of literals
            std::size_t at = code.find(opening) + opening.size();
            for (const std::string& branch :
                 split_top(code.substr(at, code.find(';', at) - at), '?'))
                for (const std::string& choice : split_top(branch, ':'))
                    if (auto text = literal(choice)) phrases.push_back(*text + after);
            continue;
        }
        for (const std::string& phrase : made_by(file, opening)) phrases.push_back(phrase + after);
    }
    // dropped_parts.cpp: its kinds by part name, and the two it names outright.
    std::string parts = scannable(source_dir() / "engine" / "read" / "dropped_parts.cpp");
    std::size_t table = parts.find("kinds = {{");
    BOOST_REQUIRE(table != std::string::npos);
    for (const std::string& pair :
         split_top(parts.substr(table + 9, closing(parts, table + 9) - table - 9), ','))
        if (auto both = split_top(pair.substr(1, pair.size() - 2), ','); both.size() == 2)
            phrases.push_back(literal(both[1]).value_or(both[1]));
    for (std::size_t at = parts.find("what = \""); at != std::string::npos;
         at = parts.find("what = \"", at + 1))
        phrases.push_back(*literal(parts.substr(at + 7, parts.find(';', at) - at - 7)));
    // page_setup.cpp: the pictures a header or footer lost, by place or by the whole line.
    for (const char* phrase : {"header/footer picture (LH)", "page header with '&&G' and pictures",
                               "page footer with '&&G' and pictures"})
        phrases.push_back(phrase);
    BOOST_TEST(phrases.size() > 40u);
    for (const std::string& phrase : phrases)
        BOOST_TEST(described(phrase), "no Indonesian words for \"" << phrase << "\"");
}

// The words themselves: exact phrases, patterns with their variable part kept, details after
// a known phrase, the writer's places, and an unknown phrase still read as Indonesian.
BOOST_AUTO_TEST_CASE(a_dropped_item_is_described_in_both_languages) {
    auto words = [](std::string what) { return describe(DroppedPart{"Data", std::move(what)}); };
    BOOST_TEST(words("form control").id == "kontrol formulir");
    BOOST_TEST(words("form control").en == "form control");
    BOOST_TEST(words("formula longer than 8192 characters written as its last value").id ==
               "rumus lebih dari 8.192 karakter ditulis sebagai nilai terakhirnya");
    BOOST_TEST(words("image of type 'tiff' not supported (only PNG, JPEG, GIF and BMP)").id ==
               "gambar berjenis 'tiff' tidak didukung (hanya PNG, JPEG, GIF dan BMP)");
    BOOST_TEST(words("chart out of bounds").id == "grafik di luar batas lembar kerja");
    BOOST_TEST(words("shape or text box at Data!B3").id == "bentuk atau kotak teks di Data!B3");
    BOOST_TEST(words("chartsheet \"Grafik TW\"").id == "sheet grafik \"Grafik TW\"");
    BOOST_TEST(
        words("blank cell (libxlsxwriter: Worksheet row or column index out of range.)").id ==
        "sel kosong tidak dapat ditulis (ditolak libxlsxwriter)");
    BOOST_TEST(words("print area: Parameter is NULL.").id == "area cetak tidak dapat ditulis");
    BOOST_TEST(words("12 numbers written with 16 significant digits").id ==
               "12 angka ditulis dengan 16 digit signifikan");
    BOOST_TEST(words("AutoFilter criteria (top 10) in column C").id ==
               "kriteria AutoFilter di kolom C");
    BOOST_TEST(words("extLst (x14:foo)").id == "isi tambahan Excel (extLst: x14:foo)");
    BOOST_TEST(words("something new").id == "bagian \"something new\"");
    BOOST_TEST(!described("something new"));
    BOOST_TEST(!described("chart at"));  // a detail needs its part

    BOOST_TEST(dropped_kind("chart at Data!B3") == "chart");
    BOOST_TEST(dropped_kind("chartsheet \"Grafik\"") == "chartsheet");
    BOOST_TEST(dropped_kind("chart out of bounds") == "chart out of bounds");
    BOOST_TEST(dropped_kind("something new") == "something new");

    Message place = dropped_place(DroppedPart{"Data!B5 (+9 more)", "formula"});
    BOOST_TEST(place.id == "Data!B5 (+9 lainnya)");
    BOOST_TEST(place.en == "Data!B5 (+9 more)");
    BOOST_TEST(dropped_place(DroppedPart{"Data!row 7", "row out of bounds"}).id == "Data!baris 7");
    BOOST_TEST(dropped_place(DroppedPart{"xl/styles.xml!style 3 (+2 more)", "x"}).id ==
               "xl/styles.xml!gaya 3 (+2 lainnya)");
    BOOST_TEST(sentence_start("kontrol formulir") == "Kontrol formulir");
}
