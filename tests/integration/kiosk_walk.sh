#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# ppid-kiosk end to end under a private Xvfb with real input from xdotool:
# a keyboard-only walk (Tab, Enter and typing on the physical keyboard) and
# a click-only walk (clicks on the tap targets' centres, text typed on the
# on-screen keyboard), each from welcome to the receipt with a sim card
# swipe.  The database row is checked field by field (a name with
# diacritics and an apostrophe), and the receipt PDF the private cupsd
# wrote: the registration number and the masked NIK, never the full NIK.
. "$(dirname "$0")/../lib/testlib.sh"
. "$(dirname "$0")/../lib/xvfb.sh"
. "$(dirname "$0")/../lib/kiosk.sh"
kiosk_need
t_tmpdir
kiosk_setup testpdf
NIK=3201015708900001
MASKED=3201********0001

# kb_focus ID [INDEX]: move the focus onto target ID (with INDEX) with Tab
# only: the targets file lists them in focus order, so count the Tabs from
# the focused one.  A target on another page of a long screen: Tab to the
# page key and Enter first.  Where the focused id is not unique on screen
# (one of several choices), Tab once and count again.
kb_tab() { # one Tab, then wait (bounded) for the frame that shows it
	_f=$(kiosk_focus)
	_before=$(cat "$KIOSK_TARGETS" 2>/dev/null)
	xdotool key Tab
	_j=0
	while [ "$(cat "$KIOSK_TARGETS" 2>/dev/null)" = "$_before" ] && [ $_j -lt 20 ]; do
		sleep 0.05
		_j=$((_j + 1))
	done
}
kb_focus() {
	_p=0
	while ! kiosk_has "$@" && kiosk_has PAGE_NEXT && [ $_p -lt 6 ]; do
		kb_focus PAGE_NEXT && xdotool key Return && sleep 0.3
		_p=$((_p + 1))
	done
	_try=0
	while [ $_try -lt 5 ]; do
		_n=$(kiosk_tabs "$@")
		case $? in
		0)
			while [ "$_n" -gt 0 ]; do
				kb_tab
				_n=$((_n - 1))
			done
			[ "$(kiosk_focus)" = "$1" ] && return 0
			;;
		1) break ;;
		*) kb_tab ;;
		esac
		_try=$((_try + 1))
	done
	fail "keyboard: Tab never reached '$*' on scene '$(kiosk_scene)' (focus '$(kiosk_focus)')"
	return 1
}

# kb_press ID [INDEX]: focus it with Tab and press Enter.
kb_press() { kb_focus "$@" && xdotool key Return && sleep 0.2; }

# kb_field TEXT: type TEXT into the screen's input on the physical
# keyboard, then go on (Tab to Next, Enter).
kb_field() {
	[ -n "$1" ] && kiosk_type "$1"
	sleep 0.2
	kb_press NEXT
}

