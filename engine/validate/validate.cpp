#include "validate/validate.hpp"

#include <algorithm>
#include <utility>

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

namespace {

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

}  // namespace

std::vector<Finding> validate(Workbook& workbook, const std::vector<Table>& tables,
                              const FillReport& fill) {
    std::vector<Finding> findings;
    {
        TypedValues typed(workbook, fill.changes);
        findings = validate(std::as_const(workbook), tables);
    }
    // A realisasi the fill computed from the raw inputs is not missing any more.
    std::erase_if(findings, [&](const Finding& f) {
        if (f.rule != Rule::umum_realisasi_kosong) return false;
        const Sheet* sheet = workbook.sheet(f.sheet);
        const Cell* cell = sheet ? sheet->find(f.row, f.col) : nullptr;
        return cell && cell->is_formula();
    });
    check_fill_facts(fill.facts, findings);
    check_outcomes_across_tables(fill.outcomes, findings);
    return findings;
}

std::optional<Finding> no_table_found(const Workbook& workbook, const std::vector<Table>& tables,
                                      const std::vector<NearMiss>& misses) {
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

std::size_t count(const std::vector<Finding>& findings, Severity severity) {
    return static_cast<std::size_t>(
        std::count_if(findings.begin(), findings.end(),
                      [&](const Finding& f) { return f.severity == severity; }));
}

}  // namespace kinerja
