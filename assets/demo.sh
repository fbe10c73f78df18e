#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# `make run`: the product in simulation mode on a demo database under
# build/run/: the visitor's kiosk (ppid-kiosk --sim) next to the desk's
# alert stream (ppid-console watch, in the foreground).
#
#   - the simulated card reader and call button: FIFOs build/run/cardreader.fifo
#     and build/run/gpio.fifo (write a line into them from another shell);
#   - a private cupsd (tests/lib/cupsd.sh, its own socket and spool under
#     build/run/cups) whose queue "receipts" writes every receipt as a PDF
#     build/run/receipts/receipt-<job>.pdf;
#   - with a display ($DISPLAY or $WAYLAND_DISPLAY) the kiosk opens an
#     800x480 window; without one it runs under a private Xvfb and writes
#     the screen to build/run/screen.png after every redraw.
# The kiosk's log goes to build/run/kiosk.log (the watch keeps the
# terminal).  Ctrl-C stops the watch, the kiosk, the cupsd and the Xvfb.
# Until ppid-kiosk is built this is the watch alone.
set -eu
BUILD=${1:-build}
RUN=$BUILD/run
mkdir -p "$RUN"
RUN=$(cd "$RUN" && pwd)
TOP=$(cd "$(dirname "$0")/.." && pwd)
CONSOLE=$(cd "$BUILD" && pwd)/ppid-console
KIOSK=$(cd "$BUILD" && pwd)/ppid-kiosk
[ -x "$KIOSK" ] || KIOSK=""

cat > "$RUN/kiosk.conf" <<CONF
# Demo configuration written by make run (assets/demo.sh).
[office]
name = KPU Provinsi Bengkulu
prefix = KPU-BKL
hours = 08:00-16:00

[database]
path = $RUN/demo.db

[printer]
receipt = receipts
letter = receipts

[cardreader]
backend = sim
fifo = $RUN/cardreader.fifo

[gpio]
backend = sim
fifo = $RUN/gpio.fifo
CONF
# The demo runs in development mode, asked for with PPID_DEV=1: every
# login holds every role, and each event records that it was made in
# development mode.  (Roles from [staff] are honoured only in a root-owned
# file, which a demo under build/ is not; a real install has neither.)
# The kiosk is the kiosk role whatever PPID_DEV says.
export PPID_DEV=1
C="$CONSOLE --config $RUN/kiosk.conf"
H=$C

if [ ! -f "$RUN/demo.db" ]; then
	$C init > /dev/null
	demo() {
		n=$1; shift
		printf '%s\n' "$4" | $C add --name "$n" \
			--address "Jl. Pembangunan No. 11, Padang Harapan, Bengkulu" \
			--occupation "$1" --phone "0812 7300 1122" --info "$2" --purpose "$3" \
			--id - --received "$5" 2>/dev/null
	}
	r1=$(demo "Rahmat Hidayat" Mahasiswa "Salinan Keputusan KPU Provinsi Bengkulu tentang penetapan DPT Pemilu 2024" "Bahan penelitian skripsi" 1771010101990001 "2026-11-02 09:10")
	r2=$(demo "Ni Luh Putu Sari" Wartawan "Data partisipasi pemilih per kabupaten/kota di Provinsi Bengkulu Pilkada 2024" "Bahan liputan" 1771015203850002 "2026-11-16 13:45")
	demo "Yayasan Bina Demokrasi" "Lembaga swadaya" "Laporan dana kampanye pasangan calon gubernur 2024" "Pemantauan pemilu" 1771012304800003 "2026-11-25 10:30" > /dev/null
	$C act "$r1" forward > /dev/null 2>&1
	$C act "$r1" coordinate --memo "ND-041/PP.07/2026" > /dev/null 2>&1
	$C act "$r2" forward > /dev/null 2>&1
	$C act "$r2" available > /dev/null 2>&1
fi

if [ -z "$KIOSK" ]; then
	cat <<MSG

  PPID kiosk demo (simulation mode; ppid-kiosk is not built yet)
  database : $RUN/demo.db
  config   : $RUN/kiosk.conf

  The desk's alert stream follows.  From another shell, try:
    echo 1771014708900001 | PPID_DEV=1 $C add --name "Budi Santoso" --id - \\
        --address "Jl. Merdeka 1, Bengkulu" --occupation Guru --phone 081234567890 \\
        --info "Daftar TPS Kota Bengkulu Pemilu 2024" --purpose "Tugas sekolah"
    PPID_DEV=1 $C calls add button   (a visitor presses the call button)
    PPID_DEV=1 $H hw --listen        (the simulated reader and button:
        echo 1771014708900001 > $RUN/cardreader.fifo; echo press > $RUN/gpio.fifo)
    $C list
    $C show 0001/PPID/KPU-BKL/XI/2026
  Ctrl-C stops.

MSG
	$C list 2>/dev/null
	echo
	exec $C watch --all
fi

