#!/usr/bin/env bash
# print-check.sh — render every workbook zwgk writes as it prints (issue 19 item 5).
#
# Usage: scripts/print-check.sh [OUTDIR]        (default: print-check/)
#
# Writes, from the sample district, the report (district and one unit), the template, the spot-check
# sheet, the year-over-year comparison and the annual report; converts each to PDF with LibreOffice
# (`libreoffice --headless --convert-to pdf`, honouring the workbooks' page setup: A4, fit to width,
# repeated header rows) and each page to PNG (`pdftoppm -png -r 50`), and prints the page count of each,
# so that a person can look at OUTDIR/*.png page by page. Fails when a workbook prints on more pages than
# its bound below (a sheet that lost its fit-to-width prints 2–3 times as many). Skips cleanly
# (exit 0) when libreoffice or pdftoppm is not installed. The same page setup is asserted without
# LibreOffice by TestEverySheetPrints (cmd/zwgk/print_test.go).
set -uo pipefail
cd "$(dirname "$0")/.."
out=${1:-print-check}
for tool in libreoffice pdftoppm pdfinfo; do
  if ! command -v "$tool" >/dev/null; then
    echo "print-check: skipped: $tool is not installed"
    exit 0
  fi
done
mkdir -p "$out"
out=$(cd "$out" && pwd)
rm -f "$out"/*.xlsx "$out"/*.pdf "$out"/*.png "$out"/*.json
go build -o "$out/zwgk" ./cmd/zwgk || exit 1
z="$out/zwgk"
"$z" audit samples -o "$out/评估结果.xlsx" -o "$out/r.json" > /dev/null
"$z" audit samples/district/扁担沟镇.xlsx -o "$out/自查报告.xlsx" > /dev/null
"$z" template -o "$out/自查台账模板.xlsx" > /dev/null
"$z" sample samples --per-unit 3 --seed 7 -o "$out/抽查表.xlsx" > /dev/null
"$z" diff "$out/r.json" "$out/r.json" -o "$out/年度对比.xlsx" > /dev/null
"$z" annual-report samples --year 2017 -o "$out/年度报告.xlsx" > /dev/null
rm -f "$z" "$out/r.json"

# The most pages each may print on (the sample district: 12 units).
declare -A bound=([评估结果]=40 [自查报告]=12 [自查台账模板]=12 [抽查表]=6 [年度对比]=4 [年度报告]=40)
failed=0
cd "$out"
for x in *.xlsx; do
  name=${x%.xlsx}
  timeout 300 libreoffice --headless --convert-to pdf "$x" > /dev/null 2>&1 || { echo "print-check: libreoffice failed on $x"; failed=1; continue; }
  pages=$(pdfinfo "$name.pdf" | awk '/^Pages:/ {print $2}')
  pdftoppm -png -r 50 "$name.pdf" "$name"
  status=ok
  if [ "${pages:-0}" -gt "${bound[$name]}" ]; then status="FAIL (more than ${bound[$name]})"; failed=1; fi
  echo "$x: $pages pages $status"
done
echo "print-check: PNGs in $out"
exit $failed
