// Capaian tables: match each indicator to the catalogue, take its target and realisasi
// (typed, or computed from the raw inputs), and fill capaian and kategori.
#include <algorithm>
#include <cmath>

#include "fill/fill_context.hpp"

namespace kinerja {

namespace {

std::string candidates_text(const IndicatorMatch& m, const CompiledCatalogue& compiled) {
    std::string list;
    for (const auto& c : m.candidates) {
        if (list.size() > 300) break;
        const Indicator* ind = compiled.catalogue().find(c.id);
        list += (list.empty() ? "" : "; ") + c.id + (ind ? " (" + ind->name + ")" : "");
    }
    return list.empty() ? "-" : list;
}

// The indicator a row is about: an explicit id column wins over matching the text.
std::optional<std::size_t> identify(FillContext& ctx, const IndicatorMatcher& matcher,
                                    const IndicatorBlock& block, std::uint32_t col) {
    const CompiledCatalogue& compiled = ctx.evaluator.compiled();
    if (const TableColumn* id_col = ctx.table.column(ColumnRole::indikator_id)) {
        std::string id = display_text(ctx.sheet, block.first_row, id_col->col);
        if (!id.empty()) {
            if (auto i = compiled.index_of(id)) return i;
            ctx.finding(Severity::error, "indikator.tidak_dikenal", block.first_row, id_col->col,
                        {"Id indikator \"" + id + "\" tidak ada di katalog formulas/.",
                         "Indicator id \"" + id + "\" is not in the formulas/ catalogue."});
            return std::nullopt;
        }
    }
    IndicatorMatch m = matcher.match(block.indikator);
    if (m.status == MatchStatus::matched) return compiled.index_of(m.id);
    // "Output : Persentase ..." above a row of prose names the indicator the row is about.
    if (!block.section.empty()) {
        std::string label = block.section.substr(
            block.section.find(':') == std::string::npos ? 0 : block.section.find(':') + 1);
        IndicatorMatch by_section = matcher.match(label);
        if (by_section.status == MatchStatus::matched) return compiled.index_of(by_section.id);
    }
    bool ambiguous = m.status == MatchStatus::ambiguous;
    std::string near = candidates_text(m, compiled);
    ctx.finding(
        Severity::error, ambiguous ? "indikator.ambigu" : "indikator.tidak_dikenal",
        block.first_row, col,
        {std::string(ambiguous ? "Indikator ini cocok dengan lebih dari satu indikator katalog"
                               : "Indikator ini tidak dikenali di katalog") +
             ": \"" + block.indikator + "\". Yang terdekat: " + near +
             ". Tulis nama resminya atau isi kolom Id Indikator.",
         std::string(ambiguous ? "This indicator matches several catalogue indicators"
                               : "This indicator is not in the catalogue") +
             ": \"" + block.indikator + "\". Nearest: " + near +
             ". Use its official name or fill the indicator id column."});
    return std::nullopt;
}

// Stated and computed agree when they differ by less than the stated value's last digit
// can show: 142 for 142,85 (0 decimals) and 94,11 for 94,117 both agree.
bool agrees(double stated, double computed) {
    double tolerance = 1.0;
    for (int d = 0; d < 3 && std::fabs(stated * tolerance - std::round(stated * tolerance)) > 1e-6;
         ++d)
        tolerance *= 10;
    return std::fabs(stated - computed) < 1.0 / tolerance + 1e-9;
}

// Which catalogue indicator each data key names. A key that is a catalogue id names that
// indicator; only other keys (names as users write them) go through the fuzzy matcher, once
// per key rather than once per key and indicator row.
std::map<std::string, std::string> indicators_of_keys(const CompiledCatalogue& compiled,
                                                      const IndicatorMatcher& matcher,
                                                      const InputCells& inputs) {
    std::map<std::string, std::string> ids;
    for (const auto& [key, vars] : inputs) {
        if (compiled.index_of(key)) {
            ids.emplace(key, key);
            continue;
        }
        IndicatorMatch m = matcher.match(key);
        if (m.status == MatchStatus::matched) ids.emplace(key, m.id);
    }
    return ids;
}

// The raw inputs given for this indicator: under its id if given so, else the first key
// that names it.
const std::map<std::string, std::map<Periode, InputCell>>* inputs_for(
    const Indicator& indicator, const std::map<std::string, std::string>& key_ids,
    const InputCells& inputs) {
    if (auto exact = inputs.find(indicator.id); exact != inputs.end()) return &exact->second;
    for (const auto& [key, vars] : inputs) {
        auto id = key_ids.find(key);
        if (id != key_ids.end() && id->second == indicator.id) return &vars;
    }
    return nullptr;
}

// Realisasi from the raw inputs, as a formula over the Data sheet. Written into the
// realisasi column (a computed column when inputs are given).
void fill_realisasi(FillContext& ctx, std::size_t index, const Indicator& indicator,
                    const std::map<std::string, std::map<Periode, InputCell>>& vars,
                    std::uint32_t row, std::uint32_t col) {
    CellMap cells;
    std::map<std::string, double> values;
    for (const Variable& v : indicator.inputs) {
        auto it = vars.find(v.name);
        if (it == vars.end()) continue;
        if (auto yearly = yearly_input(it->second, v.period.value_or(indicator.period))) {
            cells[v.name] = yearly->excel;
            values[v.name] = yearly->value;
        }
    }
    if (cells.size() != indicator.inputs.size()) {
        std::string missing;
        for (const Variable& v : indicator.inputs)
            if (!cells.count(v.name)) missing += (missing.empty() ? "" : ", ") + v.name;
        ctx.finding(Severity::warning, "data.variabel_kurang", row, col,
                    {"Data indikator " + indicator.id + " tidak lengkap; tidak ada: " + missing +
                         ". Realisasi tidak dihitung.",
                     "The data for " + indicator.id + " is incomplete; missing: " + missing +
                         ". Realisasi is not computed."});
        return;
    }
    ExcelFormula f = excel_realisasi(ctx.evaluator, index, cells,
                                     ordered_inputs(ctx.evaluator.compiled(), index, values));
    ctx.put(row, col, ctx.in_cell_units(row, col, f));
}

// One year's columns of a capaian table: "Tahun 2022 | Tahun 2023" tables have two.
struct YearColumns {
    std::optional<int> tahun;
    const TableColumn *target = nullptr, *realisasi = nullptr, *capaian = nullptr,
                      *kategori = nullptr;
};

// A year on some headers only ("Target 2025 | Realisasi s.d. TW III | Capaian") is the
// year of the whole row: columns without a year join the table's year, or the only year.
void join_untagged_columns(std::vector<YearColumns>& groups, std::optional<int> table_year) {
    YearColumns* untagged = nullptr;
    YearColumns* home = nullptr;
    int years = 0;
    for (auto& g : groups) {
        if (!g.tahun) {
            untagged = &g;
        } else {
            ++years;
            if (table_year && g.tahun == table_year) home = &g;
        }
    }
    if (!home && years == 1)
        for (auto& g : groups)
            if (g.tahun) home = &g;
    if (!untagged || !home || untagged->target) return;
    for (auto slot : {&YearColumns::realisasi, &YearColumns::capaian, &YearColumns::kategori}) {
        if (!(home->*slot)) home->*slot = untagged->*slot;
        untagged->*slot = nullptr;
    }
}

std::vector<YearColumns> year_groups(const Table& t) {
    std::vector<YearColumns> groups;
    auto group_for = [&](std::optional<int> tahun) -> YearColumns& {
        for (auto& g : groups)
            if (g.tahun == tahun) return g;
        groups.push_back({tahun});
        return groups.back();
    };
    for (const TableColumn& c : t.columns) {
        const TableColumn** slot = c.role == ColumnRole::target      ? &group_for(c.tahun).target
                                   : c.role == ColumnRole::realisasi ? &group_for(c.tahun).realisasi
                                   : c.role == ColumnRole::capaian   ? &group_for(c.tahun).capaian
                                   : c.role == ColumnRole::kategori  ? &group_for(c.tahun).kategori
                                                                     : nullptr;
        if (slot && !*slot) *slot = &c;
    }
    join_untagged_columns(groups, t.tahun);
    std::erase_if(groups, [](const YearColumns& g) { return !g.target; });
    return groups;
}

// Target, realisasi (typed or from the inputs), capaian and kategori of one indicator row.
void fill_row(FillContext& ctx, std::size_t index, std::uint32_t row, const YearColumns& columns,
              const std::map<std::string, std::map<Periode, InputCell>>* vars) {
    const CompiledCatalogue& compiled = ctx.evaluator.compiled();
    const Indicator& indicator = compiled.indicator(index);
    const TableColumn* target_col = columns.target;
    const TableColumn* real_col = columns.realisasi;
    const TableColumn* capaian_col = columns.capaian;
    const TableColumn* kategori_col = columns.kategori;
    Operand target = ctx.operand(row, target_col->col);
    if (real_col && vars) fill_realisasi(ctx, index, indicator, *vars, row, real_col->col);
    Operand real = real_col ? ctx.operand(row, real_col->col) : Operand{};

    IndicatorOutcome outcome;
    outcome.id = indicator.id;
    outcome.sheet = ctx.sheet.name;
    outcome.row = row;
    outcome.target = target.value;
    outcome.realisasi = real.value;
    outcome.target_unit = target.unit;
    outcome.realisasi_unit = real.unit;
    outcome.tahun = columns.tahun ? columns.tahun : ctx.table.tahun;
    outcome.target_col = target_col->col;
    outcome.realisasi_col = real_col ? std::optional(real_col->col) : std::nullopt;
    if (!target.unit.empty() && !real.unit.empty() && target.unit != real.unit) {
        ctx.finding(Severity::error, "satuan.beda", row, real_col->col,
                    {"Satuan target (" + target.unit + ") di " + cell_name(row, target_col->col) +
                         " tidak sama dengan satuan realisasi (" + real.unit + ") di " +
                         cell_name(row, real_col->col) + ".",
                     "The target's unit (" + target.unit + ") in " +
                         cell_name(row, target_col->col) + " differs from the realisasi's (" +
                         real.unit + ") in " + cell_name(row, real_col->col) + "."});
    }
    if (capaian_col && real_col) {
        Operand stated = ctx.operand(row, capaian_col->col);
        CellMap cells{{"realisasi", real.excel}, {"target", target.excel}};
        ExcelFormula f = excel_capaian(ctx.evaluator, index, cells, real.value, target.value);
        if (f.cached.kind == CellValue::Kind::number) outcome.capaian = f.cached.number;
        const Cell* before = ctx.sheet.find(row, capaian_col->col);
        bool was_formula = before && before->is_formula();
        // "1 Layanan" typed as capaian restates the realisasi; only percentages compare.
        bool comparable = stated.unit.empty() || stated.unit == "%";
        if (!was_formula && comparable && !std::isnan(stated.value) &&
            !std::isnan(outcome.capaian) && !agrees(stated.value, outcome.capaian)) {
            ctx.finding(
                Severity::error, "capaian.beda", row, capaian_col->col,
                {"Capaian di " + cell_name(row, capaian_col->col) + " tertulis " +
                     angka(stated.value) + ", padahal " + angka(real.value) + " / " +
                     angka(target.value) + " menghasilkan " + angka(outcome.capaian) +
                     ". Nilai semula disimpan di komentar sel.",
                 "Capaian in " + cell_name(row, capaian_col->col) + " is " + angka(stated.value) +
                     ", but " + angka(real.value) + " / " + angka(target.value) + " gives " +
                     angka(outcome.capaian) + ". The old value is kept in the cell comment."});
        }
        ctx.put(row, capaian_col->col, ctx.in_cell_units(row, capaian_col->col, f));
        outcome.capaian_col = capaian_col->col;
    }
    const KategoriBand* band = kategori(outcome.capaian, compiled.settings().scale);
    outcome.kategori = band ? band->kode : "";
    if (kategori_col && capaian_col) {
        const Cell* typed = ctx.sheet.find(row, kategori_col->col);
        std::string stated = typed && !typed->is_formula()
                                 ? header_key(display_text(ctx.sheet, row, kategori_col->col))
                                 : "";
        if (!stated.empty() && band && stated != header_key(band->kode)) {
            std::string cell = cell_name(row, kategori_col->col);
            ctx.finding(
                Severity::error, "kategori.beda", row, kategori_col->col,
                {"Kategori di " + cell + " tertulis " +
                     display_text(ctx.sheet, row, kategori_col->col) + ", padahal capaian " +
                     angka(outcome.capaian) + " termasuk " + band->kode + ".",
                 "Kategori in " + cell + " is " + display_text(ctx.sheet, row, kategori_col->col) +
                     ", but a capaian of " + angka(outcome.capaian) + " is " + band->kode + "."});
        }
        // The capaian cell as Excel reads it: a percent-formatted cell holds 0.94 for 94%.
        std::string capaian_ref = ctx.operand(row, capaian_col->col).excel;
        if (capaian_ref.find('*') == std::string::npos)
            capaian_ref = cell_name(row, capaian_col->col);
        ctx.put(row, kategori_col->col,
                excel_kategori(compiled.settings().scale, capaian_ref, outcome.capaian));
    }
    ctx.report.outcomes.push_back(outcome);
}

}  // namespace

// With --kategori, a table without a Kategori column gets one in the first empty column
// right of the table, headed like the Capaian column.
std::optional<TableColumn> added_kategori(FillContext& ctx, const YearColumns& columns) {
    if (columns.kategori || !columns.capaian) return std::nullopt;
    const Table& t = ctx.table;
    std::uint32_t col = 0;
    for (const TableColumn& c : t.columns) col = std::max(col, c.col + 1);
    for (;; ++col) {
        bool empty = true;
        for (std::uint32_t r = t.header_row; r <= t.last_row && empty; ++r)
            empty = display_text(ctx.sheet, r, col).empty();
        if (empty) break;
    }
    Cell header;
    header.row = t.header_row;
    header.col = col;
    const Cell* capaian_header = ctx.sheet.find(t.header_row, columns.capaian->col);
    header.style = capaian_header ? capaian_header->style : 0;
    header.value.kind = CellValue::Kind::text;
    header.value.text = "Kategori";
    ctx.sheet.put(std::move(header));
    return TableColumn{ColumnRole::kategori, col, std::nullopt, columns.tahun, "Kategori"};
}

void fill_capaian(FillContext& ctx, const IndicatorMatcher& matcher, const InputCells& inputs,
                  bool add_kategori) {
    const Table& t = ctx.table;
    const TableColumn* ind_col = t.column(ColumnRole::indikator);
    std::vector<YearColumns> groups = year_groups(t);
    if (!ind_col || groups.empty()) return;
    std::vector<std::optional<TableColumn>> added(groups.size());
    for (std::size_t g = 0; g < groups.size() && add_kategori; ++g) {
        added[g] = added_kategori(ctx, groups[g]);
        if (added[g]) groups[g].kategori = &*added[g];
    }
    const CompiledCatalogue& compiled = ctx.evaluator.compiled();
    const auto key_ids = indicators_of_keys(compiled, matcher, inputs);
    for (const IndicatorBlock& block : indicator_blocks(ctx.sheet, t)) {
        auto index = identify(ctx, matcher, block, ind_col->col);
        if (!index) continue;
        const auto* vars = inputs_for(compiled.indicator(*index), key_ids, inputs);
        for (const YearColumns& columns : groups) {
            // Raw inputs are this year's: they feed the table's own year only.
            bool this_year = !columns.tahun || columns.tahun == t.tahun || groups.size() == 1;
            fill_row(ctx, *index, block.first_row, columns, this_year ? vars : nullptr);
        }
    }
}

std::optional<std::size_t> identify_indicator(FillContext& ctx, const IndicatorMatcher& matcher,
                                              const IndicatorBlock& block, std::uint32_t col) {
    return identify(ctx, matcher, block, col);
}

bool stated_agrees(double stated, double computed) { return agrees(stated, computed); }

}  // namespace kinerja
