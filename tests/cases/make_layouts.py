#!/usr/bin/env python3
"""Writes tests/cases/tata-letak-*/input.xlsx: workbooks that reproduce the layouts of real
workbooks kept by other government units (see ../shared/real-workbooks/SOURCES.md), with
other names and numbers. They are written by openpyxl (Debian's python3-openpyxl), so the
cases also read files that another library wrote.

Run: python3 tests/cases/make_layouts.py   (needs python3-openpyxl; the committed files are
what the tests read, so CI does not run this).
"""
import datetime
import os

from openpyxl import Workbook
from openpyxl.styles import Font

HERE = os.path.dirname(os.path.abspath(__file__))
FIXED = datetime.datetime(2026, 1, 1)


def save(wb, case):
    wb.properties.creator = "kinerja tests"
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    folder = os.path.join(HERE, case)
    os.makedirs(folder, exist_ok=True)
    wb.save(os.path.join(folder, "input.xlsx"))


def renja():
    """Permendagri 86/2017 Renja evaluation: a four-row band (labels merged over two rows,
    TW I-IV, column numbers with stated rules, units K / Rp. / %), a section band, program and
    kegiatan rows whose subtotals are formulas. Two rows break a stated rule."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Evaluasi TW III"
    ws["A1"] = "Evaluasi Terhadap Hasil Renja Perangkat Daerah"
    ws["A2"] = "Kabupaten Contoh"
    ws["A3"] = "Tahun 2026"
    for ref in ("A1:Z1", "A2:Z2", "A3:Z3"):
        ws.merge_cells(ref)
    top = {
        "A": "No", "B": "Sasaran", "C": "Program/Kegiatan", "D": "Indikator Kinerja Program (Outcome)/Kegiatan (Output)",
        "E": "Satuan",
        "F": "Target Renstra Perangkat Daerah pada Tahun 2029 (Akhir Periode Renstra)",
        "H": "Realisasi Capaian Kinerja Renstra sampai dengan Renja Tahun 2025",
        "J": "Target Kinerja dan Anggaran Renja Tahun Berjalan (Tahun 2026) yang dievaluasi",
        "L": "Realisasi Kinerja Pada Triwulan",
        "X": "Realisasi Capaian Kinerja dan Anggaran Renja yang Dievaluasi",
        "Z": "Tingkat Capaian Kinerja dan Realisasi Anggaran Renja yang Dievaluasi (%)",
    }
    for col, text in top.items():
        ws[f"{col}5"] = text
    for ref in ("A5:A6", "B5:B6", "C5:C6", "D5:D6", "E5:E6", "F5:G6", "H5:I6", "J5:K6", "L5:W5",
                "X5:Y6", "Z5:AA6"):
        ws.merge_cells(ref)
    for i, (col, last) in enumerate((("L", "N"), ("O", "Q"), ("R", "T"), ("U", "W"))):
        ws[f"{col}6"] = ["I", "II", "III", "IV"][i]
        ws.merge_cells(f"{col}6:{last}6")
    numbers = [("A", "1"), ("B", "2"), ("C", "3"), ("D", "4"), ("E", "5"), ("F", "6"), ("H", "7"),
               ("J", "8"), ("L", "9"), ("O", "10"), ("R", "11"), ("U", "12"),
               ("X", "13 = 9 + 10 + 11 + 12"), ("Z", "14 = 13 / 8 x 100")]
    spans = {"F": "G", "H": "I", "J": "K", "L": "N", "O": "Q", "R": "T", "U": "W", "X": "Y", "Z": "AA"}
    for col, text in numbers:
        ws[f"{col}7"] = int(text) if text.isdigit() else text
        if col in spans:
            ws.merge_cells(f"{col}7:{spans[col]}7")
    units = {"F": "K", "G": "Rp.", "H": "K", "I": "Rp.", "J": "K", "K": "Rp."}
    for start in ("L", "O", "R", "U"):
        c = ws[f"{start}8"].column
        for k, u in enumerate(("K", "%", "Rp.")):
            ws.cell(row=8, column=c + k, value=u)
    units.update({"X": "K", "Y": "Rp.", "Z": "K", "AA": "Rp."})
    for col, u in units.items():
        ws[f"{col}8"] = u
    for row in ws.iter_rows(min_row=5, max_row=8):
        for cell in row:
            cell.font = Font(bold=True)
    ws["B9"] = "Perangkat Daerah : Badan Perencanaan Contoh"
    # Rows: program (subtotal formulas over its kegiatan), then kegiatan with typed figures.
    # TW realisasi K and Rp; X = sum of TWs; Z = X / J * 100.
    kegiatan = [
        # name, indikator, satuan, renstra K, renstra Rp, s.d. 2025 K, Rp, target K, pagu, TW K/Rp x3
        ("Perencanaan dan Evaluasi", "Persentase dokumen perencanaan tepat waktu", "%", 100, 900000000, 100, 520000000, 100, 300000000,
         [(25, 60000000), (25, 80000000), (30, 90000000)]),
        ("Administrasi Keuangan", "Jumlah laporan keuangan yang disusun", "Laporan", 60, 600000000, 36, 300000000, 12, 150000000,
         [(3, 30000000), (3, 40000000), (3, 35000000)]),
        ("Pengembangan Inovasi Daerah", "Jumlah inovasi daerah yang difasilitasi", "Inovasi", 25, 250000000, 10, 100000000, 5, 50000000,
         [(1, 10000000), (2, 15000000), (1, 12000000)]),
    ]
    r = 10
    ws[f"A{r}"] = 1
    ws[f"C{r}"] = "Program Penunjang Urusan Pemerintahan Daerah"
    program_row = r
    first, last = r + 1, r + len(kegiatan)
    for col in ("G", "I", "K", "N", "Q", "T", "Y"):
        ws[f"{col}{r}"] = f"=SUM({col}{first}:{col}{last})"
    for i, (name, ind, sat, rk, rrp, lk, lrp, tk, pagu, tws) in enumerate(kegiatan):
        r = first + i
        ws[f"A{r}"] = i + 2
        ws[f"B{r}"] = "Meningkatnya kualitas perencanaan"
        ws[f"C{r}"] = name
        ws[f"D{r}"] = ind
        ws[f"E{r}"] = sat
        ws[f"F{r}"], ws[f"G{r}"], ws[f"H{r}"], ws[f"I{r}"] = rk, rrp, lk, lrp
        ws[f"J{r}"], ws[f"K{r}"] = tk, pagu
        for k, (cols, (kk, rp)) in enumerate(zip((("L", "M", "N"), ("O", "P", "Q"), ("R", "S", "T")), tws)):
            ws[f"{cols[0]}{r}"] = kk
            ws[f"{cols[1]}{r}"] = round(kk / tk * 100, 2)
            ws[f"{cols[2]}{r}"] = rp
        ws[f"X{r}"] = f"=L{r}+O{r}+R{r}+U{r}"
        ws[f"Y{r}"] = f"=N{r}+Q{r}+T{r}+W{r}"
        ws[f"Z{r}"] = f"=X{r}/J{r}*100"
        ws[f"AA{r}"] = f"=Y{r}/K{r}*100"
    # Mistakes: a typed year total that leaves TW III out, and a capaian typed by hand over a
    # typed year total (typed, because a file written by openpyxl has no cached results).
    ws[f"X{first + 1}"] = 6  # 3 + 3 + 3 = 9
    ws[f"X{first + 2}"] = 4  # 1 + 2 + 1
    ws[f"Z{first + 2}"] = 100  # 4 / 5 * 100 = 80
    ws[f"A{last + 2}"] = "Kota Contoh, 15 Oktober 2026"
    save(wb, "tata-letak-renja")
    return program_row


def lra():
    """SIPD budget realisation (LRA): Kode merged over four columns and three rows, Uraian,
    Kelompok Belanja > Operasi / Modal > Anggaran / Realisasi, Total > Anggaran / Realisasi / %,
    a column-number row typed as text, a code tree whose every level repeats the amounts of
    the level below, zero amounts typed as text "0,00", a JUMLAH row, and a hidden row."""
    wb = Workbook()
    for sheet_no, title in enumerate(("DINAS INDUK", "SEKRETARIAT")):
        ws = wb.active if sheet_no == 0 else wb.create_sheet()
        ws.title = title
        ws["A1"] = "KAB. CONTOH"
        ws["A2"] = "REKAPITULASI BELANJA MENURUT URUSAN, ORGANISASI, PROGRAM, KEGIATAN"
        ws["A4"] = "TAHUN ANGGARAN 2026"
        for ref in ("A1:I1", "A2:I2", "A4:I4"):
            ws.merge_cells(ref)
        ws["A6"] = "Kode"
        ws["E6"] = "Uraian Urusan, Organisasi, Program, Kegiatan dan Sub Kegiatan"
        ws["F6"] = "Kelompok Belanja"
        ws["F7"], ws["H7"], ws["J7"] = "Operasi", "Modal", "Total"
        for col, text in zip("FGHIJKL", ("Anggaran", "Realisasi", "Anggaran", "Realisasi", "Anggaran", "Realisasi", "%")):
            ws[f"{col}8"] = text
        for ref in ("A6:D8", "E6:E8", "F6:I6", "F7:G7", "H7:I7", "J7:L7"):
            ws.merge_cells(ref)
        for i, col in enumerate("AEFGHIJKL"):
            ws[f"{col}9"] = str(i + 1)
        rows = [
            ("1", "", "URUSAN PEMERINTAHAN BIDANG KESEHATAN", 1000000000, 400000000, 200000000, 50000000),
            ("1.02", "1.02.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH", 600000000, 250000000, 200000000, 50000000),
            ("1.02", "1.02.01.2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja", 600000000, 250000000, 200000000, 50000000),
            ("1.02", "1.02.02", "PROGRAM PEMENUHAN UPAYA KESEHATAN", 400000000, 150000000, "0,00", "0,00"),
            ("1.02", "1.02.02.2.02", "Penyediaan Layanan Kesehatan", 400000000, 150000000, "0,00", "0,00"),
        ]
        for i, (a, c, uraian, op_a, op_r, mo_a, mo_r) in enumerate(rows):
            r = 10 + i
            ws[f"A{r}"] = a
            if c:
                ws[f"C{r}"] = c
            ws[f"E{r}"] = uraian
            ws[f"F{r}"], ws[f"G{r}"], ws[f"H{r}"], ws[f"I{r}"] = op_a, op_r, mo_a, mo_r
            ws[f"J{r}"] = f"=F{r}+H{r}"
            ws[f"K{r}"] = f"=G{r}+I{r}"
            ws[f"L{r}"] = f"=K{r}/J{r}"
            ws[f"L{r}"].number_format = "0.00%"
        ws.row_dimensions[12].hidden = True
        total = 10 + len(rows)
        ws[f"E{total}"] = "JUMLAH"
        for col in "FGHIJK":
            ws[f"{col}{total}"] = f"={col}10"
        ws[f"L{total}"] = f"=K{total}/J{total}"
        ws[f"L{total}"].number_format = "0.00%"
        ws.auto_filter.ref = f"A9:L{total}"
    # The mistake: the second sheet's total of Operasi realisasi is typed, not summed.
    wb["SEKRETARIAT"]["G15"] = 380000000
    save(wb, "tata-letak-lra")


def indonesian(amount):
    """467998630663.83 -> "467.998.630.663,83", as SIPD exports amounts typed as text."""
    whole, cents = divmod(round(amount * 100), 100)
    return f"{whole:,}".replace(",", ".") + f",{cents:02d}"


def lra_kelompok():
    """The SIPD LRA with every group complete: Kode over four columns (urusan, organisasi,
    program > kegiatan > sub kegiatan, rekening), Uraian, Operasi / Modal / Total each with
    Anggaran | Realisasi | % | Sisa, then PAGU AKAS > SD JUNI and % AKAS > SD JUNI typed on the
    sub kegiatan rows. Amounts are typed values as SIPD exports them, some as text
    ("1.250.000.000,00", "0,00"); hidden rows and an AutoFilter. The second sheet is one
    bidang's view (the second urusan), clean. Planted on the first: an Operasi % (H19), a Modal sisa (M39), a % AKAS (S24),
    a kegiatan's typed Operasi anggaran over its sub kegiatan (F14), and the JUMLAH's Total
    realisasi (O50). A third sheet, a DPA of one sub kegiatan whose parent is a sum formula
    over the wrong range (C9)."""
    tree = [  # (A, B, C, D, uraian, operasi anggaran, operasi realisasi, modal a, modal r, akas)
        ("1", "", "", "", "URUSAN PEMERINTAHAN WAJIB YANG BERKAITAN DENGAN PELAYANAN DASAR"),
        ("1.02", "", "", "", "URUSAN PEMERINTAHAN BIDANG KESEHATAN"),
        ("1.02", "1.02.0.00.0.00.01.0000", "", "", "Dinas Kesehatan Kabupaten Contoh"),
        ("1.02", "1.02.0.00.0.00.01.0000", "1.02.01", "", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"),
        ("1.02", "1.02.0.00.0.00.01.0000", "1.02.01.2.01", "", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah"),
        ("1.02", "1.02.0.00.0.00.01.0000", "1.02.01.2.01.0001", "", "Penyusunan Dokumen Perencanaan Perangkat Daerah"),
        ("1.02", "1.02.0.00.0.00.01.0000", "1.02.01.2.01.0001", "5.1.02", "Belanja Barang dan Jasa"),
        ("1.02", "1.02.0.00.0.00.01.0000", "1.02.01.2.01.0001", "5.1.02.01", "Belanja Barang"),
        ("1.02", "1.02.0.00.0.00.01.0000", "1.02.01.2.01.0001", "5.1.02.01.001", "Belanja Barang Pakai Habis"),
        ("1.02", "1.02.0.00.0.00.01.0000", "1.02.01.2.01.0001", "5.1.02.01.001.00024", "Belanja Alat Tulis Kantor", 18500000, 7400000),
        ("1.02", "1.02.0.00.0.00.01.0000", "1.02.01.2.01.0001", "5.1.02.01.001.00025", "Belanja Kertas dan Cover", 9200000, 4600000),
        ("1.02", "1.02.0.00.0.00.01.0000", "1.02.01.2.01.0001", "5.1.02.04", "Belanja Perjalanan Dinas"),
        ("1.02", "1.02.0.00.0.00.01.0000", "1.02.01.2.01.0001", "5.1.02.04.001", "Belanja Perjalanan Dinas Dalam Negeri"),
        ("1.02", "1.02.0.00.0.00.01.0000", "1.02.01.2.01.0001", "5.1.02.04.001.00003", "Belanja Perjalanan Dinas Dalam Kota", 31000000, 0),
        ("1.02", "1.02.0.00.0.00.01.0000", "1.02.01.2.01.0002", "", "Koordinasi dan Penyusunan Dokumen RKA-SKPD"),
        ("1.02", "1.02.0.00.0.00.01.0000", "1.02.01.2.01.0002", "5.1.02", "Belanja Barang dan Jasa"),
        ("1.02", "1.02.0.00.0.00.01.0000", "1.02.01.2.01.0002", "5.1.02.01", "Belanja Barang"),
        ("1.02", "1.02.0.00.0.00.01.0000", "1.02.01.2.01.0002", "5.1.02.01.001", "Belanja Barang Pakai Habis"),
        ("1.02", "1.02.0.00.0.00.01.0000", "1.02.01.2.01.0002", "5.1.02.01.001.00052", "Belanja Makanan dan Minuman Rapat", 12750000, 3825000),
        ("1.02", "1.02.0.00.0.00.01.0000", "1.02.02", "", "PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN MASYARAKAT"),
        ("1.02", "1.02.0.00.0.00.01.0000", "1.02.02.2.01", "", "Penyediaan Fasilitas Pelayanan Kesehatan"),
        ("1.02", "1.02.0.00.0.00.01.0000", "1.02.02.2.01.0001", "", "Pengadaan Alat Kesehatan Puskesmas"),
        ("1.02", "1.02.0.00.0.00.01.0000", "1.02.02.2.01.0001", "5.1.02", "Belanja Barang dan Jasa"),
        ("1.02", "1.02.0.00.0.00.01.0000", "1.02.02.2.01.0001", "5.1.02.02", "Belanja Jasa"),
        ("1.02", "1.02.0.00.0.00.01.0000", "1.02.02.2.01.0001", "5.1.02.02.001", "Belanja Jasa Kantor"),
        ("1.02", "1.02.0.00.0.00.01.0000", "1.02.02.2.01.0001", "5.1.02.02.001.00010", "Belanja Jasa Tenaga Kesehatan", 64000000, 25600000),
        ("1.02", "1.02.0.00.0.00.01.0000", "1.02.02.2.01.0001", "5.2", "Belanja Modal"),
        ("1.02", "1.02.0.00.0.00.01.0000", "1.02.02.2.01.0001", "5.2.02", "Belanja Modal Peralatan dan Mesin"),
        ("1.02", "1.02.0.00.0.00.01.0000", "1.02.02.2.01.0001", "5.2.02.05", "Belanja Modal Alat Kedokteran"),
        ("1.02", "1.02.0.00.0.00.01.0000", "1.02.02.2.01.0001", "5.2.02.05.001", "Belanja Modal Alat Kedokteran Umum", 0, 0, 1250000000, 487500000),
        ("2", "", "", "", "URUSAN PEMERINTAHAN WAJIB YANG TIDAK BERKAITAN DENGAN PELAYANAN DASAR"),
        ("2.14", "", "", "", "URUSAN PEMERINTAHAN BIDANG PENGENDALIAN PENDUDUK DAN KELUARGA BERENCANA"),
        ("2.14", "1.02.0.00.0.00.01.0000", "", "", "Dinas Kesehatan Kabupaten Contoh"),
        ("2.14", "1.02.0.00.0.00.01.0000", "2.14.02", "", "PROGRAM PEMBINAAN KELUARGA BERENCANA (KB)"),
        ("2.14", "1.02.0.00.0.00.01.0000", "2.14.02.2.01", "", "Pengendalian dan Pendistribusian Kebutuhan Alat dan Obat Kontrasepsi"),
        ("2.14", "1.02.0.00.0.00.01.0000", "2.14.02.2.01.0001", "", "Penyediaan Alat dan Obat Kontrasepsi"),
        ("2.14", "1.02.0.00.0.00.01.0000", "2.14.02.2.01.0001", "5.1.02", "Belanja Barang dan Jasa"),
        ("2.14", "1.02.0.00.0.00.01.0000", "2.14.02.2.01.0001", "5.1.02.01", "Belanja Barang"),
        ("2.14", "1.02.0.00.0.00.01.0000", "2.14.02.2.01.0001", "5.1.02.01.001", "Belanja Barang Pakai Habis"),
        ("2.14", "1.02.0.00.0.00.01.0000", "2.14.02.2.01.0001", "5.1.02.01.001.00031", "Belanja Obat-Obatan", 47300000, 21285000),
    ]
    first = 10
    n = len(tree)
    paths = []
    for a, b, c, d, *_ in tree:
        path = []
        for col, code in enumerate((a, b, c, d)):
            if code:
                path.append((col, code.split(".")))
        paths.append(path)

    def leads(p, q):
        if not p or len(p) > len(q):
            return False
        for i, (col, segs) in enumerate(p):
            if q[i][0] != col:
                return False
            if i + 1 < len(p):
                if q[i][1] != segs:
                    return False
            elif q[i][1][:len(segs)] != segs:
                return False
        return len(p) < len(q) or len(p[-1][1]) < len(q[-1][1])

    parent = [None] * n
    stack = []
    for i in range(n):
        while stack and not leads(paths[stack[-1]], paths[i]):
            stack.pop()
        parent[i] = stack[-1] if stack else None
        stack.append(i)
    amounts = [[0, 0, 0, 0] for _ in range(n)]
    for i in reversed(range(n)):
        if len(tree[i]) > 5:
            leaf = list(tree[i][5:]) + [0] * (4 - len(tree[i][5:]))
            amounts[i] = [amounts[i][k] + leaf[k] for k in range(4)]
        if parent[i] is not None:
            amounts[parent[i]] = [amounts[parent[i]][k] + amounts[i][k] for k in range(4)]
    akas = {5: 20000000, 14: 6000000, 21: 500000000, 35: 30000000}  # sub kegiatan rows
    wb = Workbook()
    # The second sheet is one bidang's view: the second urusan only.
    for sheet_no, (title, shown) in enumerate((("DINAS", list(range(n))),
                                               ("BIDANG P2KB", list(range(30, n))))):
        ws = wb.active if sheet_no == 0 else wb.create_sheet()
        ws.title = title
        ws["A1"] = "KAB. CONTOH"
        ws["A2"] = "REKAPITULASI BELANJA MENURUT URUSAN PEMERINTAH DAERAH, ORGANISASI, PROGRAM, KEGIATAN"
        ws["A3"] = "BESERTA HASIL DAN SUB KEGIATAN BESERTA KELUARAN"
        ws["A4"] = "TAHUN ANGGARAN 2026"
        ws["A6"] = "Kode"
        ws["E6"] = "Uraian Urusan, Organisasi, Program, Kegiatan dan Sub Kegiatan"
        ws["F6"] = "Kelompok Belanja"
        ws["F7"], ws["J7"], ws["N7"] = "Operasi", "Modal", "Total"
        ws["R7"], ws["S7"] = "PAGU AKAS", "% AKAS"
        for g in "FJN":
            c = ws[f"{g}8"].column
            for k, text in enumerate(("Anggaran", "Realisasi", "%", "Sisa")):
                ws.cell(row=8, column=c + k, value=text)
        ws["R8"], ws["S8"] = "SD JUNI", "SD JUNI"
        for ref in ("A6:D8", "E6:E8", "F6:Q6", "F7:I7", "J7:M7", "N7:Q7"):
            ws.merge_cells(ref)
        for k, col in enumerate("AEFGHIJKLMNOPQRS"):
            ws[f"{col}9"] = str(k + 1)
        for r, i in enumerate(shown, start=first):
            row = tree[i]
            for col, code in zip("ABCD", row[:4]):
                if code:
                    ws[f"{col}{r}"] = code
            ws[f"E{r}"] = row[4]
            oa, orl, ma, mr = amounts[i]
            values = {}
            for g, (a, real) in zip("FJN", ((oa, orl), (ma, mr), (oa + ma, orl + mr))):
                c = ws[f"{g}1"].column
                values[c] = a
                values[c + 1] = real
                values[c + 2] = round(real / a * 100, 2) if a else 0
                values[c + 3] = a - real
            for c, v in values.items():
                # SIPD types zero amounts as text, and the top levels' amounts too.
                if v == 0 and c != ws["H1"].column and c != ws["L1"].column and c != ws["P1"].column:
                    v = "0,00"
                elif r < first + 2 and c in (ws["F1"].column, ws["N1"].column):
                    v = indonesian(v)
                ws.cell(row=r, column=c, value=v)
            if i in akas:
                ws[f"R{r}"] = akas[i]
                ws[f"S{r}"] = round((orl + mr) / akas[i] * 100, 2)
        total = first + len(shown)
        ws[f"E{total}"] = "Jumlah"
        top = [i for i in shown if parent[i] is None]
        for g in "FJN":
            c = ws[f"{g}1"].column
            a = sum(amounts[i][0 if g == "F" else 2] if g != "N" else amounts[i][0] + amounts[i][2] for i in top)
            real = sum(amounts[i][1 if g == "F" else 3] if g != "N" else amounts[i][1] + amounts[i][3] for i in top)
            ws.cell(row=total, column=c, value=a)
            ws.cell(row=total, column=c + 1, value=real)
            ws.cell(row=total, column=c + 2, value=round(real / a * 100, 2) if a else 0)
            ws.cell(row=total, column=c + 3, value=a - real)
        for r in (first, first + 1, first + 2, first + 4):
            ws.row_dimensions[r].hidden = True
        ws.auto_filter.ref = f"A9:S{total}"
    # The planted mistakes, on the first sheet only.
    ws = wb["DINAS"]

    def num(ref):
        v = ws[ref].value
        return float(v.replace(".", "").replace(",", ".")) if isinstance(v, str) else v

    print("H28 is", ws["H28"].value, "planted 45")
    ws["H28"] = 45.0
    print("M39 is", ws["M39"].value, "planted 0")
    ws["M39"] = 0
    print("S24 is", ws["S24"].value, "planted 95.5")
    ws["S24"] = 95.5
    # A kegiatan's Operasi anggaran typed below its sub kegiatan, with its own % and sisa
    # following the typed figure: only the roll-up is wrong.
    print("F14 is", ws["F14"].value, "planted 70000000")
    ws["F14"] = 70000000
    ws["H14"] = round(num("G14") / 70000000 * 100, 2)
    ws["I14"] = 70000000 - num("G14")
    total = first + n
    print(f"O{total} is", ws[f"O{total}"].value, "planted", ws[f"O{total}"].value + 1000000)
    ws[f"O{total}"] = ws[f"O{total}"].value + 1000000
    ws[f"P{total}"] = round(ws[f"O{total}"].value / ws[f"N{total}"].value * 100, 2)
    ws[f"Q{total}"] = ws[f"N{total}"].value - ws[f"O{total}"].value
    # A DPA sheet of one sub kegiatan whose parents are sum formulas (saved without cached
    # results, as openpyxl writes them): C10 leaves its fourth rekening out.
    ws = wb.create_sheet("DPA SUB KEGIATAN")
    ws["A1"] = "DOKUMEN PELAKSANAAN ANGGARAN SATUAN KERJA PERANGKAT DAERAH"
    ws["A2"] = "TAHUN ANGGARAN 2026"
    for col, text in zip("ABCDEF", ("Kode Rekening", "Uraian", "Anggaran", "Realisasi", "%", "Sisa")):
        ws[f"{col}8"] = text
    leaves = [("5.1.02.01.001.00024", "Belanja Alat Tulis Kantor", 4200000, 2100000),
              ("5.1.02.01.001.00025", "Belanja Kertas dan Cover", 3600000, 900000),
              ("5.1.02.01.001.00026", "Belanja Bahan Cetak", 1500000, 1500000),
              ("5.1.02.01.001.00029", "Belanja Bahan Komputer", 2700000, 0)]
    ws["A9"], ws["B9"] = "5.1.02.01.001", "Belanja Barang Pakai Habis"
    ws["C9"], ws["D9"] = "=SUM(C10:C12)", "=SUM(D10:D13)"
    for r, (code, name, a, real) in enumerate(leaves, start=10):
        ws[f"A{r}"], ws[f"B{r}"], ws[f"C{r}"], ws[f"D{r}"] = code, name, a, real
        ws[f"E{r}"], ws[f"F{r}"] = round(real / a * 100, 2), a - real
    save(wb, "tata-letak-lra-kelompok")


def tabel_induk_tata_letak():
    """Trees without codes or formulas, told by the layout only. "Indentasi": bold program
    rows over kegiatan rows indented one step (the cell's indent), sub kegiatan two steps;
    C10 is typed over its kegiatan (1.000.000 for 700.000 + 250.000). "Outline": kegiatan rows
    grouped at outline level 1 with their program's row below them (Excel's default);
    D10 is typed over its group (500.000 for 300.000 + 150.000). "Tebal": bold marks the
    important lines only and no bold row adds the rows below it: nothing is reported."""
    from openpyxl.styles import Alignment
    wb = Workbook()
    bold = Font(bold=True)

    def header(ws):
        ws["A1"] = "REALISASI ANGGARAN PER PROGRAM DAN KEGIATAN"
        ws["A2"] = "DINAS CONTOH TAHUN 2026"
        for col, text in zip("ABCD", ("No", "Program/Kegiatan/Sub Kegiatan", "Pagu", "Realisasi")):
            ws[f"{col}4"] = text
            ws[f"{col}4"].font = bold

    ws = wb.active
    ws.title = "Indentasi"
    header(ws)
    rows = [  # (no, uraian, indent, bold, pagu, realisasi)
        (1, "Program Penunjang Urusan Pemerintahan", 0, True, 900000, 600000),
        (None, "Administrasi Keuangan Perangkat Daerah", 1, False, 500000, 350000),
        (None, "Penyediaan Gaji dan Tunjangan ASN", 2, False, 300000, 200000),
        (None, "Pelaksanaan Penatausahaan Keuangan", 2, False, 200000, 150000),
        (None, "Administrasi Umum Perangkat Daerah", 1, False, 400000, 250000),
        (2, "Program Pemenuhan Upaya Kesehatan", 0, True, 1000000, 500000),
        (None, "Penyediaan Fasilitas Pelayanan Kesehatan", 1, False, 700000, 300000),
        (None, "Penyediaan Layanan Kesehatan Rujukan", 1, False, 250000, 200000),
    ]
    for i, (no, name, indent, strong, pagu, real) in enumerate(rows):
        r = 5 + i
        if no:
            ws[f"A{r}"] = no
        ws[f"B{r}"] = name
        ws[f"B{r}"].alignment = Alignment(indent=indent)
        ws[f"C{r}"], ws[f"D{r}"] = pagu, real
        if strong:
            for col in "ABCD":
                ws[f"{col}{r}"].font = bold

    ws = wb.create_sheet("Outline")
    header(ws)
    rows = [  # (uraian, level, pagu, realisasi); the program row follows its kegiatan
        ("Perencanaan dan Evaluasi Kinerja", 1, 300000, 200000),
        ("Penatausahaan Barang Milik Daerah", 1, 200000, 100000),
        ("Program Penunjang Urusan Pemerintahan", 0, 500000, 300000),
        ("Pengadaan Alat Kesehatan", 1, 600000, 300000),
        ("Pembinaan Tenaga Kesehatan", 1, 150000, 150000),
        ("Program Pemenuhan Upaya Kesehatan", 0, 750000, 500000),
    ]
    for i, (name, level, pagu, real) in enumerate(rows):
        r = 5 + i
        ws[f"B{r}"] = name
        ws[f"C{r}"], ws[f"D{r}"] = pagu, real
        if level:
            ws.row_dimensions[r].outlineLevel = level

    ws = wb.create_sheet("Tebal")
    header(ws)
    rows = [  # bold for the lines that matter, not for subtotals
        ("Belanja Pegawai", True, 800000, 700000),
        ("Belanja Barang dan Jasa", False, 450000, 300000),
        ("Belanja Pemeliharaan", False, 120000, 60000),
        ("Belanja Modal", True, 600000, 150000),
        ("Belanja Perjalanan Dinas", False, 90000, 45000),
    ]
    for i, (name, strong, pagu, real) in enumerate(rows):
        r = 5 + i
        ws[f"B{r}"] = name
        ws[f"C{r}"], ws[f"D{r}"] = pagu, real
        if strong:
            ws[f"B{r}"].font = bold
    save(wb, "tabel-induk-tata-letak")


def belanja_per_akun():
    """A flat table per account and TW: Tahun | Triwulan | Tanggal | Kode Belanja | Uraian
    Belanja | Jenis Belanja | Anggaran | Realisasi | % Realisasi Anggaran (typed in points).
    One percentage is wrong."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Belanja"
    for col, text in zip("ABCDEFGHI", ("Tahun", "Triwulan", "Tanggal", "Kode Belanja", "Uraian Belanja",
                                       "Jenis Belanja", "Anggaran", "Realisasi", "% Realisasi Anggaran")):
        ws[f"{col}1"] = text
    accounts = [(5111, "Belanja Gaji dan Tunjangan", "Pegawai (51)", 40000000000),
                (5211, "Belanja Barang Operasional", "Barang (52)", 12000000000),
                (5311, "Belanja Modal Peralatan", "Modal (53)", 3000000000)]
    r = 2
    for tw, (name, month) in enumerate((("I", 3), ("II", 6))):
        for kode, uraian, jenis, pagu in accounts:
            spent = pagu * (0.2 + 0.25 * tw) + kode
            ws[f"A{r}"], ws[f"B{r}"] = 2025, name
            ws[f"C{r}"] = datetime.datetime(2025, month, 30)
            ws[f"C{r}"].number_format = "dd/mm/yyyy"
            ws[f"D{r}"], ws[f"E{r}"], ws[f"F{r}"] = kode, uraian, jenis
            ws[f"G{r}"], ws[f"H{r}"] = pagu, spent
            ws[f"I{r}"] = round(spent / pagu * 100, 2)
            r += 1
    ws["I6"] = 35.5  # 5211 in TW II: 5.400.005.211 / 12.000.000.000 = 45,00
    save(wb, "tata-letak-belanja-per-akun")


