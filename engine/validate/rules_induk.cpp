// Roll-ups in any tree: a parent row's amount equals the sum of its children's, whether typed
// or a formula. The tree comes from the table itself:
// - the sum formulas of its rows (=SUM(O14+O22+O27), =SUM(R15:R21), =R15+R16): each row's
//   formulas in every column name the rows it adds up, and a row belongs to the parent that
//   claims it in the most columns, so that one column's formula summing the wrong range or a
//   sibling's rows does not move the tree;
// - else the rows' own tree (row_tree, tables/rows.hpp): codes over the kode columns (an LRA's
//   urusan > program > kegiatan > sub kegiatan > rekening, 1 / 1.1 / 1.1.1), outline levels,
//   or indentation and bold. The last two only suggest a tree, so it is judged only where
//   most of its parents do add up.
// Every column that rolls up (one where a row sums rows below it, or an amount column of a
// tree) is then checked: a parent whose amount differs from its children's sum is a finding at
// its cell, naming the rows its formula adds where that is the cause.
// The RKA keeps its own rule (rka.induk).
#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

#include "validate/rule_context.hpp"

namespace kinerja::validate_detail {

namespace {

// "AB12" -> (row 11, col 27), 0-based; nullopt for anything else.
std::optional<std::pair<std::uint32_t, std::uint32_t>> parse_ref(std::string_view text) {
    std::size_t i = 0;
    if (i < text.size() && text[i] == '$') ++i;
    std::uint32_t col = 0;
    std::size_t letters = 0;
    while (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i]))) {
        col = col * 26 + static_cast<std::uint32_t>(std::toupper(text[i]) - 'A' + 1);
        ++i;
        ++letters;
    }
    if (letters == 0 || letters > 3) return std::nullopt;
    if (i < text.size() && text[i] == '$') ++i;
    std::uint32_t row = 0;
    std::size_t digits = 0;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
        row = row * 10 + static_cast<std::uint32_t>(text[i] - '0');
        ++i;
        ++digits;
    }
    if (digits == 0 || digits > 7 || i != text.size() || row == 0) return std::nullopt;
    return std::pair{row - 1, col - 1};
}

// The rows a pure sum of cells of column `col` adds up: "SUM(R13+R55)", "SUM(R15:R21)",
// "SUM(U42,U44)", "R15+U15" is not one (another column). nullopt for any other formula.
std::optional<std::set<std::uint32_t>> summed_rows(std::string formula, std::uint32_t col) {
    std::string f;
    for (char c : formula)
        if (c != ' ') f += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    bool wrapped = f.rfind("SUM(", 0) == 0 && f.back() == ')';
    if (wrapped) f = f.substr(4, f.size() - 5);
    std::set<std::uint32_t> rows;
    std::size_t start = 0;
    int terms = 0;
    while (start <= f.size()) {
        std::size_t end = f.find_first_of(wrapped ? "+," : "+", start);
        if (end == std::string::npos) end = f.size();
        std::string term = f.substr(start, end - start);
        std::size_t colon = term.find(':');
        auto a = parse_ref(term.substr(0, colon));
        if (!a || a->second != col) return std::nullopt;
        std::uint32_t last = a->first;
        if (colon != std::string::npos) {
            auto b = parse_ref(term.substr(colon + 1));
            if (!b || b->second != col || b->first < a->first || b->first - a->first > 100000)
                return std::nullopt;
            last = b->first;
        }
        for (std::uint32_t r = a->first; r <= last; ++r) rows.insert(r);
        ++terms;
        start = end + 1;
    }
    // One cell alone (=R15) is a copy, not a roll-up; a range alone (=SUM(R15:R21)) is one.
    if (rows.size() < 2 && !(wrapped && terms == 1 && rows.size() == 1)) return std::nullopt;
    return rows;
}

std::string row_list(const std::vector<std::uint32_t>& rows) {
    std::string out;
    for (std::uint32_t r : rows) out += (out.empty() ? "" : ", ") + std::to_string(r + 1);
    return out;
}

