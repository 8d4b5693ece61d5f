#include "cli/help.hpp"

#include <map>

namespace kinerja::cli {

namespace {

const Message overview{
    R"(kinerja - mengisi dan memeriksa buku kerja Excel SAKIP

Pemakaian:
  kinerja fill MASUK.xlsx -o KELUAR.xlsx    isi, periksa dan tulis buku kerja
  kinerja validate MASUK.xlsx               periksa saja, tanpa menulis buku kerja
  kinerja inspect MASUK.xlsx                tabel yang dikenali dan arti tiap kolom
  kinerja new TEMPLAT -o BERKAS.xlsx        buku kerja baru dari templat
  kinerja batch --template T.xlsx --data DATA.csv --out FOLDER
                                            isi buku kerja semua satker sekaligus
  kinerja rekap FOLDER...                   gabungkan hasil batch menjadi rekap wilayah
  kinerja serve [--listen 127.0.0.1:8080]   layanan web: halaman dan API JSON
  kinerja eval 'RUMUS' nama=nilai ...       hitung satu rumus (kalkulator perancang)
  kinerja formulas check|list               periksa atau daftar katalog indikator
  kinerja --version                         versi program
  kinerja PERINTAH --help                   bantuan satu perintah

Opsi umum:
  --lang en    pesan dalam bahasa Inggris (bawaan: bahasa Indonesia)

Kode keluar: 0 berhasil tanpa galat, 1 ada galat (keluaran tetap ditulis),
2 masukan tidak dapat dipakai atau salah pemakaian. Galat yang hanya ada di
baris, kolom atau sheet tersembunyi dilaporkan tetapi tidak membuat kode 1.
)",
    R"(kinerja - fills and checks SAKIP Excel workbooks

Usage:
  kinerja fill IN.xlsx -o OUT.xlsx    fill, check and write a workbook
  kinerja validate IN.xlsx            check only, write no workbook
  kinerja inspect IN.xlsx             the tables recognised and each column's meaning
  kinerja new TEMPLATE -o FILE.xlsx   a new workbook from a template
  kinerja batch --template T.xlsx --data DATA.csv --out DIR
                                      fill every satker's workbook in one go
  kinerja rekap DIR...                merge batch results into a regional rekap
  kinerja serve [--listen ADDR:PORT]  the web service: pages and a JSON API
  kinerja eval 'FORMULA' name=value   evaluate one formula (a designer's calculator)
  kinerja formulas check|list         check or list the indicator catalogue
  kinerja --version                   program version
  kinerja COMMAND --help              help for one command

Common options:
  --lang en    messages in English (default: Indonesian)

Exit codes: 0 ok without errors, 1 errors found (output still written),
2 unusable input or a usage error. Errors only in hidden rows, columns or
sheets are reported but do not make the code 1.
)"};

const Message fill_help{
    R"(kinerja fill MASUK.xlsx -o KELUAR.xlsx [opsi]

Mengenali tabel (Rencana Aksi, capaian, realisasi anggaran, RKA) tanpa penanda,
menghitung realisasi, capaian, kategori, sisa, persentase dan jumlah induk RKA
sebagai rumus Excel yang tetap hidup, memeriksa kesalahan, lalu menulis
KELUAR.xlsx dengan sheet Validasi. Nilai yang diketik pengguna di kolom hitungan
disimpan di komentar sel. Berkas masukan tidak pernah diubah; keluaran ditulis
ke berkas sementara lalu dipindahkan.

Opsi:
  --data DATA.csv     data mentah: satker,indikator,variabel,periode,nilai
  --satker KODE       satker yang dipakai bila DATA.csv berisi beberapa satker
  --report R.json     laporan temuan dalam JSON
  --kategori          tambahkan kolom Kategori pada tabel capaian yang belum punya
  --grafik            tambahkan sheet Grafik: capaian per indikator terhadap 100%
                      (dibuat ulang setiap fill; tanpa opsi ini Grafik buatan Kinerja
                      dihapus, sheet Grafik milik pengguna tidak pernah disentuh)
  --formulas FOLDER   folder katalog (bawaan: formulas/)
)",
    R"(kinerja fill IN.xlsx -o OUT.xlsx [options]

Recognises the tables (Rencana Aksi, capaian, budget realisation, RKA) without
markup, computes realisasi, capaian, kategori, sisa, percentages and RKA parent
totals as live Excel formulas, checks for mistakes, and writes OUT.xlsx with a
Validasi sheet. Values the user typed in computed columns are kept in cell
comments. The input is never modified; output goes to a temp file that is
renamed into place.

Options:
  --data DATA.csv     raw inputs: satker,indikator,variabel,periode,nilai
  --satker KODE       the satker to use when DATA.csv holds several
  --report R.json     findings as JSON
  --kategori          add a Kategori column to capaian tables that have none
  --grafik            add a Grafik sheet: capaian per indicator against 100%
                      (rebuilt on every fill; without this option Kinerja's own Grafik
                      is removed, a user's own Grafik sheet is never touched)
  --formulas DIR      catalogue folder (default: formulas/)
)"};

const Message validate_help{
    R"(kinerja validate MASUK.xlsx [--report R.json] [--data DATA.csv] [--satker KODE]

Memeriksa buku kerja seperti fill, tanpa menulis buku kerja. Ringkasan temuan
dicetak di terminal; --report menulis semua temuan dalam JSON:
{"findings":[{"severity","rule","sheet","cell","message"}...],"summary":{...},
 "tables":[...],"misses":[...]}  (tabel yang dikenali, seperti kinerja inspect)
)",
    R"(kinerja validate IN.xlsx [--report R.json] [--data DATA.csv] [--satker KODE]

Checks a workbook as fill does, without writing a workbook. A summary is
printed; --report writes every finding as JSON:
{"findings":[{"severity","rule","sheet","cell","message"}...],"summary":{...},
 "tables":[...],"misses":[...]}  (the tables recognised, as kinerja inspect)
)"};

const Message inspect_help{
    R"(kinerja inspect MASUK.xlsx [--json]

Menampilkan apa yang dipahami Kinerja dari buku kerja: setiap tabel (sheet,
rentang, jenis), baris judulnya (termasuk baris nomor kolom dan aturan yang
tertulis di sana, misalnya 13 = 9 + 10 + 11 + 12), arti setiap kolom beserta
jalur judul asalnya, kolom yang dievaluasi bila ada beberapa, baris data, dan
daerah yang mirip tabel tetapi tidak diambil beserta alasannya.
--json mencetak hal yang sama dalam JSON (sama dengan "tables" pada --report).
)",
    R"(kinerja inspect IN.xlsx [--json]

Shows what Kinerja understood of a workbook: every table (sheet, range, kind),
its header band (including column-number rows and the rules stated there, such
as 13 = 9 + 10 + 11 + 12), each column's role with the header path it came
from, the evaluated column where several share a role, the data rows, and the
regions that look like a table but were not taken, with the reason.
--json prints the same as JSON (the "tables" of --report).
)"};

