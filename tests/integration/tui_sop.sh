#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The TUI with the alerts module and the SOP's later steps, driven in a
# real terminal (tmux on a private socket, 80x24): an overdue request, one
# due soon, a submit, a button call, a pickup, a receipt that failed on a
# printer fault from other processes each raise their alert with a bell; the desk hands the information over from the detail
# view (SOP 5: what and in which form, the data receipt in the print
# child), which closes the pickup call; the reports menu shows the monthly
# report in a pager, saves it as CSV and prints it through `report
# --print`'s code; the Kasubbag records today's supervision and the
# month's report hand-over (SOP 7, 8), which the desk is refused with the
# reason.
. "$(dirname "$0")/../lib/testlib.sh"
need_root_owned_config "$@"
if ! command -v tmux > /dev/null 2>&1; then
	skip "tui_sop.sh: no tmux (sh assets/deps.sh test)"
	exit 0
fi
t_tmpdir
DB="$T_DIR/queue.db"
unset PPID_CONFIG
: > "$T_DIR/empty.conf"
# The other processes: a dev login with every role.
C="env PPID_DEV=1 $CONSOLE --db $DB --config $T_DIR/empty.conf"
$C init > /dev/null 2>&1
who=$(as_root_owned id -un)
printf '[database]\npath = %s\n[staff]\n%s = desk\n' "$DB" "$who" > "$T_DIR/desk.conf"
printf '[database]\npath = %s\n[staff]\n%s = kasubbag\n' "$DB" "$who" > "$T_DIR/kasubbag.conf"
SOCK="ppid-tuisop-$$"
# Every bell of the terminal, one line each (tmux's alert-bell hook, set
# as the server starts).
echo "set-hook -g alert-bell \"run-shell 'echo bell >> $T_DIR/bells'\"" > "$T_DIR/tmux.conf"
TM="tmux -L $SOCK -f $T_DIR/tmux.conf"
T_CLEANUP="$TM kill-server 2>/dev/null;"