// Nothing there: no text and no formula (a formula without a cached result is unknown).
bool blank(const Sheet& sheet, std::uint32_t row, std::uint32_t col) {
    const Cell* cell = sheet.find(row, col);
    if (cell && cell->is_formula()) return false;
    return display_text(sheet, row, col).empty();
}

bool amount_column(const Table& t, const TableColumn& c) {
    switch (c.role) {
        case ColumnRole::realisasi:  // money in a budget table (LRA: Operasi > Realisasi)
            return t.kind == TableKind::anggaran || c.unit == ColumnUnit::rupiah;
        case ColumnRole::pagu:
        case ColumnRole::realisasi_anggaran:
        case ColumnRole::sisa:
        case ColumnRole::jumlah:
        case ColumnRole::penarikan:
            return true;
        default:
            return c.unit == ColumnUnit::rupiah;
    }
}

// What row `row` of column `c` truly adds up to: its children's true values where it has
// children that all show a number, else what it shows.
std::optional<double> true_value(const RuleContext& ctx, const TableColumn& c,
                                 const std::map<std::uint32_t, std::vector<std::uint32_t>>& tree,
                                 std::uint32_t row, std::set<std::uint32_t>& seen) {
    auto kids = tree.find(row);
    if (kids == tree.end() || !seen.insert(row).second) return ctx.number(row, &c);
    double sum = 0;
    int known = 0;
    for (std::uint32_t k : kids->second) {
        auto v = true_value(ctx, c, tree, k, seen);
        if (!v && !blank(ctx.sheet(), k, c.col)) return ctx.number(row, &c);
        if (v) sum += *v, ++known;
    }
    // A branch left blank all the way down (a column typed at one level only) adds nothing up.
    if (known == 0) return ctx.number(row, &c);
    return sum;
}

}  // namespace

