// Stage 1: read an .xlsx file into the Workbook model.
//
//     kinerja::Workbook wb = kinerja::read_workbook("laporan.xlsx");
//
// Tolerates what Excel, LibreOffice, WPS Office and Google Sheets write. Anything
// the model cannot carry is listed in Workbook::dropped. Hostile or broken input
// throws InputError with the file, the part and the reason; it never crashes,
// hangs or allocates without bound.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "common/message.hpp"
#include "model/workbook.hpp"

namespace kinerja {

struct ReadLimits {
    std::uint64_t max_file_bytes = 512ull << 20;    // the .xlsx itself
    std::uint64_t max_part_bytes = 1024ull << 20;   // one part, uncompressed
    std::uint64_t max_total_bytes = 2048ull << 20;  // all parts, uncompressed
    std::uint32_t max_compression_ratio = 200;      // for parts above 1 MiB
    std::uint64_t max_cells = 50'000'000;
    std::uint32_t max_sheets = 1000;
    std::uint64_t max_shared_strings = 10'000'000;
    std::uint32_t max_styles = 65'000;
    std::uint64_t max_parts = 100'000;  // entries in the zip
    // Parts read as a tree (styles, workbook, comments, drawings) take about 8x their
    // size in memory, so they have their own cap. Sheets and strings are streamed.
    std::uint64_t max_tree_part_bytes = 128ull << 20;
    // Text and formulas copied into cells. One long shared string or shared formula
    // used by many cells would otherwise multiply memory far beyond the file's size.
    std::uint64_t max_cell_text_bytes = 2048ull << 20;
    // Memory for the cells of all sheets (sizeof(Cell) each, plus text that does not fit
    // inside a Cell), checked before a sheet's cell vector grows. The default is a third
    // of what the process may use (the machine's memory, or ulimit -v when lower): the
    // later stages and libxlsxwriter hold the cells again while writing.
    std::uint64_t max_cell_memory_bytes = default_cell_memory_bytes();
    // Merged ranges of one sheet; libxlsxwriter counts them in 16 bits.
    std::uint32_t max_merges = 65'535;
    // Cells covered by merges, summed over the workbook: finding tables visits every
    // column a merge spans in each row it reads.
    std::uint64_t max_merged_cells = 10'000'000;
    // Ranges held by data validations and conditional formats in the workbook, each
    // rule's copy counted (a <conditionalFormatting> gives its ranges to every rule).
    std::uint64_t max_rule_ranges = 1'000'000;

    static std::uint64_t default_cell_memory_bytes();
};

Workbook read_workbook(const std::filesystem::path& file, const ReadLimits& limits = {});
// The same from the bytes of an .xlsx in memory (an upload); `name` stands for the file in
// messages.
Workbook read_workbook(std::string_view bytes, const std::string& name,
                       const ReadLimits& limits = {});

}  // namespace kinerja
