#include "data/data.hpp"
#include "tables/tables.hpp"

namespace kinerja {

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
    return names[static_cast<std::size_t>(p)];
}

const char* periode_title(Periode p) {
    static const char* titles[] = {"TW I", "TW II", "TW III", "TW IV", "S1", "S2", "TAHUN"};
    return titles[static_cast<std::size_t>(p)];
}

}  // namespace kinerja
