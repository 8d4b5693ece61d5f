// Stage 5, streamed: a new workbook written row after row, for outputs too large to hold as a
// model (the batch's rekap.xlsx has a row per satker of a region).
//
//     write_streamed("out/rekap.xlsx", [&](StreamBook& book) {
//         StyleId bold = book.style(bold_style);
//         StreamSheet& sheet = book.add_sheet("Data");
//         sheet.text(0, 0, "Judul", bold);
//         sheet.number(1, 0, 84.57, StyleId{});
//     });
//
// The rules of write_workbook hold: the file is written to a private temp file renamed into
// place (a "disk penuh" OutputError naming the folder when the disk is full), numbers get
// their shortest exact text (engine/write/numbers.hpp), text is cut to Excel's limit and its
// literal "_xHHHH_" sequences and control characters are escaped, and styles are the model's.
// libxlsxwriter runs in constant_memory mode: each row is written out as soon as a later row
// is started, so rows must come in increasing order, and a cell of an earlier row is lost
// (reported in the WriteReport). Memory does not grow with the number of rows.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "model/workbook.hpp"
#include "write/write.hpp"

namespace kinerja {

// A style registered with StreamBook::style(); StyleId{} is the workbook's default style.
using StyleId = std::uint32_t;

struct StreamOptions {
    // As WriteOptions: fsync before the rename, and the folder for libxlsxwriter's temp
    // files (written again beside the destination if that folder is missing or full).
    bool sync = true;
    std::filesystem::path temp_folder;
    // Document properties. The creation date is fixed (2000-01-01), so that the same
    // calls give the same bytes.
    std::string title, creator;
};

// A column chart of one series, its ranges given as formulas ("=Peringkat!$D$5:$D$20").
struct StreamChart {
    std::string title, value_title;  // empty = none
    std::string series_name;         // a formula such as "=Peringkat!$D$4", or plain text
    std::string categories, values;
    bool legend = false;
    double x_scale = 1, y_scale = 1;  // of libxlsxwriter's 480 x 288 pixels
};

class StreamSheet;

class StreamBook {
public:
    // The id of `style`, the same for equal styles. Register the styles before the cells
    // that use them: libxlsxwriter numbers fonts and fills in the order styles are made.
    StyleId style(const Style& style);
    // Throws OutputError for a name Excel refuses (over 31 characters, : \ / ? * [ ], a
    // duplicate).
    StreamSheet& add_sheet(const std::string& name);
    // The sheet shown when the file is opened; the first one by default.
    void activate(const StreamSheet& sheet);

    struct Impl;
    explicit StreamBook(Impl& impl) : impl_(impl) {}

private:
    Impl& impl_;
};

class StreamSheet {
public:
    // Cells. Empty text is a blank cell with the style.
    void text(std::uint32_t row, std::uint32_t col, std::string_view text, StyleId style);
    // A number that is not finite (NaN, infinity) is written as the error #NUM!.
    void number(std::uint32_t row, std::uint32_t col, double value, StyleId style);
    void blank(std::uint32_t row, std::uint32_t col, StyleId style);
    // A formula (without '=') with the value it had when computed.
    void formula(std::uint32_t row, std::uint32_t col, std::string_view formula, double cached,
                 StyleId style);
    void formula(std::uint32_t row, std::uint32_t col, std::string_view formula,
                 std::string_view cached, StyleId style);
    // Merges `range`, writing `text` into its first cell and blanks with the style into the
    // others. In constant_memory mode the cells of rows already written keep what they had:
    // write the merge's first cell before, to merge down into a row being written.
    void merge(const CellRange& range, std::string_view text, StyleId style);

    // Widths in characters, as typed into Excel's column width dialog.
    void column_width(std::uint32_t first, std::uint32_t last, double width);
    // Before the row's cells are written.
    void row_height(std::uint32_t row, double height);
    // Frozen panes, zoom, gridlines, tab colour (SheetView), print setup (PageSetup),
    // autofilter and conditional formats, as write_workbook writes them for a model sheet.
    void view(const SheetView& view);
    void page(const PageSetup& page);
    void autofilter(const CellRange& range);
    void conditional_format(const ConditionalFormat& format);
    // Rows printed at the top of every page (the sheet's _xlnm.Print_Titles).
    void repeat_rows(std::uint32_t first, std::uint32_t last);
    void chart(std::uint32_t row, std::uint32_t col, const StreamChart& chart);

    const std::string& name() const;

    StreamSheet(const StreamSheet&) = delete;
    StreamSheet& operator=(const StreamSheet&) = delete;
    ~StreamSheet();

private:
    friend class StreamBook;
    friend struct StreamBook::Impl;
    struct State;
    explicit StreamSheet(std::unique_ptr<State> state);
    std::unique_ptr<State> state_;
};

// Writes `file` with what `produce` adds. `produce` may run twice, from the start, when
// options.temp_folder turns out to be missing or full. Throws OutputError, or what `produce`
// throws; the destination then keeps its previous content.
WriteReport write_streamed(const std::filesystem::path& file,
                           const std::function<void(StreamBook&)>& produce,
                           const StreamOptions& options = {});

}  // namespace kinerja
