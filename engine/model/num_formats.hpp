// Built-in number formats (ECMA-376 Part 1, 18.8.30): a cell format may name one by
// id instead of spelling its format string. The reader turns ids into strings and the
// writer strings back into ids, so both use this one table.
#pragma once

#include <string_view>

namespace kinerja {

// The format string the model holds for built-in id `id`: as ECMA-376 spells it for
// the ids it defines for all languages (0-4, 9-22, 37-40, 45-49), and the en-US
// currency and accounting formats for 5-8 and 41-44, which the standard leaves to
// the locale. "General" for the other ids, whose meaning depends on the locale.
std::string_view builtin_num_format_code(int id);

// The built-in id whose format string is `code`, or -1. Both the ECMA-376 spelling
// and the one Excel shows in en-US are recognised ("mm-dd-yy" and "m/d/yy" are 14).
// Writing the id rather than the string matters for 14-17 and 22: Excel shows those
// in the user's regional date format.
int builtin_num_format_id(std::string_view code);

}  // namespace kinerja
