#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# ppid-console and the 2038 limit of a 32-bit time_t (armhf): deadlines
# counted from the last days before it are right (they are dates, past it
# too); a time after it is refused with a message that says why, never
# wrapped to 1901.  With a 64-bit time_t the same time is counted.
# tests/cross/run.sh sets PPID_TIME_BITS (32 for armhf, 64 for arm64);
# without it either answer passes, but never a wrapped date.
. "$(dirname "$0")/../lib/testlib.sh"
t_tmpdir
DB="$T_DIR/queue.db"
unset PPID_CONFIG
: > "$T_DIR/empty.conf"
C="$CONSOLE --db $DB --config $T_DIR/empty.conf"
$C init > /dev/null 2>&1
check_eq "10 working days from Monday 2038-01-18" 2038-02-01 "$($C workdays 2038-01-18 10 2>/dev/null)"
check_eq "... from the last minute a 32-bit time_t holds (10:14 WIB, 19 Jan)" 2038-02-02 \
	"$($C workdays '2038-01-19 10:14' 10 2>/dev/null)"
out=$($C workdays 2038-01-20 1 2>&1); rc=$?
check_lacks "a later day is never wrapped to 1901" "190" "$out"
case "${PPID_TIME_BITS:-}" in
32)
	check_eq "... but refused (32-bit time_t)" 1 "$rc"
	check_has "... saying why" "past the last time this system can count (2038-01-19 10:14 WIB" "$out" ;;
64)
	check_eq "... but counted (64-bit time_t)" "0 2038-01-21" "$rc $(printf '%s\n' "$out" | tail -1)" ;;
*)
	case "$rc $out" in
	"0 "*2038-01-21|"1 "*"past the last time"*) pass "... refused or counted right ($rc)" ;;
	*) fail "... neither refused nor counted right: $rc $out" ;;
	esac ;;
esac
out=$(printf '3201015708900001\n' | PPID_DEV=1 $C add --id - --name "Budi" --address "Jl. Merdeka 1" \
	--occupation Guru --phone 081234567890 --info "Salinan DPT" --purpose "Penelitian" \
	--received "2040-01-02 09:00" 2>&1); rc=$?
check_eq "add --received past 2038 is refused" 1 "$rc"
check_lacks "... and nothing is registered" "/PPID/" "$out"
t_done