void check_induk(RuleContext& ctx) {
    const Table& t = ctx.table();
    // The RKA has rka.induk; a Rencana Aksi's block totals have the ra.* rules.
    if (t.kind == TableKind::rka || t.kind == TableKind::rencana_aksi) return;
    std::vector<TableRow> rows = table_rows(ctx.sheet(), t);
    std::set<std::uint32_t> data_rows;
    std::set<std::uint32_t> total_rows;
    for (const TableRow& r : rows) {
        data_rows.insert(r.row);
        if (r.is_total) total_rows.insert(r.row);
    }

    // What each row's formulas sum, per column; and, per child row, who claims it how often.
    std::map<std::uint32_t, std::map<std::uint32_t, std::set<std::uint32_t>>> sums;  // col->row
    std::map<std::uint32_t, std::map<std::uint32_t, int>> claims;  // child -> parent -> votes
    for (const TableColumn& c : t.columns) {
        for (const TableRow& r : rows) {
            const Cell* cell = ctx.sheet().find(r.row, c.col);
            if (!cell || !cell->is_formula()) continue;
            auto summed = summed_rows(cell->formula, c.col);
            if (!summed) continue;
            std::set<std::uint32_t> inside;
            for (std::uint32_t s : *summed)
                if (data_rows.count(s) && s != r.row) inside.insert(s);
            if (inside.size() != summed->size()) continue;  // reaches outside the table
            sums[c.col][r.row] = inside;
            for (std::uint32_t s : inside) ++claims[s][r.row];
        }
    }
    std::map<std::uint32_t, std::uint32_t> parent;
    for (const auto& [child, by] : claims) {
        std::uint32_t best = 0;
        int votes = -1;
        for (const auto& [p, v] : by)
            if (v > votes || (v == votes && p > best)) best = p, votes = v;
        parent[child] = best;
    }
    bool from_formulas = !parent.empty();
    TreeSource source = TreeSource::none;
    if (!from_formulas) {
        RowTree tree = row_tree(ctx.workbook(), ctx.sheet(), t, rows);
        parent = std::move(tree.parent);
        source = tree.source;
    }
    if (parent.empty()) return;
    std::map<std::uint32_t, std::vector<std::uint32_t>> children;
    for (const auto& [child, p] : parent) children[p].push_back(child);
    struct Pending {
        std::uint32_t row;
        const TableColumn* column;
        Message message;
    };
    std::vector<Pending> pending;
    std::size_t agree = 0;

    // A budget table's sisa is checked row by row against its own pagu and realisasi, which
    // roll up themselves: a wrong sisa is that row's finding, not its parents'.
    std::set<std::uint32_t> row_checked;
    if (t.kind == TableKind::anggaran)
        for (const BudgetColumns& b : budget_columns(t))
            if (b.sisa && b.pagu && b.real) row_checked.insert(b.sisa->col);
    for (const TableColumn& c : t.columns) {
        if (!from_formulas && row_checked.count(c.col)) continue;
        bool rolls_up = from_formulas ? sums.count(c.col) > 0 : amount_column(t, c);
        if (!rolls_up) continue;
        for (const auto& [p, kids] : children) {
            if (t.kind == TableKind::anggaran && total_rows.count(p)) continue;  // anggaran.total
            auto own = sums.find(c.col);
            const std::set<std::uint32_t>* own_sum = nullptr;
            if (own != sums.end())
                if (auto s = own->second.find(p); s != own->second.end()) own_sum = &s->second;
            auto stated = ctx.number(p, &c);
            if (!stated && own_sum) {  // a formula without a cached result: what it adds
                double total = 0;
                bool all = true;
                for (std::uint32_t r : *own_sum) {
                    auto v = ctx.number(r, &c);
                    if (v)
                        total += *v;
                    else if (!blank(ctx.sheet(), r, c.col))
                        all = false;
                }
                if (all) stated = total;
            }
            if (!stated) continue;
            // A sum formula follows what its children show (correcting a child corrects it); a
            // typed parent is judged by what its children truly add up to, so that a typed
            // subtotal over a wrong child is not blamed for the child's mistake.
            bool typed = own_sum == nullptr;  // or a formula of another kind (=M55+AC55)
            double expected = 0;
            int known = 0;
            bool doubt = false, unknown = false;
            for (std::uint32_t k : kids) {
                std::set<std::uint32_t> seen{p};
                if (auto v = typed ? true_value(ctx, c, children, k, seen) : ctx.number(k, &c)) {
                    expected += *v, ++known;
                } else if (!blank(ctx.sheet(), k, c.col)) {
                    doubt = true;  // text or a reading in doubt: another rule's finding
                } else {
                    unknown = true;
                }
            }
            // A typed parent over a blank child (one the fill computes, as a Renja row's year
            // realisasi by its stated rule) cannot be judged by what is typed; a sum formula
            // counts the blank as nothing, as Excel does.
            if (known == 0 || doubt || (typed && unknown)) continue;
            if (std::fabs(*stated - expected) <= 0.5 + 1e-9 * std::fabs(expected)) {
                ++agree;
                continue;
            }
            std::string cell = ctx.cell(p, &c);
            std::string id = "Sel induk " + cell + " bernilai " + angka(*stated) +
                             ", padahal jumlah rinciannya (baris " + row_list(kids) + ") " +
                             angka(expected) + ".";
            std::string en = "The parent cell " + cell + " is " + angka(*stated) +
                             ", but its children (rows " + row_list(kids) + ") add up to " +
                             angka(expected) + ".";
            if (own_sum) {
                std::vector<std::uint32_t> summed(own_sum->begin(), own_sum->end());
                if (summed != kids) {
                    id += " Rumusnya menjumlahkan baris " + row_list(summed) + ".";
                    en += " Its formula adds rows " + row_list(summed) + ".";
                }
            }
            pending.push_back({p, &c, {id, en}});
        }
    }
    // Outline levels and layout only suggest a tree: bold may be emphasis, a group may only
    // hide details. Such a tree is taken where most of its parents do add up.
    bool hint = source == TreeSource::outline || source == TreeSource::layout;
    if (hint && (agree == 0 || pending.size() > agree)) return;
    for (Pending& f : pending) ctx.report(Rule::tabel_induk, f.row, f.column, std::move(f.message));
}

}  // namespace kinerja::validate_detail
