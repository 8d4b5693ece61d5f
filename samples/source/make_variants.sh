#!/bin/sh
# Writes samples/rutan-soe-2023-lkjip.xlsx again as three other writers would, into
# samples/variants/: LibreOffice Calc (soffice), Gnumeric (ssconvert) and a WPS-style file
# (make_wps_variant.py). Run after make_samples. Needs libreoffice-calc-nogui and gnumeric.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
samples=$(dirname "$here")
source="$samples/rutan-soe-2023-lkjip.xlsx"
out="$samples/variants"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

# A private profile, so a running or concurrent LibreOffice does not get in the way.
soffice -env:UserInstallation="file://$work/profile" --headless \
    --convert-to "xlsx:Calc MS Excel 2007 XML" --outdir "$work" "$source" >/dev/null
mv "$work/rutan-soe-2023-lkjip.xlsx" "$out/rutan-soe-2023-lkjip.libreoffice.xlsx"

ssconvert --export-type=Gnumeric_Excel:xlsx2 "$source" "$work/gnumeric.xlsx" 2>/dev/null
mv "$work/gnumeric.xlsx" "$out/rutan-soe-2023-lkjip.gnumeric.xlsx"

python3 "$here/make_wps_variant.py" "$source" "$out/rutan-soe-2023-lkjip.wps.xlsx" >/dev/null
ls -1 "$out"
