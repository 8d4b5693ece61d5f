// Model styles turned into libxlsxwriter formats, created on first use.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "write/detail.hpp"

namespace kinerja::write_detail {

class FormatCache {
public:
    // `fresh`: for a workbook made from nothing (engine/write/stream.hpp), whose styles are
    // added to `model` while it is written. What a style leaves unset (an automatic font
    // colour, font family 0, no font scheme) then keeps libxlsxwriter's default, and its
    // default format is left as it is: nothing is read from a file that needs keeping.
    FormatCache(lxw_workbook* book, const Workbook& model, Drops& drops, bool fresh = false);

    // The format of model style `index`. Never null: a cell written with its own
    // format keeps its style even in a row or column that has another style.
    lxw_format* cell(std::uint32_t index);
    // Style `index` with the font replaced, for rich text runs.
    lxw_format* with_font(std::uint32_t index, const Font& font);
    // A differential format for a conditional format rule.
    lxw_format* diff(const DiffStyle& style, const std::string& sheet, const std::string& where);
    // libxlsxwriter writes <color theme="1"/> for a font without colour. Such fonts
    // get this colour, used nowhere else, for the writer to remove afterwards.
    Rgb automatic_marker() const { return automatic_marker_; }
    bool automatic_marker_used() const { return automatic_marker_used_; }

private:
    const Style& style(std::uint32_t index);
    lxw_format* build(const Style& style, const std::string& where);
    void apply_style(lxw_format* format, const Style& style, const std::string& where);
    void apply_font(lxw_format* format, const Font& font, const std::string& where);
    void apply_num_format(lxw_format* format, const std::string& code, const std::string& scope,
                          const std::string& where);
    void apply_fill(lxw_format* format, const Fill& fill, const std::string& where);
    void apply_border(lxw_format* format, const Border& border);
    void apply_alignment(lxw_format* format, const Alignment& alignment, const std::string& where);

    lxw_workbook* book_;
    const Workbook& model_;
    Drops& drops_;
    std::vector<lxw_format*> by_index_;
    std::map<std::string, lxw_format*> by_font_;
    Rgb automatic_marker_ = 0;
    bool automatic_marker_used_ = false;
    bool fresh_ = false;
};

}  // namespace kinerja::write_detail
