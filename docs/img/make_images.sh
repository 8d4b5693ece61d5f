#!/usr/bin/env bash
# Renders the pictures in the user guide from a real filled sample:
#   docs/img/make_images.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$build/kinerja" fill samples/lapas-muara-enim-2023-lkjip.xlsx -o "$work/muara.xlsx" >/dev/null || true
soffice -env:UserInstallation="file://$work/profile" --headless --convert-to pdf \
  --outdir "$work" "$work/muara.xlsx" >/dev/null 2>&1
# Page 3 is the Capaian 2023 sheet, the last page the Validasi sheet.
pages=$(pdfinfo "$work/muara.pdf" | awk '/^Pages:/ {print $2}')
pdftoppm -png -r 80 -singlefile -f 3 -l 3 "$work/muara.pdf" docs/img/capaian-terisi
pdftoppm -png -r 80 -singlefile -f $((pages - 1)) -l $((pages - 1)) "$work/muara.pdf" docs/img/sheet-validasi
