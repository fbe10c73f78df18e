#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# ppid-console end to end from a shell: every subcommand of the foundation,
# exit codes, roles from the configuration, and `watch` seeing what another
# process commits.
. "$(dirname "$0")/../lib/testlib.sh"
need_root_owned_config "$@"
t_tmpdir
DB="$T_DIR/queue.db"
me=$(id -un)
unset PPID_CONFIG

# A --config that names a missing file is an error (not development mode).
C="$CONSOLE --db $DB --config $T_DIR/none.conf"
out=$($C list 2>&1); rc=$?
check_eq "a missing --config file is an error" 1 "$rc"
check_has "... that names the file" "none.conf" "$out"

cat > "$T_DIR/kiosk.conf" <<CONF
[office]
name = KPU Provinsi Bengkulu
prefix = KPU-BKL
hours = 08:00-16:00
[database]
path = $DB
[staff]
$me = desk
CONF
C="$CONSOLE --config $T_DIR/kiosk.conf"

out=$($C init 2>&1); rc=$?
check_eq "init creates the database" 0 "$rc"
check_has "init names the schema version" "schema version" "$out"
check_eq "the database is readable by owner and group only" "660" "$(stat -c %a "$DB")"

$C --help > "$T_DIR/help" 2>&1
check_has "--help lists the commands" "workdays" "$(cat "$T_DIR/help")"
for sub in init add list show act check-id workdays holidays watch calls \
	hw print printer jobs handover supervise report-handover; do
	$C $sub --help > "$T_DIR/h" 2>&1
	check_has "$sub --help shows its usage" "usage: ppid-console" "$(cat "$T_DIR/h")"
done
$C frobnicate > /dev/null 2>&1
check_eq "an unknown command is a usage error" 2 "$?"

# add: the registration number alone on stdout.
add() {
	n=$1
	shift
	$C add --name "$n" --id 1771014708900001 --address "Jl. Pembangunan No. 11, Bengkulu" \
		--occupation Wiraswasta --phone "0812 3456 7890" \
		--info "Salinan DPT Kota Bengkulu Pemilu 2024" --purpose "Penelitian skripsi" "$@"
}
R1=$(add "Budi Santoso" --received "2026-11-02 09:15" 2>/dev/null)
check_eq "add prints the registration number alone" "0001/PPID/KPU-BKL/XI/2026" "$R1"
R2=$(add "Siti Rahmawati" --channel letter --received "2026-11-20 10:00" 2>/dev/null)
check_eq "numbers are consecutive" "0002/PPID/KPU-BKL/XI/2026" "$R2"
out=$(add "Masa Depan" --received "2099-01-01 10:00" 2>&1); rc=$?
check_eq "a received time in the future is refused" 1 "$rc"
check_has "... with a message" "future" "$out"
out=$($C add --name "X" --id 123 --address a --info b --purpose c 2>&1); rc=$?
check_eq "invalid fields are refused with exit 1" 1 "$rc"
check_has "... each field is named (name)" "Name:" "$out"
check_has "... in Indonesian too" "Nama terlalu pendek" "$out"
check_has "... the contact rule is explained" "phone number or an email" "$out"
out=$($C add --bogus 2>&1); rc=$?
check_eq "an unknown option is a usage error" 2 "$rc"
WEIRD="O'Brien \"Ahmad\"; DROP TABLE requests;-- Ñ"
R3=$(add "$WEIRD" --channel email --email "ahmad@contoh.id" 2>/dev/null)
check_has "quotes and SQL metacharacters are stored" "/PPID/KPU-BKL/" "$R3"
out=$($C show "$R3" 2>/dev/null)
check_has "... and shown verbatim" "$WEIRD" "$out"
check_has "email requests default to a softcopy by email" "Delivery             Email" "$out"

