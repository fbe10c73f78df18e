#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# `make bench`: runs every benchmark binary and prints one table.  These are
# measurements, never pass/fail tests.  A private cupsd is started for the
# print rows (tests/lib/cupsd.sh) and stopped at the end.
set -u
BUILD=${1:-build}
top=$(cd "$(dirname "$0")/../.." && pwd)
CUPSDIR=$(mktemp -d -t ppidbench.XXXXXX)
chmod 755 "$CUPSDIR"
trap 'sh "$top/tests/lib/cupsd.sh" stop "$CUPSDIR/cups" >/dev/null 2>&1; rm -rf "$CUPSDIR"' EXIT INT TERM
if sh "$top/tests/lib/cupsd.sh" start "$CUPSDIR/cups" > /dev/null 2>&1; then
	export CUPS_SERVER="$CUPSDIR/cups/run/cups.sock"
	export PPID_BENCH_QUEUE=testpdf
fi
printf '| %-44s | %12s | %-9s |\n' "benchmark" "value" "unit"
printf '|%s|%s|%s|\n' "----------------------------------------------" "--------------" "-----------"
for b in "$BUILD"/bench/bench_*; do
	[ -x "$b" ] || continue
	"$b" || echo "| $(basename "$b") failed |"
done
# The real kiosk under a private Xvfb, next to a minimal SDL2 program.
sh "$top/tests/bench/kiosk.sh" "$BUILD" || echo "| tests/bench/kiosk.sh failed |"
