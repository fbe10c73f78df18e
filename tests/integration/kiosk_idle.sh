#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# ppid-kiosk end to end under Xvfb: the idle wipe.  A visitor types the NIK
# and a name on the physical keyboard and walks away; "are you still
# there?" comes, one tap gives more time (the answers kept), then, left
# alone again, the welcome screen returns and neither the NIK nor the name
# is anywhere in the process's memory any more (/proc/PID/mem, as UTF-8,
# UTF-16 and UTF-32).  Before the wipe the same scan finds both, so the
# scan itself is proven.
#
# The waits follow the flow's idle times: IDLE_S without input, then the
# countdown of IDLE_WARN_S, set short through the kiosk's [kiosk] keys
# (defaults 60 + 30 s; the countdown is at least 20 s, WCAG 2.2.1).
. "$(dirname "$0")/../lib/testlib.sh"
. "$(dirname "$0")/../lib/xvfb.sh"
. "$(dirname "$0")/../lib/kiosk.sh"
kiosk_need
t_tmpdir
IDLE_S=10
IDLE_WARN_S=20
KIOSK_CONF_EXTRA=$(printf '[kiosk]\nidle_s = %s\nidle_warn_s = %s' $IDLE_S $IDLE_WARN_S)
kiosk_setup testpdf
NIK=3201015708900001
NAME="Ni Luh Putu Déwi O'Neil"

kiosk_start || exit 1
kiosk_click REQUEST
kiosk_wait_scene identify
kiosk_type "$NIK"
sleep 0.2
kiosk_click NEXT
kiosk_wait_scene form && pass "the typed NIK opens the form"
kiosk_type "$NAME"
sleep 0.5
kiosk_snap 41-typed
check "before the wipe: the scan finds the NIK in the kiosk's memory" kiosk_mem_has "$NIK"
check "before the wipe: ... and the name" kiosk_mem_has "$NAME"

# Idle: the question, then more time.
kiosk_wait_scene idle $((IDLE_S + 15)) && pass "no input: 'are you still there?'"
kiosk_snap 42-idle
kiosk_click MORE_TIME
kiosk_wait_scene form && pass "one tap for more time: back to the form"
check "more time: the answers are kept (still in memory)" kiosk_mem_has "$NAME"

# Left alone: the wipe.
kiosk_wait_scene idle $((IDLE_S + 15))
kiosk_wait_scene welcome $((IDLE_WARN_S + 15)) && pass "after the countdown: welcome again"
sleep 1
kiosk_snap 43-wiped
if kiosk_mem_has "$NIK"; then
	fail "after the idle wipe the NIK is no longer in the kiosk's memory (found)"
else
	[ $? = 1 ] && pass "after the idle wipe the NIK is no longer in the kiosk's memory" ||
		fail "the memory scan could not read /proc/$KIOSK_PID/mem"
fi
if kiosk_mem_has "$NAME"; then
	fail "after the idle wipe the name is no longer in the kiosk's memory (found)"
else
	[ $? = 1 ] && pass "after the idle wipe the name is no longer in the kiosk's memory" ||
		fail "the memory scan could not read /proc/$KIOSK_PID/mem"
fi
check_eq "nothing was registered" 0 "$(db "SELECT count(*) FROM requests")"

kiosk_stop
check_eq "SIGTERM ends ppid-kiosk with status 0" 0 "$KIOSK_RC"
check_lacks "the kiosk's log never has the NIK" "$NIK" "$(cat "$T_DIR/kiosk.log")"
t_done