# show: masked ID, deadline, holidays counted, history.
out=$($C show "$R1" 2>/dev/null)
check_has "show masks the NIK" "1771********0001" "$out"
check_lacks "show never prints the full NIK" "1771014708900001" "$out"
check_has "show gives the deadline (10 working days from Mon 2 Nov)" "Deadline             2026-11-16" "$out"
check_has "show has the history" "submit" "$out"
out=$($C show "$R2" 2>/dev/null)
check_has "received Fri 20 Nov: deadline 4 Dec" "2026-12-04" "$out"
$C show "9999/NOPE" > /dev/null 2>&1
check_eq "show of an unknown number exits 1" 1 "$?"

# list: table and CSV; filters.
out=$($C list 2>/dev/null)
check_has "list shows requests" "Budi Santoso" "$out"
out=$($C list --format csv 2>/dev/null)
check_has "CSV has a header" "regno,received,channel,name,status,deadline" "$out"
check_has "CSV quotes fields with quotes" "\"O'Brien \"\"Ahmad\"\"; DROP TABLE requests;-- Ñ\"" "$out"
out=$($C list --overdue --format csv 2>/dev/null)
check_has "R1 (due 16 Nov) is overdue" "$R1" "$out"
check_lacks "R3 (received today) is not overdue" "$R3" "$out"
$C list --status nonsense > /dev/null 2>&1
check_eq "an unknown status is a usage error" 2 "$?"

# act: roles from the configuration.  This login is desk only.
out=$($C act "$R1" forward 2>&1)
check_has "desk forwards" "forwarded" "$out"
out=$($C act "$R1" coordinate --memo ND-1 2>&1); rc=$?
check_eq "desk may not coordinate" 1 "$rc"
check_has "... and is told why" "role may not" "$out"
sed -i "s/^$me = desk/$me = desk,kasubbag,ppid/" "$T_DIR/kiosk.conf"
out=$($C act "$R1" coordinate 2>&1); rc=$?
check_eq "coordinate without a memo is refused" 1 "$rc"
check_has "... asking for the memo" "memo" "$out"
check_has "act coordinate" "coordinating" "$($C act "$R1" coordinate --memo "ND-12/PP.07/2026" 2>&1)"
# R1's deadline (16 Nov) has passed: UU 14/2008 Pasal 22(8) allows no
# extension any more (a timely one is tested in law.sh).
check_has "act extend after the original deadline is refused" "original deadline has passed" \
	"$($C act "$R1" extend --note "menunggu data KPU Kota" 2>&1)"
out=$($C show "$R1" 2>/dev/null)
check_lacks "... and the deadline stays" "extended to" "$out"
$C act "$R1" extend --note again > /dev/null 2>&1
check_eq "a second extension is refused" 1 "$?"
$C act "$R1" decide --decision rejected > /dev/null 2>&1
check_eq "rejection without a Pasal 17 letter is refused" 1 "$?"
check_has "act decide rejected with basis" "decided" "$($C act "$R1" decide --decision rejected --basis h 2>&1)"
check_has "act notify" "notified" "$($C act "$R1" notify 2>&1)"
check_has "act close" "closed" "$($C act "$R1" close 2>&1)"
out=$($C show "$R1" 2>/dev/null)
check_has "history names the actor" "$me" "$out"
check_has "history records the basis" "Pasal 17 huruf h" "$out"
check_lacks "not development mode with a configuration" "development mode" "$out"
check_has "act --list shows the table" "coordinate" "$($C act --list)"
check_lacks "a root-owned 0644 configuration is trusted" "ignoring [staff]" \
	"$($C list 2>&1 >/dev/null)"

# act: what is typed is checked, and the role recorded is the most senior
# one the action allows (this login is desk, kasubbag and ppid now).
R5=$(add "Rina Marlina" 2>/dev/null)
[ -n "$R5" ] || fail "add R5 printed a registration number"
$C act "$R5" forward > /dev/null 2>&1
long=$(printf '%0101d' 0)
$C act "$R5" coordinate --memo "ND-$long" > /dev/null 2>&1
check_eq "a memo longer than 100 characters is refused" 1 "$?"
$C act "$R5" coordinate --memo "$(printf '%0100d' 0)" > /dev/null 2>&1
check_eq "... 100 characters are accepted" 0 "$?"
$C act "$R5" decide --decision partial --basis z > /dev/null 2>&1
check_eq "decide partial with a basis that is no Pasal 17 letter is refused" 1 "$?"
check_has "... still coordinating" "Status               coordinating" "$($C show "$R5" 2>/dev/null)"
out=$($C act "$R5" decide --decision partial --basis h 2>&1); rc=$?
check_eq "decide partial --basis h is accepted" 0 "$rc"
check_has "... and decided" "decided" "$out"
out=$($C show "$R5" 2>/dev/null)
check "history: decide is recorded with role ppid" \
	sh -c 'printf "%s\n" "$1" | grep -Eq "^  .* decide +ppid +$2 "' x "$out" "$me"
