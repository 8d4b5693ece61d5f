// One reading of catalogue and settings values, whatever holds them: a TOML file
// (formulas/indikator.toml, formulas/pengaturan.toml) or a workbook's Rumus sheet. Both give
// the builder key = value entries; the builder checks each value and says what is wrong in
// the same words for both, and the source says where ("pengaturan.toml:12:9" or "Rumus!B5").
//
//     CatalogueBuilder build(source);
//     build.set(settings, "batas_atas", entry);   // false: not a setting's name
//     if (build.problems() == 0) ...
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/message.hpp"
#include "evaluate/catalogue.hpp"

namespace kinerja {

// One value as its source holds it. A TOML value is text or a number; a worksheet cell that
// reads as a number ("100", 100) is both, since a sheet shows them alike.
struct Entry {
    std::optional<std::string> text;  // as written
    std::optional<double> number;
    bool whole = false;  // the number is a whole number (a TOML integer)
    SourceRef at;        // file and line/column, or sheet and row/column (1-based)
    int length = 1;      // characters to underline in a file
};

// Where entries come from, and where the problems found in them go.
class EntrySource {
public:
    virtual ~EntrySource() = default;
    // An error in `entry`, in the builder's words; the source adds where it is.
    virtual void report(const Entry& entry, Message message) = 0;
    // The form in which words compare: a file's exactly as written; a worksheet's in any case
    // and spacing, as its headers are read ("Batas Atas" is batas_atas).
    virtual std::string word(std::string_view text) const { return std::string(text); }
};

class CatalogueBuilder {
public:
    explicit CatalogueBuilder(EntrySource& source) : source_(source) {}

    // A template setting: turun, batas_atas, pembulatan (the mode), desimal or skala (one of
    // settings.scales). False when `key` names no setting; a bad value is reported and
    // changes nothing.
    bool set(Settings& settings, std::string_view key, const Entry& value);
    // Rounding on its own (an indicator's own): pembulatan (the mode) or desimal.
    bool set(Rounding& rounding, std::string_view key, const Entry& value);
    // An indicator's field: id, nama, satuan (one unit), arah, periode, sasaran, catatan,
    // realisasi or capaian (formulas, checked when the catalogue is).
    bool set(Indicator& indicator, std::string_view key, const Entry& value);
    // An input's own periode.
    bool set(Variable& input, std::string_view key, const Entry& value);

    // An arah alone: the direction of an indicator outside the catalogue.
    std::optional<Direction> direction(const Entry& value);

    // Errors reported so far.
    int problems() const { return problems_; }

private:
    template <class E>
    std::optional<E> choice(const Entry& value, std::string_view key);
    std::optional<std::string> text(const Entry& value, std::string_view key);
    bool is(std::string_view key, std::string_view name) const;
    void report(const Entry& value, Message message);

    EntrySource& source_;
    int problems_ = 0;
};

}  // namespace kinerja
