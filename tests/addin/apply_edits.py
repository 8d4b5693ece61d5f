#!/usr/bin/env python3
"""Applies the edits of POST /api/v1/edits to the original workbook with openpyxl (a writer
that is not Kinerja's) and compares the result with what `kinerja fill` wrote, cell by cell:
values, formulas, cached values, number formats, notes, highlights and the sheets.

    apply_edits.py ORIGINAL.xlsx EDITS.json FILLED.xlsx

Prints one line per difference (at most 40) and exits 1 when there is any; prints
"N cells compared" and exits 0 otherwise.
"""
import io
import json
import re
import sys
import zipfile

import openpyxl
import openpyxl.comments.comment_sheet
import openpyxl.reader.excel
from openpyxl.comments import Comment
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import PatternFill

MARKER = '"kinerja"="kinerja"'


def _comments(self):
    # openpyxl 3.0 fails on a comment whose author is not listed (Gnumeric writes such files);
    # Excel reads them with no author, and so does this.
    authors = self.authors.author
    for c in self.commentList:
        author = authors[c.authorId] if 0 <= c.authorId < len(authors) else ""
        yield c.ref, Comment(c.content, author, c.height, c.width)


openpyxl.comments.comment_sheet.CommentSheet.comments = property(_comments)

# What the comparison reads of a package: the sheets' cells, styles, strings and notes.
KEPT = {"officeDocument", "worksheet", "chartsheet", "sharedStrings", "styles", "theme", "comments", "vmlDrawing",
        "core-properties", "extended-properties", "metadata/core-properties"}
RELATIONSHIP = re.compile(r'<Relationship\b[^>]*?/>')
_read_chartsheet = openpyxl.reader.excel.ExcelReader.read_chartsheet


def _chartsheet(self, sheet, rel):
    # openpyxl 3.0 fails on a chartsheet without relationships once it has added the sheet
    # (it looks for drawings in a list); there is nothing more to read, and no cell.
    try:
        _read_chartsheet(self, sheet, rel)
    except AttributeError:
        if sheet.name not in self.wb.sheetnames:
            raise


openpyxl.reader.excel.ExcelReader.read_chartsheet = _chartsheet


def load(path, **options):
    """openpyxl's workbook; when openpyxl cannot read some part (openpyxl 3.0 fails on a
    chartsheet without a drawing, a table without a name, ...), the workbook without its
    relationships to anything but cells, styles and notes, dropped alike from both sides."""
    try:
        return openpyxl.load_workbook(path, **options)
    except Exception:  # noqa: BLE001 - openpyxl raises many kinds on parts it does not know
        pass
    out = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w") as dst:
        parts = {item.filename: src.read(item.filename) for item in src.infolist()}
        for rels in [n for n in parts if n.endswith(".rels")]:
            dropped = []

            def keep(m):
                kind = re.search(r'Type="[^"]*/relationships/([^"]+)"', m.group(0))
                if kind and kind.group(1) in KEPT:
                    return m.group(0)
                dropped.append(re.search(r'Id="([^"]+)"', m.group(0)).group(1))
                return ""
            parts[rels] = RELATIONSHIP.sub(keep, parts[rels].decode("utf-8")).encode("utf-8")
            # The part these relationships belong to no longer names the dropped ones.
            source = rels.replace("_rels/", "")[: -len(".rels")]
            if dropped and source in parts:
                text = parts[source].decode("utf-8")
                for rid in dropped:
                    text = re.sub(r'<[\w:]+\b[^>]*\br:id="%s"[^>]*/>' % re.escape(rid), "", text)
                parts[source] = text.encode("utf-8")
        for name, data in parts.items():
            dst.writestr(name, data)
    out.seek(0)
    return openpyxl.load_workbook(out, **options)


