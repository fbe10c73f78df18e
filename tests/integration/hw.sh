#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# ppid-console hw: device states in words, and the call-button glue with the
# simulated backends: a swipe is read (and masked), a press commits a call
# the desk sees, the LED blinks, the desk's acknowledgement turns it on.
. "$(dirname "$0")/../lib/testlib.sh"
need_root_owned_config "$@"
t_tmpdir
me=$(id -un)
unset PPID_CONFIG

cat > "$T_DIR/sim.conf" <<CONF
[database]
path = $T_DIR/q.db
[cardreader]
backend = sim
fifo = $T_DIR/reader.fifo
[gpio]
backend = sim
fifo = $T_DIR/gpio.fifo
[staff]
$me = desk
CONF
C="$CONSOLE --config $T_DIR/sim.conf"
$C init > /dev/null 2>&1

out=$($C hw 2>/dev/null); rc=$?
check_eq "hw exits 0" 0 "$rc"
check_has "hw: the simulated reader is ready" "card reader: card reader simulator ready" "$out"
check_has "hw: the simulated button is ready" "call button: call button simulator ready" "$out"
check_has "hw: the LED is off" "LED: LED (simulated): off" "$out"

$C hw --listen --seconds 8 > "$T_DIR/listen.out" 2> "$T_DIR/listen.err" &
LPID=$!
T_CLEANUP="kill $LPID 2>/dev/null"
# to_fifo LINE FIFO: a write that cannot block forever if the listener died.
to_fifo() {
	timeout 5 sh -c 'printf "%s\n" "$1" > "$0"' "$2" "$1" ||
		fail "write '$1' to $(basename "$2") (listener gone?)"
}
# wait_for PATTERN FILE: up to 5 s.
wait_for() {
	i=0
	while ! grep -q "$1" "$2" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
}
wait_for listening "$T_DIR/listen.out"
check_has "the listener starts" "listening" "$(cat "$T_DIR/listen.out")"
to_fifo 1771014708900001 "$T_DIR/reader.fifo"
to_fifo "garbage from the reader" "$T_DIR/reader.fifo"
to_fifo press "$T_DIR/gpio.fifo"
to_fifo release "$T_DIR/gpio.fifo"
wait_for "call #" "$T_DIR/listen.out"
calls=$($C calls --pending 2>/dev/null)
check_has "a press commits a call the desk sees" "WAITING" "$calls"
id=$(echo "$calls" | awk 'NR==1{print $1}')
$C calls ack "$id" > /dev/null 2>&1
wait_for "acknowledged" "$T_DIR/listen.out"
# The listener ends by itself after --seconds 8 (bounded: 15 s).
i=0
while kill -0 $LPID 2>/dev/null && [ $i -lt 150 ]; do sleep 0.1; i=$((i + 1)); done
if kill -0 $LPID 2>/dev/null; then
	fail "hw --listen --seconds 8 ends by itself"
	kill $LPID 2>/dev/null
fi
wait $LPID
check_eq "hw --listen exits 0" 0 "$?"
out=$(cat "$T_DIR/listen.out")
err=$(cat "$T_DIR/listen.err")
check_has "a swipe is read and masked" "card read: NIK 1771********0001" "$out"
check_lacks "the full NIK is never printed" "1771014708900001" "$out$err"
check_has "garbage gets a reason" "card read: not usable" "$out"
check_has "the press is reported" "call button: pressed, call #$id sent to the desk" "$out"
check_has "the LED blinks while the call waits" "LED: blinking" "$err"
check_has "the acknowledgement is seen" "call #$id acknowledged" "$out"
check_has "... and the LED stays on" "LED: on" "$err"
check_has "the call is in the history" " call by " "$(timeout 10 $C watch --all --count 1 2>/dev/null)"

# Real backends on a machine without the hardware: clear words, exit 0.
cat > "$T_DIR/real.conf" <<CONF
[database]
path = $T_DIR/q.db
[cardreader]
backend = evdev
device = $T_DIR/no-such-reader
[gpio]
backend = gpiod
button = PPID_NO_SUCH_LINE
led = PPID_NO_SUCH_LED
buzzer = PPID_NO_SUCH_BUZZER
CONF
out=$($CONSOLE --config "$T_DIR/real.conf" hw 2>/dev/null); rc=$?
check_eq "hw without hardware still exits 0" 0 "$rc"
check_has "a missing reader is reported" "card reader not found ($T_DIR/no-such-reader)" "$out"
check_has "a missing button line is reported" "call button unavailable (" "$out"
check_has "a missing LED line is reported" "LED unavailable (" "$out"
check_has "a missing buzzer line is reported" "desk buzzer unavailable (" "$out"
printf '[database]\npath = %s/q.db\n[gpio]\nbutton =\nchip = ppid-no-such-chip\nbutton_offset = 17\nled =\nled_offset = 27\n' "$T_DIR" > "$T_DIR/chip.conf"
out=$($CONSOLE --config "$T_DIR/chip.conf" hw 2>/dev/null)
check_has "lines by chip label + offset: a missing chip is named" "ppid-no-such-chip" "$out"
# No devices configured, and a sim reader whose FIFO path is a plain file.
printf '[database]\npath = %s/q.db\n[cardreader]\nbackend = none\n[gpio]\nbackend = none\n' "$T_DIR" > "$T_DIR/none.conf"
out=$($CONSOLE --config "$T_DIR/none.conf" hw 2>/dev/null)
check_has "no reader configured" "card reader: none configured" "$out"
check_has "no button configured" "call button: none configured" "$out"
check_has "no LED configured" "LED: none configured" "$out"
: > "$T_DIR/plain"
printf '[database]\npath = %s/q.db\n[cardreader]\nbackend = sim\nfifo = %s/plain\n[gpio]\nbackend = none\n' "$T_DIR" "$T_DIR" > "$T_DIR/bad.conf"
out=$($CONSOLE --config "$T_DIR/bad.conf" hw 2>/dev/null)
check_has "a reader that cannot open says which backend and why" "card reader: unavailable (sim backend: File exists)" "$out"
t_done
