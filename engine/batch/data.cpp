// The regional data's rows into the batch's DataTable, read with engine/data's DataReader.
// Unlike `kinerja fill --data`, a bad row does not stop the reading: it fails its own satker,
// so one unit's typo cannot hold up the province.
#include <cstring>
#include <unordered_map>

#include "batch/data_table.hpp"
#include "batch/files.hpp"

namespace kinerja::batch_detail {

namespace {

// What a distinct indikator or variabel text costs in DataTable::strings and its index.
constexpr std::uint64_t text_bookkeeping_bytes = 96;

class Collector {
public:
    explicit Collector(const DataReader& reader, const DataLimits& limits)
        : memory_(reader.file(), limits.max_memory) {
        table_.file_name = reader.file_name();
        table_.notices = reader.notices();
    }

    void add(DataRecord r) {
        if (r.satker.empty()) {
            Message reason =
                r.problem ? *r.problem : Message{"kode satker kosong", "no satker code"};
            reason.id += "; baris ini tidak dipakai";
            reason.en += "; the row is not used";
            table_.problems.push_back(at_line(table_.file_name, r.line, reason));
            return;
        }
        auto unit = units_.find(r.satker);
        if (unit == units_.end()) {
            memory_.charge(unit_bookkeeping_bytes + 2 * r.satker.size() + r.nama.size(), r.line,
                           true);
            unit = units_.try_emplace(r.satker).first;
            unit->second.kode = r.satker;
        }
        UnitData& data = unit->second;
        if (data.nama.empty()) data.nama = r.nama;
        if (r.problem) {
            if (!data.error) data.error = at_line(table_.file_name, r.line, *r.problem);
            return;
        }
        DataRow row;
        row.indikator = intern(r.indikator, r.line);
        row.variabel = intern(r.variabel, r.line);
        row.periode = r.periode;
        row.not_applicable = r.not_applicable;
        row.value = r.value;
        row.line = static_cast<std::uint32_t>(r.line);
        std::uint64_t index = table_.rows.append(row);
        if (data.runs.empty() || data.runs.back().first + data.runs.back().count != index) {
            memory_.charge(sizeof(RowRun), r.line);
            data.runs.push_back({index, 0});
        }
        ++data.runs.back().count;
    }

    DataTable finish() {
        table_.rows.finish();
        table_.units.reserve(units_.size());
        for (auto& [kode, unit] : units_) {
            unit.runs.shrink_to_fit();
            table_.units.push_back(std::move(unit));
        }
        units_.clear();
        return std::move(table_);
    }

private:
    std::uint32_t intern(const std::string& text, std::uint64_t line) {
        auto found = ids_.find(text);
        if (found != ids_.end()) return found->second;
        memory_.charge(text_bookkeeping_bytes + 2 * text.size(), line);
        auto id = static_cast<std::uint32_t>(table_.strings.size());
        table_.strings.push_back(text);
        ids_.emplace(text, id);
        return id;
    }

    MemoryUse memory_;
    DataTable table_;
    std::map<std::string, UnitData> units_;
    std::unordered_map<std::string, std::uint32_t> ids_;
};

}  // namespace

DataTable read_batch_data(const fs::path& file, const DataLimits& limits) {
    DataReader reader(file, limits);
    Collector collector(reader, limits);
    for (DataRecord r; reader.next(r);) collector.add(std::move(r));
    return collector.finish();
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
