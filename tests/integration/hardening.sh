#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The foundation's hardening, end to end: the NIK kept off argv and
# revealed only to the roles that need it (and on record), a database never
# open to others, write errors on stdout reported, hostile text that cannot
# forge a line in show, watch or list, and one holiday warning per command.
. "$(dirname "$0")/../lib/testlib.sh"
t_tmpdir
DB="$T_DIR/queue.db"
me=$(id -un)
unset PPID_CONFIG
export PPID_DEV=1
: > "$T_DIR/empty.conf"
C="$CONSOLE --db $DB --config $T_DIR/empty.conf"
NIK=3201015708900001

# ---- init: never open to others, not even for an instant ------------------
out=$(umask 000 && $C init 2>&1); rc=$?
check_eq "init under umask 000" 0 "$rc"
check_eq "... creates the database 0660 all the same" 660 "$(stat -c %a "$DB")"
chmod 0664 "$DB"
out=$($C init 2>&1); rc=$?
check_eq "init on a database others may read" 0 "$rc"
check_has "... narrows it and says so" "mode 664 was open to others; now 660" "$out"
check_eq "... to 0660" 660 "$(stat -c %a "$DB")"

# ---- the NIK travels on stdin, never in argv --------------------------------
add_stdin() {
	printf '%s\n' "$NIK" | $C add --id - --name "$1" --address "Jl. Merdeka 1, Bengkulu" \
		--occupation Guru --phone 081234567890 --info "$2" \
		--purpose "Penelitian skripsi" --received "2026-11-02 09:00"
}
R1=$(add_stdin "Budi Santoso" "Salinan DPT" 2>/dev/null)
check_has "add --id - reads the NIK from stdin" "/PPID/" "$R1"
check_eq "... and stores it whole" "$NIK" "$(sqlite3 "$DB" "SELECT id_number FROM requests WHERE regno = '$R1'")"
# The NIK arrives late on a pipe: meanwhile add is running, and its argv
# (what every user of the machine can read) holds no NIK.
{ sleep 1; printf '%s\n' "$NIK"; } | $C add --id - --name "Siti Aminah" \
	--address "Jl. Merdeka 2, Bengkulu" --occupation Guru --phone 081234567890 \
	--info "Daftar TPS" --purpose "Penelitian skripsi" > "$T_DIR/add.out" 2>&1 &
APID=$!
sleep 0.4
cmdline=$(tr '\0' ' ' < /proc/$APID/cmdline 2>/dev/null)
check_has "while add waits for the NIK its argv is visible" "--id -" "$cmdline"
check_lacks "... and holds no NIK" "$NIK" "$cmdline"
wait $APID
check_has "... then it registers" "/PPID/" "$(cat "$T_DIR/add.out")"
out=$(printf '' | $C add --id - --name "Kosong" --address "Jl. Merdeka 3" \
	--occupation Guru --phone 081234567890 --info "Daftar TPS" \
	--purpose "Penelitian skripsi" 2>&1); rc=$?
check_eq "add --id - with nothing on stdin is refused" 1 "$rc"
check_has "... saying so" "no ID number on standard input" "$out"

# ---- show --reveal-id: only the desk and the PPID, and on record -----------
out=$($C show "$R1" 2>/dev/null)
check_lacks "show masks the NIK" "$NIK" "$out"
out=$($C show --reveal-id "$R1" 2>/dev/null); rc=$?
check_eq "show --reveal-id in development mode (every role)" 0 "$rc"
check_has "... shows it" "$NIK" "$out"
check_eq "... and records the reveal as an event" 1 \
	"$(sqlite3 "$DB" "SELECT COUNT(*) FROM events e JOIN requests r ON r.id = e.request_id WHERE r.regno = '$R1' AND e.action = 'reveal-id' AND e.actor = '$me'")"
check_has "... which the history shows" "reveal-id" "$($C show "$R1" 2>/dev/null)"
out=$(env -u PPID_DEV $C show --reveal-id "$R1" 2>&1); rc=$?
check_eq "without a role the NIK is not revealed" 1 "$rc"
check_lacks "... not printed" "$NIK" "$out"
check_has "... with how to grant a role" "under [staff]" "$out"
check_eq "... and no reveal recorded for it" 1 \
	"$(sqlite3 "$DB" "SELECT COUNT(*) FROM events WHERE action = 'reveal-id'")"