def realisasi_bulanan():
    """A monthly physical and financial realisation frame written without any merge (as
    OpenSpout writes it): column numbers above the header, a five-row header band (Jumlah
    Anggaran / Realisasi Pelaksanaan Anggaran > Bulan Lalu, Bulan Ini, s.d Bulan Ini >
    Keuangan, Fisik > Rp, %), Sisa Anggaran; the group labels span their sub-columns by
    position only. Two rows of data; Sisa left empty for Kinerja to fill."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    for i in range(14):
        ws.cell(row=1, column=i + 1, value=i)
    ws["A2"], ws["B2"], ws["C2"], ws["D2"] = "No.", "Program/Kegiatan/Sub Kegiatan", "Jumlah Anggaran (Rp)", "Bobot (%)"
    ws["E2"], ws["N2"] = "Realisasi Pelaksanaan Anggaran", "Sisa Anggaran (Rp)"
    ws["E3"], ws["H3"], ws["K3"] = "Bulan Lalu", "Bulan Ini", "s.d Bulan Ini"
    for col in ("E", "H", "K"):
        c = ws[f"{col}4"].column
        ws.cell(row=4, column=c, value="Keuangan")
        ws.cell(row=4, column=c + 2, value="Fisik")
        for k, u in enumerate(("Rp", "%", "%")):
            ws.cell(row=5, column=c + k, value=u)
    for i in range(14):
        ws.cell(row=6, column=i + 1, value=str(i + 1))
    data = [("1", "Penyediaan Jasa Kantor", 120000000, 40, 30000000, 10000000, 40000000),
            ("2", "Pemeliharaan Gedung", 80000000, 60, 20000000, 20000000, 40000000)]
    for i, (no, name, pagu, bobot, lalu, ini, sd) in enumerate(data):
        r = 7 + i
        ws[f"A{r}"], ws[f"B{r}"], ws[f"C{r}"], ws[f"D{r}"] = no, name, pagu, bobot
        for col, rp in (("E", lalu), ("H", ini), ("K", sd)):
            c = ws[f"{col}{r}"].column
            ws.cell(row=r, column=c, value=rp)
            ws.cell(row=r, column=c + 1, value=round(rp / pagu * 100, 2))
            ws.cell(row=r, column=c + 2, value=round(rp / pagu * 100))
    save(wb, "tata-letak-realisasi-bulanan")


def impor_capaian():
    """An application's import list: Kode Indikator | Realisasi TW | Kendala | Solusi | ...
    It is not a table Kinerja fills: no label column."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Worksheet"
    for col, text in zip("ABCDEF", ("Kode Indikator", "Realisasi TW", "Kendala yg Dihadapi",
                                    "Solusi yg Telah Dilakukan", "Rencana Tindak Lanjut",
                                    "Link Bukti Dukung Kinerja")):
        ws[f"{col}1"] = text
    for i, code in enumerate(("1.1.1.1", "1.1.2.1", "1.2.1.1")):
        r = 2 + i
        ws[f"A{r}"], ws[f"B{r}"] = code, 0
        ws[f"C{r}"] = "- Sebagian responden tidak dapat ditemui"
        ws[f"D{r}"] = "- Kunjungan ulang"
        ws[f"E{r}"] = "- Pendataan lanjutan"
        ws[f"F{r}"] = "https://example.org/bukti"
    save(wb, "tata-letak-impor")


