#!/usr/bin/env python3
"""Prints a workbook's cells as JSON for the add-in's mocked Excel (tests/addin):

    dump_cells.py BOOK.xlsx

{"protected_book": bool, "sheets": [{"name", "protected", "cells": {"A1": {"f"|"v", "t", "nf",
"locked", "note"}}, "highlights": ["B7", ...]}]}. Read with openpyxl, not with Kinerja.
"""
import datetime
import json
import sys

import openpyxl

MARKER = '"kinerja"="kinerja"'


def plain(v):
    if isinstance(v, (datetime.datetime, datetime.date, datetime.time)):
        return v.isoformat()
    if hasattr(v, "text") and hasattr(v, "ref"):  # an array formula
        return v.text
    return v


def main():
    book = openpyxl.load_workbook(sys.argv[1])
    out = {"protected_book": bool(book.security and book.security.lockStructure), "sheets": []}
    for ws in book.worksheets:
        cells = {}
        for row in ws.iter_rows():
            for c in row:
                if c.value is None and c.comment is None:
                    continue
                entry = {"nf": c.number_format, "locked": c.protection.locked}
                if isinstance(c.value, str) and c.value.startswith("="):
                    entry["f"] = c.value
                elif hasattr(c.value, "ref"):
                    entry["f"] = plain(c.value)
                else:
                    entry["v"] = plain(c.value)
                if c.comment is not None:
                    entry["note"] = c.comment.text
                cells[c.coordinate] = entry
        marks = sorted(str(r.sqref) for r in ws.conditional_formatting
                       if any(MARKER in (rule.formula or [""])[0] for rule in r.rules))
        out["sheets"].append({"name": ws.title, "protected": bool(ws.protection.sheet),
                              "cells": cells, "highlights": marks})
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
