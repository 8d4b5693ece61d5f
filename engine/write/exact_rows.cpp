#include "write/exact_rows.hpp"

#include <cerrno>

#include "write/numbers.hpp"

namespace kinerja::write_detail {

namespace {

constexpr std::string_view cell_open = "<c r=\"", cell_close = "</c>";

}  // namespace

ExactRows::~ExactRows() {
    // libxlsxwriter closes the stream when it closes a workbook with rows in the sheet; an
    // empty sheet, or a workbook freed without being closed, leaves it open.
    if (stream_) std::fclose(stream_);
}

bool ExactRows::attach(lxw_worksheet* sheet) {
    if (!sheet || !sheet->optimize || !sheet->optimize_tmpfile ||
        sheet->file != sheet->optimize_tmpfile)
        return false;
    cookie_io_functions_t io{on_read, on_write, on_seek, on_close};
    FILE* stream = fopencookie(this, "w+", io);
    if (!stream) return false;
    stream_ = stream;
    file_ = sheet->optimize_tmpfile;
    sheet->optimize_tmpfile = stream;
    sheet->file = stream;
    return true;
}

void ExactRows::expect(std::uint32_t row, std::uint32_t col, double value) {
    if (needs_exact_text(value)) expected_[key(row, col)] = value;
}

ssize_t ExactRows::on_write(void* self, const char* buffer, std::size_t size) {
    auto& rows = *static_cast<ExactRows*>(self);
    rows.held_.append(buffer, size);
    rows.pass(false);
    return static_cast<ssize_t>(size);
}

ssize_t ExactRows::on_read(void* self, char* buffer, std::size_t size) {
    auto& rows = *static_cast<ExactRows*>(self);
    std::size_t n = std::fread(buffer, 1, size, rows.file_);
    return n == 0 && std::ferror(rows.file_) ? -1 : static_cast<ssize_t>(n);
}

// libxlsxwriter rewinds the row file before copying it into the sheet part.
int ExactRows::on_seek(void* self, off64_t* offset, int whence) {
    auto& rows = *static_cast<ExactRows*>(self);
    rows.pass(true);
    if (std::fflush(rows.file_) != 0 || fseeko(rows.file_, *offset, whence) != 0) return -1;
    *offset = ftello(rows.file_);
    return 0;
}

int ExactRows::on_close(void* self) {
    auto& rows = *static_cast<ExactRows*>(self);
    rows.pass(true);
    int result = std::fclose(rows.file_);
    rows.file_ = nullptr;
    rows.stream_ = nullptr;
    return result;
}

void ExactRows::pass(bool all) {
    std::size_t end = held_.size();
    if (!all) {
        end = held_.rfind(cell_close);
        if (end == std::string::npos) return;
        end += cell_close.size();
    }
    std::string_view cells(held_.data(), end);
    if (expected_.empty())
        forward(cells);
    else
        forward(rewrite(cells));
    held_.erase(0, end);
}

void ExactRows::forward(std::string_view text) {
    if (text.empty() || error_) return;
    if (std::fwrite(text.data(), 1, text.size(), file_) != text.size())
        error_ = errno ? errno : EIO;
}

// Cells as libxlsxwriter writes them: <c r="B5" s="3"><v>84.56999999999999</v></c>, a
// formula's <f>...</f> before the <v>; text and booleans have a t attribute. Text content
// cannot hold '<' (escaped), so tags are found by their text.
std::string ExactRows::rewrite(std::string_view cells) {
    std::string out;
    out.reserve(cells.size() + 64);
    std::size_t copied = 0, at = 0;
    char text[number_text_size];
    while ((at = cells.find(cell_open, at)) != std::string_view::npos) {
        std::size_t ref = at + cell_open.size();
        std::size_t quote = cells.find('"', ref);
        std::size_t tag_end = cells.find('>', ref);
        if (quote == std::string_view::npos || tag_end == std::string_view::npos || quote > tag_end)
            break;
        at = tag_end;
        if (cells[tag_end - 1] == '/') continue;  // an empty cell: <c r="A1" s="2"/>
        std::size_t close = cells.find(cell_close, tag_end);
        if (close == std::string_view::npos) break;
        at = close;
        std::string_view attributes = cells.substr(quote, tag_end - quote);
        if (attributes.find(" t=\"") != std::string_view::npos) continue;
        std::size_t value = cells.find("<v>", tag_end);
        std::size_t value_end = cells.find("</v>", tag_end);
        if (value > close || value_end > close) continue;
        std::uint32_t row = 0, col = 0;
        if (!parse_cell_name(cells.substr(ref, quote - ref), row, col)) continue;
        auto found = expected_.find(key(row, col));
        if (found == expected_.end()) continue;
        value += 3;
        out.append(cells.substr(copied, value - copied));
        out.append(text, exact_number_text(found->second, text));
        copied = value_end;
        expected_.erase(found);
    }
    out.append(cells.substr(copied));
    return out;
}

}  // namespace kinerja::write_detail
