// SummaryStore: the units' summaries on disk. A province's summaries held as objects cost
// about 4 KB per unit (five periods of figures by indicator), so memory grew with the
// number of units; here each is encoded compactly (lengths, raw doubles, no names of
// fields), appended to an unlinked temporary file and decoded again when the rekap, the
// part file and laporan.json need it. The encoding lives only as long as the process, so
// it needs no version and no portability across machines.
#include "batch/summary_store.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <mutex>

#include "batch/figures.hpp"
#include "batch/files.hpp"
#include "common/atomic_output.hpp"

namespace kinerja::batch_detail {

namespace {

class Encoder {
public:
    void u64(std::uint64_t v) { raw(&v, sizeof v); }
    void u8(std::uint8_t v) { bytes_.push_back(static_cast<char>(v)); }
    void number(double v) { raw(&v, sizeof v); }
    void text(std::string_view s) {
        u64(s.size());
        bytes_.append(s);
    }
    void message(const std::optional<Message>& m) {
        u8(m.has_value());
        if (m) text(m->id), text(m->en);
    }
    const std::string& bytes() const { return bytes_; }

private:
    void raw(const void* v, std::size_t n) { bytes_.append(static_cast<const char*>(v), n); }
    std::string bytes_;
};

// Reads what Encoder wrote; a short or damaged record throws instead of reading past it.
class Decoder {
public:
    explicit Decoder(std::string_view bytes) : rest_(bytes) {}
    std::uint64_t u64() { return raw<std::uint64_t>(); }
    std::uint8_t u8() { return raw<std::uint8_t>(); }
    double number() { return raw<double>(); }
    std::string text() {
        std::uint64_t n = u64();
        need(n);
        std::string s(rest_.substr(0, n));
        rest_.remove_prefix(n);
        return s;
    }
    std::optional<Message> message() {
        if (!u8()) return std::nullopt;
        Message m;
        m.id = text();
        m.en = text();
        return m;
    }

private:
    void need(std::uint64_t n) const {
        if (n > rest_.size()) throw std::runtime_error("damaged unit summary");
    }
    template <typename T>
    T raw() {
        need(sizeof(T));
        T v;
        std::memcpy(&v, rest_.data(), sizeof(T));
        rest_.remove_prefix(sizeof(T));
        return v;
    }
    std::string_view rest_;
};

std::string encode(const UnitSummary& s) {
    Encoder e;
    const UnitReport& r = s.report;
    e.text(r.key), e.text(r.nama), e.text(r.output);
    e.u8(static_cast<std::uint8_t>(r.status)), e.u8(r.up_to_date);
    e.u64(r.errors), e.u64(r.warnings), e.u64(r.hidden_errors), e.u64(r.hidden_warnings);
    e.u64(r.rules.size());
    for (const auto& [rule, count] : r.rules) e.text(rule), e.u64(count);
    e.message(r.failure);
    for (double t : {r.timings.read_ms, r.timings.fill_ms, r.timings.write_ms, r.timings.total_ms})
        e.number(t);
    for (const PeriodFigures& p : s.periods) {
        e.u8(p.present);
        e.u64(p.indikator.size());
        for (const auto& [id, f] : p.indikator) {
            e.text(id);
            e.number(f.target), e.number(f.realisasi), e.number(f.capaian);
            e.text(f.kategori);
        }
        e.u8(p.anggaran.has_value());
        if (p.anggaran)
            e.number(p.anggaran->pagu), e.number(p.anggaran->realisasi),
                e.number(p.anggaran->persen);
    }
    return e.bytes();
}

UnitSummary decode(std::string_view bytes) {
    Decoder d(bytes);
    UnitSummary s;
    UnitReport& r = s.report;
    r.key = d.text(), r.nama = d.text(), r.output = d.text();
    r.status = static_cast<UnitStatus>(d.u8());
    r.up_to_date = d.u8() != 0;
    r.errors = d.u64(), r.warnings = d.u64(), r.hidden_errors = d.u64();
    r.hidden_warnings = d.u64();
    for (std::uint64_t n = d.u64(); n > 0; --n) {
        std::string rule = d.text();
        r.rules[rule] = d.u64();
    }
    r.failure = d.message();
    r.timings.read_ms = d.number(), r.timings.fill_ms = d.number();
    r.timings.write_ms = d.number(), r.timings.total_ms = d.number();
    for (PeriodFigures& p : s.periods) {
        p.present = d.u8() != 0;
        for (std::uint64_t n = d.u64(); n > 0; --n) {
            Figure& f = p.indikator[d.text()];
            f.target = d.number(), f.realisasi = d.number(), f.capaian = d.number();
            f.kategori = d.text();
        }
        p.indikator.shrink();
        if (d.u8()) p.anggaran = Budget{d.number(), d.number(), d.number()};
    }
    return s;
}

struct Slot {
    std::string key;
    std::uint64_t offset = 0;
    std::uint32_t length = 0, tag = 0;
};

}  // namespace

struct SummaryStore::Impl {
    fs::path dir;
    int fd = -1;
    std::uint64_t end = 0;
    std::vector<Slot> slots;
    std::mutex mutex;

    ~Impl() {
        if (fd >= 0) ::close(fd);
    }
    [[noreturn]] void fail(const char* id, const char* en) const {
        if (out_of_room(dir, errno)) throw disk_full(dir, dir);
        throw OutputError(dir.string(), {std::string(id) + ": " + std::strerror(errno),
                                         std::string(en) + ": " + std::strerror(errno)});
    }
};

SummaryStore::SummaryStore(const fs::path& dir) : impl_(std::make_unique<Impl>()) {
    impl_->dir = dir;
    impl_->fd = open_unnamed_file(dir);
    if (impl_->fd < 0)
        impl_->fail("berkas sementara untuk ringkasan satker tidak dapat dibuat",
                    "cannot make the temporary file for the unit summaries");
}

SummaryStore::~SummaryStore() = default;
SummaryStore::SummaryStore(SummaryStore&&) noexcept = default;
SummaryStore& SummaryStore::operator=(SummaryStore&&) noexcept = default;

void SummaryStore::add(const UnitSummary& summary, std::uint32_t tag) {
    std::string bytes = encode(summary);
    std::lock_guard lock(impl_->mutex);
    if (!write_at(impl_->fd, bytes.data(), bytes.size(), impl_->end))
        impl_->fail("ringkasan satker tidak dapat disimpan sementara",
                    "cannot keep a unit summary in the temporary file");
    impl_->slots.push_back(
        {summary.report.key, impl_->end, static_cast<std::uint32_t>(bytes.size()), tag});
    impl_->end += bytes.size();
}

void SummaryStore::sort_by_key() {
    std::stable_sort(impl_->slots.begin(), impl_->slots.end(),
                     [](const Slot& a, const Slot& b) { return a.key < b.key; });
}

std::size_t SummaryStore::size() const {
    return impl_->slots.size();
}
const std::string& SummaryStore::key(std::size_t index) const {
    return impl_->slots.at(index).key;
}
std::uint32_t SummaryStore::tag(std::size_t index) const {
    return impl_->slots.at(index).tag;
}

UnitSummary SummaryStore::operator[](std::size_t index) const {
    const Slot& slot = impl_->slots.at(index);
    std::string bytes(slot.length, '\0');
    if (!read_at(impl_->fd, bytes.data(), bytes.size(), slot.offset))
        impl_->fail("ringkasan satker tidak dapat dibaca kembali",
                    "cannot read a unit summary back");
    return decode(bytes);
}

}  // namespace kinerja::batch_detail
