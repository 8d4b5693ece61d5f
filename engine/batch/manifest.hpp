// Internal to engine/batch: the manifest of up-to-date outputs.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <map>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "batch/batch.hpp"
#include "batch/figures.hpp"
#include "data/data.hpp"

namespace kinerja::batch_detail {

namespace fs = std::filesystem;

// ---------------------------------------------------------------- the manifest

// Which outputs of earlier runs are up to date, and their summaries. Each finished unit is
// appended as one checksummed JSON line, so an interrupted batch keeps what it finished and
// a damaged line is never trusted (engine/batch/manifest.cpp).
class Manifest {
public:
    // Reads every manifest in out_dir. Throws OutputError when one is a symbolic link or this
    // shard's cannot be opened.
    Manifest(const fs::path& out_dir, const Shard& shard);
    ~Manifest();
    Manifest(const Manifest&) = delete;
    Manifest& operator=(const Manifest&) = delete;
    // The earlier summary, when the output is unchanged since, newer than `inputs_time`, and
    // made from inputs with this hash.
    std::optional<UnitSummary> up_to_date(const std::string& key, const std::string& hash,
                                          fs::file_time_type inputs_time) const;
    // Thread-safe.
    void record(const UnitSummary& summary, const std::string& hash);
    // Rewrites this shard's manifest with only the latest entry per unit.
    void compact();
    // Lines of the manifests read that were damaged or unparsable: not trusted, so their
    // units are redone.
    std::size_t damaged_lines() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace kinerja::batch_detail
