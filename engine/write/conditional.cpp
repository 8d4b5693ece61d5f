// Conditional formats: ECMA-376 cfRule types mapped onto lxw_conditional_format.
#include <algorithm>
#include <deque>
#include <utility>

#include "write/detail.hpp"
#include "write/formats.hpp"
#include "write/patches.hpp"

namespace kinerja::write_detail {

namespace {

template <std::size_t N>
std::optional<std::uint8_t> lookup(const std::pair<const char*, std::uint8_t> (&table)[N],
                                   const std::string& key) {
    for (const auto& [name, value] : table)
        if (key == name) return value;
    return std::nullopt;
}

const std::pair<const char*, std::uint8_t> cell_criteria[] = {
    {"equal", LXW_CONDITIONAL_CRITERIA_EQUAL_TO},
    {"notEqual", LXW_CONDITIONAL_CRITERIA_NOT_EQUAL_TO},
    {"greaterThan", LXW_CONDITIONAL_CRITERIA_GREATER_THAN},
    {"lessThan", LXW_CONDITIONAL_CRITERIA_LESS_THAN},
    {"greaterThanOrEqual", LXW_CONDITIONAL_CRITERIA_GREATER_THAN_OR_EQUAL_TO},
    {"lessThanOrEqual", LXW_CONDITIONAL_CRITERIA_LESS_THAN_OR_EQUAL_TO},
    {"between", LXW_CONDITIONAL_CRITERIA_BETWEEN},
    {"notBetween", LXW_CONDITIONAL_CRITERIA_NOT_BETWEEN},
};

const std::pair<const char*, std::uint8_t> text_criteria[] = {
    {"containsText", LXW_CONDITIONAL_CRITERIA_TEXT_CONTAINING},
    {"notContainsText", LXW_CONDITIONAL_CRITERIA_TEXT_NOT_CONTAINING},
    {"beginsWith", LXW_CONDITIONAL_CRITERIA_TEXT_BEGINS_WITH},
    {"endsWith", LXW_CONDITIONAL_CRITERIA_TEXT_ENDS_WITH},
};

const std::pair<const char*, std::uint8_t> time_periods[] = {
    {"yesterday", LXW_CONDITIONAL_CRITERIA_TIME_PERIOD_YESTERDAY},
    {"today", LXW_CONDITIONAL_CRITERIA_TIME_PERIOD_TODAY},
    {"tomorrow", LXW_CONDITIONAL_CRITERIA_TIME_PERIOD_TOMORROW},
    {"last7Days", LXW_CONDITIONAL_CRITERIA_TIME_PERIOD_LAST_7_DAYS},
    {"lastWeek", LXW_CONDITIONAL_CRITERIA_TIME_PERIOD_LAST_WEEK},
    {"thisWeek", LXW_CONDITIONAL_CRITERIA_TIME_PERIOD_THIS_WEEK},
    {"nextWeek", LXW_CONDITIONAL_CRITERIA_TIME_PERIOD_NEXT_WEEK},
    {"lastMonth", LXW_CONDITIONAL_CRITERIA_TIME_PERIOD_LAST_MONTH},
    {"thisMonth", LXW_CONDITIONAL_CRITERIA_TIME_PERIOD_THIS_MONTH},
    {"nextMonth", LXW_CONDITIONAL_CRITERIA_TIME_PERIOD_NEXT_MONTH},
};

const std::pair<const char*, std::uint8_t> simple_types[] = {
    {"expression", LXW_CONDITIONAL_TYPE_FORMULA},
    {"duplicateValues", LXW_CONDITIONAL_TYPE_DUPLICATE},
    {"uniqueValues", LXW_CONDITIONAL_TYPE_UNIQUE},
    {"containsBlanks", LXW_CONDITIONAL_TYPE_BLANKS},
    {"notContainsBlanks", LXW_CONDITIONAL_TYPE_NO_BLANKS},
    {"containsErrors", LXW_CONDITIONAL_TYPE_ERRORS},
    {"notContainsErrors", LXW_CONDITIONAL_TYPE_NO_ERRORS},
};

// ST_IconSetType names; an icon set's thresholds other than libxlsxwriter's defaults are
// patched in (Patches::icon_thresholds).
const std::pair<const char*, std::uint8_t> icon_sets[] = {
    {"3Arrows", LXW_CONDITIONAL_ICONS_3_ARROWS_COLORED},
    {"3ArrowsGray", LXW_CONDITIONAL_ICONS_3_ARROWS_GRAY},
    {"3Flags", LXW_CONDITIONAL_ICONS_3_FLAGS},
    {"3TrafficLights1", LXW_CONDITIONAL_ICONS_3_TRAFFIC_LIGHTS_UNRIMMED},
    {"3TrafficLights2", LXW_CONDITIONAL_ICONS_3_TRAFFIC_LIGHTS_RIMMED},
    {"3Signs", LXW_CONDITIONAL_ICONS_3_SIGNS},
    {"3Symbols", LXW_CONDITIONAL_ICONS_3_SYMBOLS_CIRCLED},
    {"3Symbols2", LXW_CONDITIONAL_ICONS_3_SYMBOLS_UNCIRCLED},
    {"4Arrows", LXW_CONDITIONAL_ICONS_4_ARROWS_COLORED},
    {"4ArrowsGray", LXW_CONDITIONAL_ICONS_4_ARROWS_GRAY},
    {"4RedToBlack", LXW_CONDITIONAL_ICONS_4_RED_TO_BLACK},
    {"4Rating", LXW_CONDITIONAL_ICONS_4_RATINGS},
    {"4TrafficLights", LXW_CONDITIONAL_ICONS_4_TRAFFIC_LIGHTS},
    {"5Arrows", LXW_CONDITIONAL_ICONS_5_ARROWS_COLORED},
    {"5ArrowsGray", LXW_CONDITIONAL_ICONS_5_ARROWS_GRAY},
    {"5Rating", LXW_CONDITIONAL_ICONS_5_RATINGS},
    {"5Quarters", LXW_CONDITIONAL_ICONS_5_QUARTERS},
};

const std::pair<const char*, std::uint8_t> cfvo_types[] = {
    {"min", LXW_CONDITIONAL_RULE_TYPE_MINIMUM},
    {"max", LXW_CONDITIONAL_RULE_TYPE_MAXIMUM},
    {"num", LXW_CONDITIONAL_RULE_TYPE_NUMBER},
    {"percent", LXW_CONDITIONAL_RULE_TYPE_PERCENT},
    {"percentile", LXW_CONDITIONAL_RULE_TYPE_PERCENTILE},
    {"formula", LXW_CONDITIONAL_RULE_TYPE_FORMULA},
};

// Owns the strings an lxw_conditional_format points into.
struct Rule {
    lxw_conditional_format cf{};
    std::deque<std::string> strings;  // a deque never moves its elements
    char* keep(std::string text) {
        strings.push_back(std::move(text));
        return strings.back().data();
    }
};

// Fills thresholds and colours of a colour scale or data bar; false if unusable.
bool set_scale(Rule& rule, const ConditionalFormat& model) {
    struct Point {
        std::uint8_t* type;
        char** value;
        lxw_color_t* color;
    };
    lxw_conditional_format& cf = rule.cf;
    std::vector<Point> points{{&cf.min_rule_type, &cf.min_value_string, &cf.min_color}};
    if (model.type == "colorScale" && model.thresholds.size() == 3)
        points.push_back({&cf.mid_rule_type, &cf.mid_value_string, &cf.mid_color});
    points.push_back({&cf.max_rule_type, &cf.max_value_string, &cf.max_color});
    if (model.thresholds.size() != points.size()) return false;
    for (std::size_t i = 0; i < points.size(); ++i) {
        auto type = lookup(cfvo_types, model.thresholds[i].first);
        if (!type) return false;
        *points[i].type = *type;
        if (!model.thresholds[i].second.empty())
            *points[i].value = rule.keep(model.thresholds[i].second);
        if (model.type == "colorScale") {
            if (i >= model.colors.size()) return false;
            *points[i].color = lxw_rgb(model.colors[i]);
        }
    }
    if (model.type == "dataBar") {
        if (model.colors.empty()) return false;
        cf.bar_color = lxw_rgb(model.colors.front());
    }
    cf.type = model.type == "dataBar"        ? LXW_CONDITIONAL_DATA_BAR
              : model.thresholds.size() == 3 ? LXW_CONDITIONAL_3_COLOR_SCALE
                                             : LXW_CONDITIONAL_2_COLOR_SCALE;
    return true;
}

// Sets type, criteria and values; false if libxlsxwriter cannot express the rule.
// A text rule whose text holds '"' as the formula rule it stands for: libxlsxwriter puts the
// text between quotes without doubling them, which leaves the formula unbalanced. `cell`
// is the top-left cell of the rule's first range, which the formula is relative to.
std::string text_rule_formula(const ConditionalFormat& model, const std::string& cell) {
    std::string quoted = "\"";
    for (char c : model.text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    quoted += '"';
    if (model.type == "containsText") return "NOT(ISERROR(SEARCH(" + quoted + "," + cell + ")))";
    if (model.type == "notContainsText") return "ISERROR(SEARCH(" + quoted + "," + cell + "))";
    if (model.type == "beginsWith") return "LEFT(" + cell + ",LEN(" + quoted + "))=" + quoted;
    return "RIGHT(" + cell + ",LEN(" + quoted + "))=" + quoted;
}

bool set_rule(Rule& rule, const ConditionalFormat& model, const CellRange& first) {
    lxw_conditional_format& cf = rule.cf;
    const auto& f = model.formulas;
    if (model.type == "cellIs") {
        auto criteria = lookup(cell_criteria, model.op);
        if (!criteria || f.empty()) return false;
        cf.type = LXW_CONDITIONAL_TYPE_CELL;
        cf.criteria = *criteria;
        bool two = *criteria == LXW_CONDITIONAL_CRITERIA_BETWEEN ||
                   *criteria == LXW_CONDITIONAL_CRITERIA_NOT_BETWEEN;
        if (two && f.size() < 2) return false;
        if (two) {
            cf.min_value_string = rule.keep(f[0]);
            cf.max_value_string = rule.keep(f[1]);
        } else {
            cf.value_string = rule.keep(f[0]);
        }
        return true;
    }
    if (auto criteria = lookup(text_criteria, model.type)) {
        if (model.text.find('"') != std::string::npos) {
            cf.type = LXW_CONDITIONAL_TYPE_FORMULA;
            std::string cell = cell_name(first.first_row, first.first_col);
            cf.value_string = rule.keep(text_rule_formula(model, cell));
            return true;
        }
        cf.type = LXW_CONDITIONAL_TYPE_TEXT;
        cf.criteria = *criteria;
        cf.value_string = rule.keep(model.text);
        return !model.text.empty();
    }
    if (model.type == "timePeriod") {
        auto period = lookup(time_periods, model.op);
        cf.type = LXW_CONDITIONAL_TYPE_TIME_PERIOD;
        cf.criteria = period.value_or(0);
        return period.has_value();
    }
    if (auto type = lookup(simple_types, model.type)) {
        cf.type = *type;
        if (*type != LXW_CONDITIONAL_TYPE_FORMULA) return true;
        if (f.empty()) return false;
        cf.value_string = rule.keep(f[0]);
        return true;
    }
    if (model.type == "top10") {
        // libxlsxwriter 1.1.4 writes rank 10 whatever it is given; write_rule patches it.
        cf.type = model.bottom ? LXW_CONDITIONAL_TYPE_BOTTOM : LXW_CONDITIONAL_TYPE_TOP;
        cf.value = 10;
        if (model.percent) cf.criteria = LXW_CONDITIONAL_CRITERIA_TOP_OR_BOTTOM_PERCENT;
        return true;
    }
    if (model.type == "aboveAverage") {
        cf.type = LXW_CONDITIONAL_TYPE_AVERAGE;
        cf.criteria = model.above_average ? LXW_CONDITIONAL_CRITERIA_AVERAGE_ABOVE
                                          : LXW_CONDITIONAL_CRITERIA_AVERAGE_BELOW;
        return true;
    }
    if (model.type == "colorScale" || model.type == "dataBar") return set_scale(rule, model);
    if (model.type == "iconSet") {
        auto style = lookup(icon_sets, model.text);
        std::size_t icons = model.text.empty() ? 0 : static_cast<std::size_t>(model.text[0] - '0');
        bool usable = std::all_of(model.thresholds.begin(), model.thresholds.end(),
                                  [](const auto& t) { return lookup(cfvo_types, t.first); });
        if (!style || !usable || (!model.thresholds.empty() && model.thresholds.size() != icons))
            return false;
        cf.type = LXW_CONDITIONAL_TYPE_ICON_SETS;
        cf.icon_style = *style;
        cf.reverse_icons = model.reverse_icons;
        cf.icons_only = model.icons_only;
        return true;
    }
    return false;
}

// The source's <cfvo>s of an icon set, for Patches::icon_thresholds.
std::string icon_thresholds(const ConditionalFormat& model) {
    std::string xml;
    for (const auto& [type, value] : model.thresholds) {
        xml += "<cfvo type=\"" + xml_escape(type) + "\"";
        if (!value.empty()) xml += " val=\"" + xml_escape(value) + "\"";
        xml += "/>";
    }
    return xml;
}

// Returns whether libxlsxwriter took the rule (and so gave it the next priority).
bool write_rule(const SheetContext& ctx, const ConditionalFormat& model, int priority) {
    std::vector<CellRange> ranges;
    for (const CellRange& r : model.ranges) {
        if (r.last_row < max_rows && r.last_col < max_cols)
            ranges.push_back(r);
        else
            ctx.drop(range_name(r), "conditional format range out of bounds");
    }
    if (ranges.empty()) return false;
    std::string where = range_name(ranges.front());
    Rule rule;
    if (!set_rule(rule, model, ranges.front())) {
        ctx.drop(where, "conditional format of type '" + model.type + "' not supported");
        return false;
    }
    if (model.style) rule.cf.format = ctx.formats.diff(*model.style, ctx.model.name, where);
    rule.cf.stop_if_true = model.stop_if_true;
    std::string sqref;
    for (const CellRange& r : ranges) {
        std::string next = sqref.empty() ? range_name(r) : sqref + " " + range_name(r);
        if (next.size() >= LXW_MAX_ATTRIBUTE_LENGTH) {
            ctx.drop(where, "conditional format ranges beyond 2079 characters left out");
            break;
        }
        sqref = std::move(next);
    }
    if (ranges.size() > 1) rule.cf.multi_range = sqref.data();
    const CellRange& first = ranges.front();
    bool written =
        ctx.check(worksheet_conditional_format_range(
                      ctx.sheet, first.first_row, static_cast<lxw_col_t>(first.first_col),
                      first.last_row, static_cast<lxw_col_t>(first.last_col), &rule.cf),
                  where, "conditional format");
    int rank = model.rank > 0 ? model.rank : 10;
    if (written && model.type == "top10" && rank != 10)
        ctx.patches.top_rank(
            ctx.index, priority, rank,
            {ctx.model.name, where, "top/bottom conditional format rank set to 10"});
    if (written && model.type == "iconSet" && !model.thresholds.empty())
        ctx.patches.icon_thresholds(
            ctx.index, priority, icon_thresholds(model),
            {ctx.model.name, where, "icon set thresholds set to the default percentages"});
    return written;
}

}  // namespace

void write_conditional_formats(const SheetContext& ctx) {
    // libxlsxwriter numbers rules in the order they are added, so add them in
    // the file's priority order.
    std::vector<const ConditionalFormat*> rules;
    for (const auto& cf : ctx.model.conditional_formats) rules.push_back(&cf);
    std::stable_sort(rules.begin(), rules.end(),
                     [](const auto* a, const auto* b) { return a->priority < b->priority; });
    int priority = 1;  // as libxlsxwriter numbers the rules it takes
    for (const ConditionalFormat* cf : rules)
        if (write_rule(ctx, *cf, priority)) ++priority;
}

}  // namespace kinerja::write_detail
