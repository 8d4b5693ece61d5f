// Internal to the reader: one worksheet part, streamed with expat.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/workbook.hpp"
#include "read/read.hpp"
#include "read/rich_text.hpp"
#include "read/styles.hpp"
#include "read/xml_stream.hpp"

namespace kinerja::read_detail {

// What a worksheet needs from the rest of the workbook.
struct SheetInputs {
    const Source& source;
    const ReadLimits& limits;
    Workbook& wb;
    StyleTable& styles;
    const std::vector<SharedString>& strings;
    const ColorResolver& colors;
    std::uint64_t& cell_count;  // across the workbook, against limits.max_cells
    std::uint64_t& text_bytes;  // text and formulas in cells, against limits.max_cell_text_bytes
    // Workbook-wide totals against limits of the same names.
    std::uint64_t& cell_memory;   // bytes of the cell vectors of the sheets read so far
    std::uint64_t& merged_cells;  // cells covered by merges
    std::uint64_t& rule_ranges;   // ranges of validations and conditional formats
};

// References the worksheet makes to other parts, resolved after streaming.
struct SheetLinks {
    struct Link {
        CellRange where;
        std::string rel_id, location, tooltip;
    };
    std::vector<Link> hyperlinks;
    std::string drawing;         // r:id of <drawing>
    std::string legacy_drawing;  // r:id of <legacyDrawing> (comment boxes)
    std::string legacy_drawing_hf;
};

// Streams `part` into `sheet`. Unsupported content goes to wb.dropped.
SheetLinks read_sheet(ZipArchive& zip, const std::string& part, Sheet& sheet, SheetInputs& in);

class SheetHandler : public XmlHandler {
public:
    SheetHandler(const std::string& part, Sheet& sheet, SheetInputs& in);
    void start(Ns ns, std::string_view name, const XmlAttrs& attrs) override;
    void end(Ns ns, std::string_view name) override;
    void text(std::string_view chars) override;
    // The unzipped size of the part, which bounds how many cells it can hold.
    void set_part_bytes(std::uint64_t bytes) { part_bytes_ = bytes; }
    void finish();
    SheetLinks links;

private:
    enum class Section : std::uint8_t {
        none,
        data,
        cf,
        validations,
        ext,
        x14_validations,
        header_footer
    };
    enum class Text : std::uint8_t {
        none,
        value,
        formula,
        cf_formula,
        dv_formula1,
        dv_formula2,
        sqref,
        header,
        footer
    };

    // sheet_cells.cpp
    void start_row(const XmlAttrs& attrs);
    void start_cell(const XmlAttrs& attrs);
    void start_formula(const XmlAttrs& attrs);
    void end_cell();
    void count_text(std::size_t bytes);
    void grow_cells();
    std::uint64_t cell_memory_room() const;
    void set_formula(Cell& cell);
    std::uint32_t style_index(std::string_view s, const std::function<std::string()>& where);
    // sheet_reader.cpp
    void start_top_level(std::string_view name, const XmlAttrs& attrs);
    void start_column(const XmlAttrs& attrs);
    void start_page_setup(const XmlAttrs& attrs);
    void start_filter_element(std::string_view name, const XmlAttrs& attrs);
    void reserve_cells(std::string_view dimension);
    void add_merge(const CellRange& range);
    void drop(std::string what);
    // sheet_rules.cpp
    void start_rule_element(Ns ns, std::string_view name, const XmlAttrs& attrs);
    void end_rule_element(Ns ns, std::string_view name);
    void start_validation(const XmlAttrs& attrs);
    void start_ext(const XmlAttrs& attrs);
    void classify_ext(Ns ns, std::string_view name);
    std::vector<CellRange> parse_sqref(std::string_view text);
    void count_rule_ranges(std::size_t ranges, const std::string& where);
    [[noreturn]] void fail_at(const std::string& where, Message reason) const;

    const std::string& part_;
    std::uint64_t part_bytes_ = 0;
    Sheet& sheet_;
    SheetInputs& in_;
    RichTextBuilder rich_;

    int depth_ = 0;
    int skip_depth_ = 0;           // > 0 while skipping a subtree that started at this depth
    int filter_column_depth_ = 0;  // > 0 inside an AutoFilter's <filterColumn> being read
    Section section_ = Section::none;
    std::vector<std::uint32_t>* breaks_ = nullptr;  // inside rowBreaks or colBreaks
    Text text_ = Text::none;
    std::string buffer_;
    std::string value_;  // the last <v> of the current cell

    // sheetData state
    std::int64_t row_ = -1;
    std::uint32_t next_col_ = 0;
    bool in_cell_ = false, in_inline_ = false, in_row_ = false;
    bool sorted_ = true;
    std::uint32_t last_row_ = 0, last_col_ = 0;
    bool any_cell_ = false;
    Cell cell_;
    char type_ = 'n';
    bool has_value_ = false;
    std::string formula_, formula_type_, formula_ref_, shared_index_;
    bool has_formula_ = false;
    struct Master {
        std::uint32_t row, col;
        std::string formula;
    };
    std::unordered_map<std::string, Master> masters_;
    bool dropped_data_table_ = false;

    // rules state
    ConditionalFormat rule_;
    std::vector<CellRange> cf_ranges_;
    DataValidation validation_;
    bool in_color_scale_ = false, in_data_bar_ = false, in_icon_set_ = false;
    int ext_depth_ = 0;
    bool ext_classified_ = false;
    bool first_view_done_ = false;
};

}  // namespace kinerja::read_detail
