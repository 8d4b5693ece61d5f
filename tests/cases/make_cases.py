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


# ------------------------------------------------------------------ the Renja evaluation

RENJA_HEADERS = [
    # (first column, last column, label) of the first header row
    ("F", "G", "Target Renstra Perangkat Daerah pada Tahun 2029 (Akhir Periode Renstra Perangkat Daerah)"),
    ("H", "I", "Realisasi Capaian Kinerja Renstra Perangkat Daerah sampai dengan Renja Perangkat "
               "Daerah Tahun 2025"),
    ("J", "K", "Target Kinerja dan Anggaran Renja Perangkat Daerah Tahun Berjalan (Tahun 2026) "
               "yang Dievaluasi"),
    ("L", "W", "Realisasi Kinerja Pada Triwulan"),
    ("X", "Y", "Realisasi Capaian Kinerja dan Anggaran Renja Perangkat Daerah yang Dievaluasi"),
    ("Z", "AA", "Realisasi Kinerja dan Anggaran Renstra Perangkat Daerah s/d Tahun 2026 (Akhir "
                "Tahun Pelaksanaan Renja Perangkat Daerah)"),
    ("AB", "AC", "Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra Perangkat Daerah s/d "
                 "Tahun 2029 (%)"),
]
RENJA_TW = ("L", "O", "R", "U")  # first of each TW's K | % | Rp.


def col_index(name):
    n = 0
    for ch in name:
        n = n * 26 + ord(ch) - 64
    return n - 1


def shift(name, k):
    return col_name(col_index(name) + k)


def renja_sheet(name, title_tw, numbers, rows):
    """The Permendagri 86/2017 evaluation as a Bappeda keeps it: title lines, a header band of
    labels merged over two rows with TW I-IV under "Realisasi Kinerja Pada Triwulan", a row of
    column numbers whose last three cells state 13 = 9 + 10 + 11 + 12, 14 = 7 + 13 and
    15 = 14 / 6 x 100, and a unit row K | % | Rp. `rows` maps a sheet row to {column: value}."""
    s = Sheet(name)
    s.row(1, ["Evaluasi Terhadap Hasil Renja Perangkat Daerah" + title_tw])
    s.row(2, ["Kabupaten Contoh"]).row(3, ["Tahun 2026"])
    for ref in ("A1:AC1", "A2:AC2", "A3:AC3"):
        s.merge(ref)
    for c, text in zip("ABCDE", ("No", "Sasaran", "Program/Kegiatan",
                                 "Indikator Kinerja Program (Outcome)/Kegiatan (Output)", "Satuan")):
        s.cells[(5, col_index(c))] = ("bold", text)
        s.merge(f"{c}5:{c}6").merge(f"{c}7:{c}8")
    for first, last, text in RENJA_HEADERS:
        s.cells[(5, col_index(first))] = ("bold", text)
        s.merge(f"{first}5:{last}5" if first == "L" else f"{first}5:{last}6")
        if first != "L":
            s.merge(f"{first}7:{last}7")
    for i, first in enumerate(RENJA_TW):
        s.cells[(6, col_index(first))] = ("bold", ["I", "II", "III", "IV"][i])
        s.merge(f"{first}6:{shift(first, 2)}6").merge(f"{first}7:{shift(first, 2)}7")
    for c, text in zip(["A", "B", "C", "D", "E", "F", "H", "J", *RENJA_TW, "X", "Z", "AB"], numbers):
        s.cells[(7, col_index(c))] = text
    units = {"F": "K", "G": "Rp.", "H": "K", "I": "Rp.", "J": "K", "K": "Rp.", "X": "K",
             "Y": "Rp.", "Z": "K", "AA": "Rp.", "AB": "K", "AC": "Rp."}
    for first in RENJA_TW:
        units.update({first: "K", shift(first, 1): "%", shift(first, 2): "Rp."})
    for c, u in units.items():
        s.cells[(8, col_index(c))] = u
    s.cells[(9, 1)] = "Perangkat Daerah : Badan Perencanaan Pembangunan Daerah Kabupaten Contoh"
    for r, values in rows.items():
        for c, v in values.items():
            s.cells[(r, col_index(c))] = v
    return s


