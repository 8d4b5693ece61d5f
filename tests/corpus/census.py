#!/usr/bin/env python3
"""Counts what a workbook package holds, feature by feature, so that what a fill keeps can be
compared with what LibreOffice's own round trip keeps (issue 16: "every feature survives at
least as often as in LibreOffice's round trip").

A count is taken from the package as Excel sees it: the parts its relationships reach, and the
elements inside them. Comparing two counts says whether a feature survived: the output must
hold at least as many as the input (a chart, a table, a protected sheet, a page break, ...).

    census.py FILE.xlsx...          prints each file's counts as JSON lines
"""

import json
import re
import sys
import zipfile

# feature -> (part-name pattern, element pattern or None). With an element pattern the count is
# the number of matches inside the matching parts; without, the number of matching parts.
FEATURES = {
    "chart": (r"xl/charts/chart\w*\.xml$", None),
    "chart sheet": (r"xl/chartsheets/sheet\w*\.xml$", None),
    "table": (r"xl/tables/table\w*\.xml$", None),
    "pivot table": (r"xl/pivotTables/pivotTable\w*\.xml$", None),
    "pivot cache": (r"xl/pivotCache/pivotCacheDefinition\w*\.xml$", None),
    "slicer": (r"xl/slicers/slicer\w*\.xml$", None),
    "timeline": (r"xl/timelines/timeline\w*\.xml$", None),
    "shape": (r"xl/drawings/drawing\w*\.xml$", r"<(?:\w+:)?(?:sp|grpSp|cxnSp)[\s>]"),
    "picture": (r"xl/drawings/drawing\w*\.xml$", r"<(?:\w+:)?pic[\s>]"),
    "vba": (r"xl/vbaProject\.bin$", None),
    "sheet protection": (r"xl/worksheets/sheet\w*\.xml$", r"<sheetProtection[\s/>]"),
    "workbook protection": (r"xl/workbook\.xml$", r"<workbookProtection[\s/>]"),
    "file sharing": (r"xl/workbook\.xml$", r"<fileSharing[\s/>]"),
    "page break": (r"xl/worksheets/sheet\w*\.xml$", r"<brk[\s/>]"),
    "comment": (r"xl/comments\w*\.xml$", r"<comment[\s>]"),
    "threaded comment": (r"xl/threadedComments/\w+\.xml$", r"<threadedComment[\s>]"),
    "data validation": (r"xl/worksheets/sheet\w*\.xml$", r"<(?:\w+:)?dataValidation[\s>]"),
    "conditional format": (r"xl/worksheets/sheet\w*\.xml$", r"<(?:\w+:)?cfRule[\s>]"),
    "defined name": (r"xl/workbook\.xml$", r"<definedName[\s>]"),
    "hyperlink": (r"xl/worksheets/sheet\w*\.xml$", r"<hyperlink[\s>]"),
    "merged cell": (r"xl/worksheets/sheet\w*\.xml$", r"<mergeCell[\s>]"),
    "autofilter": (r"xl/worksheets/sheet\w*\.xml$", r"<autoFilter[\s>]"),
    "sparkline": (r"xl/worksheets/sheet\w*\.xml$", r"<(?:\w+:)?sparkline[\s>]"),
    "external link": (r"xl/externalLinks/externalLink\w*\.xml$", None),
    "custom xml": (r"customXml/item\d+\.xml$", None),
    "custom property": (r"docProps/custom\.xml$", r"<property[\s>]"),
    "formula": (r"xl/worksheets/sheet\w*\.xml$", r"<f[\s>]"),
    "frozen or split pane": (r"xl/worksheets/sheet\w*\.xml$", r"<pane[\s/>]"),
    "outline": (r"xl/worksheets/sheet\w*\.xml$", r"outlineLevel=\"[1-9]"),
}


def census(path):
    counts = dict.fromkeys(FEATURES, 0)
    with zipfile.ZipFile(path) as package:
        names = [n for n in package.namelist() if not n.startswith("__MACOSX/")]
        for feature, (part_pattern, element_pattern) in FEATURES.items():
            for name in names:
                if not re.search(part_pattern, name):
                    continue
                if element_pattern is None:
                    counts[feature] += 1
                    continue
                text = package.read(name).decode("utf-8", errors="replace")
                counts[feature] += len(re.findall(element_pattern, text))
    return counts


def main(paths):
    for path in paths:
        print(json.dumps({"file": path, "counts": census(path)}, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1:])