def apply(book, cached, edits):
    for s in edits["sheets"]:
        if s["action"] == "remove":
            del book[s["name"]]
            del cached[s["name"]]
        else:
            book.create_sheet(s["name"])
            cached.create_sheet(s["name"])
    for e in edits["cells"]:
        for wb, formulas in ((book, True), (cached, False)):
            cell = wb[e["sheet"]][e["cell"]]
            if e.get("clear"):
                cell.value = None
                continue
            value = e["value"]
            if formulas and "formula" in e:
                value = e["formula"]
            cell.value = value
            if "number_format" in e:
                cell.number_format = e["number_format"]
    for n in edits["notes"]:
        cell = book[n["sheet"]][n["cell"]]
        cell.comment = Comment(n["text"], "Kinerja") if n["text"] else None
    for h in edits["highlights"]:
        ws = book[h["sheet"]]
        if h.get("remove"):
            keep = []
            for rng in list(ws.conditional_formatting):
                if str(rng.sqref) == h["cell"] and any(MARKER in r.formula for r in rng.rules):
                    continue
                keep.append(rng)
            cf = openpyxl.formatting.formatting.ConditionalFormattingList()
            for rng in keep:
                for rule in rng.rules:
                    cf.add(str(rng.sqref), rule)
            ws.conditional_formatting = cf
        else:
            colour = h["color"].lstrip("#")
            fill = PatternFill(start_color=colour, end_color=colour, fill_type="solid")
            ws.conditional_formatting.add(h["cell"], FormulaRule(formula=[MARKER], fill=fill))


def highlights(ws):
    out = set()
    for rng in ws.conditional_formatting:
        if any(MARKER in r.formula for r in rng.rules):
            out.add(str(rng.sqref))
    return out


def text_of(v):
    # openpyxl reads array formulas as objects; compare their text and range.
    if hasattr(v, "text") and hasattr(v, "ref"):
        return ("array", v.ref, v.text)
    return v


def main():
    original, edits_file, filled = sys.argv[1:4]
    edits = json.load(open(edits_file, encoding="utf-8"))
    book = load(original)
    cached = load(original, data_only=True)
    apply(book, cached, edits)
    want = load(filled)
    want_cached = load(filled, data_only=True)
    problems = []
    if book.sheetnames != want.sheetnames:
        problems.append(f"sheets {book.sheetnames} != {want.sheetnames}")
    compared = 0
    for name in want.sheetnames:
        if name not in book.sheetnames or not hasattr(want[name], "max_row"):
            continue  # a chartsheet has no cells; its name is compared above
        got, exp = book[name], want[name]
        got_c, exp_c = cached[name], want_cached[name]
        rows = max(got.max_row, exp.max_row)
        cols = max(got.max_column, exp.max_column)
        for r in range(1, rows + 1):
            for c in range(1, cols + 1):
                a, b = got.cell(r, c), exp.cell(r, c)
                where = f"{name}!{b.coordinate}"
                compared += 1
                if text_of(a.value) != text_of(b.value):
                    problems.append(f"{where}: value {a.value!r} != {b.value!r}")
                ca, cb = got_c.cell(r, c).value, exp_c.cell(r, c).value
                if ca != cb and not (isinstance(ca, float) and isinstance(cb, float)
                                     and abs(ca - cb) <= 1e-9 * max(1, abs(cb))):
                    problems.append(f"{where}: cached {ca!r} != {cb!r}")
                if b.value is not None and a.number_format != b.number_format:
                    problems.append(f"{where}: format {a.number_format!r} != {b.number_format!r}")
                na = a.comment.text if a.comment else None
                nb = b.comment.text if b.comment else None
                if na != nb:
                    problems.append(f"{where}: note {na!r} != {nb!r}")
        if highlights(got) != highlights(exp):
            problems.append(f"{name}: highlights {sorted(highlights(got) ^ highlights(exp))[:5]}")
    for p in problems[:40]:
        print(p)
    if problems:
        print(f"{len(problems)} differences")
        return 1
    print(f"{compared} cells compared")
    return 0


if __name__ == "__main__":
    sys.exit(main())
