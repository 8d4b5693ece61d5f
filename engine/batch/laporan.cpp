// laporan.json, and merging the shards' parts into one rekap.
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "batch/detail.hpp"
#include "common/atomic_output.hpp"
#include "write/write.hpp"

namespace kinerja {

using namespace batch_detail;
using nlohmann::json;

namespace batch_detail {

void write_text_file(const fs::path& file, const std::string& text) {
    write_atomically(file, [&](const fs::path& temp) {
        std::ofstream out(temp, std::ios::binary);
        out << text;
        if (!out.flush())
            throw OutputError(file.string(), {"gagal menulis berkas", "cannot write the file"});
    });
}

std::string laporan_json(const RekapInput& input, Lang lang, double seconds) {
    std::size_t counts[3] = {0, 0, 0}, up_to_date = 0, errors = 0, warnings = 0;
    json units = json::array();
    for (const UnitSummary& s : input.units) {
        const UnitReport& r = s.report;
        ++counts[static_cast<int>(r.status)];
        up_to_date += r.up_to_date;
        errors += r.errors;
        warnings += r.warnings;
        json u{{"satker", r.key},
               {"nama", r.nama},
               {"output", r.output.empty() ? json(nullptr) : json(r.output)},
               {"status", status_name(r.status)},
               {"up_to_date", r.up_to_date},
               {"findings", {{"errors", r.errors}, {"warnings", r.warnings}, {"rules", r.rules}}},
               {"failure", r.failure ? json(r.failure->in(lang)) : json(nullptr)},
               {"timings_ms",
                {{"read", r.timings.read_ms},
                 {"fill", r.timings.fill_ms},
                 {"write", r.timings.write_ms},
                 {"total", r.timings.total_ms}}}};
        units.push_back(std::move(u));
    }
    json problems = json::array();
    for (const Message& m : input.problems) problems.push_back(m.in(lang));
    std::size_t done = input.units.size() - up_to_date - counts[2];
    json totals{{"units", input.units.size()},
                {"ok", counts[0]},
                {"findings", counts[1]},
                {"failed", counts[2]},
                {"up_to_date", up_to_date},
                {"errors", errors},
                {"warnings", warnings},
                {"problems", input.problems.size()},
                {"seconds", seconds},
                {"workbooks_per_second",
                 seconds > 0 ? json(static_cast<double>(done) / seconds) : json(nullptr)}};
    json doc{{"format", "kinerja-laporan"}, {"version", 1},
             {"source", input.source},      {"parts", input.parts},
             {"totals", std::move(totals)}, {"problems", std::move(problems)},
             {"units", std::move(units)}};
    return doc.dump(2) + "\n";
}

}  // namespace batch_detail

namespace {

struct Part {
    Shard shard;
    fs::path file;
    json doc;
};

[[noreturn]] void bad_part(const fs::path& file, const std::string& id, const std::string& en) {
    throw InputError(file.string(), "", {id, en});
}

std::vector<Part> find_parts(const std::vector<fs::path>& dirs) {
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
            std::ifstream in(item.path(), std::ios::binary);
            json doc = json::parse(in, nullptr, false);
            if (doc.is_discarded() || !doc.is_object() ||
                doc.value("format", "") != "kinerja-rekap-part")
                bad_part(item.path(), "bukan bagian rekap Kinerja yang utuh (terpotong atau rusak)",
                         "not a complete Kinerja rekap part (cut short or damaged)");
            parts.push_back({{k, n}, item.path(), std::move(doc)});
        }
    }
    return parts;
}

}  // namespace

RekapResult merge_rekap(const Engine& engine, const std::vector<fs::path>& dirs,
                        const fs::path& out_dir, Lang lang) {
    std::vector<Part> parts = find_parts(dirs);
    if (parts.empty())
        throw InputError(dirs.empty() ? "." : dirs.front().string(), "",
                         {"tidak ada berkas rekap-part-K-of-N.json; jalankan kinerja batch dulu",
                          "no rekap-part-K-of-N.json file; run kinerja batch first"});
    unsigned n = parts.front().shard.count;
    std::map<unsigned, const Part*> by_index;
    for (const Part& p : parts) {
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
    RekapInput input;
    std::set<std::string> keys;
    try {
        for (const auto& [index, part] : by_index) {
            if (input.source.empty()) input.source = part->doc.value("source", "");
            for (const json& m : part->doc.at("problems"))
                if (index == by_index.begin()->first)
                    input.problems.push_back(message_from_json(m));
            for (const json& u : part->doc.at("units")) {
                UnitSummary s = summary_from_json(u);
                if (!keys.insert(s.report.key).second)
                    bad_part(part->file, "satker " + s.report.key + " ada di dua bagian",
                             "satker " + s.report.key + " is in two parts");
                input.units.push_back(std::move(s));
            }
        }
    } catch (const json::exception& e) {
        bad_part(dirs.front(), std::string("bagian rekap tidak terbaca: ") + e.what(),
                 std::string("a rekap part cannot be read: ") + e.what());
    }
    std::sort(
        input.units.begin(), input.units.end(),
        [](const UnitSummary& a, const UnitSummary& b) { return a.report.key < b.report.key; });
    input.parts = by_index.size();
    for (unsigned k = 1; k <= n; ++k)
        if (!by_index.count(k)) result.missing.push_back({k, n});

    std::error_code ec;
    fs::create_directories(out_dir, ec);
    result.rekap = out_dir / "rekap.xlsx";
    write_workbook(build_rekap(engine, input), result.rekap);
    result.laporan = out_dir / "laporan.json";
    write_text_file(result.laporan, laporan_json(input, lang, 0));
    result.parts = by_index.size();
    result.units = input.units.size();
    bool bad = !input.problems.empty() || !result.missing.empty();
    for (const UnitSummary& s : input.units)
        bad = bad || s.report.status == UnitStatus::failed || s.report.errors > 0;
    result.exit_code = bad ? 1 : 0;
    return result;
}

}  // namespace kinerja
