#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# ppid-kiosk end to end under Xvfb: the screen from the configuration.
#
# Blanking ([kiosk] blank_s = 3): on the welcome screen, after 3 s without
# input the screen is black (the --screenshot PNG) and the kiosk sleeps
# (no busy loop); a click on "Panggil Petugas" wakes it and presses nothing
# (no call row; the welcome is back), the next click calls; a card swipe
# wakes it by itself and goes on to the form.
#
# Rotation ([kiosk] rotate): at 180 the targets are the unrotated ones
# turned about the window's centre, and a click there presses the right
# button; --rotate 0 overrides the file; at 90 a portrait window shows the
# landscape UI turned (its wide tiles stand tall) and a click on a tile
# presses it.
. "$(dirname "$0")/../lib/testlib.sh"
. "$(dirname "$0")/../lib/xvfb.sh"
. "$(dirname "$0")/../lib/kiosk.sh"
. "$(dirname "$0")/../lib/png.sh"
kiosk_need
t_tmpdir
kiosk_setup testpdf
cp "$T_DIR/k.conf" "$T_DIR/base.conf"
NIK=3201015708900001
BLANK_S=3

# kiosk_conf LINE...: the base configuration and a [kiosk] section.
kiosk_conf() {
	cp "$T_DIR/base.conf" "$T_DIR/k.conf"
	printf '[kiosk]\n' >> "$T_DIR/k.conf"
	printf '%s\n' "$@" >> "$T_DIR/k.conf"
}

_logged() { [ "$(grep -c "$1" "$T_DIR/kiosk.log")" -ge "$2" ]; }
# wait_log TEXT N SECS: until TEXT is in the log N times.
wait_log() { _kiosk_wait "$3" _logged "$1" "$2"; }

lit() { png_stat "$KIOSK_SHOT" | awk '{print $3}'; }

# ---- blanking ---------------------------------------------------------------
kiosk_conf "blank_s = $BLANK_S"
: > "$T_DIR/kiosk.log"
kiosk_start || exit 1
check "the ready line names the video driver and the renderer" \
	grep -q "ppid-kiosk: ready (scene welcome) video x11, renderer .*, rotate 0" "$T_DIR/kiosk.log"
check "$BLANK_S s without input on the welcome screen: the screen goes dark" \
	wait_log "ppid-kiosk: screen dark" 1 10
sleep 0.3
check_eq "... and the screenshot is black" 0 "$(lit)"
t0=$(awk '{print $14 + $15}' "/proc/$KIOSK_PID/stat")
sleep 3
t1=$(awk '{print $14 + $15}' "/proc/$KIOSK_PID/stat")
check "dark: no busy loop ($((t1 - t0)) ticks of 10 ms in 3 s)" [ $((t1 - t0)) -le 9 ]
check "dark: drawn once, not redrawn" [ "$(grep -c "screen dark" "$T_DIR/kiosk.log")" = 1 ]

kiosk_click CALL
check "a click on the dark screen wakes it" wait_log "ppid-kiosk: screen on" 1 5
sleep 0.3
# Quick, before blank_s passes again: the frame, the scene, the rows, the
# next click; then the checks that take time.
cp "$KIOSK_SHOT" "$T_DIR/woke.png"
scene=$(kiosk_scene)
calls=$(db 'SELECT count(*) FROM calls')
kiosk_click CALL
check_eq "... and the waking click pressed nothing: the welcome screen" welcome "$scene"
check_eq "... and no call row" 0 "$calls"
kiosk_wait_scene call 5 && pass "the next click on the same spot calls"
check_eq "... one call row" 1 "$(db 'SELECT count(*) FROM calls')"
check "the woken screen is drawn again (the screenshot is not black)" \
	[ "$(png_stat "$T_DIR/woke.png" | awk '{print $3}')" -gt 1000 ]
sleep 3
check_eq "on a visitor's screen (call) it does not go dark" 1 \
	"$(grep -c 'screen dark' "$T_DIR/kiosk.log")"
kiosk_stop
check_eq "SIGTERM ends it with status 0" 0 "$KIOSK_RC"

: > "$T_DIR/kiosk.log"
kiosk_start || exit 1
check "dark again after $BLANK_S s" wait_log "ppid-kiosk: screen dark" 1 10
sim_card "$NIK"
check "a card swipe wakes the dark screen by itself" wait_log "ppid-kiosk: screen on" 1 5
kiosk_wait_scene form 10 && pass "... and the swipe goes on to the form"
sleep 0.3
check "... drawn (the screenshot is not black)" [ "$(lit)" -gt 1000 ]
kiosk_stop

# ---- rotation ------------------------------------------------------------------
# kiosk_box ID: "X Y W H" of a target in window pixels.
kiosk_box() {
	python3 - "$KIOSK_TARGETS" "$1" << 'PY'
import json, sys
for l in open(sys.argv[1], encoding="utf-8"):
    t = json.loads(l)
    if t.get("id") == sys.argv[2]:
        print(t["x"], t["y"], t["w"], t["h"])
        break
PY
}

kiosk_conf "rotate = 0"
kiosk_start || exit 1
box0=$(kiosk_box REQUEST)
kiosk_stop
check "unrotated: the request tile is a target" [ -n "$box0" ]
# shellcheck disable=SC2086
set -- $box0
want180="$((800 - $1 - $3)) $((480 - $2 - $4)) $3 $4"

kiosk_conf "rotate = 180"
: > "$T_DIR/kiosk.log"
kiosk_start || exit 1
check "the ready line says rotate 180" grep -q "rotate 180" "$T_DIR/kiosk.log"
check_eq "rotate = 180: the request tile is turned about the centre" \
	"$want180" "$(kiosk_box REQUEST)"
# shellcheck disable=SC2086
set -- $want180
xdotool mousemove --window "$KIOSK_WID" $(($1 + $3 / 2)) $(($2 + $4 / 2)) click 1
kiosk_wait_scene identify 5 && pass "rotate = 180: a click on the turned tile requests"
kiosk_stop

: > "$T_DIR/kiosk.log"
kiosk_start --rotate 0 || exit 1
check_eq "--rotate 0 overrides the file's 180" "$box0" "$(kiosk_box REQUEST)"
kiosk_stop

kiosk_conf "rotate = 90"
: > "$T_DIR/kiosk.log"
kiosk_start --windowed 480x800 || exit 1
check "the ready line says rotate 90" grep -q "rotate 90" "$T_DIR/kiosk.log"
# shellcheck disable=SC2046
set -- $(kiosk_box REQUEST)
check "rotate = 90 on a portrait window: the wide tile stands tall (${3}x$4)" [ "$4" -gt "$3" ]
check "... within the 480x800 window" [ $(($1 + $3)) -le 480 ] && [ $(($2 + $4)) -le 800 ]
check_eq "... the UI is landscape (the screenshot is the 800x480 canvas)" "800 480" \
	"$(png_stat "$KIOSK_SHOT" | awk '{print $1, $2}')"
kiosk_click CHECK_STATUS
kiosk_wait_scene status 5 && pass "rotate = 90: a click on the turned status tile checks a status"
kiosk_stop
t_done
