// DataReader: rows from a source (csv.cpp, sheet.cpp), each checked the same way.
#include <algorithm>
#include <cstdio>

#include "common/memory.hpp"
#include "data/source.hpp"
#include "tables/tables.hpp"

namespace kinerja {

namespace fs = std::filesystem;
using namespace data_detail;

DataLimits::DataLimits() : max_memory(usable_memory() / 2) {}

Message at_line(const std::string& file_name, std::uint64_t line, const Message& reason) {
    std::string n = std::to_string(line);
    return {file_name + " baris " + n + ": " + reason.id,
            file_name + " line " + n + ": " + reason.en};
}

void throw_at_line(const fs::path& file, std::uint64_t line, Message reason) {
    throw InputError(file.string(), line ? "baris " + std::to_string(line) : "", std::move(reason));
}

namespace data_detail {

std::string trimmed(std::string_view s) {
    auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    auto last = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(first, last - first + 1));
}

std::optional<Columns> header_columns(const std::vector<std::string>& names, std::string& missing) {
    // Each column by the header_key of its name; the first of two alike counts.
    static const std::pair<const char*, const char*> aliases[] = {{"kodesatker", "satker"},
                                                                  {"namasatker", "satkernama"}};
    std::map<std::string, std::size_t> at;
    for (std::size_t i = 0; i < names.size(); ++i) {
        std::string key = header_key(names[i]);
        for (auto [alias, name] : aliases)
            if (key == alias) key = name;
        at.try_emplace(key, i);
    }
    for (const char* needed : {"satker", "indikator", "variabel", "periode", "nilai"}) {
        if (!at.count(needed)) {
            missing = needed;
            return std::nullopt;
        }
    }
    Columns c{at["satker"], at["indikator"], at["variabel"], at["periode"], at["nilai"], {}};
    if (at.count("satkernama")) c.nama = at["satkernama"];
    return c;
}

void no_header(const fs::path& file, const std::string& missing) {
    throw_at_line(file, 1,
                  {"kolom \"" + missing +
                       "\" tidak ada di baris judul; baris pertama harus berisi "
                       "satker,indikator,variabel,periode,nilai (satker_nama boleh)",
                   "the header has no \"" + missing +
                       "\" column; the first line must be "
                       "satker,indikator,variabel,periode,nilai (satker_nama optional)"});
}

}  // namespace data_detail

namespace {

std::string control_character(const RowTexts& t) {
    for (const std::string* text :
         {&t.satker, &t.nama, &t.indikator, &t.variabel, &t.periode, &t.nilai})
        for (unsigned char c : *text)
            if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) {
                char code[8];
                std::snprintf(code, sizeof code, "0x%02X", c);
                return code;
            }
    return {};
}

// Why the row cannot be used, if it cannot; fills the record's value otherwise.
std::optional<Message> check(const RowTexts& t, DataRecord& r) {
    if (std::string code = control_character(t); !code.empty())
        return Message{"berisi karakter kendali " + code + "; hapus dari data",
                       "holds the control character " + code + "; remove it from the data"};
    if (t.satker.empty()) return Message{"kode satker kosong", "no satker code"};
    if (t.indikator.empty() || t.variabel.empty())
        return Message{"indikator dan variabel harus diisi",
                       "indikator and variabel must be filled"};
    auto periode = parse_periode(t.periode);
    if (!periode)
        return Message{
            "periode \"" + t.periode + "\" tidak dikenal; pakai TW1..TW4, S1, S2 atau TAHUN",
            "unknown periode \"" + t.periode + "\"; use TW1..TW4, S1, S2 or TAHUN"};
    r.periode = *periode;
    auto q = t.from_cell ? t.cell_value : parse_quantity(t.nilai);
    if (q) {
        r.value = q->value;
        r.not_applicable = q->not_applicable;
        return std::nullopt;
    }
    if (t.nilai.empty())
        return Message{"nilai kosong; tulis - bila tidak berlaku",
                       "no value; write - when not applicable"};
    // "21,276,070,424,00" reads two ways; the data has no column of figures to choose by.
    if (auto readings = quantity_readings(t.nilai); readings.ambiguous()) {
        std::string a = angka(readings.readings[0].value), b = angka(readings.readings[1].value);
        return Message{"nilai \"" + t.nilai + "\" dapat dibaca " + a + " atau " + b +
                           "; tulis dengan titik untuk ribuan dan koma untuk desimal",
                       "value \"" + t.nilai + "\" reads as " + a + " or " + b +
                           "; write dots for thousands and a comma for decimals"};
    }
    return Message{"nilai \"" + t.nilai + "\" bukan angka (tulis - bila tidak berlaku)",
                   "value \"" + t.nilai + "\" is not a number (write - when not applicable)"};
}

}  // namespace

struct DataReader::Impl {
    fs::path file;
    std::string file_name;
    DataLimits limits;
    std::vector<Message> notices;
    std::unique_ptr<RowSource> source;
    std::uint64_t rows = 0;
};

DataReader::DataReader(const fs::path& file, const DataLimits& limits)
    : impl_(std::make_unique<Impl>()) {
    impl_->file = file;
    impl_->file_name = file.filename().string();
    impl_->limits = limits;
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext == ".xlsx" || ext == ".xlsm")
        impl_->source = open_sheet(file);
    else
        impl_->source = open_csv(file, limits, impl_->notices);
}

DataReader::~DataReader() = default;

bool DataReader::next(DataRecord& record) {
    RowTexts t;
    do {
        if (!impl_->source->next(t)) return false;
    } while (t.satker.empty() && t.nama.empty() && t.indikator.empty() && t.variabel.empty() &&
             t.periode.empty() && t.nilai.empty());
    if (++impl_->rows > impl_->limits.max_rows)
        throw_at_line(impl_->file, t.line,
                      {"lebih dari " + angka(double(impl_->limits.max_rows)) +
                           " baris data; bagi per wilayah",
                       "more than " + std::to_string(impl_->limits.max_rows) +
                           " data rows; split the data by region"});
    record = DataRecord{};
    record.problem = check(t, record);
    record.line = t.line;
    record.satker = std::move(t.satker);
    record.nama = std::move(t.nama);
    record.indikator = std::move(t.indikator);
    record.variabel = std::move(t.variabel);
    return true;
}

const std::vector<Message>& DataReader::notices() const {
    return impl_->notices;
}
const fs::path& DataReader::file() const {
    return impl_->file;
}
const std::string& DataReader::file_name() const {
    return impl_->file_name;
}

MemoryUse::MemoryUse(fs::path file, std::uint64_t budget)
    : file_(std::move(file)), budget_(budget) {}

void MemoryUse::charge(std::uint64_t bytes, std::uint64_t line, bool new_satker) {
    satker_ += new_satker;
    used_ += bytes;
    if (used_ <= budget_) return;
    std::uint64_t mb = budget_ >> 20;
    std::string satker = angka(double(satker_)),
                per = angka(double(used_ / std::max<std::uint64_t>(satker_, 1)));
    throw_at_line(
        file_, line,
        {"data tidak muat di memori: sampai baris ini ada " + satker + " satker (kira-kira " + per +
             " byte per satker), melewati " + angka(double(mb)) +
             " MB yang dapat dipakai; bagi data per wilayah atau pakai mesin dengan "
             "memori lebih besar",
         "the data does not fit in memory: by this line there are " + std::to_string(satker_) +
             " satker (about " + std::to_string(used_ / std::max<std::uint64_t>(satker_, 1)) +
             " bytes each), over the " + std::to_string(mb) +
             " MB that can be used; split the data by region or use a machine with "
             "more memory"});
}

}  // namespace kinerja
