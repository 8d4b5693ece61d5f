// Data validations: rules kept verbatim as formulas, one rule per range.
#include <string_view>
#include <utility>
#include <vector>

#include "write/detail.hpp"
#include "write/patches.hpp"

namespace kinerja::write_detail {

namespace {

// libxlsxwriter's limits, as Excel's dialog has them.
constexpr std::size_t max_title_chars = 32;
constexpr std::size_t max_message_chars = 255;

std::optional<std::uint8_t> validation_type(const std::string& type) {
    // The *_FORMULA variants write formula1/formula2 as given, so "0", "$A$1",
    // "DATE(2024,1,1)" and "\"Ya,Tidak\"" all come out as they were read.
    static const std::pair<const char*, std::uint8_t> types[] = {
        {"whole", LXW_VALIDATION_TYPE_INTEGER_FORMULA},
        {"decimal", LXW_VALIDATION_TYPE_DECIMAL_FORMULA},
        {"list", LXW_VALIDATION_TYPE_LIST_FORMULA},
        {"date", LXW_VALIDATION_TYPE_DATE_FORMULA},
        {"time", LXW_VALIDATION_TYPE_TIME_FORMULA},
        {"textLength", LXW_VALIDATION_TYPE_LENGTH_FORMULA},
        {"custom", LXW_VALIDATION_TYPE_CUSTOM_FORMULA},
        {"any", LXW_VALIDATION_TYPE_ANY},
        {"", LXW_VALIDATION_TYPE_ANY},
    };
    for (const auto& [name, value] : types)
        if (type == name) return value;
    return std::nullopt;
}

std::optional<std::uint8_t> validation_criteria(const std::string& op) {
    static const std::pair<const char*, std::uint8_t> criteria[] = {
        {"", LXW_VALIDATION_CRITERIA_BETWEEN},  // the file's default operator
        {"between", LXW_VALIDATION_CRITERIA_BETWEEN},
        {"notBetween", LXW_VALIDATION_CRITERIA_NOT_BETWEEN},
        {"equal", LXW_VALIDATION_CRITERIA_EQUAL_TO},
        {"notEqual", LXW_VALIDATION_CRITERIA_NOT_EQUAL_TO},
        {"greaterThan", LXW_VALIDATION_CRITERIA_GREATER_THAN},
        {"lessThan", LXW_VALIDATION_CRITERIA_LESS_THAN},
        {"greaterThanOrEqual", LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO},
        {"lessThanOrEqual", LXW_VALIDATION_CRITERIA_LESS_THAN_OR_EQUAL_TO},
    };
    for (const auto& [name, value] : criteria)
        if (op == name) return value;
    return std::nullopt;
}

// The items of a list written as "a,b,c" (without embedded quotes, within
// libxlsxwriter's 255 characters), or nothing.
std::vector<std::string> literal_list(const DataValidation& dv) {
    const std::string& f = dv.formula1;
    if (dv.type != "list" || f.size() < 2 || f.front() != '"' || f.back() != '"' ||
        f.size() - 2 > 255)
        return {};
    std::string_view inner = std::string_view(f).substr(1, f.size() - 2);
    if (inner.find('"') != std::string_view::npos) return {};
    std::vector<std::string> items;
    std::size_t start = 0;
    for (std::size_t comma; (comma = inner.find(',', start)) != std::string_view::npos;
         start = comma + 1)
        items.emplace_back(inner.substr(start, comma - start));
    items.emplace_back(inner.substr(start));
    return items;
}

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '=')) text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    return text;
}

std::uint8_t on_off(bool value) {
    return value ? LXW_VALIDATION_ON : LXW_VALIDATION_OFF;
}

// Texts beyond libxlsxwriter's limits are cut rather than losing the whole rule.
char* limited(const std::string& text, std::size_t max_chars, std::string& storage,
              const SheetContext& ctx, const std::string& where, const char* what) {
    if (text.empty()) return nullptr;
    storage = utf8_prefix(text, max_chars);
    if (storage.size() != text.size()) ctx.drop(where, what);
    return storage.data();
}

