// The <sheetData> part of a worksheet: rows and cells, the hot path of reading.
#include <charconv>
#include <cmath>

#include "common/excerpt.hpp"
#include "read/formula_shift.hpp"
#include "read/sheet_reader.hpp"
#include "read/text.hpp"

namespace kinerja::read_detail {

namespace {

bool parse_index(std::string_view text, std::uint64_t& out) {
    text = trim(text);
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && p == text.data() + text.size() && !text.empty();
}

Message msg_bad_reference(std::string_view what, std::string_view value) {
    std::string shown = excerpt(value, 40);
    return {"Referensi " + std::string(what) + " tidak sah: \"" + shown +
                "\". Buka berkas di Excel dan simpan lagi.",
            "Invalid " + std::string(what) + " reference: \"" + shown +
                "\". Open the file in Excel and save it again."};
}

}  // namespace

std::uint32_t SheetHandler::style_index(std::string_view s,
                                        const std::function<std::string()>& where) {
    std::uint64_t xf = 0;
    if (!s.empty() && !parse_index(s, xf)) fail_at(where(), msg_bad_value("s", s));
    if (xf >= in_.styles.xfs.size()) {
        std::string n = std::to_string(xf), count = std::to_string(in_.styles.xfs.size());
        fail_at(where(),
                {"Indeks gaya " + n + " di luar jangkauan (styles.xml hanya memuat " + count +
                     " format sel). Berkas rusak; buka di Excel dan simpan lagi.",
                 "Style index " + n + " is out of range (styles.xml holds only " + count +
                     " cell formats). The file is damaged; open it in Excel and save it again."});
    }
    return in_.styles.use(static_cast<std::uint32_t>(xf), in_.wb);
}

void SheetHandler::start_row(const XmlAttrs& attrs) {
    in_row_ = true;
    next_col_ = 0;
    if (const char* r = attrs.find("r")) {
        std::uint64_t n = 0;
        if (!parse_index(r, n) || n < 1 || n > max_rows) fail_at("", msg_bad_reference("row", r));
        row_ = static_cast<std::int64_t>(n - 1);
    } else {
        ++row_;
        if (row_ >= static_cast<std::int64_t>(max_rows))
            fail_at("", msg_bad_reference("row", "(> 1048576)"));
    }
    auto row = static_cast<std::uint32_t>(row_);
    RowInfo info;
    if (const char* ht = attrs.find("ht")) {
        auto height = parse_number(ht);
        // A row as high as the sheet's default is a plain row, custom or not: libxlsxwriter
        // marks every row custom once the default differs from 15, and keeping those heights
        // would make a second fill place comment boxes differently from the first.
        if (height && *height >= 0 && *height <= 409.5 &&
            (!sheet_.default_row_height || std::abs(*height - *sheet_.default_row_height) > 1e-9))
            info.height = *height;
    }
    info.hidden = flag_value(attrs.get("hidden"), false);
    info.collapsed = flag_value(attrs.get("collapsed"), false);
    if (auto level = parse_number(attrs.get("outlineLevel")); level && *level >= 0 && *level <= 7)
        info.outline_level = static_cast<std::uint8_t>(*level);
    if (flag_value(attrs.get("customFormat"), false) && attrs.has("s"))
        info.style = style_index(attrs.get("s"), [&] { return "row " + std::to_string(row + 1); });
    if (!(info == RowInfo{})) sheet_.rows[row] = info;
}

void SheetHandler::start_cell(const XmlAttrs& attrs) {
    in_cell_ = true;
    cell_ = Cell{};
    has_value_ = has_formula_ = false;
    formula_.clear();
    value_.clear();
    type_ = 'n';
    static constexpr std::string_view names[] = {"r", "t", "s"};
    const char* values[3];
    attrs.find_all(names, values);
    if (const char* r = values[0]) {
        if (!parse_cell_name(r, cell_.row, cell_.col)) fail_at("", msg_bad_reference("cell", r));
    } else {
        if (row_ < 0) row_ = 0;
        if (next_col_ >= max_cols) fail_at("", msg_bad_reference("cell", "(> XFD)"));
        cell_.row = static_cast<std::uint32_t>(row_);
        cell_.col = next_col_;
    }
    next_col_ = cell_.col + 1;
    std::string_view t = values[1] ? std::string_view(values[1]) : std::string_view();
    if (t == "s" || t == "str" || t == "b" || t == "e" || t == "d")
        type_ = t[0] == 's' && t.size() == 3 ? 'S' : t[0];
    else if (t == "inlineStr")
        type_ = 'i';
    const char* s = values[2];
    cell_.style = s ? style_index(s, [&] { return cell_name(cell_.row, cell_.col); })
                    : in_.styles.use(0, in_.wb);
    if (++in_.cell_count > in_.limits.max_cells) {
        std::string limit = std::to_string(in_.limits.max_cells);
        fail_at(cell_name(cell_.row, cell_.col),
                {"Terlalu banyak sel dalam buku kerja (batas " + limit + ").",
                 "Too many cells in the workbook (limit " + limit + ")."});
    }
}

void SheetHandler::start_formula(const XmlAttrs& attrs) {
    has_formula_ = true;
    formula_type_ = attrs.get("t");
    formula_ref_ = attrs.get("ref");
    shared_index_ = attrs.get("si");
    text_ = Text::formula;
    buffer_.clear();
}

void SheetHandler::set_formula(Cell& cell) {
    if (formula_type_ == "shared") {
        if (!formula_.empty()) {
            if (!formula_ref_.empty() || !masters_.count(shared_index_))
                masters_[shared_index_] = Master{cell.row, cell.col, formula_};
            cell.formula = formula_;
            return;
        }
        auto master = masters_.find(shared_index_);
        if (master == masters_.end()) return;  // keep the cached value only
        cell.formula = shift_formula(master->second.formula,
                                     static_cast<std::int64_t>(cell.row) - master->second.row,
                                     static_cast<std::int64_t>(cell.col) - master->second.col);
    } else if (formula_type_ == "dataTable") {
        if (!dropped_data_table_) drop("data table (what-if analysis)");
        dropped_data_table_ = true;
    } else {
        cell.formula = formula_;
        if (formula_type_ == "array")
            sheet_.set_array_ref(
                cell.row, cell.col,
                formula_ref_.empty() ? cell_name(cell.row, cell.col) : formula_ref_);
    }
    if (!cell.formula.empty() && cell.formula.front() == '=') cell.formula.erase(0, 1);
}

void SheetHandler::count_text(std::size_t bytes) {
    in_.text_bytes += bytes;
    if (in_.text_bytes > in_.limits.max_cell_text_bytes) {
        std::string limit = std::to_string(in_.limits.max_cell_text_bytes >> 20) + " MiB";
        fail_at(cell_name(cell_.row, cell_.col),
                {"Teks dan rumus dalam sel terlalu besar secara keseluruhan (batas " + limit + ").",
                 "The text and formulas in cells are too large in total (limit " + limit + ")."});
    }
}

void SheetHandler::end_cell() {
    in_cell_ = false;
    auto where = [&] { return cell_name(cell_.row, cell_.col); };
    CellValue& v = cell_.value;
    if (has_value_) {
        switch (type_) {
            case 's': {
                std::uint64_t index = 0;
                if (!parse_index(value_, index)) fail_at(where(), msg_bad_value(where(), value_));
                if (index >= in_.strings.size()) {
                    std::string n = std::to_string(index),
                                count = std::to_string(in_.strings.size());
                    fail_at(where(),
                            {"Indeks teks bersama " + n +
                                 " di luar jangkauan (sharedStrings.xml hanya memuat " + count +
                                 " teks). Berkas rusak; buka di Excel dan simpan lagi.",
                             "Shared string index " + n +
                                 " is out of range (sharedStrings.xml holds only " + count +
                                 " strings). The file is damaged; open it in Excel and save it "
                                 "again."});
                }
                const SharedString& s = in_.strings[index];
                v.kind = CellValue::Kind::text;
                v.text = s.text;
                cell_.rich = s.rich;
                break;
            }
            case 'S':
            case 'i':
                v.kind = CellValue::Kind::text;
                v.text = value_;
                decode_escapes(v.text);
                break;
            case 'b': {
                std::string_view b = trim(value_);
                v.kind = CellValue::Kind::boolean;
                v.number = (b == "1" || b == "true" || b == "TRUE") ? 1 : 0;
                break;
            }
            case 'e':
                v.kind = CellValue::Kind::error;
                v.text = trim(value_);
                break;
            case 'd': {
                auto serial = parse_iso_datetime(value_, in_.wb.date1904);
                if (!serial) fail_at(where(), msg_bad_value(where(), value_));
                v.kind = CellValue::Kind::number;
                v.number = *serial;
                break;
            }
            default: {
                if (trim(value_).empty()) break;
                auto number = parse_number(value_);
                if (!number) fail_at(where(), msg_bad_value(where(), value_));
                v.kind = CellValue::Kind::number;
                v.number = *number;
            }
        }
    }
    // A cell given twice counts as last given: an array formula before it goes with it.
    sheet_.set_array_ref(cell_.row, cell_.col, {});
    if (has_formula_) set_formula(cell_);
    // Short strings live inside the Cell (small-string optimisation), which max_cells bounds.
    if (v.text.size() > 15 || cell_.formula.size() > 15)
        count_text(v.text.size() + cell_.formula.size());
    if (any_cell_ && cell_.row == last_row_ && cell_.col == last_col_) {
        // The same reference again: the last one counts (as normalize() would keep it),
        // and a file repeating one cell takes no more memory than the cell.
        sheet_.cells.back() = std::move(cell_);
        return;
    }
    if (any_cell_ && (cell_.row < last_row_ || (cell_.row == last_row_ && cell_.col <= last_col_)))
        sorted_ = false;
    any_cell_ = true;
    last_row_ = cell_.row;
    last_col_ = cell_.col;
    if (sheet_.cells.size() == sheet_.cells.capacity()) grow_cells();
    sheet_.cells.push_back(std::move(cell_));
}

std::uint64_t SheetHandler::cell_memory_room() const {
    std::uint64_t used = in_.cell_memory + in_.text_bytes + sheet_.cells.capacity() * sizeof(Cell);
    return in_.limits.max_cell_memory_bytes > used ? in_.limits.max_cell_memory_bytes - used : 0;
}

// The cell vector grows here rather than inside push_back, so that the memory is checked
// before it is taken: while the cells move, the old and the new buffer are both held.
void SheetHandler::grow_cells() {
    std::uint64_t size = sheet_.cells.size();
    std::uint64_t wanted =
        std::min<std::uint64_t>(std::max<std::uint64_t>(size * 2, 64), in_.limits.max_cells);
    std::uint64_t capacity = std::min(wanted, cell_memory_room() / sizeof(Cell));
    // Near the limit the vector grows by smaller steps, but not by steps so small that
    // moving the cells again and again would take longer than refusing.
    if (capacity < size + std::max<std::uint64_t>(size / 8, 1)) {
        auto mib = [](std::uint64_t bytes) { return std::to_string(bytes >> 20) + " MiB"; };
        std::string cells = std::to_string(in_.cell_count), bytes = std::to_string(sizeof(Cell)),
                    text = mib(in_.text_bytes), limit = mib(in_.limits.max_cell_memory_bytes);
        fail_at(
            cell_name(cell_.row, cell_.col),
            {"Sel buku kerja ini tidak muat dalam memori: " + cells + " sel sejauh ini × " + bytes +
                 " bita, ditambah " + text + " teks, sudah mencapai batas " + limit +
                 ". Bagi buku kerja menjadi beberapa berkas, atau jalankan di komputer "
                 "dengan memori lebih besar.",
             "The workbook's cells do not fit in memory: " + cells + " cells so far × " + bytes +
                 " bytes, plus " + text + " of text, have reached the limit of " + limit +
                 ". Split the workbook into several files, or run on a computer with more "
                 "memory."});
    }
    sheet_.cells.reserve(static_cast<std::size_t>(capacity));
}

}  // namespace kinerja::read_detail
