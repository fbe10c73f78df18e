#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Calls of every kind through the console: button and screen calls, and a
# pickup call tied to a request, which `watch` shows as one escaped line
# naming the request and the requester ("pickup <regno>  <name> is waiting
# at the kiosk to collect <regno>") and which
# `calls` lists with its number; the CHECK keeps a pickup tied to a request.
. "$(dirname "$0")/../lib/testlib.sh"
need_root_owned_config "$@"
t_tmpdir
DB="$T_DIR/queue.db"
me=$(id -un)
unset PPID_CONFIG

cat > "$T_DIR/kiosk.conf" <<CONF
[database]
path = $DB
[staff]
$me = desk
CONF
C="$CONSOLE --config $T_DIR/kiosk.conf"
$C init > /dev/null 2>&1
R=$($C add --name "Dewi Lestari" --id 1771014708900001 \
	--address "Jl. Pembangunan No. 11, Bengkulu" --occupation Guru \
	--phone "0812 3456 7890" --info "Salinan DPT" --purpose Arsip 2>/dev/null)
[ -n "$R" ] || fail "add printed a registration number"

$C watch --lang en --count 3 > "$T_DIR/watch.out" 2> "$T_DIR/watch.err" &
WPID=$!
T_CLEANUP="kill $WPID 2>/dev/null"
i=0
while ! grep -q watching "$T_DIR/watch.err" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
b=$($C calls add button 2>/dev/null)
s=$($C calls add screen 2>/dev/null)
p=$($C calls add pickup "$R" 2>/dev/null)
check "calls add prints each call's id" [ -n "$b" ] && [ -n "$s" ] && [ -n "$p" ]
i=0
while [ $i -lt 100 ] && [ "$(wc -l < "$T_DIR/watch.out")" -lt 3 ]; do sleep 0.1; i=$((i + 1)); done
out=$(cat "$T_DIR/watch.out")
check_has "watch shows the button call" "call       -  A visitor called the desk: please go to the kiosk (button)" "$out"
check_has "watch shows the screen call" "(screen)" "$out"
check_has "watch names who waits for what" "pickup     $R  Dewi Lestari is waiting at the kiosk to collect $R" "$out"
check_eq "... on one line" 1 "$(grep -c "  pickup  " "$T_DIR/watch.out")"
check_lacks "... never the NIK" "1771014708900001" "$out"
kill $WPID 2>/dev/null
wait $WPID 2>/dev/null

out=$($C calls 2>/dev/null)
check_has "calls lists the pickup with its number" "pickup $R" "$out"
check_has "... and the others by kind" "button" "$out"
check_eq "the rows carry their kind and request" "button| screen| pickup|1" \
	"$(sqlite3 "$DB" "SELECT kind || '|' || COALESCE(request_id, '') FROM calls ORDER BY id" | tr '\n' ' ' | sed 's/ $//')"
check_has "the pickup is in the request's history" "call" "$($C show "$R" 2>/dev/null)"

$C calls add pickup 9999/PPID/X/I/2026 > /dev/null 2>&1
check_eq "a pickup of an unknown request is refused" 1 "$?"
$C calls add pickup > /dev/null 2>&1
check_eq "a pickup without a number is a usage error" 2 "$?"
sqlite3 "$DB" "INSERT INTO calls (at, kind) VALUES (1, 'pickup')" > /dev/null 2>&1
check "the CHECK refuses a pickup without a request" [ "$?" != 0 ]
sqlite3 "$DB" "INSERT INTO calls (at, kind) VALUES (1, 'bell')" > /dev/null 2>&1
check "... and an unknown kind" [ "$?" != 0 ]
check_eq "the table is STRICT" 1 \
	"$(sqlite3 "$DB" "SELECT strict FROM pragma_table_list WHERE name = 'calls'")"
t_done
