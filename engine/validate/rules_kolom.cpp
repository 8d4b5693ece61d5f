// Rules a form states in its column-number row ("13 = 9 + 10 + 11 + 12", "15 = 14 / 6 x 100",
// "8=(7/6)"): every data row must follow them, in each unit of a split group (K with K, Rp.
// with Rp.), whether the cell is typed or a formula.
#include <cmath>
#include <map>

#include "common/excerpt.hpp"
#include "evaluate/evaluate.hpp"
#include "validate/rule_context.hpp"

namespace kinerja::validate_detail {

namespace {

// Agreement within what the stated value's shown decimals can hide (94,1 for 94,117).
bool agrees(double stated, double computed) {
    double scale = 1.0;
    for (int d = 0; d < 6 && std::fabs(stated * scale - std::round(stated * scale)) > 1e-6; ++d)
        scale *= 10;
    return std::fabs(stated - computed) <= 0.5 / scale + 1e-9 * std::fabs(computed);
}

void check_rule(RuleContext& ctx, const ColumnRule& rule) {
    const Table& t = ctx.table();
    std::map<int, const ColumnNumber*> by_number;
    for (const auto& n : t.numbers) by_number[n.number] = &n;
    auto defined = by_number.find(rule.number);
    if (defined == by_number.end()) return;
    std::optional<Formula> formula;
    std::vector<std::string> variables;
    std::vector<int> operands;
    for (const auto& [number, group] : by_number) {
        std::string name = "k" + std::to_string(number);
        if (rule.expression.find(name) == std::string::npos) continue;
        variables.push_back(name);
        operands.push_back(number);
    }
    try {
        formula = Formula::parse(rule.expression, variables);
    } catch (const FormulaError&) {
        return;  // a rule we cannot read is shown by `kinerja inspect`, not guessed at
    }
    FormulaEvaluator evaluator(*formula);
    bool sum_only = rule.expression.find_first_of("*/") == std::string::npos;
    const ColumnNumber& target = *defined->second;
    std::vector<TableRow> rows = table_rows(ctx.sheet(), t);
    for (std::uint32_t i = 0; i <= target.last_col - target.first_col; ++i) {
        std::vector<std::uint32_t> columns;
        for (int number : operands) {
            auto col = rule_operand_column(t, target, i, *by_number.at(number));
            if (!col) break;
            columns.push_back(*col);
        }
        if (columns.size() != operands.size()) continue;
        // Slots in the formula's variable order.
        std::vector<std::uint32_t> slot_columns;
        for (const auto& v : formula->variables())
            for (std::size_t k = 0; k < variables.size(); ++k)
                if (variables[k] == v) slot_columns.push_back(columns[k]);
        TableColumn cell_column{ColumnRole::jumlah, target.first_col + i};
        for (const TableRow& row : rows) {
            if (row.is_section) continue;
            auto stated = ctx.number(row.row, &cell_column);
            if (!stated) continue;
            std::vector<double> values;
            for (std::uint32_t col : slot_columns) {
                TableColumn operand{ColumnRole::jumlah, col};
                auto v = ctx.number(row.row, &operand);
                // In a sum a blank is nothing yet (TW IV before its time), as in Excel's SUM.
                if (!v && sum_only && display_text(ctx.sheet(), row.row, col).empty()) v = 0.0;
                if (!v) break;
                values.push_back(*v);
            }
            if (values.size() != slot_columns.size()) continue;
            double expected = evaluator.evaluate(values);
            if (is_na(expected) || !std::isfinite(expected) || agrees(*stated, expected)) continue;
            // A ratio rule without "x 100" ("8=(7/6)") over a cell shown in percent: 95% is 0.95.
            bool ratio = rule.expression.find('/') != std::string::npos &&
                         rule.expression.find("100") == std::string::npos;
            if (ratio && agrees(*stated, expected * 100)) continue;
            if (ratio && std::fabs(*stated - expected * 100) < std::fabs(*stated - expected))
                expected *= 100;  // say it as the cell shows it: 90, not 0,9
            std::string source_id = rule.implied
                                        ? "aturan formulir Evaluasi Renja (Permendagri 86/2017)"
                                        : "aturan yang tertulis di judulnya";
            std::string source_en = rule.implied
                                        ? "the Renja evaluation form's rule (Permendagri 86/2017)"
                                        : "the rule stated in its header";
            ctx.report(Rule::tabel_aturan_kolom, row.row, &cell_column,
                       {"Kolom (" + std::to_string(rule.number) + ") harus mengikuti " + source_id +
                            ", \"" + excerpt(rule.text) + "\": " + ctx.cell(row.row, &cell_column) +
                            " berisi " + angka(*stated) + ", padahal menurut aturan itu " +
                            angka(std::round(expected * 100) / 100) + ".",
                        "Column (" + std::to_string(rule.number) + ") must follow " + source_en +
                            ", \"" + excerpt(rule.text) + "\": " + ctx.cell(row.row, &cell_column) +
                            " holds " + angka(*stated) + ", but the rule gives " +
                            angka(std::round(expected * 100) / 100) + "."});
        }
    }
}

}  // namespace

void check_stated_rules(RuleContext& ctx) {
    for (const ColumnRule& rule : ctx.table().rules) check_rule(ctx, rule);
}

}  // namespace kinerja::validate_detail
