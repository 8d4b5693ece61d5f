#!/usr/bin/env python3
"""Checks the sample workbooks against the sums and inconsistencies samples/README.md states.

    python3 samples/source/check_samples.py [SAMPLES_DIR]

1. Sums that must add up: every Rencana Aksi drawdown block sums to its pagu (Kerobokan), and
   every RKA parent's JUMLAH equals the sum of its children's (Mataram, Balikpapan).
2. Sums the documents print wrong: each inconsistency listed in samples/README.md is present at
   the documented cell, and no other total in the same tables is wrong.
Prints one line per check and exits 1 if any check fails.
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from xlsx_cells import Workbook, column_index, column_letters  # noqa: E402

FAILURES = []


def report(ok, what):
    print(("ok    " if ok else "FAIL  ") + what)
    if not ok:
        FAILURES.append(what)


def number(cell):
    """Reads a cell the way users type numbers: 1.506.071.633, Rp 7.363.920.000,-, 92,5%, '-'."""
    if cell is None:
        return None
    kind, value, fmt = cell
    if kind == "n":
        return value
    text = value.strip()
    if text in ("", "-"):
        return None
    percent = text.endswith("%")
    text = re.sub(r"^Rp\.?\s*", "", text.rstrip("%").strip())
    text = re.sub(r",-$", "", text).strip()
    if re.fullmatch(r"\d{1,3}(\.\d{3})+(,\d+)?", text):
        text = text.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(,\d{3})+", text):
        text = text.replace(",", "")
    else:
        text = text.replace(",", ".")
    try:
        result = float(text)
    except ValueError:
        return None
    return result / 100 if percent else result


def merge_ranges(book, sheet):
    ranges = []
    for ref in book.merges[sheet]:
        a, b = ref.split(":")
        ma, mb = re.match(r"([A-Z]+)(\d+)", a), re.match(r"([A-Z]+)(\d+)", b)
        ranges.append((int(ma.group(2)), column_index(ma.group(1)), int(mb.group(2)),
                       column_index(mb.group(1))))
    return ranges


def check_rencana_aksi(path):
    book = Workbook(path)
    sheet = "Rencana Aksi 2024"
    cells = book.sheets[sheet]
    pagu_col, tarik_col, real_col = column_index("F"), column_index("G"), column_index("H")
    blocks = [(r1, r2) for r1, c1, r2, c2 in merge_ranges(book, sheet)
              if c1 == pagu_col and c2 == pagu_col and r2 - r1 == 3]
    label = os.path.basename(path)
    typed_as_text(book, sheet, "F7, G7, C35", label)
    cell_is(book, sheet, "K50", "TW III", label)
    cell_is(book, sheet, "I50", "TW IV", label)
    report(all(cells.get(ref) is None for ref in ("C71", "D75", "E75", "N7")),
           "%s: C71, D75, E75 and N7 are empty" % label)
    report(len(blocks) == 19, "%s: 19 indicator blocks of four TW rows (found %d)"
           % (os.path.basename(path), len(blocks)))
    for r1, r2 in sorted(blocks):
        pagu = number(cells.get("F%d" % r1))
        for col, label in ((tarik_col, "penarikan"), (real_col, "realisasi")):
            values = [number(cells.get("%s%d" % (column_letters(col), r))) for r in range(r1, r2 + 1)]
            total = sum(v for v in values if v is not None)
            expected = pagu or 0
            report(abs(total - expected) < 0.5,
                   "%s!F%d: pagu %s = sum of %s %s%d:%s%d (%s)" % (
                       sheet, r1, expected, label, column_letters(col), r1, column_letters(col),
                       r2, total))


RKA_LEVELS = [r"\d{3}\.\d{2}\.[A-Z]{2}", r"\d{4}", r"\d{4}\.[A-Z]{3}", r"[0-9A-Z]{3}"]


def rka_nodes(cells):
    """(row, level, angka dasar, inisiatif baru, jumlah) for every code row that has a JUMLAH."""
    nodes = []
    rows = sorted({int(re.match(r"[A-Z]+(\d+)", ref).group(1)) for ref in cells})
    for r in rows:
        code = cells.get("A%d" % r)
        jumlah = number(cells.get("F%d" % r))
        if code is None or code[0] != "s" or jumlah is None:
            continue
        for level, pattern in enumerate(RKA_LEVELS):
            if re.fullmatch(pattern, code[1]):
                nodes.append((r, level, number(cells.get("D%d" % r)) or 0,
                              number(cells.get("E%d" % r)) or 0, jumlah))
                break
    return nodes


def check_rka(path, expected_column_splits):
    """JUMLAH must add up everywhere; ANGKA DASAR and INISIATIF BARU add up except at the rows
    in expected_column_splits, where the document puts the parent's amount in the other column."""
    book = Workbook(path)
    sheet = "RKA Satker Bagian A"
    nodes = rka_nodes(book.sheets[sheet])
    name = os.path.basename(path)
    report(len(nodes) > 5, "%s: %d RKA rows with amounts" % (name, len(nodes)))
    split_rows = []
    for i, (row, level, dasar, baru, jumlah) in enumerate(nodes):
        report(abs(dasar + baru - jumlah) < 0.5, "%s!F%d: ANGKA DASAR + INISIATIF BARU = JUMLAH"
               % (sheet, row))
        children = []
        for child in nodes[i + 1:]:
            if child[1] <= level:
                break
            if child[1] == level + 1:
                children.append(child)
        if not children:
            continue
        total = sum(c[4] for c in children)
        report(abs(total - jumlah) < 0.5, "%s!F%d: JUMLAH %d = sum of %d children (%d)"
               % (sheet, row, jumlah, len(children), total))
        if abs(sum(c[2] for c in children) - dasar) > 0.5 or abs(sum(c[3] for c in children) - baru) > 0.5:
            split_rows.append(row)
    report(split_rows == expected_column_splits,
           "%s: parents whose ANGKA DASAR / INISIATIF BARU differ from their children's: %s"
           % (name, split_rows))