screen() { $TM capture-pane -p -t "$1"; }
# wait_for PANE TEXT: until TEXT is on the screen, as one line (bounded at
# 15 s: a bound against a hang, not a speed test).
wait_for() {
	i=0
	while [ $i -lt 150 ]; do
		flat "$1" | grep -F -q -- "$2" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
flat() { screen "$1" | tr -s ' \n' '  '; }
keys() { p=$1; shift; $TM send-keys -t "$p" "$@"; }
text() { $TM send-keys -t "$1" -l -- "$2"; }
start() {
	$TM new-session -d -s "$1" -x 80 -y 24 \
		"env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color $2 2> $T_DIR/$1.err; echo \$? > $T_DIR/$1.rc; sleep 60"
}
quit() {
	keys "$1" Escape Escape q
	i=0
	while [ ! -s "$T_DIR/$1.rc" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
	check_eq "the $1's TUI quits with status 0" 0 "$(cat "$T_DIR/$1.rc" 2> /dev/null)"
	check_lacks "... without a sanitizer report" "Sanitizer" "$(cat "$T_DIR/$1.err")"
	check_lacks "... or a runtime error" "runtime error" "$(cat "$T_DIR/$1.err")"
}
: > "$T_DIR/bells"
bells() { wc -l < "$T_DIR/bells" | tr -d ' '; }
# wait_bells N: until N bells rang (bounded).
wait_bells() {
	i=0
	while [ "$(bells)" -lt "$1" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
}
add() {
	n=$1
	shift
	echo 3201015708900001 | $C add --name "$n" --id - \
		--address "Jl. Pembangunan No. 11, Bengkulu" --occupation Guru \
		--phone "0812 3456 7890" --info "Daftar TPS Kota Bengkulu" \
		--purpose "Tugas sekolah" "$@" 2> /dev/null
}

# ---- alerts ------------------------------------------------------------------
# Next year's holidays loaded, as an office does in December: else the
# console's warning about them would take the message line from an alert.
$C holidays add "$(($(date +%Y) + 1))-01-01" "Tahun Baru Masehi" --kind national > /dev/null 2>&1
old=$(date -d '40 days ago' '+%Y-%m-%d')
RO=$(add "Bambang Sutrisno" --received "$old 10:00")
[ -n "$RO" ] || { fail "add printed a registration number"; exit 1; }
# A request due within 2 working days: received on a day 10 to 30 days
# ago, whose deadline (as `workdays` counts it) is between today and two
# working days from now.
today=$(TZ=Asia/Jakarta date '+%Y-%m-%d')
soon=$($C workdays "$today" 2 2> /dev/null)
RS=""
n=10
while [ $n -le 30 ] && [ -z "$RS" ]; do
	day=$(date -d "$n days ago" '+%Y-%m-%d')
	due=$($C workdays "$day 10:00" 10 2> /dev/null)
	if [ -n "$due" ] && [ ! "$due" \< "$today" ] && [ ! "$due" \> "$soon" ]; then
		RS=$(add "Sri Wahyuni" --received "$day 10:00")
	fi
	n=$((n + 1))
done
start desk "env -u PPID_DEV $CONSOLE --config $T_DIR/desk.conf"
if ! wait_for desk "LEWAT/OVERDUE $RO"; then
	fail "an overdue request raises 'overdue' ($(cat "$T_DIR/desk.err"))"
	exit 1
fi
pass "an overdue request raises 'overdue'"
if [ -n "$RS" ]; then
	wait_for desk "TENGGAT/DUE SOON $RS"
	check_has "a request due within 2 working days raises 'due soon'" "TENGGAT/DUE SOON $RS" "$(flat desk)"
	check_has "... both shown, one on the banner, one on the message line" "LEWAT/OVERDUE $RO" "$(flat desk)"
	nb=2
else
	skip "no day 10-30 days ago has its deadline within 2 working days"
	nb=1
fi
wait_bells 1
# Two bells rung together may reach tmux as one: at least one, then each
# later alert adds exactly one.
if [ "$(bells)" -ge 1 ]; then pass "... with the bell"; else fail "... with the bell (none rang)"; fi
sleep 0.3
nb=$(bells)
keys desk 1
R=$(add "Ni Luh Putu Ayu Séla")
wait_for desk "BARU/NEW $R"
check_has "a submit from another process raises its banner" "BARU/NEW $R" "$(screen desk | sed -n 3p)"
wait_bells $((nb + 1))
check_eq "... with the bell" $((nb + 1)) "$(bells)"
K=$($C calls add button 2> /dev/null)
wait_for desk "PANGGILAN/CALL"
check_has "a button call from another process raises its banner" "PANGGILAN/CALL" "$(screen desk | sed -n 3p)"
wait_bells $((nb + 2))
check_eq "... with the bell" $((nb + 2)) "$(bells)"
keys desk a
wait_for desk "diterima: kiosk"
check_eq "... acknowledged with a" "" "$($C calls --pending 2> /dev/null)"
for a in forward available "decide --decision granted" notify; do
	$C act "$R" $a > /dev/null 2>&1
done
$C calls add pickup "$R" > /dev/null 2>&1
wait_for desk "AMBIL/PICKUP $R"
check_has "a pickup from another process raises its banner with the number" "AMBIL/PICKUP $R" "$(flat desk)"
check_has "... and the requester's name" "Ni Luh Putu Ayu Séla" "$(screen desk | sed -n 3,4p)"
wait_bells $((nb + 3))
check_eq "... with the bell" $((nb + 3)) "$(bells)"

# ---- SOP step 5: the handover from the detail view -----------------------------
keys desk /
wait_for desk "Cari / Search"
text desk "$R"
keys desk Enter
wait_for desk "notified ("
check_has "a notified request offers the handover to the desk" "h serahkan" "$(screen desk | tail -1)"
keys desk h
wait_for desk "Diberikan / What"
check_has "h asks what was given" "Diberikan / What was given" "$(screen desk)"
check_has "... and the form, in words" "Salinan cetak" "$(screen desk)"
text desk "Daftar TPS Kota Bengkulu (PDF, 12 halaman)"
keys desk Enter Right
wait_for desk "< Salinan lunak"
keys desk Enter
wait_for desk "tercetak"
hist=$($C show "$R" 2> /dev/null)
check_has "the handover is recorded, with what and the form" "form usb; Daftar TPS Kota Bengkulu (PDF, 12 halaman)" "$hist"
check_has "... by the desk's login" "handover   desk      $who" "$hist"
check_eq "... the waiting pickup call is closed" "" "$($C calls --pending 2> /dev/null)"
check_lacks "... and its banner is gone" "AMBIL/PICKUP" "$(screen desk | sed -n 3,4p)"
check_has "the data receipt is printed in the print child (no printer here: says so)" "data_receipt" "$($C jobs 2> /dev/null)"
check_has "... and the outcome is on the message line" "Tidak tercetak / Not printed" "$(flat desk)"

# A receipt that failed on a printer fault, recorded by another process.
RID=$(sqlite3 "$DB" "SELECT id FROM requests WHERE regno = '$R'")
sqlite3 "$DB" "INSERT INTO print_jobs (request_id, document, state, reason, created_at, updated_at) VALUES ($RID, 'receipt', 'failed', 'Kertas habis (Out of paper): cancelled', strftime('%s'), strftime('%s'))"
wait_for desk "Out of paper"
check_has "a receipt not printed raises 'unprinted'" "TAK TERCETAK/UNPRINTED $R Tanda terima tidak tercetak" "$(flat desk)"
check_has "... and the printer's fault 'printer'" "PRINTER Printer bermasalah" "$(flat desk)"

# ---- SOP steps 7, 8: refused for the desk, with the reason ----------------------
keys desk Escape Escape S
wait_for desk "Kasubbag"
check_has "S by the desk is refused with the reason" "Only the Kasubbag records the daily supervision" "$(flat desk)"
keys desk K
wait_for desk "Kabag (SOP"
check_has "K by the desk is refused with the reason" "Only the Kasubbag hands the monthly report to the Kabag" "$(flat desk)"
check_eq "... and nothing is recorded" "" "$($C supervise --list 2> /dev/null)$($C report-handover --list 2> /dev/null)"

# ---- the reports menu --------------------------------------------------------
month=$(TZ=Asia/Jakarta date '+%Y-%m')
keys desk R
wait_for desk "Laporan / Report"
check_has "R opens the reports menu, the monthly report first" "< bulanan / monthly >" "$(screen desk)"
keys desk Enter
wait_for desk "Bulan / Month"
check_has "... asking the month, this one by default" "$month" "$(screen desk)"
keys desk Enter
wait_for desk "LAPORAN BULANAN"
check_has "the monthly report shows in the pager, with its title" "LAPORAN BULANAN PELAYANAN INFORMASI PUBLIK" "$(screen desk)"
check_has "... and its figures (one request at the desk this month)" "Langsung di desk  1" "$(screen desk)"
check_has "... the help bar names the pager's keys" "c simpan CSV" "$(screen desk | tail -1)"
keys desk NPage
wait_for desk "Diberikan seluruhnya"
check_has "PgDn scrolls (one granted in full)" "Diberikan seluruhnya      1" "$(screen desk)"
keys desk c
wait_for desk "Simpan laporan"
keys desk C-u
text desk "$T_DIR/bulanan.csv"
keys desk Enter
wait_for desk "Disimpan / Saved"
check_has "c saves the CSV" "Disimpan / Saved: $T_DIR/bulanan.csv" "$(flat desk)"
cell=$(python3 -c '
import csv, sys
for row in csv.reader(open(sys.argv[1], encoding="utf-8")):
    if row and row[0] == "Langsung di desk":
        print(row[1])' "$T_DIR/bulanan.csv" 2> /dev/null)
check_eq "... the file reads back as CSV with the figure" 1 "$cell"
check_eq "... and is the subcommand's CSV" "$($C report monthly "$month" --format csv 2> /dev/null | md5sum)" "$(md5sum < "$T_DIR/bulanan.csv")"
keys desk f
wait_for desk "Simpan laporan"
keys desk C-u
text desk "$T_DIR/bulanan.pdf"
keys desk Enter
wait_for desk "Disimpan / Saved: $T_DIR/bulanan.pdf"
check_has "f saves the PDF" "%PDF" "$(head -c 5 "$T_DIR/bulanan.pdf" 2> /dev/null)"
keys desk p
i=0
while [ -z "$(sqlite3 "$DB" "SELECT 1 FROM events WHERE action = 'report-print'")" ] && [ $i -lt 150 ]; do sleep 0.1; i=$((i + 1)); done
check_has "p prints through report --print (no printer here: recorded as not printed)" "report-monthly-$month-01: not printed" "$(sqlite3 "$DB" "SELECT note FROM events WHERE action = 'report-print'")"
wait_for desk "Tidak tercetak"
check_has "... and says so" "Tidak tercetak / Not printed" "$(flat desk)"
keys desk Escape
wait_for desk "NOMOR/NUMBER"
check_has "Esc leaves the pager" "NOMOR/NUMBER" "$(screen desk)"
quit desk

# ---- the Kasubbag ------------------------------------------------------------
start kasubbag "env -u PPID_DEV $CONSOLE --config $T_DIR/kasubbag.conf"
wait_for kasubbag "$who (kasubbag)"
check_has "the Kasubbag's help bar offers the supervision" "S tinjau" "$(screen kasubbag | tail -1)"
keys kasubbag S
wait_for kasubbag "Supervisi harian"
text kasubbag "Register dan tenggat diperiksa; 1 lewat tenggat"
keys kasubbag Enter
wait_for kasubbag "ditinjau / reviewed"
today=$(TZ=Asia/Jakarta date '+%Y-%m-%d')
check_has "S records today's supervision with the note" "$today: Register dan tenggat diperiksa; 1 lewat tenggat  by $who (kasubbag)" "$($C supervise --list 2> /dev/null)"
keys kasubbag S
wait_for kasubbag "Supervisi harian"
text kasubbag "lagi"
keys kasubbag Enter
wait_for kasubbag "already"
check_eq "... a second one the same day is refused" 1 "$($C supervise --list 2> /dev/null | wc -l)"
keys kasubbag K
wait_for kasubbag "Bulan / Month"
check_has "K asks the month, this one by default" "$month" "$(screen kasubbag)"
keys kasubbag Enter
text kasubbag "diserahkan langsung"
keys kasubbag Enter
wait_for kasubbag "diserahkan / report handed over"
check_has "K records the month's report hand-over" "$month: diserahkan langsung  by $who (kasubbag)" "$($C report-handover --list 2> /dev/null)"
check_has "... which the monthly report then states" "Diserahkan kepada Kabag: Ya, oleh $who" "$($C report monthly "$month" 2> /dev/null)"
quit kasubbag

t_done
