# SPDX-License-Identifier: GPL-2.0-or-later
# Set-up shared by the end-to-end tests of ppid-kiosk (tests/integration/
# kiosk_*.sh).  Source it after testlib.sh and xvfb.sh, after t_tmpdir.
#
#   kiosk_need              SKIP and exit 0 when the binary or the X tools
#                           are missing (the binary is built by `make`)
#   kiosk_setup [PRINTER]   a private cupsd (tests/lib/cupsd.sh) in
#                           $T_DIR/cups, the config $T_DIR/k.conf (receipt
#                           printer PRINTER, default testpdf), an empty
#                           database $T_DIR/q.db, a private Xvfb
#   kiosk_start [ARGS...]   start ppid-kiosk --sim --windowed 800x480 with
#                           --targets and --screenshot under $T_DIR; wait
#                           for its "ready" line and its window (bounded)
#   kiosk_stop              SIGTERM, wait (bounded); sets KIOSK_RC
#   sim_card LINE           one card read through the sim reader's FIFO
#   sim_button [WORD]       the call button through the sim GPIO FIFO
#                           ("click" by default: a press and a release)
#   db SQL                  sqlite3 on the test's database (-batch)
#
# The kiosk is the kiosk role, not a login: PPID_DEV is irrelevant to it.
# The console's acknowledgement needs a role: PPID_DEV=1 ppid-console ...
# As root, the kiosk runs without CAP_DAC_OVERRIDE (setpriv), so a chmod of
# the database binds it as it binds the kiosk's ordinary user.

KIOSK_BIN="$PPID_BUILD/ppid-kiosk"
KIOSK_PID=""
KIOSK_RC=""
: "${top:=$(cd "$(dirname "$0")/../.." && pwd)}"

kiosk_need() {
	# Under the ASan build one walk (the visitor's whole path) runs, with
	# leak detection off for the kiosk: libdbus and fontconfig keep
	# allocations for the process's life.  The kiosk's own code is
	# leak-checked by its unit tests (test_kiosk, test_kiosk_ui).  The
	# other end-to-end tests run once, with the normal build.
	case "$PPID_BUILD" in
	*/asan)
		case "$(basename "$0")" in
		kiosk_walk.sh)
			export ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0" ;;
		*)
			skip "$0: runs once, with the normal build"
			exit 0 ;;
		esac ;;
	esac
	if [ ! -x "$KIOSK_BIN" ]; then
		skip "$0: $KIOSK_BIN not built (make)"
		exit 0
	fi
	for c in Xvfb xdotool xdpyinfo python3 sqlite3 pdftotext; do
		if ! command -v "$c" > /dev/null 2>&1; then
			skip "$0: $c missing (sh assets/deps.sh test)"
			exit 0
		fi
	done
}

kiosk_setup() {
	printer=${1:-testpdf}
	# Filters run as user lp: they must reach the spool below T_DIR.
	chmod 755 "$T_DIR"
	CUPSDIR="$T_DIR/cups"
	if ! sh "$top/tests/lib/cupsd.sh" start "$CUPSDIR" > "$T_DIR/cupsd.out" 2>&1; then
		fail "private cupsd starts ($(cat "$T_DIR/cupsd.out"))"
		exit 1
	fi
	T_CLEANUP="kiosk_stop >/dev/null 2>&1; sh '$top/tests/lib/cupsd.sh' stop '$CUPSDIR' >/dev/null 2>&1; $T_CLEANUP"
	export CUPS_SERVER="$CUPSDIR/run/cups.sock"
	unset PPID_CONFIG PPID_DEV
	cat > "$T_DIR/k.conf" << CONF
[office]
name = KPU Provinsi Bengkulu
prefix = KPU-BKL
hours = 00:00-23:59
[database]
path = $T_DIR/q.db
[printer]
receipt = $printer
letter = testpdf
receipt_timeout_s = 15
[cardreader]
backend = sim
fifo = $T_DIR/run/cardreader.fifo
[gpio]
backend = sim
fifo = $T_DIR/run/gpio.fifo
${KIOSK_CONF_EXTRA:-}
CONF
	mkdir -p "$T_DIR/run"
	if ! PPID_DEV=1 "$CONSOLE" --config "$T_DIR/k.conf" init > /dev/null 2>&1; then
		fail "ppid-console init makes the database"
		exit 1
	fi
	if ! xvfb_start "$T_DIR/x" 1280x800x24 2> "$T_DIR/xvfb.err"; then
		fail "a private Xvfb starts ($(cat "$T_DIR/xvfb.err"))"
		exit 1
	fi
	# The name's é is typed on a key of its own (see xvfb_keys).
	xvfb_keys "eacute Eacute" || echo "# xvfb_keys failed: xdotool remaps for é"
	KIOSK_TARGETS="$T_DIR/targets.json"
	KIOSK_SHOT="$T_DIR/screen.png"
}

# As root, the kiosk without the DAC override capabilities: a prefix, so
# that "$NODAC prog &" is one process whose PID is the kiosk's (setpriv
# execs it).
NODAC=""
if [ "$(id -u)" = 0 ] && command -v setpriv > /dev/null 2>&1; then
	NODAC="setpriv --inh-caps=-dac_override,-dac_read_search --bounding-set=-dac_override,-dac_read_search"
fi

_kiosk_ready() { grep -q "ppid-kiosk: ready" "$T_DIR/kiosk.log" 2>/dev/null; }

