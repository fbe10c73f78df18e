#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# A private, throw-away CUPS scheduler for print tests (Debian 12, CUPS 2.4).
# It runs on its own socket with its own config, spool and ServerBin, so it
# never touches the machine's cupsd.  Usable from shell and from C (system()).
#
#   sh tests/lib/cupsd.sh start DIR   set up DIR, start cupsd, add the queues,
#                                     print "export CUPS_SERVER=DIR/run/cups.sock"
#   sh tests/lib/cupsd.sh stop DIR    stop it (TERM, then KILL); fine if dead
#   sh tests/lib/cupsd.sh reset DIR   clear faults, cancel every job, enable
#                                     and accept both queues
#   sh tests/lib/cupsd.sh env DIR     print the export line again
#
# Queues: "testpdf" (the default destination) writes each job's bytes to
# DIR/out/testpdf.pdf through a pass-through PPD (tests/lib/pdfpass.ppd)
# and the fileout backend (tests/lib/fileout.backend);
# error policy abort-job, so one bad job never blocks the next test.
# "fake" uses the fakeprn backend (tests/lib/fakeprn.backend): put reasons
# such as "media-empty-error" in DIR/fakeprn.state and the next job stops the
# queue with them, the job left pending, as a real printer out of paper does.
# A printed fake job lands in DIR/out/job-<id>.bin.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
cmd=${1:-}
dir=${2:-}
if [ -z "$cmd" ] || [ -z "$dir" ]; then
	echo "usage: sh $0 start|stop|reset|env DIR" >&2
	exit 2
fi
mkdir -p "$dir"
B=$(cd "$dir" && pwd)
SOCK="$B/run/cups.sock"
PIDF="$B/cupsd.pid"
export CUPS_SERVER="$SOCK"

# alive PID: the process exists, is not a zombie, and is our cupsd.
alive() {
	[ -r "/proc/$1/stat" ] || return 1
	st=$(sed 's/^.*) //' "/proc/$1/stat" | cut -d' ' -f1)
	[ "$st" != Z ] || return 1
	tr '\0' ' ' < "/proc/$1/cmdline" 2>/dev/null | grep -qF "$B/etc/cupsd.conf"
}

running() {
	[ -f "$PIDF" ] && alive "$(cat "$PIDF")"
}

stop() {
	[ -f "$PIDF" ] || return 0
	pid=$(cat "$PIDF")
	if alive "$pid"; then
		kill "$pid" 2>/dev/null || true
		i=0
		while alive "$pid" && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
		if alive "$pid"; then
			kill -9 "$pid" 2>/dev/null || true
			sleep 0.1
		fi
	fi
	rm -f "$PIDF"
}

lpadmin_q() {
	# "Printer drivers are deprecated" is harmless noise in CUPS 2.4.
	out=$(lpadmin "$@" 2>&1) || { echo "$out" >&2; return 1; }
	printf '%s\n' "$out" | grep -v -e "drivers are deprecated" \
		-e '^$' >&2 || true
}

configure() {
	# Filters run as user lp when cupsd is root: they must reach the spool.
	chmod 755 "$B"
	mkdir -p "$B/etc/ppd" "$B/spool/tmp" "$B/cache" "$B/log" "$B/run" \
		"$B/out" "$B/lib/backend"
	cat > "$B/etc/cupsd.conf" <<CONF
Listen $SOCK
Browsing Off
WebInterface No
LogLevel info
MaxLogSize 0
<Policy default>
  <Limit All>
    Order Allow,Deny
  </Limit>
</Policy>
CONF
	cat > "$B/etc/cups-files.conf" <<CONF
ServerRoot $B/etc
ServerBin $B/lib
StateDir $B/run
CacheDir $B/cache
RequestRoot $B/spool
TempDir $B/spool/tmp
AccessLog $B/log/access_log
ErrorLog $B/log/error_log
PageLog $B/log/page_log
FileDevice Yes
Printcap $B/run/printcap
Sandboxing Relaxed
CONF
	if [ "$(id -u)" != 0 ]; then
		echo "User $(id -un)" >> "$B/etc/cups-files.conf"
	fi

	# Private ServerBin: the system's programs plus the fake backend.
	for d in filter daemon cgi-bin monitor notifier driver; do
		[ -e "/usr/lib/cups/$d" ] && ln -sfn "/usr/lib/cups/$d" "$B/lib/$d"
	done
	for f in /usr/lib/cups/backend/*; do
		[ -e "$f" ] && ln -sf "$f" "$B/lib/backend/"
	done
	for be in fakeprn fileout; do
		rm -f "$B/lib/backend/$be"
		cp "$here/$be.backend" "$B/lib/backend/$be"
		if [ "$(id -u)" = 0 ]; then
			chmod 0700 "$B/lib/backend/$be" # runs as root
		else
			chmod 0755 "$B/lib/backend/$be" # runs as us
		fi
	done
	: > "$B/fakeprn.state"

	/usr/sbin/cupsd -t -c "$B/etc/cupsd.conf" -s "$B/etc/cups-files.conf" \
		> "$B/log/check" 2>&1 || { cat "$B/log/check" >&2; exit 1; }
}

start() {
	if running; then
		echo "export CUPS_SERVER=$SOCK"
		return 0
	fi
	[ -x /usr/sbin/cupsd ] || { echo "cupsd.sh: /usr/sbin/cupsd missing" >&2; exit 1; }
	configure
	/usr/sbin/cupsd -f -c "$B/etc/cupsd.conf" -s "$B/etc/cups-files.conf" \
		< /dev/null > "$B/log/stdout" 2>&1 &
	echo $! > "$PIDF"

	# lpstat -r exits 0 even when it says "scheduler is not running".
	i=0
	until lpstat -r 2>/dev/null | grep -q "is running"; do
		i=$((i + 1))
		if [ $i -ge 100 ] || ! running; then
			echo "cupsd.sh: cupsd did not start" >&2
			cat "$B/log/stdout" "$B/log/error_log" >&2 2>/dev/null || true
			stop
			exit 1
		fi
		sleep 0.1
	done

	lpadmin_q -p testpdf -E -v "fileout://$B/out/testpdf.pdf" \
		-P "$here/pdfpass.ppd" -o printer-error-policy=abort-job
	lpadmin_q -p fake -E -v fakeprn:/x -P "$here/pdfpass.ppd"
	lpadmin_q -d testpdf
	echo "export CUPS_SERVER=$SOCK"
}

reset() {
	running || { echo "cupsd.sh: not running in $B" >&2; exit 1; }
	: > "$B/fakeprn.state"
	cancel -a 2>/dev/null || true
	for q in testpdf fake; do
		cupsenable "$q"
		cupsaccept "$q"
	done
	lpadmin_q -d testpdf
	rm -f "$B"/out/job-*.bin
}

case "$cmd" in
start) start ;;
stop) stop ;;
reset) reset ;;
env) echo "export CUPS_SERVER=$SOCK" ;;
*) echo "usage: sh $0 start|stop|reset|env DIR" >&2; exit 2 ;;
esac