def expand(refs):
    """"F6, F14:F20" -> ["F6", "F14", ..., "F20"] (ranges within one column)."""
    out = []
    for part in refs.replace(" ", "").split(","):
        if ":" not in part:
            out.append(part)
            continue
        a, b = part.split(":")
        col = re.match(r"[A-Z]+", a).group(0)
        out += ["%s%d" % (col, r) for r in range(int(a[len(col):]), int(b[len(col):]) + 1)]
    return out


def typed_as_text(book, sheet, refs, label):
    """The cells samples/README.md lists as typed as text are text, and their numeric column
    neighbours are not: keeps the list in the README honest."""
    cells = book.sheets[sheet]
    wrong = [ref for ref in expand(refs) if cells.get(ref, ("", "", ""))[0] != "s"]
    report(not wrong, "%s: '%s'!%s typed as text %s" % (label, sheet, refs, wrong or ""))


def percent_points(cell, plain_is_points):
    """A capaian/realisasi cell in percentage points: 0.925 with a % format, "92,5%" and, in a
    column headed "(%)", the plain 92.5 or "92,5" all give 92.5."""
    value = number(cell)
    if value is None:
        return None
    kind, raw, fmt = cell
    has_percent = (kind == "n" and "%" in fmt) or (kind == "s" and raw.strip().endswith("%"))
    if has_percent or (kind == "n" and not plain_is_points):
        return value * 100
    return value


def truncated(x, decimals):
    scale = 10 ** decimals
    return int(x * scale + 1e-6) / scale


def check_capaian_rows(book, sheet, rows, cols, decimals, plain_is_points, wrong_rows, label):
    """capaian = realisasi / target x 100, truncated, for every row with numeric target and
    realisasi; the rows in wrong_rows must disagree, all others agree."""
    cells = book.sheets[sheet]
    t_col, r_col, c_col = cols
    bad = []
    for r in rows:
        target = percent_points(cells.get("%s%d" % (t_col, r)), plain_is_points)
        real = percent_points(cells.get("%s%d" % (r_col, r)), plain_is_points)
        capaian = percent_points(cells.get("%s%d" % (c_col, r)), plain_is_points)
        if target in (None, 0) or real is None or capaian is None:
            continue
        if abs(truncated(real / target * 100, decimals) - capaian) > 0.001:
            bad.append(r)
    report(bad == wrong_rows, "%s: '%s'!%s: capaian = realisasi / target, wrong only in rows %s (%s)"
           % (label, sheet, c_col, wrong_rows, bad))


def cell_is(book, sheet, ref, expected, label):
    cell = book.sheets[sheet].get(ref)
    value = None if cell is None else (cell[1] if isinstance(expected, str) else number(cell))
    ok = value == expected if isinstance(expected, str) or value is None else abs(value - expected) < 1e-6
    report(ok, "%s: '%s'!%s = %r (is %r)" % (label, sheet, ref, expected, value))


