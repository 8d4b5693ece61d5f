// A finding: something wrong or suspicious at one cell, for the Validasi sheet and report.
#pragma once

#include <cstdint>
#include <string>

#include "common/message.hpp"

namespace kinerja {

struct Finding {
    Severity severity = Severity::error;
    std::string rule;  // stable id, e.g. "anggaran.sisa"
    std::string sheet;
    std::uint32_t row = 0, col = 0;
    Message message;   // names the cells and the numbers
};

}  // namespace kinerja
