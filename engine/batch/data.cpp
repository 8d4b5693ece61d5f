// The regional data: satker,indikator,variabel,periode,nilai[,satker_nama] as CSV or as the
// first sheet of an .xlsx. Unlike `kinerja fill --data`, a bad row does not stop the
// reading: it fails its own satker, so one unit's typo cannot hold up the province.
#include <cstring>
#include <fstream>
#include <unordered_map>

#include "batch/detail.hpp"
#include "read/read.hpp"
#include "tables/tables.hpp"

namespace kinerja::batch_detail {

namespace {

constexpr std::uint64_t max_data_bytes = 512ull << 20;
constexpr std::size_t max_data_rows = 10'000'000;

// One record of the file, whatever its format: texts as written, the value parsed.
struct Record {
    std::uint32_t line = 0;
    std::string kode, nama, indikator, variabel, periode, nilai;
    std::optional<Quantity> quantity;  // nullopt: not a number
    bool broken = false;               // an unterminated quote
};

std::string trimmed(std::string_view s) {
    auto first = s.find_first_not_of(" \t\r");
    if (first == std::string_view::npos) return {};
    auto last = s.find_last_not_of(" \t\r");
    return std::string(s.substr(first, last - first + 1));
}

// RFC 4180 fields of one line; false when a quote is left open.
bool split_fields(std::string_view line, std::vector<std::string>& fields) {
    fields.assign(1, std::string());
    bool in_quotes = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (in_quotes) {
            if (c != '"')
                fields.back() += c;
            else if (i + 1 < line.size() && line[i + 1] == '"')
                fields.back() += '"', ++i;
            else
                in_quotes = false;
        } else if (c == '"') {
            in_quotes = true;
        } else if (c == ',') {
            fields.emplace_back();
        } else {
            fields.back() += c;
        }
    }
    return !in_quotes;
}

struct Columns {
    std::size_t satker, indikator, variabel, periode, nilai;
    std::optional<std::size_t> nama;
};

// The columns named by a header; nullopt names the first missing one in `missing`.
std::optional<Columns> header_columns(const std::vector<std::string>& header,
                                      std::string& missing) {
    std::map<std::string, std::size_t> at;
    for (std::size_t i = 0; i < header.size(); ++i) at.try_emplace(header_key(header[i]), i);
    for (const char* needed : {"satker", "indikator", "variabel", "periode", "nilai"}) {
        if (!at.count(needed)) {
            missing = needed;
            return std::nullopt;
        }
    }
    Columns c{at["satker"], at["indikator"], at["variabel"], at["periode"], at["nilai"], {}};
    if (at.count("satkernama"))
        c.nama = at["satkernama"];
    else if (at.count("namasatker"))
        c.nama = at["namasatker"];
    return c;
}

[[noreturn]] void no_header(const fs::path& file, const std::string& missing) {
    throw InputError(file.string(), "baris 1",
                     {"kolom \"" + missing +
                          "\" tidak ada di baris judul; baris pertama harus "
                          "berisi satker,indikator,variabel,periode,nilai (satker_nama boleh)",
                      "the header has no \"" + missing +
                          "\" column; the first line must be "
                          "satker,indikator,variabel,periode,nilai (satker_nama optional)"});
}

class Collector {
public:
    explicit Collector(const fs::path& file) { table_.file_name = file.filename().string(); }

    void add(Record r) {
        if (++rows_ > max_data_rows)
            throw InputError(table_.file_name, "baris " + std::to_string(r.line),
                             {"terlalu banyak baris data", "too many data rows"});
        std::string where = table_.file_name + " baris " + std::to_string(r.line);
        std::string where_en = table_.file_name + " line " + std::to_string(r.line);
        if (r.kode.empty()) {
            if (r.indikator.empty() && r.nilai.empty()) return;  // an empty line
            table_.problems.push_back({where + ": kode satker kosong; baris ini tidak dipakai",
                                       where_en + ": no satker code; the row is not used"});
            return;
        }
        UnitData& unit = units_[r.kode];
        unit.kode = r.kode;
        if (unit.nama.empty()) unit.nama = r.nama;
        std::optional<Message> bad;
        auto periode = parse_periode(r.periode);
        if (r.broken) {
            bad = Message{where + ": tanda kutip tidak ditutup", where_en + ": unterminated quote"};
        } else if (r.indikator.empty() || r.variabel.empty()) {
            bad = Message{where + ": indikator dan variabel harus diisi",
                          where_en + ": indikator and variabel must be filled"};
        } else if (!periode) {
            bad = Message{where + ": periode \"" + r.periode +
                              "\" tidak dikenal; pakai TW1..TW4, S1, S2 atau TAHUN",
                          where_en + ": unknown periode \"" + r.periode +
                              "\"; use TW1..TW4, S1, S2 or TAHUN"};
        } else if (!r.quantity) {
            bad = Message{where + ": nilai \"" + r.nilai +
                              "\" bukan angka (tulis - bila tidak "
                              "berlaku)",
                          where_en + ": value \"" + r.nilai +
                              "\" is not a number (write - when "
                              "not applicable)"};
        }
        if (bad) {
            if (!unit.error) unit.error = std::move(bad);
            return;
        }
        DataRow row;
        row.indikator = intern(r.indikator);
        row.variabel = intern(r.variabel);
        row.periode = *periode;
        row.not_applicable = r.quantity->not_applicable;
        row.value = r.quantity->value;
        row.line = r.line;
        std::uint64_t index = table_.rows.append(row);
        if (unit.runs.empty() || unit.runs.back().first + unit.runs.back().count != index)
            unit.runs.push_back({index, 0});
        ++unit.runs.back().count;
    }

