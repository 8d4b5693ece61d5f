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


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..")
    check_rencana_aksi(os.path.join(folder, "lapas-kerobokan-2024-rencana-aksi.xlsx"))
    check_rka(os.path.join(folder, "bapas-mataram-2024-rka.xlsx"), [])
    check_rka(os.path.join(folder, "bapas-balikpapan-2023-rka.xlsx"), [73, 82, 169, 186, 193])
    print("%d failure(s)" % len(FAILURES))
    sys.exit(1 if FAILURES else 0)


if __name__ == "__main__":
    main()
