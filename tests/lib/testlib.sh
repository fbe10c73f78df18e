# SPDX-License-Identifier: GPL-2.0-or-later
# Shared helpers for the shell integration tests.  Each check prints
# "PASS: what" or "FAIL: what"; tests/run.sh counts those lines.
# PPID_BUILD names the build directory whose binaries are under test.

: "${PPID_BUILD:=$(cd "$(dirname "$0")/../.." && pwd)/build}"
CONSOLE="$PPID_BUILD/ppid-console"
T_FAILS=0

pass() { echo "PASS: $*"; }
fail() { echo "FAIL: $*"; T_FAILS=$((T_FAILS + 1)); }

# check "what" command...   passes when the command exits 0
check() {
	what=$1; shift
	if "$@"; then pass "$what"; else fail "$what"; fi
}

# check_eq "what" expected actual
check_eq() {
	if [ "$2" = "$3" ]; then pass "$1"; else fail "$1 (expected '$2', got '$3')"; fi
}

# check_has "what" needle haystack
check_has() {
	case "$3" in
	*"$2"*) pass "$1" ;;
	*) fail "$1 ('$2' not in: $(printf '%s' "$3" | head -c 400))" ;;
	esac
}

# check_lacks "what" needle haystack
check_lacks() {
	case "$3" in
	*"$2"*) fail "$1 ('$2' found)" ;;
	*) pass "$1" ;;
	esac
}

t_tmpdir() {
	T_DIR=$(mktemp -d -t ppidtest.XXXXXX)
	trap 't_cleanup' EXIT
	trap 't_cleanup; exit 1' INT TERM HUP PIPE
}

# Tests may append their own teardown commands to T_CLEANUP.
T_CLEANUP=""
t_cleanup() {
	eval "$T_CLEANUP"
	[ -n "${T_DIR:-}" ] && rm -rf "$T_DIR"
}

t_done() {
	[ "$T_FAILS" = 0 ]
}
