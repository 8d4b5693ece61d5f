#include "common/dropped.hpp"

#include <cctype>
#include <optional>
#include <vector>

#include "model/workbook.hpp"

namespace kinerja {

namespace {

// One phrase the stages record, and its Indonesian. "{}" in the English stands for a part the
// stage fills in (a type, a count, a column); "{1}", "{2}" in the Indonesian put it back.
struct Words {
    std::string_view en, id;
};

// The reader's kinds of parts and objects (engine/read), then the writer's limits
// (engine/write). Exact phrases first in each group; a pattern never shadows one, since
// exact phrases are looked up before any pattern.
constexpr Words phrases[] = {
    // Parts and objects the reader names (dropped_parts.cpp, sheet_reader.cpp, drawings.cpp).
    {"chartsheet", "sheet grafik"},
    {"chart", "grafik"},
    {"dialog sheet", "sheet dialog"},
    {"macro sheet", "sheet makro (Excel 4.0)"},
    {"pivot table", "tabel pivot"},
    {"pivot cache", "data tabel pivot"},
    {"VBA project", "makro (VBA)"},
    {"table", "tabel Excel"},
    {"query table", "tabel kueri"},
    {"data connection", "koneksi data"},
    {"external link", "tautan ke buku kerja lain"},
    {"slicer", "slicer"},
    {"slicer cache", "data slicer"},
    {"timeline", "timeline"},
    {"timeline cache", "data timeline"},
    {"threaded comment", "komentar berutas"},
    {"custom XML", "XML khusus"},
    {"custom document properties", "properti dokumen khusus"},
    {"form control", "kontrol formulir"},
    {"ActiveX control", "kontrol ActiveX"},
    {"embedded object", "objek tersemat"},
    {"data model", "model data (Power Pivot)"},
    {"picture in cell (rich data)", "gambar di dalam sel"},
    {"cell metadata (dynamic arrays)", "metadata sel (array dinamis)"},
    {"unrecognised part", "bagian berkas yang tidak dikenal"},
    {"protected ranges", "rentang yang dilindungi"},
    {"background picture", "gambar latar"},
    {"custom view", "tampilan kustom"},
    {"scenarios", "skenario"},
    {"data consolidation", "konsolidasi data"},
    {"data table (what-if analysis)", "tabel data (analisis bagaimana-jika)"},
    {"gradient fill (kept as its first colour)",
     "isian gradasi (disimpan sebagai warna pertamanya)"},
    {"header/footer for first or even pages", "header/footer halaman pertama atau genap"},
    {"header/footer picture", "gambar header/footer"},
    {"header/footer picture for first or even pages",
     "gambar header/footer halaman pertama atau genap"},
    {"linked header/footer picture", "gambar header/footer yang ditautkan"},
    {"linked picture", "gambar yang ditautkan"},
    {"shape or text box", "bentuk atau kotak teks"},
    {"group of shapes", "kelompok bentuk"},
    {"connector line", "garis penghubung"},
    {"ink drawing", "coretan tinta"},
    {"SmartArt diagram", "diagram SmartArt"},
    {"graphic object", "objek grafis"},
    {"drawing object ({})", "objek gambar ({1})"},
    {"extLst (conditional formatting)", "format bersyarat tambahan (extLst)"},
    {"extLst (sparklines)", "sparkline (extLst)"},
    {"extLst (slicers)", "slicer (extLst)"},
    {"extLst (timelines)", "timeline (extLst)"},
    {"extLst (protected ranges)", "rentang yang dilindungi (extLst)"},
    {"extLst (ignored errors)", "galat yang diabaikan (extLst)"},
    {"extLst (web extensions)", "ekstensi web (extLst)"},
    {"extLst ({})", "isi tambahan Excel (extLst: {1})"},
    {"AutoFilter criteria ({}) in column {}", "kriteria AutoFilter di kolom {2}"},

    // What the writer could not express as it was (engine/write).
    {"VBA project: the output is not an .xlsm file",
     "makro (VBA): berkas hasil bukan .xlsm; simpan sebagai .xlsm agar makro ikut"},
    {"macro-enabled content type of an .xlsm", "jenis isi .xlsm (dengan makro)"},
    {"charts, tables and extLst of a copied sheet",
     "grafik, tabel dan isi tambahan (extLst) dari sheet salinan"},
    {"charts and shapes of a sheet that also has a new chart",
     "grafik dan bentuk dari sheet yang juga diberi grafik baru"},
    {"charts, shapes, tables and extLst content",
     "grafik, bentuk, tabel dan isi tambahan (extLst)"},
    {"external links, pivot caches, chart sheets, slicers",
     "tautan ke buku kerja lain, data tabel pivot, sheet grafik, slicer"},
    {"content types of carried parts", "jenis isi bagian yang dibawa"},
    {"relationships of carried parts (charts, tables...)",
     "relasi bagian yang dibawa (grafik, tabel, ...)"},
    {"extLst content written by both ({})", "isi tambahan (extLst) yang ditulis dua kali ({1})"},
    {"formula longer than 8192 characters written as its last value",
     "rumus lebih dari 8.192 karakter ditulis sebagai nilai terakhirnya"},
    {"formula linked to another workbook written as its last value",
     "rumus yang tertaut ke buku kerja lain ditulis sebagai nilai terakhirnya"},
    {"text longer than 32767 characters truncated", "teks lebih dari 32.767 karakter dipotong"},
    {"infinite or NaN number written as #NUM!",
     "angka tak hingga atau bukan angka ditulis sebagai #NUM!"},
    {"infinite or NaN number written as the formula =#NUM!",
     "angka tak hingga atau bukan angka ditulis sebagai rumus =#NUM!"},
    {"infinite or NaN formula result cached as #NUM!",
     "hasil rumus tak hingga atau bukan angka disimpan sebagai #NUM!"},
    {"array formula with a bad range written as a normal formula",
     "rumus array dengan rentang yang salah ditulis sebagai rumus biasa"},
    {"rich text over 32767 characters written plain",
     "teks berformat lebih dari 32.767 karakter ditulis tanpa format"},
    {"rich text of one run written as plain text in its font",
     "teks berformat satu bagian ditulis sebagai teks biasa dengan hurufnya"},
    {"number written with 16 significant digits (not its exact shortest form)",
     "angka ditulis dengan 16 digit signifikan (bukan bentuk terpendeknya yang tepat)"},
    {"numbers written with 16 significant digits", "angka ditulis dengan 16 digit signifikan"},
    {"{} numbers written with 16 significant digits",
     "{1} angka ditulis dengan 16 digit signifikan"},
    {"cell out of bounds", "sel di luar batas lembar kerja"},
    {"merged range out of bounds", "rentang gabungan di luar batas lembar kerja"},
    {"merged range of a single cell", "rentang gabungan dari satu sel saja"},
    {"merged range overlapping another one", "rentang gabungan yang bertumpuk dengan yang lain"},
    {"hyperlink out of bounds", "hyperlink di luar batas lembar kerja"},
    {"hyperlink without a target", "hyperlink tanpa tujuan"},
    {"hyperlink tooltip longer than 255 characters truncated",
     "keterangan hyperlink lebih dari 255 karakter dipotong"},
    {"chart out of bounds", "grafik di luar batas lembar kerja"},
    {"chart series with a range that is not one row or column of a sheet left out",
     "seri grafik yang rentangnya bukan satu baris atau kolom sheet ditinggalkan"},
    {"chart series of more than 32000 points left out",
     "seri grafik lebih dari 32.000 titik ditinggalkan"},
    {"chart without a series it can draw", "grafik tanpa seri yang dapat digambar"},
    {"line series in a horizontal bar chart drawn as bars",
     "seri garis dalam grafik batang mendatar digambar sebagai batang"},
    {"line series over columns drawn as columns",
     "seri garis di atas kolom digambar sebagai kolom"},
    {"chart (libxlsxwriter could not create it)", "grafik (libxlsxwriter tidak dapat membuatnya)"},
    {"chart values cached as libxlsxwriter wrote them",
     "nilai grafik disimpan seperti yang ditulis libxlsxwriter"},
    {"chart axis bound that is not a number left automatic",
     "batas sumbu grafik yang bukan angka dibiarkan otomatis"},
    {"chart axis bound written with 16 significant digits",
     "batas sumbu grafik ditulis dengan 16 digit signifikan"},
    {"chart axis minimum not below its maximum: both left automatic",
     "nilai minimum sumbu grafik tidak di bawah maksimumnya: keduanya dibiarkan otomatis"},
    {"chart size out of range: drawn at 480 x 288 pixels",
     "ukuran grafik di luar rentang: digambar 480 x 288 piksel"},
    {"comment out of bounds", "komentar di luar batas lembar kerja"},
    {"comment longer than 32767 characters truncated",
     "komentar lebih dari 32.767 karakter dipotong"},
    {"image out of bounds", "gambar di luar batas lembar kerja"},
    {"image without data", "gambar tanpa isi"},
    {"image of type '{}' not supported (only PNG, JPEG, GIF and BMP)",
     "gambar berjenis '{1}' tidak didukung (hanya PNG, JPEG, GIF dan BMP)"},
    {"image size out of range: shown at its own size",
     "ukuran gambar di luar rentang: ditampilkan dengan ukuran aslinya"},
    {"conditional format range out of bounds",
     "rentang format bersyarat di luar batas lembar kerja"},
    {"conditional format of type '{}' not supported",
     "format bersyarat berjenis '{1}' tidak didukung"},
    {"conditional format ranges beyond 2079 characters left out",
     "rentang format bersyarat lewat dari 2.079 karakter ditinggalkan"},
    {"conditional format that turns bold/italic/strike/underline off",
     "format bersyarat yang mematikan tebal/miring/coret/garis bawah"},
    {"top/bottom conditional format rank set to 10",
     "peringkat format bersyarat atas/bawah diatur menjadi 10"},
    {"icon set thresholds set to the default percentages",
     "batas set ikon format bersyarat diatur menjadi persentase bawaan"},
    {"cell style index out of range, default style used",
     "nomor gaya sel di luar rentang, gaya bawaan dipakai"},
    {"number format longer than 127 bytes, General used",
     "format angka lebih dari 127 bita, format General dipakai"},
    {"font name empty or longer than 127 bytes", "nama huruf kosong atau lebih dari 127 bita"},
    {"font size outside 1-409 points", "ukuran huruf di luar 1-409 poin"},
    {"theme font scheme of a font other than Calibri",
     "skema huruf tema pada huruf selain Calibri"},
    {"theme of the workbook (colours and fonts)", "tema buku kerja (warna dan huruf)"},
    {"background colour of a solid fill without foreground",
     "warna latar isian padat tanpa warna depan"},
    {"indent of centred, filled or justified text",
     "inden teks rata tengah, isi penuh atau rata kiri-kanan"},
    {"text rotation outside 0-180 and 255", "rotasi teks di luar 0-180 dan 255"},
    {"automatic font colour written as a near-black colour",
     "warna huruf otomatis ditulis sebagai warna hampir hitam"},
    {"base column width out of range", "lebar dasar kolom di luar rentang"},
    {"default column width out of range", "lebar kolom bawaan di luar rentang"},
    {"default row height out of range", "tinggi baris bawaan di luar rentang"},
    {"sheet default column width (columns show 8.43 characters)",
     "lebar kolom bawaan sheet (kolom tampil 8,43 karakter)"},
    {"column range out of bounds", "rentang kolom di luar batas lembar kerja"},
    {"column width out of range", "lebar kolom di luar rentang"},
    {"column width rounded to whole pixels", "lebar kolom dibulatkan ke piksel utuh"},
    {"row out of bounds", "baris di luar batas lembar kerja"},
    {"row height out of range", "tinggi baris di luar rentang"},
    {"column settings", "pengaturan kolom"},
    {"row settings", "pengaturan baris"},
    {"column width", "lebar kolom"},
    {"row height", "tinggi baris"},
    {"data validation", "validasi data"},
    {"data validation of unknown type or operator",
     "validasi data dengan jenis atau operator yang tidak dikenal"},
    {"data validation without its formula written as any value",
     "validasi data tanpa rumusnya ditulis sebagai nilai apa saja"},
    {"data validation range out of bounds", "rentang validasi data di luar batas lembar kerja"},
    {"data validation ranges beyond the first", "rentang validasi data setelah yang pertama"},
    {"data validation prompt title over 32 characters truncated",
     "judul pesan masukan validasi data lebih dari 32 karakter dipotong"},
    {"data validation prompt over 255 characters truncated",
     "pesan masukan validasi data lebih dari 255 karakter dipotong"},
    {"data validation error title over 32 characters truncated",
     "judul pesan galat validasi data lebih dari 32 karakter dipotong"},
    {"data validation error message over 255 characters truncated",
     "pesan galat validasi data lebih dari 255 karakter dipotong"},
    {"more than 255 data validations: the count is wrong",
     "lebih dari 255 validasi data: jumlahnya tercatat salah"},
    {"print area that is not a cell range", "area cetak yang bukan rentang sel"},
    {"print area beyond its first range", "area cetak setelah rentang pertamanya"},
    {"print area: {}", "area cetak tidak dapat ditulis"},
    {"print titles that are not whole rows or columns",
     "judul cetak yang bukan baris atau kolom utuh"},
    {"print area or titles of a sheet whose name needs quotes",
     "area atau judul cetak dari sheet yang namanya perlu tanda kutip"},
    {"defined name of a sheet that does not exist", "nama terdefinisi dari sheet yang tidak ada"},
    {"filter database name without an autofilter", "nama basis data filter tanpa AutoFilter"},
    {"defined name linked to another workbook", "nama terdefinisi yang tertaut ke buku kerja lain"},
    {"defined name refused by libxlsxwriter: {}", "nama terdefinisi ditolak libxlsxwriter"},
    {"hidden flag of a defined name", "tanda tersembunyi pada nama terdefinisi"},
    {"split pane out of bounds", "pemisah panel di luar batas lembar kerja"},
    {"split pane moved by less than a pixel", "pemisah panel bergeser kurang dari satu piksel"},
    {"frozen pane out of bounds", "panel beku di luar batas lembar kerja"},
    {"autofilter out of bounds", "AutoFilter di luar batas lembar kerja"},
    {"zoom outside 10-400%", "zoom di luar 10-400%"},
    {"print scale outside 10-400%", "skala cetak di luar 10-400%"},
    {"page margin out of range", "margin halaman di luar rentang"},
    {"header or footer margin written as 0.3", "margin header atau footer ditulis 0,3"},
    {"header/footer picture ({})", "gambar header/footer ({1})"},
    {"page header with '&&G' and pictures", "header halaman dengan '&&G' dan gambar"},
    {"page footer with '&&G' and pictures", "footer halaman dengan '&&G' dan gambar"},
    {"control characters in a document property written as spaces",
     "karakter kontrol di properti dokumen ditulis sebagai spasi"},
    {"document property longer than 255 characters cut",
     "properti dokumen lebih dari 255 karakter dipotong"},
    {"creation date that is not W3CDTF", "tanggal dibuat yang bukan format W3CDTF"},
    {"modification date that is not W3CDTF", "tanggal diubah yang bukan format W3CDTF"},
    {"creation date (written as 2000)", "tanggal dibuat (ditulis sebagai tahun 2000)"},
    {"creation date (written by libxlsxwriter)", "tanggal dibuat (ditulis oleh libxlsxwriter)"},
    {"modification date (written as the creation date)",
     "tanggal diubah (ditulis sama dengan tanggal dibuat)"},
    {"last modified by (written as the creator)",
     "terakhir diubah oleh (ditulis sebagai pembuatnya)"},
    {"document properties: {}", "properti dokumen tidak dapat ditulis"},
    {"active sheet that does not exist: the first is active",
     "sheet aktif yang tidak ada: sheet pertama dijadikan aktif"},
    {"hidden active sheet: the first visible sheet is active",
     "sheet aktif tersembunyi: sheet pertama yang tampak dijadikan aktif"},
    {"all sheets hidden: the active one is shown",
     "semua sheet tersembunyi: sheet aktif ditampilkan"},
    {"workbook without sheets: an empty sheet added",
     "buku kerja tanpa sheet: satu sheet kosong ditambahkan"},
    {"very hidden sheet written as hidden", "sheet sangat tersembunyi ditulis sebagai tersembunyi"},
    {"1904 date system lost: dates show 1462 days early",
     "sistem tanggal 1904 hilang: tanggal tampil 1.462 hari lebih awal"},
    {"sheet protection written without its password and options",
     "proteksi sheet ditulis tanpa kata sandi dan pilihannya"},
    // What libxlsxwriter refused to write, before " (libxlsxwriter: ...)".
    {"blank cell", "sel kosong"},
    {"number", "angka"},
    {"text", "teks"},
    {"boolean", "nilai benar/salah"},
    {"error value", "nilai galat"},
    {"formula", "rumus"},
    {"array formula", "rumus array"},
    {"rich text", "teks berformat"},
    {"merged range", "rentang gabungan"},
    {"hyperlink", "hyperlink"},
    {"comment", "komentar"},
    {"image", "gambar"},
    {"conditional format", "format bersyarat"},
    {"autofilter", "AutoFilter"},
    {"autofilter criteria", "kriteria AutoFilter"},
    {"AutoFilter criteria", "kriteria AutoFilter"},
    {"row page breaks", "pemisah halaman antarbaris"},
    {"column page breaks", "pemisah halaman antarkolom"},
    {"page header", "header halaman"},
    {"page footer", "footer halaman"},
    {"rows repeated on every page", "baris yang diulang di setiap halaman"},
};

// Details the stages append to a phrase: where an object sits, the name of a sheet, or a
// refusal of libxlsxwriter (whose English reason is not repeated to the user).
struct Detail {
    std::string_view en, id;
};
constexpr Detail details[] = {
    {" at {}", " di {1}"},
    {" \"{}\"", " \"{1}\""},
    {" (libxlsxwriter: {})", " tidak dapat ditulis (ditolak libxlsxwriter)"},
};

// `text` against `pattern`, "{}" matching any run of characters; the runs, or nothing.
std::optional<std::vector<std::string_view>> match(std::string_view pattern,
                                                   std::string_view text) {
    std::vector<std::string_view> runs;
    std::size_t hole = pattern.find("{}");
    if (hole == std::string_view::npos) return pattern == text ? std::optional(runs) : std::nullopt;
    if (text.substr(0, hole) != pattern.substr(0, hole)) return std::nullopt;
    text.remove_prefix(hole);
    pattern.remove_prefix(hole + 2);
    while (true) {
        std::size_t next = pattern.find("{}");
        std::string_view piece = pattern.substr(0, next);
        // The last piece ends the text; a middle one is its first occurrence.
        std::size_t at =
            next == std::string_view::npos
                ? (text.size() >= piece.size() && text.substr(text.size() - piece.size()) == piece
                       ? text.size() - piece.size()
                       : std::string_view::npos)
                : text.find(piece);
        if (at == std::string_view::npos || at == 0) return std::nullopt;  // runs are not empty
        runs.push_back(text.substr(0, at));
        text.remove_prefix(at + piece.size());
        if (next == std::string_view::npos) return runs;
        pattern.remove_prefix(next + 2);
    }
}

std::string fill(std::string_view id, const std::vector<std::string_view>& runs) {
    std::string out;
    for (std::size_t i = 0; i < id.size(); ++i) {
        if (id[i] == '{' && i + 2 < id.size() && id[i + 2] == '}' && id[i + 1] >= '1' &&
            id[i + 1] <= '9') {
            std::size_t run = static_cast<std::size_t>(id[i + 1] - '1');
            if (run < runs.size()) out += runs[run];
            i += 2;
        } else {
            out += id[i];
        }
    }
    return out;
}

struct Found {
    const Words* words;
    std::string id;
};

// The phrase as a whole: exact phrases before patterns, so that "chart" never reads
// "chart out of bounds".
std::optional<Found> find_whole(std::string_view what) {
    for (const Words& w : phrases)
        if (w.en == what) return Found{&w, std::string(w.id)};
    for (const Words& w : phrases)
        if (auto runs = match(w.en, what)) return Found{&w, fill(w.id, *runs)};
    return std::nullopt;
}

// The phrase, or a known phrase followed by one of the details.
std::optional<Found> find(std::string_view what) {
    if (auto whole = find_whole(what)) return whole;
    for (const Detail& d : details) {
        std::string_view lead = d.en.substr(0, d.en.find("{}"));
        for (std::size_t at = what.find(lead); at != std::string_view::npos;
             at = what.find(lead, at + 1)) {
            auto head = find_whole(what.substr(0, at));
            auto runs = match(d.en, what.substr(at));
            if (head && runs) return Found{head->words, head->id + fill(d.id, *runs)};
        }
    }
    return std::nullopt;
}

}  // namespace

Message describe(const DroppedPart& dropped) {
    auto found = find(dropped.what);
    return {found ? found->id : "bagian \"" + dropped.what + "\"", dropped.what};
}

Message dropped_place(const DroppedPart& dropped) {
    std::string id = dropped.part;
    // The writer's places: "Data!row 7", "xl/styles.xml!style 3 rich text run", and Drops::list's
    // "Data!B5 (+9 more)".
    constexpr Words places[] = {
        {"!row ", "!baris "}, {"!style ", "!gaya "}, {" rich text run", " bagian teks berformat"}};
    for (const Words& w : places)
        if (auto at = id.find(w.en); at != std::string::npos) id.replace(at, w.en.size(), w.id);
    const std::string_view more = " more)";
    if (id.size() > more.size() && id.ends_with(more) && id.find(" (+") != std::string::npos)
        id.replace(id.size() - more.size(), more.size(), " lainnya)");
    return {id, dropped.part};
}

std::string dropped_kind(std::string_view what) {
    auto found = find(what);
    return std::string(found ? found->words->en : what);
}

bool described(std::string_view what) {
    return find(what).has_value();
}

std::string sentence_start(std::string text) {
    if (!text.empty())
        text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
    return text;
}

}  // namespace kinerja
