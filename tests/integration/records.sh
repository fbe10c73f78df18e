#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# SOP steps 7 and 8 from the console: the Kasubbag's daily supervision
# (`supervise`, one per day, with a note) and the monthly report's
# hand-over to the Kabag (`report-handover`, one per month); other roles and
# a login without a role are refused with the reason; every record is an
# event with the login and role, and none is changed or deleted.
. "$(dirname "$0")/../lib/testlib.sh"
need_root_owned_config "$@"
t_tmpdir
DB="$T_DIR/queue.db"
me=$(id -un)
unset PPID_CONFIG

conf() { # conf NAME ROLE: a configuration where this login has ROLE
	{
		printf '[database]\npath = %s\n' "$DB"
		[ -n "$2" ] && printf '[staff]\n%s = %s\n' "$me" "$2"
	} > "$T_DIR/$1.conf"
}
conf kasubbag kasubbag
conf desk desk
conf nobody ""
K="$CONSOLE --config $T_DIR/kasubbag.conf"
D="$CONSOLE --config $T_DIR/desk.conf"
N="$CONSOLE --config $T_DIR/nobody.conf"
$K init > /dev/null 2>&1
today=$(TZ=Asia/Jakarta date +%F)
month=$(TZ=Asia/Jakarta date +%Y-%m)

out=$($D supervise --note "Register dicek" 2>&1); rc=$?
check_eq "the desk may not record the supervision" 1 "$rc"
check_has "... the reason names who may" "Only the Kasubbag records the daily supervision" "$out"
out=$($N supervise --note "Register dicek" 2>&1); rc=$?
check_eq "a login without a role may not" 1 "$rc"
check_has "... and is told how a role is given" "[staff]" "$out"
$K supervise > /dev/null 2>&1
check_eq "the note is required" 2 "$?"
out=$($K supervise --note "Register dicek: 3 baru, 1 menunggu PPID" 2>&1); rc=$?
check_eq "the Kasubbag marks today as reviewed" 0 "$rc"
check_has "... and is told so" "$today reviewed recorded by $me" "$out"
out=$($K supervise "$today" --note "lagi" 2>&1); rc=$?
check_eq "a second supervision of the same day is refused" 1 "$rc"
check_has "... naming who did it" "already recorded by $me" "$out"
$K supervise 2026-11-27 --note "Jumat: register lengkap" > /dev/null 2>&1
check_eq "an earlier day can be reviewed" 0 "$?"
$K supervise 2099-01-02 --note "nanti" > /dev/null 2>&1
check_eq "a future day cannot" 1 "$?"
$K supervise 2026-13-01 --note x > /dev/null 2>&1
check_eq "a bad date is a usage error" 2 "$?"
out=$($D supervise --list 2>/dev/null)
check_has "anyone may read the list" "$today: Register dicek: 3 baru, 1 menunggu PPID  by $me (kasubbag)" "$out"
check_eq "... one line per day" 2 "$(printf '%s\n' "$out" | wc -l)"
check_eq "... or one month" 1 "$($D supervise --list 2026-11 2>/dev/null | wc -l)"

out=$($D report-handover "$month" 2>&1); rc=$?
check_eq "the desk may not record the report's hand-over" 1 "$rc"
check_has "... with the reason" "Only the Kasubbag hands the monthly report" "$out"
out=$($K report-handover "$month" --note "Diterima Kabag" 2>&1); rc=$?
check_eq "the Kasubbag records it" 0 "$rc"
check_has "... and is told so" "report of $month handed over recorded by $me" "$out"
$K report-handover "$month" > /dev/null 2>&1
check_eq "once per month" 1 "$?"
$K report-handover 2099-01 > /dev/null 2>&1
check_eq "not for a future month" 1 "$?"
$K report-handover 2026-1 > /dev/null 2>&1
check_eq "YYYY-MM only" 2 "$?"
check_has "the list" "$month: Diterima Kabag  by $me (kasubbag)" "$($N report-handover --list 2>/dev/null)"

check_eq "the events carry login and role" "supervise|$me|kasubbag supervise|$me|kasubbag report-handover|$me|kasubbag" \
	"$(sqlite3 "$DB" "SELECT action || '|' || actor || '|' || role FROM events WHERE request_id IS NULL AND action IN ('supervise', 'report-handover') ORDER BY id" | tr '\n' ' ' | sed 's/ $//')"
sqlite3 "$DB" "UPDATE events SET note = 'x' WHERE action = 'supervise'" 2> /dev/null
check "a record cannot be edited" [ "$?" != 0 ]
sqlite3 "$DB" "DELETE FROM events WHERE action = 'report-handover'" 2> /dev/null
check "... nor deleted" [ "$?" != 0 ]
t_done
