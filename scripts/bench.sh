#!/usr/bin/env bash
# bench.sh — the province-scale benchmark of issue 8 (see docs/performance.md).
#
# On one generated province it measures
#   (a) the bare read: every cell of every workbook streamed with excelize's Rows iterator by as many
#       workers as the audit uses, values thrown away (go run ./samples/gen/bareread);
#   (b) zwgk audit DIR -o report.xlsx --format json > /dev/null;
#   (c) the same audit without -o (JSON to a file), to tell what the Excel report costs (b − c) and
#       how many findings it holds;
#   (g) the bare read again with the garbage-collector settings zwgk sets for itself (GOGC=400,
#       GOMEMLIMIT=128MiB; cmd/zwgk/gc.go), and (d) audit (b) with Go's defaults (GOGC=100, no
#       limit), so that the ratio is not flattered by settings the bare read did not have;
#   (n) the bare read with zwgk's own sheet reader (bareread -reader zwgk, workbook.ScanXLSX, what the
#       audit reads with since issue 21), and (m) the same with zwgk's GC settings;
#   (t) with --baseline BIN, the audit (b) by another zwgk binary (e.g. one built from an older commit),
#       to compare the audit's CPU with "today's";
# each under /usr/bin/time -v, and prints wall time, CPU time (user+sys), peak RSS, the ratio of (b)
# to the faster of (a) and (g), the ratios of issue 21 (n/a ≤ 0.2, b/n ≤ 2.5, b/t ≤ 0.5; CPU time,
# the faster of each pair of GC settings), and rows per second. With --double it also audits a province of
# twice the units, to show whether peak RSS grows with the number of units.
#
# Usage: scripts/bench.sh [options] [UNITS [DOCS]]        (default 1000 units × 1000 documents)
#   -d DIR       generated province to use: reused if DIR/.planted.json exists, else generated into
#                DIR and kept (default: a temporary folder, removed at the end)
#   -s SEED      generator seed (default 1)
#   -r N         repeat (a), (b) and (c) N times, interleaved; the minimum times and the maximum RSS
#                are reported (default 1). The project's machines are shared: repeat when they are busy.
#   -j N         workers for both the bare read and the audit (default: GOMAXPROCS, i.e. nproc)
#   --double     also generate and audit 2 × UNITS (reused from DIR-2x when -d is given)
#   --sst        generate with a shared strings table as Excel/WPS save (slower to generate)
#   --no-report-cost   skip (c)
#   --no-gc-compare    skip (g), (d) and (m)
#   --baseline BIN     also time BIN audit DIR -o report.xlsx --format json as (t)
set -euo pipefail
cd "$(dirname "$0")/.."

UNITS=1000 DOCS=1000 SEED=1 REPEAT=1 JOBS=0 DIR="" DOUBLE=0 SST="" REPORT_COST=1 GC_COMPARE=1 BASELINE=""
pos=()
while [ $# -gt 0 ]; do
  case "$1" in
    -d) DIR=$2; shift 2 ;;
    -s) SEED=$2; shift 2 ;;
    -r) REPEAT=$2; shift 2 ;;
    -j) JOBS=$2; shift 2 ;;
    --double) DOUBLE=1; shift ;;
    --sst) SST=-sst; shift ;;
    --no-report-cost) REPORT_COST=0; shift ;;
    --no-gc-compare) GC_COMPARE=0; shift ;;
    --baseline) BASELINE=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "bench.sh: unknown option $1" >&2; exit 2 ;;
    *) pos+=("$1"); shift ;;
  esac
