// Conditional formats, data validations and the worksheet's <extLst>.
#include <charconv>

#include "read/sheet_reader.hpp"
#include "read/text.hpp"

namespace kinerja::read_detail {

namespace {

int to_int(std::string_view text, int fallback) {
    auto value = parse_number(text);
    return value && *value > -1e9 && *value < 1e9 ? static_cast<int>(*value) : fallback;
}

// A short English description of an <ext> block for Workbook::dropped.
std::string describe_ext(std::string_view name) {
    if (name == "conditionalFormattings") return "extLst (conditional formatting)";
    if (name == "sparklineGroups") return "extLst (sparklines)";
    if (name == "slicerList") return "extLst (slicers)";
    if (name == "timelineRefs") return "extLst (timelines)";
    if (name == "protectedRanges") return "extLst (protected ranges)";
    if (name == "ignoredErrors") return "extLst (ignored errors)";
    if (name == "webExtensions") return "extLst (web extensions)";
    return "extLst (" + std::string(name) + ")";
}

}  // namespace

std::vector<CellRange> SheetHandler::parse_sqref(std::string_view text) {
    std::vector<CellRange> ranges;
    while (!text.empty()) {
        auto space = text.find(' ');
        std::string_view item = text.substr(0, space);
        text = space == std::string_view::npos ? std::string_view() : text.substr(space + 1);
        CellRange range;
        if (!item.empty() && parse_range(item, range)) {
            count_rule_ranges(1, range_name(range));
            ranges.push_back(range);
        }
    }
    return ranges;
}

void SheetHandler::count_rule_ranges(std::size_t ranges, const std::string& where) {
    in_.rule_ranges += ranges;
    if (in_.rule_ranges <= in_.limits.max_rule_ranges) return;
    std::string limit = std::to_string(in_.limits.max_rule_ranges);
    fail_at(where,
            {"Validasi data dan format bersyarat buku kerja ini memuat terlalu banyak rentang "
             "(batas " +
                 limit + "). Hapus aturan yang berulang, lalu simpan lagi.",
             "The data validations and conditional formats of this workbook hold too many "
             "ranges (limit " +
                 limit + "). Remove repeated rules, then save again."});
}

void SheetHandler::start_validation(const XmlAttrs& attrs) {
    validation_ = DataValidation{};
    std::string_view type = attrs.get("type");
    validation_.type = type.empty() || type == "none" ? "any" : std::string(type);
    std::string_view op = attrs.get("operator");
    validation_.op = op.empty() ? "between" : std::string(op);
    // In the file these flags default to false, unlike the model.
    validation_.allow_blank = flag_value(attrs.get("allowBlank"), false);
    validation_.show_dropdown = !flag_value(attrs.get("showDropDown"), false);
    validation_.show_input = flag_value(attrs.get("showInputMessage"), false);
    validation_.show_error = flag_value(attrs.get("showErrorMessage"), false);
    std::string_view style = attrs.get("errorStyle");
    validation_.error_style = style.empty() ? "stop" : std::string(style);
    validation_.prompt_title = attrs.get("promptTitle");
    validation_.prompt = attrs.get("prompt");
    validation_.error_title = attrs.get("errorTitle");
    validation_.error = attrs.get("error");
    validation_.ranges = parse_sqref(attrs.get("sqref"));
}

void SheetHandler::start_ext(const XmlAttrs&) {
    ext_classified_ = false;
}

void SheetHandler::classify_ext(Ns ns, std::string_view name) {
    ext_classified_ = true;
    if (ns == Ns::x14 && name == "dataValidations") {
        // Lists that reference another sheet live here; the model carries them.
        section_ = Section::x14_validations;
        return;
    }
    drop(describe_ext(name));
    skip_depth_ = depth_;
}

void SheetHandler::start_rule_element(Ns ns, std::string_view name, const XmlAttrs& attrs) {
    if (section_ == Section::ext) {
        if (name == "ext" && depth_ == ext_depth_ + 1) {
            start_ext(attrs);
        } else if (!ext_classified_ && depth_ == ext_depth_ + 2) {
            classify_ext(ns, name);
        }
        return;
    }
    if (section_ == Section::x14_validations) {
        if (ns == Ns::x14 && name == "dataValidation") {
            start_validation(attrs);
        } else if (ns == Ns::x14 && (name == "formula1" || name == "formula2")) {
            text_ = name == "formula1" ? Text::dv_formula1 : Text::dv_formula2;
        } else if (ns == Ns::xm && name == "f") {
            buffer_.clear();
        } else if (ns == Ns::xm && name == "sqref") {
            text_ = Text::sqref;
            buffer_.clear();
        }
        return;
    }
    if (ns != Ns::main) return;
    if (name == "extLst") {
        skip_depth_ = depth_;  // Excel 2010 additions to one rule, kept at sheet level
    } else if (section_ == Section::validations) {
        if (name == "dataValidation") {
            start_validation(attrs);
        } else if (name == "formula1" || name == "formula2") {
            text_ = name == "formula1" ? Text::dv_formula1 : Text::dv_formula2;
            buffer_.clear();
        }
    } else if (name == "cfRule") {
        rule_ = ConditionalFormat{};
        if (!cf_ranges_.empty()) count_rule_ranges(cf_ranges_.size(), range_name(cf_ranges_[0]));
        rule_.ranges = cf_ranges_;
        rule_.type = attrs.get("type");
        rule_.op = attrs.has("operator") ? attrs.get("operator") : attrs.get("timePeriod");
        rule_.priority = to_int(attrs.get("priority"), 0);
        rule_.stop_if_true = flag_value(attrs.get("stopIfTrue"), false);
        rule_.text = attrs.get("text");
        rule_.rank = to_int(attrs.get("rank"), 0);
        rule_.percent = flag_value(attrs.get("percent"), false);
        rule_.bottom = flag_value(attrs.get("bottom"), false);
        rule_.above_average = flag_value(attrs.get("aboveAverage"), true);
        if (attrs.has("dxfId")) {
            int dxf = to_int(attrs.get("dxfId"), -1);
            if (dxf < 0 || static_cast<std::size_t>(dxf) >= in_.styles.dxfs.size()) {
                fail_at("conditionalFormatting", msg_bad_value("dxfId", attrs.get("dxfId")));
            }
            rule_.style = in_.styles.dxfs[static_cast<std::size_t>(dxf)];
        }
    } else if (name == "formula") {
        text_ = Text::cf_formula;
        buffer_.clear();
    } else if (name == "colorScale" || name == "dataBar") {
        (name == "colorScale" ? in_color_scale_ : in_data_bar_) = true;
    } else if (name == "iconSet") {
        in_icon_set_ = true;
        // The model has no field for the icon set's name; it travels in `text`.
        rule_.text = attrs.has("iconSet") ? attrs.get("iconSet") : "3TrafficLights1";
        rule_.reverse_icons = attrs.get("reverse") == "1" || attrs.get("reverse") == "true";
        rule_.icons_only = attrs.get("showValue") == "0" || attrs.get("showValue") == "false";
    } else if (name == "cfvo") {
        rule_.thresholds.emplace_back(attrs.get("type"), attrs.get("val"));
    } else if (name == "color" && (in_color_scale_ || in_data_bar_)) {
        rule_.colors.push_back(in_.colors.resolve(color_spec(attrs)).value_or(0));
    }
}

void SheetHandler::end_rule_element(Ns ns, std::string_view name) {
    if (section_ == Section::ext) {
        if (name == "extLst" && depth_ + 1 == ext_depth_) section_ = Section::none;
        return;
    }
    if (section_ == Section::x14_validations) {
        if (ns == Ns::xm && name == "f") {
            if (text_ == Text::dv_formula1) validation_.formula1 = buffer_;
            if (text_ == Text::dv_formula2) validation_.formula2 = buffer_;
        } else if (ns == Ns::xm && name == "sqref") {
            validation_.ranges = parse_sqref(buffer_);
            text_ = Text::none;
        } else if (ns == Ns::x14 && (name == "formula1" || name == "formula2")) {
            text_ = Text::none;
        } else if (ns == Ns::x14 && name == "dataValidation") {
            sheet_.validations.push_back(std::move(validation_));
        } else if (ns == Ns::x14 && name == "dataValidations") {
            section_ = Section::ext;
            ext_classified_ = true;
        }
        return;
    }
    if (section_ == Section::validations) {
        if (name == "formula1") validation_.formula1 = buffer_;
        if (name == "formula2") validation_.formula2 = buffer_;
        if (name == "formula1" || name == "formula2") text_ = Text::none;
        if (name == "dataValidation") sheet_.validations.push_back(std::move(validation_));
        if (name == "dataValidations") section_ = Section::none;
        return;
    }
    if (name == "formula" && text_ == Text::cf_formula) {
        rule_.formulas.push_back(buffer_);
        text_ = Text::none;
    } else if (name == "colorScale" || name == "dataBar" || name == "iconSet") {
        in_color_scale_ = in_data_bar_ = in_icon_set_ = false;
    } else if (name == "cfRule") {
        sheet_.conditional_formats.push_back(std::move(rule_));
    } else if (name == "conditionalFormatting") {
        section_ = Section::none;
    }
}

}  // namespace kinerja::read_detail
