#!/usr/bin/env python3
"""Writes samples/kabupaten-contoh-2026-evaluasi-renja.xlsx: the `renja` template as a Bappeda
fills it at the end of the year (TW IV), started with `kinerja new` and typed with openpyxl
(Debian's python3-openpyxl), so that the sample is also a file another library wrote.

Run from the repository root after building (it calls build/kinerja):
    python3 samples/source/make_renja_sample.py

The figures are made up for a fictional Kabupaten Contoh, in the shape of a real evaluation:
two programs, each with its kegiatan; the realisasi per TW as K (the kinerja achieved in that
quarter) and Rp.; columns 13-15, the averages and the predikat are left for `kinerja fill`.
"""
import datetime
import os
import subprocess
import sys
import tempfile

from openpyxl import load_workbook

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "samples", "kabupaten-contoh-2026-evaluasi-renja.xlsx")
SATKER = "BADAN PERENCANAAN PEMBANGUNAN DAERAH KABUPATEN CONTOH"

# No, sasaran, program/kegiatan, indikator, satuan, Renstra (K, Rp), s.d. 2025 (K, Rp),
# 2026 (K, Rp), TW I-IV (K, Rp), keterangan.
ROWS = [
    (1, "Meningkatnya akuntabilitas kinerja perangkat daerah",
     "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
     "Jumlah laporan kinerja dan keuangan yang disusun tepat waktu", "Laporan",
     (100, 4500000000), (60, 2650000000), (20, 880000000),
     [(5, 150000000), (5, 210000000), (5, 230000000), (5, 270000000)], ""),
    (2, None, "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
     "Jumlah dokumen perencanaan dan evaluasi yang disusun", "Dok", (30, 650000000),
     (18, 380000000), (6, 130000000), [(1, 20000000), (2, 35000000), (1, 30000000),
                                       (2, 40000000)], ""),
    (3, None, "Administrasi Keuangan Perangkat Daerah",
     "Jumlah laporan keuangan yang disusun", "Laporan", (60, 3100000000), (36, 1830000000),
     (12, 620000000), [(3, 120000000), (3, 160000000), (3, 180000000), (3, 190000000)], ""),
    (4, None, "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah",
     "Jumlah barang milik daerah yang dipelihara", "Unit", (200, 750000000), (150, 440000000),
     (40, 130000000), [(0, 10000000), (10, 15000000), (10, 20000000), (15, 40000000)],
     "Pemeliharaan AC ditunda ke 2027"),
    (5, "Meningkatnya kualitas perencanaan pembangunan daerah",
     "Program Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah",
     "Jumlah dokumen perencanaan daerah yang ditetapkan tepat waktu", "Dok", (15, 2600000000),
     (9, 1500000000), (3, 540000000), [(0, 60000000), (1, 130000000), (1, 150000000),
                                        (1, 170000000)], ""),
    (6, None, "Penyusunan Perencanaan dan Pendanaan",
     "Jumlah dokumen RKPD dan perubahan RKPD", "Dok", (10, 1500000000), (6, 870000000),
     (2, 310000000), [(0, 30000000), (1, 80000000), (0, 90000000), (1, 100000000)], ""),
    (7, None, "Pengendalian, Evaluasi dan Pelaporan Pembangunan Daerah",
     "Jumlah laporan evaluasi pembangunan daerah", "Laporan", (20, 1100000000),
     (12, 630000000), (4, 230000000), [(1, 30000000), (1, 50000000), (1, 60000000),
                                       (0, 70000000)], "Laporan TW IV disampaikan Januari 2027"),
]
FIRST_ROW = 9  # the template's first data row


def main():
    kinerja = os.path.join(ROOT, "build", "kinerja")
    with tempfile.TemporaryDirectory() as tmp:
        start = os.path.join(tmp, "renja.xlsx")
        subprocess.run([kinerja, "new", "renja", "-o", start, "--satker", SATKER, "--tahun",
                        "2026"], check=True)
        wb = load_workbook(start)
    ws = wb["Evaluasi Renja"]
    for i, (no, sasaran, uraian, indikator, satuan, renstra, lalu, ini, tw, ket) in enumerate(ROWS):
        r = FIRST_ROW + i
        ws[f"A{r}"], ws[f"C{r}"], ws[f"D{r}"], ws[f"E{r}"] = no, uraian, indikator, satuan
        if sasaran:
            ws[f"B{r}"] = sasaran
        ws[f"F{r}"], ws[f"G{r}"] = renstra
        ws[f"H{r}"], ws[f"I{r}"] = lalu
        ws[f"J{r}"], ws[f"K{r}"] = ini
        for t, (k, money) in enumerate(tw):
            col = 12 + 2 * t  # L, N, P, R
            ws.cell(row=r, column=col, value=k)
            ws.cell(row=r, column=col + 1, value=money)
        if ket:
            ws[f"Z{r}"] = ket
    fixed = datetime.datetime(2027, 1, 15, 8, 0, 0)
    wb.properties.created = fixed
    wb.properties.modified = fixed
    wb.properties.lastModifiedBy = "Kinerja"
    wb.save(OUT)
    print(OUT)


if __name__ == "__main__":
    sys.exit(main())
