#!/usr/bin/env python3
"""Rewrites a sample workbook the way WPS Office and hand-made files store it.

    python3 samples/source/make_wps_variant.py [IN.xlsx] [OUT.xlsx]

Defaults: samples/rutan-soe-2023-lkjip.xlsx -> samples/variants/rutan-soe-2023-lkjip.wps.xlsx.

What changes, and nothing else:
- every string is an inline string (t="inlineStr"), and xl/sharedStrings.xml is dropped;
- rows and cells lose their r attributes (and rows their spans), so position is implied by
  order: skipped rows and cells are written as empty <row/> and <c/>;
- <dimension> says A1, as WPS writes it;
- on the sheets in TYPED_AS_TEXT, numbers with a percent, thousands or decimal format become
  the Indonesian text a user would type: 0.925 in 0.0% -> "92,5%", 3549879000 in #,##0 ->
  "3.549.879.000", 89.75 in 0.00 -> "89,75". The values stay the same; only their form changes.
"""
import io
import os
import re
import sys
import xml.etree.ElementTree as ET
import zipfile

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
M = "{%s}" % MAIN
ET.register_namespace("", MAIN)
ET.register_namespace("r", RELS)

TYPED_AS_TEXT = {"Capaian 2023", "Capaian Output", "Realisasi Anggaran", "IKPA"}


def indonesian(value, decimals):
    """92.5 -> '92,5' and 3549879000 -> '3.549.879.000' (decimals fixed by the cell format)."""
    text = "%.*f" % (decimals, value)
    whole, _, fraction = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    whole = whole.lstrip("-")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return sign + ".".join(groups) + ("," + fraction if fraction else "")


def typed_text(value, number_format):
    """The text a user types for this number in this format, or None to leave it a number."""
    if number_format is None:
        return None
    if number_format.endswith("%"):
        decimals = len(number_format.split(".")[1]) - 1 if "." in number_format else 0
        return indonesian(value * 100, decimals) + "%"
    if number_format == "#,##0":
        return indonesian(value, 0)
    if re.fullmatch(r"0\.0+", number_format):
        return indonesian(value, len(number_format) - 2)
    return None


def number_formats(styles_xml):
    root = ET.fromstring(styles_xml)
    custom = {int(f.get("numFmtId")): f.get("formatCode") for f in root.iter(M + "numFmt")}
    builtin = {9: "0%", 10: "0.00%", 3: "#,##0", 2: "0.00"}
    return [custom.get(int(xf.get("numFmtId", "0")), builtin.get(int(xf.get("numFmtId", "0"))))
            for xf in root.find(M + "cellXfs")]


def column_of(ref):
    index = 0
    for ch in re.match(r"[A-Z]+", ref).group(0):
        index = index * 26 + ord(ch) - 64
    return index


def inline(cell, runs):
    """Turns cell into an inline-string cell holding copies of the shared item's runs."""
    for child in list(cell):
        cell.remove(child)
    cell.set("t", "inlineStr")
    holder = ET.SubElement(cell, M + "is")
    for run in runs:
        holder.append(run)


def rewrite_sheet(xml, shared, formats, as_text):
    root = ET.fromstring(xml)
    dimension = root.find(M + "dimension")
    if dimension is not None:
        dimension.set("ref", "A1")
    data = root.find(M + "sheetData")
    rows = {int(row.get("r")): row for row in data.findall(M + "row")}
    for row in list(data):
        data.remove(row)
    for number in range(1, max(rows, default=0) + 1):
        row = rows.get(number)
        if row is None:
            ET.SubElement(data, M + "row")
            continue
        cells = {column_of(c.get("r")): c for c in row.findall(M + "c")}
        for c in list(row):
            row.remove(c)
        for attr in ("r", "spans"):
            row.attrib.pop(attr, None)
        for col in range(1, max(cells, default=0) + 1):
            cell = cells.get(col)
            if cell is None:
                ET.SubElement(row, M + "c")
                continue
            cell.attrib.pop("r")
            value = cell.find(M + "v")
            if cell.get("t") == "s":
                inline(cell, [ET.fromstring(ET.tostring(run)) for run in shared[int(value.text)]])
            elif as_text and cell.get("t") in (None, "n") and value is not None:
                style = int(cell.get("s", "0"))
                text = typed_text(float(value.text), formats[style] if style < len(formats) else None)
                if text is not None:
                    t = ET.Element(M + "t")
                    t.text = text
                    inline(cell, [t])
            row.append(cell)
        data.append(row)
    return b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + ET.tostring(root)


def sheet_parts(z):
    """{part path: sheet name}, following the workbook's relationships."""
    rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target").lstrip("/") for r in rels}
    book = ET.fromstring(z.read("xl/workbook.xml"))
    parts = {}
    for sheet in book.find(M + "sheets"):
        target = targets[sheet.get("{%s}id" % RELS)]
        parts[target if target.startswith("xl/") else "xl/" + target] = sheet.get("name")
    return parts


def drop_shared_strings(name, data):
    if name == "[Content_Types].xml":
        root = ET.fromstring(data)
        for override in list(root):
            if override.get("PartName") == "/xl/sharedStrings.xml":
                root.remove(override)
        ET.register_namespace("", TYPES)
        out = ET.tostring(root)
        ET.register_namespace("", MAIN)
        return b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + out
    if name == "xl/_rels/workbook.xml.rels":
        root = ET.fromstring(data)
        for rel in list(root):
            if rel.get("Target", "").endswith("sharedStrings.xml"):
                root.remove(rel)
        ET.register_namespace("", PKG_RELS)
        out = ET.tostring(root)
        ET.register_namespace("", MAIN)
        return b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + out
    if name == "docProps/app.xml":
        return data.replace(b"<Application>Microsoft Excel</Application>",
                            b"<Application>WPS Spreadsheets</Application>")
    return data


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    source = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "rutan-soe-2023-lkjip.xlsx")
    target = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        here, "..", "variants", "rutan-soe-2023-lkjip.wps.xlsx")
    with zipfile.ZipFile(source) as z:
        shared = []
        if "xl/sharedStrings.xml" in z.namelist():
            root = ET.fromstring(z.read("xl/sharedStrings.xml"))
            shared = [list(si) for si in root.findall(M + "si")]
        formats = number_formats(z.read("xl/styles.xml"))
        parts = sheet_parts(z)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
            for info in z.infolist():
                if info.filename == "xl/sharedStrings.xml":
                    continue
                data = z.read(info.filename)
                if info.filename in parts:
                    data = rewrite_sheet(data, shared, formats, parts[info.filename] in TYPED_AS_TEXT)
                else:
                    data = drop_shared_strings(info.filename, data)
                entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
                entry.compress_type = zipfile.ZIP_DEFLATED
                out.writestr(entry, data)
    os.makedirs(os.path.dirname(os.path.abspath(target)), exist_ok=True)
    temp = target + ".tmp"
    with open(temp, "wb") as f:
        f.write(buffer.getvalue())
    os.replace(temp, target)
    print(target)


if __name__ == "__main__":
    main()