check "history: forward is recorded with role desk" \
	sh -c 'printf "%s\n" "$1" | grep -Eq "^  .* forward +desk +$2 "' x "$out" "$me"
check "history: coordinate is recorded with role kasubbag" \
	sh -c 'printf "%s\n" "$1" | grep -Eq "^  .* coordinate +kasubbag +$2 "' x "$out" "$me"
R6=$(add "Yusuf Hidayat" 2>/dev/null)
[ -n "$R6" ] || fail "add R6 printed a registration number"
$C act "$R6" forward > /dev/null 2>&1
$C act "$R6" available > /dev/null 2>&1
esc=$(printf 'KPU\033[31mRI')
$C act "$R6" decide --decision not_held --holder "$esc" > /dev/null 2>&1
check_eq "a holder with control characters is refused" 1 "$?"
check_eq "... and nothing with ESC reached the database" 0 \
	"$(sqlite3 "$DB" "SELECT (SELECT COUNT(*) FROM requests WHERE instr(holder, char(27)) OR instr(memo, char(27))) + (SELECT COUNT(*) FROM events WHERE instr(note, char(27)))")"
check_eq "... a plain holder is accepted" 0 \
	"$($C act "$R6" decide --decision not_held --holder "KPU RI" > /dev/null 2>&1; echo $?)"

# [staff] in a file others may write grants nothing.
cp "$T_DIR/kiosk.conf" "$T_DIR/loose.conf"
chmod 666 "$T_DIR/loose.conf"
out=$($CONSOLE --config "$T_DIR/loose.conf" act "$R5" note --note "dari file longgar" 2>&1); rc=$?
check_has "a group/world-writable configuration: [staff] is ignored with a warning" "ignoring [staff]" "$out"
check_eq "... and the login has no roles (act refused)" 1 "$rc"

# A login the configuration does not list may only read.
printf '[database]\npath = %s\n[staff]\nnobody_else = desk\n' "$DB" > "$T_DIR/other.conf"
O="$CONSOLE --config $T_DIR/other.conf"
$O list > /dev/null 2>&1
check_eq "an unlisted login may list" 0 "$?"
$O add --name "Tidak Terdaftar" --id 1771014708900001 --address "Jl. Pembangunan 11" \
	--occupation PNS --phone 081234567890 --info "Informasi apa saja" \
	--purpose "Uji coba sistem" > /dev/null 2>&1
check_eq "... but not add" 1 "$?"
$O act "$R5" note --note "tidak boleh" > /dev/null 2>&1
check_eq "... nor act" 1 "$?"

# Closed by default: without a [staff] role and without PPID_DEV=1 a login
# may only read, and the refusal says how a role is granted.
D="$CONSOLE --db $T_DIR/dev.db --config $T_DIR/empty.conf"
: > "$T_DIR/empty.conf"
PPID_DEV=1 $D init > /dev/null 2>&1
check_eq "development mode: init" 0 "$?"
dev_add() {
	$D add --name "Mode Pengembangan" --id 1771014708900001 \
		--address "Jl. Pembangunan 11" --occupation PNS \
		--phone 081234567890 --info "Informasi apa saja" \
		--purpose "Uji coba sistem"
}
out=$(env -u PPID_DEV $D add --name "Tanpa Peran" --id 1771014708900001 \
	--address "Jl. Pembangunan 11" --occupation PNS --phone 081234567890 \
	--info "Informasi apa saja" --purpose "Uji coba sistem" 2>&1); rc=$?
