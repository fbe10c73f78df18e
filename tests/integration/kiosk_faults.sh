#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# ppid-kiosk end to end under Xvfb, faults: the receipt printer out of
# paper (the request is committed, the visitor is told, the number stays
# on screen longer than after a good print, the job row says it failed);
# a read-only database (out of service; back to welcome by itself when
# the mode is restored; nothing committed lost).
. "$(dirname "$0")/../lib/testlib.sh"
. "$(dirname "$0")/../lib/xvfb.sh"
. "$(dirname "$0")/../lib/kiosk.sh"
kiosk_need
t_tmpdir
kiosk_setup fake
NIK=3201015708900001

kiosk_start || exit 1

# ---- paper out ----------------------------------------------------------------
echo "media-empty-error" > "$CUPSDIR/fakeprn.state"
kiosk_quick_request "Ni Luh Putu Déwi O'Neil" && pass "paper out: the request goes through to the done screen"
R=$(db "SELECT regno FROM requests ORDER BY id DESC LIMIT 1")
check_has "paper out: the request is committed" "/PPID/KPU-BKL/" "$R"
_job_over() {
	st=$(db "SELECT state FROM print_jobs ORDER BY id DESC LIMIT 1")
	[ "$st" = failed ] || [ "$st" = cancelled ]
}
if _kiosk_wait 45 _job_over; then
	pass "paper out: the job row failed ($(db "SELECT state || ': ' || reason FROM print_jobs ORDER BY id DESC LIMIT 1"))"
else
	fail "paper out: the job row failed within 45 s (it says: $(db "SELECT state || ': ' || reason FROM print_jobs ORDER BY id DESC LIMIT 1"))"
fi
check "paper out: the job row says why" test -n "$(db "SELECT reason FROM print_jobs ORDER BY id DESC LIMIT 1")"
sleep 1
kiosk_snap 31-paper-out-done
check_eq "paper out: the number is still on screen when the failure is known" done "$(kiosk_scene)"
# After a good print the done screen goes after 20 s; after a failed one
# it stays longer (2 minutes): still there 25 s on.
sleep 25
check_eq "paper out: ... and still 25 s later (write it down)" done "$(kiosk_scene)"
check_lacks "the kiosk's log never has the NIK" "$NIK" "$(cat "$T_DIR/kiosk.log")"
kiosk_tap_to welcome FINISH && pass "paper out: Finish returns to welcome"
sleep 0.5
kiosk_snap 32-welcome-no-paper

# ---- a read-only database ----------------------------------------------------
n=$(db "SELECT count(*) FROM requests")
chmod 0440 "$T_DIR/q.db"
kiosk_wait_scene out_of_service 20 && pass "read-only database: out of service"
kiosk_snap 33-out-of-service
check "out of service: nothing to tap but the call and the language" \
	sh -c '! grep -q "\"id\":\"REQUEST\"" "$1"' sh "$KIOSK_TARGETS"
chmod 0660 "$T_DIR/q.db"
kiosk_wait_scene welcome 45 && pass "the mode restored: back to welcome by itself"
check_eq "nothing committed is lost" "$n" "$(db "SELECT count(*) FROM requests")"

kiosk_stop
check_eq "SIGTERM ends ppid-kiosk with status 0" 0 "$KIOSK_RC"
t_done
