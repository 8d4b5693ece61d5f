#!/usr/bin/env python3
"""Writes the small hand-made workbooks of tests/cases/<name>/input.xlsx (python3 stdlib only).

Each case is one folder: input.xlsx (written here), an optional data.csv and expected.json
(both kept by hand in the folder). The workbooks are laid out as staff type them: a title
naming the unit and the year, a header row, one row per indicator; percentages are fractions
with a "0%" or "0.00%" format, amounts are numbers with "#,##0".

Run: python3 tests/cases/make_cases.py   (rewrites every input.xlsx; the output is
deterministic, so an unchanged case gives the same bytes).
"""
import os
import zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"

# Cell formats (cellXfs order): 0 General, 1 "0%", 2 "0.00%", 3 "#,##0", 4 bold header.
STYLE = {"pct": 1, "pct2": 2, "rp": 3, "bold": 4}


def pct(x):
    """A percentage as Excel stores a typed 85%: the fraction, formatted 0%."""
    return ("pct", x)


def pct2(x):
    """A percentage with two decimals: 0.9411 shown 94,11%."""
    return ("pct2", x)


def rp(x):
    """An amount shown with thousands separators."""
    return ("rp", x)


class Formula:
    """A formula with the result Excel cached for it: F("SUM(C7:C9)", 600)."""

    def __init__(self, text, cached):
        self.text, self.cached = text, cached


def col_name(c):
    name = ""
    c += 1
    while c:
        c, r = divmod(c - 1, 26)
        name = chr(65 + r) + name
    return name


class Sheet:
    def __init__(self, name):
        self.name = name
        self.cells = {}  # (row, col) 1-based row, 0-based col -> value
        self.merges = []

    def row(self, r, values, first_col=0):
        for i, v in enumerate(values):
            if v is not None:
                self.cells[(r, first_col + i)] = v
        return self

    def header(self, r, titles, first_col=0):
        return self.row(r, [("bold", t) for t in titles], first_col)

    def merge(self, ref):
        self.merges.append(ref)
        return self


class Strings:
    def __init__(self):
        self.index = {}

    def add(self, text):
        return self.index.setdefault(text, len(self.index))

    def xml(self):
        items = "".join(f'<si><t xml:space="preserve">{escape(t)}</t></si>' for t in self.index)
        n = len(self.index)
        return DECL + f'<sst xmlns="{MAIN}" count="{n}" uniqueCount="{n}">{items}</sst>'


def cell_xml(ref, value, strings, inline):
    style = 0
    if isinstance(value, tuple):
        kind, value = value
        style = STYLE[kind]
    s = f' s="{style}"' if style else ""
    if isinstance(value, Formula):
        return f'<c r="{ref}"{s}><f>{escape(value.text)}</f><v>{value.cached}</v></c>'
    if isinstance(value, str):
        if inline:
            return f'<c r="{ref}"{s} t="inlineStr"><is><t xml:space="preserve">{escape(value)}</t></is></c>'
        return f'<c r="{ref}"{s} t="s"><v>{strings.add(value)}</v></c>'
    return f'<c r="{ref}"{s}><v>{repr(float(value)) if isinstance(value, float) else value}</v></c>'


def sheet_xml(sheet, strings, inline):
    rows = {}
    for (r, c), v in sorted(sheet.cells.items()):
        rows.setdefault(r, []).append(cell_xml(f"{col_name(c)}{r}", v, strings, inline))
    data = "".join(f'<row r="{r}">{"".join(cells)}</row>' for r, cells in sorted(rows.items()))
    merges = ""
    if sheet.merges:
        refs = "".join(f'<mergeCell ref="{m}"/>' for m in sheet.merges)
        merges = f'<mergeCells count="{len(sheet.merges)}">{refs}</mergeCells>'
    cols = '<cols><col min="1" max="1" width="6" customWidth="1"/>' \
           '<col min="2" max="3" width="40" customWidth="1"/></cols>'
    return DECL + f'<worksheet xmlns="{MAIN}" xmlns:r="{DOC_REL}">{cols}' \
                  f'<sheetData>{data}</sheetData>{merges}</worksheet>'