def renja_kegiatan(r, no, name, indikator, satuan, renstra, lalu, tahun_ini, tw, typed=None,
                   empty=()):
    """One kegiatan row: Renstra target and pagu, realisasi up to 2025, this year's target and
    pagu, per TW (K, Rp.); the % per TW is K / target. Columns 13-15 are formulas with their
    results, except those in `typed` (typed over, for planted mistakes) or `empty` (left for
    Kinerja to fill)."""
    (rk, rrp), (lk, lrp), (tk, trp) = renstra, lalu, tahun_ini
    v = {"A": no, "C": name, "D": indikator, "E": satuan, "F": rk, "G": rp(rrp), "H": lk,
         "I": rp(lrp), "J": tk, "K": rp(trp)}
    for first, (k, money) in zip(RENJA_TW, tw):
        if k is None:
            continue
        v[first], v[shift(first, 1)], v[shift(first, 2)] = k, round(k / tk * 100, 2), rp(money)
    year_k = sum(k or 0 for k, _ in tw)
    year_rp = sum(m or 0 for _, m in tw)
    real_k, real_rp = lk + year_k, lrp + year_rp
    cells = {
        "X": (f"L{r}+O{r}+R{r}+U{r}", year_k), "Y": (f"N{r}+Q{r}+T{r}+W{r}", year_rp),
        "Z": (f"H{r}+X{r}", real_k), "AA": (f"I{r}+Y{r}", real_rp),
        "AB": (f"Z{r}/F{r}*100", real_k / rk * 100), "AC": (f"AA{r}/G{r}*100", real_rp / rrp * 100),
    }
    for c, (text, cached) in cells.items():
        if c in empty:
            continue
        value = Formula(text, round(cached, 10))
        v[c] = rp(value) if c in ("Y", "AA") else value
    v.update(typed or {})
    return v


