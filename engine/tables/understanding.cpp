// What `kinerja inspect` shows beside the tables found (tables.hpp, Understanding).
#include <string_view>

#include "tables/tables.hpp"

namespace kinerja {

namespace {

// Shapes drawn in the workbook: those the reader dropped, and the shapes (<xdr:sp>) and
// connectors (<xdr:cxnSp>) of the drawings it carries as they are.
std::size_t count_drawn_shapes(const Workbook& workbook) {
    std::size_t shapes = 0;
    for (const DroppedPart& d : workbook.dropped)
        shapes += d.what.find("shape") != std::string::npos ||
                  d.what.find("connector") != std::string::npos;
    if (!workbook.carried) return shapes;
    for (const auto& [name, part] : workbook.carried->parts) {
        if (part.content_type.find("drawing+xml") == std::string::npos) continue;
        for (std::string_view tag : {"<xdr:sp>", "<xdr:sp ", "<xdr:cxnSp>", "<xdr:cxnSp "})
            for (auto at = part.bytes.find(tag); at != std::string::npos;
                 at = part.bytes.find(tag, at + tag.size()))
                ++shapes;
    }
    return shapes;
}

}  // namespace

Understanding understand_tables(const Workbook& workbook) {
    Understanding out;
    static_cast<TableSearch&>(out) = search_tables(workbook);
    for (const Table& table : out.tables) {
        RowsNotData rows;
        if (const Sheet* sheet = workbook.sheet(table.sheet))
            for (const TableRow& row : table_rows(*sheet, table)) {
                rows.sections += row.is_section;
                rows.totals += row.is_total;
            }
        out.rows_not_data.push_back(rows);
    }
    out.drawn_shapes = count_drawn_shapes(workbook);
    return out;
}

}  // namespace kinerja