const Message new_help{
    R"(kinerja new TEMPLAT -o BERKAS.xlsx [--satker NAMA] [--tahun TAHUN] [--force]
kinerja new --list

Membuat buku kerja baru dari templat: rencana-aksi, capaian-kinerja,
realisasi-anggaran, rka-satker, lra atau renja (atau jalur ke berkas .xlsx).
--satker dan --tahun mengisi judul. Berkas yang sudah ada tidak ditimpa tanpa
--force.
)",
    R"(kinerja new TEMPLATE -o FILE.xlsx [--satker NAME] [--tahun YEAR] [--force]
kinerja new --list

Creates a new workbook from a template: rencana-aksi, capaian-kinerja,
realisasi-anggaran, rka-satker, lra or renja (or a path to an .xlsx file).
--satker and --tahun fill the titles. An existing file is not overwritten
without --force.
)"};

const Message batch_help{
    R"(kinerja batch --template T.xlsx --data DATA.csv|DATA.xlsx --out FOLDER [opsi]
kinerja batch --inputs FOLDER --out FOLDER [opsi]

Mengisi satu buku kerja per satker dari templat dan data (kolom
satker,indikator,variabel,periode,nilai[,satker_nama]), atau mengisi dan
memeriksa semua .xlsx di FOLDER masukan. Menulis FOLDER/rekap.xlsx dan
FOLDER/laporan.json. Satker yang gagal tidak menghentikan batch; kode keluar 1
di akhir. Lihat docs/operator.md.

Opsi:
  -j N                jumlah pekerja sekaligus (bawaan: jumlah inti prosesor)
  --shard K/N         kerjakan bagian K dari N saja; gabungkan dengan kinerja rekap
  --force             olah ulang satker yang keluarannya sudah mutakhir
  --kategori          tambahkan kolom Kategori pada tabel capaian yang belum punya
  --grafik            tambahkan sheet Grafik di setiap buku kerja
  --formulas FOLDER   folder katalog (bawaan: formulas/)
)",
    R"(kinerja batch --template T.xlsx --data DATA.csv|DATA.xlsx --out DIR [options]
kinerja batch --inputs DIR --out DIR [options]

Fills one workbook per satker from a template and data (columns
satker,indikator,variabel,periode,nilai[,satker_nama]), or fills and checks
every .xlsx in an input folder. Writes DIR/rekap.xlsx and DIR/laporan.json. A
failing satker does not stop the batch; the exit code is 1 at the end. See
docs/operator.md.

Options:
  -j N                workers at once (default: the number of cores)
  --shard K/N         process part K of N only; merge the parts with kinerja rekap
  --force             redo satker whose output is already up to date
  --kategori          add a Kategori column to capaian tables that have none
  --grafik            add a Grafik sheet to every workbook
  --formulas DIR      catalogue folder (default: formulas/)
)"};

