// Internal to the reader: decoding the text forms of values in SpreadsheetML.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kinerja::read_detail {

// Replaces Excel's `_xHHHH_` escapes (e.g. "_x000D_" for a carriage return) with the
// character, in place. "_x005F_" escapes a literal underscore.
void decode_escapes(std::string& text);

// "1.5E+3", " 42 ", "-0.25" -> a finite double; nullopt for anything else.
std::optional<double> parse_number(std::string_view text);

// An ISO 8601 date/time as in t="d" cells ("2024-01-05T08:00:00") to an Excel serial.
std::optional<double> parse_iso_datetime(std::string_view text, bool date1904);

// The first place where `text` is not valid UTF-8 made of characters XML 1.0 allows
// (tab, line feed, carriage return, U+0020-U+D7FF, U+E000-U+FFFD, U+10000-U+10FFFF):
// its byte offset and what is there ("byte 0xFF", "U+0001"). Nothing when all is well.
struct BadChar {
    std::size_t offset = 0;
    std::string shown;
};
std::optional<BadChar> find_bad_xml_char(std::string_view text);

// Trims ASCII whitespace at both ends.
std::string_view trim(std::string_view text);

}  // namespace kinerja::read_detail