// Returns whether libxlsxwriter took the rule, as its `ordinal`-th of the sheet.
bool write_validation(const SheetContext& ctx, const DataValidation& dv, std::size_t ordinal) {
    std::string where = dv.ranges.empty() ? std::string() : range_name(dv.ranges.front());
    auto type = validation_type(dv.type);
    auto criteria = validation_criteria(dv.op);
    if (!type || !criteria) {
        ctx.drop(where, "data validation of unknown type or operator");
        return false;
    }
    std::string formula1 = dv.formula1, formula2 = dv.formula2;
    std::string input_title, input_message, error_title, error_message;
    lxw_data_validation v{};
    v.validate = *type;
    v.ignore_blank = on_off(dv.allow_blank);
    v.dropdown = on_off(dv.show_dropdown);
    v.show_input = on_off(dv.show_input);
    v.show_error = on_off(dv.show_error);
    v.error_type = dv.error_style == "warning"       ? LXW_VALIDATION_ERROR_TYPE_WARNING
                   : dv.error_style == "information" ? LXW_VALIDATION_ERROR_TYPE_INFORMATION
                                                     : LXW_VALIDATION_ERROR_TYPE_STOP;
    bool ranged = *type != LXW_VALIDATION_TYPE_LIST_FORMULA &&
                  *type != LXW_VALIDATION_TYPE_CUSTOM_FORMULA && *type != LXW_VALIDATION_TYPE_ANY;
    bool two = ranged && (*criteria == LXW_VALIDATION_CRITERIA_BETWEEN ||
                          *criteria == LXW_VALIDATION_CRITERIA_NOT_BETWEEN);
    // A rule without its formula (a list whose source was deleted) would be written with an
    // empty <formula1>, which Excel repairs; it keeps its messages and limits nothing.
    if (*type != LXW_VALIDATION_TYPE_ANY &&
        (trimmed(formula1).empty() || trimmed(formula1) == "\"\"" ||
         (two && trimmed(formula2).empty()))) {
        ctx.drop(where, "data validation without its formula written as any value");
        v.validate = LXW_VALIDATION_TYPE_ANY;
        ranged = false;
    }
    if (ranged) {
        v.criteria = *criteria;
        if (two) {
            v.minimum_formula = formula1.data();
            v.maximum_formula = formula2.data();
        } else {
            v.value_formula = formula1.data();
        }
    } else if (v.validate != LXW_VALIDATION_TYPE_ANY) {
        v.value_formula = formula1.data();
    }
    // A literal list goes in as items: same XML, and libxlsxwriter 1.1.4 leaks the
    // string of a LIST_FORMULA rule.
    std::vector<std::string> items;
    if (v.validate != LXW_VALIDATION_TYPE_ANY) items = literal_list(dv);
    std::vector<char*> item_pointers;
    if (!items.empty()) {
        for (auto& item : items) item_pointers.push_back(item.data());
        item_pointers.push_back(nullptr);
        v.validate = LXW_VALIDATION_TYPE_LIST;
        v.value_formula = nullptr;
        v.value_list = item_pointers.data();
    }
    v.input_title = limited(dv.prompt_title, max_title_chars, input_title, ctx, where,
                            "data validation prompt title over 32 characters truncated");
    v.input_message = limited(dv.prompt, max_message_chars, input_message, ctx, where,
                              "data validation prompt over 255 characters truncated");
    v.error_title = limited(dv.error_title, max_title_chars, error_title, ctx, where,
                            "data validation error title over 32 characters truncated");
    v.error_message = limited(dv.error, max_message_chars, error_message, ctx, where,
                              "data validation error message over 255 characters truncated");
    std::vector<CellRange> ranges;
    for (const CellRange& r : dv.ranges) {
        if (r.last_row < max_rows && r.last_col < max_cols)
            ranges.push_back(r);
        else
            ctx.drop(range_name(r), "data validation range out of bounds");
    }
    if (ranges.empty()) return false;
    // Any other list (a range such as $H$1:$H$3, a name) would leak: libxlsxwriter 1.1.4
    // copies the formula of a LIST_FORMULA rule twice and frees one copy. It goes in as
    // a custom rule, copied once and otherwise the same, and is made a list again below.
    bool formula_list = v.validate == LXW_VALIDATION_TYPE_LIST_FORMULA;
    if (formula_list) v.validate = LXW_VALIDATION_TYPE_CUSTOM_FORMULA;
    lxw_data_val_obj** appended = ctx.sheet->data_validations->stqh_last;
    // libxlsxwriter takes one range per rule: the others are patched into its sqref.
    const CellRange& first = ranges.front();
    if (!ctx.check(worksheet_data_validation_range(
                       ctx.sheet, first.first_row, static_cast<lxw_col_t>(first.first_col),
                       first.last_row, static_cast<lxw_col_t>(first.last_col), &v),
                   range_name(first), "data validation"))
        return false;
    if (formula_list && *appended) (*appended)->validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
    if (ranges.size() > 1) {
        std::string sqref;
        for (const CellRange& r : ranges) {
            if (!sqref.empty()) sqref += ' ';
            sqref += range_name(r);
        }
        ctx.patches.validation_sqref(
            ctx.index, ordinal, sqref,
            {ctx.model.name, sqref, "data validation ranges beyond the first"});
    }
    return true;
}

}  // namespace

void write_validations(const SheetContext& ctx) {
    std::size_t rules = 0;
    for (const DataValidation& dv : ctx.model.validations)
        if (write_validation(ctx, dv, rules)) ++rules;
    // libxlsxwriter 1.1.4 counts them in a uint8_t: <dataValidations count> wraps.
    if (rules > 255)
        ctx.patches.validation_count(
            ctx.index, rules,
            {ctx.model.name, "", "more than 255 data validations: the count is wrong"});
}

}  // namespace kinerja::write_detail