# A root-owned configuration (only root can grant roles; an ordinary user
# gets one in a user namespace): kasubbag may act but may not see a full
# NIK, the PPID may.
if root_owned_ok; then
	who=$(as_root_owned id -un)
	printf '[database]\npath = %s\n[staff]\n%s = kasubbag\n' "$DB" "$who" > "$T_DIR/kasubbag.conf"
	out=$(unset PPID_DEV; as_root_owned $CONSOLE --config "$T_DIR/kasubbag.conf" show --reveal-id "$R1" 2>&1); rc=$?
	check_eq "kasubbag may not reveal a NIK" 1 "$rc"
	check_has "... told which roles may" "Only the desk or the PPID may see a full ID number" "$out"
	check_lacks "... and not shown it" "$NIK" "$out"
	printf '[database]\npath = %s\n[staff]\n%s = ppid\n' "$DB" "$who" > "$T_DIR/ppid.conf"
	out=$(unset PPID_DEV; as_root_owned $CONSOLE --config "$T_DIR/ppid.conf" show --reveal-id "$R1" 2>&1); rc=$?
	check_eq "the PPID may reveal a NIK" 0 "$rc"
	check_has "... recorded with role ppid" "reveal-id  ppid" "$($C show "$R1" 2>/dev/null)"
	# An installed kiosk (staff listed) is never opened up by PPID_DEV.
	out=$(PPID_DEV=1 as_root_owned $CONSOLE --config "$T_DIR/kasubbag.conf" show --reveal-id "$R1" 2>&1); rc=$?
	check_eq "PPID_DEV=1 on a configured install gives no extra role" 1 "$rc"
	check_has "... and says it is ignored" "PPID_DEV=1 is ignored" "$out"
	check_lacks "... the NIK stays masked" "$NIK" "$out"
else
	skip "the [staff] reveal cases need a root-owned configuration: $T_ROOT_OWNED_WHY"
fi

# ---- nothing fails silently -------------------------------------------------
out=$($C list --format csv 2>&1 > /dev/full); rc=$?
check_eq "list --format csv > /dev/full fails" 1 "$rc"
check_has "... with a message" "cannot write the output" "$out"
n0=$(sqlite3 "$DB" 'SELECT COUNT(*) FROM requests')
out=$(add_stdin "Dewi Kusuma" "Daftar TPS" 2>&1 > /dev/full); rc=$?
check_eq "add with stdout on a full disk fails" 1 "$rc"
check_eq "... after the commit: the request is there" $((n0 + 1)) "$(sqlite3 "$DB" 'SELECT COUNT(*) FROM requests')"
for v in x -3 0 12abc; do
	$C list --limit "$v" > /dev/null 2>&1
	check_eq "list --limit $v is a usage error" 2 "$?"
	$C jobs --limit "$v" > /dev/null 2>&1
	check_eq "jobs --limit $v is a usage error" 2 "$?"
	$C watch --count "$v" > /dev/null 2>&1
	check_eq "watch --count $v is a usage error" 2 "$?"
done
# A table that cannot be read is an error with a message, never silence.
cp "$DB" "$T_DIR/broken.db"
sqlite3 "$T_DIR/broken.db" "ALTER TABLE print_jobs RENAME TO pj; ALTER TABLE calls RENAME TO cl"
for sub in jobs calls; do
	out=$($CONSOLE --db "$T_DIR/broken.db" --config "$T_DIR/empty.conf" $sub 2>&1); rc=$?
	check_eq "$sub on an unreadable table fails" 1 "$rc"
	check_has "... with a message" "cannot read the" "$out"
done
out=$(printf '%s\n' "$NIK" | $C add --id "$NIK" --name "Di Baris Perintah" \
	--address "Jl. Merdeka 1" --occupation Guru --phone 081234567890 \
	--info "Daftar TPS" --purpose "Penelitian skripsi" 2>&1 >/dev/null)
check_has "an ID number in argv is warned about" "visible to other users" "$out"
check_eq "list --limit 1 prints one row" 2 "$($C list --limit 1 2>/dev/null | wc -l)"
ID=$($C calls add button 2>/dev/null)
$C calls ack "$ID" > /dev/null 2>&1
out=$($C calls 2>/dev/null)
check_has "calls shows who acknowledged" "acknowledged by $me at " "$out"
check_has "... when, and how long it took" "WIB (after " "$out"

