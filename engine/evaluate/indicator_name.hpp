// An indicator name in the one form that names are compared in: by the catalogue check (two
// indicators may not share a name), by Settings::directions, and by the matcher (match/).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kinerja {

// Lower-case ASCII words of `text`: markup, punctuation and leading numbering ("1.", "1)",
// "a.", "4.1") removed, known misspellings corrected.
std::vector<std::string> indicator_name_words(std::string_view text);

// The words of `text` separated by single spaces.
std::string normalize_indicator_name(std::string_view text);

}  // namespace kinerja