check_eq "no [staff] role and no PPID_DEV: add is refused" 1 "$rc"
check_has "... saying how to grant a role" "under [staff] in" "$out"
check_has "... naming the role line for this login" "'$me = desk'" "$out"
PPID_DEV=0 $D act 0001/PPID/KPU-BKL/XII/2026 note --note x > /dev/null 2>&1
check_eq "PPID_DEV=0 is not development mode" 1 "$?"
env -u PPID_DEV $D list > /dev/null 2>&1
check_eq "... but reading is allowed" 0 "$?"
RD=$(PPID_DEV=1 dev_add 2>/dev/null)
check_has "development mode (PPID_DEV=1): add works without [staff]" "/PPID/" "$RD"
check_has "development mode: show marks the history" "[development mode]" \
	"$($D show "$RD" 2>/dev/null)"

# check-id: the ID comes on stdin (never argv) and is masked unless asked.
out=$(echo 1771014708900001 | $C check-id); rc=$?
check_eq "check-id accepts a valid NIK on stdin" 0 "$rc"
check_has "... masked" "nik: 1771********0001" "$out"
check_lacks "... never in full" "1771014708900001" "$out"
check_lacks "... nor its birth date (region + birth + serial are the NIK)" "birth:" "$out"
out=$(echo 1771014708900001 | $C check-id --reveal); rc=$?
check_has "check-id --reveal shows the NIK" "nik: 1771014708900001" "$out"
check_has "... female (day + 40)" "sex: F" "$out"
check_has "... birth date" "birth: 1990-08-07" "$out"
check_has "... province" "province: 17" "$out"
out=$(echo 1771014708900001 | $C check-id - 2>&1)
check_has "check-id - reads stdin too" "nik: 1771" "$out"
out=$($C check-id 1771014708900001 2>&1); rc=$?
check_eq "check-id refuses an ID on the command line" 2 "$rc"
check_lacks "... and does not echo it" "1771014708900001" "$out"
out=$(echo 177101470890000 | $C check-id 2>&1); rc=$?
check_eq "check-id refuses 15 digits" 1 "$rc"
check_has "... saying why" "16" "$out"
out=$(printf '%s\n' "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<< L898902C36UTO7408122F1204159ZE184226B<<<<<10" | $C check-id --reveal)
check_has "check-id reads a TD3 MRZ" "number: L898902C3" "$out"
printf '%s\n' "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<< L898902C36UTO7408122F1204159ZE184226B<<<<<11" | $C check-id > /dev/null 2>&1
check_eq "check-id refuses a wrong composite check digit" 1 "$?"
out=$(echo 'PPID1|0001/PPID/KPU-BKL/XI/2026|ABCDEFGH23' | $C check-id)
check_has "check-id reads a receipt code" "regno: 0001/PPID/KPU-BKL/XI/2026" "$out"
echo "hello world" | $C check-id > /dev/null 2>&1
check_eq "check-id refuses garbage" 1 "$?"

# workdays and holidays
check_eq "workdays across a weekend" "2026-12-11" "$($C workdays 2026-11-27 10 2>/dev/null)"
check_eq "workdays across Christmas leave" "2026-12-28" "$($C workdays 2026-12-23 1 2>/dev/null)"
check_eq "workdays across Idul Fitri" "2026-03-25" "$($C workdays 2026-03-17 1 2>/dev/null)"
$C workdays 2026-02-30 1 > /dev/null 2>&1
check_eq "workdays refuses a bad date" 2 "$?"
# The office's year (WIB, UTC+7).  Only 2026 ships with holidays.
Y=$(date -u -d '+7 hours' +%Y)
N=$((Y + 1))
check_eq "2026 ships with the decree's 25 days" 25 "$($C holidays list 2026 2>/dev/null | wc -l)"
out=$($C list 2>&1 >/dev/null)
check_has "warns when next year has no holidays" "no holidays loaded for" "$out"
check_has "... naming it" "$N" "$out"
if [ "$Y" -gt 2026 ]; then
	check_has "... and this year too" "$Y and $N" "$out"
