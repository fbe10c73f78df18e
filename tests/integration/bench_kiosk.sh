#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The kiosk's benchmarks cannot rot silently: each bench program runs once
# in its tiny mode and must print well-formed table rows with numbers
# (`make bench` measures; this only checks that the measuring works):
# bench_kiosk_flows --quick (3 visits), minimal-sdl --redraws, and
# tests/bench/kiosk.sh --quick (the real kiosk under Xvfb with a private
# cupsd: one start each, 1 s idle, 3 taps, one submission).  Also the
# kiosk's --trace-frames option those rows are read from.
. "$(dirname "$0")/../lib/testlib.sh"
top=$(cd "$(dirname "$0")/../.." && pwd)
case "$PPID_BUILD" in
*/asan)
	skip "$0: runs once, with the normal build"
	exit 0 ;;
esac
for b in ppid-kiosk bench/bench_kiosk_flows bench/minimal-sdl; do
	if [ ! -x "$PPID_BUILD/$b" ]; then
		skip "$0: $PPID_BUILD/$b not built (make tests-build)"
		exit 0
	fi
done
t_tmpdir
unset PPID_CONFIG PPID_DEV

# rows FILE: every line is "| what | number | unit |"; prints the others.
rows() {
	grep -Ev '^\| [^|]+ \| +-?[0-9]+(\.[0-9]+)? \| [^|]*[^ |][^|]* \|$' "$1"
	[ -s "$1" ]
}

"$PPID_BUILD/bench/bench_kiosk_flows" --quick > "$T_DIR/flows.out" 2>&1
check_eq "bench_kiosk_flows --quick runs 3 visits (exit 0)" 0 "$?"
bad=$(rows "$T_DIR/flows.out") || bad="(no rows)"
check_eq "... and prints only well-formed rows" "" "$bad"
check_has "... with the RSS growth between visit 1 and 3" \
	"| RSS growth, visits 1..3 (goal <= 1 MiB)" "$(cat "$T_DIR/flows.out")"

out=$(SDL_VIDEODRIVER=dummy "$PPID_BUILD/bench/minimal-sdl" --redraws 3)
check_eq "minimal-sdl --redraws says its CPU per redraw and renderer" \
	"redraw_ms N
renderer software" "$(printf '%s\n' "$out" | sed 's/^redraw_ms [0-9.]*$/redraw_ms N/')"

# --trace-frames: a line per presented frame (and the renderer), off when
# not asked; a path it cannot open is a usage error.
"$PPID_BUILD/ppid-kiosk" --trace-frames "$T_DIR/no/such/dir/t" \
	--windowed 800x480 > /dev/null 2>&1
check_eq "--trace-frames to a path it cannot open: usage error (2)" 2 "$?"
"$CONSOLE" --db "$T_DIR/q.db" init > /dev/null 2>&1
SDL_VIDEODRIVER=dummy SDL_FRAMEBUFFER_ACCELERATION=0 "$PPID_BUILD/ppid-kiosk" \
	--db "$T_DIR/q.db" --windowed 800x480 --sim --run-dir "$T_DIR/run" \
	--software --trace-frames "$T_DIR/frames" 2> "$T_DIR/err" &
PID=$!
T_CLEANUP="kill $PID 2>/dev/null; $T_CLEANUP"
i=0
while [ $i -lt 100 ] && ! grep -q '^ppid-kiosk: ready' "$T_DIR/err"; do
	sleep 0.1
	i=$((i + 1))
done
kill -TERM $PID
wait $PID
check_eq "the traced kiosk ends on SIGTERM with 0" 0 "$?"
check_eq "the trace names the renderer, then the first frame" \
	"renderer N software
present N welcome" "$(sed 's/^\([a-z]*\) [0-9]* /\1 N /' "$T_DIR/frames" | head -2)"

if ! command -v Xvfb > /dev/null 2>&1 || ! command -v xdotool > /dev/null 2>&1 ||
	! /usr/bin/python3 -c 'import Xlib.ext.xtest' 2> /dev/null; then
	skip "$0: Xvfb, xdotool or python3-xlib missing (sh assets/deps.sh test)"
	t_done
	exit
fi
chmod 755 "$T_DIR"
if ! sh "$top/tests/lib/cupsd.sh" start "$T_DIR/cups" > "$T_DIR/cupsd.out" 2>&1; then
	fail "private cupsd starts ($(cat "$T_DIR/cupsd.out"))"
	exit 1
fi
T_CLEANUP="sh '$top/tests/lib/cupsd.sh' stop '$T_DIR/cups' >/dev/null 2>&1; $T_CLEANUP"
CUPS_SERVER="$T_DIR/cups/run/cups.sock" PPID_BENCH_QUEUE=testpdf \
	sh "$top/tests/bench/kiosk.sh" "$PPID_BUILD" --quick > "$T_DIR/kiosk.out" 2> "$T_DIR/kiosk.err"
check_eq "tests/bench/kiosk.sh --quick runs (exit 0; $(tail -n 3 "$T_DIR/kiosk.err" | tr '\n' ' '))" 0 "$?"
bad=$(rows "$T_DIR/kiosk.out") || bad="(no rows)"
check_eq "... and prints only well-formed rows with numbers" "" "$bad"
for r in "ppid-kiosk exec to 1st frame (" "minimal exec to 1st frame (" \
	"kiosk/minimal 1st frame (" "peak RSS minimal SDL2+ttf (" \
	"redraw welcome 800x480 (software)" "redraw welcome / minimal (goal <= 1.2)" \
	"idle CPU on welcome, 1 s (" "wake-ups on welcome, all threads (goal <= 2)" \
	"tap press to next frame p99 (" "tap lift to next frame p50 (" \
	"submit lift to CUPS job accepted" "peak RSS kiosk session / minimal (goal<=2)"; do
	check_has "... a row \"$r...\"" "| $r" "$(cat "$T_DIR/kiosk.out")"
done
t_done
