// read_satker_data: one satker's rows of the data, for `kinerja fill --data`.
#include <set>

#include "data/data.hpp"

namespace kinerja {

namespace {

// What keeping things costs, roughly, with the allocator's overhead: a code in a std::set,
// and a value in SatkerData's three nested maps (a node in each, at worst).
constexpr std::uint64_t code_bytes = 80;
constexpr std::uint64_t value_bytes = 3 * 96;

}  // namespace

SatkerChoice read_satker_data(const std::filesystem::path& file, std::string_view named,
                              const DataLimits& limits) {
    std::string satker(named);
    DataReader reader(file, limits);
    MemoryUse memory(file, limits.max_memory);
    std::set<std::string, std::less<>> codes;  // to say how many when none is named
    SatkerChoice choice;
    for (DataRecord r; reader.next(r);) {
        if (r.problem) throw_at_line(file, r.line, *r.problem);
        if (satker.empty() && codes.empty()) satker = r.satker;  // the only one, we hope
        bool wanted = r.satker == satker;
        if (!codes.count(r.satker)) {
            memory.charge(code_bytes + r.satker.size(), r.line, true);
            codes.insert(r.satker);
        }
        if (!wanted) continue;
        memory.charge(value_bytes + r.indikator.size() + r.variabel.size() + r.nama.size(), r.line);
        if (!choice.data) choice.data.emplace().kode = r.satker;
        SatkerData& data = *choice.data;
        if (data.nama.empty()) data.nama = r.nama;
        data.values[r.indikator][r.variabel][r.periode] = {
            r.value, r.not_applicable, reader.file_name() + ":" + std::to_string(r.line)};
    }
    choice.notices = reader.notices();
    if (!named.empty() && !choice.data)
        throw InputError(file.string(), "",
                         {"tidak ada data untuk satker " + satker, "no data for satker " + satker});
    if (named.empty() && codes.size() > 1)
        throw InputError(file.string(), "",
                         {"berkas berisi data " + std::to_string(codes.size()) +
                              " satker; pilih satu dengan --satker KODE",
                          "the file holds data for " + std::to_string(codes.size()) +
                              " satker; pick one with --satker KODE"});
    return choice;
}

}  // namespace kinerja
