#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# ppid-kiosk and systemd (Type=notify, WatchdogSec=): READY=1 once the
# first frame is shown, WATCHDOG=1 from the loop at half the interval while
# the loop turns and none while it is stuck (SIGSTOP stands in for a hang),
# STOPPING=1 on SIGTERM; without a watchdog no ping at all.  A receiver in
# python3 binds the socket named in NOTIFY_SOCKET, as systemd does.
. "$(dirname "$0")/../lib/testlib.sh"
case "$PPID_BUILD" in
*/asan) skip "$0: runs once, with the normal build"; exit 0 ;;
esac
KIOSK="$PPID_BUILD/ppid-kiosk"
if [ ! -x "$KIOSK" ] || ! command -v python3 > /dev/null 2>&1; then
	skip "$0: needs $KIOSK (make) and python3"
	exit 0
fi
t_tmpdir
unset PPID_CONFIG
DB="$T_DIR/queue.db"
printf '[office]\nname = PPID Kota Bengkulu\n' > "$T_DIR/kiosk.conf"
"$CONSOLE" --db "$DB" init > /dev/null 2>&1

# recv SOCK LOG: one line per datagram, "SECONDS MESSAGE" (newlines as |).
cat > "$T_DIR/recv.py" <<'PY'
import socket, sys, time
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
t0 = time.monotonic()
with open(sys.argv[2], "w", buffering=1) as log:
    while True:
        m = s.recv(4096).decode()
        log.write("%.3f %s\n" % (time.monotonic() - t0, m.replace("\n", "|")))
PY

# start WATCHDOG_USEC: the kiosk under a receiver; waits for READY=1.
start() {
	rm -f "$T_DIR/notify" "$T_DIR/n.log" "$T_DIR/err"
	: > "$T_DIR/n.log"
	python3 "$T_DIR/recv.py" "$T_DIR/notify" "$T_DIR/n.log" &
	RPID=$!
	i=0
	while [ ! -S "$T_DIR/notify" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
	if [ -n "$1" ]; then
		export WATCHDOG_USEC="$1"
	else
		unset WATCHDOG_USEC
	fi
	NOTIFY_SOCKET="$T_DIR/notify" SDL_VIDEODRIVER=dummy \
		SDL_FRAMEBUFFER_ACCELERATION=0 "$KIOSK" --config "$T_DIR/kiosk.conf" \
		--db "$DB" --windowed 800x480 --sim --run-dir "$T_DIR/run" \
		--software 2> "$T_DIR/err" &
	KPID=$!
	T_CLEANUP="kill -CONT $KPID 2>/dev/null; kill $KPID $RPID 2>/dev/null"
	i=0
	while [ $i -lt 100 ] && ! grep -q 'READY=1' "$T_DIR/n.log"; do
		sleep 0.1
		i=$((i + 1))
	done
}
stop() {
	kill -TERM "$KPID"
	wait "$KPID"
	KRC=$?
	sleep 0.3
	kill "$RPID" 2>/dev/null
	wait "$RPID" 2>/dev/null
}
pings() { grep -c 'WATCHDOG=1' "$T_DIR/n.log"; }

# ---- WatchdogSec=1: a ping every 500 ms -------------------------------------
start 1000000
check_has "READY=1 once the first frame is shown" "READY=1|STATUS=welcome" "$(cat "$T_DIR/n.log")"
check_has "... after the kiosk's own ready line" "ppid-kiosk: ready" "$(cat "$T_DIR/err")"
sleep 3
n=$(pings)
check "a turning loop pings about every 500 ms (3 to 12 in 3 s, got $n)" \
	test "$n" -ge 3 -a "$n" -le 12
kill -STOP "$KPID"
sleep 0.3
n0=$(pings)
sleep 2
n1=$(pings)
check_eq "a stuck loop (SIGSTOP) sends no ping" "$n0" "$n1"
kill -CONT "$KPID"
sleep 1.2
check "... and pings again once it turns" test "$(pings)" -gt "$n1"
stop
check_eq "SIGTERM ends it with status 0" 0 "$KRC"
check_eq "... after STOPPING=1" "STOPPING=1" "$(tail -1 "$T_DIR/n.log" | cut -d' ' -f2)"
check_eq "READY=1 is sent once" 1 "$(grep -c 'READY=1' "$T_DIR/n.log")"

# ---- no watchdog: READY and STOPPING only ----------------------------------
start ""
sleep 2
stop
check_eq "without WATCHDOG_USEC: READY=1 then STOPPING=1, no ping" \
	"READY=1|STATUS=welcome STOPPING=1" "$(cut -d' ' -f2 "$T_DIR/n.log" | tr '\n' ' ' | sed 's/ $//')"
t_done