STYLES = DECL + f'''<styleSheet xmlns="{MAIN}">
<numFmts count="3"><numFmt numFmtId="164" formatCode="0%"/><numFmt numFmtId="165" formatCode="0.00%"/><numFmt numFmtId="166" formatCode="#,##0"/></numFmts>
<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="5">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>
</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>'''


def write_xlsx(path, sheets, inline=False):
    strings = Strings()
    sheet_parts = [sheet_xml(s, strings, inline) for s in sheets]
    n = len(sheets)
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for i in range(n))
    if not inline:
        overrides += '<Override PartName="/xl/sharedStrings.xml" ContentType="application/' \
                     'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    parts = {
        "[Content_Types].xml": DECL +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' + overrides + '</Types>',
        "_rels/.rels": DECL + f'<Relationships xmlns="{PKG_REL}"><Relationship Id="rId1" '
        f'Type="{DOC_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": DECL + f'<workbook xmlns="{MAIN}" xmlns:r="{DOC_REL}"><sheets>' +
        "".join(f'<sheet name="{escape(s.name)}" sheetId="{i + 1}" r:id="rId{i + 1}"/>'
                for i, s in enumerate(sheets)) + '</sheets></workbook>',
        "xl/_rels/workbook.xml.rels": DECL + f'<Relationships xmlns="{PKG_REL}">' +
        "".join(f'<Relationship Id="rId{i + 1}" Type="{DOC_REL}/worksheet" '
                f'Target="worksheets/sheet{i + 1}.xml"/>' for i in range(n)) +
        f'<Relationship Id="rId{n + 1}" Type="{DOC_REL}/styles" Target="styles.xml"/>' +
        ("" if inline else f'<Relationship Id="rId{n + 2}" Type="{DOC_REL}/sharedStrings" '
                           'Target="sharedStrings.xml"/>') + '</Relationships>',
        "xl/styles.xml": STYLES,
    }
    for i, xml in enumerate(sheet_parts):
        parts[f"xl/worksheets/sheet{i + 1}.xml"] = xml
    if not inline:
        parts["xl/sharedStrings.xml"] = strings.xml()
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data.encode("utf-8"))


# ------------------------------------------------------------------ the cases

MAKANAN = "Persentase pemenuhan layanan makanan bagi Tahanan / Narapidana / Anak sesuai dengan standar"
PREVENTIF = ("Persentase Tahanan / Narapidana / Anak mendapatkan layanan kesehatan (preventif) "
             "secara berkualitas")
LANSIA = "Persentase tahanan / narapidana lansia yang mendapatkan layanan kesehatan sesuai standar"
HIV = ("Persentase keberhasilan penanganan penyakit menular HIV-AIDS (ditekan jumlah virusnya) "
       "dan TB Positif (berhasil sembuh)")
RUTAN = "RUMAH TAHANAN NEGARA KELAS IIB CONTOH"


def capaian(rows, name="Capaian 2023", extra_headers=()):
    """Tabel capaian: No | Indikator Kinerja | [extra] | Target | Realisasi | Capaian, data
    from row 5. Each row is the list of values after No."""
    s = Sheet(name)
    s.row(1, ["CAPAIAN KINERJA TAHUN 2023"]).row(2, [RUTAN])
    s.header(4, ["No", "Indikator Kinerja", *extra_headers, "Target", "Realisasi", "Capaian"])
    for i, values in enumerate(rows):
        s.row(5 + i, [i + 1, *values])
    return s


def anggaran(rows, headers=("No", "Jenis Belanja", "Pagu", "Realisasi", "Sisa", "%")):
    s = Sheet("Realisasi Anggaran")
    s.row(1, ["REALISASI ANGGARAN TAHUN 2023"]).row(2, [RUTAN])
    s.header(4, list(headers))
    for i, values in enumerate(rows):
        s.row(5 + i, values)
    return s


