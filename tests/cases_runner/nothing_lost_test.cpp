// Nothing the user typed is lost: after a fill, every typed cell of the input holds the same
// value in the output, or it became a computed formula whose value is the typed one, or
// Kinerja's comment on it keeps the typed value ("Nilai semula: ...", engine/fill/computed.hpp).
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <sstream>

#include "cases_runner/case_file.hpp"
#include "cases_runner/engine.hpp"
#include "model/notes.hpp"
#include "pipeline/pipeline.hpp"
#include "read/read.hpp"
#include "support/support.hpp"
#include "tables/quantity.hpp"

namespace fs = std::filesystem;
using namespace kinerja;
using namespace kinerja::test;

namespace {

constexpr std::string_view kept_prefix = "Nilai semula: ";

bool same_value(const CellValue& a, const CellValue& b) {
    if (a.kind != b.kind) return false;
    if (a.kind == CellValue::Kind::number || a.kind == CellValue::Kind::boolean)
        return a.number == b.number;
    return a.text == b.text;
}

bool near(double a, double b) {
    return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(b));
}

// A computed value equal to the typed one replaced nothing: the same number, or text that
// reads as that number ("92,5%" for 92.5, or for 0.925 in a percent-formatted column).
bool close_value(const CellValue& computed, const CellValue& typed) {
    if (computed.kind == CellValue::Kind::number && typed.kind == CellValue::Kind::number)
        return near(computed.number, typed.number);
    if (computed.kind == CellValue::Kind::number && typed.kind == CellValue::Kind::text) {
        auto q = parse_quantity(typed.text);
        return q && !q->not_applicable &&
               (near(computed.number, q->value) ||
                (q->percent && near(computed.number, q->value / 100)));
    }
    return same_value(computed, typed);
}

// The value a "Nilai semula: " line keeps: "text" in quotes, or a number.
std::optional<CellValue> kept_value(std::string_view line) {
    CellValue v;
    if (line.size() >= 2 && line.front() == '"' && line.back() == '"') {
        v.kind = CellValue::Kind::text;
        v.text = std::string(line.substr(1, line.size() - 2));
        return v;
    }
    std::string s(line);
    char* end = nullptr;
    v.number = std::strtod(s.c_str(), &end);
    if (s.empty() || end != s.c_str() + s.size()) return std::nullopt;
    v.kind = CellValue::Kind::number;
    return v;
}

// Whether Kinerja's comment on (row, col) keeps `typed` as the replaced value.
bool kept_in_note(const Sheet& sheet, const Cell& typed) {
    for (const Comment& c : sheet.comments) {
        if (c.row != typed.row || c.col != typed.col || c.author != note_author) continue;
        std::istringstream lines(c.text);
        std::string line;
        while (std::getline(lines, line)) {
            auto at = line.find(kept_prefix);
            if (at == std::string::npos) continue;
            auto v = kept_value(std::string_view(line).substr(at + kept_prefix.size()));
            if (!v) continue;
            // Numbers are kept in their shortest exact form, so they read back exactly.
            if (same_value(*v, typed.value)) return true;
        }
    }
    return false;
}

std::string shown(const CellValue& v) {
    switch (v.kind) {
        case CellValue::Kind::blank:
            return "(blank)";
        case CellValue::Kind::number: {
            std::ostringstream s;
            s.precision(17);
            s << v.number;
            return s.str();
        }
        default:
            return "\"" + v.text + "\"";
    }
}

bool formula_in_note(const Sheet& sheet, const Cell& typed) {
    for (const Comment& c : sheet.comments)
        if (c.row == typed.row && c.col == typed.col && c.author == note_author &&
            (c.text + "\n").find("Rumus semula: =" + typed.formula + "\n") != std::string::npos)
            return true;
    return false;
}

struct Tally {
    std::size_t typed = 0, kept_in_notes = 0;
    std::string lost;
};

Tally compare(const Workbook& input, const Workbook& output, const std::string& label) {
    Tally t;
    for (const Sheet& sheet : input.sheets) {
        const Sheet* out = output.sheet(sheet.name);
        for (const Cell& cell : sheet.cells) {
            if (cell.value.kind == CellValue::Kind::blank && !cell.is_formula()) continue;
            ++t.typed;
            std::string where = label + " '" + sheet.name + "'!" + cell_name(cell.row, cell.col);
            const Cell* o = out ? out->find(cell.row, cell.col) : nullptr;
            if (cell.is_formula()) {
                // The user's formula stays, or Kinerja's comment keeps it word for word.
                if (o && o->formula == cell.formula) continue;
                if (o && formula_in_note(*out, cell)) {
                    ++t.kept_in_notes;
                    continue;
                }
                t.lost += "\n  " + where + ": formula =" + cell.formula + " lost";
                continue;
            }
            if (o && !o->is_formula() && same_value(o->value, cell.value)) continue;
            // A computed cell whose value is what the user typed replaced nothing.
            if (o && o->is_formula() && close_value(o->value, cell.value)) continue;
            if (o && o->is_formula() && kept_in_note(*out, cell)) {
                ++t.kept_in_notes;
                continue;
            }
            t.lost += "\n  " + where + ": typed " + shown(cell.value) + ", output " +
                      (!o                ? std::string("has no cell")
                       : o->is_formula() ? "=" + o->formula + " with no note keeping it"
                                         : shown(o->value));
        }
    }
    return t;
}

std::vector<fs::path> sample_workbooks() {
    std::vector<fs::path> files;
    for (const char* dir : {"samples", "samples/variants"})
        for (const auto& e : fs::directory_iterator(source_dir() / dir))
            if (e.path().extension() == ".xlsx") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(nothing_lost)

BOOST_AUTO_TEST_CASE(every_typed_value_of_the_samples_survives_a_fill) {
    ScratchDir scratch;
    std::size_t typed = 0, notes = 0;
    auto files = sample_workbooks();
    BOOST_TEST(files.size() >= 8u);
    for (const fs::path& input : files) {
        fs::path out = scratch / input.filename().string();
        std::string before = file_digest(input);
        fill_workbook(engine(), input, out);
        BOOST_TEST(file_digest(input) == before, input.filename() << " was modified");
        Tally t = compare(read_workbook(input), read_workbook(out), input.filename().string());
        BOOST_TEST(t.lost.empty(), "typed values lost:" << t.lost);
        typed += t.typed;
        notes += t.kept_in_notes;
    }
    BOOST_TEST_MESSAGE(typed << " typed cells checked, " << notes << " kept in notes");
    BOOST_TEST(typed > 3000u);
    // The documents' wrong capaian (SoE F25, Muara Enim F12, ...) are replaced and kept.
    BOOST_TEST(notes >= 5u);
}

BOOST_AUTO_TEST_CASE(every_typed_value_of_the_cases_survives_a_fill) {
    ScratchDir scratch;
    std::size_t notes = 0;
    for (const std::string& name : case_names()) {
        Case c = load_case(name);
        if (c.workbook.filename() != "input.xlsx") continue;  // the samples are above
        fs::path out = scratch / (name + ".xlsx");
        fill_workbook(engine(), c.workbook, out, case_options(c));
        Tally t = compare(read_workbook(c.workbook), read_workbook(out), name);
        BOOST_TEST(t.lost.empty(), "typed values lost:" << t.lost);
        notes += t.kept_in_notes;
    }
    // capaian-beda's 94,11% at least is replaced by the computed 100%.
    BOOST_TEST(notes >= 1u);
}

BOOST_AUTO_TEST_SUITE_END()
