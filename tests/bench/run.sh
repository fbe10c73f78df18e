#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# `make bench`: runs every benchmark binary and prints one table.  These are
# measurements, never pass/fail tests.
set -u
BUILD=${1:-build}
printf '| %-44s | %12s | %-9s |\n' "benchmark" "value" "unit"
printf '|%s|%s|%s|\n' "----------------------------------------------" "--------------" "-----------"
for b in "$BUILD"/bench/bench_*; do
	[ -x "$b" ] || continue
	"$b" || echo "| $(basename "$b") failed |"
done
