#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The real ppid-kiosk's bench rows (tests/bench/kiosk_bench.py says how each
# is measured), next to tests/bench/minimal_sdl.c in the same run, under a
# private Xvfb (tests/lib/xvfb.sh).  Run by tests/bench/run.sh; on its own:
#
#   sh tests/bench/kiosk.sh BUILD [--quick]
#
# The receipt printer is $PPID_BENCH_QUEUE on $CUPS_SERVER (run.sh starts a
# private cupsd); without them the submit rows say the job was never
# accepted.  --quick: one start of each, 1 s idle, 3 taps (the test
# tests/integration/bench_kiosk.sh).  Rows only on stdout; a row that
# cannot be measured says why.
set -u
BUILD=${1:-build}
QUICK=${2:-}
top=$(cd "$(dirname "$0")/../.." && pwd)
case "$BUILD" in
/*) ;;
*) BUILD="$top/$BUILD" ;;
esac
for c in Xvfb xdotool xdpyinfo python3; do
	if ! command -v "$c" > /dev/null 2>&1; then
		printf '| %-44s | %12s | %-9s |\n' "kiosk bench: $c missing" "-" "skipped"
		exit 0
	fi
done
# Debian's python3 has python3-xlib; another python3 first in PATH may not.
PY=""
for p in /usr/bin/python3 python3; do
	if "$p" -c 'import Xlib.ext.xtest' 2> /dev/null; then
		PY=$p
		break
	fi
done
if [ -z "$PY" ]; then
	printf '| %-44s | %12s | %-9s |\n' "kiosk bench: python3-xlib missing" "-" "skipped"
	exit 0
fi
for b in "$BUILD/ppid-kiosk" "$BUILD/ppid-console" "$BUILD/bench/minimal-sdl"; do
	if [ ! -x "$b" ]; then
		printf '| %-44s | %12s | %-9s |\n' "kiosk bench: $(basename "$b") not built" "-" "skipped"
		exit 0
	fi
done

dir=$(mktemp -d -t ppidkbench.XXXXXX)
chmod 755 "$dir"
. "$top/tests/lib/xvfb.sh"
trap 'xvfb_stop; [ -n "${BENCH_KEEP:-}" ] || rm -rf "$dir"' EXIT
trap 'xvfb_stop; rm -rf "$dir"; exit 1' INT TERM HUP
if ! xvfb_start "$dir/x" 1280x800x24 2> "$dir/xvfb.err"; then
	printf '| %-44s | %12s | %-9s |\n' "kiosk bench: Xvfb did not start" "-" "failed"
	exit 1
fi
# xvfb_start replaced the traps.
trap 'xvfb_stop; [ -n "${BENCH_KEEP:-}" ] || rm -rf "$dir"' EXIT
unset PPID_CONFIG PPID_DEV
mkdir -p "$dir/run"
cat > "$dir/k.conf" << CONF
[office]
name = KPU Provinsi Bengkulu
prefix = KPU-BKL
hours = 00:00-23:59
[database]
path = $dir/q.db
[printer]
receipt = ${PPID_BENCH_QUEUE:-ppid-bench-none}
letter = ${PPID_BENCH_QUEUE:-ppid-bench-none}
receipt_timeout_s = 15
[cardreader]
backend = sim
fifo = $dir/run/cardreader.fifo
[gpio]
backend = sim
fifo = $dir/run/gpio.fifo
CONF
if ! PPID_DEV=1 "$BUILD/ppid-console" --config "$dir/k.conf" init > "$dir/init.log" 2>&1; then
	printf '| %-44s | %12s | %-9s |\n' "kiosk bench: no database" "-" "failed"
	exit 1
fi
"$PY" "$top/tests/bench/kiosk_bench.py" --build "$BUILD" --dir "$dir" \
	--conf "$dir/k.conf" --db "$dir/q.db" $QUICK
rc=$?
[ $rc = 0 ] || { echo "# kiosk log:"; tail -n 5 "$dir/kiosk.log" | sed 's/^/# /'; } >&2
exit $rc