def check_rutan_soe(path):
    book = Workbook(path)
    label = os.path.basename(path)
    n = lambda sheet, ref: number(book.sheets[sheet].get(ref))
    # Tabel 3.2 and 3.3 agree with their own arithmetic except the lansia row of Tabel 3.3.
    typed_as_text(book, "Capaian 2023", "F6, F7, F10, F12, F14:F20", label)
    typed_as_text(book, "Capaian Output", "F10, F12, F14, F17, F19, F25, F29, F34, F36, F38, F40", label)
    typed_as_text(book, "E-Performance", "F6:F20, F27", label)
    typed_as_text(book, "PK 2023", "D48:D51", label)
    check_capaian_rows(book, "Capaian 2023", range(6, 30), "DEF", 2, False, [], label)
    check_capaian_rows(book, "Capaian Output", range(10, 53), "DEF", 2, True, [25], label)
    # Domain inconsistency 4: lansia realisasi 80% / 94,11 in Tabel 3.2, 74% / 92,5 in Tabel 3.3.
    cell_is(book, "Capaian 2023", "E10", 0.80, label)
    cell_is(book, "Capaian 2023", "F10", "94,11%", label)
    cell_is(book, "Capaian Output", "E25", 0.74, label)
    cell_is(book, "Capaian Output", "F25", "92,5", label)
    # The dash the document reads as 0%.
    cell_is(book, "Capaian 2023", "E24", "-", label)
    cell_is(book, "Capaian 2023", "F24", 0, label)
    # Domain inconsistency 5: belanja barang in Gambar 3.1 and the two copies of Gambar 3.2.
    cell_is(book, "Realisasi Anggaran", "D8", 2689243069, label)
    cell_is(book, "Realisasi Anggaran", "D17", 2653876069, label)
    cell_is(book, "IKPA", "D26", 2653876069, label)
    report(round(n("Realisasi Anggaran", "D17") / n("Realisasi Anggaran", "C17"), 4) == 0.8429,
           "%s: 2,653,876,069 / 3,148,521,000 = 84.29%%" % label)
    cell_is(book, "Realisasi Anggaran", "E17", 0.8423, label)
    cell_is(book, "IKPA", "E26", 0.8429, label)
    # Gambar 3.2 (both copies) and Tabel 3.6: sisa, totals and percentages add up otherwise.
    for sheet, first, total, pct_col, sisa_col, wrong in (
            ("Realisasi Anggaran", 16, 25, "E", "F", [17]), ("IKPA", 25, 34, "E", "F", []),
            ("Realisasi Anggaran", 31, 37, "F", "E", [])):
        bad = []
        for r in range(first, total + 1):
            pagu, real, sisa = n(sheet, "C%d" % r), n(sheet, "D%d" % r), n(sheet, "%s%d" % (sisa_col, r))
            pct = n(sheet, "%s%d" % (pct_col, r))
            if abs(pagu - real - sisa) > 0.5:
                bad.append("%s%d" % (sisa_col, r))
            if pct is not None and pagu and abs(round(real / pagu, 4) - pct) > 1e-9:
                bad.append("%s%d" % (pct_col, r))
        for col in "CD":
            if abs(sum(n(sheet, "%s%d" % (col, r)) for r in range(first, total)) - n(sheet, "%s%d" % (col, total))) > 0.5:
                bad.append("%s%d" % (col, total))
        expected = ["%s%d" % (pct_col, r) for r in wrong]
        report(bad == expected, "%s: '%s'!A%d:F%d adds up except %s (%s)" % (label, sheet, first, total, expected, bad))
    # IKPA: nilai akhir = nilai x bobot / 100, total 97.88.
    weighted = sum(n("IKPA", "D%d" % r) * n("IKPA", "E%d" % r) for r in range(10, 18))
    weights = sum(n("IKPA", "E%d" % r) for r in range(10, 18))
    report(round(weighted / weights, 2) == n("IKPA", "F20") == 97.88, "%s: IKPA sum(nilai x bobot) / sum(bobot) = 97.88" % label)
    # Domain inconsistency 6: Tabel 3.7 realisasi is neither Tabel 3.2's realisasi nor its capaian.
    odd = [r for r in range(6, 30)
           if percent_points(book.sheets["E-Performance"].get("F%d" % r), True) not in (
               percent_points(book.sheets["Capaian 2023"].get("E%d" % r), False),
               percent_points(book.sheets["Capaian 2023"].get("F%d" % r), False))]
    report(odd == list(range(6, 21)) + [24, 27, 28], "%s: 'E-Performance'!F differs from Tabel 3.2 in rows %s" % (label, odd))


