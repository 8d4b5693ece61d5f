// The manifest: out_dir/.kinerja-manifest-K-of-N.jsonl, one line per finished unit with the
// hash of what its output was made from (template, data, formulas, options), the output's
// size and time, and the unit's summary for the rekap. An output is up to date when an entry
// has the same hash and the file is still the one recorded and newer than the inputs.
//
// Each line is "<checksum> <json>\n", the checksum (FNV-1a of the JSON) written first, and
// goes to the file in one write() with O_APPEND, so a line is whole or visibly damaged: one
// cut short by a kill, or mangled in any way, fails its checksum and is not trusted, and its
// unit is redone. A line is checked again when its summary is read back (another shard may
// have compacted its file since), and must name the unit asked about.
//
// Each shard writes its own file (and holds its lock, OutputLock), so nothing else appends
// to it; all are read, so a batch re-split differently still skips. A manifest is never
// opened through a symbolic link: one planted at a manifest's name is refused.
#include "batch/manifest.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <mutex>
#include <nlohmann/json.hpp>

#include "batch/figures.hpp"
#include "batch/files.hpp"
#include "batch/outputs.hpp"
#include "common/atomic_output.hpp"

namespace kinerja::batch_detail {

using nlohmann::json;

namespace {

// Where an entry's line is: its summary is read back only when the unit is skipped, or when
// the manifest is compacted. Held as text, the summaries of a province made the manifest a
// few KB per unit of memory.
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

constexpr std::size_t checksum_size = 16;  // Hasher::hex()

std::string checksum(std::string_view text) {
    Hasher h;
    h.add(text);
    return h.hex();
}

// Whether a line is whole: its checksum matches its text.
bool checksum_holds(std::string_view line) {
    if (line.size() <= checksum_size + 1 || line[checksum_size] != ' ') return false;
    return line.substr(0, checksum_size) == checksum(line.substr(checksum_size + 1));
}

// The JSON of a line whose checksum holds; nullopt for a damaged or unparsable line.
std::optional<json> checked_json(std::string_view line) {
    if (!checksum_holds(line)) return std::nullopt;
    json j = json::parse(line.substr(checksum_size + 1), nullptr, false);
    if (j.is_discarded() || !j.is_object()) return std::nullopt;
    return j;
}

std::optional<Entry> parse_entry(std::string_view line, std::uint64_t at, std::size_t file,
                                 std::string& key) {
    std::optional<json> j = checked_json(line);
    if (!j || !j->contains("summary")) return std::nullopt;
    try {
        key = j->at("key").get<std::string>();
        return Entry{j->at("hash").get<std::string>(),
                     j->at("output").get<std::string>(),
                     j->at("size").get<std::uintmax_t>(),
                     j->at("mtime").get<std::int64_t>(),
                     file,
                     at,
                     line.size()};
    } catch (const json::exception&) {
        return std::nullopt;
    }
}

[[noreturn]] void refuse_link(const fs::path& file) {
    throw OutputError(file.string(),
                      {"berkas manifest ini adalah tautan simbolik; Kinerja tidak menulis atau "
                       "membaca lewat tautan. Hapus tautan itu lalu jalankan lagi",
                       "this manifest file is a symbolic link; Kinerja does not write or read "
                       "through links. Remove the link and run again"});
}

// Opens a manifest, never through a link.
int open_manifest(const fs::path& file, int flags) {
    int fd = ::open(file.c_str(), flags | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0 && errno == ELOOP) refuse_link(file);
    return fd;
}

std::string read_whole(int fd) {
    std::string text;
    char buffer[1 << 16];
    for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) != 0;) {
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) break;
        text.append(buffer, static_cast<std::size_t>(n));
    }
    return text;
}

}  // namespace

struct Manifest::Impl {
    fs::path dir, own;
    std::vector<fs::path> files;  // the manifests the entries point into; own is files[0]
    std::map<std::string, std::vector<Entry>> earlier;  // every manifest in the folder
    std::map<std::string, Entry> mine;                  // this shard's latest entries
    std::size_t damaged = 0;                            // lines not trusted
    std::mutex mutex;
    int journal = -1;  // own, opened to append
    std::uint64_t journal_size = 0;
    bool line_open = false;  // the journal ends inside a line (a kill, a failed write)

    ~Impl() {
        if (journal >= 0) ::close(journal);
    }

