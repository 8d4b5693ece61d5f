// A budget table's row checks, group by group (rows.hpp, budget_columns).
#include <algorithm>

#include "tables/tables.hpp"

namespace kinerja {

std::vector<BudgetColumns> budget_columns(const Table& t) {
    const TableColumn* real = t.column(ColumnRole::realisasi)
                                  ? t.column(ColumnRole::realisasi)
                                  : t.column(ColumnRole::realisasi_anggaran);
    std::vector<BudgetColumns> out{{t.column(ColumnRole::pagu), real, t.column(ColumnRole::sisa),
                                    t.column(ColumnRole::persen)}};
    // A group's column of a role: its cumulative one ("Realisasi > Jumlah" beside TW I-IV),
    // else one that is not a single TW's, else the first.
    auto in_group = [&](const std::string& group, std::initializer_list<ColumnRole> roles) {
        const TableColumn* found = nullptr;
        auto rank = [](const TableColumn& c) {
            return c.period == ColumnPeriod::kumulatif ? 0 : c.triwulan ? 2 : 1;
        };
        for (const TableColumn& c : t.columns)
            if (c.group == group && std::find(roles.begin(), roles.end(), c.role) != roles.end() &&
                (!found || rank(c) < rank(*found)))
                found = &c;
        return found;
    };
    for (const TableColumn& c : t.columns) {
        if (c.role != ColumnRole::pagu || c.group.empty() || &c == out.front().pagu) continue;
        BudgetColumns b{
            &c, in_group(c.group, {ColumnRole::realisasi, ColumnRole::realisasi_anggaran}),
            in_group(c.group, {ColumnRole::sisa}), in_group(c.group, {ColumnRole::persen}), true};
        if (!b.real) b.real = real;
        // A column the evaluated check reads already is not read twice.
        if (b.sisa && b.sisa == out.front().sisa) b.sisa = nullptr;
        if (b.persen && b.persen == out.front().persen) b.persen = nullptr;
        if ((b.sisa || b.persen) && b.real) out.push_back(b);
    }
    return out;
}

}  // namespace kinerja
