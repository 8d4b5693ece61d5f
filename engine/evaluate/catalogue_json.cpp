// The indicator catalogue as JSON, for tools that read it without a TOML parser.
#include <nlohmann/json.hpp>

#include "evaluate/evaluate.hpp"

namespace kinerja {

namespace {

nlohmann::json indicator_json(const Indicator& ind) {
    nlohmann::json j;
    j["id"] = ind.id;
    j["nama"] = ind.name;
    j["varian"] = ind.variants;
    j["satuan"] = ind.units;
    j["arah"] = word_of(ind.direction);
    j["periode"] = word_of(ind.period);
    j["sasaran"] = ind.sasaran;
    j["masukan"] = nlohmann::json::array();
    for (const auto& v : ind.inputs) {
        nlohmann::json input = {{"nama", v.name}, {"keterangan", v.description}};
        input["periode"] = word_of(v.period.value_or(ind.period));
        j["masukan"].push_back(input);
    }
    j["turunan"] = nlohmann::json::array();
    for (const auto& d : ind.derived)
        j["turunan"].push_back({{"nama", d.name}, {"rumus", d.formula}});
    j["konstanta"] = nlohmann::json::object();
    for (const auto& c : ind.constants) j["konstanta"][c.name] = c.value;
    j["realisasi"] = ind.realisasi;
    if (!ind.capaian.empty()) j["capaian"] = ind.capaian;
    if (ind.rounding) {
        j["pembulatan"] = {{"mode", word_of(ind.rounding->mode)},
                           {"desimal", ind.rounding->decimals}};
    }
    if (!ind.note.empty()) j["catatan"] = ind.note;
    j["sumber"] = ind.sources;
    return j;
}

}  // namespace

std::string catalogue_json(const Catalogue& catalogue) {
    nlohmann::json out = nlohmann::json::array();
    for (const Indicator& ind : catalogue.indicators) out.push_back(indicator_json(ind));
    return out.dump(2);
}

}  // namespace kinerja
