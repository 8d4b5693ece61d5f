#include "validate/validate.hpp"

#include <algorithm>

#include "validate/rule_context.hpp"

namespace kinerja {

std::vector<Finding> validate(const Workbook& workbook, const std::vector<Table>& tables) {
    std::vector<Finding> findings;
    for (const Table& table : tables) {
        const Sheet* sheet = workbook.sheet(table.sheet);
        if (!sheet) continue;
        RuleContext ctx(workbook, *sheet, table, findings);
        check_umum(ctx);
        check_stated_rules(ctx);
        switch (table.kind) {
            case TableKind::anggaran: check_anggaran(ctx); break;
            case TableKind::rka: check_rka(ctx); break;
            case TableKind::rencana_aksi: check_rencana_aksi(ctx); break;
            case TableKind::capaian: break;
        }
    }
    check_antar_tabel(workbook, tables, findings);
    return findings;
}

std::size_t count(const std::vector<Finding>& findings, Severity severity) {
    return static_cast<std::size_t>(std::count_if(
        findings.begin(), findings.end(), [&](const Finding& f) { return f.severity == severity; }));
}

}  // namespace kinerja
