// Internal to engine/batch: the figures of a filled unit, as the rekap shows them.
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
#include "data/data.hpp"

namespace kinerja::batch_detail {

namespace fs = std::filesystem;

// ---------------------------------------------------------------- figures

struct Figure {
    double target = na, realisasi = na, capaian = na;
    std::string kategori;
};

struct Budget {
    double pagu = na, realisasi = na, persen = na;
};

// Figures by indicator id, sorted by id: a flat map over ids interned once per process, as
// a province holds tens of thousands of these (a std::map with string keys took ~3 KB more
// per unit).
class FigureMap {
public:
    using value_type = std::pair<std::string_view, Figure>;
    Figure& operator[](std::string_view id);
    const Figure* find(std::string_view id) const;
    bool contains(std::string_view id) const { return find(id) != nullptr; }
    auto begin() const { return items_.begin(); }
    auto end() const { return items_.end(); }
    std::size_t size() const { return items_.size(); }
    void shrink() { items_.shrink_to_fit(); }  // once filled: growth left room for 16

private:
    std::vector<value_type> items_;
};

struct PeriodFigures {
    bool present = false;
    FigureMap indikator;  // by catalogue id
    std::optional<Budget> anggaran;
};

struct UnitSummary {
    UnitReport report;
    ByPeriode<PeriodFigures> periods;  // those of rekap_periods
};

// The figures of one unit: the year's from the filled workbook, the triwulan's computed
// cumulatively from the raw inputs, and the budget absorption (anggaran.penyerapan) when the
// data has pagu and realisasi_anggaran. Holds an Evaluator: one per thread.
class FigureMaker {
public:
    explicit FigureMaker(const Engine& engine);
    ~FigureMaker();
    FigureMaker(const FigureMaker&) = delete;
    FigureMaker& operator=(const FigureMaker&) = delete;
    void add(UnitSummary& summary, const std::vector<IndicatorOutcome>& outcomes,
             const SatkerData* data);

private:
    void add_figures(UnitSummary& summary, const std::vector<IndicatorOutcome>& outcomes,
                     const SatkerData* data);
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

nlohmann::json summary_json(const UnitSummary& summary);
UnitSummary summary_from_json(const nlohmann::json& json);  // throws nlohmann::json::exception
nlohmann::json message_json(const Message& message);
Message message_from_json(const nlohmann::json& json);

}  // namespace kinerja::batch_detail
