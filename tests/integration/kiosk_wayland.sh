#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# ppid-kiosk under a real Wayland compositor: weston (x11 backend, pixman
# renderer) on a private Xvfb, the kiosk with SDL_VIDEODRIVER=wayland and
# no DISPLAY (so it cannot fall back to X11).  It reaches its ready line,
# which names the wayland driver, draws the welcome (the screenshot), and a
# click that xdotool gives weston's window reaches it as a Wayland pointer
# event, becomes one tap and starts a request.
#
# Why not weston's headless backend: it has no seat, and SDL 2.26.5 crashes
# in SDL_Init(VIDEO) on a compositor without a wl_seat.
. "$(dirname "$0")/../lib/testlib.sh"
. "$(dirname "$0")/../lib/xvfb.sh"
. "$(dirname "$0")/../lib/png.sh"
KIOSK="$PPID_BUILD/ppid-kiosk"
case "$PPID_BUILD" in
*/asan)
	skip "$0: runs once, with the normal build"
	exit 0 ;;
esac
if [ ! -x "$KIOSK" ]; then
	skip "$0: $KIOSK not built (make)"
	exit 0
fi
for c in weston Xvfb xdotool xdpyinfo python3; do
	if ! command -v "$c" > /dev/null 2>&1; then
		skip "$0: $c missing (sh assets/deps.sh test)"
		exit 0
	fi
done
t_tmpdir
unset PPID_CONFIG WAYLAND_DISPLAY
RT="$T_DIR/xdg"
mkdir -m 0700 "$RT"
SOCK=wayland-ppid
printf '[office]\nname = PPID Kota Bengkulu\n' > "$T_DIR/kiosk.conf"
"$CONSOLE" --db "$T_DIR/q.db" init > /dev/null 2>&1

if ! xvfb_start "$T_DIR/x" 1024x768x24 2> "$T_DIR/xvfb.err"; then
	fail "a private Xvfb starts ($(cat "$T_DIR/xvfb.err"))"
	t_done
fi
XDG_RUNTIME_DIR="$RT" weston --backend=x11-backend.so --use-pixman \
	--shell=kiosk-shell.so --socket="$SOCK" --width=800 --height=480 \
	--idle-time=0 --no-config > "$T_DIR/weston.log" 2>&1 &
WPID=$!
T_CLEANUP="kill $WPID 2>/dev/null; $T_CLEANUP"
i=0
while [ $i -lt 100 ] && [ ! -S "$RT/$SOCK" ]; do
	kill -0 $WPID 2>/dev/null || break
	sleep 0.1
	i=$((i + 1))
done
if [ ! -S "$RT/$SOCK" ]; then
	skip "$0: weston did not start here ($(tail -n 3 "$T_DIR/weston.log" | tr '\n' ' '))"
	t_done
fi
pass "weston (x11 backend) listens on \$XDG_RUNTIME_DIR/$SOCK"

env -u DISPLAY SDL_VIDEODRIVER=wayland XDG_RUNTIME_DIR="$RT" \
	WAYLAND_DISPLAY="$SOCK" CUPS_SERVER="$T_DIR/no-cups.sock" "$KIOSK" \
	--config "$T_DIR/kiosk.conf" --db "$T_DIR/q.db" --windowed 800x480 \
	--sim --run-dir "$T_DIR/run" --screenshot "$T_DIR/s.png" \
	--targets "$T_DIR/t.json" < /dev/null 2> "$T_DIR/err" &
PID=$!
T_CLEANUP="kill $PID 2>/dev/null; $T_CLEANUP"
i=0
while [ $i -lt 150 ] && ! grep -q '^ppid-kiosk: ready' "$T_DIR/err"; do
	kill -0 $PID 2>/dev/null || break
	sleep 0.1
	i=$((i + 1))
done
check "ready under Wayland, the line naming the driver ($(grep ready "$T_DIR/err"))" \
	grep -q '^ppid-kiosk: ready (scene welcome) video wayland, renderer ' "$T_DIR/err"
check_eq "it drew the welcome: an 800x480 screenshot" "800 480" \
	"$(png_stat "$T_DIR/s.png" | awk '{print $1, $2}')"
check "... not blank" [ "$(png_stat "$T_DIR/s.png" | awk '{print $3}')" -gt 1000 ]

# A click through weston: its X window shows the output at 0,0, the
# kiosk fullscreen on it (kiosk-shell), so window pixels are output pixels.
WWIN=$(xdotool search --class weston 2>/dev/null | head -n 1)
[ -n "$WWIN" ] || WWIN=$(xdotool search --name . 2>/dev/null | head -n 1)
xy=$(python3 -c '
import json, sys
for l in open(sys.argv[1]):
    t = json.loads(l)
    if t.get("id") == "REQUEST":
        print(t["x"] + t["w"] // 2, t["y"] + t["h"] // 2)
        break' "$T_DIR/t.json")
if [ -n "$WWIN" ] && [ -n "$xy" ]; then
	# shellcheck disable=SC2086
	xdotool mousemove --window "$WWIN" $xy
	sleep 0.2
	xdotool click 1
	i=0
	while [ $i -lt 50 ] && ! head -1 "$T_DIR/t.json" | grep -q '"scene":"identify"'; do
		sleep 0.1
		i=$((i + 1))
	done
	check_has "a click through weston starts a request (one tap)" \
		'"scene":"identify"' "$(head -1 "$T_DIR/t.json")"
else
	fail "weston's window and the request target are found (window '$WWIN', target '$xy')"
fi

kill -TERM $PID
wait $PID
check_eq "SIGTERM ends it with status 0" 0 "$?"
T_CLEANUP="kill $WPID 2>/dev/null; xvfb_stop"
t_done
