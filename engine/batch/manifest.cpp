// The manifest: out_dir/.kinerja-manifest-K-of-N.jsonl, one JSON line per finished unit
// with the hash of what its output was made from (template, data, formulas, options), the
// output's size and time, and the unit's summary for the rekap. An output is up to date
// when an entry has the same hash and the file is still the one recorded and newer than the
// inputs. Appending a line per unit keeps the work of an interrupted batch; a line cut short
// by a kill is skipped when read. Each shard writes its own file, so shards sharing a folder
// never append to the same one; all are read, so a batch re-split differently still skips.
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>

#include "batch/detail.hpp"

namespace kinerja::batch_detail {

using nlohmann::json;

namespace {

struct Entry {
    std::string hash, output;
    std::uintmax_t size = 0;
    std::int64_t mtime = 0;
    std::string summary;  // as JSON text: parsed only when the unit is skipped
};

std::int64_t ticks(fs::file_time_type time) {
    return static_cast<std::int64_t>(time.time_since_epoch().count());
}

std::optional<Entry> parse_entry(const std::string& line, std::string& key) {
    json j = json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return std::nullopt;
    try {
        key = j.at("key").get<std::string>();
        return Entry{j.at("hash").get<std::string>(), j.at("output").get<std::string>(),
                     j.at("size").get<std::uintmax_t>(), j.at("mtime").get<std::int64_t>(),
                     j.at("summary").dump()};
    } catch (const json::exception&) {
        return std::nullopt;
    }
}

// One line of the manifest; the summary is spliced in as the text it already is.
std::string entry_line(const std::string& key, const Entry& e) {
    std::string head = json{
        {"key", key},
        {"hash", e.hash},
        {"output", e.output},
        {"size", e.size},
        {"mtime", e.mtime}}.dump();
    head.pop_back();  // the closing brace
    return head + ",\"summary\":" + e.summary + "}\n";
}

}  // namespace

struct Manifest::Impl {
    fs::path dir, own;
    std::map<std::string, std::vector<Entry>> earlier;  // every manifest in the folder
    std::map<std::string, Entry> mine;                  // this shard's latest entries
    std::mutex mutex;
    std::ofstream journal;
};

Manifest::Manifest(const fs::path& out_dir, const Shard& shard) : impl_(std::make_unique<Impl>()) {
    impl_->dir = out_dir;
    impl_->own = out_dir / (".kinerja-manifest-" + std::to_string(shard.index) + "-of-" +
                            std::to_string(shard.count) + ".jsonl");
    std::error_code ec;
    for (const auto& item : fs::directory_iterator(out_dir, ec)) {
        std::string name = item.path().filename().string();
        if (name.rfind(".kinerja-manifest-", 0) != 0 || item.path().extension() != ".jsonl")
            continue;
        std::ifstream in(item.path(), std::ios::binary);
        std::string line, key;
        while (std::getline(in, line)) {
            auto entry = parse_entry(line, key);
            if (!entry) continue;
            if (item.path() == impl_->own) impl_->mine[key] = *entry;
            impl_->earlier[key].push_back(std::move(*entry));
        }
    }
}

Manifest::~Manifest() = default;

std::optional<UnitSummary> Manifest::up_to_date(const std::string& key, const std::string& hash,
                                                fs::file_time_type inputs_time) const {
    auto found = impl_->earlier.find(key);
    if (found == impl_->earlier.end()) return std::nullopt;
    for (auto it = found->second.rbegin(); it != found->second.rend(); ++it) {
        const Entry& e = *it;
        if (e.hash != hash || e.output.empty()) continue;
        std::error_code ec;
        fs::path output = impl_->dir / e.output;
        auto size = fs::file_size(output, ec);
        if (ec || size != e.size) continue;
        auto time = fs::last_write_time(output, ec);
        if (ec || ticks(time) != e.mtime || time < inputs_time) continue;
        try {
            UnitSummary s = summary_from_json(json::parse(e.summary));
            s.report.up_to_date = true;
            s.report.timings = {};
            return s;
        } catch (const json::exception&) {
            continue;
        }
    }
    return std::nullopt;
}

void Manifest::record(const UnitSummary& summary, const std::string& hash) {
    const UnitReport& r = summary.report;
    if (r.status == UnitStatus::failed || r.output.empty()) return;
    std::error_code ec;
    fs::path output = impl_->dir / r.output;
    Entry e{hash, r.output, fs::file_size(output, ec), 0, summary_json(summary).dump()};
    if (ec) return;
    e.mtime = ticks(fs::last_write_time(output, ec));
    if (ec) return;
    std::string line = entry_line(r.key, e);
    std::lock_guard lock(impl_->mutex);
    if (!impl_->journal.is_open())
        impl_->journal.open(impl_->own, std::ios::binary | std::ios::app);
    impl_->journal << line;
    impl_->journal.flush();
    impl_->mine[r.key] = std::move(e);
}

void Manifest::compact() {
    std::lock_guard lock(impl_->mutex);
    if (impl_->journal.is_open()) impl_->journal.close();
    if (impl_->mine.empty()) return;
    std::string text;
    for (const auto& [key, e] : impl_->mine) text += entry_line(key, e);
    write_text_file(impl_->own, text);
}

}  // namespace kinerja::batch_detail
