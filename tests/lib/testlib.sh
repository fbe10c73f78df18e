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

# skip "why": one counted skip; tests/run.sh counts lines starting "SKIP: "
# and prints them under the file's summary line.
skip() { echo "SKIP: $*"; }

# ---- root-owned files ---------------------------------------------------
# The console takes [staff] only from a configuration file owned by root
# that only root can write.  As root (CI) every file a test writes is such a
# file.  For an ordinary user the helpers below give the same picture in a
# user namespace (unshare --map-root-user): this user is uid 0 inside it, so
# the files it writes are owned by root as the console sees them, and the
# console's login is "root".  Nothing outside the test changes.
#
#   need_root_owned_config "$@"
#	For a script whose every check may run that way.  Call it right
#	after sourcing this file, before t_tmpdir: as root it returns;
#	otherwise it re-runs the whole script in a user namespace (stdout
#	says so).  Where user namespaces are unavailable it prints
#	"SKIP: why" and exits 0, and tests/run.sh counts the skip.
#   root_owned_ok
#	Succeeds when files can be root-owned (root, or a working
#	unshare --map-root-user); otherwise sets T_ROOT_OWNED_WHY to the
#	reason, for skip "... $T_ROOT_OWNED_WHY".
#   as_root_owned COMMAND...
#	Runs one command that way (as root, directly): for a script that
#	keeps other parts outside the namespace, such as a private cupsd
#	(root inside a user namespace cannot switch to user lp).  The login
#	to list in [staff] for such commands is $(as_root_owned id -un).
#	Check root_owned_ok first.
T_ROOT_OWNED_WHY=""
root_owned_ok() {
	[ "$(id -u)" = 0 ] && return 0
	if ! command -v unshare > /dev/null 2>&1; then
		T_ROOT_OWNED_WHY="no unshare(1) here (util-linux)"
		return 1
	fi
	if ! ns_err=$(unshare --map-root-user true 2>&1); then
		T_ROOT_OWNED_WHY="user namespaces unavailable (unshare --map-root-user: ${ns_err:-failed})"
		return 1
	fi
	return 0
}

as_root_owned() {
	if [ "$(id -u)" = 0 ]; then
		"$@"
	else
		unshare --map-root-user "$@"
	fi
}

need_root_owned_config() {
	[ "$(id -u)" = 0 ] && return 0
	if root_owned_ok; then
		echo "# not root: $0 runs in a user namespace (unshare --map-root-user) so its files are root-owned"
		exec unshare --map-root-user sh "$0" "$@"
	fi
	skip "$0: [staff] needs a root-owned configuration file: not root, and $T_ROOT_OWNED_WHY"
	exit 0
}
