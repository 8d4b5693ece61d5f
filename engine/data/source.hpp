// Internal to engine/data: where a DataReader's rows come from (a CSV file, a sheet).
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "data/data.hpp"
#include "tables/quantity.hpp"

namespace kinerja::data_detail {

// The texts of one row as written, trimmed.
struct RowTexts {
    std::uint64_t line = 0;
    std::string satker, nama, indikator, variabel, periode, nilai;
    // A sheet's cell gives its value itself (a number, or text as parse_quantity reads it);
    // a CSV's nilai is parsed by the reader.
    bool from_cell = false;
    std::optional<Quantity> cell_value;
};

class RowSource {
public:
    virtual ~RowSource() = default;
    virtual bool next(RowTexts& row) = 0;  // false at the end
};

// Where each column is, by a header's names; nullopt with the first missing one in `missing`.
struct Columns {
    std::size_t satker, indikator, variabel, periode, nilai;
    std::optional<std::size_t> nama;
};
// The row's texts at those columns: `text(i)` gives column i's text, trimmed.
template <class Text>
RowTexts row_texts(const Columns& columns, std::uint64_t line, Text&& text) {
    RowTexts row;
    row.line = line;
    row.satker = text(columns.satker);
    row.nama = columns.nama ? text(*columns.nama) : std::string();
    row.indikator = text(columns.indikator);
    row.variabel = text(columns.variabel);
    row.periode = text(columns.periode);
    row.nilai = text(columns.nilai);
    return row;
}
std::optional<Columns> header_columns(const std::vector<std::string>& names, std::string& missing);
[[noreturn]] void no_header(const std::filesystem::path& file, const std::string& missing);

std::string trimmed(std::string_view text);

// engine/data/csv.cpp: throws InputError when the file cannot be read at all.
std::unique_ptr<RowSource> open_csv(const std::filesystem::path& file, const DataLimits& limits,
                                    std::vector<Message>& notices);
// engine/data/sheet.cpp
std::unique_ptr<RowSource> open_sheet(const std::filesystem::path& file);

}  // namespace kinerja::data_detail
