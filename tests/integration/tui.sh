#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The full-screen console driven in a real terminal (tmux on a private
# socket, 80x24): a submit from another process appears without a key
# press; a request walks forward, coordinate, extend, decide, notify, close
# through the TUI's keys; search; the staff entry of a letter with its real
# received time; a call and a pickup from another process, each
# acknowledged with one key; a resize to 120x40 and back; a name with
# diacritics and a wide character lines up in the columns; a login without
# the role is refused with a reason; without a terminal, the usage.
. "$(dirname "$0")/../lib/testlib.sh"
need_root_owned_config "$@"
if ! command -v tmux > /dev/null 2>&1; then
	skip "tui.sh: no tmux (sh assets/deps.sh test)"
	exit 0
fi
t_tmpdir
DB="$T_DIR/queue.db"
me=$(id -un)
unset PPID_CONFIG
export PPID_DEV=1
: > "$T_DIR/empty.conf"
C="$CONSOLE --db $DB --config $T_DIR/empty.conf"
$C init > /dev/null 2>&1
SOCK="ppid-tui-$$"
TM="tmux -L $SOCK -f /dev/null"
T_CLEANUP="$TM kill-server 2>/dev/null;"

# screen: the pane's text now.
screen() { $TM capture-pane -p -t "$1"; }
# wait_for PANE TEXT: until TEXT is on the screen (bounded at 15 s: a bound
# against a hang, not a speed test).  Returns 1 when it never came.
wait_for() {
	i=0
	while [ $i -lt 150 ]; do
		screen "$1" | grep -F -q -- "$2" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
# flat PANE: the screen as one line, so a message folded onto two lines
# still reads as one.
flat() { screen "$1" | tr -s ' \n' '  '; }
keys() { p=$1; shift; $TM send-keys -t "$p" "$@"; }
text() { $TM send-keys -t "$1" -l -- "$2"; }
# start NAME COMMAND: a TUI in its own tmux session, 80x24, UTF-8; its
# stderr and exit status land in $T_DIR/NAME.err and NAME.rc.
start() {
	$TM new-session -d -s "$1" -x 80 -y 24 \
		"env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=${3:-xterm-256color} $2 2> $T_DIR/$1.err; echo \$? > $T_DIR/$1.rc; sleep 60"
}
# wakeups PANE: voluntary context switches of the pane's program so far.
wakeups() {
	pp=$($TM display -p -t "$1" '#{pane_pid}')
	cp=$(pgrep -P "$pp" | head -1)
	awk '/^voluntary_ctxt_switches/ { print $2 }' "/proc/$cp/status"
}
add() {
	n=$1
	shift
	echo 3201015708900001 | $C add --name "$n" --id - \
		--address "Jl. Pembangunan No. 11, Bengkulu" --occupation Wiraswasta \
		--phone "0812 3456 7890" --info "Salinan DPT Kota Bengkulu" \
		--purpose "Penelitian skripsi" "$@" 2> /dev/null
}

# ---- without a terminal: the usage, as before ------------------------------
$C < /dev/null > "$T_DIR/out" 2>&1
check_eq "no command without a terminal is a usage error" 2 "$?"
check_has "... with the usage" "usage: ppid-console" "$(cat "$T_DIR/out")"

# ---- the desk: a whole request life ----------------------------------------
start desk "$C"
if ! wait_for desk "Baru/New 0"; then
	fail "the TUI starts on an 80x24 terminal ($(cat "$T_DIR/desk.err"))"
	exit 1
fi
pass "the TUI starts on an 80x24 terminal"
check_has "the title names the login and its roles" "$me (desk,kasubbag,kabag,ppid)" "$(screen desk | head -1)"
check_has "the help bar names the keys" "Enter buka" "$(screen desk | tail -1)"

R1=$(add "Déwi 王 Rahmawati")
wait_for desk "BARU/NEW $R1"
check_has "a submit from another process raises the banner, no key pressed" "BARU/NEW $R1" "$(screen desk)"
check_has "... and the request is in the new list" "Déwi 王 Rahmawati" "$(screen desk)"
R2=$(add "Budi Santoso")
wait_for desk "Budi Santoso"
check_has "a second submit appears too" "Baru/New 2" "$(screen desk)"

# The columns line up: the status column starts at the same screen column
# in both rows, the wide character counted as two.
cols=$(screen desk | python3 -c '
import sys, unicodedata
for line in sys.stdin:
    if "/PPID/" in line and "submitted" in line:
        pre = line[:line.index("submitted")]
        print(sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in pre))
' | sort -u | wc -l)
check_eq "a name with diacritics and a wide character lines up" 1 "$cols"

# Search by number opens the request.
keys desk /
wait_for desk "Cari / Search"
text desk "$R1"
keys desk Enter
wait_for desk "Nomor/Number"
check_has "search by number opens its detail" "$R1" "$(screen desk)"
check_has "... the ID masked" "3201********0001" "$(screen desk)"
check_lacks "... never in full" "3201015708900001" "$(screen desk)"
check_has "... the deadline in working days" "hari kerja lagi / working days left" "$(screen desk)"
check_has "... the help bar offers forward" "f teruskan" "$(screen desk | tail -1)"
check_lacks "... and not close (not yet notified)" "t tutup" "$(screen desk | tail -1)"

keys desk f
wait_for desk "forwarded (Diteruskan"
check_has "f forwards" "forwarded (Diteruskan" "$(screen desk)"
keys desk c
wait_for desk "Nomor memo"
check_has "coordinate asks for the memo number only" "Nomor memo" "$(screen desk)"
text desk "ND-12/PP.07/2026"
keys desk Enter
wait_for desk "coordinating (Dalam"
check_has "c coordinates with the memo" "ND-12/PP.07/2026" "$(screen desk)"
keys desk e
wait_for desk "Alasan perpanjangan"
text desk "menunggu data KPU Kota"
keys desk Enter
wait_for desk "diperpanjang/extended"
check_has "e extends with the reason" "diperpanjang/extended" "$(screen desk)"
keys desk d
wait_for desk "Keputusan / Decision"
keys desk Right Right Enter
wait_for desk "Pasal 17 huruf (a-j)"
check_has "a rejection asks for its Pasal 17 letter" "Pasal 17 huruf (a-j)" "$(screen desk)"
text desk "h"
keys desk Enter
wait_for desk "decided (Sudah"
check_has "d decides (rejected, Pasal 17 h)" "rejected (Ditolak), Pasal 17 huruf h" "$(screen desk)"
check_has "... and offers the notification letter" "p pemberitahuan" "$(screen desk | tail -1)"
keys desk n
wait_for desk "notified ("
check_has "n notifies" "notified (" "$(screen desk)"
keys desk t
wait_for desk "closed ("
check_has "t closes" "closed (" "$(screen desk)"
hist=$($C show "$R1" 2> /dev/null)
check_has "the history records each step with the login and role (coordinate)" "coordinate kasubbag  $me" "$hist"
check_has "... (extend, with the reason)" "menunggu data KPU Kota" "$hist"
check_has "... (close by the desk)" "close      desk      $me" "$hist"
keys desk c
wait_for desk "tidak berlaku"
check_has "an action that does not apply is refused with the state" "does not apply to status 'closed'" "$(flat desk)"
keys desk Escape
wait_for desk "NOMOR/NUMBER"
check_has "Esc goes back to the list" "NOMOR/NUMBER" "$(screen desk)"

# ---- calls and collections ---------------------------------------------------
K1=$($C calls add 2> /dev/null)
wait_for desk "PANGGILAN/CALL"
check_has "a call from another process raises the banner" "PANGGILAN/CALL" "$(screen desk)"
check_has "... and the tab counts it" "Panggil/Calls 1!" "$(screen desk)"
R5=$(add "Yusuf Hidayat")
wait_for desk "BARU/NEW $R5"
check_has "a new request meanwhile keeps the call's banner" "PANGGILAN/CALL" "$(screen desk | sed -n 3p)"
check_has "... and shows on the message line" "BARU/NEW $R5" "$(flat desk)"
keys desk a
wait_for desk "diterima: kiosk"
check_eq "one key (a) acknowledges it" "" "$($C calls --pending 2> /dev/null)"
check_has "... on record with the login" "acknowledged by $me" "$($C calls 2> /dev/null | grep "^$K1 ")"
$C calls add pickup "$R2" > /dev/null 2>&1
wait_for desk "AMBIL/PICKUP $R2"
check_has "a pickup call names the request" "AMBIL/PICKUP $R2" "$(screen desk)"
keys desk 4
wait_for desk "MENUNGGU/WAITING"
check_has "the calls view lists it waiting" "pickup      $R2" "$(screen desk)"
keys desk a
wait_for desk "diterima: kiosk"
check_eq "a in the calls view acknowledges it" "" "$($C calls --pending 2> /dev/null)"

# ---- resize ------------------------------------------------------------------
$TM resize-window -t desk -x 120 -y 40
wait_for desk "q keluar/quit"
check_eq "at 120x40 the help bar is the last line" "40" "$(screen desk | grep -n 'keluar' | cut -d: -f1)"
check_has "... with its English words" "q keluar/quit" "$(screen desk | tail -1)"
$TM resize-window -t desk -x 80 -y 24
sleep 0.3
wait_for desk "q keluar"
check_eq "back at 80x24 the help bar is the last line" "24" "$(screen desk | grep -n 'q keluar' | cut -d: -f1)"
check_has "... and the title the first" "$me (desk" "$(screen desk | head -1)"
long=$(screen desk | python3 -c '
import sys, unicodedata
w = lambda s: sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
print(sum(1 for line in sys.stdin if w(line.rstrip("\n")) > 80))')
check_eq "... and no line is wider than 80" 0 "$long"

# ---- staff entry of a letter with its real received time ----------------------
keys desk 1 i
wait_for desk "Permohonan baru"
keys desk Enter C-u
text desk "2026-11-20 10:00"
keys desk Enter
text desk "Siti Nurhaliza"
keys desk Enter
text desk "3201015708900001"
keys desk Enter Enter
text desk "Jl. Merdeka No. 5, Bengkulu"
keys desk Enter
text desk "Guru"
keys desk Enter
text desk "0813 1111 2222"
keys desk Enter Enter
text desk "Daftar pemilih tetap Kecamatan Ratu Agung"
keys desk Enter
check_lacks "the ID is masked while typed" "3201015708900001" "$(screen desk)"
text desk "Bahan ajar"
keys desk Enter Enter Enter Enter
wait_for desk "Info pemilu"
keys desk Enter
wait_for desk "Terdaftar / Registered"
R3=$(screen desk | sed -n 's/.*Terdaftar \/ Registered: \([^ ]*\).*/\1/p' | head -1)
out=$($C show "$R3" 2> /dev/null)
check_has "the entry form registers a letter" "(Letter)" "$out"
check_has "... with its real received time" "Received             2026-11-20 10:00 WIB" "$out"
check_has "... and its fields" "Daftar pemilih tetap Kecamatan Ratu Agung" "$out"
check_eq "... the NIK stored whole" 1 "$(sqlite3 "$DB" "SELECT COUNT(*) FROM requests WHERE id_number = '3201015708900001' AND name = 'Siti Nurhaliza'")"
keys desk Escape

# ---- reprint: a job row, and the outcome on the message line ----------------
keys desk / C-u
text desk "$R2"
keys desk Enter
wait_for desk "r tanda terima"
keys desk r
wait_for desk "Tidak tercetak"
check_has "r reprints the receipt (no printer here: says so)" "Tidak tercetak / Not printed" "$(flat desk)"
check_has "... and the job is on record" "receipt" "$($C jobs 2> /dev/null)"
keys desk Escape

# A notification letter, with the number the desk gives it.
keys desk / C-u
text desk "$R1"
keys desk Enter
wait_for desk "p pemberitahuan"
keys desk p
wait_for desk "Nomor surat"
text desk "PT-7/PPID/2026"
keys desk Enter
wait_for desk "Tidak tercetak"
check_has "p prints the notification letter (asks its number; no printer: says so)" "notification" "$($C jobs 2> /dev/null)"
keys desk Escape Escape

# '?': every key in both languages.
keys desk '?'
wait_for desk "DAFTAR / LISTS"
check_has "? shows every key in both languages" "e perpanjang, alasan / extend" "$(screen desk)"
keys desk x
wait_for desk "NOMOR/NUMBER"

# Idle: after the last follow-up check of the database, nothing wakes it.
sleep 1.5
w0=$(wakeups desk)
sleep 3
w1=$(wakeups desk)
check_eq "idle, the TUI does not wake (3 s, no change)" 0 "$((w1 - w0))"

keys desk q
i=0
while [ ! -s "$T_DIR/desk.rc" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
check_eq "q quits with status 0" 0 "$(cat "$T_DIR/desk.rc" 2> /dev/null)"
check_lacks "no sanitizer report" "Sanitizer" "$(cat "$T_DIR/desk.err")"
check_lacks "no runtime error" "runtime error" "$(cat "$T_DIR/desk.err")"
[ -n "${TUI_KEEP_ERR:-}" ] && cp "$T_DIR/desk.err" "$TUI_KEEP_ERR"

# ---- terminals without colours, and the Linux console ---------------------
start mono "$C" vt100
wait_for mono "NOMOR/NUMBER"
check_has "monochrome (vt100): the row under the cursor is in reverse video" "[0;7m" "$($TM capture-pane -p -e -t mono | sed -n 5p)"
check_has "... and the help bar too" "7m" "$($TM capture-pane -p -e -t mono | sed -n 24p)"
keys mono q
start linux "$C" linux
wait_for linux "NOMOR/NUMBER"
check_has "TERM=linux: the console starts with its help bar" "q keluar" "$(screen linux | tail -1)"
keys linux q
for s in mono linux; do
	i=0
	while [ ! -s "$T_DIR/$s.rc" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
	check_eq "the $s TUI quits with status 0" 0 "$(cat "$T_DIR/$s.rc" 2> /dev/null)"
done

# ---- roles: a login without the role is refused with a reason -----------------
who=$(as_root_owned id -un)
printf '[database]\npath = %s\n[staff]\n%s = desk\n' "$DB" "$who" > "$T_DIR/desk.conf"
printf '[database]\npath = %s\n[staff]\nsomeoneelse = desk\n' "$DB" > "$T_DIR/none.conf"
R4=$(add "Rina Wulandari")
$C act "$R4" forward > /dev/null 2>&1
start clerk "env -u PPID_DEV $CONSOLE --config $T_DIR/desk.conf"
wait_for clerk "(desk)"
check_has "a desk login shows its role" "$who (desk)" "$(screen clerk | head -1)"
keys clerk 2
keys clerk /
text clerk "$R4"
keys clerk Enter
wait_for clerk "forwarded (Diteruskan"
check_lacks "the desk is not offered coordinate" "c koordinasi" "$(screen clerk | tail -1)"
keys clerk c
wait_for clerk "Peran Anda"
check_has "coordinate by the desk is refused with the reason" "Your role may not take this action" "$(flat clerk)"
check_eq "... and nothing is recorded" 0 "$(sqlite3 "$DB" "SELECT COUNT(*) FROM events e JOIN requests r ON r.id = e.request_id WHERE r.regno = '$R4' AND e.action = 'coordinate'")"
keys clerk Escape q
start reader "env -u PPID_DEV $CONSOLE --config $T_DIR/none.conf"
wait_for reader "hanya baca/read only"
check_has "a login without a role reads only" "hanya baca/read only" "$(screen reader | head -1)"
keys reader /
text reader "$R4"
keys reader Enter
wait_for reader "Nomor/Number"
check_lacks "... is offered no action" "s tersedia" "$(screen reader | tail -1)"
keys reader s
wait_for reader "holds no role"
check_has "... and is refused with how a role is granted" "[staff] $who = desk" "$(flat reader)"
keys reader Escape a
wait_for reader "Tidak ada panggilan"
keys reader q
for s in clerk reader; do
	i=0
	while [ ! -s "$T_DIR/$s.rc" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
	check_eq "the $s's TUI quits with status 0" 0 "$(cat "$T_DIR/$s.rc" 2> /dev/null)"
	check_lacks "... without a sanitizer report" "Sanitizer" "$(cat "$T_DIR/$s.err")"
done

t_done