# ---- the kiosk, its printer and its screen ---------------------------------
CUPSDIR=$RUN/cups
KPID=""
stop_all() {
	trap - EXIT INT TERM HUP
	what="the kiosk, its cupsd${XVFB_PID:+ and its Xvfb}"
	if [ -n "$KPID" ] && kill -0 "$KPID" 2>/dev/null; then
		kill -TERM "$KPID" 2>/dev/null || true
		i=0
		while kill -0 "$KPID" 2>/dev/null && [ $i -lt 50 ]; do
			sleep 0.1
			i=$((i + 1))
		done
		kill -KILL "$KPID" 2>/dev/null || true
	fi
	sh "$TOP/tests/lib/cupsd.sh" stop "$CUPSDIR" > /dev/null 2>&1 || true
	command -v xvfb_stop > /dev/null 2>&1 && xvfb_stop
	echo "demo: stopped $what"
}
trap stop_all EXIT
trap 'exit 130' INT TERM HUP

printing="receipts print to $RUN/receipts/receipt-<job>.pdf"
mkdir -p "$RUN/receipts"
if sh "$TOP/tests/lib/cupsd.sh" start "$CUPSDIR" > "$RUN/cupsd.out" 2>&1; then
	export CUPS_SERVER="$CUPSDIR/run/cups.sock"
	# A backend that writes each job to its own PDF (the test queues of
	# cupsd.sh write one fixed file).  Filters and backends may run as
	# user lp: the folder is open to it.
	cat > "$CUPSDIR/lib/backend/pdfdir" <<'BACKEND'
#!/bin/sh
# Demo CUPS backend: job $1's PDF into $DEVICE_URI's folder.
if [ $# -eq 0 ]; then echo 'file pdfdir "Unknown" "PDF files in a folder"'; exit 0; fi
dir=${DEVICE_URI#pdfdir:}
if [ $# -ge 6 ]; then cat "$6"; else cat; fi > "$dir/receipt-$1.pdf.tmp" &&
	chmod 644 "$dir/receipt-$1.pdf.tmp" &&
	mv "$dir/receipt-$1.pdf.tmp" "$dir/receipt-$1.pdf"
BACKEND
	if [ "$(id -u)" = 0 ]; then
		chmod 0700 "$CUPSDIR/lib/backend/pdfdir" # root: runs as root
	else
		chmod 0755 "$CUPSDIR/lib/backend/pdfdir"
	fi
	chmod 0777 "$RUN/receipts"
	lpadmin -p receipts -E -v "pdfdir:$RUN/receipts" \
		-P "$TOP/tests/lib/pdfpass.ppd" -o printer-error-policy=abort-job \
		2>&1 | grep -v -e "drivers are deprecated" -e '^$' >&2 || true
else
	printing="no private cupsd ($(tail -n 1 "$RUN/cupsd.out")): receipts will not print (sh assets/deps.sh demo)"
fi

screen="a window on ${WAYLAND_DISPLAY:-${DISPLAY:-}}"
shot=""
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
	. "$TOP/tests/lib/xvfb.sh"
	if ! xvfb_start "$RUN/x" 1280x800x24; then
		echo "demo: no display and no Xvfb (sh assets/deps.sh demo)" >&2
		exit 1
	fi
	# xvfb_start set its own traps; ours stop the Xvfb too.
	trap stop_all EXIT
	trap 'exit 130' INT TERM HUP
	shot="--screenshot $RUN/screen.png"
	screen="no display: a private Xvfb ($DISPLAY); the screen is written to
             $RUN/screen.png after every redraw (open it in an image viewer
             that reloads).  Tap with:  DISPLAY=$DISPLAY xdotool mousemove X Y click 1
             (the targets on screen, in window pixels: $RUN/targets.json)"
fi

: > "$RUN/kiosk.log"
# shellcheck disable=SC2086
"$KIOSK" --config "$RUN/kiosk.conf" --sim --run-dir "$RUN" --windowed 800x480 \
	--targets "$RUN/targets.json" $shot < /dev/null >> "$RUN/kiosk.log" 2>&1 &
KPID=$!
i=0
until grep -q "ppid-kiosk: ready" "$RUN/kiosk.log" 2>/dev/null; do
	i=$((i + 1))
	if [ $i -ge 200 ] || ! kill -0 "$KPID" 2>/dev/null; then
		echo "demo: ppid-kiosk did not start; its log:" >&2
		tail -n 20 "$RUN/kiosk.log" >&2
		exit 1
	fi
	sleep 0.1
done

cat <<MSG

  PPID kiosk demo (simulation mode)
  kiosk    : $screen
  log      : $RUN/kiosk.log
  printing : $printing
  database : $RUN/demo.db
  config   : $RUN/kiosk.conf

  The desk's alert stream follows.  From another shell:
    swipe an ID card (the synthetic NIK):
        echo 3201015708900001 > $RUN/cardreader.fifo
    press the call button:
        echo click > $RUN/gpio.fifo
    acknowledge a call at the desk (the kiosk then says staff is coming):
        PPID_DEV=1 $C calls --pending;  PPID_DEV=1 $C calls ack ID
    scan a receipt's QR code (its text, as the scanner types it):
        echo "PPID1|<number>|<token>" > $RUN/cardreader.fifo
        (the QR on a receipt PDF:  pdftoppm -r 300 -png FILE r; zbarimg -q --raw r-1.png)
    $C list
    $C show 0002/PPID/KPU-BKL/XI/2026
  Ctrl-C stops everything.

MSG
$C list 2>/dev/null
echo
$C watch --all
