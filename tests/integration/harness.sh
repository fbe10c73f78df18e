#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The test harness itself: how tests/run.sh counts passes, failures and
# skips (tests/lib/count.sh); the root-owned-file helpers of testlib.sh and
# their C twin (tests/unit/root_owned.h) on the path an ordinary user's
# `make test` takes (as root, that path is tried as user nobody); and
# `make` naming missing packages without pkg-config noise.
. "$(dirname "$0")/../lib/testlib.sh"
t_tmpdir
top=$(cd "$(dirname "$0")/../.." && pwd)

# ---- counting ------------------------------------------------------------
# count_of OUTPUT-FILE RC: what count() prints and adds up, for a file "f".
count_of() {
	(
		log="$T_DIR/count.log"
		. "$top/tests/lib/count.sh"
		count f "$1" "$2"
		echo "totals=$passed $failed $skipped failures=$failures skips=$skips"
	)
}
# A real cmocka 1.1 run: one pass, a failed assertion, a crash, two skips.
cat > "$T_DIR/cm.out" <<'OUT'
[==========] Running 5 test(s).
[ RUN      ] test_a
[       OK ] test_a
[ RUN      ] test_b
[  ERROR   ] --- 0 != 0x1
[   LINE   ] --- t.c:7: error: Failure!
[  FAILED  ] test_b
[ RUN      ] test_c
[  SKIPPED ] test_c
[ RUN      ] test_d
# skip: needs a widget
[  SKIPPED ] test_d
[ RUN      ] test_e
[  ERROR   ] --- Test failed with exception: Segmentation fault(11)
[  FAILED  ] test_e
[==========] 5 test(s) run.
[  PASSED  ] 1 test(s).
[  SKIPPED ] 2 test(s), listed below:
[  SKIPPED ] test_c
[  SKIPPED ] test_d

 2 SKIPPED TEST(S)
[  FAILED  ] 2 test(s), listed below:
[  FAILED  ] test_b
[  FAILED  ] test_e

 2 FAILED TEST(S)
OUT
out=$(count_of "$T_DIR/cm.out" 1)
check_has "cmocka: each test counts once (1 passed, 2 failed, 2 skipped)" \
	"totals=1 2 2 failures= f skips= f" "$out"
check_has "... the file's line says so" "1 passed, 2 failed, 2 skipped" "$out"
check_has "... the skip reason is listed under it" "          # skip: needs a widget" "$out"
check_eq "... each skipped test is listed once" 1 \
	"$(printf '%s\n' "$out" | grep -c 'SKIPPED \] test_c$')"
check_eq "... each failed test is listed once" 1 \
	"$(printf '%s\n' "$out" | grep -c 'FAILED  \] test_b$')"
check_eq "... and the output reaches the log" 1 "$(grep -c '^\[       OK \] test_a$' "$T_DIR/count.log")"

printf 'PASS: one\nSKIP: no widget here\nPASS: two\n# a comment\n' > "$T_DIR/sh.out"
out=$(count_of "$T_DIR/sh.out" 0)
check_has "shell: PASS and SKIP lines count (2 passed, 1 skipped)" \
	"totals=2 0 1 failures= skips= f" "$out"
check_has "... the file's line is ok with its skip" "ok    f" "$out"
check_has "... and the reason under it" "          SKIP: no widget here" "$out"
printf 'PASS: one\nFAIL: two\n' > "$T_DIR/fail.out"
check_has "shell: a FAIL line is a failure" "totals=1 1 0" "$(count_of "$T_DIR/fail.out" 1)"
printf 'PASS: one\n' > "$T_DIR/exit.out"
out=$(count_of "$T_DIR/exit.out" 3)
check_has "a non-zero exit without a FAIL line is one failure" "totals=1 1 0" "$out"
check_has "... that says the status" "f exited with status 3" "$out"
printf 'PASS: one\n' > "$T_DIR/plain.out"
check_lacks "no skips: the file's line does not mention them" "skipped" "$(count_of "$T_DIR/plain.out" 0 | head -1)"

# ---- root-owned files for an ordinary user -------------------------------
# as_user COMMAND...: run COMMAND as an ordinary user (nobody when this test
# runs as root), in $U, a folder of that user's holding copies of what it
# needs (the checkout may be unreadable to nobody).
U="$T_DIR/u"
mkdir -p "$U/bin"
cp "$top/tests/lib/testlib.sh" "$top/assets/deps.sh" "$U/"
[ -x "$PPID_BUILD/tests/test_config" ] && cp "$PPID_BUILD/tests/test_config" "$U/"
if [ "$(id -u)" = 0 ]; then
	chmod 755 "$T_DIR"
	chown -R 65534:65534 "$U"
	as_user() { (cd "$U" && setpriv --reuid=65534 --regid=65534 --clear-groups "$@"); }
else
	as_user() { (cd "$U" && "$@"); }
fi
check "the ordinary user is not root" [ "$(as_user id -u)" != 0 ]

cat > "$U/one.sh" <<'EOF'
. ./testlib.sh
if root_owned_ok; then
	echo "ok"
	as_root_owned sh -c ': > f; stat -c "inside=%u" f'
	stat -c "outside=%u" f
	echo "login=$(as_root_owned id -un)"
