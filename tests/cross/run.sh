#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# tests/cross/run.sh ARCH...: the cross builds (make cross ARCH=...) tested
# under qemu-user-static: every unit test of build/ARCH/tests, then the
# console's integration tests with build/ARCH's ppid-console.  qemu is run
# directly (no binfmt_misc needed): the multiarch libc6:ARCH puts the
# target's dynamic loader and libraries where the binaries look.  Counted
# like tests/run.sh (tests/lib/count.sh); details in build/ARCH/test.log.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
. tests/lib/count.sh
# The console's end-to-end tests: no display, no kiosk, no printer.
CONSOLE_TESTS="console.sh hardening.sh backup.sh law.sh fields.sh csv.sh calls.sh y2038.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

for arch in "$@"; do
	case "$arch" in
	arm64) qemu=qemu-aarch64-static bits=64 ;;
	armhf) qemu=qemu-arm-static bits=32 ;;
	*) echo "tests/cross/run.sh: arm64 or armhf, not $arch" >&2; exit 2 ;;
	esac
	b=build/$arch
	log=$b/test.log
	if ! command -v $qemu > /dev/null 2>&1; then
		echo "SKIP: $arch: $qemu missing (sh assets/deps.sh cross)"
		skipped=$((skipped + 1))
		continue
	fi
	if [ ! -x "$b/ppid-console" ]; then
		echo "FAIL: $arch: $b/ppid-console not built (make cross ARCH=$arch)"
		failed=$((failed + 1))
		continue
	fi
	: > "$log"
	start=$(date +%s)
	echo "== $arch under $qemu"
	# The console as the integration tests call it: a wrapper that runs
	# the target's binary under qemu.
	mkdir -p "$b/qemu"
	printf '#!/bin/sh\nexec %s %s "$@"\n' "$qemu" "$top/$b/ppid-console" > "$b/qemu/ppid-console"
	chmod 0755 "$b/qemu/ppid-console"
	export ASAN_OPTIONS= UBSAN_OPTIONS=
	for t in "$b"/tests/test_*; do
		[ -x "$t" ] || continue
		echo "### $t" >> "$log"
		timeout -k 10 600 $qemu "$t" > "$tmp/out" 2>&1
		count "$t" "$tmp/out" $?
	done
	for s in $CONSOLE_TESTS; do
		echo "### $s ($arch)" >> "$log"
		PPID_BUILD="$top/$b/qemu" PPID_TIME_BITS=$bits timeout -k 10 900 sh "tests/integration/$s" > "$tmp/out" 2>&1
		count "$s ($arch)" "$tmp/out" $?
	done
	echo "   $arch: $(($(date +%s) - start)) s under qemu"
done

echo
[ -n "$skips" ] && echo "skipped in:$skips"
[ -n "$failures" ] && echo "failed:$failures"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ]