fi
check_eq "... in one warning per command" 1 "$(printf '%s\n' "$out" | grep -c 'no holidays loaded')"
# One day in each year; 10 Feb is outside every deadline checked here.
cat > "$T_DIR/hyears.csv" <<CSV
# Libur $Y dan $N (test data)
day,kind,name,source
$Y-02-10,office,Kantor tutup $Y,SKB test
$N-01-01,national,Tahun Baru $N,SKB test
CSV
check_has "holidays import" "2 holiday(s)" "$($C holidays import "$T_DIR/hyears.csv" 2>&1)"
out=$($C list 2>&1 >/dev/null)
check_lacks "no warning once this year and next are loaded" "no holidays loaded" "$out"
check_has "holidays list YEAR" "Tahun Baru $N" "$($C holidays list "$N" 2>/dev/null)"
printf '2027-13-01,national,Bad\n' > "$T_DIR/bad.csv"
out=$($C holidays import "$T_DIR/bad.csv" 2>&1); rc=$?
check_eq "a bad import file is refused" 1 "$rc"
check_has "... naming the line" "bad.csv:1" "$out"
before=$($C show "$R2" 2>/dev/null | grep '^Deadline')
$C holidays add 2026-11-30 "Kantor tutup (test)" --kind office > /dev/null 2>&1
after=$($C show "$R2" 2>/dev/null | grep '^Deadline')
check_has "a new holiday moves open deadlines" "2026-12-07" "$after"
check_has "... from where they were" "2026-12-04" "$before"

# watch: another process commits, watch prints it at once (flushed while
# it keeps running, not when it exits); --events adds the actions.
$C watch --events --count 10 > "$T_DIR/watch.out" 2> "$T_DIR/watch.err" &
WPID=$!
T_CLEANUP="${T_CLEANUP:+$T_CLEANUP; }kill $WPID 2>/dev/null"
i=0
while ! grep -q watching "$T_DIR/watch.err" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
check_has "watch says when it is watching" "watching" "$(cat "$T_DIR/watch.err")"
R4=$(add "Dewi Lestari" 2>/dev/null)
[ -n "$R4" ] || fail "add R4 printed a registration number"
$C calls add button > /dev/null 2>&1
$C act "$R4" forward > /dev/null 2>&1
i=0
while [ $i -lt 50 ] && ! { grep -q "  request    $R4  " "$T_DIR/watch.out" &&
	grep -q "  call       -  " "$T_DIR/watch.out" &&
	grep -q "forward by $me" "$T_DIR/watch.out"; }; do
	sleep 0.1
	i=$((i + 1))
done
alive=no
kill -0 $WPID 2>/dev/null && alive=yes
out=$(cat "$T_DIR/watch.out")
check_eq "watch is still running (10 lines not reached)" yes "$alive"
check_has "watch shows the new request at once" "  request    $R4  " "$out"
check_has "... with the name" "Dewi Lestari" "$(grep "  request  " "$T_DIR/watch.out")"
check_has "watch shows the call at once" "  call       -  " "$out"
check_eq "... once" 1 "$(grep -c "  call  " "$T_DIR/watch.out")"
check_has "watch shows the action at once" "forward by $me" "$out"
kill $WPID 2>/dev/null
wait $WPID 2>/dev/null
timeout 10 $C watch --all --count 2 > "$T_DIR/watch2.out" 2>/dev/null
check_eq "watch --count 2 exits 0" 0 "$?"
check_eq "watch stopped after --count lines" 2 "$(wc -l < "$T_DIR/watch2.out")"

# calls
out=$($C calls --pending 2>/dev/null)
check_has "calls --pending lists the waiting call" "WAITING" "$out"
id=$(echo "$out" | awk 'NR==1{print $1}')
check "calls ack" $C calls ack "$id"
$C calls ack "$id" > /dev/null 2>&1
check_eq "a call is acknowledged once" 1 "$?"

