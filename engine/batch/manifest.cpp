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

// Where an entry's summary is: its JSON text sits in a manifest file and is read back only
// when the unit is skipped, or when the manifest is compacted. Held as text, the summaries
// of a province made the manifest a few KB per unit of memory.
struct Entry {
    std::string hash, output;
    std::uintmax_t size = 0;
    std::int64_t mtime = 0;
    std::size_t file = 0;  // into Impl::files
    std::uint64_t offset = 0, length = 0;
};

std::int64_t ticks(fs::file_time_type time) {
    return static_cast<std::int64_t>(time.time_since_epoch().count());
}

constexpr std::string_view summary_key = ",\"summary\":";

// The head of a line holds no unescaped quote-comma-quote but between its fields, so the
// first `,"summary":` is the one entry_line wrote. `at` is where the line starts in its file.
std::optional<Entry> parse_entry(const std::string& line, std::uint64_t at, std::size_t file,
                                 std::string& key) {
    std::size_t split = line.find(summary_key);
    if (split == std::string::npos || line.empty() || line.back() != '}') return std::nullopt;
    json j = json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("summary")) return std::nullopt;
    try {
        key = j.at("key").get<std::string>();
        std::size_t start = split + summary_key.size();
        return Entry{j.at("hash").get<std::string>(),
                     j.at("output").get<std::string>(),
                     j.at("size").get<std::uintmax_t>(),
                     j.at("mtime").get<std::int64_t>(),
                     file,
                     at + start,
                     line.size() - 1 - start};
    } catch (const json::exception&) {
        return std::nullopt;
    }
}

// The head of an entry's line, up to and with `,"summary":`.
std::string entry_head(const std::string& key, const Entry& e) {
    std::string head = json{
        {"key", key},
        {"hash", e.hash},
        {"output", e.output},
        {"size", e.size},
        {"mtime", e.mtime}}.dump();
    head.pop_back();  // the closing brace
    return head.append(summary_key);
}

}  // namespace

struct Manifest::Impl {
    fs::path dir, own;
    std::vector<fs::path> files;  // the manifests the entries point into; own is files[0]
    std::map<std::string, std::vector<Entry>> earlier;  // every manifest in the folder
    std::map<std::string, Entry> mine;                  // this shard's latest entries
    std::mutex mutex;
    std::ofstream journal;
    std::uint64_t journal_size = 0;

    std::string summary_text(const Entry& e) const {
        std::ifstream in(files[e.file], std::ios::binary);
        std::string text(e.length, '\0');
        in.seekg(static_cast<std::streamoff>(e.offset));
        if (!in.read(text.data(), static_cast<std::streamsize>(e.length))) return {};
        return text;
    }
};

Manifest::Manifest(const fs::path& out_dir, const Shard& shard) : impl_(std::make_unique<Impl>()) {
    impl_->dir = out_dir;
    impl_->own = out_dir / (".kinerja-manifest-" + std::to_string(shard.index) + "-of-" +
                            std::to_string(shard.count) + ".jsonl");
    impl_->files.push_back(impl_->own);
    std::error_code ec;
    for (const auto& item : fs::directory_iterator(out_dir, ec)) {
        std::string name = item.path().filename().string();
        if (name.rfind(".kinerja-manifest-", 0) != 0 || item.path().extension() != ".jsonl")
            continue;
        bool own = item.path() == impl_->own;
        if (!own) impl_->files.push_back(item.path());
        std::size_t file = own ? 0 : impl_->files.size() - 1;
        std::ifstream in(item.path(), std::ios::binary);
        std::string line, key;
        std::uint64_t at = 0;
        while (std::getline(in, line)) {
            auto entry = parse_entry(line, at, file, key);
            at += line.size() + 1;
            if (!entry) continue;
            if (own) impl_->mine[key] = *entry;
            impl_->earlier[key].push_back(std::move(*entry));
        }
        if (own) impl_->journal_size = at;
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
            UnitSummary s = summary_from_json(json::parse(impl_->summary_text(e)));
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
    Entry e{hash, r.output, fs::file_size(output, ec), 0, 0, 0, 0};
    if (ec) return;
    e.mtime = ticks(fs::last_write_time(output, ec));
    if (ec) return;
    std::string head = entry_head(r.key, e);
    std::string text = summary_json(summary).dump();
    std::lock_guard lock(impl_->mutex);
    if (!impl_->journal.is_open()) {
        impl_->journal.open(impl_->own, std::ios::binary | std::ios::app);
        impl_->journal_size = fs::file_size(impl_->own, ec);
        if (ec) impl_->journal_size = 0;
        // A line cut short by a kill: the next entry starts on a line of its own.
        if (impl_->journal_size > 0) {
            std::ifstream last(impl_->own, std::ios::binary);
            last.seekg(static_cast<std::streamoff>(impl_->journal_size - 1));
            if (last.get() != '\n') {
                impl_->journal << '\n';
                ++impl_->journal_size;
            }
        }
    }
    impl_->journal << head << text << "}\n";
    impl_->journal.flush();
    e.offset = impl_->journal_size + head.size();
    e.length = text.size();
    impl_->journal_size += head.size() + text.size() + 2;
    impl_->mine[r.key] = std::move(e);
}

void Manifest::compact() {
    std::lock_guard lock(impl_->mutex);
    if (impl_->journal.is_open()) impl_->journal.close();
    if (impl_->mine.empty()) return;
    // Streamed: each summary is read back from the old file while the new one is written.
    write_stream_file(impl_->own, [&](std::ostream& out) {
        for (const auto& [key, e] : impl_->mine) {
            std::string text = impl_->summary_text(e);
            if (!text.empty()) out << entry_head(key, e) << text << "}\n";
        }
    });
}

}  // namespace kinerja::batch_detail
