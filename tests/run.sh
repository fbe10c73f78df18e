#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Runs every test once per build directory given (normal, then ASan+UBSan),
# then each fuzz harness briefly.  Details go to build/test.log; stdout gets
# one line per test file and the closing summary "N passed, N failed,
# N skipped".  Every test runs under timeout(1): a hang is a failure, not a
# stuck run.
#
# What counts as a pass, a failure and a skip: tests/lib/count.sh.  Skips
# and their reasons are listed under each file's line.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
log=build/test.log
: > "$log"
. tests/lib/count.sh

# bounded SECONDS LABEL COMMAND...: run COMMAND with its output in $tmp/out,
# killed after SECONDS (KILL 10 s later); sets rc.  A timeout is a FAIL line.
bounded() {
	secs=$1 blabel=$2
	shift 2
	timeout -k 10 "$secs" "$@" > "$tmp/out" 2>&1
	rc=$?
	if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then
		echo "FAIL: $blabel timed out after $secs s (killed)" >> "$tmp/out"
	fi
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

for b in "$@"; do
	echo "== tests in $b"
	export PPID_BUILD="$top/$b"
	export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0
	export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
	for t in "$b"/tests/test_*; do
		[ -x "$t" ] || continue
		echo "### $t" >> "$log"
		bounded "${TEST_TIMEOUT_BIN:-600}" "$t" "$t"
		count "$t" "$tmp/out" $rc
	done
	for s in tests/integration/*.sh; do
		[ -f "$s" ] || continue
		echo "### $s ($b)" >> "$log"
		bounded "${TEST_TIMEOUT_SCRIPT:-900}" "$s ($b)" sh "$s"
		count "$s ($b)" "$tmp/out" $rc
	done
done

if ls build/fuzz/fuzz_* >/dev/null 2>&1; then
	echo "== fuzz (libFuzzer, ${FUZZ_SECONDS:-5} s each)"
	for f in build/fuzz/fuzz_*; do
		[ -x "$f" ] || continue
		n=$(basename "$f")
		mkdir -p "$tmp/corpus-$n"
		seeds=tests/fuzz/corpus/${n#fuzz_}
		echo "### $f" >> "$log"
		bounded $((${FUZZ_SECONDS:-5} + 300)) "$f" \
			"$f" -max_total_time="${FUZZ_SECONDS:-5}" -print_final_stats=1 \
			"$tmp/corpus-$n" $( [ -d "$seeds" ] && echo "$seeds" )
		[ $rc = 0 ] && echo "PASS: $n ran $(grep -o 'stat::number_of_executed_units: *[0-9]*' "$tmp/out" | grep -o '[0-9]*$') inputs without a crash" >> "$tmp/out"
		count "$f" "$tmp/out" $rc
	done
fi

echo
[ -n "$skips" ] && echo "skipped in:$skips"
[ -n "$failures" ] && echo "failed:$failures"
[ -n "$failures$skips" ] && echo "details: $log"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ]