def renja_rata_rata():
    """The Deli Serdang layout (A-AC, rows 5-8 of header) with two programs under a bidang row,
    each program with its Rata-rata capaian kinerja and Predikat kinerja, and both for all
    programs. Planted: X13 typed 0 while TW IV holds 35; the bidang row's TW IV Rp. sums
    program 1 only (W10 =SUM(W11)), so its year Rp. Y10 is not N10+Q10+T10+W10; AC14 typed
    over; AB15, the first program's rata-rata, typed wrong; AB23's predikat typed wrong.
    Program 2's rata-rata and predikat are left empty for Kinerja."""
    numbers = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, "13 = 9 + 10 + 11 + 12", "14 = 7 + 13",
               "15 = 14 / 6 x 100"]
    rows = {}
    k1 = [(12, "Penyusunan Dokumen Perencanaan Perangkat Daerah", "Jumlah dokumen perencanaan", "Dok",
           (5, 90000000), (3, 52000000), (1, 20000000), [(0, 0), (0, 4000000), (0, 6000000), (1, 9000000)]),
          (13, "Pemeliharaan Barang Milik Daerah", "Jumlah mebel yang dipelihara", "Unit",
           (40, 4000000), (35, 2800000), (35, 2800000), [(0, 0), (0, 0), (0, 0), (35, 2790000)]),
          (14, "Evaluasi Kinerja Perangkat Daerah", "Jumlah laporan evaluasi kinerja", "Lap",
           (5, 50000000), (4, 31000000), (1, 12000000), [(0.25, 2000000), (0.25, 3000000),
                                                          (0.25, 3000000), (0.25, 3500000)])]
    k2 = [(18, "Analisis Kondisi dan Isu Strategis Daerah", "Jumlah dokumen rancangan awal RKPD", "Dok",
           (5, 200000000), (4, 150000000), (1, 40000000), [(0, 0), (0.4, 10000000), (0.2, 12000000),
                                                            (0.4, 15000000)]),
          (19, "Pelaksanaan Konsultasi Publik", "Jumlah berita acara konsultasi publik", "Berita Acara",
           (5, 100000000), (2, 40000000), (2, 20000000), [(1, 5000000), (0, 0), (1, 9000000), (0, 4000000)])]
    no = 3
    for r, name, ind, sat, renstra, lalu, ini, tw in k1 + k2:
        no += r == 18  # program 2's own row is number 6
        typed = {"X": 0} if r == 13 else {"AC": 90} if r == 14 else None
        empty = ("X", "Y", "Z", "AA", "AB", "AC") if r == 19 else ()
        rows[r] = renja_kegiatan(r, no, name, ind, sat, renstra, lalu, ini, tw, typed, empty)
        no += 1
    # X13 is typed 0, so Z13 and AB13 follow it: H13 + 0 = 35, 35 / 40 = 87,5.
    rows[13]["Z"] = Formula("H13+X13", 35)
    rows[13]["AB"] = Formula("Z13/F13*100", 87.5)

    def capaian_k(r):
        return rows[r]["AB"].cached
    # Program rows: their own indicator, Rp. columns summing their kegiatan.
    for r, no_, name, ind, first, last, tw_k in (
            (11, 2, "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
             "Nilai LHE AKIP Perangkat Daerah", 12, 14, (20, 20, 20, 20)),
            (17, 6, "Program Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah",
             "Persentase perencanaan pembangunan partisipatif", 18, 19, (25, 25, 20, 20))):
        v = {"A": no_, "C": name, "D": ind, "E": "%", "F": 100, "H": 60, "J": 100}
        for c in ("G", "I", "K"):
            v[c] = rp(Formula(f"SUM({c}{first}:{c}{last})",
                              sum(rows[x][c][1] for x in range(first, last + 1))))
        for first_tw, k in zip(RENJA_TW, tw_k):
            v[first_tw] = k
            money_col = shift(first_tw, 2)
            v[money_col] = rp(Formula(f"SUM({money_col}{first}:{money_col}{last})",
                                      sum(rows[x][money_col][1] for x in range(first, last + 1)
                                          if money_col in rows[x])))
        year_k = sum(tw_k)
        year_rp = sum(v[shift(f, 2)][1].cached for f in RENJA_TW)
        v["X"] = Formula(f"L{r}+O{r}+R{r}+U{r}", year_k)
        v["Y"] = rp(Formula(f"N{r}+Q{r}+T{r}+W{r}", year_rp))
        v["Z"] = Formula(f"H{r}+X{r}", 60 + year_k)
        v["AB"] = Formula(f"Z{r}/F{r}*100", 60 + year_k)
        rows[r] = v
    # The bidang row: sums of both programs, except TW IV Rp. (program 1 only).
    bidang = {"A": 1, "C": "PERENCANAAN", "F": 100, "H": 100, "J": 100}
    for c in ("G", "I", "K", "N", "Q", "T", "Y"):
        bidang[c] = rp(Formula(f"SUM({c}11+{c}17)", rows[11][c][1].cached + rows[17][c][1].cached))
    bidang["W"] = rp(Formula("SUM(W11)", rows[11]["W"][1].cached))
    rows[10] = bidang
    avg1 = sum(capaian_k(r) for r in (12, 13, 14)) / 3
    all_avg = (sum(capaian_k(r) for r in (12, 13, 14)) + rows[18]["AB"].cached + 80) / 5

    def predikat(x):
        return ("Sangat Tinggi" if x > 90 else "Tinggi" if x > 75 else "Sedang" if x > 65
                else "Rendah" if x > 50 else "Sangat Rendah")
    rows[15] = {"C": "Rata-rata capaian kinerja (%)", "AB": 80,  # planted: not avg1
                "AC": Formula("AVERAGE(AC12:AC14)",
                              round((rows[12]["AC"].cached + rows[13]["AC"].cached + 90) / 3, 10))}
    rows[16] = {"C": "Predikat kinerja", "AB": predikat(avg1)}
    rows[20] = {"C": "Rata-rata capaian kinerja (%)"}
    rows[21] = {"C": "Predikat kinerja"}
    rows[22] = {"C": "Rata-rata capaian kinerja (%)"}
    rows[23] = {"C": "Predikat kinerja", "AB": "Sangat Tinggi"}  # planted: all_avg is not > 90
    assert predikat(all_avg) != "Sangat Tinggi", (avg1, avg2, all_avg)
    rows[25] = {"X": "Kota Contoh, 20 Januari 2027"}
    rows[27] = {"X": "KEPALA BADAN PERENCANAAN PEMBANGUNAN DAERAH"}
    return renja_sheet("Realisasi TW IV", "", numbers, rows)


