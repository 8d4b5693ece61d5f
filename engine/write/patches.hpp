// Edits to libxlsxwriter's finished output, for what its 1.1.4 API cannot say.
//
// Each edit carries the report entry to make when it cannot be applied (the
// pattern is not found, the part is too large to edit in memory), so a failed
// edit is reported, never lost silently. What libxlsxwriter wrote before the
// edit is always a valid, close approximation.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "write/detail.hpp"

namespace kinerja::write_detail {

struct Fallback {
    std::string scope, location, what;  // as for Drops::add
};

class Patches {
public:
    // Cell `ref` of sheet `sheet` (0-based) gets type `type` ("b", "e" or "str") and
    // cached value `value`; `drop_formula` removes its <f> (an error constant).
    void cell_value(std::size_t sheet, std::string ref, std::string type, std::string value,
                    bool drop_formula, Fallback fallback);
    // The number cell (row, col) of sheet `sheet`, named `sheet_name`, gets the shortest
    // exact text of `value` (engine/write/numbers.hpp). Kept compact: a sheet may
    // have hundreds of thousands.
    void cell_number(std::size_t sheet, const std::string& sheet_name, std::uint32_t row,
                     std::uint32_t col, double value);
    // <col min max> of columns first..last (0-based) gets the exact stored width.
    void column_width(std::size_t sheet, std::uint32_t first, std::uint32_t last, double width,
                      Fallback fallback);
    // <sheetFormatPr> gets baseColWidth and/or defaultColWidth.
    void default_column_width(std::size_t sheet, std::optional<std::uint16_t> base,
                              std::optional<double> width, Fallback fallback);
    // The cfRule with this priority gets rank `rank` (libxlsxwriter writes 10).
    void top_rank(std::size_t sheet, int priority, int rank, Fallback fallback);
    // The <cfvo>s of the icon set rule of that priority (libxlsxwriter writes only the
    // default percentages) replaced by `cfvos`.
    void icon_thresholds(std::size_t sheet, int priority, std::string cfvos, Fallback fallback);
    // `columns` (<filterColumn>s) added to the sheet's <autoFilter>.
    void filter_columns(std::size_t sheet, std::string columns, Fallback fallback);
    // The `ordinal`-th <dataValidation> of the sheet (from 0) gets this sqref:
    // libxlsxwriter takes a single range per rule.
    void validation_sqref(std::size_t sheet, std::size_t ordinal, std::string sqref,
                          Fallback fallback);
    // <dataValidations count>, which libxlsxwriter counts in 8 bits.
    void validation_count(std::size_t sheet, std::size_t count, Fallback fallback);

    void date1904(Fallback fallback);
    void very_hidden(std::size_t sheet, Fallback fallback);
    void hidden_name(const std::string& name, int local_sheet, Fallback fallback);
    // docProps/core.xml: element such as "cp:lastModifiedBy" gets `text`.
    void core_text(const std::string& element, const std::string& text, Fallback fallback);

    // docProps/core.xml: the element is removed (the model has no such date).
    void core_remove(const std::string& element, Fallback fallback);

    // Removes every occurrence of `text` from `part`. Succeeds when there is none,
    // and when the part does not exist.
    void remove_all(const std::string& part, const std::string& text, Fallback fallback);

    // Any other edit of `part`: `edit` returns whether it found its place and made
    // the change. Edits of one part run in the order they were added.
    using Edit = std::function<bool(std::string& xml)>;
    void edit_part(const std::string& part, Edit edit, Fallback fallback);

    // A new part for the finished file (left out if the file already has one of that name).
    void add_part(const std::string& name, std::string bytes) { added_[name] = std::move(bytes); }

    bool empty() const { return parts_.empty() && added_.empty(); }
    // Edits the finished file, writing the result to `destination` (over `zip` when
    // empty); reports each edit that could not be made. Returns false, having
    // written nothing, when `zip` could not be read as a zip.
    bool apply(const std::filesystem::path& zip, Drops& drops,
               const std::filesystem::path& destination = {});

private:
    struct Pending {
        Edit edit;
        Fallback fallback;
        bool applied = false;
        bool part_optional = false;  // applied if the part is not in the file
    };
    // A cached value of another type (error, boolean...), rare.
    struct TypedValue {
        std::string type, value;
        bool drop_formula = false;
        Fallback fallback;
    };
    static constexpr std::uint32_t number_edit = 0xFFFFFFFFu;
    struct CellEdit {
        std::uint32_t row = 0, col = 0;
        std::uint32_t typed = number_edit;  // index into Part::typed, or a number edit
        double number = 0;
        bool applied = false;
    };
    struct Part {
        std::vector<CellEdit> cells;  // applied in one pass, in sheet order
        std::vector<TypedValue> typed;
        std::string sheet_name;  // for the report of a number edit that failed
        std::vector<Pending> edits;
    };
    Part& sheet_part(std::size_t sheet);
    void add(const std::string& part, Edit edit, Fallback fallback);
    static void edit_cells(std::string& xml, Part& part);
    static void report_cells(const Part& part, bool rewritten, Drops& drops);

    std::map<std::string, Part> parts_;
    std::map<std::string, std::string> added_;
    // All sqrefs of a sheet are set in one pass over its validations.
    struct SqrefJob {
        std::map<std::size_t, std::string> wanted;
        std::set<std::size_t> done;
        bool ran = false;
        void run(std::string& xml);
    };
    std::map<std::size_t, std::shared_ptr<SqrefJob>> sqref_jobs_;
};

// Text escaped for XML content and attribute values, as libxlsxwriter escapes it.
std::string xml_escape(std::string_view text);

// The shortest decimal that reads back as `value` (no locale involved).
std::string shortest_decimal(double value);

}  // namespace kinerja::write_detail
