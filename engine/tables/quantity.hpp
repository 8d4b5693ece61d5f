// Numbers as Indonesian users type them: "1.506.071.633", "92,5%", "Rp 7.363.920.000,-",
// "1 Layanan", "2400 m2", and "-" for nothing / not applicable.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/workbook.hpp"

namespace kinerja {

struct Quantity {
    double value = 0;             // 92.5 for "92,5%" and for 0.925 formatted as a percentage
    bool percent = false;         // written with % or stored with a percent number format
    std::string unit;             // normalised: "layanan", "unit", "m2", "rp", "" for none
    bool not_applicable = false;  // "-", "–", "n/a": no value, distinct from 0
};

// Every plausible reading of typed text, for the texts whose separators allow more than one.
//
// - One reading: most text ("1.506.071.633", "94,11", "1.234.567,89", "1,234,567.89").
// - A convention picks the first reading, the other stays possible: a lone separator followed
//   by exactly three digits after a non-zero integer part. A lone '.' is a thousands mark
//   ("1.367" = 1367, as the documents write it; else 1,367), a lone ',' a decimal mark
//   ("1,234" = 1,234; else 1234 written US style). `conventional` is true.
// - No convention: one separator used several times with 3-digit groups in the middle and 1 or
//   2 digits at the end, "21,276,070,424,00" or "21.276.070.424.00": the last mark is the
//   decimal one (21276070424) or all are thousands marks typed with a short last group
//   (2127607042400). `ambiguous()` is true, the decimal reading comes first, and the text must
//   not be read as a number until its context (the column) picks one (see quantity_in_table
//   in tables.hpp).
struct QuantityReadings {
    std::vector<Quantity> readings;  // empty when the text is not a number
    bool conventional = false;       // readings.front() is the convention's choice
    bool ambiguous() const { return readings.size() > 1 && !conventional; }
};
QuantityReadings quantity_readings(std::string_view text);

// How a text's separators show the style it was typed in, where they do: Indonesian
// ("1.506.071.633", "1.234.567,89", "94,11") or US ("1,234,567", "1,234,567.89"). A lone '.'
// says nothing (Indonesian documents write both "92.5" and "1.367"), nor does a text whose
// reading is in doubt.
enum class SeparatorStyle { unknown, indonesian, us };
SeparatorStyle separator_style(std::string_view text);

// Parses typed text: its only or conventional reading (see quantity_readings). Returns nullopt
// for text that is not a number (a sentence, a name) and for ambiguous text.
// Separators: with both '.' and ',' the last one is the decimal mark; a lone ',' is decimal
// ("94,11"); several '.' (or several ',') are thousands ("1.506.071"); a lone '.' followed by
// exactly three digits after a non-zero integer part is a thousands mark ("1.367" = 1367, as in
// the documents), otherwise decimal ("92.5").
std::optional<Quantity> parse_quantity(std::string_view text);

// The quantity a cell holds: numbers (percent-formatted ones scaled to 0-100), formula
// results, and text parsed with parse_quantity. Blank cells and ambiguous text give nullopt.
std::optional<Quantity> cell_quantity(const Cell& cell, const Style& style);

// Indonesian formatting for messages: 1221105292 -> "1.221.105.292", 84.29 -> "84,29".
// With decimals < 0, shows up to 2 decimals, only those needed.
std::string angka(double value, int decimals = -1);

// True when a number format displays a percentage ("0%", "0.00%", but not "\"%\"" text).
bool is_percent_format(std::string_view num_format);

}  // namespace kinerja
