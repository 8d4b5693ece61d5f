// A workbook streamed through libxlsxwriter's constant_memory mode (write/stream.hpp). Cells
// go straight to libxlsxwriter, with the writer's rules for text and numbers (detail.hpp,
// exact_rows.hpp); the sheet-level parts are collected in a model Sheet and written by the
// same functions as a model's (write_view, write_page_setup, write_conditional_formats) when
// the workbook is closed.
#include "write/stream.hpp"

#include <cerrno>
#include <cmath>
#include <cstring>
#include <ctime>
#include <optional>
#include <vector>

#include "common/atomic_output.hpp"
#include "write/detail.hpp"
#include "write/exact_rows.hpp"
#include "write/formats.hpp"
#include "write/patches.hpp"

namespace kinerja {

namespace fs = std::filesystem;
using namespace write_detail;

namespace {

constexpr std::time_t fixed_created = 946684800;  // 2000-01-01T00:00:00Z, as write_workbook
constexpr std::size_t max_formula_chars = 8192;   // Excel's limit for a formula's text
constexpr double max_width = 255, max_height = 409;

fs::path folder_of(const fs::path& file) {
    return file.parent_path().empty() ? fs::path(".") : file.parent_path();
}

}  // namespace

struct StreamBook::Impl {
    std::string file;  // the destination, for messages
    Workbook model;    // its styles; each sheet's parts are in its StreamSheet
    Drops drops;
    Patches patches;  // none for what the rekap writes; applied like write_workbook's if any
    std::vector<std::unique_ptr<StreamSheet>> sheets;
    lxw_workbook* book = nullptr;
    std::optional<FormatCache> formats;
    std::size_t charts_written = 0;
    PictureFiles pictures;
    const StreamSheet* active = nullptr;

    // Freed first (the body runs before the members go): closes the sheets' row files
    // libxlsxwriter still holds, before their ExactRows.
    ~Impl() {
        if (book) lxw_workbook_free(book);
    }
    lxw_format* format(StyleId id) { return id == 0 ? nullptr : formats->cell(id); }
    void finish(const fs::path& zip);
};

struct StreamSheet::State {
    StreamBook::Impl& book;
    lxw_worksheet* sheet;
    Sheet model;  // the name and the parts written when the workbook is closed
    std::size_t index;
    ExactRows exact;
    bool exact_attached = false;
    std::string scratch;  // the last formula's text with its terminating zero

