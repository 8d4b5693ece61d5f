// Name matching: indicator text from a workbook (a table's Indikator cell, a data file's
// indikator) to catalogue ids. Used by the fill, the pipeline and the batch.
//
//     kinerja::IndicatorMatcher matcher(catalogue);   // build once, use from any thread
//     auto m = matcher.match("1. Persentase pemenuhan layanan makanan bagi Tahanan / Narapidana / "
//                            "Anak sesuai dengan standar");
//     // m.status == MatchStatus::matched, m.id == "perawatan.makanan"
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "evaluate/catalogue.hpp"
#include "evaluate/indicator_name.hpp"

namespace kinerja {

enum class MatchStatus { matched, ambiguous, unmatched };

struct MatchCandidate {
    std::string id;
    double score = 0;  // 0..1
};

struct IndicatorMatch {
    MatchStatus status = MatchStatus::unmatched;
    std::string id;                          // set when matched
    double score = 0;                        // the best candidate's
    std::vector<MatchCandidate> candidates;  // best first, up to 5; never guessed silently
};

// Matches indicator text from a workbook to catalogue ids. Build once, use from any thread.
class IndicatorMatcher {
public:
    explicit IndicatorMatcher(const Catalogue& catalogue);
    ~IndicatorMatcher();
    IndicatorMatcher(IndicatorMatcher&&) noexcept;
    IndicatorMatch match(std::string_view text) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace kinerja
