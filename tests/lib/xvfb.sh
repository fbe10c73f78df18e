# SPDX-License-Identifier: GPL-2.0-or-later
# A private Xvfb and xdotool helpers for end-to-end tests of ppid-kiosk and
# for `make run` without a display.  Source it (". tests/lib/xvfb.sh").
#
#   xvfb_start DIR [WxHxD]  start Xvfb on a free display (it picks the
#                           number itself: -displayfd), wait until xdpyinfo
#                           answers (bounded, 10 s), export DISPLAY and
#                           SDL_VIDEODRIVER=x11.  Its log is DIR/xvfb.log.
#                           Returns 1 with a message on stderr when it
#                           cannot.  Cleanup: appended to T_CLEANUP when
#                           testlib.sh's t_tmpdir set its traps; otherwise
#                           xvfb_start sets a trap on EXIT INT TERM HUP.
#   xvfb_stop               stop it (TERM, then KILL); fine when not running
#   xvfb_keys "LOWER UPPER"...  put letters the US keymap lacks on keys of
#                           their own (FK13, FK14 ...), as a keyboard with
#                           those keys has them: "eacute Eacute".  Without
#                           it xdotool remaps a spare key for each such
#                           letter and puts it back at once, and a client
#                           reading the key after that sees nothing.
#
# With the kiosk's --targets FILE (one JSON object per line: a header
# {"scene":..,"lang":..,"focus":..} and one line per tap target with x, y,
# w, h in window pixels), set KIOSK_TARGETS=FILE and use:
#
#   kiosk_window [SECS]            wait for the "PPID Kiosk" window; sets
#                                  KIOSK_WID and gives it the keyboard focus
#   kiosk_scene                    print the scene on screen now ("" = none)
#   kiosk_focus                    print the focused target's id
#   kiosk_wait_scene SCENE [SECS]  wait until the screen shows SCENE
#                                  (default 10 s); 1 with a FAIL line if not
#   kiosk_wait_focus ID [SECS]     wait until target ID has the focus
#   kiosk_has ID [INDEX|LABEL]     is this target on screen now?  (SEL: an
#                                  index, "=LABEL", or a LABEL not all digits)
#   kiosk_target ID [INDEX|LABEL]  print "X Y", the centre of a target
#   kiosk_tabs ID [INDEX|LABEL]    print how many Tabs move the focus there
#                                  (exit 2 when the focused id is not unique)
#   kiosk_click ID [INDEX|LABEL]   click that centre (mouse button 1);
#                                  1 with a FAIL line when it is not there
#   kiosk_tap_to SCENE ID [SEL]    click ID until SCENE shows (twice at most:
#                                  after a long wait the screen may have
#                                  blanked, and the waking touch is swallowed)
#   kiosk_click_key TEXT           click the on-screen keyboard key labelled
#                                  TEXT (KIOSK_KEY_ID, default "KEY")
#   kiosk_type TEXT                type TEXT on the physical keyboard
#   kiosk_key KEY...               press keys (xdotool key: Tab, Return,
#                                  shift+Tab, BackSpace, Escape ...)
#   kiosk_snap NAME                copy the --screenshot PNG (KIOSK_SHOT) to
#                                  $T_DIR/NAME.png, or `import` the root
#                                  window when imagemagick is there
# Every wait is bounded and says what it waited for when it gives up.

XVFB_PID=""
XVFB_DIR=""

xvfb_stop() {
	[ -n "$XVFB_PID" ] || return 0
	if kill -0 "$XVFB_PID" 2>/dev/null; then
		kill "$XVFB_PID" 2>/dev/null || true
		_i=0
		while kill -0 "$XVFB_PID" 2>/dev/null && [ $_i -lt 50 ]; do
			sleep 0.1
			_i=$((_i + 1))
		done
		kill -9 "$XVFB_PID" 2>/dev/null || true
	fi
	wait "$XVFB_PID" 2>/dev/null || true
	XVFB_PID=""
}

