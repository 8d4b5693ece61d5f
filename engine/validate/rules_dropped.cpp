// bagian.tidak_dibawa: what the reader could not carry (Workbook::dropped), as named warnings
// for the Validasi sheet and the summary, one per kind of part and place.
#include <algorithm>
#include <cctype>
#include <optional>
#include <string_view>

#include "common/dropped.hpp"
#include "validate/rule_context.hpp"

namespace kinerja::validate_detail {

namespace {

bool name_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '\\' ||
           static_cast<unsigned char>(c) >= 0x80;
}

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// What a formula refers to that the output does not have: an Excel table not carried
// ("tblIncome" of tblIncome[Amount]), or an external link beyond those carried ("[2]").
struct Dangling {
    std::string table;
    std::uint32_t link = 0;
};

std::optional<Dangling> dangling_reference(std::string_view formula,
                                           const std::vector<std::string>& tables,
                                           std::uint32_t links) {
    bool in_string = false;
    int depth = 0;
    for (std::size_t i = 0; i < formula.size(); ++i) {
        char c = formula[i];
        if (c == '"' && depth == 0) in_string = !in_string;
        if (in_string) continue;
        if (c == ']' && depth > 0) --depth;
        if (c != '[' || depth++ > 0) continue;
        std::size_t start = i;
        while (start > 0 && name_char(formula[start - 1])) --start;
        if (start < i) {
            std::string name = lower(formula.substr(start, i - start));
            if (std::isdigit(static_cast<unsigned char>(name[0]))) continue;
            bool known = std::any_of(tables.begin(), tables.end(),
                                     [&](const std::string& t) { return lower(t) == name; });
            if (!known) return Dangling{std::string(formula.substr(start, i - start)), 0};
            continue;
        }
        std::uint32_t index = 0;
        std::size_t j = i + 1;
        for (; j < formula.size() && std::isdigit(static_cast<unsigned char>(formula[j])) &&
               index < 100000;
             ++j)
            index = index * 10 + static_cast<std::uint32_t>(formula[j] - '0');
        if (j > i + 1 && j < formula.size() && formula[j] == ']' && index > links)
            return Dangling{"", index};
    }
    return std::nullopt;
}

Finding dangling_finding(const Dangling& d, const std::string& sheet, std::uint32_t row,
                         std::uint32_t col, const std::string& where, const std::string& where_en) {
    if (!d.table.empty())
        return Finding::of(
            Rule::bagian_tidak_dibawa, sheet, row, col,
            {"Rumus " + where + " merujuk tabel Excel \"" + d.table +
                 "\" yang tidak ada di berkas hasil: rumus itu akan bernilai #REF! saat dihitung "
                 "ulang.",
             "The formula " + where_en + " refers to the Excel table \"" + d.table +
                 "\", which the output does not have: it becomes #REF! when recalculated."});
    std::string link = "[" + std::to_string(d.link) + "]";
    return Finding::of(
        Rule::bagian_tidak_dibawa, sheet, row, col,
        {"Rumus " + where + " merujuk buku kerja lain (" + link +
             ") yang tautannya tidak dapat dibawa: ditulis sebagai nilai terakhirnya.",
         "The formula " + where_en + " refers to another workbook (" + link +
             ") whose link cannot be carried: written as its last value."});
}

// Formulas and names that use a table or an external link the output will not have.
void add_dangling_reference_findings(const Workbook& workbook, std::vector<Finding>& findings) {
    static const std::vector<std::string> no_tables;
    const auto& tables = workbook.carried ? workbook.carried->table_names : no_tables;
    std::uint32_t links = workbook.carried ? workbook.carried->external_links : 0;
    for (const Sheet& sheet : workbook.sheets) {
        std::size_t reported = 0;
        for (const Cell& cell : sheet.cells) {
            if (cell.formula.find('[') == std::string::npos) continue;
            auto d = dangling_reference(cell.formula, tables, links);
            if (!d) continue;
            // One finding per cell, but a sheet of copied formulas says it a few times only.
            if (++reported > 20) break;
            findings.push_back(dangling_finding(*d, sheet.name, cell.row, cell.col,
                                                "di sel " + cell_name(cell.row, cell.col),
                                                "in cell " + cell_name(cell.row, cell.col)));
        }
    }
    for (const DefinedName& name : workbook.names) {
        if (name.formula.find('[') == std::string::npos) continue;
        if (auto d = dangling_reference(name.formula, tables, links))
            findings.push_back(dangling_finding(*d, workbook.sheets.front().name, 0, 0,
                                                "nama \"" + name.name + "\"",
                                                "name \"" + name.name + "\""));
    }
}

}  // namespace

void add_dropped_part_findings(const Workbook& workbook, std::vector<Finding>& findings) {
    if (workbook.sheets.empty()) return;
    add_dangling_reference_findings(workbook, findings);
    std::vector<std::pair<std::string, std::string>> seen;  // (part, kind)
    for (const DroppedPart& d : workbook.dropped) {
        // One finding per kind of item and part: a drawing of 200 shapes says it once.
        std::pair key(d.part, dropped_kind(d.what));
        if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
        seen.push_back(std::move(key));
        const Sheet* sheet = workbook.sheet(d.part);
        std::string place = sheet ? sheet->name : workbook.sheets.front().name;
        Message what = describe(d);
        Message where = sheet ? Message{"di sheet " + sheet->name, "on sheet " + sheet->name}
                              : Message{"(" + d.part + ")", "(" + d.part + ")"};
        findings.push_back(Finding::of(
            Rule::bagian_tidak_dibawa, place, 0, 0,
            {sentence_start(what.id) + " " + where.id + " tidak dapat dibawa ke berkas hasil.",
             "The " + what.en + " " + where.en + " cannot be carried into the output."}));
    }
}

}  // namespace kinerja::validate_detail
