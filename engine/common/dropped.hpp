// What the reader and the writer could not carry (DroppedPart), in words for people. The
// stages record a short English phrase ("form control", "formula longer than 8192 characters
// written as its last value"), a stable key that JSON keeps; this is the one place that says
// it in Indonesian, for the CLI, the Validasi sheet and the pages alike.
#pragma once

#include <string>
#include <string_view>

#include "common/message.hpp"

namespace kinerja {

struct DroppedPart;

// What was not carried: Indonesian words for the phrase (lower case, as inside a sentence:
// "kontrol formulir", "rumus lebih dari 8.192 karakter ditulis sebagai nilai terakhirnya"),
// and the English phrase as recorded. A phrase this table does not know still reads as
// Indonesian, with the English kept in quotes as a name.
Message describe(const DroppedPart& dropped);

// Where it was, for people: the writer's "Data!B5 (+9 more)", "Data!row 7" and
// "xl/styles.xml!style 3" in each language ("Data!B5 (+9 lainnya)", "Data!baris 7", "...!gaya 3").
Message dropped_place(const DroppedPart& dropped);

// The kind of item the phrase names, without the place or the name it carries ("chart" for
// "chart at Data!B3", "chartsheet" for "chartsheet \"Grafik\""): what the Validasi sheet
// reports once per part. The phrase itself when it is not known.
std::string dropped_kind(std::string_view what);

// Whether the phrase has its own Indonesian words (tests keep every phrase the engine
// emits so).
bool described(std::string_view what);

// "Kontrol formulir": the first letter in upper case, for words that start a sentence.
std::string sentence_start(std::string text);

}  // namespace kinerja
