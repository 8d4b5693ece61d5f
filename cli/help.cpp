#include "cli/help.hpp"

namespace kinerja::cli {

namespace {

const Message overview{
    R"(kinerja - mengisi dan memeriksa buku kerja Excel SAKIP

Pemakaian:
  kinerja fill MASUK.xlsx -o KELUAR.xlsx   isi dan tulis ulang buku kerja
  kinerja --version                        versi program
  kinerja PERINTAH --help                  bantuan satu perintah

Opsi umum:
  --lang en    pesan dalam bahasa Inggris (bawaan: bahasa Indonesia)

Kode keluar: 0 berhasil, 1 ada temuan, 2 masukan tidak dapat dipakai atau salah pemakaian.
)",
    R"(kinerja - fills and checks SAKIP Excel workbooks

Usage:
  kinerja fill IN.xlsx -o OUT.xlsx   fill and rewrite a workbook
  kinerja --version                  program version
  kinerja COMMAND --help             help for one command

Common options:
  --lang en    messages in English (default: Indonesian)

Exit codes: 0 ok, 1 findings, 2 unusable input or a usage error.
)"};

const Message fill_help{
    R"(kinerja fill MASUK.xlsx -o KELUAR.xlsx

Membaca MASUK.xlsx dan menulis KELUAR.xlsx dengan format, rumus, validasi data,
format bersyarat, komentar, gambar, nama, dan pengaturan cetak yang sama.
Berkas masukan tidak pernah diubah. Keluaran ditulis ke berkas sementara lalu
dipindahkan, sehingga tidak pernah ada berkas setengah jadi. Bagian yang tidak
dapat dibawa (grafik, tabel pivot, VBA, ...) dilaporkan satu per satu.
)",
    R"(kinerja fill IN.xlsx -o OUT.xlsx

Reads IN.xlsx and writes OUT.xlsx with the same formatting, formulas, data
validations, conditional formats, comments, images, names and print setup.
The input is never modified. Output goes to a temp file that is renamed into
place, so there is never a half-written file. Parts that cannot be carried
(charts, pivot tables, VBA, ...) are reported one by one.
)"};

}  // namespace

std::string help(const std::string& command, Lang lang) {
    if (command == "fill") return fill_help.in(lang);
    return overview.in(lang);
}

}  // namespace kinerja::cli
