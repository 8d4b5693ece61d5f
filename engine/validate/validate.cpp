#include "validate/validate.hpp"

#include <algorithm>
#include <tuple>
#include <utility>

#include "validate/rule_context.hpp"

namespace kinerja {

using namespace validate_detail;

namespace {

std::vector<Finding> check_tables(const Workbook& workbook, const std::vector<Table>& tables,
                                  const FilledCells* filled) {
    std::vector<Finding> findings;
    for (const Table& table : tables) {
        const Sheet* sheet = workbook.sheet(table.sheet);
        if (!sheet) continue;
        RuleContext ctx(workbook, *sheet, table, findings, filled);
        check_umum(ctx);
        check_stated_rules(ctx);
        check_induk(ctx);
        switch (table.kind) {
            case TableKind::anggaran:
                check_anggaran(ctx);
                break;
            case TableKind::rka:
                check_rka(ctx);
                break;
            case TableKind::rencana_aksi:
                check_rencana_aksi(ctx);
                break;
            case TableKind::capaian:
            case TableKind::renja:  // its stated rules above; its averages in rules_fill.cpp
                break;
        }
    }
    check_antar_tabel(workbook, tables, findings);
    return findings;
}

// Swaps the fill's cells with what they held before, and back when it goes. A cell the fill
// added is blanked in place rather than removed: removing and re-adding cells would shift a
// sheet's sorted cells twice per computed cell.
class TypedValues {
public:
    TypedValues(Workbook& workbook, const std::vector<CellChange>& changes)
        : workbook_(workbook), changes_(changes) {
        swap_all();
    }
    ~TypedValues() { swap_all(); }
    TypedValues(const TypedValues&) = delete;
    TypedValues& operator=(const TypedValues&) = delete;

private:
    // In reverse to set aside (a cell written twice gets its first value back last), forward
    // to put back.
    void swap_all() {
        kept_.resize(changes_.size());
        for (std::size_t n = 0; n < changes_.size(); ++n) {
            std::size_t i = swapped_ ? n : changes_.size() - 1 - n;
            const CellChange& c = changes_[i];
            Cell* cell = workbook_.sheets[c.sheet].find(c.row, c.col);
            if (!cell) continue;
            if (swapped_) {
                *cell = std::move(kept_[i]);
            } else {
                kept_[i] = std::move(*cell);
                if (c.before) {
                    *cell = *c.before;
                } else {
                    *cell = Cell{};
                    cell->row = c.row;
                    cell->col = c.col;
                    cell->style = kept_[i].style;
                }
            }
        }
        swapped_ = !swapped_;
    }

    Workbook& workbook_;
    const std::vector<CellChange>& changes_;
    std::vector<Cell> kept_;
    bool swapped_ = false;
};

// What each cell the fill wrote holds after it, read before validation sets them aside.
FilledCells filled_cells(const Workbook& workbook, const std::vector<CellChange>& changes) {
    FilledCells filled;
    for (const CellChange& c : changes) {
        const Cell* cell = workbook.sheets[c.sheet].find(c.row, c.col);
        filled[{c.sheet, c.row, c.col}] = cell && cell->is_formula();
    }
    return filled;
}

// Those in sight first, then those in hidden places; each in workbook order: sheet, then row,
// then column. Stable, so that within a cell the order they were raised in stays.
void sort_findings(const Workbook& workbook, std::vector<Finding>& findings) {
    auto sheet_index = [&](const std::string& name) {
        for (std::size_t i = 0; i < workbook.sheets.size(); ++i)
            if (workbook.sheets[i].name == name) return i;
        return workbook.sheets.size();
    };
    std::stable_sort(findings.begin(), findings.end(), [&](const Finding& a, const Finding& b) {
        auto ka = std::tuple(a.hidden != Hidden::no, sheet_index(a.sheet), a.row, a.col);
        auto kb = std::tuple(b.hidden != Hidden::no, sheet_index(b.sheet), b.row, b.col);
        return ka < kb;
    });
}

}  // namespace

std::vector<Finding> validate(const Workbook& workbook, const std::vector<Table>& tables) {
    return check_tables(workbook, tables, nullptr);
}

std::vector<Finding> validate(Workbook& workbook, const std::vector<Table>& tables,
                              const FillReport& fill, const StageFacts& seen) {
    std::vector<Finding> findings;
    {
        FilledCells filled = filled_cells(workbook, fill.changes);
        TypedValues typed(workbook, fill.changes);
        findings = check_tables(std::as_const(workbook), tables, &filled);
    }
    check_fill_facts(fill.facts, findings);
    check_outcomes_across_tables(fill.outcomes, findings);
    if (auto none = no_table_found(workbook, tables, seen.misses))
        findings.push_back(std::move(*none));
    check_rumus_problems(seen.rumus, findings);
    add_dropped_part_findings(workbook, findings);
    locate_hidden(workbook, findings);
    sort_findings(workbook, findings);
    return findings;
}

namespace validate_detail {

std::optional<Finding> no_table_found(const Workbook& workbook, const std::vector<Table>& tables,
                                      std::span<const NearMiss> misses) {
    if (!tables.empty() || workbook.sheets.empty()) return std::nullopt;
    Finding none =
        Finding::of(Rule::tabel_tidak_ditemukan, workbook.sheets.front().name, 0, 0,
                    {"Tidak ada tabel yang dikenali di buku kerja ini. Baris judul tabel harus "
                     "memuat kata seperti Indikator Kinerja, Target, Realisasi, Capaian, Pagu "
                     "atau Uraian.",
                     "No table was recognised in this workbook. A table's header row must hold "
                     "words such as Indikator Kinerja, Target, Realisasi, Capaian, Pagu or "
                     "Uraian."});
    // The nearest miss says what was seen and what was lacking (`kinerja inspect` lists all).
    if (!misses.empty()) {
        const NearMiss& miss = misses.front();
        none.sheet = miss.sheet;
        none.row = miss.first_row;
        std::string rows = std::to_string(miss.first_row + 1);
        if (miss.last_row != miss.first_row) rows += "-" + std::to_string(miss.last_row + 1);
        none.message = {
            none.message.in(Lang::id) + " Paling mendekati: baris " + rows + ", " + miss.why_id +
                ".",
            none.message.in(Lang::en) + " Nearest: rows " + rows + ", " + miss.why_en + "."};
    }
    return none;
}

}  // namespace validate_detail

std::size_t count(const std::vector<Finding>& findings, Severity severity) {
    return static_cast<std::size_t>(
        std::count_if(findings.begin(), findings.end(),
                      [&](const Finding& f) { return f.severity == severity; }));
}

}  // namespace kinerja