xvfb_start() {
	XVFB_DIR=$1
	_geom=${2:-1280x800x24}
	for _c in Xvfb xdpyinfo xdotool; do
		if ! command -v "$_c" > /dev/null 2>&1; then
			echo "xvfb.sh: $_c missing (sh assets/deps.sh test)" >&2
			return 1
		fi
	done
	mkdir -p "$XVFB_DIR"
	: > "$XVFB_DIR/xvfb.display"
	# -displayfd: Xvfb takes the first free display number itself and
	# writes it to fd 3, so two tests never race for one number.
	Xvfb -displayfd 3 -screen 0 "$_geom" -nolisten tcp -noreset \
		3> "$XVFB_DIR/xvfb.display" < /dev/null > "$XVFB_DIR/xvfb.log" 2>&1 &
	XVFB_PID=$!
	if [ -n "${T_DIR:-}" ] && [ "${T_CLEANUP+set}" = set ]; then
		T_CLEANUP="xvfb_stop; $T_CLEANUP"
	else
		trap 'xvfb_stop' EXIT
		trap 'xvfb_stop; exit 1' INT TERM HUP
	fi
	_i=0
	_n=""
	while [ $_i -lt 100 ]; do
		_n=$(tr -dc 0-9 < "$XVFB_DIR/xvfb.display")
		if [ -n "$_n" ] && DISPLAY=":$_n" xdpyinfo > /dev/null 2>&1; then
			break
		fi
		if ! kill -0 "$XVFB_PID" 2>/dev/null; then
			echo "xvfb.sh: Xvfb exited:" >&2
			cat "$XVFB_DIR/xvfb.log" >&2
			XVFB_PID=""
			return 1
		fi
		sleep 0.1
		_i=$((_i + 1))
		_n=""
	done
	if [ -z "$_n" ]; then
		echo "xvfb.sh: Xvfb did not answer xdpyinfo within 10 s" >&2
		cat "$XVFB_DIR/xvfb.log" >&2
		xvfb_stop
		return 1
	fi
	export DISPLAY=":$_n"
	export SDL_VIDEODRIVER=x11
	unset WAYLAND_DISPLAY
	return 0
}

xvfb_keys() {
	command -v xkbcomp > /dev/null 2>&1 || { echo "xvfb.sh: xkbcomp missing (x11-xkb-utils)" >&2; return 1; }
	xkbcomp "$DISPLAY" "$XVFB_DIR/keymap.xkb" 2> /dev/null || return 1
	_fk=13
	for _pair in "$@"; do
		# shellcheck disable=SC2086
		set -- $_pair
		sed -i "s/^\( *key <FK$_fk> *{\).*\$/\1 [ $1, ${2:-$1} ] };/" "$XVFB_DIR/keymap.xkb"
		_fk=$((_fk + 1))
	done
	xkbcomp "$XVFB_DIR/keymap.xkb" "$DISPLAY" 2> /dev/null
}

# ---- the kiosk's targets ------------------------------------------------

: "${KIOSK_TARGETS:=}"
: "${KIOSK_KEY_ID:=KEY}"
KIOSK_WID=""