kiosk_start() {
	rm -f "$KIOSK_TARGETS" "$KIOSK_SHOT"
	$NODAC "$KIOSK_BIN" --config "$T_DIR/k.conf" --sim --run-dir "$T_DIR/run" \
		--windowed 800x480 --targets "$KIOSK_TARGETS" \
		--screenshot "$KIOSK_SHOT" "$@" < /dev/null >> "$T_DIR/kiosk.log" 2>&1 &
	KIOSK_PID=$!
	if ! _kiosk_wait 30 _kiosk_ready; then
		fail "ppid-kiosk says ready within 30 s (log: $(tail -n 5 "$T_DIR/kiosk.log" | tr '\n' ' '))"
		return 1
	fi
	kiosk_window 10 || return 1
	kiosk_wait_scene welcome 10
}

kiosk_alive() { [ -n "$KIOSK_PID" ] && kill -0 "$KIOSK_PID" 2>/dev/null; }

kiosk_stop() {
	[ -n "$KIOSK_PID" ] || return 0
	KIOSK_RC=""
	kill -TERM "$KIOSK_PID" 2>/dev/null || true
	_i=0
	while kiosk_alive && [ $_i -lt 100 ]; do
		sleep 0.1
		_i=$((_i + 1))
	done
	if kiosk_alive; then
		kill -KILL "$KIOSK_PID" 2>/dev/null || true
		KIOSK_RC=killed
	fi
	wait "$KIOSK_PID" 2>/dev/null
	_rc=$?
	[ -n "$KIOSK_RC" ] || KIOSK_RC=$_rc
	KIOSK_PID=""
	# KIOSK_SNAPS=DIR keeps the screenshots (kiosk_snap) and the log.
	[ -n "${KIOSK_SNAPS:-}" ] && cp "$T_DIR/kiosk.log" "$KIOSK_SNAPS/kiosk.log" 2>/dev/null
	return 0
}

# _fifo_write FIFO LINE: bounded (a FIFO nobody reads blocks on open).
_fifo_write() {
	if [ ! -p "$1" ]; then
		echo "FAIL: no FIFO $1 (did ppid-kiosk --sim make it?)"
		T_FAILS=$((T_FAILS + 1))
		return 1
	fi
	if ! timeout 5 sh -c 'printf "%s\n" "$2" > "$1"' sh "$1" "$2"; then
		echo "FAIL: nobody read $1 within 5 s"
		T_FAILS=$((T_FAILS + 1))
		return 1
	fi
}

sim_card() { _fifo_write "$T_DIR/run/cardreader.fifo" "$1"; }
sim_button() { _fifo_write "$T_DIR/run/gpio.fifo" "${1:-click}"; }

db() { sqlite3 -batch "$T_DIR/q.db" "$@"; }

# kiosk_mem_has TEXT: does the kiosk process's memory hold TEXT (as UTF-8,
# UTF-16LE or UTF-32LE: a font library may hold text in wide characters)?
# Writable mappings only (heap, stacks, data): the program's constants are
# not the visitor's.  It says on stderr where.  Reads /proc/PID/maps and /proc/PID/mem; regions not resident
# (smaps Rss 0, e.g. the sanitizer's shadow) are skipped.  0 = found,
# 1 = not found, 2 = could not read.
kiosk_mem_has() {
	python3 - "$KIOSK_PID" "$1" << 'PY'
import re, sys
pid, text = sys.argv[1], sys.argv[2]
needles = [(e, text.encode(e)) for e in ("utf-8", "utf-16-le", "utf-32-le")]
keep = max(len(n) for _, n in needles)
regions, cur = [], None
try:
    for line in open(f"/proc/{pid}/smaps"):
        m = re.match(r"([0-9a-f]+)-([0-9a-f]+) (\S+)", line)
        if m:
            cur = [int(m.group(1), 16), int(m.group(2), 16), m.group(3), 0]
            regions.append(cur)
        elif line.startswith("Rss:") and cur:
            cur[3] = int(line.split()[1])
    mem = open(f"/proc/{pid}/mem", "rb", 0)
except OSError as e:
    print(f"kiosk_mem_has: {e}", file=sys.stderr)
    sys.exit(2)
found, read = False, 0
for lo, hi, perm, rss in regions:
    # Writable memory only: visitor data is never in a read-only mapping,
    # and the program's own constants (the demo screens' synthetic NIK)
    # are.
    if perm[0] != "r" or perm[1] != "w" or rss == 0:
        continue
    tail = b""
    pos = lo
    while pos < hi:
        n = min(1 << 20, hi - pos)
        try:
            mem.seek(pos)
            chunk = mem.read(n)
        except (OSError, ValueError, OverflowError):
            break
        read += len(chunk)
        for enc, needle in needles:
            if needle in tail + chunk:
                found = f"{enc} at about {pos:#x} ({perm})"
        if found:
            break
        tail = chunk[-keep:]
        pos += n
    if found:
        break
print(f"# scanned {read >> 10} KiB of process {pid}: "
      + (f"found, {found}" if found else "not found"), file=sys.stderr)
sys.exit(0 if found else 1)
PY
}

# kiosk_quick_request NAME: from welcome to the done screen the short way
# (clicks on the targets, fields typed on the physical keyboard, a card
# swipe of the synthetic NIK); fails with a FAIL line where it stops.
kiosk_quick_request() {
	kiosk_click REQUEST && kiosk_wait_scene identify || return 1
	sim_card 3201015708900001
	kiosk_wait_scene form || return 1
	for v in "$1" "Jl. Merdeka No. 1, Bengkulu" Guru 081234567890 "" \
		"Daftar TPS Kota Bengkulu Pemilu 2024" "Tugas sekolah"; do
		[ -n "$v" ] && kiosk_type "$v"
		sleep 0.2
		kiosk_click NEXT || return 1
	done
	kiosk_click CHOICE 2 && kiosk_click CHOICE 0 || return 1
	kiosk_wait_scene review || return 1
	kiosk_click CONSENT && kiosk_click TRUTH && kiosk_click SUBMIT || return 1
	kiosk_wait_scene done 20
}
