#!/usr/bin/env python3
"""Reads the cell values of an .xlsx with the standard library only.

Used by check_samples.py and for looking up cell addresses while writing samples/README.md:

    python3 samples/source/xlsx_cells.py samples/rutan-soe-2023-lkjip.xlsx [SHEET]

prints one line per non-empty cell: Sheet!A1 <TAB> kind <TAB> value, where kind is n (number),
s (text) or b (boolean), and the cell's number format when it has one.
"""
import re
import sys
import xml.etree.ElementTree as ET
import zipfile

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def column_index(letters):
    index = 0
    for ch in letters:
        index = index * 26 + ord(ch) - 64
    return index


def column_letters(index):
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _text(node):
    """Concatenates the <t> runs of a string item, skipping phonetic runs."""
    if node is None:
        return ""
    parts = []
    for child in node:
        tag = child.tag.split("}")[1]
        if tag == "t":
            parts.append(child.text or "")
        elif tag == "r":
            t = child.find("m:t", NS)
            parts.append(t.text or "" if t is not None else "")
    return "".join(parts)


def _part_path(target):
    target = target.lstrip("/")
    return target if target.startswith("xl/") else "xl/" + target


class Workbook:
    """sheets: {name: {"A1": (kind, value, number_format)}}, merges: {name: ["A1:B2", ...]}."""

    def __init__(self, path):
        self.sheets = {}
        self.merges = {}
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            shared = []
            if "xl/sharedStrings.xml" in names:
                root = ET.fromstring(z.read("xl/sharedStrings.xml"))
                shared = [_text(si) for si in root.findall("m:si", NS)]
            formats = self._number_formats(z) if "xl/styles.xml" in names else []
            rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
            targets = {r.get("Id"): r.get("Target") for r in rels}
            book = ET.fromstring(z.read("xl/workbook.xml"))
            for sheet in book.find("m:sheets", NS):
                name = sheet.get("name")
                root = ET.fromstring(z.read(_part_path(targets[sheet.get(REL)])))
                self.sheets[name] = self._cells(root, shared, formats)
                merge_list = root.find("m:mergeCells", NS)
                self.merges[name] = [m.get("ref") for m in merge_list] if merge_list is not None else []

    @staticmethod
    def _number_formats(z):
        root = ET.fromstring(z.read("xl/styles.xml"))
        custom = {}
        num_fmts = root.find("m:numFmts", NS)
        if num_fmts is not None:
            for f in num_fmts:
                custom[int(f.get("numFmtId"))] = f.get("formatCode")
        builtin = {0: "", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%"}
        result = []
        for xf in root.find("m:cellXfs", NS):
            fid = int(xf.get("numFmtId", "0"))
            result.append(custom.get(fid, builtin.get(fid, "fmt%d" % fid)))
        return result

    @staticmethod
    def _cells(root, shared, formats):
        cells = {}
        data = root.find("m:sheetData", NS)
        row_number = 0
        for row in data.findall("m:row", NS):
            row_number = int(row.get("r")) if row.get("r") else row_number + 1
            col = 0
            for c in row.findall("m:c", NS):
                ref = c.get("r")
                if ref:
                    col = column_index(re.match(r"[A-Z]+", ref).group(0))
                else:
                    col += 1
                kind, value = Workbook._value(c, shared)
                if kind is None:
                    continue
                style = int(c.get("s", "0"))
                fmt = formats[style] if style < len(formats) else ""
                cells["%s%d" % (column_letters(col), row_number)] = (kind, value, fmt)
        return cells

    @staticmethod
    def _value(c, shared):
        t = c.get("t", "n")
        if t == "inlineStr":
            return "s", _text(c.find("m:is", NS))
        v = c.find("m:v", NS)
        if v is None or v.text is None:
            return None, None
        if t == "s":
            return "s", shared[int(v.text)]
        if t in ("str", "e"):
            return "s", v.text
        if t == "b":
            return "b", v.text == "1"
        return "n", float(v.text)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    book = Workbook(sys.argv[1])
    only = sys.argv[2] if len(sys.argv) > 2 else None
    for name, cells in book.sheets.items():
        if only and name != only:
            continue
        def order(ref):
            m = re.match(r"([A-Z]+)(\d+)", ref)
            return int(m.group(2)), column_index(m.group(1))
        for ref in sorted(cells, key=order):
            kind, value, fmt = cells[ref]
            if kind == "n" and value == int(value):
                value = int(value)
            shown = str(value).replace("\n", "\\n")
            print("%s!%s\t%s\t%s%s" % (name, ref, kind, shown, "\t[" + fmt + "]" if fmt else ""))


if __name__ == "__main__":
    main()
