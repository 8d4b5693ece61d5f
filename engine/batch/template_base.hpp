// Internal: the template model shared by every unit of a batch.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "model/workbook.hpp"
#include "tables/tables.hpp"

namespace kinerja::batch_detail {

struct TemplateBase {
    struct Slot {
        std::size_t sheet = 0;
        std::uint32_t row = 0, col = 0;
    };
    Workbook model;             // personalised with a marker where the satker goes
    std::vector<Slot> slots;    // the cells holding the marker
    std::vector<Table> tables;  // bound once (pipeline bind()), the marker in their titles
};

// Reads the template once; throws InputError when it cannot be used.
TemplateBase prepare_template(const std::filesystem::path& file);
// A copy of the model for one unit, the satker's name in the title lines.
Workbook unit_workbook(const TemplateBase& base, const std::string& satker);
// The template's tables for that copy: the satker's name in their titles.
std::vector<Table> unit_tables(const TemplateBase& base, const std::string& satker);

}  // namespace kinerja::batch_detail
