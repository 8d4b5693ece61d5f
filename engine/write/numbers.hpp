// Numbers as the written XML must hold them.
//
// libxlsxwriter 1.1.4 prints every number with "%.16G". That text either reads
// back as another double (0.1 + 0.2 becomes 0.3, 123456789012345678 loses its
// last digit) or shows digits the value was never given with (84.57 becomes
// 84.56999999999999, which Gnumeric then truncates to 84.56). The writer keeps
// libxlsxwriter's text where it already is the shortest exact one, and patches
// the rest (engine/write/patches.hpp).
#pragma once

#include <cstddef>

namespace kinerja::write_detail {

// Enough for any double in its shortest form ("-2.2250738585072014E-308").
constexpr std::size_t number_text_size = 32;

// The shortest decimal that reads back as `value`, with the exponent written
// "E+17" as libxlsxwriter and Excel write it. `out` holds number_text_size chars;
// returns the length (no terminating zero). `value` must be finite.
std::size_t exact_number_text(double value, char* out);

// True when libxlsxwriter's "%.16G" text of the finite `value` does not have the
// digits of the shortest exact decimal, so the cell needs a patch.
bool needs_exact_text(double value);

}  // namespace kinerja::write_detail