def renja_lama():
    """An older provincial Renja evaluation (tables J-1 / J-2): a one-row header with a column-
    number row "(1) ... (7)" whose last cell states "8=(7/6)" with its own parentheses, and on a
    second sheet a table whose header carries the typing slip "Reaisasi" and years under
    merged Target Renstra / Reaisasi Capaian groups. J-1's capaian is a fraction shown in %;
    one row's capaian is wrong."""
    wb = Workbook()
    ws = wb.active
    ws.title = "J-1"
    ws["A1"] = "EVALUASI RENJA BIRO CONTOH TAHUN 2014"
    ws.merge_cells("A1:H1")
    for col, text in zip("ABCDEFGH", ("No", "Program/Kegiatan", "Indikator Kinerja", "Satuan",
                                      "Pagu Indikatif (Rp)", "Target", "Realisasi", "Capaian (%)")):
        ws[f"{col}3"] = text
    for col, text in zip("ABCDEFGH", ("(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "8=(7/6)")):
        ws[f"{col}4"] = text
    rows = [("Koordinasi Kebijakan Produksi", "Jumlah rekomendasi kebijakan", "Dokumen", 250000000, 4, 4),
            ("Fasilitasi Ketahanan Pangan", "Jumlah kabupaten yang difasilitasi", "Kab/Kota", 180000000, 27, 24),
            ("Pembinaan Sentra Produksi", "Jumlah sentra yang dibina", "Sentra", 120000000, 10, 9)]
    for i, (keg, ind, sat, pagu, target, real) in enumerate(rows):
        r = 5 + i
        ws[f"A{r}"], ws[f"B{r}"], ws[f"C{r}"], ws[f"D{r}"] = i + 1, keg, ind, sat
        ws[f"E{r}"], ws[f"F{r}"], ws[f"G{r}"] = pagu, target, real
        ws[f"H{r}"] = round(real / target, 4)
        ws[f"H{r}"].number_format = "0.00%"
    ws["H7"] = 0.95  # 9 / 10 = 90%
    ws2 = wb.create_sheet("J-2")
    ws2["A1"] = "PENCAPAIAN KINERJA BIRO CONTOH"
    ws2["A3"], ws2["B3"], ws2["C3"] = "No", "Indikator Kinerja", "Target Renstra"
    ws2["G3"] = "Reaisasi Capaian"
    ws2.merge_cells("A3:A4")
    ws2.merge_cells("B3:B4")
    ws2.merge_cells("C3:F3")
    ws2.merge_cells("G3:J3")
    for k, year in enumerate(range(2014, 2018)):
        ws2.cell(row=4, column=3 + k, value=year)
        ws2.cell(row=4, column=7 + k, value=year)
    for k in range(10):
        ws2.cell(row=5, column=1 + k, value=f"({k + 1})")
    for i, (ind, targets, reals) in enumerate((
            ("Persentase rekomendasi yang ditindaklanjuti", (70, 75, 80, 85), (72, 74, 81, 86)),
            ("Jumlah komoditas unggulan yang dikembangkan", (3, 4, 5, 6), (3, 4, 4, 6)))):
        r = 6 + i
        ws2[f"A{r}"], ws2[f"B{r}"] = i + 1, ind
        for k in range(4):
            ws2.cell(row=r, column=3 + k, value=targets[k])
            ws2.cell(row=r, column=7 + k, value=reals[k])
    save(wb, "tata-letak-renja-lama")


if __name__ == "__main__":
    renja()
    lra()
    lra_kelompok()
    tabel_induk_tata_letak()
    belanja_per_akun()
    realisasi_bulanan()
    impor_capaian()
    renja_lama()
