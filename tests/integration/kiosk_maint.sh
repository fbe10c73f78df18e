#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# ppid-kiosk end to end under Xvfb: the maintenance menu.  The PIN's hash
# made with `ppid-console kiosk-pin` (read twice from stdin, never argv);
# a short press on the top-left corner opens nothing, a 5.5 s one (xdotool
# mousedown, sleep, mouseup) the PIN screen; a wrong PIN is logged without
# the PIN; the right one opens the menu; the test page comes out of the
# private cupsd as a PDF; the default language is kept across a restart;
# exit ends the program with status 0.
. "$(dirname "$0")/../lib/testlib.sh"
. "$(dirname "$0")/../lib/xvfb.sh"
. "$(dirname "$0")/../lib/kiosk.sh"
kiosk_need
t_tmpdir
PIN=582917

# ---- the PIN tool --------------------------------------------------------
"$CONSOLE" kiosk-pin "$PIN" < /dev/null > "$T_DIR/pin.out" 2>&1
check_eq "kiosk-pin refuses a PIN on the command line (2)" 2 "$?"
printf '%s\n%s\n' "$PIN" 4828 | "$CONSOLE" kiosk-pin > "$T_DIR/pin.out" 2>&1
check_eq "kiosk-pin refuses two different PINs (1)" 1 "$?"
printf '12a4\n12a4\n' | "$CONSOLE" kiosk-pin > "$T_DIR/pin.out" 2>&1
check_eq "kiosk-pin refuses a PIN that is not 4 to 12 digits (1)" 1 "$?"
LINE=$(printf '%s\n%s\n' "$PIN" "$PIN" | "$CONSOLE" kiosk-pin 2> "$T_DIR/pin.err")
check_has "kiosk-pin prints the line for the config" 'maint_pin_hash = $y$' "$LINE"
check_lacks "... which does not hold the PIN" "$PIN" "${LINE#maint_pin_hash = \$y\$}"

KIOSK_CONF_EXTRA="[kiosk]
$LINE"
kiosk_setup testpdf
kiosk_start || exit 1

# corner_hold SECS: the mouse (a finger to SDL) held on the top-left corner.
corner_hold() {
	xdotool mousemove --window "$KIOSK_WID" 6 6 mousedown 1
	sleep "$1"
	xdotool mouseup 1
	sleep 0.4
}

corner_hold 1
check_eq "a 1 s press on the corner opens nothing" welcome "$(kiosk_scene)"
corner_hold 5.5
kiosk_wait_scene maint_pin && pass "a 5.5 s press on the top-left corner opens the PIN screen"
kiosk_snap 41-maint-pin

kiosk_type 730146
kiosk_key Return
_wrong() { grep -q "maintenance: wrong PIN (1 in a row)" "$T_DIR/kiosk.log"; }
check "a wrong PIN is logged" _kiosk_wait 5 _wrong
check_eq "... and stays on the PIN screen" maint_pin "$(kiosk_scene)"

kiosk_type "$PIN"
kiosk_key Return
kiosk_wait_scene maint && pass "the right PIN opens the maintenance menu"
kiosk_snap 42-maint
check "no PIN is in the log" sh -c "! grep -q -e 730146 -e $PIN '$T_DIR/kiosk.log'"

# ---- the test page -------------------------------------------------------
rm -f "$CUPSDIR/out/testpdf.pdf"
kiosk_click MAINT_ITEM 0
_page() { grep -q "maintenance: test page printed" "$T_DIR/kiosk.log" && [ -s "$CUPSDIR/out/testpdf.pdf" ]; }
check "the test page is printed (logged, a PDF in the private cupsd's output)" _kiosk_wait 20 _page
txt=$(pdftotext -layout "$CUPSDIR/out/testpdf.pdf" - 2>/dev/null)
check_has "the PDF says test page" "HALAMAN UJI PRINTER" "$txt"
check_has "... with the office's name" "KPU Provinsi Bengkulu" "$txt"
check_has "... and the printer" "testpdf" "$txt"
check_has "... and the time" "WIB" "$txt"
check_eq "the PDF is one page" 1 "$(pdfinfo "$CUPSDIR/out/testpdf.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')"

# ---- the default language, kept across a restart ----------------------------
kiosk_click MAINT_ITEM 4
_kept() { grep -q "^default_lang = en" "$T_DIR/kiosk.state" 2>/dev/null; }
check "English as the default language is kept beside the database" _kiosk_wait 5 _kept
check "... and logged" grep -q "maintenance: default language set to English" "$T_DIR/kiosk.log"
kiosk_stop
kiosk_start || exit 1
check_eq "after a restart the welcome screen is in English" en "$(_kiosk_q lang)"

# ---- exit ------------------------------------------------------------------
kiosk_key ctrl+alt+m
kiosk_wait_scene maint_pin && pass "Ctrl+Alt+M opens the PIN screen too"
kiosk_type "$PIN"
kiosk_key Return
kiosk_wait_scene maint || exit 1
kiosk_click MAINT_ITEM 5
_gone() { ! kiosk_alive; }
check "exit ends ppid-kiosk" _kiosk_wait 10 _gone
if ! kiosk_alive; then
	wait "$KIOSK_PID"
	check_eq "... with status 0" 0 "$?"
	KIOSK_PID=""
fi
check "... logged" grep -q "maintenance: exit chosen" "$T_DIR/kiosk.log"
t_done