# Faults: a busy database waits, then fails clearly; a read-only file.
cat > "$T_DIR/busy.conf" <<CONF
[database]
path = $DB
busy_timeout_ms = 300
[staff]
$me = desk
CONF
# The lock holder says when it holds the lock and keeps it until told
# (bounded: 10 s), so the add below certainly meets it.
cat > "$T_DIR/hold.sh" <<HOLD
touch "$T_DIR/locked"
i=0
while [ ! -e "$T_DIR/release" ] && [ \$i -lt 100 ]; do sleep 0.1; i=\$((i + 1)); done
HOLD
# wait_file FILE: up to 5 s.
wait_file() {
	i=0
	while [ ! -e "$1" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
	[ -e "$1" ]
}
busy_add() {
	$CONSOLE --config "$1" add --name "Busy Waiting" --id 1771014708900001 \
		--address "Jl. Pembangunan 11" --occupation PNS --phone 081234567890 \
		--info "Informasi saat sibuk" --purpose "Uji coba sistem" 2>&1
}
ncalls=$(sqlite3 "$DB" 'SELECT COUNT(*) FROM calls')
sqlite3 "$DB" "BEGIN IMMEDIATE; INSERT INTO calls (at, kind) VALUES (1, 'button');" \
	".shell sh $T_DIR/hold.sh" "COMMIT;" >/dev/null 2>&1 &
BPID=$!
T_CLEANUP="${T_CLEANUP:+$T_CLEANUP; }touch $T_DIR/release; kill $BPID 2>/dev/null"
check "the lock holder holds the lock" wait_file "$T_DIR/locked"
t0=$(date +%s%N)
out=$(busy_add "$T_DIR/busy.conf"); rc=$?
t1=$(date +%s%N)
touch "$T_DIR/release"
wait $BPID
ms=$(((t1 - t0) / 1000000))
check_eq "a locked database fails after the busy timeout" 1 "$rc"
check_has "... with a clear message" "locked" "$out"
check "... having waited at least the busy timeout (${ms} ms >= 300 ms)" [ "$ms" -ge 300 ]
check_eq "... the holder's row committed after it" $((ncalls + 1)) "$(sqlite3 "$DB" 'SELECT COUNT(*) FROM calls')"
# A short lock within a longer busy timeout: add waits, then commits.
sed 's/^busy_timeout_ms = 300$/busy_timeout_ms = 3000/' "$T_DIR/busy.conf" > "$T_DIR/busy3.conf"
nreq=$(sqlite3 "$DB" 'SELECT COUNT(*) FROM requests')
sqlite3 "$DB" "BEGIN IMMEDIATE; INSERT INTO calls (at, kind) VALUES (2, 'button');" \
	".shell touch $T_DIR/locked2" ".shell sleep 0.3" "COMMIT;" >/dev/null 2>&1 &
BPID=$!
T_CLEANUP="${T_CLEANUP:+$T_CLEANUP; }kill $BPID 2>/dev/null"
check "the short lock holder holds the lock" wait_file "$T_DIR/locked2"
out=$(busy_add "$T_DIR/busy3.conf"); rc=$?
wait $BPID
check_eq "a lock shorter than the busy timeout: add succeeds" 0 "$rc"
check_has "... printing its number" "/PPID/" "$out"
check_eq "... both writes are there" "$((nreq + 1)) $((ncalls + 2))" \
	"$(sqlite3 "$DB" "SELECT (SELECT COUNT(*) FROM requests) || ' ' || (SELECT COUNT(*) FROM calls)")"
cp "$DB" "$T_DIR/garbage.db"; printf 'garbage%.0s' $(seq 1 600) | dd of="$T_DIR/garbage.db" conv=notrunc 2>/dev/null
out=$($CONSOLE --db "$T_DIR/garbage.db" list 2>&1); rc=$?
check_eq "a corrupt file is refused" 1 "$rc"
check_has "... naming the file" "garbage.db" "$out"
out=$($CONSOLE --db "$T_DIR/nothing.db" list 2>&1); rc=$?
check_eq "a missing database is refused" 1 "$rc"
check_has "... telling how to create it" "ppid-console init" "$out"
check_eq "integrity_check after everything" ok "$(sqlite3 "$DB" 'PRAGMA integrity_check')"
t_done