def rka(ro_u01):
    """An RKA tree: program > kegiatan > KRO > ROs 003 and U01 (whose amounts are given)."""
    s = Sheet("RKA Satker Bagian A")
    s.row(1, ["RENCANA KERJA DAN ANGGARAN SATUAN KERJA TAHUN ANGGARAN 2024"])
    s.row(2, ["SATUAN KERJA : (407607) BALAI PEMASYARAKATAN CONTOH"])
    s.header(4, ["KODE", "PROGRAM/ KEGIATAN/ KRO/ RO/ KOMPONEN", "VOLUME/ SATUAN", "ANGKA DASAR",
                 "INISIATIF BARU", "JUMLAH"])
    s.row(5, ["013.05.BF", "Program Pembinaan dan Pembimbingan Masyarakat", None,
              rp(1000000), None, rp(1000000)])
    s.row(6, ["5252", "Pembimbingan Kemasyarakatan", None, rp(1000000), None, rp(1000000)])
    s.row(7, ["5252.BDC", "Fasilitasi dan Pembinaan Lembaga", "100 Orang", rp(1000000), None,
              rp(1000000)])
    s.row(8, ["003", "Klien Pemasyarakatan yang dibimbing", "60 Orang", rp(600000), None,
              rp(600000)])
    s.row(9, ["U01", "Litmas Klien Pemasyarakatan", "40 Orang", *ro_u01])
    return s


def rencana_aksi(second_plan, second_spent, realisasi_kinerja=None):
    """Two indicators with their TW I-IV rows; the first adds up, the second is given.
    With realisasi_kinerja (per TW, both blocks) a REALISASI column is added."""
    s = Sheet("Rencana Aksi 2024")
    s.row(1, ["RENCANA AKSI TAHUN ANGGARAN 2024"])
    s.row(2, ["LEMBAGA PEMASYARAKATAN KELAS IIA CONTOH"])
    headers = ["NO", "INDIKATOR KINERJA", "TARGET", "PAGU", "TW", "RENCANA PENARIKAN DANA",
               "REALISASI ANGGARAN", "RENCANA KEGIATAN"]
    if realisasi_kinerja:
        headers.append("REALISASI")
    s.header(4, headers)
    blocks = [(MAKANAN, [250000] * 4, [250000] * 4), (PREVENTIF, second_plan, second_spent)]
    for b, (name, plan, spent) in enumerate(blocks):
        top = 5 + 4 * b
        s.row(top, [b + 1, name, pct(1), rp(1000000)])
        for col in "ABCD":
            s.merge(f"{col}{top}:{col}{top + 3}")
        for tw in range(4):
            value = lambda v: rp(v) if isinstance(v, int) else v
            s.row(top + tw, [["TW I", "TW II", "TW III", "TW IV"][tw], value(plan[tw]),
                             value(spent[tw]), "Pelaksanaan kegiatan"], first_col=4)
            if realisasi_kinerja:
                s.row(top + tw, [pct(realisasi_kinerja[b][tw])], first_col=8)
    return s


def rencana_aksi_capaian(capaian_typed, typed_totals=(None, None)):
    """Rencana Aksi with per-TW REALISASI and CAPAIAN and per-block totals, all typed: the fill
    computes capaian per TW and the block sums; typed figures that differ are findings (capaian)
    or kept in a note (totals). A block's typed total defaults to the sum of its TW spending;
    typed_totals overrides it."""
    s = Sheet("Rencana Aksi 2025")
    s.row(1, ["RENCANA AKSI TAHUN ANGGARAN 2025"])
    s.row(2, ["LEMBAGA PEMASYARAKATAN KELAS IIA CONTOH"])
    s.header(4, ["NO", "INDIKATOR KINERJA", "TARGET", "PAGU", "TW", "RENCANA PENARIKAN DANA",
                 "REALISASI ANGGARAN", "JUMLAH REALISASI ANGGARAN", "PENYERAPAN (%)", "REALISASI",
                 "CAPAIAN (%)"])
    realisasi = [[0.25, 0.5, 0.75, 1], [0.2, 0.45, 0.7, 0.9]]
    spent = [[250000, 250000, None, None], [200000, 250000, None, None]]
    for b, name in enumerate([MAKANAN, PREVENTIF]):
        top = 5 + 4 * b
        s.row(top, [b + 1, name, pct(1), rp(1000000)])
        total = sum(v for v in spent[b] if v)
        typed_total = typed_totals[b] if typed_totals[b] is not None else total
        s.row(top, [rp(typed_total), pct2(total / 1e6)], first_col=7)
        for col in "ABCDHI":
            s.merge(f"{col}{top}:{col}{top + 3}")
        for tw in range(4):
            s.row(top + tw, [["TW I", "TW II", "TW III", "TW IV"][tw], rp(250000)], first_col=4)
            if spent[b][tw]:
                s.row(top + tw, [rp(spent[b][tw])], first_col=6)
            s.row(top + tw, [pct(realisasi[b][tw]), pct(capaian_typed[b][tw])], first_col=9)
    return s


