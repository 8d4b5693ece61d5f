// Budget figures that must agree between tables of one workbook: the same jenis belanja
// with the same pagu, and table totals over the same pagu, must show the same realisasi.
#include <cctype>
#include <cmath>

#include "validate/rule_context.hpp"

namespace kinerja::validate_detail {

namespace {

struct BudgetLine {
    const Table* table;
    std::string label;  // normalised: "barang" for "52 Belanja Barang" and "BARANG"
    bool total;
    std::uint32_t row;
    const TableColumn* realisasi;
    double pagu, real;
};

std::string label_key(const std::string& text) {
    std::string k = header_key(text);
    std::size_t i = 0;
    while (i < k.size() && std::isdigit(static_cast<unsigned char>(k[i]))) ++i;
    k.erase(0, i);
    if (k.rfind("belanja", 0) == 0) k.erase(0, 7);
    return k;
}

std::vector<BudgetLine> budget_lines(const Workbook& workbook, const std::vector<Table>& tables) {
    std::vector<BudgetLine> lines;
    std::vector<Finding> ignored;
    for (const Table& t : tables) {
        const Sheet* sheet = workbook.sheet(t.sheet);
        if (!sheet || t.kind != TableKind::anggaran) continue;
        RuleContext ctx(workbook, *sheet, t, ignored);
        const TableColumn* pagu = t.column(ColumnRole::pagu);
        const TableColumn* real = t.column(ColumnRole::realisasi)
                                      ? t.column(ColumnRole::realisasi)
                                      : t.column(ColumnRole::realisasi_anggaran);
        const TableColumn* label = t.column(ColumnRole::jenis_belanja);
        if (!pagu || !real) continue;
        for (const TableRow& row : table_rows(*sheet, t)) {
            auto p = ctx.number(row.row, pagu), r = ctx.number(row.row, real);
            if (!p || !r || row.is_section) continue;
            std::string text;
            for (const TableColumn& c : t.columns)
                if (c.role == ColumnRole::jenis_belanja || c.role == ColumnRole::uraian ||
                    c.role == ColumnRole::nomor)
                    if (std::string s = display_text(*sheet, row.row, c.col); !s.empty())
                        text = s;  // the rightmost label wins: "PEGAWAI" over "1"
            if (!label && !row.is_total) continue;
            lines.push_back(
                {&t, row.is_total ? "" : label_key(text), row.is_total, row.row, real, *p, *r});
        }
    }
    return lines;
}

}  // namespace

void check_antar_tabel(const Workbook& workbook, const std::vector<Table>& tables,
                       std::vector<Finding>& out) {
    auto lines = budget_lines(workbook, tables);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        for (std::size_t k = 0; k < i; ++k) {
            const BudgetLine &a = lines[k], &b = lines[i];
            if (a.table == b.table || a.total != b.total || a.label != b.label) continue;
            if (!a.total && a.label.empty()) continue;
            if (std::fabs(a.pagu - b.pagu) > 0.5 || std::fabs(a.real - b.real) <= 0.5) continue;
            std::string here = cell_name(b.row, b.realisasi->col);
            std::string there = "'" + a.table->sheet + "'!" + cell_name(a.row, a.realisasi->col);
            out.push_back(Finding::of(
                Rule::antar_tabel_anggaran, b.table->sheet, b.row, b.realisasi->col,
                {"Realisasi di " + here + " (" + angka(b.real) + ") berbeda dengan " + there +
                     " (" + angka(a.real) + ") untuk pagu yang sama (" + angka(a.pagu) + ").",
                 "Realisasi in " + here + " (" + angka(b.real) + ") differs from " + there + " (" +
                     angka(a.real) + ") for the same pagu (" + angka(a.pagu) + ")."}));
            break;
        }
    }
}

}  // namespace kinerja::validate_detail
