// laporan.json, and merging the shards' parts into one rekap.
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "batch/figures.hpp"
#include "batch/files.hpp"
#include "batch/outputs.hpp"
#include "batch/summary_store.hpp"
#include "common/atomic_output.hpp"
#include "validate/validate.hpp"
#include "write/write.hpp"

namespace kinerja {

using namespace batch_detail;
using nlohmann::json;
using nlohmann::ordered_json;

namespace batch_detail {

void write_text_file(const fs::path& file, const std::string& text) {
    write_stream_file(file, [&](std::ostream& out) { out << text; });
}

void write_stream_file(const fs::path& file, const std::function<void(std::ostream&)>& write) {
    write_atomically(file, [&](const fs::path& temp) {
        std::ofstream out(temp, std::ios::binary);
        write(out);
        if (!out.flush())
            throw OutputError(file.string(), {"gagal menulis berkas", "cannot write the file"});
    });
}

namespace {

// A unit's findings are counted as --report counts them (validate's counts_json).
ordered_json unit_json(const UnitReport& r, Lang lang) {
    return ordered_json{
        {"satker", r.key},
        {"nama", r.nama},
        {"output", r.output.empty() ? ordered_json(nullptr) : ordered_json(r.output)},
        {"status", status_name(r.status)},
        {"up_to_date", r.up_to_date},
        {"findings", counts_json(r.counts())},
        {"failure", r.failure ? ordered_json(r.failure->in(lang)) : ordered_json(nullptr)},
        {"timings_ms",
         {{"read", r.timings.read_ms},
          {"fill", r.timings.fill_ms},
          {"write", r.timings.write_ms},
          {"total", r.timings.total_ms}}}};
}

// `text` with every line but the first indented by `spaces`.
void put_indented(std::ostream& out, const std::string& text, std::size_t spaces) {
    std::string pad(spaces, ' ');
    std::size_t from = 0;
    for (std::size_t at; (at = text.find('\n', from)) != std::string::npos; from = at + 1)
        out.write(text.data() + from, static_cast<std::streamsize>(at + 1 - from)) << pad;
    out.write(text.data() + from, static_cast<std::streamsize>(text.size() - from));
}

}  // namespace

// The document as json::dump(2) would print it, with the units printed one at a time so
// that the whole province never sits in memory as one JSON tree.
void write_laporan(const fs::path& file, const RekapInput& input, Lang lang, double seconds) {
    std::size_t counts[3] = {0, 0, 0}, up_to_date = 0, errors = 0, warnings = 0;
    for (const UnitSummary& s : input.units) {
        const UnitReport& r = s.report;
        ++counts[static_cast<int>(r.status)];
        up_to_date += r.up_to_date;
        errors += r.errors;
        warnings += r.warnings;
    }
    ordered_json problems = ordered_json::array();
    for (const Message& m : input.problems) problems.push_back(m.in(lang));
    std::size_t done = input.units.size() - up_to_date - counts[2];
    ordered_json totals{
        {"units", input.units.size()},
        {"ok", counts[0]},
        {"findings", counts[1]},
        {"failed", counts[2]},
        {"up_to_date", up_to_date},
        {"errors", errors},
        {"warnings", warnings},
        {"problems", input.problems.size()},
        {"seconds", seconds},
        {"workbooks_per_second",
         seconds > 0 ? ordered_json(static_cast<double>(done) / seconds) : ordered_json(nullptr)}};
    constexpr std::string_view placeholder = "\"kinerja-units-here\"";
    ordered_json doc{{"format", "kinerja-laporan"},
                     {"version", 1},
                     {"source", input.source},
                     {"parts", input.parts},
                     {"totals", std::move(totals)},
                     {"problems", std::move(problems)},
                     {"units", placeholder.substr(1, placeholder.size() - 2)}};
    if (!input.notices.empty()) {  // only then, so that a plain run's report stays as it was
        ordered_json notices = ordered_json::array();
        for (const Message& m : input.notices) notices.push_back(m.in(lang));
        doc["notices"] = std::move(notices);
    }
    std::string text = doc.dump(2) + "\n";
    std::size_t at = text.find(placeholder);
    write_stream_file(file, [&](std::ostream& out) {
        out.write(text.data(), static_cast<std::streamsize>(at));
        if (input.units.empty()) {
            out << "[]";
        } else {
            out << "[\n    ";
            for (std::size_t i = 0; i < input.units.size(); ++i) {
                if (i) out << ",\n    ";
                put_indented(out, unit_json(input.units[i].report, lang).dump(2), 4);
            }
            out << "\n  ]";
        }
        at += placeholder.size();
        out.write(text.data() + at, static_cast<std::streamsize>(text.size() - at));
    });
}

}  // namespace batch_detail

namespace {

struct Part {
    Shard shard;
    fs::path file;
    json doc;  // without its units: they go to the store one at a time
};

[[noreturn]] void bad_part(const fs::path& file, const std::string& id, const std::string& en) {
    throw InputError(file.string(), "", {id, en});
}

// Parses a part, turning each unit into its summary as soon as it is read.
json read_part(const fs::path& file, SummaryStore& units, std::uint32_t tag) {
    std::ifstream in(file, std::ios::binary);
    std::string key;
    bool bad_unit = false;
    json::parser_callback_t keep = [&](int depth, json::parse_event_t event, json& parsed) {
        if (event == json::parse_event_t::key && depth == 1) key = parsed.get<std::string>();
        if (event != json::parse_event_t::object_end || depth != 2 || key != "units") return true;
        try {
            units.add(summary_from_json(parsed), tag);
        } catch (const json::exception&) {
            bad_unit = true;
        }
        return false;
    };
    json doc = json::parse(in, keep, false);
    if (bad_unit) doc = json(json::value_t::discarded);
    return doc;
}

std::vector<Part> find_parts(const std::vector<fs::path>& dirs, SummaryStore& units) {
    std::vector<Part> parts;
    for (const fs::path& dir : dirs) {
        std::error_code ec;
        fs::directory_iterator it(dir, ec);
        if (ec) bad_part(dir, "folder tidak dapat dibuka", "the folder cannot be opened");
        for (const auto& item : it) {
            std::string name = item.path().filename().string();
            unsigned k = 0, n = 0;
            char tail[8] = {};
            if (std::sscanf(name.c_str(), "rekap-part-%u-of-%u.%5s", &k, &n, tail) != 3 ||
                std::string(tail) != "json")
                continue;
            Part part{{k, n}, item.path(), {}};
            part.doc = read_part(item.path(), units, static_cast<std::uint32_t>(parts.size()));
            if (part.doc.is_discarded() || !part.doc.is_object() ||
                part.doc.value("format", "") != "kinerja-rekap-part")
                bad_part(item.path(), "bukan bagian rekap Kinerja yang utuh (terpotong atau rusak)",
                         "not a complete Kinerja rekap part (cut short or damaged)");
            parts.push_back(std::move(part));
        }
    }
    return parts;
}

}  // namespace

RekapResult merge_rekap(const Engine& engine, const std::vector<fs::path>& dirs,
                        const fs::path& out_dir, Lang lang) {
    std::error_code ec;
    fs::create_directories(out_dir, ec);
    OutputLock folder_lock(out_dir);  // no batch and no other rekap writes there meanwhile
    RekapInput input(spill_dir());
    std::vector<Part> parts = find_parts(dirs, input.units);
    if (parts.empty())
        throw InputError(dirs.empty() ? "." : dirs.front().string(), "",
                         {"tidak ada berkas rekap-part-K-of-N.json; jalankan kinerja batch dulu",
                          "no rekap-part-K-of-N.json file; run kinerja batch first"});
    unsigned n = parts.front().shard.count;
    std::map<unsigned, Part*> by_index;
    for (Part& p : parts) {
        if (p.shard.count != n)
            bad_part(p.file,
                     "bagian ini dari pembagian /" + std::to_string(p.shard.count) +
                         ", yang lain /" + std::to_string(n) + "; gabungkan satu pembagian saja",
                     "this part is of a /" + std::to_string(p.shard.count) + " split, others of /" +
                         std::to_string(n) + "; merge one split only");
        if (by_index.count(p.shard.index))
            bad_part(p.file, "bagian " + std::to_string(p.shard.index) + " ada lebih dari sekali",
                     "part " + std::to_string(p.shard.index) + " is there more than once");
        by_index[p.shard.index] = &p;
    }
    RekapResult result;
    try {
        for (const auto& [index, part] : by_index) {
            if (input.source.empty()) input.source = part->doc.value("source", "");
            for (const json& m : part->doc.at("problems"))
                if (index == by_index.begin()->first)
                    input.problems.push_back(message_from_json(m));
            if (index == by_index.begin()->first && part->doc.contains("notices"))
                for (const json& m : part->doc["notices"])
                    input.notices.push_back(message_from_json(m));
            (void)part->doc.at("units");  // throws when the part has none
        }
    } catch (const json::exception& e) {
        bad_part(dirs.front(), std::string("bagian rekap tidak terbaca: ") + e.what(),
                 std::string("a rekap part cannot be read: ") + e.what());
    }
    input.units.sort_by_key();
    for (std::size_t i = 1; i < input.units.size(); ++i) {
        const std::string& key = input.units.key(i);
        if (key != input.units.key(i - 1)) continue;
        if (input.units.tag(i) == input.units.tag(i - 1))
            bad_part(parts[input.units.tag(i)].file,
                     "satker " + key + " ada dua kali di bagian ini",
                     "satker " + key + " is in this part twice");
        bad_part(parts[input.units.tag(i)].file, "satker " + key + " ada di dua bagian",
                 "satker " + key + " is in two parts");
    }
    input.parts = by_index.size();
    for (unsigned k = 1; k <= n; ++k)
        if (!by_index.count(k)) result.missing.push_back({k, n});
    // Every part counts the units of the whole split: with all parts here, each is listed once.
    std::size_t units_total = parts.front().doc.value("units_total", input.units.size());
    if (result.missing.empty() && input.units.size() != units_total)
        bad_part(parts.front().file,
                 "bagian-bagian ini memuat " + std::to_string(input.units.size()) +
                     " satker, padahal pembagiannya " + std::to_string(units_total) +
                     "; jalankan lagi kinerja batch untuk tiap bagian",
                 "these parts hold " + std::to_string(input.units.size()) +
                     " satker, but the split has " + std::to_string(units_total) +
                     "; run kinerja batch again for each part");

    result.rekap = out_dir / "rekap.xlsx";
    write_rekap(engine, input, result.rekap);
    result.laporan = out_dir / "laporan.json";
    write_laporan(result.laporan, input, lang, 0);
    result.parts = by_index.size();
    result.units = input.units.size();
    bool bad = !input.problems.empty() || !result.missing.empty();
    for (const UnitSummary& s : input.units)
        bad = bad || s.report.status == UnitStatus::failed || s.report.has_errors();
    result.exit_code = bad ? 1 : 0;
    return result;
}

}  // namespace kinerja
