#!/usr/bin/env bash
# release.sh — build the binaries a clerk downloads (issue 19 item 1).
#
# Usage: scripts/release.sh VERSION [OUTDIR]         e.g. scripts/release.sh v1.0.0
#        scripts/release.sh --build-only [OUTDIR]    cross-compile every target, no archives (CI)
#
# For each target below it builds a static binary (CGO_ENABLED=0, -trimpath) with the version and the
# commit stamped (-ldflags -X main.version=… -X main.commit=…; `zwgk --version` prints them), and puts it
# in OUTDIR (default dist/) as zwgk-VERSION-OS-ARCH.zip holding
#     zwgk-VERSION-OS-ARCH/zwgk(.exe)    the program
#     zwgk-VERSION-OS-ARCH/README.md     the project README
#     zwgk-VERSION-OS-ARCH/使用说明.txt  docs/使用说明.md: how a clerk uses it, in plain Chinese
#     zwgk-VERSION-OS-ARCH/示例区县/     samples/district, the sample district, to try it on
# and writes OUTDIR/SHA256SUMS (sha256sum format; check with `sha256sum -c SHA256SUMS`, or on Windows
# `certutil -hashfile 文件 SHA256`). The archives are made by scripts/mkzip (Go's archive/zip) so the Chinese
# names inside carry the UTF-8 flag and unpack correctly in Windows Explorer.
#
# Minimum systems are Go 1.26's: Windows 10 / Windows Server 2016, Linux kernel 3.2 (统信UOS, 麒麟 on
# x86-64, ARM64 and LoongArch), macOS 12 on Apple silicon. Needs only Go and git.
set -euo pipefail
cd "$(dirname "$0")/.."

TARGETS="windows/amd64 windows/arm64 linux/amd64 linux/arm64 linux/loong64 darwin/arm64"

build_only=false
if [ "${1:-}" = "--build-only" ]; then
  build_only=true
  shift
  version=ci
else
  version=${1:?usage: scripts/release.sh VERSION [OUTDIR]  (or --build-only [OUTDIR])}
  shift
fi
out=${1:-dist}
case "$version" in
  */*|*' '*) echo "release.sh: VERSION must not contain / or spaces: $version" >&2; exit 2 ;;
esac

commit=$(git rev-parse HEAD 2>/dev/null || echo unknown)
if [ "$commit" != unknown ] && [ -n "$(git status --porcelain 2>/dev/null)" ]; then
  commit="$commit+dirty"
  $build_only || echo "release.sh: warning: the work tree has uncommitted changes; the commit is stamped $commit" >&2
fi

mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

ldflags="-s -w -X main.version=$version -X main.commit=$commit"
for t in $TARGETS; do
  goos=${t%/*} goarch=${t#*/}
  exe=zwgk
  [ "$goos" = windows ] && exe=zwgk.exe
  name="zwgk-$version-$goos-$goarch"
  dir="$work/$name"
  mkdir -p "$dir"
  echo "== $t"
  CGO_ENABLED=0 GOOS=$goos GOARCH=$goarch go build -trimpath -ldflags "$ldflags" -o "$dir/$exe" ./cmd/zwgk
  if $build_only; then
    continue
  fi
  cp README.md "$dir/README.md"
  cp docs/使用说明.md "$dir/使用说明.txt"
  cp -R samples/district "$dir/示例区县"
  rm -f "$out/$name.zip"
  go run ./scripts/mkzip "$out/$name.zip" "$dir"
done

if $build_only; then
  echo "== built $(echo $TARGETS | wc -w) targets"
  exit 0
fi
(cd "$out" && sha256sum zwgk-"$version"-*.zip > SHA256SUMS)
echo "== wrote $out:"
(cd "$out" && ls -l zwgk-"$version"-*.zip SHA256SUMS)
