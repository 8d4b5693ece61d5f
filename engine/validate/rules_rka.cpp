// RKA Satker Bagian A: ANGKA DASAR + INISIATIF BARU = JUMLAH, and every parent in the code
// tree (program -> kegiatan -> KRO -> RO) equals the sum of its children.
#include <cmath>

#include "validate/rule_context.hpp"

namespace kinerja::validate_detail {

namespace {

struct Node {
    std::uint32_t row;
    int level;
    std::string code;
    std::optional<double> amount;
};

}  // namespace

void check_rka(RuleContext& ctx) {
    const Table& t = ctx.table();
    const TableColumn* dasar = t.column(ColumnRole::angka_dasar);
    const TableColumn* baru = t.column(ColumnRole::inisiatif_baru);
    const TableColumn* jumlah = t.column(ColumnRole::jumlah);
    const TableColumn* kode = t.column(ColumnRole::kode);
    if (!jumlah) return;

    std::vector<Node> nodes;
    for (const TableRow& row : table_rows(ctx.sheet(), t)) {
        auto j = ctx.number(row.row, jumlah);
        auto d = ctx.number(row.row, dasar), b = ctx.number(row.row, baru);
        if (j && (d || b)) {
            double expected = d.value_or(0) + b.value_or(0);
            if (std::fabs(*j - expected) > 0.5) {
                ctx.report(Rule::rka_jumlah, row.row, jumlah,
                           {"JUMLAH di " + ctx.cell(row.row, jumlah) + " tertulis " + angka(*j) +
                                ", padahal ANGKA DASAR + INISIATIF BARU = " + angka(expected) + ".",
                            "JUMLAH in " + ctx.cell(row.row, jumlah) + " is " + angka(*j) +
                                ", but ANGKA DASAR + INISIATIF BARU = " + angka(expected) + "."});
            }
        }
        if (!kode) continue;
        std::string code = display_text(ctx.sheet(), row.row, kode->col);
        if (auto level = rka_level(code)) nodes.push_back({row.row, *level, code, j});
    }

    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const Node& parent = nodes[i];
        if (!parent.amount) continue;
        double sum = 0;
        std::vector<std::string> children;
        for (std::size_t k = i + 1; k < nodes.size() && nodes[k].level > parent.level; ++k) {
            if (nodes[k].level != parent.level + 1) continue;
            sum += nodes[k].amount.value_or(0);
            children.push_back(nodes[k].code);
        }
        if (children.empty() || std::fabs(sum - *parent.amount) <= 0.5) continue;
        std::string list;
        for (const auto& c : children) list += (list.empty() ? "" : ", ") + c;
        ctx.report(Rule::rka_induk, parent.row, jumlah,
                   {"Kode " + parent.code + " di " + ctx.cell(parent.row, jumlah) + " bernilai " +
                        angka(*parent.amount) + ", padahal jumlah rinciannya (" + list + ") " +
                        angka(sum) + ".",
                    "Code " + parent.code + " in " + ctx.cell(parent.row, jumlah) + " is " +
                        angka(*parent.amount) + ", but its children (" + list + ") add up to " +
                        angka(sum) + "."});
    }
}

}  // namespace kinerja::validate_detail