# ---- hostile text cannot forge what people read ----------------------------
ESC=$(printf '\033')
HOSTILE=$(printf 'Salinan DPT\nStatus               closed\n2026-12-01 10:00 WIB  CALL     a visitor pressed the call button\tend')
R2=$(add_stdin "Rahmat Hidayat" "$HOSTILE" 2>/dev/null)
check_has "a multi-line request is accepted" "/PPID/" "$R2"
out=$($C show "$R2" 2>/dev/null)
check_eq "show: exactly one Status line" 1 "$(printf '%s\n' "$out" | grep -c '^Status')"
check_eq "show: no line starts with a forged time" 0 "$(printf '%s\n' "$out" | grep -c '^2026-12-01 10:00')"
check_has "show: the second line is folded under its field" "                     Status               closed" "$out"
check_has "show: a tab is made visible" 'call button\tend' "$out"
# What another writer (an older or newer program, a hand-edit) stored is
# shown safely too: control sequences and line separators come out escaped.
sqlite3 "$DB" "UPDATE requests SET name = 'Rahmat' || char(27) || '[2J' || char(8232) || 'Status closed', address = 'Jl. A' || char(13) || 'Status  closed' WHERE regno = '$R2'"
out=$($C show "$R2" 2>/dev/null)
check_lacks "show: no raw escape character" "$ESC" "$out"
check_has "show: the escape and the line separator are made visible" 'Rahmat\x1b[2J\u2028Status closed' "$out"
check_has "show: a carriage return is made visible" 'Jl. A\rStatus  closed' "$out"
check_eq "show: still exactly one Status line" 1 "$(printf '%s\n' "$out" | grep -c '^Status')"
out=$($C list 2>/dev/null)
check_lacks "list: no raw escape character" "$ESC" "$out"
check_eq "list: one line per request plus the header" $(($(sqlite3 "$DB" 'SELECT COUNT(*) FROM requests') + 1)) \
	"$(printf '%s\n' "$out" | wc -l)"
timeout 10 $C watch --all --count 50 > "$T_DIR/watch.out" 2>/dev/null
wout=$(cat "$T_DIR/watch.out")
check_eq "watch: one line per event" "$(sqlite3 "$DB" 'SELECT COUNT(*) FROM events')" "$(grep -c '^[-0-9: ]*  event  ' "$T_DIR/watch.out")"
check_eq "watch: ... and the rest are alerts (the old requests are overdue)" 0 "$(grep -vc '^[-0-9: ]*  \(event\|overdue\)  ' "$T_DIR/watch.out")"
check_eq "watch: the one call line is the real call" 1 "$(grep -c ' call by ' "$T_DIR/watch.out")"
check_lacks "watch: no raw escape character" "$ESC" "$wout"
# Every column of an event, a call or a print job is outside text too.
RID=$(sqlite3 "$DB" "SELECT id FROM requests WHERE regno = '$R2'")
sqlite3 "$DB" "INSERT INTO events (request_id, at, actor, role, action, from_status, to_status, note) VALUES ($RID, 1796000000, 'eve', 'desk' || char(10) || 'Status               closed', 'forward' || char(27) || '[2J', 'a', 'b' || char(10) || '2026-12-01 10:00 WIB  CALL     fake', 'n');
INSERT INTO print_jobs (request_id, document, state, reason, created_at, updated_at) VALUES ($RID, 'receipt', 'failed', 'x' || char(10) || '99    forged line', 1, 1)"
out=$($C show "$R2" 2>/dev/null)
check_eq "show: a forged event still gives one Status line" 1 "$(printf '%s\n' "$out" | grep -c '^Status')"
check_lacks "show: no raw escape from an event" "$ESC" "$out"
check_has "show: the event's columns are escaped" 'desk\nStatus' "$out"
timeout 10 $C watch --all --count 200 > "$T_DIR/watch3.out" 2>/dev/null
check_eq "watch: a forged event is still one line" "$(sqlite3 "$DB" 'SELECT COUNT(*) FROM events')" "$(grep -c '^[-0-9: ]*  event  ' "$T_DIR/watch3.out")"
check_eq "watch: still one real call line" 1 "$(grep -c ' call by ' "$T_DIR/watch3.out")"
check_eq "watch: the forged action is escaped" 1 "$(grep -c 'forward\\x1b\[2J by eve' "$T_DIR/watch3.out")"
out=$($C jobs 2>/dev/null)
check_eq "jobs: a forged reason stays on its line" 0 "$(printf '%s\n' "$out" | grep -c '^99 ')"
check_has "jobs: ... escaped" 'x\n99' "$out"
# A long name of two-byte letters is cut by character, never inside one.
LONG=$(python3 -c 'print("Dédé " * 40)')
timeout 10 $C watch > "$T_DIR/watch2.out" 2> "$T_DIR/watch2.err" &
WPID=$!
i=0
while ! grep -q watching "$T_DIR/watch2.err" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
R3=$(printf '%s\n' "$NIK" | $C add --id - --name "Andi" --address "Jl. Merdeka 1" \
	--occupation Guru --phone 081234567890 --info "$LONG" --purpose "Penelitian skripsi" 2>/dev/null)