    DataTable finish() {
        table_.rows.finish();
        for (auto& [kode, unit] : units_) {
            unit.runs.shrink_to_fit();
            table_.units.push_back(std::move(unit));
        }
        return std::move(table_);
    }

private:
    std::uint32_t intern(const std::string& text) {
        auto [it, added] =
            ids_.try_emplace(text, static_cast<std::uint32_t>(table_.strings.size()));
        if (added) table_.strings.push_back(text);
        return it->second;
    }

    DataTable table_;
    std::map<std::string, UnitData> units_;
    std::unordered_map<std::string, std::uint32_t> ids_;
    std::size_t rows_ = 0;
};

DataTable read_csv(const fs::path& file) {
    std::error_code ec;
    auto size = fs::file_size(file, ec);
    std::ifstream in(file, std::ios::binary);
    if (!in || ec)
        throw InputError(file.string(), "",
                         {"berkas data tidak dapat dibuka", "the data file cannot be opened"});
    if (size > max_data_bytes)
        throw InputError(file.string(), "",
                         {"berkas data lebih dari 512 MB; bagi per wilayah",
                          "the data file is over 512 MB; split it by region"});
    std::string line;
    std::vector<std::string> fields;
    if (!std::getline(in, line)) no_header(file, "satker");
    if (line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);  // Excel's UTF-8 BOM
    split_fields(line, fields);
    std::string missing;
    auto cols = header_columns(fields, missing);
    if (!cols) no_header(file, missing);

    Collector collector(file);
    for (std::uint32_t number = 2; std::getline(in, line); ++number) {
        if (trimmed(line).empty()) continue;
        Record r;
        r.line = number;
        r.broken = !split_fields(line, fields);
        auto get = [&](std::size_t i) {
            return i < fields.size() ? trimmed(fields[i]) : std::string();
        };
        r.kode = get(cols->satker);
        r.nama = cols->nama ? get(*cols->nama) : std::string();
        r.indikator = get(cols->indikator);
        r.variabel = get(cols->variabel);
        r.periode = get(cols->periode);
        r.nilai = get(cols->nilai);
        r.quantity = parse_quantity(r.nilai);
        collector.add(std::move(r));
    }
    return collector.finish();
}

DataTable read_xlsx(const fs::path& file) {
    Workbook workbook = read_workbook(file);
    for (const Sheet& sheet : workbook.sheets) {
        if (sheet.visibility != Sheet::Visibility::visible || sheet.cells.empty()) continue;
        std::uint32_t first = sheet.cells.front().row;
        std::uint32_t last_col = 0;
        for (const Cell& c : sheet.cells) last_col = std::max(last_col, c.col);
        last_col = std::min<std::uint32_t>(last_col, 63);
        for (std::uint32_t header = first; header < first + 10; ++header) {
            std::vector<std::string> names;
            for (std::uint32_t c = 0; c <= last_col; ++c)
                names.push_back(display_text(sheet, header, c));
            std::string missing;
            auto cols = header_columns(names, missing);
            if (!cols) continue;
            Collector collector(file);
            std::uint32_t last_row = sheet.cells.back().row;
            for (std::uint32_t row = header + 1; row <= last_row; ++row) {
                Record r;
                r.line = row + 1;
                auto text = [&](std::size_t c) {
                    return trimmed(display_text(sheet, row, static_cast<std::uint32_t>(c)));
                };
                r.kode = text(cols->satker);
                r.nama = cols->nama ? text(*cols->nama) : std::string();
                r.indikator = text(cols->indikator);
                r.variabel = text(cols->variabel);
                r.periode = text(cols->periode);
                r.nilai = text(cols->nilai);
                r.quantity =
                    quantity_at(workbook, sheet, row, static_cast<std::uint32_t>(cols->nilai));
                if (r.kode.empty() && r.indikator.empty() && r.nilai.empty()) continue;
                collector.add(std::move(r));
            }
            return collector.finish();
        }
    }
    throw InputError(file.string(), "",
                     {"tidak ada sheet dengan baris judul satker, indikator, variabel, periode, "
                      "nilai di 10 baris pertama",
                      "no sheet has a satker, indikator, variabel, periode, nilai header in its "
                      "first 10 rows"});
}

}  // namespace

DataTable read_batch_data(const fs::path& file) {
    std::string ext = file.extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".xlsx" || ext == ".xlsm") return read_xlsx(file);
    return read_csv(file);
}

SatkerData satker_data(const DataTable& table, const UnitData& unit,
                       const std::vector<DataRow>& rows) {
    SatkerData data;
    data.kode = unit.kode;
    data.nama = unit.nama;
    for (const DataRow& row : rows) {
        data.values[table.strings[row.indikator]][table.strings[row.variabel]][row.periode] =
            DataValue{row.value, row.not_applicable,
                      table.file_name + ":" + std::to_string(row.line)};
    }
    return data;
}

void hash_unit_data(Hasher& hasher, const DataTable& table, const UnitData& unit,
                    const std::vector<DataRow>& rows) {
    hasher.add(unit.kode);
    hasher.add({"\0", 1});
    hasher.add(unit.nama);
    for (const DataRow& row : rows) {
        hasher.add(table.strings[row.indikator]);
        hasher.add({"\0", 1});
        hasher.add(table.strings[row.variabel]);
        hasher.add_number(static_cast<std::uint64_t>(row.periode) |
                          (row.not_applicable ? 0x100 : 0));
        std::uint64_t bits;
        std::memcpy(&bits, &row.value, sizeof bits);
        hasher.add_number(bits);
    }
}

}  // namespace kinerja::batch_detail
