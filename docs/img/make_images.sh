#!/usr/bin/env bash
# Renders the pictures in the user guide from real filled samples (needs soffice and
# poppler-utils):
#   docs/img/make_images.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The page of a PDF whose text holds a phrase (pages follow the sheets).
page_with() {
  local pdf=$1 phrase=$2 pages
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  for ((p = 1; p <= pages; p++)); do
    if pdftotext -f "$p" -l "$p" "$pdf" - | grep -q "$phrase"; then echo "$p"; return; fi
  done
  echo "make_images: no page of $pdf says '$phrase'" >&2
  return 1
}

render() {  # render PDF PAGE NAME
  pdftoppm -png -r 80 -singlefile -f "$2" -l "$2" "$1" "docs/img/$3"
}

"$build/kinerja" fill samples/lapas-muara-enim-2023-lkjip.xlsx -o "$work/muara.xlsx" --grafik >/dev/null || true
soffice -env:UserInstallation="file://$work/profile" --headless --convert-to pdf \
  --outdir "$work" "$work/muara.xlsx" >/dev/null 2>&1
render "$work/muara.pdf" 3 capaian-terisi  # the Capaian 2023 sheet
render "$work/muara.pdf" "$(page_with "$work/muara.pdf" "CAPAIAN KINERJA PER INDIKATOR")" grafik
render "$work/muara.pdf" "$(page_with "$work/muara.pdf" "Tingkat")" sheet-validasi
