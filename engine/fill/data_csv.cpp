// Reading indicator inputs from CSV and from a Data sheet.
#include <algorithm>
#include <fstream>
#include <sstream>

#include "common/message.hpp"
#include "fill/data.hpp"
#include "tables/tables.hpp"

namespace kinerja {

namespace {

// Splits one CSV record (RFC 4180 quoting). Returns false on an unterminated quote.
bool split_csv(const std::string& line, std::vector<std::string>& fields) {
    fields.clear();
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') field += '"', ++i;
            else if (c == '"') quoted = false;
            else field += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.push_back(std::move(field));
            field.clear();
        } else if (c != '\r') {
            field += c;
        }
    }
    fields.push_back(std::move(field));
    return !quoted;
}

std::string trimmed(std::string s) {
    s.erase(0, s.find_first_not_of(" \t"));
    s.erase(s.find_last_not_of(" \t") + 1);
    return s;
}

[[noreturn]] void fail(const std::filesystem::path& file, std::size_t line, Message reason) {
    throw InputError(file.string(), line ? "baris " + std::to_string(line) : "", std::move(reason));
}

std::optional<DataValue> parse_value(const std::string& text, std::string source) {
    auto q = parse_quantity(text);
    if (!q) return std::nullopt;
    return DataValue{q->value, q->not_applicable, std::move(source)};
}

}  // namespace

std::optional<Periode> parse_periode(std::string_view text) {
    if (auto tw = triwulan_of(text)) return static_cast<Periode>(*tw - 1);
    std::string k = header_key(text);
    if (k == "s1" || k == "semester1" || k == "semesteri") return Periode::s1;
    if (k == "s2" || k == "semester2" || k == "semesterii") return Periode::s2;
    if (k == "tahun" || k == "tahunan" || k == "setahun") return Periode::tahun;
    return std::nullopt;
}

const char* periode_name(Periode p) {
    static const char* names[] = {"TW1", "TW2", "TW3", "TW4", "S1", "S2", "TAHUN"};
    return names[static_cast<int>(p)];
}

DataSet read_data_csv(const std::filesystem::path& file, const CsvLimits& limits) {
    std::ifstream in(file, std::ios::binary);
    if (!in) fail(file, 0, {"berkas data tidak dapat dibuka", "the data file cannot be opened"});
    std::error_code ec;
    if (std::filesystem::file_size(file, ec) > limits.max_bytes)
        fail(file, 0, {"berkas data terlalu besar", "the data file is too large"});

    std::string line;
    std::vector<std::string> fields;
    if (!std::getline(in, line))
        fail(file, 1, {"berkas data kosong; baris pertama harus berisi "
                       "satker,indikator,variabel,periode,nilai",
                       "the data file is empty; the first line must be "
                       "satker,indikator,variabel,periode,nilai"});
    if (line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);  // UTF-8 BOM from Excel
    split_csv(line, fields);
    std::map<std::string, std::size_t> column;
    for (std::size_t i = 0; i < fields.size(); ++i) column[header_key(fields[i])] = i;
    for (const char* needed : {"satker", "indikator", "variabel", "periode", "nilai"})
        if (!column.count(needed))
            fail(file, 1, {std::string("kolom \"") + needed + "\" tidak ada di baris judul",
                           std::string("the header has no \"") + needed + "\" column"});
    const std::size_t no_column = fields.size();
    const std::size_t nama_col = column.count("satkernama") ? column["satkernama"] : no_column;

    DataSet data;
    for (std::size_t number = 2; std::getline(in, line); ++number) {
        if (number > limits.max_rows)
            fail(file, number, {"terlalu banyak baris data", "too many data rows"});
        if (trimmed(line).empty()) continue;
        if (!split_csv(line, fields))
            fail(file, number, {"tanda kutip tidak ditutup", "unterminated quote"});
        auto get = [&](const char* name) {
            std::size_t i = column[name];
            return i < fields.size() ? trimmed(fields[i]) : std::string();
        };
        std::string kode = get("satker"), indikator = get("indikator"), variabel = get("variabel");
        if (kode.empty() || indikator.empty() || variabel.empty())
            fail(file, number, {"satker, indikator dan variabel harus diisi",
                                "satker, indikator and variabel must be filled"});
        auto periode = parse_periode(get("periode"));
        if (!periode)
            fail(file, number, {"periode \"" + get("periode") + "\" tidak dikenal; pakai TW1..TW4, "
                                "S1, S2 atau TAHUN",
                                "unknown periode \"" + get("periode") + "\"; use TW1..TW4, S1, "
                                "S2 or TAHUN"});
        auto value = parse_value(get("nilai"), file.filename().string() + ":" + std::to_string(number));
        if (!value) {
            // "21,276,070,424,00" reads two ways; a CSV has no column to choose by.
            auto r = quantity_readings(get("nilai"));
            if (r.ambiguous())
                fail(file, number,
                     {"nilai \"" + get("nilai") + "\" dapat dibaca " + angka(r.readings[0].value) +
                          " atau " + angka(r.readings[1].value) +
                          "; tulis dengan titik untuk ribuan dan koma untuk desimal",
                      "value \"" + get("nilai") + "\" reads as " + angka(r.readings[0].value) +
                          " or " + angka(r.readings[1].value) +
                          "; write dots for thousands and a comma for decimals"});
            fail(file, number, {"nilai \"" + get("nilai") + "\" bukan angka",
                                "value \"" + get("nilai") + "\" is not a number"});
        }
        SatkerData& s = data.satker[kode];
        s.kode = kode;
        if (nama_col != no_column && nama_col < fields.size() && s.nama.empty())
            s.nama = trimmed(fields[nama_col]);
        s.values[indikator][variabel][*periode] = *value;
    }
    return data;
}

std::optional<SatkerData> read_data_sheet(const Workbook& workbook) {
    for (const Sheet& sheet : workbook.sheets) {
        if (header_key(sheet.name) != "data" || sheet.cells.empty()) continue;
        // The header row: Indikator | Variabel | TW I | ... somewhere in the first rows.
        for (std::uint32_t row = sheet.cells.front().row; row < sheet.cells.front().row + 10; ++row) {
            std::optional<std::uint32_t> ind, var;
            std::map<std::uint32_t, Periode> periods;
            for (std::uint32_t col = 0; col < 64; ++col) {
                std::string t = display_text(sheet, row, col);
                std::string k = header_key(t);
                if (k.rfind("indikator", 0) == 0) ind = col;
                else if (k.rfind("variabel", 0) == 0) var = col;
                else if (auto p = parse_periode(t)) periods[col] = *p;
            }
            if (!ind || !var || periods.empty()) continue;
            SatkerData data;
            std::string indikator;
            std::uint32_t last = sheet.cells.back().row;
            for (std::uint32_t r = row + 1; r <= last; ++r) {
                std::string i = display_text(sheet, r, *ind);
                if (!i.empty()) indikator = i;
                std::string v = display_text(sheet, r, *var);
                if (indikator.empty() || v.empty()) continue;
                for (auto [col, periode] : periods) {
                    if (auto q = quantity_at(workbook, sheet, r, col))
                        data.values[indikator][v][periode] = {q->value, q->not_applicable,
                                                              sheet.name + "!" + cell_name(r, col)};
                }
            }
            return data;
        }
    }
    return std::nullopt;
}

}  // namespace kinerja