done
[ ${#pos[@]} -ge 1 ] && UNITS=${pos[0]}
[ ${#pos[@]} -ge 2 ] && DOCS=${pos[1]}

if [ ! -x /usr/bin/time ]; then
  echo "bench.sh: /usr/bin/time is missing; install it with: apt-get install -y time" >&2
  exit 2
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/zwgk-bench.XXXXXX")
cleanup() { rm -rf "$WORK"; }
trap cleanup EXIT
if [ -z "$DIR" ]; then
  DIR=$WORK/province
fi

echo "== build"
go build -o "$WORK/zwgk" ./cmd/zwgk
go build -o "$WORK/gen" ./samples/gen
go build -o "$WORK/bareread" ./samples/gen/bareread

# generate DIR UNITS: generate a province unless DIR already holds one.
generate() {
  local dir=$1 units=$2
  if [ -f "$dir/.planted.json" ]; then
    echo "reusing $dir ($(grep -m1 '"units"' "$dir/.planted.json" | tr -dc 0-9) units)"
    return
  fi
  /usr/bin/time -f "generated in %e s, peak RSS %M KB" "$WORK/gen" -units "$units" -docs "$DOCS" -seed "$SEED" $SST -o "$dir"
}

# measure NAME CMD…: run CMD under /usr/bin/time -v; sets T_WALL, T_CPU (seconds), T_RSS (KB).
measure() {
  local name=$1; shift
  local log=$WORK/$name.time
  local rc=0
  /usr/bin/time -v -o "$log" "$@" || rc=$?
  # zwgk exits 1 when findings match --fail-on; that is not a failure here.
  if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then echo "bench.sh: $name failed (exit $rc)" >&2; exit 1; fi
  T_WALL=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$log")
  T_CPU=$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { printf "%.2f", u + s }' "$log")
  T_RSS=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$log")
}

jobs_flag=()
[ "$JOBS" -gt 0 ] && jobs_flag=(-jobs "$JOBS")
audit_jobs=()
[ "$JOBS" -gt 0 ] && audit_jobs=(--jobs "$JOBS")

# run_province DIR: runs (a), (b), (c) REPEAT times and sets the A_*, B_*, C_* results.
run_province() {
  local dir=$1
  A_WALL=999999 A_CPU=999999 A_RSS=0 B_WALL=999999 B_CPU=999999 B_RSS=0 C_WALL=999999 C_CPU=999999 C_RSS=0
  G_WALL=999999 G_CPU=999999 G_RSS=0 D_WALL=999999 D_CPU=999999 D_RSS=0
  N_WALL=999999 N_CPU=999999 N_RSS=0 M_WALL=999999 M_CPU=999999 M_RSS=0 O_WALL=999999 O_CPU=999999 O_RSS=0
  for i in $(seq "$REPEAT"); do
    echo "-- run $i/$REPEAT: (a) bare read"
    measure bare "$WORK/bareread" "${jobs_flag[@]}" "$dir" > "$WORK/bare.out"
    cat "$WORK/bare.out"
    keep A
    echo "-- run $i/$REPEAT: (n) bare read, zwgk's sheet reader"
    measure barez "$WORK/bareread" -reader zwgk "${jobs_flag[@]}" "$dir" > "$WORK/barez.out"
    cat "$WORK/barez.out"
    keep N
    if [ -n "$BASELINE" ]; then
      echo "-- run $i/$REPEAT: (t) baseline $BASELINE audit -o report.xlsx --format json"
      rm -f "$WORK/report-t.xlsx"
      measure baseline "$BASELINE" audit "$dir" "${audit_jobs[@]}" -o "$WORK/report-t.xlsx" --format json > /dev/null
      keep O
      echo "   wall ${T_WALL}s cpu ${T_CPU}s rss ${T_RSS}KB"
    fi
    echo "-- run $i/$REPEAT: (b) zwgk audit -o report.xlsx --format json"
    rm -f "$WORK/report.xlsx"
    measure audit "$WORK/zwgk" audit "$dir" "${audit_jobs[@]}" -o "$WORK/report.xlsx" --format json > /dev/null
    keep B
    echo "   wall ${T_WALL}s cpu ${T_CPU}s rss ${T_RSS}KB"
    if [ "$REPORT_COST" = 1 ]; then
      echo "-- run $i/$REPEAT: (c) zwgk audit --format json (no Excel report)"
      measure json "$WORK/zwgk" audit "$dir" "${audit_jobs[@]}" --format json > "$WORK/result.json"
      keep C
      echo "   wall ${T_WALL}s cpu ${T_CPU}s rss ${T_RSS}KB"
    fi
    if [ "$GC_COMPARE" = 1 ]; then
      echo "-- run $i/$REPEAT: (g) bare read with zwgk's GC settings"
      measure bare env GOGC=400 GOMEMLIMIT=128MiB "$WORK/bareread" "${jobs_flag[@]}" "$dir" > /dev/null
      keep G
      echo "   wall ${T_WALL}s cpu ${T_CPU}s rss ${T_RSS}KB"
      echo "-- run $i/$REPEAT: (m) bare read, zwgk's sheet reader, with zwgk's GC settings"
      measure barez env GOGC=400 GOMEMLIMIT=128MiB "$WORK/bareread" -reader zwgk "${jobs_flag[@]}" "$dir" > /dev/null
      keep M
      echo "   wall ${T_WALL}s cpu ${T_CPU}s rss ${T_RSS}KB"
      echo "-- run $i/$REPEAT: (d) audit (b) with Go's default GC"
      rm -f "$WORK/report.xlsx"
      measure audit env GOGC=100 GOMEMLIMIT=off "$WORK/zwgk" audit "$dir" "${audit_jobs[@]}" -o "$WORK/report.xlsx" --format json > /dev/null
      keep D
      echo "   wall ${T_WALL}s cpu ${T_CPU}s rss ${T_RSS}KB"
    fi
  done
  ROWS=$(awk '{ for (i = 1; i < NF; i++) if ($i == "rows") print $(i + 1) }' "$WORK/bare.out")
  REG_ROWS=$(grep -m1 '"rows"' "$dir/.planted.json" | tr -dc 0-9)
  FINDINGS=""
  if [ "$REPORT_COST" = 1 ]; then FINDINGS=$(grep -c '"item":' "$WORK/result.json" || true); fi
}

# keep X: folds the last measurement into X_WALL, X_CPU (minimum) and X_RSS (maximum).
keep() {
  local x=$1 w c r
  w=${x}_WALL c=${x}_CPU r=${x}_RSS
  if awk -v a="$T_WALL" -v b="${!w}" 'BEGIN { exit !(a < b) }'; then printf -v "$w" '%s' "$T_WALL"; fi
  if awk -v a="$T_CPU" -v b="${!c}" 'BEGIN { exit !(a < b) }'; then printf -v "$c" '%s' "$T_CPU"; fi
  if [ "$T_RSS" -gt "${!r}" ]; then printf -v "$r" '%s' "$T_RSS"; fi
}

report() {
  local units=$1
  awk -v units="$units" -v docs="$DOCS" -v rows="$ROWS" -v reg="$REG_ROWS" -v findings="$FINDINGS" \
      -v aw="$A_WALL" -v ac="$A_CPU" -v ar="$A_RSS" -v bw="$B_WALL" -v bc="$B_CPU" -v br="$B_RSS" \
      -v cw="$C_WALL" -v cc="$C_CPU" -v cr="$C_RSS" -v rc="$REPORT_COST" -v nproc="$(nproc)" \
      -v gw="$G_WALL" -v gc="$G_CPU" -v gr="$G_RSS" -v dw="$D_WALL" -v dc="$D_CPU" -v dr="$D_RSS" -v gcc="$GC_COMPARE" \
      -v nw="$N_WALL" -v nc="$N_CPU" -v nr="$N_RSS" -v mw="$M_WALL" -v mc="$M_CPU" -v mr="$M_RSS" \
      -v tw="$O_WALL" -v tc="$O_CPU" -v tr="$O_RSS" -v base="$BASELINE" 'BEGIN {
    printf "\n== %d units × %d documents: %d rows read (%d register rows), %d CPUs\n", units, docs, rows, reg, nproc
    printf "%-44s %9s %9s %12s %12s\n", "", "wall s", "cpu s", "rows/s", "peak RSS MB"
    printf "%-44s %9.2f %9.2f %12.0f %12.1f\n", "(a) bare read", aw, ac, rows / aw, ar / 1024
    printf "%-44s %9.2f %9.2f %12.0f %12.1f\n", "(n) bare read, zwgk sheet reader", nw, nc, rows / nw, nr / 1024
    printf "%-44s %9.2f %9.2f %12.0f %12.1f\n", "(b) audit -o report.xlsx --format json", bw, bc, rows / bw, br / 1024
    if (base != "")
      printf "%-44s %9.2f %9.2f %12.0f %12.1f\n", "(t) baseline audit (b)", tw, tc, rows / tw, tr / 1024
    if (rc == 1)
      printf "%-44s %9.2f %9.2f %12.0f %12.1f\n", "(c) audit --format json (no Excel report)", cw, cc, rows / cw, cr / 1024
    if (gcc == 1) {
      printf "%-44s %9.2f %9.2f %12.0f %12.1f\n", "(g) bare read, GOGC=400 GOMEMLIMIT=128MiB", gw, gc, rows / gw, gr / 1024
      printf "%-44s %9.2f %9.2f %12.0f %12.1f\n", "(d) audit (b), GOGC=100 GOMEMLIMIT=off", dw, dc, rows / dw, dr / 1024
      printf "%-44s %9.2f %9.2f %12.0f %12.1f\n", "(m) bare read (n), GOGC=400 GOMEMLIMIT=128MiB", mw, mc, rows / mw, mr / 1024
      if (mc < nc) { nc = mc; nw = mw }
      if (gw < aw) aw = gw
      if (gc < ac) ac = gc
    }
    printf "ratio b/a: %.2f (wall)  %.2f (cpu)      target ≤ 1.3 (a: the faster bare read)\n", bw / aw, bc / ac
    printf "ratio n/a: %.2f (cpu)   zwgk reader vs excelize, bare     target ≤ 0.2 (issue 21)\n", nc / ac
    printf "ratio b/n: %.2f (cpu)   audit vs zwgk bare read           target ≤ 2.5 (issue 21)\n", bc / nc
    if (base != "")
      printf "ratio b/t: %.2f (cpu)   audit vs baseline audit; RSS %.1f vs %.1f MB   target ≤ 0.5 (issue 21)\n", bc / tc, br / 1024, tr / 1024
    printf "peak RSS of (b): %.1f MB                   target < 300 MB\n", br / 1024
    if (rc == 1)
      printf "Excel report (b − c): %.2f s of %.2f s = %.1f %% (%d findings)   target < 10 %%\n", bw - cw, bw, 100 * (bw - cw) / bw, findings
  }'
}

echo "== generate $UNITS × $DOCS (seed $SEED)"
generate "$DIR" "$UNITS"
run_province "$DIR"
report "$UNITS"

if [ "$DOUBLE" = 1 ]; then
  DIR2=${DIR%/}-2x
  [ "$DIR" = "$WORK/province" ] && DIR2=$WORK/province-2x
  echo
  echo "== generate $((UNITS * 2)) × $DOCS (seed $SEED)"
  generate "$DIR2" $((UNITS * 2))
  run_province "$DIR2"
  report $((UNITS * 2))
fi