i=0
while ! grep -q "  request    $R3" "$T_DIR/watch2.out" && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
kill $WPID 2>/dev/null
wait $WPID
check "watch: the cut line is valid UTF-8" iconv -f UTF-8 -t UTF-8 "$T_DIR/watch2.out" -o /dev/null
check_has "watch: a cut is marked" "..." "$(grep "$R3" "$T_DIR/watch2.out")"

# ---- one holiday warning per command ---------------------------------------
# A deadline counted over a year with no holidays (here the shipped 2026
# ones are removed from a copy): the command's general warning and add's
# own come as one line.
cp "$DB" "$T_DIR/noh.db"
sqlite3 "$T_DIR/noh.db" "DELETE FROM holidays"
out=$(printf '%s\n' "$NIK" | $CONSOLE --db "$T_DIR/noh.db" --config "$T_DIR/empty.conf" \
	add --id - --name "Tanpa Libur" --address "Jl. Merdeka 1" \
	--occupation Guru --phone 081234567890 --info "Daftar TPS" --purpose "Penelitian skripsi" \
	--received "2026-11-02 09:00" 2>&1 >/dev/null)
check_eq "add: one 'no holidays loaded' warning" 1 "$(printf '%s\n' "$out" | grep -c 'no holidays loaded')"
check_has "... naming this request's deadline" "deadline 2026-11-16 is counted over them" "$out"
out=$($C list 2>&1 >/dev/null)
check_eq "list: one warning" 1 "$(printf '%s\n' "$out" | grep -c 'no holidays loaded')"

# ---- act --list shows what each action needs and from which states --------
out=$($C act --list)
check_has "act --list: who" "who:   kasubbag" "$out"
check_has "act --list: from which states" "from:  forwarded" "$out"
check_has "act --list: what it needs" "needs: --memo" "$out"
# ---- make install ships a closed configuration ----------------------------
top=$(cd "$(dirname "$0")/../.." && pwd)
if [ "$PPID_BUILD" = "$top/build" ]; then
	make -s -C "$top" install DESTDIR="$T_DIR/dest" PREFIX=/usr > "$T_DIR/install.out" 2>&1
	check_eq "make install DESTDIR=... works" 0 "$?"
	conf="$T_DIR/dest/etc/ppid-kiosk/kiosk.conf"
	check "... installs /etc/ppid-kiosk/kiosk.conf" test -f "$conf"
	check_eq "... mode 0644 (only its owner writes it)" 644 "$(stat -c %a "$conf")"
	check_has "... with a [staff] section" "[staff]" "$(cat "$conf")"
	check_eq "... that lists nobody" "" "$(sed -n '/^\[staff\]/,$p' "$conf" | grep -v '^#' | grep -v '^\[staff\]' | grep -v '^ *$')"
	check_eq "... and sets no key (every key commented)" 0 "$(grep -c '^[a-z_]* *=' "$conf")"
	out=$(env -u PPID_DEV "$T_DIR/dest/usr/bin/ppid-console" --config "$conf" --db "$DB" act "$R1" note --note x 2>&1); rc=$?
	check_eq "an install with the shipped configuration is closed: act refused" 1 "$rc"
	echo "# local" >> "$conf"
	make -s -C "$top" install DESTDIR="$T_DIR/dest" PREFIX=/usr > "$T_DIR/install.out" 2>&1
	check_has "a second install keeps the configuration" "# local" "$(cat "$conf")"
	check "... and puts the new defaults beside it" test -f "$conf.dist"
else
	echo "SKIP: make install is checked once, with the normal build"
fi
t_done
