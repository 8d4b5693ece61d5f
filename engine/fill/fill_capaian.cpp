// Capaian tables: match each indicator to the catalogue, take its target and realisasi
// (typed, or computed from the raw inputs), and fill capaian and kategori.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <string_view>

#include "fill/fill_context.hpp"

namespace kinerja::fill_detail {

namespace {

// Whether a text says lower is better. A whole cell (an "Arah" column) may say just "turun"
// or "menurun"; a name must say so plainly ("(turun)", "arah: turun", "semakin kecil semakin
// baik"), since "Persentase penurunan ..." is an indicator where more is better.
bool says_turun(std::string_view text, bool whole_cell) {
    std::string k = header_key(text);
    if (whole_cell && (k == "turun" || k == "menurun" || k == "arahturun" || k == "arahmenurun"))
        return true;
    for (std::string_view phrase :
         {"arahturun", "arahmenurun", "kecilsemakinbaik", "kecilmakinbaik", "rendahsemakinbaik",
          "rendahmakinbaik", "sedikitsemakinbaik", "sedikitmakinbaik", "kecillebihbaik",
          "rendahlebihbaik"})
        if (k.find(phrase) != std::string::npos) return true;
    std::string lower;
    for (char c : text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lower.find("(turun)") != std::string::npos ||
           lower.find("(menurun)") != std::string::npos;
}

// The direction of an indicator outside the catalogue: the Rumus sheet's Arah for its name,
// else a cell of its row that says turun (an "Arah" or "Keterangan" column), else its name;
// naik when nothing says otherwise.
Direction general_direction(const FillContext& ctx, const IndicatorBlock& block,
                            std::uint32_t indikator_col) {
    const auto& directions = ctx.evaluator.compiled().settings().directions;
    if (auto d = directions.find(normalize_indicator_name(block.indikator)); d != directions.end())
        return d->second;
    std::uint32_t last = indikator_col;
    for (const TableColumn& c : ctx.table.columns) last = std::max(last, c.col);
    for (std::uint32_t c = 0; c <= last + 3; ++c)  // an Arah column the finder does not read
        if (c != indikator_col && says_turun(display_text(ctx.sheet, block.first_row, c), true))
            return Direction::turun;
    return says_turun(block.indikator, false) ? Direction::turun : Direction::naik;
}

// The indicator text as written, on one line: the general rule's name for it.
std::string one_line(const std::string& text) {
    std::string out;
    for (char c : text) {
        bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
        if (space && (out.empty() || out.back() == ' ')) continue;
        out += space ? ' ' : c;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

// The indicator a row is about: an explicit id column wins over matching the text. A name
// the catalogue does not know follows the template's general rule.
std::optional<RowIndicator> identify(FillContext& ctx, const IndicatorMatcher& matcher,
                                     const IndicatorBlock& block, std::uint32_t col,
                                     bool computable, bool report_general = true) {
    const CompiledCatalogue& compiled = ctx.evaluator.compiled();
    auto known = [&](std::optional<std::size_t> i) -> std::optional<RowIndicator> {
        if (!i) return std::nullopt;
        const Indicator& ind = compiled.indicator(*i);
        return RowIndicator{i, ind.id, ind.direction};
    };
    if (const TableColumn* id_col = ctx.table.column(ColumnRole::indikator_id)) {
        std::string id = display_text(ctx.sheet, block.first_row, id_col->col);
        if (!id.empty()) {
            if (auto i = compiled.index_of(id)) return known(i);
            ctx.report.facts.unknown_ids.push_back({ctx.at(block.first_row, id_col->col), id});
            return std::nullopt;
        }
    }
    IndicatorMatch m = matcher.match(block.indikator);
    if (m.status == MatchStatus::matched) return known(compiled.index_of(m.id));
    // "Output : Persentase ..." above a row of prose names the indicator the row is about.
    if (!block.section.empty()) {
        std::string label = block.section.substr(
            block.section.find(':') == std::string::npos ? 0 : block.section.find(':') + 1);
        IndicatorMatch by_section = matcher.match(label);
        if (by_section.status == MatchStatus::matched)
            return known(compiled.index_of(by_section.id));
    }
    RowIndicator general{std::nullopt, one_line(block.indikator),
                         general_direction(ctx, block, col)};
    if (!report_general) return general;
    UnmatchedIndicator unmatched{.cell = ctx.at(block.first_row, col),
                                 .name = general.id,
                                 .ambiguous = m.status == MatchStatus::ambiguous,
                                 .candidates = {},
                                 .computable = computable,
                                 .direction = general.direction,
                                 .turun_rule = compiled.settings().turun};
    for (const MatchCandidate& c : m.candidates) {
        const Indicator* ind = compiled.catalogue().find(c.id);
        unmatched.candidates.push_back({c.id, ind ? ind->name : "", c.score});
    }
    ctx.report.facts.unmatched.push_back(std::move(unmatched));
    return general;
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
        MissingInputs missing{ctx.at(row, col), indicator.id, {}};
        for (const Variable& v : indicator.inputs)
            if (!cells.count(v.name)) missing.variables.push_back(v.name);
        ctx.report.facts.missing_inputs.push_back(std::move(missing));
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
    // Columns that are not the year's own figure stay out: a TW's figure where the role also
    // has a column for the whole year ("Realisasi TW I..IV" beside the year's realisasi; of TW
    // columns alone only the evaluated one, the latest with data), and a capaian the form
    // defines by a stated rule ("15 = 14 / 6 x 100"), which tabel.aturan_kolom checks instead.
    auto year_figure = [&](const TableColumn& c) {
        if (c.role == ColumnRole::capaian && c.number)
            for (const ColumnRule& rule : t.rules)
                if (rule.number == *c.number) return false;
        if (!c.triwulan) return true;
        bool whole_year = std::any_of(t.columns.begin(), t.columns.end(), [&](const auto& o) {
            return o.role == c.role && !o.triwulan;
        });
        bool several = std::count_if(t.columns.begin(), t.columns.end(),
                                     [&](const auto& o) { return o.role == c.role; }) > 1;
        return !whole_year && (!several || c.evaluated);
    };
    for (const TableColumn& c : t.columns) {
        if (!year_figure(c)) continue;
        const TableColumn** slot = c.role == ColumnRole::target      ? &group_for(c.tahun).target
                                   : c.role == ColumnRole::realisasi ? &group_for(c.tahun).realisasi
                                   : c.role == ColumnRole::capaian   ? &group_for(c.tahun).capaian
                                   : c.role == ColumnRole::kategori  ? &group_for(c.tahun).kategori
                                                                     : nullptr;
        if (slot && (!*slot || (c.evaluated && !(*slot)->evaluated))) *slot = &c;
    }
    join_untagged_columns(groups, t.tahun);
    std::erase_if(groups, [](const YearColumns& g) { return !g.target; });
    return groups;
}

// Target, realisasi (typed or from the inputs), capaian and kategori of one indicator row.
void fill_row(FillContext& ctx, const RowIndicator& indicator, std::uint32_t row,
              const YearColumns& columns,
              const std::map<std::string, std::map<Periode, InputCell>>* vars) {
    const CompiledCatalogue& compiled = ctx.evaluator.compiled();
    const TableColumn* target_col = columns.target;
    const TableColumn* real_col = columns.realisasi;
    const TableColumn* capaian_col = columns.capaian;
    const TableColumn* kategori_col = columns.kategori;
    Operand target = ctx.operand(row, target_col->col);
    if (real_col && vars && indicator.index)
        fill_realisasi(ctx, *indicator.index, compiled.indicator(*indicator.index), *vars, row,
                       real_col->col);
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
        ctx.report.facts.unit_mismatches.push_back(
            {ctx.at(row, real_col->col), target_col->col, target.unit, real.unit});
    }
    if (capaian_col && real_col) {
        std::uint32_t col = capaian_col->col;
        Operand stated = ctx.operand(row, col);
        CellMap cells{{"realisasi", real.excel}, {"target", target.excel}};
        ExcelFormula f = capaian_of(ctx, indicator, cells, real.value, target.value);
        if (f.cached.kind == CellValue::Kind::number) outcome.capaian = f.cached.number;
        ExcelFormula in_cell = ctx.in_cell_units(row, col, f);
        const Cell* before = ctx.sheet.find(row, col);
        bool was_formula = before && before->is_formula();
        // "1 Layanan" typed as capaian restates the realisasi; only percentages compare.
        bool comparable = stated.unit.empty() || stated.unit == "%";
        bool judged = comparable && !std::isnan(stated.value) && !std::isnan(outcome.capaian);
        DifferingNumber differs{DifferingNumber::Quantity::capaian,
                                ctx.at(row, col),
                                "",
                                stated.value,
                                outcome.capaian,
                                real.value,
                                target.value};
        if (judged && !was_formula && !agrees(stated.value, outcome.capaian)) {
            ctx.report.facts.differing_numbers.push_back(std::move(differs));
        } else if (judged && ctx.user_formula(row, col, in_cell) &&
                   !ctx.keeps_formula(row, col, in_cell)) {
            differs.formula = before->formula;
            ctx.report.facts.differing_numbers.push_back(std::move(differs));
        }
        ctx.put(row, col, in_cell);
        outcome.capaian_col = col;
    }
    const KategoriBand* band = kategori(outcome.capaian, compiled.settings().scale);
    outcome.kategori = band ? band->kode : "";
    if (kategori_col && capaian_col) {
        std::uint32_t col = kategori_col->col;
        // The capaian cell as Excel reads it: a percent-formatted cell holds 0.94 for 94%.
        std::string capaian_ref = ctx.operand(row, capaian_col->col).excel;
        if (capaian_ref.find('*') == std::string::npos)
            capaian_ref = cell_name(row, capaian_col->col);
        ExcelFormula f = excel_kategori(compiled.settings().scale, capaian_ref, outcome.capaian);
        const Cell* typed = ctx.sheet.find(row, col);
        bool own_formula = ctx.user_formula(row, col, f);
        std::string stated = !typed ? ""
                             : !typed->is_formula()
                                 ? display_text(ctx.sheet, row, col)
                                 : (own_formula && !ctx.keeps_formula(row, col, f) &&
                                            typed->value.kind == CellValue::Kind::text
                                        ? typed->value.text
                                        : "");
        if (!header_key(stated).empty() && band && header_key(stated) != header_key(band->kode)) {
            ctx.report.facts.differing_kategori.push_back(
                {ctx.at(row, col), typed->is_formula() ? typed->formula : "", stated, band->kode,
                 outcome.capaian});
        }
        ctx.put(row, col, f);
    }
    ctx.report.outcomes.push_back(outcome);
}

// Whether a row's capaian can be computed at all: some year has a capaian column and a target
// and a realisasi that are numbers. A table with no capaian to fill needs nothing.
bool row_computable(FillContext& ctx, const std::vector<YearColumns>& groups, std::uint32_t row) {
    bool needed = false;
    for (const YearColumns& g : groups) {
        if (!g.capaian || !g.realisasi) continue;
        needed = true;
        if (!std::isnan(ctx.operand(row, g.target->col).value) &&
            !std::isnan(ctx.operand(row, g.realisasi->col).value))
            return true;
    }
    return !needed;
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
    // Without a capaian to fill (a plan of targets, or a form whose capaian follows its own
    // stated rule), a row outside the catalogue is fine as it is: nothing to report about it.
    bool fills_capaian = std::any_of(groups.begin(), groups.end(), [](const YearColumns& g) {
        return g.capaian != nullptr && g.realisasi != nullptr;
    });
    std::vector<std::optional<TableColumn>> added(groups.size());
    for (std::size_t g = 0; g < groups.size() && add_kategori; ++g) {
        added[g] = added_kategori(ctx, groups[g]);
        if (added[g]) groups[g].kategori = &*added[g];
    }
    const CompiledCatalogue& compiled = ctx.evaluator.compiled();
    // The inputs given for each indicator: under its id if given so, else the first key
    // that names it.
    const auto inputs_of = IndicatorKeys(compiled, matcher).by_indicator(inputs);
    for (const IndicatorBlock& block : indicator_blocks(ctx.sheet, t)) {
        auto indicator = identify(ctx, matcher, block, ind_col->col,
                                  row_computable(ctx, groups, block.first_row), fills_capaian);
        if (!indicator) continue;
        auto given = indicator->index ? inputs_of.find(*indicator->index) : inputs_of.end();
        const auto* vars = given != inputs_of.end() ? given->second : nullptr;
        for (const YearColumns& columns : groups) {
            // Raw inputs are this year's: they feed the table's own year only.
            bool this_year = !columns.tahun || columns.tahun == t.tahun || groups.size() == 1;
            fill_row(ctx, *indicator, block.first_row, columns, this_year ? vars : nullptr);
        }
    }
}

ExcelFormula capaian_of(FillContext& ctx, const RowIndicator& indicator, const CellMap& cells,
                        double realisasi, double target) {
    if (indicator.index)
        return excel_capaian(ctx.evaluator, *indicator.index, cells, realisasi, target);
    return excel_capaian(ctx.evaluator.compiled().settings(), indicator.direction, cells, realisasi,
                         target);
}

std::optional<RowIndicator> identify_indicator(FillContext& ctx, const IndicatorMatcher& matcher,
                                               const IndicatorBlock& block, std::uint32_t col,
                                               bool computable) {
    return identify(ctx, matcher, block, col, computable);
}

bool stated_agrees(double stated, double computed) {
    return agrees(stated, computed);
}

}  // namespace kinerja::fill_detail
