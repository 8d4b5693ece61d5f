#!/usr/bin/env python3
"""The fidelity run over workbooks Kinerja was never built on (issue 16).

The corpus is every .xlsx/.xlsm shipped inside the Debian 12 packages listed in packages.txt
(test and example files of other spreadsheet libraries, most of them saved by Excel). They are
downloaded with `apt-get download`, never committed. Each file is filled by Kinerja and
round-tripped by LibreOffice; census.py counts each feature in the input and in both outputs.

The run fails when
  - Kinerja crashes, hangs or writes nothing for a file (exit 0 and 1 are both a fill),
  - ooxml_check reports an error in one of Kinerja's outputs,
  - a feature survives in fewer files through Kinerja than through LibreOffice.

    run.py --kinerja build/kinerja --work /tmp/corpus [--report docs-table.md]
"""

import argparse
import json
import pathlib
import shutil
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from census import FEATURES, census  # noqa: E402

CHECKER = HERE.parents[2] / "shared" / "tools" / "ooxml_check.py"


def fetch(work):
    """Downloads and unpacks the corpus packages; returns the workbook paths, sorted."""
    debs = work / "debs"
    debs.mkdir(parents=True, exist_ok=True)
    packages = [line.split("#")[0].strip() for line in (HERE / "packages.txt").read_text().splitlines()]
    packages = [p for p in packages if p]
    if not list(debs.glob("*.deb")):
        subprocess.run(["apt-get", "download", *packages], cwd=debs, check=True,
                       stdout=subprocess.DEVNULL)
    inputs = work / "inputs"
    if inputs.exists():
        shutil.rmtree(inputs)
    inputs.mkdir()
    unpacked = work / "unpacked"
    for deb in sorted(debs.glob("*.deb")):
        target = unpacked / deb.name.split("_")[0]
        if not target.exists():
            target.mkdir(parents=True)
            subprocess.run(["dpkg-deb", "-x", str(deb), str(target)], check=True)
    for path in sorted(unpacked.rglob("*")):
        if path.suffix.lower() in (".xlsx", ".xlsm") and path.is_file():
            name = f"{path.relative_to(unpacked).parts[0]}--{path.name}"
            shutil.copyfile(path, inputs / name)
    return sorted(inputs.iterdir())


def fill_all(kinerja, files, out):
    out.mkdir(exist_ok=True)
    failures = []
    for path in files:
        target = out / path.name
        try:
            result = subprocess.run([kinerja, "fill", str(path), "-o", str(target)],
                                    capture_output=True, text=True, timeout=120)
        except subprocess.TimeoutExpired:
            failures.append(f"{path.name}: no answer within 120 s")
            continue
        if result.returncode not in (0, 1) or not target.exists():
            failures.append(f"{path.name}: exit {result.returncode}: {result.stderr.strip()[-400:]}")
    return failures


def libreoffice_all(files, out):
    out.mkdir(exist_ok=True)
    profile = out.parent / "lo-profile"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--calc",
                    "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out),
                    *map(str, files)], check=True, capture_output=True, timeout=1800)


def schema_errors(paths):
    result = subprocess.run([sys.executable, str(CHECKER), *map(str, paths)],
                            capture_output=True, text=True)
    return [line for line in result.stdout.splitlines() if ": error " in line]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kinerja", required=True)
    parser.add_argument("--work", required=True, type=pathlib.Path)
    parser.add_argument("--report", type=pathlib.Path)
    args = parser.parse_args()

    files = fetch(args.work)
    problems = fill_all(args.kinerja, files, args.work / "kinerja")
    libreoffice_all(files, args.work / "libreoffice")
    outputs = [args.work / "kinerja" / f.name for f in files if (args.work / "kinerja" / f.name).exists()]
    problems += schema_errors(outputs)

    has = dict.fromkeys(FEATURES, 0)
    kept = {"kinerja": dict.fromkeys(FEATURES, 0), "libreoffice": dict.fromkeys(FEATURES, 0)}
    lost = []
    for path in files:
        before = census(path)
        after = {"kinerja": args.work / "kinerja" / path.name,
                 "libreoffice": args.work / "libreoffice" / (path.stem + ".xlsx")}
        counts = {tool: census(p) if p.exists() else dict.fromkeys(FEATURES, 0)
                  for tool, p in after.items()}
        for feature, count in before.items():
            if count == 0:
                continue
            has[feature] += 1
            for tool in kept:
                if counts[tool][feature] >= count:
                    kept[tool][feature] += 1
                elif tool == "kinerja":
                    lost.append(f"{path.name}: {feature} {count} -> {counts[tool][feature]}")

    lines = [f"{len(files)} workbooks from the Debian packages in tests/corpus/packages.txt.", "",
             "| feature | files with it | kept by Kinerja | kept by LibreOffice |",
             "|---|---:|---:|---:|"]
    for feature in FEATURES:
        if has[feature]:
            lines.append(f"| {feature} | {has[feature]} | {kept['kinerja'][feature]} "
                         f"| {kept['libreoffice'][feature]} |")
            if kept["kinerja"][feature] < kept["libreoffice"][feature]:
                problems.append(f"{feature}: kept in {kept['kinerja'][feature]} files by Kinerja, "
                                f"{kept['libreoffice'][feature]} by LibreOffice")
    table = "\n".join(lines)
    print(table)
    if lost:
        print("\nLost by Kinerja (count in the input -> in the output):")
        print("\n".join("  " + line for line in lost))
    if args.report:
        args.report.write_text(table + "\n")
    if problems:
        print("\nFAILED:")
        print("\n".join("  " + p for p in problems))
        return 1
    print(json.dumps({"files": len(files), "result": "ok"}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