def renja_predikat():
    """Another region's variant of the form: no sasaran column, TW labels "Triwulan I" ...,
    units "K | Rp" without a dot and no % per TW, and a column-number row of plain numbers
    "(1) ... (14)" that states no rule, so the form's own rules apply, as numbered here:
    12 = 8 + 9 + 10 + 11, 13 = 6 + 12, 14 = 13 / 5 x 100. The title names TRIWULAN III: TW IV
    is empty. Planted: S10's year realisasi typed 3 where TW I-III add up to 4; W13's predikat
    typed Tinggi for an average of 70,5 (Sedang). Row 11's columns 12-14 are empty for Kinerja
    to fill."""
    s = Sheet("Evaluasi Renja")
    s.row(1, ["EVALUASI TERHADAP HASIL RENJA DINAS PENDIDIKAN KABUPATEN CONTOH"])
    s.row(2, ["TRIWULAN III TAHUN 2026"])
    labels = [("A", "A", "No"), ("B", "B", "Program/Kegiatan"), ("C", "C", "Indikator Kinerja"),
              ("D", "D", "Satuan"), ("E", "F", "Target Renstra SKPD pada Tahun 2030"),
              ("G", "H", "Realisasi Capaian Kinerja Renstra SKPD s.d. Renja SKPD Tahun 2025"),
              ("I", "J", "Target Kinerja dan Anggaran Renja SKPD Tahun 2026 yang Dievaluasi"),
              ("K", "R", "Realisasi Kinerja Pada Triwulan"),
              ("S", "T", "Realisasi Capaian Kinerja dan Anggaran Renja SKPD yang Dievaluasi"),
              ("U", "V", "Realisasi Kinerja dan Anggaran Renstra SKPD s.d. Tahun 2026"),
              ("W", "X", "Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra SKPD s.d. "
                         "Tahun 2026 (%)")]
    for n, (first, last, text) in enumerate(labels):
        s.cells[(4, col_index(first))] = ("bold", text)
        if first == "K":
            s.merge(f"{first}4:{last}4")
        elif first == last:
            s.merge(f"{first}4:{first}6")
        else:
            s.merge(f"{first}4:{last}5")
    for t, name in enumerate(("Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV")):
        first = col_name(col_index("K") + 2 * t)
        s.cells[(5, col_index(first))] = ("bold", name)
        s.merge(f"{first}5:{shift(first, 1)}5")
    for c in range(col_index("E"), col_index("X") + 1, 2):
        s.cells[(6, c)], s.cells[(6, c + 1)] = "K", "Rp"
    groups = ["A", "B", "C", "D", "E", "G", "I", "K", "M", "O", "Q", "S", "U", "W"]
    for n, first in enumerate(groups):
        s.cells[(7, col_index(first))] = f"({n + 1})"
        if col_index(first) >= col_index("E"):
            s.merge(f"{first}7:{shift(first, 1)}7")
    rows = [
        # no, name, indikator, satuan, renstra, lalu, ini, TW I-III (K, Rp)
        (1, "Program Pengelolaan Pendidikan", "Angka partisipasi murni SD", "%", (100, 900000000),
         (60, 500000000), (20, 150000000), [(5, 30000000), (5, 40000000), (5, 40000000)]),
        (2, "Pembangunan Ruang Kelas Baru", "Jumlah ruang kelas baru", "Ruang", (50, 500000000),
         (30, 300000000), (10, 90000000), [(1, 20000000), (2, 25000000), (1, 20000000)]),
        (3, "Penyediaan Buku Pelajaran", "Jumlah sekolah yang menerima buku", "Sekolah",
         (40, 400000000), (24, 200000000), (8, 60000000), [(2, 10000000), (2, 15000000),
                                                            (2, 20000000)]),
    ]
    for i, (no, name, ind, sat, renstra, lalu, ini, tw) in enumerate(rows):
        r = 9 + i
        s.row(r, [no, name, ind, sat, renstra[0], rp(renstra[1]), lalu[0], rp(lalu[1]), ini[0],
                  rp(ini[1])])
        for t, (k, money) in enumerate(tw):
            s.row(r, [k, rp(money)], first_col=col_index("K") + 2 * t)
        if i == 2:
            continue  # row 11: columns 12-14 left for Kinerja
        year_k, year_rp = sum(k for k, _ in tw), sum(m for _, m in tw)
        if i == 1:
            year_k = 3  # planted: TW I-III add up to 4
        s.row(r, [year_k, rp(year_rp), lalu[0] + year_k, rp(lalu[1] + year_rp),
                  round((lalu[0] + year_k) / renstra[0] * 100, 2),
                  round((lalu[1] + year_rp) / renstra[1] * 100, 2)], first_col=col_index("S"))
    # Kegiatan capaian: row 10 (30 + 3) / 50 = 66 as typed, row 11 (24 + 6) / 40 = 75; the
    # average of the two kegiatan is 70,5 (Sedang), program row 9 left out.
    s.row(12, [None, "Rata-rata capaian kinerja (%)"])
    s.row(13, [None, "Predikat kinerja"])
    s.cells[(13, col_index("W"))] = "Tinggi"  # planted: 70,5 is Sedang
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
    "renja-rata-rata": [renja_rata_rata()],
    "renja-predikat": [renja_predikat()],
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
