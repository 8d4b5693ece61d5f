// The registry of validation rules: every rule Kinerja can report is declared here once, with
// its id, severity, the tables it applies to, and one line of documentation. The Validasi
// sheet, the JSON report, the user guide's table (tests/docs checks it) and the cases'
// coverage test read it; the stages that judge a workbook name a rule by its enum only.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "common/message.hpp"

namespace kinerja {

enum class Rule : std::uint8_t {
    umum_bukan_angka,
    umum_angka_ragu,
    umum_negatif,
    umum_persen_rentang,
    umum_pembilang_penyebut,
    umum_target_kosong,
    umum_realisasi_kosong,
    satuan_beda,
    capaian_beda,
    kategori_beda,
    indikator_umum,
    indikator_ambigu,
    indikator_tidak_dikenal,
    data_variabel_kurang,
    anggaran_sisa,
    anggaran_persen,
    anggaran_total,
    antar_tabel_beda,
    antar_tabel_anggaran,
    ra_penarikan_pagu,
    ra_jumlah_beda,
    ra_realisasi_pagu,
    ra_realisasi_tanpa_rencana,
    ra_kumulatif_turun,
    rka_induk,
    rka_jumlah,
    tabel_aturan_kolom,
    tabel_induk,
    renja_rata_rata,
    renja_predikat,
    tabel_tidak_ditemukan,
    rumus_tidak_valid,
    bagian_tidak_dibawa,
};

struct RuleInfo {
    Rule rule;
    std::string_view id;  // stable, as users and reports see it: anggaran.sisa
    Severity severity;
    // A rule whose finding is a warning when Kinerja could still compute the value and an
    // error when it could not (indikator.ambigu): the finding states which.
    bool severity_varies;
    std::string_view tables;  // the table kinds it reads, as the guide names them
    Message meaning;          // what the finding means (one line)
    Message action;           // what the user should do
};

const RuleInfo& rule_info(Rule rule);
inline std::string_view rule_id(Rule rule) {
    return rule_info(rule).id;
}
// Every rule, in the order the guide lists them.
std::span<const RuleInfo> all_rules();
// The rule with this id, if any (reading reports and test data).
std::optional<Rule> find_rule(std::string_view id);

}  // namespace kinerja