    // The entry's line, read again and checked: the file may have changed since.
    std::optional<json> line_json(const Entry& e) const {
        int fd = open_manifest(files[e.file], O_RDONLY);
        if (fd < 0) return std::nullopt;
        std::string line(e.length, '\0');
        bool read = read_at(fd, line.data(), line.size(), e.offset);
        ::close(fd);
        if (!read) return std::nullopt;
        return checked_json(line);
    }
};

Manifest::Manifest(const fs::path& out_dir, const Shard& shard) : impl_(std::make_unique<Impl>()) {
    impl_->dir = out_dir;
    impl_->own = out_dir / (".kinerja-manifest-" + std::to_string(shard.index) + "-of-" +
                            std::to_string(shard.count) + ".jsonl");
    impl_->files.push_back(impl_->own);
    impl_->journal = open_manifest(impl_->own, O_RDWR | O_APPEND | O_CREAT);
    if (impl_->journal < 0) {
        if (out_of_room(out_dir, errno)) throw disk_full(impl_->own, out_dir);
        std::string reason = std::strerror(errno);
        throw OutputError(impl_->own.string(), {"manifest tidak dapat dibuka: " + reason,
                                                "the manifest cannot be opened: " + reason});
    }
    std::error_code ec;
    for (const auto& item : fs::directory_iterator(out_dir, ec)) {
        std::string name = item.path().filename().string();
        if (name.rfind(".kinerja-manifest-", 0) != 0 || item.path().extension() != ".jsonl")
            continue;
        bool own = item.path() == impl_->own;
        int fd = own ? impl_->journal : open_manifest(item.path(), O_RDONLY);
        if (fd < 0) continue;
        std::string text = read_whole(fd);
        if (!own) {
            ::close(fd);
            impl_->files.push_back(item.path());
        }
        std::size_t file = own ? 0 : impl_->files.size() - 1;
        std::string key;
        std::uint64_t at = 0;
        for (std::size_t end; at < text.size(); at = end + 1) {
            end = text.find('\n', at);
            if (end == std::string::npos) end = text.size();
            std::string_view line(text.data() + at, end - at);
            if (line.empty()) continue;
            auto entry = parse_entry(line, at, file, key);
            if (!entry) {
                ++impl_->damaged;
                continue;
            }
            if (own) impl_->mine[key] = *entry;
            impl_->earlier[key].push_back(std::move(*entry));
        }
        if (own) {
            impl_->journal_size = text.size();
            impl_->line_open = !text.empty() && text.back() != '\n';
        }
    }
}

Manifest::~Manifest() = default;

std::size_t Manifest::damaged_lines() const {
    return impl_->damaged;
}

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
        std::optional<json> line = impl_->line_json(e);
        try {
            if (!line || line->at("key") != key || line->at("hash") != hash) continue;
            UnitSummary s = summary_from_json(line->at("summary"));
            if (s.report.key != key) continue;
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
    std::string body =
        json{{"key", r.key},   {"hash", e.hash},   {"output", e.output},
             {"size", e.size}, {"mtime", e.mtime}, {"summary", summary_json(summary)}}
            .dump();
    std::lock_guard lock(impl_->mutex);
    // A line cut short before: this one starts on a line of its own.
    std::string text = impl_->line_open ? "\n" : "";
    e.offset = impl_->journal_size + text.size();
    text += checksum(body) + " " + body + "\n";
    e.length = checksum_size + 1 + body.size();
    // One write: the line is whole in the file, or cut short and then fails its checksum.
    ssize_t n = ::write(impl_->journal, text.data(), text.size());
    if (n > 0) impl_->journal_size += static_cast<std::uint64_t>(n);
    if (n != static_cast<ssize_t>(text.size())) {
        impl_->line_open = n > 0 || impl_->line_open;
        return;  // not recorded: the unit is redone next time
    }
    impl_->line_open = false;
    impl_->mine[r.key] = std::move(e);
}

void Manifest::compact() {
    std::lock_guard lock(impl_->mutex);
    if (impl_->mine.empty()) return;
    // Streamed: each line is read back from the old file, checked, and written again.
    write_stream_file(impl_->own, [&](std::ostream& out) {
        for (const auto& [key, e] : impl_->mine) {
            std::string line(e.length, '\0');
            if (!read_at(impl_->journal, line.data(), line.size(), e.offset)) continue;
            // The line was parsed when it was recorded: its checksum shows it is still whole.
            if (checksum_holds(line)) out << line << '\n';
        }
    });
}

}  // namespace kinerja::batch_detail
