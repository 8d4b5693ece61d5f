// Unit summaries as JSON: in the manifest, in rekap-part-K-of-N.json and in laporan.json.
// Not-applicable numbers are null.
#include <cmath>
#include <nlohmann/json.hpp>
#include <ostream>

#include "batch/data_table.hpp"
#include "batch/figures.hpp"
#include "batch/outputs.hpp"

namespace kinerja::batch_detail {

using nlohmann::json;

namespace {

json number(double value) {
    return std::isfinite(value) ? json(value) : json(nullptr);
}

double number_from(const json& value) {
    return value.is_number() ? value.get<double>() : na;
}

UnitStatus status_from(const std::string& name) {
    if (name == "ok") return UnitStatus::ok;
    if (name == "findings") return UnitStatus::findings;
    return UnitStatus::failed;
}

}  // namespace

json message_json(const Message& message) {
    return json{{"id", message.id}, {"en", message.en}};
}

Message message_from_json(const json& j) {
    return {j.at("id").get<std::string>(), j.at("en").get<std::string>()};
}

json summary_json(const UnitSummary& s) {
    const UnitReport& r = s.report;
    json j{{"key", r.key},
           {"nama", r.nama},
           {"output", r.output},
           {"status", status_name(r.status)},
           {"errors", r.errors},
           {"warnings", r.warnings},
           {"hidden_errors", r.hidden_errors},
           {"hidden_warnings", r.hidden_warnings},
           {"rules", r.rules},
           {"up_to_date", r.up_to_date},
           {"timings_ms", json{{"read", r.timings.read_ms},
                               {"fill", r.timings.fill_ms},
                               {"write", r.timings.write_ms},
                               {"total", r.timings.total_ms}}}};
    if (r.failure) j["failure"] = message_json(*r.failure);
    json periods = json::object();
    for (Periode p : rekap_periods) {
        const PeriodFigures& f = s.periods[p];
        if (!f.present) continue;
        json indikator = json::object();
        for (const auto& [id, fig] : f.indikator)
            indikator[std::string(id)] = json::array(
                {number(fig.target), number(fig.realisasi), number(fig.capaian), fig.kategori});
        json period{{"indikator", std::move(indikator)}};
        if (f.anggaran)
            period["anggaran"] =
                json::array({number(f.anggaran->pagu), number(f.anggaran->realisasi),
                             number(f.anggaran->persen)});
        periods[periode_name(p)] = std::move(period);
    }
    j["periods"] = std::move(periods);
    return j;
}

UnitSummary summary_from_json(const json& j) {
    UnitSummary s;
    UnitReport& r = s.report;
    r.key = j.at("key").get<std::string>();
    r.nama = j.value("nama", "");
    r.output = j.value("output", "");
    r.status = status_from(j.at("status").get<std::string>());
    r.errors = j.value("errors", std::size_t{0});
    r.warnings = j.value("warnings", std::size_t{0});
    r.hidden_errors = j.value("hidden_errors", std::size_t{0});
    r.hidden_warnings = j.value("hidden_warnings", std::size_t{0});  // older summaries: none
    r.up_to_date = j.value("up_to_date", false);
    if (j.contains("rules")) r.rules = j["rules"].get<std::map<std::string, std::size_t>>();
    if (j.contains("timings_ms")) {
        const json& t = j["timings_ms"];
        r.timings = {t.value("read", 0.0), t.value("fill", 0.0), t.value("write", 0.0),
                     t.value("total", 0.0)};
    }
    if (j.contains("failure")) r.failure = message_from_json(j["failure"]);
    const json& periods = j.at("periods");
    for (Periode p : rekap_periods) {
        if (!periods.contains(periode_name(p))) continue;
        const json& period = periods[periode_name(p)];
        PeriodFigures& f = s.periods[p];
        f.present = true;
        for (const auto& [id, fig] : period.at("indikator").items())
            f.indikator[id] = {number_from(fig.at(0)), number_from(fig.at(1)),
                               number_from(fig.at(2)), fig.at(3).get<std::string>()};
        f.indikator.shrink();
        if (period.contains("anggaran")) {
            const json& a = period["anggaran"];
            f.anggaran = Budget{number_from(a.at(0)), number_from(a.at(1)), number_from(a.at(2))};
        }
    }
    return s;
}

std::string part_file_name(const Shard& shard) {
    return "rekap-part-" + std::to_string(shard.index) + "-of-" + std::to_string(shard.count) +
           ".json";
}

void write_part(const fs::path& file, const RekapInput& input, const Shard& shard,
                std::size_t units_total) {
    json problems = json::array();
    for (const Message& m : input.problems) problems.push_back(message_json(m));
    json doc{{"format", "kinerja-rekap-part"},
             {"version", 1},
             {"shard", json::array({shard.index, shard.count})},
             {"source", input.source},
             {"units_total", units_total},
             {"problems", std::move(problems)}};
    if (!input.notices.empty()) {
        json notices = json::array();
        for (const Message& m : input.notices) notices.push_back(message_json(m));
        doc["notices"] = std::move(notices);
    }
    std::string head = doc.dump();
    // Unit by unit, one a line, so the whole province never sits in memory as one JSON tree
    // or one string.
    head.pop_back();
    write_stream_file(file, [&](std::ostream& out) {
        out << head << ",\"units\":[";
        for (std::size_t i = 0; i < input.units.size(); ++i)
            out << (i ? ",\n" : "\n") << summary_json(input.units[i]).dump();
        out << "\n]}\n";
    });
}

}  // namespace kinerja::batch_detail
