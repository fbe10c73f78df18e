#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# ppid-kiosk end to end under Xvfb: a status check by the receipt's QR
# payload (through the sim card reader, as the scanner sends it) and by
# the typed number plus the last 4 digits (a wrong 4 reveals nothing);
# "call the desk to collect" records a pickup call tied to the request;
# the call button from the sim GPIO FIFO through the console's
# acknowledgement: the call row, the LED blinking then on, "staff is
# coming" on the call screen.
. "$(dirname "$0")/../lib/testlib.sh"
. "$(dirname "$0")/../lib/xvfb.sh"
. "$(dirname "$0")/../lib/kiosk.sh"
kiosk_need
t_tmpdir
kiosk_setup testpdf
NIK=3201015708900001
C="env PPID_DEV=1 $CONSOLE --config $T_DIR/k.conf"

# A request ready to collect, registered at the desk.
R=$(printf '%s\n' "$NIK" | $C add --name "Ni Luh Putu Déwi O'Neil" --id - \
	--address "Jl. Merdeka No. 1, Bengkulu" --occupation Guru --phone 081234567890 \
	--info "Daftar TPS Kota Bengkulu Pemilu 2024" --purpose "Tugas sekolah" 2>/dev/null)
[ -n "$R" ] || { fail "the console registers a request (got nothing)"; exit 1; }
$C act "$R" forward > /dev/null 2>&1
$C act "$R" available > /dev/null 2>&1
TOKEN=$(db "SELECT token FROM requests WHERE regno = '$R'")
RID=$(db "SELECT id FROM requests WHERE regno = '$R'")
check_eq "the seeded request is available" available "$(db "SELECT status FROM requests WHERE id = $RID")"

kiosk_start || exit 1

# ---- by QR ----------------------------------------------------------------
kiosk_click CHECK_STATUS
kiosk_wait_scene status && pass "Check status opens the status screen"
kiosk_snap 21-status
sim_card "PPID1|$R|$TOKEN"
kiosk_wait_scene status_result && pass "QR: the receipt's payload shows the status"
kiosk_snap 22-status-result
check "QR: ready to collect: 'call the desk to collect' is offered" kiosk_has CALL_PICKUP
kiosk_click CALL_PICKUP
kiosk_wait_scene call && pass "pickup: the call screen"
_pickup() { [ "$(db "SELECT count(*) FROM calls WHERE kind = 'pickup' AND request_id = $RID")" = 1 ]; }
check "pickup: a call of kind pickup tied to the request" _kiosk_wait 10 _pickup
kiosk_click BACK
sleep 0.3
kiosk_has FINISH && kiosk_click FINISH
kiosk_wait_scene welcome 10 || { kiosk_key Escape Escape; kiosk_wait_scene welcome 5; }

# ---- a wrong token is not a status -----------------------------------------
kiosk_click CHECK_STATUS
kiosk_wait_scene status
sim_card "PPID1|$R|AAAAAAAAAAAAAAAA"
sleep 1
check_eq "QR: a wrong token shows no status" status "$(kiosk_scene)"

# ---- by typed number + last 4 ----------------------------------------------
# One input at a time: the number, Enter, the digits, Enter (Check status).
kiosk_click INPUT_REGNO
kiosk_type "$R"
kiosk_key Return
kiosk_wait_focus INPUT_LAST4
kiosk_type 9999
kiosk_key Return
sleep 1
check_eq "typed: a wrong last 4 shows no status" status "$(kiosk_scene)"
kiosk_snap 23-status-wrong
# The digits keep the focus after a wrong try.
kiosk_key BackSpace BackSpace BackSpace BackSpace
kiosk_type 0001
kiosk_key Return
kiosk_wait_scene status_result && pass "typed: number + last 4 digits shows the status"
kiosk_snap 24-status-typed
kiosk_click FINISH
kiosk_wait_scene welcome

# ---- the call button --------------------------------------------------------
# The pickup call is still waiting: the desk acknowledges it, and a fresh
# kiosk (its log read from here on) takes the button.
PID_CALL=$(db "SELECT id FROM calls WHERE kind = 'pickup' ORDER BY id DESC LIMIT 1")
check "the console acknowledges the pickup call" $C calls ack "$PID_CALL"
kiosk_stop
check_eq "SIGTERM ends ppid-kiosk with status 0" 0 "$KIOSK_RC"
from=$(($(wc -l < "$T_DIR/kiosk.log") + 1))
kiosk_start || exit 1
before=$(db "SELECT count(*) FROM calls WHERE kind = 'button'")
sim_button click
kiosk_wait_scene call && pass "button: the call screen"
_called() { [ "$(db "SELECT count(*) FROM calls WHERE kind = 'button'")" -gt "$before" ]; }
check "button: a call row of kind button" _kiosk_wait 10 _called
CID=$(db "SELECT id FROM calls WHERE kind = 'button' ORDER BY id DESC LIMIT 1")
_led() { tail -n "+$from" "$T_DIR/kiosk.log" | grep -q "$1"; }
check "button: the LED blinks while the call waits" _kiosk_wait 5 _led "LED: blinking"
kiosk_snap 25-called
check "the console acknowledges the call" $C calls ack "$CID"
check "ack: the LED goes steady on (staff is coming)" _kiosk_wait 10 _led "LED: on$"
sleep 0.5
kiosk_snap 26-staff-coming
check_eq "ack: the call screen stays until the visitor leaves" call "$(kiosk_scene)"
check "ack: the call row is acknowledged" test -n "$(db "SELECT acked_at FROM calls WHERE id = $CID")"

kiosk_stop
check_eq "SIGTERM ends ppid-kiosk with status 0" 0 "$KIOSK_RC"
check_lacks "the kiosk's log never has the NIK" "$NIK" "$(cat "$T_DIR/kiosk.log")"
check_lacks "the kiosk's log never has the receipt token" "$TOKEN" "$(cat "$T_DIR/kiosk.log")"
t_done