def check_muara_enim(path):
    book = Workbook(path)
    label = os.path.basename(path)
    n = lambda sheet, ref: number(book.sheets[sheet].get(ref))
    typed_as_text(book, "Realisasi Anggaran", "F14", label)
    typed_as_text(book, "Kinerja Anggaran", "B6, C6, B18, F29", label)
    check_capaian_rows(book, "Capaian 2023", range(6, 24), "DEF", 0, False, [12], label)
    check_capaian_rows(book, "Perhitungan", list(range(8, 15)) + list(range(16, 23)) + list(range(24, 28)),
                       "HGI", 0, False, [], label)
    check_capaian_rows(book, "Banding 2022 & Renstra", range(6, 33), "CDE", 0, False, [17, 18, 22], label)
    check_capaian_rows(book, "Banding 2022 & Renstra", range(6, 33), "FGH", 0, False, [], label)
    check_capaian_rows(book, "Banding 2022 & Renstra", range(37, 64), "CDE", 0, False, [], label)
    # Domain inconsistency 2: PK target 80%, capaian computed with 70%.
    cell_is(book, "PK 2023", "D12", 0.8, label)
    cell_is(book, "Capaian 2023", "F12", 1.42, label)
    cell_is(book, "Perhitungan", "H14", 0.7, label)
    # Realisasi from the figures: rounded to whole percent (1006/1082 = 92.98 -> 93).
    bad = [r for r in list(range(8, 15)) + list(range(16, 23)) + list(range(24, 28))
           if n("Perhitungan", "F%d" % r) and abs(round(n("Perhitungan", "D%d" % r) / n("Perhitungan", "F%d" % r), 2)
                                                  - n("Perhitungan", "G%d" % r)) > 1e-9]
    report(bad == [], "%s: 'Perhitungan'!G = round(D / F) in every row with a denominator (%s)" % (label, bad))
    # Domain inconsistency 1: the 2023 Sisa total.
    sheet = "Realisasi Anggaran"
    report(n(sheet, "E14") == 1221105292 and n(sheet, "C14") - n(sheet, "D14") == 201334292,
           "%s: '%s'!E14 = 1,221,105,292 but C14 - D14 = 201,334,292" % (label, sheet))
    bad = [r for r in (6, 7, 8, 9, 11, 12, 13, 14) if abs(n(sheet, "C%d" % r) - n(sheet, "D%d" % r) - n(sheet, "E%d" % r)) > 0.5]
    report(bad == [14], "%s: '%s' Sisa = Pagu - Realisasi except row 14 (%s)" % (label, sheet, bad))
    # Domain inconsistency 3: realisasi per sasaran vs per jenis belanja.
    report(n(sheet, "D23") == 17068453115 and n(sheet, "D14") == 17080255708,
           "%s: '%s'!D23 = 17,068,453,115 vs D14 = 17,080,255,708" % (label, sheet))
    bad = [r for r in range(19, 24) if abs(round(n(sheet, "D%d" % r) / n(sheet, "C%d" % r), 4) - n(sheet, "E%d" % r)) > 1e-9]
    report(bad == [22], "%s: '%s'!E22 (Sasaran IV 96.59%%, computed 97.69%%) is the only wrong %% (%s)" % (label, sheet, bad))
    report(abs(sum(n(sheet, "D%d" % r) for r in range(19, 23)) - n(sheet, "D23")) < 0.5,
           "%s: '%s'!D23 is the sum of D19:D22" % (label, sheet))
    # IKPA as printed: nilai total 100 while the nilai akhir add up to 75.
    total = sum(n("Kinerja Anggaran", "%s13" % c) for c in "BCDEFGHI")
    report(total == 75 and n("Kinerja Anggaran", "J11") == 100,
           "%s: 'Kinerja Anggaran'!J11 = 100 but sum of B13:I13 = %s" % (label, total))


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..")
    check_rencana_aksi(os.path.join(folder, "lapas-kerobokan-2024-rencana-aksi.xlsx"))
    check_rka(os.path.join(folder, "bapas-mataram-2024-rka.xlsx"), [])
    check_rka(os.path.join(folder, "bapas-balikpapan-2023-rka.xlsx"), [73, 82, 169, 186, 193])
    check_rutan_soe(os.path.join(folder, "rutan-soe-2023-lkjip.xlsx"))
    for variant in ("libreoffice", "gnumeric", "wps"):
        check_rutan_soe(os.path.join(folder, "variants", "rutan-soe-2023-lkjip.%s.xlsx" % variant))
    check_muara_enim(os.path.join(folder, "lapas-muara-enim-2023-lkjip.xlsx"))
    print("%d failure(s)" % len(FAILURES))
    sys.exit(1 if FAILURES else 0)


if __name__ == "__main__":
    main()
