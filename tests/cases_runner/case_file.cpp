#include "cases_runner/case_file.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <stdexcept>

#include "data/data.hpp"
#include "support/support.hpp"

namespace kinerja::test {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

[[noreturn]] void bad_case(const std::string& name, const std::string& why) {
    throw std::runtime_error("tests/cases/" + name + ": " + why);
}

std::string text_field(const std::string& name, const json& object, const char* key,
                       bool required) {
    auto it = object.find(key);
    if (it == object.end()) {
        if (required) bad_case(name, std::string("a finding lacks \"") + key + "\"");
        return {};
    }
    if (!it->is_string()) bad_case(name, std::string("\"") + key + "\" must be a string");
    return it->get<std::string>();
}

void check_keys(const std::string& name, const json& object, std::set<std::string> allowed) {
    for (const auto& [key, value] : object.items())
        if (!allowed.count(key)) bad_case(name, "unknown key \"" + key + "\" in expected.json");
}

void check_cell(const std::string& name, const std::string& cell) {
    std::uint32_t row = 0, col = 0;
    if (!cell.empty() && !parse_cell_name(cell, row, col))
        bad_case(name, "\"" + cell + "\" is not a cell reference such as E14");
}

ExpectedFinding read_expected(const std::string& name, const json& j) {
    check_keys(name, j, {"rule", "sheet", "cell", "message_contains"});
    ExpectedFinding f{text_field(name, j, "rule", true),
                      text_field(name, j, "sheet", true),
                      text_field(name, j, "cell", true),
                      {}};
    check_cell(name, f.cell);
    if (auto it = j.find("message_contains"); it != j.end()) {
        if (it->is_string())
            f.message_contains.push_back(it->get<std::string>());
        else if (it->is_array())
            for (const auto& s : *it) f.message_contains.push_back(s.get<std::string>());
        else
            bad_case(name, "\"message_contains\" must be a string or a list of strings");
    }
    return f;
}

ToleratedFinding read_tolerated(const std::string& name, const json& j) {
    check_keys(name, j, {"rule", "sheet", "cell", "reason"});
    ToleratedFinding t{text_field(name, j, "rule", true), text_field(name, j, "sheet", false),
                       text_field(name, j, "cell", false), text_field(name, j, "reason", true)};
    check_cell(name, t.cell);
    return t;
}

bool tolerated(const Case& c, const Finding& f) {
    return std::any_of(c.tolerated.begin(), c.tolerated.end(), [&](const ToleratedFinding& t) {
        return t.rule == f.id() && (t.sheet.empty() || t.sheet == f.sheet) &&
               (t.cell.empty() || t.cell == cell_name(f.row, f.col));
    });
}

const char* severity_name(Severity s) {
    return s == Severity::error ? "error" : "warning";
}

std::string describe(const Finding& f) {
    return "  " + finding_key(f) + " (" + severity_name(f.severity) + "): " + f.message.id + "\n";
}

}  // namespace

fs::path cases_dir() {
    return test_dir() / "cases";
}

std::vector<std::string> case_names() {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(cases_dir(), ec))
        if (entry.is_directory()) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

Case load_case(const std::string& name) {
    const fs::path folder = cases_dir() / name;
    Case c;
    c.name = name;
    if (fs::exists(folder / "input.xlsx")) {
        c.workbook = folder / "input.xlsx";
    } else if (fs::exists(folder / "input.txt")) {
        std::istringstream lines(read_file(folder / "input.txt"));
        std::string relative;
        std::getline(lines, relative);
        while (!relative.empty() && std::isspace(static_cast<unsigned char>(relative.back())))
            relative.pop_back();
        c.workbook = source_dir() / relative;
        if (relative.empty() || !fs::exists(c.workbook))
            bad_case(name, "input.txt names \"" + relative + "\", which does not exist");
    } else {
        bad_case(name, "neither input.xlsx nor input.txt");
    }
    if (fs::exists(folder / "data.csv")) c.data = folder / "data.csv";

    json j;
    try {
        j = json::parse(read_file(folder / "expected.json"));
    } catch (const json::exception& e) {
        bad_case(name, std::string("expected.json: ") + e.what());
    }
    if (!j.is_object()) bad_case(name, "expected.json must hold an object");
    check_keys(name, j,
               {"description", "exact", "findings", "tolerated", "satker", "notes", "tables",
                "computed_cells"});
    if (!j.contains("exact") || !j["exact"].is_boolean())
        bad_case(name, "expected.json needs \"exact\": true or false");
    c.exact = j["exact"].get<bool>();
    if (!j.contains("findings") || !j["findings"].is_array())
        bad_case(name, "expected.json needs a \"findings\" list (empty for a clean case)");
    for (const auto& f : j["findings"]) c.findings.push_back(read_expected(name, f));
    if (j.contains("tolerated"))
        for (const auto& t : j["tolerated"]) c.tolerated.push_back(read_tolerated(name, t));
    c.satker = text_field(name, j, "satker", false);
    if (j.contains("computed_cells")) c.computed_cells = j["computed_cells"].get<std::size_t>();
    if (j.contains("tables")) {
        c.tables.emplace();
        for (const auto& t : j["tables"]) {
            check_keys(name, t, {"sheet", "range", "kind", "roles", "evaluated"});
            ExpectedTable e{text_field(name, t, "sheet", true),
                            text_field(name, t, "range", true),
                            text_field(name, t, "kind", true),
                            {},
                            {}};
            if (t.contains("roles"))
                for (const auto& [col, role] : t["roles"].items())
                    e.roles[col] = role.get<std::string>();
            if (t.contains("evaluated"))
                for (const auto& col : t["evaluated"])
                    e.evaluated.push_back(col.get<std::string>());
            c.tables->push_back(e);
        }
    }
    return c;
}

