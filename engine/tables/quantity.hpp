// Numbers as Indonesian users type them: "1.506.071.633", "92,5%", "Rp 7.363.920.000,-",
// "1 Layanan", "2400 m2", and "-" for nothing / not applicable.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/workbook.hpp"

namespace kinerja {

struct Quantity {
    double value = 0;        // 92.5 for "92,5%" and for 0.925 formatted as a percentage
    bool percent = false;    // written with % or stored with a percent number format
    std::string unit;        // normalised: "layanan", "unit", "m2", "rp", "" for none
    bool not_applicable = false;  // "-", "–", "n/a": no value, distinct from 0
};

// Parses typed text. Returns nullopt for text that is not a number (a sentence, a name).
// Separators: with both '.' and ',' the last one is the decimal mark; a lone ',' is decimal
// ("94,11"); several '.' are thousands ("1.506.071"); a lone '.' followed by exactly three
// digits after a non-zero integer part is a thousands mark ("1.367" = 1367, as in the
// documents), otherwise decimal ("92.5").
std::optional<Quantity> parse_quantity(std::string_view text);

// The quantity a cell holds: numbers (percent-formatted ones scaled to 0-100), formula
// results, and text parsed with parse_quantity. Blank cells give nullopt.
std::optional<Quantity> cell_quantity(const Cell& cell, const Style& style);

// Indonesian formatting for messages: 1221105292 -> "1.221.105.292", 84.29 -> "84,29".
// With decimals < 0, shows up to 2 decimals, only those needed.
std::string angka(double value, int decimals = -1);

// True when a number format displays a percentage ("0%", "0.00%", but not "\"%\"" text).
bool is_percent_format(std::string_view num_format);

}  // namespace kinerja
