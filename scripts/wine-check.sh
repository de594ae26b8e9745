#!/usr/bin/env bash
# wine-check.sh — run the Windows build of zwgk under wine (issue 19 item 2).
#
# Usage: scripts/wine-check.sh [ZWGK.EXE]    (default: build windows/amd64 from this tree)
#
# Checks, on the sample district, that zwgk.exe starts, prints its version, answers in Chinese, writes
# results whose file names use / (never \), and writes no escape sequence when its output is not a
# console. Skips cleanly (exit 0, "skipped: …") when wine is not installed (`apt-get install -y wine64`).
# Go 1.22+ binaries need bcryptprimitives.dll (ProcessPrng), which wine before 9.0 lacks (Debian 12 has
# 8.0): when the binary fails for that reason and a mingw-w64 compiler is installed
# (`apt-get install -y gcc-mingw-w64-x86-64-win32`), a 10-line stand-in over RtlGenRandom is compiled into
# the throw-away wine prefix; without a compiler the check is skipped, saying why.
set -uo pipefail
cd "$(dirname "$0")/.."

wine=$(command -v wine64 || command -v wine || { [ -x /usr/lib/wine/wine64 ] && echo /usr/lib/wine/wine64; } || true)
if [ -z "$wine" ]; then
  echo "wine-check: skipped: wine is not installed"
  exit 0
fi

work=$(mktemp -d)
trap 'WINEPREFIX="$work/prefix" wineserver -k >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
export WINEPREFIX="$work/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
export PATH="$PATH:/usr/lib/wine"

exe=${1:-}
if [ -z "$exe" ]; then
  CGO_ENABLED=0 GOOS=windows GOARCH=amd64 go build -trimpath -o "$work/zwgk.exe" ./cmd/zwgk || exit 1
  exe="$work/zwgk.exe"
fi
[ "$exe" = "$work/zwgk.exe" ] || cp "$exe" "$work/zwgk.exe"
cp -R samples/district "$work/示例区县"
cd "$work"

out=$("$wine" zwgk.exe version 2>&1)
if echo "$out" | grep -q "bcryptprimitives.dll not found"; then
  cc=$(command -v x86_64-w64-mingw32-gcc || true)
  if [ -z "$cc" ]; then
    echo "wine-check: skipped: this wine lacks bcryptprimitives.dll (Go needs ProcessPrng) and no mingw-w64 compiler is installed to make a stand-in"
    exit 0
  fi
  cat > bcp.c <<'C'
#include <windows.h>
BOOLEAN WINAPI SystemFunction036(PVOID, ULONG);
BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
  while (len > 0) {
    ULONG n = len > 0x10000000 ? 0x10000000 : (ULONG)len;
    if (!SystemFunction036(data, n)) return FALSE;
    data += n; len -= n;
  }
  return TRUE;
}
C
  printf 'LIBRARY bcryptprimitives\nEXPORTS\nProcessPrng\n' > bcp.def
  "$cc" -shared -O2 -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" bcp.c bcp.def -ladvapi32 || exit 1
  out=$("$wine" zwgk.exe version 2>&1)
fi

passed=0 failed=0
check() { # name, condition already evaluated as $?
  if [ "$2" -eq 0 ]; then passed=$((passed + 1)); echo "ok   $1"; else failed=$((failed + 1)); echo "FAIL $1"; fi
}

echo "$out" | grep -q '^zwgk .* (commit ' ; check "zwgk.exe version prints the version and commit" $?
"$wine" zwgk.exe --version 2>&1 | grep -q '^zwgk .* (commit ' ; check "zwgk.exe --version" $?

"$wine" zwgk.exe audit 示例区县 -o 结果.json > table.txt 2> err.txt
code=$?
[ "$code" -eq 0 ] ; check "audit of the sample district exits 0 (got $code)" $?
grep -q '扁担沟镇' table.txt ; check "the ranking names the units in Chinese" $?
! grep -q $'\x1b' table.txt err.txt ; check "no escape sequence when output is not a console" $?
grep -q '已写出\|写出' err.txt ; check "audit says what it wrote" $?
grep -q '"source": "示例区县/' 结果.json ; check "results name files with / (示例区县/…)" $?
! grep -q '\\\\' 结果.json ; check "no backslash anywhere in the result JSON" $?

"$wine" zwgk.exe diff a.json > /dev/null 2> err.txt
grep -q '这个命令要 2 个参数，给了 1 个' err.txt ; check "argument errors in Chinese" $?
"$wine" zwgk.exe report 没有的结果.json > /dev/null 2> err.txt
grep -q '文件或文件夹不存在' err.txt ; check "file-system errors in Chinese" $?

echo "wine-check: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
