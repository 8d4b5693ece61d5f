// What was understood, as JSON: the tables found with their header bands and column roles,
// and the regions that looked like tables but were not taken. `--report` and the API carry
// it beside the findings; `kinerja inspect --json` prints it alone.
#include <nlohmann/json.hpp>

#include "validate/validate.hpp"

namespace kinerja {

namespace {

nlohmann::ordered_json column_json(const TableColumn& c, Lang lang) {
    nlohmann::ordered_json j;
    j["column"] = column_name(c.col);
    j["role"] = role_name(c.role);
    j["path"] = c.path;
    if (c.unit) j["unit"] = unit_name(*c.unit);
    if (c.period) j["period"] = period_name(*c.period);
    if (!c.group.empty()) j["group"] = c.group;
    if (c.triwulan) j["triwulan"] = *c.triwulan;
    if (c.tahun) j["tahun"] = *c.tahun;
    if (c.number) j["number"] = *c.number;
    if (c.evaluated) j["evaluated"] = c.why.in(lang);
    return j;
}

}  // namespace

nlohmann::ordered_json tables_json(const std::vector<Table>& tables,
                                   const std::vector<NearMiss>& misses, Lang lang) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const Table& t : tables) {
        nlohmann::ordered_json j;
        j["sheet"] = t.sheet;
        j["range"] = t.range();
        j["kind"] = kind_name(t.kind);
        j["header_rows"] = {t.header_row + 1, t.first_row};
        j["data_rows"] = {t.first_row + 1, t.last_row + 1};
        if (t.tahun) j["tahun"] = *t.tahun;
        if (t.triwulan) j["triwulan"] = {{"tw", *t.triwulan}, {"why", t.triwulan_why.in(lang)}};
        if (!t.satker.empty()) j["satker"] = t.satker;
        nlohmann::ordered_json columns = nlohmann::ordered_json::array();
        for (const auto& c : t.columns) columns.push_back(column_json(c, lang));
        j["columns"] = columns;
        nlohmann::ordered_json unread = nlohmann::ordered_json::array();
        for (const auto& u : t.unread)
            unread.push_back({{"column", column_name(u.col)}, {"path", u.path}});
        j["unread"] = unread;
        nlohmann::ordered_json rules = nlohmann::ordered_json::array();
        for (const auto& r : t.rules) {
            nlohmann::ordered_json rule{{"column", r.number},
                                        {"text", r.text},
                                        {"cell", cell_name(r.row, r.col)},
                                        {"expression", r.expression}};
            if (r.implied) rule["implied"] = true;  // the Renja form's, not written in the sheet
            rules.push_back(rule);
        }
        j["rules"] = rules;
        nlohmann::ordered_json skipped = nlohmann::ordered_json::array();
        for (const auto& s : t.skipped) skipped.push_back({{"row", s.row + 1}, {"why", s.why}});
        j["skipped"] = skipped;
        list.push_back(j);
    }
    nlohmann::ordered_json missed = nlohmann::ordered_json::array();
    for (const auto& m : misses)
        missed.push_back({{"sheet", m.sheet},
                          {"rows", {m.first_row + 1, m.last_row + 1}},
                          {"why", lang == Lang::en ? m.why_en : m.why_id}});
    return {{"tables", list}, {"misses", missed}};
}

nlohmann::ordered_json understanding_json(const Understanding& understood, Lang lang) {
    nlohmann::ordered_json j = tables_json(understood.tables, understood.misses, lang);
    auto& tables = j["tables"];
    for (std::size_t i = 0; i < tables.size() && i < understood.rows_not_data.size(); ++i)
        tables[i]["rows_not_data"] = {{"sections", understood.rows_not_data[i].sections},
                                      {"totals", understood.rows_not_data[i].totals}};
    j["drawn_shapes"] = understood.drawn_shapes;
    return j;
}

}  // namespace kinerja
