// The data in a workbook: the regional data as the first sheet of an .xlsx, and the `Data`
// sheet of a unit's own workbook.
#include <algorithm>

#include "data/source.hpp"
#include "read/read.hpp"
#include "tables/tables.hpp"

namespace kinerja {

namespace data_detail {

namespace {

// The first visible sheet with the header in its first 10 rows, row after row below it.
class SheetSource : public RowSource {
public:
    explicit SheetSource(const std::filesystem::path& file) : workbook_(read_workbook(file)) {
        for (const Sheet& sheet : workbook_.sheets) {
            if (sheet.visibility != Sheet::Visibility::visible || sheet.cells.empty()) continue;
            std::uint32_t first = sheet.cells.front().row, last_col = 0;
            for (const Cell& c : sheet.cells) last_col = std::max(last_col, c.col);
            last_col = std::min<std::uint32_t>(last_col, 63);
            for (std::uint32_t header = first; header < first + 10; ++header) {
                std::vector<std::string> names;
                for (std::uint32_t c = 0; c <= last_col; ++c)
                    names.push_back(display_text(sheet, header, c));
                std::string missing;
                if (auto columns = header_columns(names, missing)) {
                    sheet_ = &sheet;
                    columns_ = *columns;
                    row_ = header + 1;
                    return;
                }
            }
        }
        throw InputError(file.string(), "",
                         {"tidak ada sheet dengan baris judul satker, indikator, variabel, "
                          "periode, nilai di 10 baris pertama",
                          "no sheet has a satker, indikator, variabel, periode, nilai header in "
                          "its first 10 rows"});
    }

    bool next(RowTexts& t) override {
        if (row_ > sheet_->cells.back().row) return false;
        std::uint32_t row = row_++;
        auto text = [&](std::size_t c) {
            return trimmed(display_text(*sheet_, row, static_cast<std::uint32_t>(c)));
        };
        t = row_texts(columns_, row + 1, text);
        t.from_cell = true;
        t.cell_value =
            quantity_at(workbook_, *sheet_, row, static_cast<std::uint32_t>(columns_.nilai));
        return true;
    }

private:
    Workbook workbook_;
    const Sheet* sheet_ = nullptr;
    Columns columns_{};
    std::uint32_t row_ = 0;
};

}  // namespace

std::unique_ptr<RowSource> open_sheet(const std::filesystem::path& file) {
    return std::make_unique<SheetSource>(file);
}

}  // namespace data_detail

bool is_data_sheet(const Sheet& sheet) {
    return header_key(sheet.name) == "data";
}

std::optional<DataSheetHeader> data_sheet_header(const Sheet& sheet) {
    if (sheet.cells.empty()) return std::nullopt;
    const std::uint32_t first = sheet.cells.front().row;
    for (std::uint32_t row = first; row < first + 10; ++row) {
        std::optional<std::uint32_t> ind, var;
        std::map<std::uint32_t, Periode> periods;
        for (std::uint32_t col = 0; col < 64; ++col) {
            std::string t = display_text(sheet, row, col);
            std::string k = header_key(t);
            if (k.starts_with("indikator"))
                ind = col;
            else if (k.starts_with("variabel"))
                var = col;
            else if (auto p = parse_periode(t))
                periods[col] = *p;
        }
        if (ind && var) return DataSheetHeader{row, *ind, *var, std::move(periods)};
    }
    return std::nullopt;
}

std::optional<SatkerData> read_data_sheet(const Workbook& workbook) {
    for (const Sheet& sheet : workbook.sheets) {
        if (!is_data_sheet(sheet)) continue;
        auto header = data_sheet_header(sheet);
        if (!header || header->periods.empty()) continue;
        SatkerData data;
        std::string indikator;
        std::uint32_t last = sheet.cells.back().row;
        for (std::uint32_t r = header->row + 1; r <= last; ++r) {
            std::string i = display_text(sheet, r, header->indikator_col);
            if (!i.empty()) indikator = i;
            std::string v = display_text(sheet, r, header->variabel_col);
            if (indikator.empty() || v.empty()) continue;
            for (auto [col, periode] : header->periods) {
                if (auto q = quantity_at(workbook, sheet, r, col))
                    data.values[indikator][v][periode] = {q->value, q->not_applicable,
                                                          sheet.name + "!" + cell_name(r, col)};
            }
        }
        return data;
    }
    return std::nullopt;
}

}  // namespace kinerja