FillOptions case_options(const Case& c) {
    FillOptions options;
    if (c.data) options.data = read_satker_data(*c.data, c.satker).data;
    return options;
}

std::string finding_key(const std::string& rule, const std::string& sheet,
                        const std::string& cell) {
    return "'" + sheet + "'!" + cell + " " + rule;
}

std::string finding_key(const Finding& f) {
    return finding_key(std::string(f.id()), f.sheet, cell_name(f.row, f.col));
}

std::string compare_findings(const Case& c, const std::vector<Finding>& found) {
    std::map<std::string, std::vector<const Finding*>> by_key;
    for (const Finding& f : found) by_key[finding_key(f)].push_back(&f);
    std::set<std::string> expected_keys, expected_rules;
    std::string missing, wording, unexpected;

    for (const ExpectedFinding& e : c.findings) {
        std::string key = finding_key(e.rule, e.sheet, e.cell);
        expected_keys.insert(key);
        expected_rules.insert(e.rule);
        auto it = by_key.find(key);
        if (it == by_key.end()) {
            missing += "  " + key + "\n";
            continue;
        }
        // One of the findings at this cell and rule must say every expected piece.
        bool worded = std::any_of(it->second.begin(), it->second.end(), [&](const Finding* f) {
            return std::all_of(
                e.message_contains.begin(), e.message_contains.end(),
                [&](const std::string& s) { return f->message.id.find(s) != std::string::npos; });
        });
        if (!worded) {
            wording += "  " + key + " should mention";
            for (const auto& s : e.message_contains) wording += " [" + s + "]";
            wording += "\n";
            for (const Finding* f : it->second) wording += "    but says: " + f->message.id + "\n";
        }
    }
    for (const Finding& f : found) {
        if (expected_keys.count(finding_key(f)) || tolerated(c, f)) continue;
        bool allowed = !c.exact &&
                       (f.severity != Severity::error || expected_rules.count(std::string(f.id())));
        if (!allowed) unexpected += describe(f);
    }

    if (missing.empty() && wording.empty() && unexpected.empty()) return {};
    std::string diff = "case " + c.name + " (" + c.workbook.filename().string() +
                       (c.exact ? ", exact" : ", at least") + "):\n";
    if (!missing.empty()) diff += " missing (expected, not found):\n" + missing;
    if (!unexpected.empty()) diff += " unexpected (found, not expected):\n" + unexpected;
    if (!wording.empty()) diff += " message does not mention the figures:\n" + wording;
    diff += " all findings of this run:\n";
    for (const Finding& f : found) diff += describe(f);
    return diff;
}

}  // namespace kinerja::test

namespace kinerja::test {

std::string compare_tables(const Case& c, const std::vector<Table>& found) {
    if (!c.tables) return {};
    std::string diff;
    if (found.size() != c.tables->size())
        diff += "expected " + std::to_string(c.tables->size()) + " tables, found " +
                std::to_string(found.size()) + "\n";
    for (const ExpectedTable& e : *c.tables) {
        const Table* t = nullptr;
        for (const Table& f : found)
            if (f.sheet == e.sheet && f.range() == e.range) t = &f;
        if (!t) {
            diff += "missing table '" + e.sheet + "'!" + e.range + "; found:";
            for (const Table& f : found) diff += " '" + f.sheet + "'!" + f.range();
            diff += "\n";
            continue;
        }
        if (kind_name(t->kind) != e.kind)
            diff += e.range + ": kind " + kind_name(t->kind) + ", expected " + e.kind + "\n";
        for (const auto& [letter, role] : e.roles) {
            const TableColumn* col = nullptr;
            for (const auto& tc : t->columns)
                if (column_name(tc.col) == letter) col = &tc;
            std::string got = col ? role_name(col->role) : "(none)";
            if (got != role)
                diff += e.range + " column " + letter + ": " + got + ", expected " + role + "\n";
        }
        for (const auto& letter : e.evaluated) {
            bool ok = false;
            for (const auto& tc : t->columns)
                if (column_name(tc.col) == letter) ok = tc.evaluated;
            if (!ok) diff += e.range + " column " + letter + " is not the evaluated one\n";
        }
    }
    return diff;
}

}  // namespace kinerja::test