def indikator_umum():
    """A regional office's capaian table: no indicator is in the catalogue. One says its
    direction in the Arah column (turun), one in its name; capaian and kategori are left for
    Kinerja to fill by the template's general rule."""
    s = Sheet("Capaian 2023")
    s.row(1, ["CAPAIAN KINERJA TAHUN 2023"]).row(2, ["DINAS KESEHATAN KABUPATEN CONTOH"])
    s.header(4, ["No", "Indikator Kinerja", "Arah", "Target", "Realisasi", "Capaian", "Kategori"])
    s.row(5, [1, "Persentase desa yang memiliki posyandu aktif", "naik", pct(0.8), pct(0.7)])
    s.row(6, [2, "Jumlah kasus gizi buruk pada balita", "turun", 20, 15])
    s.row(7, [3, "Angka kesakitan demam berdarah per 100.000 penduduk (semakin kecil semakin "
                 "baik)", None, 50, 60])
    s.row(8, [4, "Indeks kepuasan masyarakat terhadap layanan puskesmas", None, 80, 84])
    return s


def note_sheet():
    s = Sheet("Catatan")
    s.row(1, ["Catatan rapat evaluasi kinerja"]).row(2, ["Hadir", 12]).row(3, ["Izin", 2])
    return s


CASES = {
    "umum-bukan-angka": [capaian([[MAKANAN, pct(1), pct(0.9), pct(0.9)],
                                  [PREVENTIF, pct(0.9), "sembilan puluh persen", "-"]])],
    "umum-negatif": [capaian([[MAKANAN, pct(1), pct(0.9), pct(0.9)],
                              [PREVENTIF, pct(0.9), pct(-0.05), None]])],
    "umum-persen-rentang": [capaian([[MAKANAN, pct(1), pct(0.9), pct(0.9)],
                                     [PREVENTIF, pct(1), pct(1.2), pct(1.2)]])],
    "umum-pembilang-penyebut": [capaian([[MAKANAN, 450, 500, pct(0.9), pct(0.9), pct(1)],
                                         [PREVENTIF, 530, 500, pct(1), pct(1), pct(1)]],
                                        extra_headers=("Pembilang", "Penyebut"))],
    "umum-target-kosong": [capaian([[MAKANAN, pct(1), pct(0.9), pct(0.9)],
                                    [PREVENTIF, None, pct(0.9), None]])],
    "umum-realisasi-kosong": [capaian([[MAKANAN, pct(1), pct(0.9), pct(0.9)],
                                       [PREVENTIF, pct(0.9), None, None]])],
    "capaian-beda": [capaian([[MAKANAN, pct(1), pct(0.9), pct(0.9)],
                              [LANSIA, pct(0.8), pct(0.8), pct2(0.9411)]])],
    "satuan-beda": [capaian([["Tersusunnya dokumen pengelolaan BMN dan Kerumahtanggaan", "1 Layanan",
                               pct(1), None]])],
    "antar-tabel-beda": [
        Sheet("PK 2023").row(1, ["PERJANJIAN KINERJA TAHUN 2023"]).row(2, [RUTAN])
        .header(4, ["No", "Sasaran Kegiatan", "Indikator Kinerja", "Target"])
        .row(5, [1, "Meningkatnya pelayanan perawatan", MAKANAN, pct(1)])
        .row(6, [2, None, HIV, pct(0.8)]).merge("B5:B6"),
        capaian([[MAKANAN, pct(1), pct(1), pct(1)], [HIV, pct(0.7), pct(0.7), pct(1)]])],
    "indikator-tidak-dikenal": [capaian([[MAKANAN, pct(1), pct(0.9), pct(0.9)],
                                         ["Tingkat kepuasan kucing liar yang diberi makan", pct(1),
                                          pct(1), pct(1)],
                                         ["Jumlah kucing liar yang divaksin", 40, None, None]])],
    "indikator-umum": [indikator_umum()],
    "indikator-ambigu": [capaian([[MAKANAN, pct(1), pct(0.9), pct(0.9)],
                                  ["Persentase Narapidana/Tahanan yang mendapatkan pelayanan "
                                   "perawatan kesehatan", pct(1), pct(1), pct(1)]])],
    "tabel-tidak-ditemukan": [note_sheet()],
    "data-variabel-kurang": [capaian([[MAKANAN, pct(1), pct(0.9), pct(0.9)]])],
    "data-lengkap": [capaian([[MAKANAN, pct(1), pct(0.9), pct(0.9)]])],
    "data-csv-injeksi": [capaian([[MAKANAN, pct(1), pct(0.9), pct(0.9)]])],
    "anggaran-sisa": [anggaran([
        [1, "Belanja Pegawai", rp(1000000), rp(900000), rp(100000), pct2(0.9)],
        [2, "Belanja Barang", rp(500000), rp(400000), rp(150000), pct2(0.8)]])],
    "anggaran-persen": [anggaran([
        [1, "Belanja Pegawai", rp(1000000), rp(900000), rp(100000), pct2(0.9)],
        [2, "Belanja Barang", rp(3148521000), rp(2653876069), rp(494644931), pct2(0.8423)]])],
    # Pagu typed with commas for thousands and decimals: every other pagu is about 1e10, so
    # it reads 21.276.070.424,00 (the sisa and % agree only with that reading). The realisasi
    # 950,000,000,00 fits neither 950.000.000 nor 95.000.000.000 beside 1e10: umum.angka_ragu.
    "umum-angka-ragu": [anggaran([
        [1, "Belanja Pegawai", rp(18500000000), rp(17000000000), rp(1500000000), pct2(0.9189)],
        [2, "Belanja Barang", "21,276,070,424,00", rp(20000000000), rp(1276070424), pct2(0.94)],
        [3, "Belanja Modal", rp(1000000000), "950,000,000,00"]])],
    "anggaran-total": [anggaran([
        [1, "Belanja Pegawai", rp(1000000), rp(900000)],
        [2, "Belanja Barang", rp(500000), rp(400000)],
        [None, "Total", rp(1600000), rp(1300000)]], headers=("No", "Jenis Belanja", "Pagu",
                                                             "Realisasi"))],
    "antar-tabel-anggaran": [
        anggaran([["Belanja Pegawai", rp(1000000000), rp(950000000), pct2(0.95)],
                  ["Belanja Barang", rp(3148521000), rp(2689243069), pct2(0.8541)]],
                 headers=("Akun", "Alokasi", "Realisasi", "Persentase"))
        .row(9, ["Realisasi per jenis belanja (SPAN)"])
        .header(10, ["No", "Jenis Belanja", "Pagu", "Realisasi", "%", "Sisa"])
        .row(11, [1, "Belanja Pegawai", rp(1000000000), rp(950000000), pct2(0.95), rp(50000000)])
        .row(12, [2, "Belanja Barang", rp(3148521000), rp(2653876069), pct2(0.8429),
                  rp(494644931)])],
    "kategori-beda": [Sheet("Capaian 2023")
                      .row(1, ["CAPAIAN KINERJA TAHUN 2023"]).row(2, [RUTAN])
                      .header(4, ["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian",
                                  "Kategori"])
                      .row(5, [1, MAKANAN, pct(1), pct(0.9), pct(0.9), "A"])],
    "rumus-tidak-valid": [capaian([["Persentase kunjungan keluarga yang terlayani", pct(0.9),
                                    pct(0.85), None]]),
                          Sheet("Rumus")
                          .header(1, ["Id", "Nama", "Satuan", "Arah", "Variabel", "Realisasi"])
                          .row(2, ["layanan.kunjungan",
                                   "Persentase kunjungan keluarga yang terlayani", "%", "naik",
                                   "dilayani; kunjungan", "pct(dilayani, kunjungan"])],
    "rumus-sheet": [capaian([["Persentase kunjungan keluarga yang terlayani", pct(0.9),
                              pct(0.85), None]]),
                    Sheet("Rumus")
                    .header(1, ["Id", "Nama", "Satuan", "Arah", "Variabel", "Realisasi"])
                    .row(2, ["layanan.kunjungan", "Persentase kunjungan keluarga yang terlayani",
                             "%", "naik", "dilayani; kunjungan", "pct(dilayani, kunjungan)"])
                    .row(5, ["desimal", "0"])],
    # A program > kegiatan > sub kegiatan tree of SUM formulas (no codes): D6 leaves its third
    # sub kegiatan out (350, its children 450); C10 is typed over its children (500 for 400).
    "tabel-induk": [anggaran([
        [1, "Program Perencanaan Contoh", rp(Formula("SUM(C6+C10)", 1100)),
         rp(Formula("SUM(D6+D10)", 700))],
        [None, "Kegiatan Penyusunan Dokumen", rp(Formula("SUM(C7:C9)", 600)),
         rp(Formula("SUM(D7:D8)", 350))],
        [None, "Sub kegiatan Analisis Data", rp(200), rp(150)],
        [None, "Sub kegiatan Konsultasi Publik", rp(200), rp(200)],
        [None, "Sub kegiatan Musrenbang", rp(200), rp(100)],
        [None, "Kegiatan Pengendalian", rp(500), rp(Formula("SUM(D11:D12)", 350))],
        [None, "Sub kegiatan Monitoring", rp(250), rp(200)],
        [None, "Sub kegiatan Pelaporan", rp(150), rp(150)]],
        headers=("No", "Program/Kegiatan/Sub Kegiatan", "Pagu", "Realisasi"))],
    "rka-jumlah": [rka([rp(300000), rp(50000), rp(400000)])],
    "rka-induk": [rka([rp(300000), None, rp(300000)])],
    "ra-penarikan-pagu": [rencana_aksi([250000, 250000, 250000, 200000],
                                       [250000, 250000, 250000, 200000])],
    "ra-realisasi-pagu": [rencana_aksi([250000] * 4, [250000, 300000, 250000, 300000])],
    "ra-realisasi-tanpa-rencana": [rencana_aksi([500000, 500000, "-", "-"],
                                                [400000, 400000, 200000, "-"])],
    "ra-kumulatif-turun": [rencana_aksi([250000] * 4, [250000] * 4,
                                        realisasi_kinerja=[[0.25, 0.5, 0.75, 1],
                                                           [0.2, 0.45, 0.4, 0.9]])],
    "ra-capaian-tw": [rencana_aksi_capaian([[0.25, 0.5, 0.75, 1], [0.2, 0.5, 0.7, 0.9]])],
    "ra-jumlah-beda": [rencana_aksi_capaian([[0.25, 0.5, 0.75, 1], [0.2, 0.45, 0.7, 0.9]],
                                            typed_totals=(None, 400000))],
}

# Written with inline strings, as WPS and hand-made files store them.
INLINE = {"anggaran-persen", "ra-realisasi-pagu"}


def main():
    for name, sheets in CASES.items():
        write_xlsx(os.path.join(HERE, name, "input.xlsx"), sheets, inline=name in INLINE)
    print(f"{len(CASES)} workbooks written under {HERE}")


if __name__ == "__main__":
    main()
