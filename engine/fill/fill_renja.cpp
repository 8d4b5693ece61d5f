// The Renja evaluation (Permendagri 86/2017, "Evaluasi terhadap hasil Renja"): the cells its
// column-number row defines by a rule ("13 = 9 + 10 + 11 + 12", "14 = 7 + 13",
// "15 = 14 / 6 x 100") are filled where empty, per unit (K with K, Rp. with Rp.); below the
// rows, "Rata-rata capaian kinerja" gets the average of the tingkat capaian above it and
// "Predikat kinerja" the predikat of that average on the template's `renja` scale. Typed rule
// cells are judged by tabel.aturan_kolom; a typed average or predikat that differs is a fact.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <regex>

#include "fill/fill_context.hpp"

namespace kinerja::fill_detail {

namespace {

// A bound of the scale in C notation, as Excel reads it in any locale.
std::string c_number(double value) {
    char buf[32];
    auto end = std::to_chars(buf, buf + sizeof buf, value).ptr;
    return std::string(buf, end);
}

// The rule's expression with each column variable k<N> replaced by its cell.
std::string excel_of(const std::string& expression,
                     const std::map<std::string, std::string>& refs) {
    static const std::regex variable(R"(k\d+)");
    std::string out;
    auto begin = std::sregex_iterator(expression.begin(), expression.end(), variable);
    std::size_t at = 0;
    for (auto it = begin; it != std::sregex_iterator(); ++it) {
        out += expression.substr(at, static_cast<std::size_t>(it->position()) - at);
        out += refs.at(it->str());
        at = static_cast<std::size_t>(it->position() + it->length());
    }
    out += expression.substr(at);
    std::string tidy;
    for (char c : out)
        if (c != ' ') tidy += c;
    return tidy;
}

// Fills the empty cells of the column a stated rule defines, in each of its sub-columns.
void fill_rule(FillContext& ctx, const ColumnRule& rule, const std::vector<TableRow>& rows) {
    const Table& t = ctx.table;
    std::map<int, const ColumnNumber*> by_number;
    for (const auto& n : t.numbers) by_number[n.number] = &n;
    auto defined = by_number.find(rule.number);
    if (defined == by_number.end()) return;
    std::vector<std::string> variables;
    std::vector<int> operands;
    for (const auto& [number, group] : by_number) {
        std::string name = "k" + std::to_string(number);
        if (std::regex_search(rule.expression, std::regex(name + R"((?!\d))"))) {
            variables.push_back(name);
            operands.push_back(number);
        }
    }
    std::optional<Formula> formula;
    try {
        formula = Formula::parse(rule.expression, variables);
    } catch (const FormulaError&) {
        return;  // `kinerja inspect` shows a rule that cannot be read; nothing is guessed
    }
    FormulaEvaluator evaluator(*formula);
    bool sum_only = rule.expression.find_first_of("*/") == std::string::npos;
    bool percentage = rule.expression.find("100") != std::string::npos;
    const ColumnNumber& target = *defined->second;
    for (std::uint32_t i = 0; i <= target.last_col - target.first_col; ++i) {
        std::uint32_t col = target.first_col + i;
        std::map<std::string, std::uint32_t> columns;
        for (std::size_t k = 0; k < operands.size(); ++k)
            if (auto c = rule_operand_column(t, target, i, *by_number.at(operands[k])))
                columns[variables[k]] = *c;
        if (columns.size() != operands.size()) continue;
        for (const TableRow& row : rows) {
            if (row.is_section) continue;
            const Cell* cell = ctx.sheet.find(row.row, col);
            if (ctx.sheet.merge_at(row.row, col) ||
                (cell && (cell->is_formula() || !display_text(ctx.sheet, row.row, col).empty())))
                continue;  // typed or a formula: tabel.aturan_kolom judges it
            std::vector<double> values;
            std::map<std::string, std::string> refs;
            bool any = false, usable = true;
            for (const auto& v : formula->variables()) {
                Operand op = ctx.operand(row.row, columns.at(v));
                bool number = !std::isnan(op.value);
                // In a sum a blank is nothing yet (TW IV before its time), as in Excel.
                if (!number && !(sum_only && !op.typed)) usable = false;
                any = any || number;
                values.push_back(number ? op.value : 0.0);
                refs[v] = op.excel.find('*') != std::string::npos ? "(" + op.excel + ")" : op.excel;
            }
            if (!usable || !any) continue;
            double value = evaluator.evaluate(values);
            if (is_na(value) || !std::isfinite(value)) continue;
            ExcelFormula f;
            f.formula = excel_of(rule.expression, refs);
            if (!sum_only) f.formula = "IFERROR(" + f.formula + ",\"-\")";
            f.cached.kind = CellValue::Kind::number;
            f.cached.number = value;
            ctx.put(row.row, col, percentage ? ctx.in_cell_units(row.row, col, f) : f);
        }
    }
}

std::string key_of_row(const Sheet& sheet, const Table& t, std::uint32_t row,
                       std::initializer_list<ColumnRole> roles) {
    for (ColumnRole r : roles)
        for (const auto& c : t.columns)
            if (c.role == r) {
                std::string k = header_key(display_text(sheet, row, c.col));
                if (!k.empty()) return k;
            }
    return {};
}

// The tingkat capaian columns the summary rows average: the capaian beside no TW (K) and its
// money counterpart (Rp.).
std::vector<std::uint32_t> tingkat_capaian_columns(const Table& t) {
    std::vector<std::uint32_t> cols;
    for (const auto& c : t.columns)
        if (!c.triwulan && (c.role == ColumnRole::capaian ||
                            (c.role == ColumnRole::persen && c.unit == ColumnUnit::rupiah)))
            cols.push_back(c.col);
    return cols;
}

// The value shown in a summary cell, as a user typed it or a formula of theirs gave it.
struct Shown {
    bool any = false;
    double number = na;
    std::string text;
    std::string formula;
};

Shown shown(const FillContext& ctx, std::uint32_t row, std::uint32_t col) {
    Shown s;
    const Cell* cell = ctx.sheet.find(row, col);
    if (!cell) return s;
    s.formula = cell->is_formula() ? cell->formula : "";
    s.text = display_text(ctx.sheet, row, col);
    s.any = !s.text.empty();
    s.number = ctx.operand(row, col).value;
    return s;
}

void fill_average(FillContext& ctx, std::uint32_t row, std::uint32_t col,
                  const std::vector<std::uint32_t>& scope) {
    std::size_t n = 0;
    for (std::uint32_t r : scope)
        if (!std::isnan(ctx.operand(r, col).value)) ++n;
    ExcelFormula f = ctx.sum(scope, col);
    if (f.formula.empty() || n == 0) return;
    f.formula = "AVERAGE" + f.formula.substr(3);
    f.cached.number /= static_cast<double>(n);
    ExcelFormula in_cell = ctx.in_cell_units(row, col, f);
    Shown before = shown(ctx, row, col);
    if (before.any && !ctx.keeps_formula(row, col, in_cell) &&
        (std::isnan(before.number) || !stated_agrees(before.number, f.cached.number)))
        ctx.report.facts.differing_summaries.push_back({ctx.at(row, col), before.formula, false,
                                                        f.cached.number, n, before.number,
                                                        before.text, ""});
    ctx.put(row, col, in_cell);
}

void fill_predikat(FillContext& ctx, std::uint32_t row, std::uint32_t col,
                   std::uint32_t average_row) {
    Operand average = ctx.operand(average_row, col);
    if (std::isnan(average.value)) return;
    const auto& scales = ctx.evaluator.compiled().settings().scales;
    auto found = scales.find("renja");
    KategoriScale scale = found != scales.end() ? found->second : renja_scale();
    const KategoriBand* band = kategori(average.value, scale);
    if (!band) return;
    std::string ref =
        average.excel.find('*') != std::string::npos ? "(" + average.excel + ")" : average.excel;
    std::string chain = "\"" + scale.bands.back().keterangan + "\"";
    for (auto it = scale.bands.rbegin() + 1; it != scale.bands.rend(); ++it)
        if (it->above)
            chain = "IF(" + ref + ">" + c_number(*it->above) + ",\"" + it->keterangan + "\"," +
                    chain + ")";
    ExcelFormula f;
    f.formula = "IF(ISNUMBER(" + cell_name(average_row, col) + ")," + chain + ",\"-\")";
    f.cached.kind = CellValue::Kind::text;
    f.cached.text = band->keterangan;
    Shown before = shown(ctx, row, col);
    std::string typed = header_key(before.text);
    if (before.any && !ctx.keeps_formula(row, col, f) && typed != header_key(band->keterangan) &&
        typed != header_key(band->kode))
        ctx.report.facts.differing_summaries.push_back({ctx.at(row, col), before.formula, true,
                                                        average.value, 0, 0, before.text,
                                                        band->keterangan});
    ctx.put(row, col, f);
}

}  // namespace

void fill_renja_rules(FillContext& ctx) {
    std::vector<TableRow> rows = table_rows(ctx.sheet, ctx.table);
    std::vector<ColumnRule> rules = ctx.table.rules;
    // A rule may use what an earlier one defines ("14 = 7 + 13" after "13 = 9 + ... + 12").
    std::sort(rules.begin(), rules.end(),
              [](const ColumnRule& a, const ColumnRule& b) { return a.number < b.number; });
    for (const ColumnRule& rule : rules) fill_rule(ctx, rule, rows);
}

void fill_renja_summary(FillContext& ctx) {
    const Table& t = ctx.table;
    std::vector<std::uint32_t> cols = tingkat_capaian_columns(t);
    if (cols.empty()) return;
    // Each "Rata-rata capaian kinerja" row averages the rows since the previous one (a
    // program's kegiatan); one that follows another directly averages the whole table. A
    // program's own row is its kegiatan's parent, not one of them.
    // Rows without an indicator (an urusan or bidang heading over programs) are no kegiatan.
    const TableColumn* indikator = t.column(ColumnRole::indikator);
    std::vector<std::uint32_t> segment, all;
    std::optional<std::uint32_t> last_average;
    for (const TableRow& row : table_rows(ctx.sheet, t)) {
        if (row.is_section) continue;
        std::string label =
            key_of_row(ctx.sheet, t, row.row,
                       {ColumnRole::uraian, ColumnRole::kegiatan, ColumnRole::indikator,
                        ColumnRole::nomor, ColumnRole::sasaran, ColumnRole::kode});
        if (label.rfind("rataratacapaian", 0) == 0) {
            const auto& scope = segment.empty() ? all : segment;
            for (std::uint32_t col : cols) fill_average(ctx, row.row, col, scope);
            segment.clear();
            last_average = row.row;
        } else if (label.rfind("predikat", 0) == 0) {
            if (last_average)
                for (std::uint32_t col : cols) fill_predikat(ctx, row.row, col, *last_average);
        } else if (!row.is_total && label.rfind("program", 0) != 0 &&
                   (!indikator || !display_text(ctx.sheet, row.row, indikator->col).empty())) {
            segment.push_back(row.row);
            all.push_back(row.row);
        }
    }
}

}  // namespace kinerja::fill_detail