const Message rekap_help{
    R"(kinerja rekap FOLDER... [--out FOLDER]

Menggabungkan hasil beberapa shard batch menjadi satu rekap.xlsx.
)",
    R"(kinerja rekap DIR... [--out DIR]

Merges the results of several batch shards into one rekap.xlsx.
)"};

const Message eval_help{
    R"(kinerja eval 'RUMUS' nama=nilai ...

Menghitung satu rumus dalam bahasa rumus Kinerja, misalnya
  kinerja eval 'pct(terpenuhi, jumlah_wbp)' terpenuhi=1367 jumlah_wbp=1367
Nilai "-" berarti tidak berlaku. Rumus yang diawali tanda minus ditulis setelah
--, misalnya kinerja eval -- '-a + 1' a=2. Lihat docs/bahasa-rumus.md.
)",
    R"(kinerja eval 'FORMULA' name=value ...

Evaluates one formula of the Kinerja formula language, for example
  kinerja eval 'pct(terpenuhi, jumlah_wbp)' terpenuhi=1367 jumlah_wbp=1367
A value of "-" means not applicable. A formula that starts with a minus sign goes
after --, for example kinerja eval -- '-a + 1' a=2. See docs/bahasa-rumus.md.
)"};

const Message formulas_help{
    R"(kinerja formulas check [PATH]
kinerja formulas list [PATH] [--json]

check memeriksa katalog indikator dan pengaturan (bawaan: formulas/) seperti
kompilator: berkas:baris:kolom, rumus dengan tanda ^ di bawah kesalahan, nama
variabel yang mirip. Keluar 0 hanya bila bersih. list mencetak indikator dan
variabelnya.
)",
    R"(kinerja formulas check [PATH]
kinerja formulas list [PATH] [--json]

check checks the indicator catalogue and settings (default: formulas/) the way
a compiler does: file:line:column, the formula with a caret under the error,
the nearest known names. Exits 0 only when clean. list prints the indicators and
their variables.
)"};

const Message serve_help{
    R"(kinerja serve [opsi]

Menjalankan Kinerja sebagai layanan web: halaman untuk staf dan operator, dan
API JSON di /api/v1/ (docs/api.md). Satu buku kerja diisi di memori; pekerjaan
batch disimpan di --jobs-dir dan dihapus setelah --job-ttl.

  --listen ALAMAT:PORT   bawaan 127.0.0.1:8080; tanpa --tokens hanya alamat
                         loopback (127.0.0.1, ::1) yang diterima
  --workers N            pekerja pengisian (bawaan: jumlah inti)
  --max-upload UKURAN    batas unggahan, bawaan 50M (413 bila lebih)
  --jobs-dir FOLDER      tempat pekerjaan batch (bawaan: TMPDIR/kinerja-jobs)
  --job-ttl LAMA         umur pekerjaan batch, bawaan 24h
  --tokens BERKAS        token per satker atau Kanwil (format di docs/api.md)
  --queue N              permintaan yang boleh menunggu, bawaan 64 (503 bila penuh)
  --header-timeout LAMA  batas waktu kepala permintaan, bawaan 10s
  --request-timeout LAMA batas waktu satu permintaan, bawaan 120s
  --formulas FOLDER      katalog indikator (bawaan: formulas/)

SIGTERM: permintaan yang sedang berjalan diselesaikan, lalu berhenti.
)",
    R"(kinerja serve [options]

Runs Kinerja as a web service: pages for staff and operators, and a JSON API
under /api/v1/ (docs/api.md). A single workbook is filled in memory; batch jobs
are kept in --jobs-dir and deleted after --job-ttl.

  --listen ADDR:PORT     default 127.0.0.1:8080; without --tokens only loopback
                         addresses (127.0.0.1, ::1) are accepted
  --workers N            fill workers (default: the number of cores)
  --max-upload SIZE      upload limit, default 50M (413 beyond)
  --jobs-dir DIR         where batch jobs live (default: TMPDIR/kinerja-jobs)
  --job-ttl DURATION     how long batch jobs are kept, default 24h
  --tokens FILE          tokens per satker or Kanwil (format in docs/api.md)
  --queue N              requests that may wait, default 64 (503 when full)
  --header-timeout DUR   time limit for a request's headers, default 10s
  --request-timeout DUR  time limit for one request, default 120s
  --formulas DIR         the indicator catalogue (default: formulas/)

SIGTERM: the requests in flight are answered, then it stops.
)"};

}  // namespace

std::string help(const std::string& command, Lang lang) {
    static const std::map<std::string, const Message*> pages{
        {"fill", &fill_help}, {"validate", &validate_help}, {"inspect", &inspect_help},
        {"new", &new_help},   {"batch", &batch_help},       {"rekap", &rekap_help},
        {"eval", &eval_help}, {"formulas", &formulas_help}, {"serve", &serve_help}};
    auto it = pages.find(command);
    return (it == pages.end() ? overview : *it->second).in(lang);
}

}  // namespace kinerja::cli
