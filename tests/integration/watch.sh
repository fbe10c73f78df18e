#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# ppid-console watch on the alerts: what other processes commit (a
# submission, a pickup call, a receipt that failed on a printer fault)
# comes as one line each, flushed at once, with the bell and the desk
# buzzer (simulated) when asked; a call waiting before the start is shown,
# an answered one is not; acknowledging through `calls ack` is what the
# kiosk reads; and while nothing changes watch does not wake up.
. "$(dirname "$0")/../lib/testlib.sh"
need_root_owned_config "$@"
t_tmpdir
DB="$T_DIR/queue.db"
me=$(id -un)
unset PPID_CONFIG

cat > "$T_DIR/kiosk.conf" <<CONF
[database]
path = $DB
[gpio]
backend = sim
fifo = $T_DIR/gpio.fifo
buzzer = DESK_BUZZER
[staff]
$me = desk
CONF
C="$CONSOLE --config $T_DIR/kiosk.conf"
$C init > /dev/null 2>&1
add() {
	$C add --name "$1" --id 1771014708900001 --address "Jl. Merdeka 1" \
		--occupation Guru --phone 081234567890 --info "$2" --purpose Arsip
}
R0=$(add "Budi Santoso" "Laporan dana kampanye" 2>/dev/null)
old=$($C calls add button 2>/dev/null)
$C calls ack "$old" > /dev/null 2>&1
waiting=$($C calls add screen 2>/dev/null)

# wait_lines FILE N: until FILE has N lines (bounded).
wait_lines() {
	i=0
	while [ "$(wc -l < "$1")" -lt "$2" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
}

$C watch --bell --buzzer --lang en > "$T_DIR/w.out" 2> "$T_DIR/w.err" &
WPID=$!
T_CLEANUP="kill $WPID 2>/dev/null"
i=0
while ! grep -q watching "$T_DIR/w.err" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
wait_lines "$T_DIR/w.out" 1
check_eq "the call waiting before the start is shown" 1 "$(grep -c "  call       -  .*(screen)" "$T_DIR/w.out")"
check_eq "... the answered one is not, nor the old request" 1 "$(wc -l < "$T_DIR/w.out")"

R1=$(add "Dewi Lestari" "Salinan DPT" 2>/dev/null)
wait_lines "$T_DIR/w.out" 2
check_has "a submission from another process is one line" "  request    $R1  New request from Dewi Lestari (desk), due " "$(cat "$T_DIR/w.out")"
check_has "... with what was asked" "Salinan DPT" "$(grep "  request  " "$T_DIR/w.out")"
$C calls add pickup "$R1" > /dev/null 2>&1
wait_lines "$T_DIR/w.out" 3
check_has "a pickup names the request and the requester" "  pickup     $R1  Dewi Lestari is waiting at the kiosk to collect $R1" "$(cat "$T_DIR/w.out")"
RID=$(sqlite3 "$DB" "SELECT id FROM requests WHERE regno = '$R1'")
sqlite3 "$DB" "INSERT INTO print_jobs (request_id, document, state, reason, created_at, updated_at) VALUES ($RID, 'receipt', 'failed', 'Kertas habis (Out of paper): cancelled', strftime('%s'), strftime('%s'))"
wait_lines "$T_DIR/w.out" 5
out=$(cat "$T_DIR/w.out")
check_has "a receipt that failed is an alert" "  unprinted  $R1  The receipt was not printed: Kertas habis" "$out"
check_has "... and the printer's fault another" "  printer    -  Printer fault: Out of paper (receipt)" "$out"
check_eq "one bell per alert" 5 "$(tr -cd '\a' < "$T_DIR/w.out" | wc -c)"
check_eq "one beep of the desk buzzer per alert" 5 "$(grep -c "desk buzzer: on for 200 ms" "$T_DIR/w.err")"
check_lacks "never the NIK" "1771014708900001" "$out"
check_eq "every line: time, kind, number, text" 0 \
	"$(tr -d '\a' < "$T_DIR/w.out" | grep -vc '^20[0-9-]* [0-9:]*  [a-z-]* *  [^ ]*  .')"

# Idle: after dbwatch's follow-ups (1 s) nothing wakes the process.
sleep 2
ctxt() {
	awk '/^(voluntary|nonvoluntary)_ctxt_switches/ { n += $2 } END { print n }' "/proc/$WPID/status"
}
c0=$(ctxt)
sleep 3
c1=$(ctxt)
check "no wake-ups in 3 s while nothing changes ($((c1 - c0)))" [ $((c1 - c0)) -le 1 ]

# The acknowledgement goes through the queue, where the kiosk reads it.
pick=$(sqlite3 "$DB" "SELECT id FROM calls WHERE kind = 'pickup'")
$C calls ack "$pick" > /dev/null 2>&1
check_eq "calls ack records the acknowledgement" "$me" "$(sqlite3 "$DB" "SELECT acked_by FROM calls WHERE id = $pick")"
check_lacks "... it is no longer pending" "pickup" "$($C calls --pending 2>/dev/null)"
sleep 0.5
check_eq "... and raises no alert" 5 "$(wc -l < "$T_DIR/w.out")"
kill $WPID
wait $WPID
check_eq "watch ends on SIGTERM with 0" 0 "$?"

# Indonesian by default; --events adds the actions.
timeout 10 $C watch --events --count 2 > "$T_DIR/w2.out" 2>/dev/null &
WPID=$!
sleep 0.5
$C act "$R0" forward > /dev/null 2>&1
wait $WPID
check_has "the default language is Indonesian" "Pengunjung memanggil petugas" "$(cat "$T_DIR/w2.out")"
check_has "--events prints the action" "  event      $R0  forward by $me (desk): submitted -> forwarded" "$(cat "$T_DIR/w2.out")"

# A buzzer that is not configured is an error, with a reason.
sed '/^buzzer/d' "$T_DIR/kiosk.conf" > "$T_DIR/nobuzz.conf"
out=$($CONSOLE --config "$T_DIR/nobuzz.conf" watch --buzzer --count 1 2>&1); rc=$?
check_eq "--buzzer without [gpio] buzzer fails" 1 "$rc"
check_has "... saying why" "no desk buzzer configured" "$out"
$C watch --lang fr > /dev/null 2>&1
check_eq "--lang fr is a usage error" 2 "$?"
$C watch extra > /dev/null 2>&1
check_eq "an operand is a usage error" 2 "$?"
t_done
