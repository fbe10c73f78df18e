# SPDX-License-Identifier: GPL-2.0-or-later
# How tests/run.sh counts one test file's output (sourced by it, and by
# tests/integration/harness.sh, which checks it).
#
# Shell tests print "PASS: what", "FAIL: what" and "SKIP: why" lines
# (tests/lib/testlib.sh).  cmocka tests count by test name, once each:
# "[       OK ] name", "[  FAILED  ] name" or "[  ERROR   ] name", and
# "[  SKIPPED ] name" (cmocka names a failed or skipped test twice, as it
# runs and in its closing list, and its "[  ERROR   ] --- " lines are the
# failed assertion, not more failures).  A cmocka test says why it skips on
# a line "# skip: why" (shown, not counted).  A file that exits non-zero
# without a failure line counts one failure.
#
# count LABEL OUTPUT-FILE EXIT-STATUS adds to passed, failed and skipped,
# appends the output to $log, prints the file's summary line (with its
# failures and its skips indented under it) and adds LABEL to $failures or
# $skips.
passed=0
failed=0
skipped=0
failures=""
skips=""

# count FILE-LABEL OUTPUT-FILE EXIT-STATUS
count() {
	label=$1 out=$2 rc=$3
	p=$(grep -c -e '^\[       OK \]' -e '^PASS: ' "$out")
	f=$(($(grep -c '^FAIL: ' "$out") + $(cm_names 'FAILED  |ERROR   ' "$out" | wc -l)))
	s=$(($(grep -c '^SKIP: ' "$out") + $(cm_names 'SKIPPED ' "$out" | wc -l)))
	if [ "$rc" != 0 ] && [ "$f" = 0 ]; then
		f=1
		echo "FAIL: $label exited with status $rc" >> "$out"
	fi
	passed=$((passed + p))
	failed=$((failed + f))
	skipped=$((skipped + s))
	cat "$out" >> "$log"
	sk=""
	[ "$s" != 0 ] && sk=", $s skipped"
	if [ "$f" != 0 ]; then
		printf '  FAIL  %-44s %3d passed, %d failed%s\n' "$label" "$p" "$f" "$sk"
		failures="$failures $label"
		grep -e '^FAIL: ' -e '^\[  FAILED  \] test' -e '^\[  ERROR   \]' "$out" |
			awk '!seen[$0]++' | sed 's/^/          /' | head -20
	else
		printf '  ok    %-44s %3d passed%s\n' "$label" "$p" "$sk"
	fi
	if [ "$s" != 0 ]; then
		skips="$skips $label"
		grep -E -e '^(SKIP: |# skip: )' -e '^\[  SKIPPED \] [A-Za-z_][A-Za-z0-9_]*$' "$out" |
			awk '!seen[$0]++' | sed 's/^/          /' | head -20
	fi
}

# cm_names TAGS OUTPUT-FILE: the names of the cmocka tests reported with one
# of TAGS (an ERE alternation of the text inside the brackets), once each.
cm_names() {
	sed -n -E "s/^\[  ($1)\] ([A-Za-z_][A-Za-z0-9_]*)\$/\2/p" "$2" | sort -u
}