# click_text TEXT: type TEXT with clicks on the on-screen keyboard's keys
# (targets "KEY" labelled with what they type): capitals through
# KEY_SHIFT, other characters on whichever page has them (KEY_LETTERS,
# KEY_SYMBOLS, KEY_ACCENTS; the accents page is reached from the symbols
# page).  After each page change or shift it waits (bounded) for the frame
# that shows the key.
_key_poll() { # _key_poll CHAR: up to 1 s for the key to show
	_k=0
	while [ $_k -lt 10 ]; do
		kiosk_has KEY "=$1" && return 0
		sleep 0.1
		_k=$((_k + 1))
	done
	return 1
}
_char_here() { # type CHAR if this page has it (with shift for a capital)
	if kiosk_has KEY "=$1"; then
		kiosk_click KEY "=$1"
		return
	fi
	lower=$(printf '%s' "$1" | python3 -c 'import sys; print(sys.stdin.read().lower(), end="")')
	if [ "$lower" != "$1" ] && kiosk_has KEY "=$lower" && kiosk_has KEY_SHIFT; then
		kiosk_click KEY_SHIFT
		_key_poll "$1" && { kiosk_click KEY "=$1"; return; }
		kiosk_click KEY "=$lower"
		return
	fi
	return 1
}
click_char() {
	_char_here "$1" && return 0
	for page in KEY_LETTERS KEY_SYMBOLS KEY_ACCENTS KEY_SYMBOLS KEY_LETTERS; do
		kiosk_has "$page" || continue
		kiosk_click "$page"
		_lower=$(printf '%s' "$1" | python3 -c 'import sys; print(sys.stdin.read().lower(), end="")')
		_key_poll "$1" || _key_poll "$_lower" || true
		_char_here "$1" && return 0
	done
	fail "on-screen keyboard: no key for '$1' on scene '$(kiosk_scene)' (keys: $(grep -o '"id":"KEY[A-Z_]*","index":[0-9]*,"label":"[^"]*"' "$KIOSK_TARGETS" | sed 's/.*"label"://' | tr '\n' ' '))"
	return 1
}

click_text() {
	printf '%s' "$1" | python3 -c 'import sys; [print(c) for c in sys.stdin.read()]' > "$T_DIR/chars"
	while IFS= read -r ch; do
		[ -n "$ch" ] || ch=" "
		click_char "$ch" || return 1
	done < "$T_DIR/chars"
}

click_field() {
	[ -n "$1" ] && click_text "$1"
	kiosk_click NEXT
}

# check_row REGNO NAME ADDRESS OCCUPATION PHONE EMAIL INFO PURPOSE OBTAIN
# DELIVERY: the committed row, field by field.
check_row() {
	w=$1
	r=$(db "SELECT id FROM requests WHERE regno = '$2'")
	[ -n "$r" ] || { fail "$w: a row for '$2'"; return 1; }
	f() { db "SELECT $1 FROM requests WHERE id = $r"; }
	check_eq "$w: name" "$3" "$(f name)"
	check_eq "$w: id type" nik "$(f id_type)"
	check_eq "$w: id number" "$NIK" "$(f id_number)"
	check_eq "$w: address" "$4" "$(f address)"
	check_eq "$w: occupation" "$5" "$(f occupation)"
	check_eq "$w: phone" "$6" "$(f phone)"
	check_eq "$w: email" "$7" "$(f email)"
	check_eq "$w: information requested" "$8" "$(f info)"
	check_eq "$w: purpose" "$9" "$(f purpose)"
	shift 9
	check_eq "$w: obtain" "$1" "$(f obtain)"
	check_eq "$w: delivery" "$2" "$(f delivery)"
	check_eq "$w: channel" kiosk "$(f channel)"
	check_eq "$w: status" submitted "$(f status)"
}

# check_receipt WHAT REGNO: the receipt came out of the testpdf queue.
_receipt_done() {
	[ "$(db "SELECT state FROM print_jobs j JOIN requests r ON r.id = j.request_id
		WHERE r.regno = '$1' ORDER BY j.id DESC LIMIT 1")" = done ] &&
		[ -s "$CUPSDIR/out/testpdf.pdf" ]
}
check_receipt() {
	if ! _kiosk_wait 30 _receipt_done "$2"; then
		fail "$1: the receipt's job row is done and the PDF is there within 30 s (job rows: $(db "SELECT state, reason FROM print_jobs" | tr '\n' ' '))"
		return 1
	fi
	pass "$1: the job row says done"
	txt=$(pdftotext -layout "$CUPSDIR/out/testpdf.pdf" - 2>/dev/null)
	# The number is set large and may break over two lines.
	check_has "$1: the receipt has the registration number" "$2" \
		"$(printf '%s' "$txt" | tr -d ' \n')"
	check_has "$1: ... the masked NIK" "$MASKED" "$txt"
	check_lacks "$1: ... never the full NIK" "$NIK" "$txt"
}

# regno_on_screen: the done screen's registration number, from the DB's
# newest row (the screen itself is a picture: checked by screenshot).
newest_regno() { db "SELECT regno FROM requests ORDER BY id DESC LIMIT 1"; }

kiosk_start || exit 1
kiosk_snap 01-welcome

# ---- the keyboard-only walk ----------------------------------------------
NAME="Ni Luh Putu Déwi O'Neil"
ADDR="Jl. Merdeka No. 1, Bengkulu"
INFO="Daftar TPS Kota Bengkulu Pemilu 2024"
check_eq "keyboard: the welcome screen has the focus on Request first" REQUEST "$(kiosk_focus)"
kb_press REQUEST
kiosk_wait_scene identify && pass "keyboard: Enter on Request opens identify"
kiosk_snap 02-identify
sim_card "$NIK"
kiosk_wait_scene form && pass "keyboard: the card swipe fills the NIK and opens the form"
kiosk_snap 03-form-name
kb_field "$NAME"
kb_field "$ADDR"
kb_field "Guru"
kb_field "081234567890"
kb_field "dewi@example.id"
kb_field "$INFO"
kb_field "Tugas sekolah"
kiosk_snap 04-form-obtain
kb_press CHOICE 1 # softcopy
kiosk_snap 05-form-delivery
kb_press CHOICE 4 # email
kiosk_wait_scene review && pass "keyboard: the last choice opens the review"
kb_press CONSENT
kb_press TRUTH
kiosk_snap 06-review
kb_press SUBMIT
kiosk_wait_scene done 20 && pass "keyboard: submit ends on the done screen"
kiosk_snap 07-done
R1=$(newest_regno)
check_has "keyboard: a registration number" "/PPID/KPU-BKL/" "$R1"
check_row keyboard "$R1" "$NAME" "$ADDR" Guru 081234567890 dewi@example.id \
	"$INFO" "Tugas sekolah" softcopy email
check_receipt keyboard "$R1"
kb_press FINISH
kiosk_wait_scene welcome && pass "keyboard: Finish returns to welcome"

# ---- the click-only walk -------------------------------------------------
rm -f "$CUPSDIR/out/testpdf.pdf"
kiosk_click REQUEST
kiosk_wait_scene identify && pass "click: Request opens identify"
sim_card "$NIK"
kiosk_wait_scene form && pass "click: the card swipe opens the form"
click_field "Ni Luh Putu Déwi O'Neil"
kiosk_snap 11-click-name
click_field "jalan merdeka"
click_field "guru"
click_field "081234567890"
click_field ""
click_field "daftar pemilih tetap"
click_field "penelitian"
kiosk_click CHOICE 2 # hardcopy
kiosk_click CHOICE 0 # pickup
kiosk_wait_scene review && pass "click: the choices lead to the review"
kiosk_click CONSENT
kiosk_click TRUTH
kiosk_snap 12-click-review
kiosk_click SUBMIT
kiosk_wait_scene done 20 && pass "click: submit ends on the done screen"
kiosk_snap 13-click-done
R2=$(newest_regno)
if [ "$R2" != "$R1" ]; then pass "click: a second request"; else fail "click: a second request (still $R1)"; fi
check_row click "$R2" "Ni Luh Putu Déwi O'Neil" "jalan merdeka" guru 081234567890 "" \
	"daftar pemilih tetap" penelitian hardcopy pickup
check_receipt click "$R2"
kiosk_click FINISH
kiosk_wait_scene welcome && pass "click: Finish returns to welcome"

kiosk_stop
check_eq "SIGTERM ends ppid-kiosk with status 0" 0 "$KIOSK_RC"
check_lacks "the kiosk's log never has the NIK" "$NIK" "$(cat "$T_DIR/kiosk.log")"
[ -n "${KIOSK_SNAPS:-}" ] && echo "# screenshots in $KIOSK_SNAPS"
t_done
