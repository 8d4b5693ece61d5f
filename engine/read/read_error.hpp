// Internal to the reader: where an error happened and the messages people see.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/message.hpp"

namespace kinerja::read_detail {

// The file being read, so that any part of the reader can throw a complete InputError.
struct Source {
    std::string file;  // as the caller named it

    [[noreturn]] void fail(std::string_view part, Message reason) const {
        throw InputError(file, std::string(part), std::move(reason));
    }
};

// Messages shared by several parts of the reader.
Message msg_part_too_large(std::uint64_t limit);
Message msg_total_too_large(std::uint64_t limit);
Message msg_ratio_too_high(std::uint64_t ratio);
Message msg_dtd();
Message msg_malformed_xml(std::string_view detail, std::uint64_t line);
// Text that is not UTF-8, or a character XML does not allow; `shown` says which.
Message msg_bad_text(std::string_view shown, std::uint64_t line);
Message msg_missing_part(std::string_view what);
Message msg_bad_value(std::string_view where, std::string_view value);

}  // namespace kinerja::read_detail
