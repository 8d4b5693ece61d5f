// Internal to engine/batch: the units' summaries, kept in a spill file.
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

// ---------------------------------------------------------------- the summaries

// The summaries of a batch's units, kept in an unnamed temporary file (compactly encoded)
// so that memory does not grow with the number of units: what stays in memory is each
// unit's key and where its summary is. Read back one at a time, in key order once sorted.
class SummaryStore {
public:
    // The file is made in `dir` and unlinked at once: it never outlives the process.
    // Throws OutputError when it cannot be made.
    explicit SummaryStore(const fs::path& dir);
    ~SummaryStore();
    SummaryStore(SummaryStore&&) noexcept;
    SummaryStore& operator=(SummaryStore&&) noexcept;

    // Thread-safe. `tag` is the caller's (merge_rekap: which part the unit came from).
    void add(const UnitSummary& summary, std::uint32_t tag = 0);
    // By key, then by the order of adding (stable). Not thread-safe.
    void sort_by_key();

    std::size_t size() const;
    bool empty() const { return size() == 0; }
    UnitSummary operator[](std::size_t index) const;  // throws OutputError on a read error
    const std::string& key(std::size_t index) const;
    std::uint32_t tag(std::size_t index) const;

    // Range-for over the summaries, each decoded as it is reached.
    class iterator {
    public:
        iterator(const SummaryStore& store, std::size_t index) : store_(&store), index_(index) {}
        UnitSummary operator*() const { return (*store_)[index_]; }
        iterator& operator++() { return ++index_, *this; }
        bool operator==(const iterator& other) const { return index_ == other.index_; }

    private:
        const SummaryStore* store_;
        std::size_t index_;
    };
    iterator begin() const { return {*this, 0}; }
    iterator end() const { return {*this, size()}; }

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace kinerja::batch_detail