    SheetContext context() {
        return {book.book,  sheet,        model, book.model,          *book.formats,
                book.drops, book.patches, index, book.charts_written, book.pictures};
    }
    // Records a call libxlsxwriter refused; true when it succeeded.
    bool check(lxw_error error, std::uint32_t row, std::uint32_t col, const char* what) {
        if (error == LXW_NO_ERROR) return true;
        std::string where = cell_name(std::min(row, max_rows - 1), std::min(col, max_cols - 1));
        book.drops.add(model.name, where,
                       std::string(what) + " (libxlsxwriter: " + lxw_strerror(error) + ")");
        return false;
    }
    const char* terminated(std::string_view text) {
        scratch.assign(text);
        return scratch.c_str();
    }
};

StreamSheet::StreamSheet(std::unique_ptr<State> state) : state_(std::move(state)) {}
StreamSheet::~StreamSheet() = default;

const std::string& StreamSheet::name() const {
    return state_->model.name;
}

void StreamSheet::text(std::uint32_t row, std::uint32_t col, std::string_view text, StyleId style) {
    if (text.empty()) return blank(row, col, style);
    State& s = *state_;
    bool cut = false;
    std::string kept = cell_text(text, cut);
    if (cut)
        s.book.drops.add(s.model.name, cell_name(row, col),
                         "text longer than 32767 characters truncated");
    s.exact.forget(row, col);
    s.check(worksheet_write_string(s.sheet, row, static_cast<lxw_col_t>(col), kept.c_str(),
                                   s.book.format(style)),
            row, col, "text");
}

void StreamSheet::number(std::uint32_t row, std::uint32_t col, double value, StyleId style) {
    State& s = *state_;
    if (!std::isfinite(value)) {
        s.book.drops.add(s.model.name, cell_name(row, col),
                         "infinite or NaN number written as the formula =#NUM!");
        return formula(row, col, "#NUM!", "#NUM!", style);
    }
    if (s.check(worksheet_write_number(s.sheet, row, static_cast<lxw_col_t>(col), value,
                                       s.book.format(style)),
                row, col, "number"))
        s.exact.expect(row, col, value);
}

void StreamSheet::blank(std::uint32_t row, std::uint32_t col, StyleId style) {
    State& s = *state_;
    s.exact.forget(row, col);
    s.check(worksheet_write_blank(s.sheet, row, static_cast<lxw_col_t>(col), s.book.format(style)),
            row, col, "blank cell");
}

void StreamSheet::formula(std::uint32_t row, std::uint32_t col, std::string_view formula,
                          double cached, StyleId style) {
    State& s = *state_;
    if (!std::isfinite(cached)) {
        s.book.drops.add(s.model.name, cell_name(row, col),
                         "infinite or NaN formula result cached as #NUM!");
        return this->formula(row, col, formula, "#NUM!", style);
    }
    if (formula.size() > max_formula_chars && utf8_length(formula) > max_formula_chars) {
        s.book.drops.add(s.model.name, cell_name(row, col),
                         "formula longer than 8192 characters written as its last value");
        return number(row, col, cached, style);
    }
    if (s.check(worksheet_write_formula_num(s.sheet, row, static_cast<lxw_col_t>(col),
                                            s.terminated(formula), s.book.format(style), cached),
                row, col, "formula"))
        s.exact.expect(row, col, cached);
}

void StreamSheet::formula(std::uint32_t row, std::uint32_t col, std::string_view formula,
                          std::string_view cached, StyleId style) {
    State& s = *state_;
    bool cut = false;
    std::string kept = cell_text(cached, cut);
    if (formula.size() > max_formula_chars && utf8_length(formula) > max_formula_chars) {
        s.book.drops.add(s.model.name, cell_name(row, col),
                         "formula longer than 8192 characters written as its last value");
        return text(row, col, kept, style);
    }
    s.exact.forget(row, col);
    s.check(worksheet_write_formula_str(s.sheet, row, static_cast<lxw_col_t>(col),
                                        s.terminated(formula), s.book.format(style), kept.c_str()),
            row, col, "formula");
}

void StreamSheet::merge(const CellRange& range, std::string_view text, StyleId style) {
    State& s = *state_;
    bool cut = false;
    std::string kept = cell_text(text, cut);
    s.check(worksheet_merge_range(s.sheet, range.first_row, static_cast<lxw_col_t>(range.first_col),
                                  range.last_row, static_cast<lxw_col_t>(range.last_col),
                                  kept.c_str(), s.book.format(style)),
            range.first_row, range.first_col, "merged range");
}

void StreamSheet::column_width(std::uint32_t first, std::uint32_t last, double width) {
    State& s = *state_;
    if (!in_range(width, 0, max_width)) {
        s.book.drops.add(s.model.name, column_name(std::min(first, max_cols - 1)),
                         "column width out of range");
        return;
    }
    s.check(worksheet_set_column(s.sheet, static_cast<lxw_col_t>(first),
                                 static_cast<lxw_col_t>(last), width, nullptr),
            0, first, "column width");
}

void StreamSheet::row_height(std::uint32_t row, double height) {
    State& s = *state_;
    if (!in_range(height, 0, max_height)) {
        s.book.drops.add(s.model.name, "row " + std::to_string(row + 1), "row height out of range");
        return;
    }
    s.check(worksheet_set_row(s.sheet, row, height, nullptr), row, 0, "row height");
}

void StreamSheet::view(const SheetView& view) {
    state_->model.view = view;
}

void StreamSheet::page(const PageSetup& page) {
    state_->model.page = page;
}

void StreamSheet::autofilter(const CellRange& range) {
    state_->model.autofilter = AutoFilter{range, {}};
}

void StreamSheet::conditional_format(const ConditionalFormat& format) {
    state_->model.conditional_formats.push_back(format);
}

void StreamSheet::repeat_rows(std::uint32_t first, std::uint32_t last) {
    State& s = *state_;
    s.check(worksheet_repeat_rows(s.sheet, first, last), first, 0, "rows repeated on every page");
}

void StreamSheet::chart(std::uint32_t row, std::uint32_t col, const StreamChart& chart) {
    State& s = *state_;
    lxw_chart* c = workbook_add_chart(s.book.book, LXW_CHART_COLUMN);
    lxw_chart_series* series =
        c ? chart_add_series(c, chart.categories.c_str(), chart.values.c_str()) : nullptr;
    if (!series) {
        s.book.drops.add(s.model.name, cell_name(row, col),
                         "chart (libxlsxwriter could not create it)");
        return;
    }
    if (!chart.series_name.empty()) chart_series_set_name(series, chart.series_name.c_str());
    if (!chart.title.empty()) chart_title_set_name(c, chart.title.c_str());
    chart_legend_set_position(c, chart.legend ? LXW_CHART_LEGEND_BOTTOM : LXW_CHART_LEGEND_NONE);
    if (!chart.value_title.empty()) chart_axis_set_name(c->y_axis, chart.value_title.c_str());
    lxw_chart_options options{};
    options.x_scale = chart.x_scale;
    options.y_scale = chart.y_scale;
    if (s.check(worksheet_insert_chart_opt(s.sheet, row, static_cast<lxw_col_t>(col), c, &options),
                row, col, "chart"))
        ++s.book.charts_written;
}

StyleId StreamBook::style(const Style& style) {
    StyleId id = impl_.model.intern_style(style);
    impl_.format(id);  // made now: libxlsxwriter numbers fonts in the order formats are made
    return id;
}

StreamSheet& StreamBook::add_sheet(const std::string& name) {
    lxw_error error = workbook_validate_sheet_name(impl_.book, name.c_str());
    if (error != LXW_NO_ERROR) throw sheet_name_error(impl_.file, name, error);
    errno = 0;
    lxw_worksheet* sheet = workbook_add_worksheet(impl_.book, name.c_str());
    if (!sheet) {
        // In constant_memory mode the sheet's row file is made here, in the temp folder.
        std::string reason = errno ? std::strerror(errno) : "libxlsxwriter";
        throw OutputError(
            impl_.file,
            {"tidak dapat membuat berkas sementara untuk lembar '" + name + "': " + reason,
             "cannot create the temp file of sheet '" + name + "': " + reason});
    }
    auto state = std::unique_ptr<StreamSheet::State>(
        new StreamSheet::State{impl_, sheet, Sheet{}, impl_.sheets.size(), {}, false, {}});
    state->model.name = name;
    state->exact_attached = state->exact.attach(sheet);
    if (!state->exact_attached)
        impl_.drops.add(name, "", "numbers written with 16 significant digits");
    impl_.sheets.push_back(std::unique_ptr<StreamSheet>(new StreamSheet(std::move(state))));
    return *impl_.sheets.back();
}

void StreamBook::activate(const StreamSheet& sheet) {
    impl_.active = &sheet;
}

void StreamBook::Impl::finish(const fs::path& zip) {
    if (sheets.empty()) StreamBook(*this).add_sheet("Sheet1");
    for (auto& sheet : sheets) {
        SheetContext ctx = sheet->state_->context();
        write_view(ctx);
        write_page_setup(ctx);
        write_conditional_formats(ctx);
    }
    if (active) worksheet_activate(active->state_->sheet);
    errno = 0;
    lxw_workbook* closing = book;
    book = nullptr;  // workbook_close frees it, whatever happens
    lxw_error error = workbook_close(closing);
    int close_errno = errno;
    for (auto& sheet : sheets)
        if (int row_error = sheet->state_->exact.error()) {
            errno = row_error;
            std::string reason = std::strerror(row_error);
            throw OutputError(file, {"gagal menulis berkas sementara: " + reason,
                                     "could not write a temp file: " + reason});
        }
    if (error != LXW_NO_ERROR) {
        errno = close_errno;
        std::string reason = lxw_strerror(error);
        throw OutputError(file, {"gagal menulis berkas xlsx: " + reason,
                                 "could not write the xlsx file: " + reason});
    }
    for (auto& sheet : sheets)
        if (std::size_t missed = sheet->state_->exact.missed())
            drops.add(sheet->name(), "",
                      std::to_string(missed) + " numbers written with 16 significant digits");
    if (!patches.empty()) patches.apply(zip, drops);
}

namespace {

// Writes the workbook to `zip`, libxlsxwriter's temp files to `tmpdir`.
WriteReport stream_once(const fs::path& file, const fs::path& zip, const fs::path& tmpdir,
                        const StreamOptions& options,
                        const std::function<void(StreamBook&)>& produce) {
    StreamBook::Impl impl;
    impl.file = file.string();
    std::string tmpdir_text = tmpdir.string();
    lxw_workbook_options lxw_options{};
    lxw_options.constant_memory = LXW_TRUE;
    lxw_options.tmpdir = tmpdir_text.data();
    impl.pictures.folder = tmpdir;
    impl.book = workbook_new_opt(zip.c_str(), &lxw_options);
    if (!impl.book)
        throw OutputError(impl.file, {"tidak cukup memori untuk membuat buku kerja",
                                      "not enough memory to create the workbook"});
    impl.formats.emplace(impl.book, impl.model, impl.drops, true);
    std::string title = options.title, creator = options.creator;
    lxw_doc_properties properties{};
    properties.title = title.empty() ? nullptr : title.data();
    properties.author = creator.empty() ? nullptr : creator.data();
    properties.created = fixed_created;  // the same calls give the same bytes
    workbook_set_properties(impl.book, &properties);
    StreamBook book(impl);
    produce(book);
    impl.finish(zip);
    return WriteReport{impl.drops.list()};
}

}  // namespace

WriteReport write_streamed(const fs::path& file, const std::function<void(StreamBook&)>& produce,
                           const StreamOptions& options) {
    const fs::path folder = folder_of(file);
    WriteReport report;
    write_atomically(
        file,
        [&](const fs::path& temp) {
            if (!options.temp_folder.empty()) {
                try {
                    PrivateFile stage = PrivateFile::unnamed(options.temp_folder);
                    report = stream_once(file, stage.access_path(), options.temp_folder, options,
                                         produce);
                    std::error_code ec;
                    fs::copy_file(stage.access_path(), temp, fs::copy_options::overwrite_existing,
                                  ec);
                    if (!ec) return;
                    errno = ec.value();
                    throw OutputError(file.string(),
                                      {"gagal menulis berkas xlsx: " + ec.message(),
                                       "could not write the xlsx file: " + ec.message()});
                } catch (const OutputError&) {
                    // Again beside the destination, unless the destination is what is full.
                    if (out_of_room(folder, 0)) throw;
                    errno = 0;  // the temp folder's failure is not the destination's
                }
            }
            report = stream_once(file, temp, folder, options, produce);
        },
        options.sync);
    return report;
}

}  // namespace kinerja
