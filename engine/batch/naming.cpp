// Small shared pieces: hashing, shards, output names, period names.
#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <fstream>

#include "batch/files.hpp"

namespace kinerja {

using batch_detail::Hasher;

std::optional<Shard> parse_shard(std::string_view text) {
    auto slash = text.find('/');
    if (slash == std::string_view::npos) return std::nullopt;
    auto number = [](std::string_view digits) -> std::optional<unsigned> {
        unsigned value = 0;
        auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
        if (ec != std::errc() || end != digits.data() + digits.size() || digits.empty())
            return std::nullopt;
        return value;
    };
    auto k = number(text.substr(0, slash));
    auto n = number(text.substr(slash + 1));
    if (!k || !n || *k < 1 || *k > *n || *n > 10000) return std::nullopt;
    return Shard{*k, *n};
}

unsigned shard_of(std::string_view key, unsigned count) {
    Hasher h;
    h.add(key);
    return count == 0 ? 1 : static_cast<unsigned>(h.value() % count) + 1;
}

std::string unit_file_stem(std::string_view kode) {
    std::string stem;
    for (unsigned char c : kode)
        stem += std::isalnum(c) || c == '-' || c == '_' || c == '.' ? static_cast<char>(c) : '_';
    while (!stem.empty() && (stem.back() == '.' || stem.back() == ' ')) stem.pop_back();
    if (stem.empty() || stem[0] == '.') stem = "_" + stem;
    if (stem.size() > 120) stem.resize(120);
    std::string lower = stem;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    std::string base = lower.substr(0, lower.find('.'));
    // Our own outputs, and names Windows refuses whatever the extension.
    static const std::array<std::string_view, 26> reserved = {
        "rekap", "laporan", "con",  "prn",  "aux",  "nul",  "com1",     "com2",  "com3",
        "com4",  "com5",    "com6", "com7", "com8", "com9", "lpt1",     "lpt2",  "lpt3",
        "lpt4",  "lpt5",    "lpt6", "lpt7", "lpt8", "lpt9", "manifest", "clock$"};
    bool is_reserved = std::find(reserved.begin(), reserved.end(), base) != reserved.end() ||
                       lower.rfind("rekap-part-", 0) == 0 || lower.rfind("laporan-part-", 0) == 0;
    return is_reserved ? stem + "_satker" : stem;
}

const char* status_name(UnitStatus status) {
    switch (status) {
        case UnitStatus::ok:
            return "ok";
        case UnitStatus::findings:
            return "findings";
        case UnitStatus::failed:
            return "failed";
    }
    return "failed";
}

int BatchResult::exit_code() const {
    return !problems.empty() || failed > 0 || with_errors > 0 ? 1 : 0;
}

}  // namespace kinerja

namespace kinerja::batch_detail {

void Hasher::add(std::string_view bytes) {
    for (unsigned char c : bytes) {
        h_ ^= c;
        h_ *= 1099511628211ull;
    }
}

void Hasher::add_number(std::uint64_t value) {
    char bytes[8];
    for (int i = 0; i < 8; ++i) bytes[i] = static_cast<char>(value >> (8 * i));
    add({bytes, 8});
}

std::string Hasher::hex() const {
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(h_));
    return text;
}

std::string file_hash(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw InputError(file.string(), "",
                         {"berkas tidak dapat dibuka", "the file cannot be opened"});
    Hasher h;
    std::array<char, 1 << 16> buffer;
    while (in) {
        in.read(buffer.data(), buffer.size());
        h.add({buffer.data(), static_cast<std::size_t>(in.gcount())});
    }
    if (in.bad())
        throw InputError(file.string(), "",
                         {"berkas tidak dapat dibaca", "the file cannot be read"});
    return h.hex();
}

}  // namespace kinerja::batch_detail
