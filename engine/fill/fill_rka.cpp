// RKA Bagian A: each parent's JUMLAH is the sum of its children's, by budget code.
#include "fill/fill_context.hpp"

namespace kinerja::fill_detail {

void fill_rka(FillContext& ctx) {
    const TableColumn* kode = ctx.table.column(ColumnRole::kode);
    const TableColumn* jumlah = ctx.table.column(ColumnRole::jumlah);
    if (!kode || !jumlah) return;
    struct Node {
        std::uint32_t row;
        int level;
    };
    std::vector<Node> nodes;
    for (const TableRow& row : table_rows(ctx.sheet, ctx.table)) {
        if (auto level = rka_level(display_text(ctx.sheet, row.row, kode->col)))
            nodes.push_back({row.row, *level});
    }
    // Children before parents, so a parent's cached value uses its children's new values.
    for (std::size_t i = nodes.size(); i-- > 0;) {
        std::vector<std::uint32_t> children;
        for (std::size_t k = i + 1; k < nodes.size() && nodes[k].level > nodes[i].level; ++k)
            if (nodes[k].level == nodes[i].level + 1) children.push_back(nodes[k].row);
        if (children.empty()) continue;
        ExcelFormula f = ctx.sum(children, jumlah->col);
        if (f.formula.empty()) continue;
        ctx.put(nodes[i].row, jumlah->col, f);
    }
}

}  // namespace kinerja::fill_detail