else
	echo "no: $T_ROOT_OWNED_WHY"
fi
EOF
out=$(as_user sh one.sh 2>&1)
case "$out" in
ok*)
	userns=1
	check_has "as_root_owned: a file this user writes is root's inside" "inside=0" "$out"
	check_lacks "... and nobody else's outside (not root's)" "outside=0" "$out"
	check_has "... the login to list in [staff] is root" "login=root" "$out"
	;;
*)
	userns=0
	check_has "no user namespace: root_owned_ok gives the reason" "no: " "$out"
	skip "as_root_owned for an ordinary user: ${out#no: }"
	;;
esac

cat > "$U/whole.sh" <<'EOF'
. ./testlib.sh
need_root_owned_config "$@"
echo "ran uid=$(id -u) args=$*"
: > g
stat -c "owner=%u" g
EOF
out=$(as_user sh whole.sh "a b" c 2>&1); rc=$?
check_eq "need_root_owned_config: the script exits 0" 0 "$rc"
if [ "$userns" = 1 ]; then
	check_has "... re-runs the script as uid 0 with its arguments" "ran uid=0 args=a b c" "$out"
	check_has "... its files are root-owned as it sees them" "owner=0" "$out"
	check_has "... and says why it runs in a user namespace" "user namespace (unshare --map-root-user)" "$out"
else
	check_has "... no user namespace: one SKIP line" "SKIP: " "$out"
fi

# Where user namespaces are refused (a fake unshare that fails as the
# kernel would), the script is one counted skip with the reason, and none
# of its checks run.
printf '#!/bin/sh\necho "unshare: unshare failed: Operation not permitted" >&2\nexit 1\n' > "$U/bin/unshare"
chmod 755 "$U/bin/unshare"
[ "$(id -u)" = 0 ] && chown -R 65534:65534 "$U/bin"
out=$(as_user env PATH="$U/bin:$PATH" sh whole.sh 2>&1); rc=$?
check_eq "no user namespace: need_root_owned_config exits 0" 0 "$rc"
check_has "... with a SKIP line that gives the reason" "SKIP: whole.sh: [staff] needs a root-owned configuration file: not root, and user namespaces unavailable (unshare --map-root-user: unshare: unshare failed: Operation not permitted)" "$out"
check_lacks "... and the rest of the script does not run" "ran uid" "$out"
out=$(as_user env PATH="$U/bin:$PATH" sh one.sh 2>&1)
check_has "... root_owned_ok fails with that reason" "no: user namespaces unavailable" "$out"

# The C twin: test_config's [staff] tests pass for an ordinary user (or are
# counted skips with the reason where the kernel refuses the namespace).
if [ -x "$U/test_config" ]; then
	out=$(as_user ./test_config 2>&1); rc=$?
	check_eq "test_config as an ordinary user exits 0" 0 "$rc"
	check_lacks "... without a failure" "FAILED  ] test" "$out"
	if [ "$userns" = 1 ]; then
		check_has "... its [staff] tests run (root-owned files)" "[       OK ] test_staff_roles" "$out"
	else
		check_has "... its [staff] tests skip with the reason" "# skip: not root and no user namespace" "$out"
	fi
else
	skip "test_config is not built in $PPID_BUILD"
fi

# ---- packages --------------------------------------------------------------
out=$(as_user sh deps.sh test 2>&1); rc=$?
check_eq "deps.sh as an ordinary user, nothing missing: exit 0" 0 "$rc"
check_eq "... silently" "" "$out"
out=$(as_user sh deps.sh build --check 2>&1); rc=$?
check_eq "deps.sh --check, nothing missing: exit 0, silently" "0:" "$rc:$out"
sed 's/^BUILD="make /BUILD="make ppid-no-such-package /' "$U/deps.sh" > "$U/deps-missing.sh"
out=$(as_user sh deps-missing.sh build --check 2>&1); rc=$?
check_eq "deps.sh --check names a missing package and exits 1" "1:ppid-no-such-package" "$rc:$out"

# make on a machine without the packages: pkg-config stands for them.  The
# parse is quiet, a build goal names what is missing and the command, and
# `make test` reaches deps.sh before printing anything.
mk() { env -u MAKEFLAGS -u MAKELEVEL -u MFLAGS make --no-print-directory -C "$top" -n PKG_CONFIG="$T_DIR/none/pkg-config" "$@" 2>&1; }
out=$(mk all); rc=$?
check_eq "make all without the packages stops" 2 "$rc"
check_has "... naming what is missing" "lacks what the build needs: sqlite3 inih" "$out"
check_has "... and the command to install it" "sudo sh assets/deps.sh build" "$out"
check_lacks "... with no pkg-config noise" "not found" "$out"
check_lacks "... and nothing compiled" " -c -o " "$out"
check_has "make tests-build asks for the test packages" "cmocka" "$(mk tests-build)"
check_eq "make test: deps.sh comes first, nothing before it" "sh assets/deps.sh test" "$(mk test | head -1)"
check_eq "make run: deps.sh comes first, nothing before it" "sh assets/deps.sh demo" "$(mk run | head -1)"
check_eq "make clean needs no packages" "rm -rf build" "$(mk clean)"
t_done