# _kiosk_q WHAT [ID [SEL]]: read KIOSK_TARGETS once (a consistent frame:
# the kiosk renames it into place) and answer WHAT:
#   scene | focus | lang    from the header line
#   centre ID [SEL]         "X Y" of the target (SEL: an index, or a label)
_kiosk_q() {
	[ -s "$KIOSK_TARGETS" ] || return 1
	python3 - "$KIOSK_TARGETS" "$@" << 'PY'
import json, sys
path, what = sys.argv[1], sys.argv[2]
want = sys.argv[3] if len(sys.argv) > 3 else None
sel = sys.argv[4] if len(sys.argv) > 4 else None
try:
    lines = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
except (OSError, ValueError):
    sys.exit(1)
if not lines:
    sys.exit(1)
head = lines[0]
if what in ("scene", "focus", "lang"):
    print(head.get(what, ""))
    sys.exit(0)
def match(t):
    if t.get("id") != want:
        return False
    if sel is None:
        return True
    if sel.startswith("="):
        return t.get("label") == sel[1:]
    if sel.lstrip("-").isdigit():
        return t.get("index") == int(sel)
    return t.get("label") == sel
if what == "tabs":
    # Tabs from the focus to the target: the lines are in focus order.
    # Only when the focused id is unique on screen (else: exit 2).
    ts = lines[1:]
    at = [i for i, t in enumerate(ts) if t.get("id") == head.get("focus")]
    to = [i for i, t in enumerate(ts) if match(t)]
    if not to:
        sys.exit(1)
    if len(at) != 1:
        sys.exit(2)
    print((to[0] - at[0]) % len(ts))
    sys.exit(0)
for t in lines[1:]:
    if not match(t):
        continue
    print(t["x"] + t["w"] // 2, t["y"] + t["h"] // 2)
    sys.exit(0)
sys.exit(1)
PY
}

kiosk_scene() { _kiosk_q scene 2>/dev/null || true; }
kiosk_focus() { _kiosk_q focus 2>/dev/null || true; }

kiosk_has() { _kiosk_q centre "$@" > /dev/null 2>&1; }

kiosk_target() { _kiosk_q centre "$@"; }
kiosk_tabs() { _kiosk_q tabs "$@"; }

# _kiosk_wait SECS TEST...: poll TEST every 0.1 s for at most SECS.
_kiosk_wait() {
	_lim=$(($1 * 10))
	shift
	_i=0
	while [ $_i -lt $_lim ]; do
		"$@" && return 0
		sleep 0.1
		_i=$((_i + 1))
	done
	"$@"
}

_kiosk_is_scene() { [ "$(kiosk_scene)" = "$1" ]; }
_kiosk_is_focus() { [ "$(kiosk_focus)" = "$1" ]; }

kiosk_wait_scene() {
	_kiosk_wait "${2:-10}" _kiosk_is_scene "$1" && return 0
	echo "FAIL: waited ${2:-10} s for scene '$1'; the screen shows '$(kiosk_scene)'"
	T_FAILS=$((${T_FAILS:-0} + 1))
	return 1
}

kiosk_wait_focus() {
	_kiosk_wait "${2:-5}" _kiosk_is_focus "$1" && return 0
	echo "FAIL: waited ${2:-5} s for the focus on '$1' (scene '$(kiosk_scene)'); it is on '$(kiosk_focus)'"
	T_FAILS=$((${T_FAILS:-0} + 1))
	return 1
}

_kiosk_has_window() {
	KIOSK_WID=$(xdotool search --name '^PPID Kiosk$' 2>/dev/null | head -n 1)
	[ -n "$KIOSK_WID" ]
}

kiosk_window() {
	if ! _kiosk_wait "${1:-15}" _kiosk_has_window; then
		echo "FAIL: no 'PPID Kiosk' window on $DISPLAY within ${1:-15} s"
		T_FAILS=$((${T_FAILS:-0} + 1))
		return 1
	fi
	# No window manager: give it the keyboard focus ourselves.
	xdotool windowfocus --sync "$KIOSK_WID" 2>/dev/null ||
		xdotool windowfocus "$KIOSK_WID" 2>/dev/null || true
	return 0
}

kiosk_click() {
	# A screen too long for the canvas has pages: turn them to find it.
	_p=0
	while ! kiosk_has "$@" && [ $_p -lt 15 ] && _xy=$(kiosk_target PAGE_NEXT 2>/dev/null); do
		_before=$(cat "$KIOSK_TARGETS" 2>/dev/null)
		[ -n "${KIOSK_TRACE:-}" ] && echo "# click PAGE_NEXT at $_xy on $(kiosk_scene)"
		# shellcheck disable=SC2086
		xdotool mousemove --window "$KIOSK_WID" $_xy click 1
		_j=0
		while [ "$(cat "$KIOSK_TARGETS" 2>/dev/null)" = "$_before" ] && [ $_j -lt 20 ]; do
			sleep 0.1
			_j=$((_j + 1))
		done
		sleep 0.15
		_p=$((_p + 1))
	done
	if ! _xy=$(kiosk_target "$@" 2>/dev/null); then
		echo "FAIL: no target '$*' on scene '$(kiosk_scene)' to click"
		T_FAILS=$((${T_FAILS:-0} + 1))
		return 1
	fi
	[ -n "${KIOSK_TRACE:-}" ] && echo "# click $* at $_xy on $(kiosk_scene)"
	_before=$(cat "$KIOSK_TARGETS" 2>/dev/null)
	# shellcheck disable=SC2086
	xdotool mousemove --window "$KIOSK_WID" $_xy click 1
	# Wait (bounded, 1 s) for the frame the click caused: the layout may
	# move (a typing layout after the first key), and the next click must
	# aim at the new one.  Also a pause between clicks: two clicks 0 ms
	# apart on one spot are a double click, not what a finger does.
	_j=0
	while [ "$(cat "$KIOSK_TARGETS" 2>/dev/null)" = "$_before" ] && [ $_j -lt 20 ]; do
		sleep 0.05
		_j=$((_j + 1))
	done
	sleep 0.1
}

kiosk_tap_to() {
	_scene=$1
	shift
	kiosk_click "$@" || return 1
	_kiosk_wait 3 _kiosk_is_scene "$_scene" && return 0
	kiosk_has "$@" && kiosk_click "$@"
	kiosk_wait_scene "$_scene" 10
}

kiosk_click_key() { kiosk_click "$KIOSK_KEY_ID" "=$1"; }

# xdotool types a character missing from the keymap by remapping a spare
# keycode for it; typed fast, the remapping can change before the client
# reads the key.  So runs of ASCII go at once, the others one by one.
kiosk_type() {
	printf '%s' "$1" | python3 -c '
import re, sys
for run in re.findall(r"[\x20-\x7e]+|[^\x20-\x7e]", sys.stdin.read()):
    print(run)' | while IFS= read -r _run; do
		xdotool type --delay 30 -- "$_run"
		case "$_run" in
		*[!\ -~]*) sleep 0.2 ;;
		esac
	done
}

kiosk_key() {
	for _k in "$@"; do
		xdotool key --delay 30 "$_k"
		sleep 0.05
	done
}

: "${KIOSK_SHOT:=}"
kiosk_snap() {
	if [ -n "$KIOSK_SHOT" ] && [ -s "$KIOSK_SHOT" ]; then
		cp "$KIOSK_SHOT" "${KIOSK_SNAPS:-$T_DIR}/$1.png"
	elif command -v import > /dev/null 2>&1; then
		import -window root "${KIOSK_SNAPS:-$T_DIR}/$1.png" 2>/dev/null
	fi
}
