#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The law, exactly (issue 7, items 4 and 5) through ppid-console: extensions
# only within the original period, decide's Pasal 17 basis rules, the
# received-time floor, `workdays` agreeing with a request's deadline,
# refusals that name the status, the permission table, the regime key, the
# CHECK on requests.status, a display that survives an unknown status, and
# an old database upgrading with its data.
# The roles come from [staff], honoured only in a root-owned file: an
# ordinary user runs the script in a user namespace where it is root.
if [ "$(id -u)" != 0 ] && [ -z "${PPID_LAW_USERNS:-}" ] &&
	unshare --map-root-user true 2>/dev/null; then
	PPID_LAW_USERNS=1 exec unshare --map-root-user sh "$0" "$@"
fi
. "$(dirname "$0")/../lib/testlib.sh"
t_tmpdir
DB="$T_DIR/queue.db"
me=$(id -un)
unset PPID_CONFIG
# The roles come from [staff] below, never from development mode (which
# would give every role).
unset PPID_DEV

cat > "$T_DIR/kiosk.conf" <<CONF
[office]
name = KPU Provinsi Bengkulu
prefix = KPU-BKL
hours = 08:00-16:00
[database]
path = $DB
[staff]
$me = desk,kasubbag,ppid
CONF
C="$CONSOLE --config $T_DIR/kiosk.conf"
roles() { sed -i "s/^$me = .*/$me = $1/" "$T_DIR/kiosk.conf"; }

$C init > /dev/null 2>&1
check_eq "init" 0 "$?"

# add NAME [options]: prints the registration number.
add() {
	n=$1
	shift
	$C add --name "$n" --id 3201015708900001 --address "Jl. Pembangunan No. 11, Bengkulu" \
		--occupation Wiraswasta --phone "0812 3456 7890" \
		--info "Salinan DPT Kota Bengkulu Pemilu 2024" --purpose "Penelitian skripsi" "$@" 2>/dev/null
}
field() { $C show "$1" 2>/dev/null | sed -n "s/^$2  *//p" | head -1; }
nreq() { sqlite3 "$DB" 'SELECT COUNT(*) FROM requests'; }

# ---- extend: only within the original period (UU 14/2008 Pasal 22(8)) ----
RN=$(add "Tepat Waktu")
$C act "$RN" forward > /dev/null 2>&1
$C act "$RN" coordinate --memo "ND-1/PP.07/2026" > /dev/null 2>&1
due=$(field "$RN" Deadline | cut -c1-10)
out=$($C act "$RN" extend --note "menunggu data KPU Kota" 2>&1); rc=$?
check_eq "extend within the original period is accepted" 0 "$rc"
check_has "... by the regime's 7 working days (as workdays counts them)" \
	"extended to $($C workdays "$due" 7 2>/dev/null)" "$($C show "$RN" 2>/dev/null)"

old=$(date -d '40 days ago' '+%Y-%m-%d 10:00')
RL=$(add "Terlambat" --received "$old")
$C act "$RL" forward > /dev/null 2>&1
$C act "$RL" coordinate --memo "ND-2/PP.07/2026" > /dev/null 2>&1
out=$($C act "$RL" extend --note "menunggu data KPU Kota" 2>&1); rc=$?
check_eq "extend after the original deadline is refused" 1 "$rc"
check_has "... with the reason (en)" "the original deadline has passed" "$out"
check_has "... citing Pasal 22(8)" "22(8)" "$out"
check_has "... with the reason (id)" "batas waktu semula sudah lewat" "$out"
out=$($C show "$RL" 2>/dev/null)
check_lacks "... the deadline stays" "extended to" "$out"
check_lacks "... and no extend event is recorded" " extend " "$out"

# ---- decide: partial needs a Pasal 17 basis; no value is dropped ---------
RD=$(add "Sebagian")
$C act "$RD" forward > /dev/null 2>&1
$C act "$RD" available > /dev/null 2>&1
out=$($C act "$RD" decide --decision partial 2>&1); rc=$?
check_eq "decide partial without a basis is refused" 1 "$rc"
check_has "... partly granted means part is withheld (en)" "part is withheld" "$out"
check_has "... (id)" "sebagian informasi dikecualikan" "$out"
out=$($C act "$RD" decide --decision granted --basis h 2>&1); rc=$?
check_eq "decide granted with a basis is refused, not dropped" 1 "$rc"
check_has "... saying a basis does not apply" "withholds nothing" "$out"
out=$($C act "$RD" decide --decision not_held --holder "KPU RI" --basis h 2>&1); rc=$?
check_eq "decide not_held with a basis is refused" 1 "$rc"
check_has "... saying it is not an exemption" "not an exemption" "$out"
out=$($C act "$RD" decide --decision granted --holder "KPU RI" 2>&1); rc=$?
check_eq "decide granted with a holder is refused" 1 "$rc"
check_eq "... nothing was decided" "available" "$(sqlite3 "$DB" "SELECT status FROM requests WHERE regno = '$RD'")"
out=$($C act "$RD" decide --decision partial --basis h 2>&1); rc=$?
check_eq "decide partial --basis h is accepted" 0 "$rc"
check_has "... the basis is stored" "partial (Diberikan sebagian), Pasal 17 huruf h" \
	"$($C show "$RD" 2>/dev/null)"

# ---- the refusal names the current status --------------------------------
out=$($C act "$RD" forward 2>&1); rc=$?
check_eq "forward on a decided request is refused" 1 "$rc"
check_has "... naming the status (en)" "the request is 'decided'" "$out"
check_has "... naming the status (id)" "status permohonan saat ini 'decided'" "$out"

# ---- --received: a floor, and an explicit time is never "now" ------------
n0=$(nreq)
out=$(add "Nol" --received "1970-01-01 07:00" 2>&1); rc=$?
check_eq "--received 1970-01-01 07:00 (Unix time 0) is refused, not taken as now" 1 "$rc"
out=$($C add --name "Sebelum" --id 3201015708900001 --address "Jl. Pembangunan 11" \
	--occupation PNS --phone 081234567890 --info "Informasi apa saja" \
	--purpose "Uji coba sistem" --received "2010-04-29 23:59" 2>&1); rc=$?
check_eq "--received before 2010-04-30 is refused" 1 "$rc"
check_has "... naming the floor and why" "2010-04-30 00:00 WIB, when UU 14/2008 took effect" "$out"
check_eq "... nothing was registered" "$n0" "$(nreq)"
RF=$(add "Hari Pertama" --received "2010-04-30 00:00")
check_has "--received on 2010-04-30 is accepted" "/2010" "$RF"
check_eq "... with the time given" "2010-04-30 00:00 WIB (At the desk)" "$(field "$RF" Received)"
check_has "add --help names the floor" "2010-04-30" "$($C add --help)"

# ---- workdays DATE N and a request received on DATE agree ---------------
for d in "2026-11-27 10:00" "2026-11-28 10:00" "2026-11-29 23:00" \
	"2026-11-27 16:30" "2026-05-14 09:00" "2026-03-20 08:00" "2026-06-01 11:00"; do
	R=$(add "Tenggat $d" --received "$d")
	got=$(field "$R" Deadline | cut -c1-10)
	check_eq "deadline of a request received $d = workdays '$d' 10" \
		"$($C workdays "$d" 10 2>/dev/null)" "$got"
done
for d in 2026-11-27 2026-11-28 2026-05-15 2026-08-17; do
	R=$(add "Tanggal $d" --received "$d 09:00")
	check_eq "deadline of a request received on $d = workdays $d 10" \
		"$($C workdays "$d" 10 2>/dev/null)" "$(field "$R" Deadline | cut -c1-10)"
done
check_eq "workdays from a Saturday counts from Monday" "2026-12-14" "$($C workdays 2026-11-28 10 2>/dev/null)"
check_eq "workdays from a working day counts from that day" "2026-12-11" "$($C workdays 2026-11-27 10 2>/dev/null)"
check_eq "workdays after closing time counts from the next working day" "2026-12-14" \
	"$($C workdays '2026-11-27 16:30' 10 2>/dev/null)"
check_has "workdays --help says which day it counts from" "otherwise the next" "$($C workdays --help)"

# ---- regime: a key, not a flag --------------------------------------------
RE=$(add "Pemilu" --election --received "2026-11-27 10:00")
check_eq "add --election stores the regime key" "election" \
	"$(sqlite3 "$DB" "SELECT regime FROM requests WHERE regno = '$RE'")"
check_has "show names the regime" "election (3 + 2 working days)" "$(field "$RE" Regime)"
check_eq "election: 3 working days" "$($C workdays '2026-11-27 10:00' 3 2>/dev/null)" \
	"$(field "$RE" Deadline | cut -c1-10)"
check_eq "an ordinary request stores 'ordinary'" "ordinary" \
	"$(sqlite3 "$DB" "SELECT regime FROM requests WHERE regno = '$RN'")"

# ---- the permission table --------------------------------------------------
roles kabag
out=$($C show --reveal-id "$RN" 2>&1); rc=$?
check_eq "a kabag may not reveal an ID" 1 "$rc"
check_has "... told who may" "Only the desk or the PPID may see a full ID number" "$out"
check_lacks "... and no NIK is printed" "3201015708900001" "$out"
roles ppid
out=$($C show --reveal-id "$RN" 2>&1); rc=$?
check_eq "the PPID may reveal an ID" 0 "$rc"
check_has "... and sees it" "3201015708900001" "$out"
out=$($C add --name "Bukan Desk" --id 3201015708900001 --address "Jl. Pembangunan 11" \
	--occupation PNS --phone 081234567890 --info "Informasi apa saja" \
	--purpose "Uji coba sistem" 2>&1); rc=$?
check_eq "the PPID may not register a request" 1 "$rc"
check_has "... told who may" "Only the desk (or the kiosk) may register requests" "$out"
roles desk,kasubbag,ppid

# ---- requests.status has a CHECK; a display survives an unknown status ---
out=$(sqlite3 "$DB" "UPDATE requests SET status = 'appealed' WHERE regno = '$RD'" 2>&1); rc=$?
check "the database refuses a status it does not know" [ "$rc" != 0 ]
check_has "... by its CHECK" "CHECK constraint failed" "$out"
sqlite3 "$DB" "PRAGMA ignore_check_constraints = 1; UPDATE requests SET status = 'appealed' WHERE regno = '$RD'"
check_eq "(a newer version's status written past the CHECK)" "appealed" \
	"$(sqlite3 "$DB" "SELECT status FROM requests WHERE regno = '$RD'")"
out=$($C list 2>&1); rc=$?
check_eq "list does not crash on an unknown status" 0 "$rc"
check "... shows it as unknown" sh -c 'printf "%s\n" "$1" | grep -q "^$2 .* unknown "' x "$out" "$RD"
out=$($C list --format csv 2>&1); rc=$?
check_eq "list --format csv does not crash on it" 0 "$rc"
check_has "... shows it as unknown" "unknown" "$out"
$C list --open > "$T_DIR/open" 2>/dev/null
check_lacks "an unknown status is not listed as open" "$RD" "$(cat "$T_DIR/open")"
out=$($C show "$RD" 2>&1); rc=$?
check_eq "show does not crash on an unknown status" 0 "$rc"
check_has "... shows it as unknown" "Status               unknown (Status tidak dikenal)" "$out"
out=$($C act "$RD" note --note "coba" 2>&1); rc=$?
check_eq "no action is taken on an unknown status" 1 "$rc"
check_has "... saying why" "Unknown request status" "$out"
$C holidays add 2026-12-30 "Kantor tutup" --kind office > /dev/null 2>&1
check_eq "adding a holiday works with such a row present" 0 "$?"
check_eq "... and leaves its status as it was" "appealed" \
	"$(sqlite3 "$DB" "SELECT status FROM requests WHERE regno = '$RD'")"

# ---- an old database (schema 2, no CHECKs) upgrades with its data ---------
OLD="$T_DIR/old.db"
top=$(cd "$(dirname "$0")/../.." && pwd)
{
	cat "$top/sql/0001_init.sql" "$top/sql/0002_holidays_2026.sql"
	cat <<'SQL'
PRAGMA user_version = 2;
INSERT INTO requests (id, regno, reg_year, reg_seq, token, channel,
	received_at, created_at, name, id_type, id_number, address, info,
	purpose, obtain, delivery, regime, status, start_date, deadline,
	extensions, decision, basis, updated_at) VALUES
 (3, '0001/PPID/KPU-BKL/XI/2026', 2026, 1, 'ABCDEFGHJK', 'desk', 1795755600,
  1795755600, 'Lama Biasa', 'nik', '3201015708900001', 'Jl. Lama 1',
  'DPT 2024', 'Penelitian', 'hardcopy', 'pickup', 'ordinary', 'closed',
  '2026-11-27', '2026-12-11', 0, 'rejected', 'h', 1795755600),
 (5, '0002/PPID/KPU-BKL/XI/2026', 2026, 2, 'KLMNPQRSTU', 'letter', 1795755600,
  1795755600, 'Lama Pemilu', 'nik', '3201015708900001', 'Jl. Lama 2',
  'Rekap suara', 'Liputan', 'softcopy', 'pickup', 'election', 'forwarded',
  '2026-11-27', '2026-12-02', 0, NULL, '', 1795755600);
INSERT INTO events (request_id, at, actor, role, action, to_status) VALUES
 (3, 1795755600, 'budi', 'desk', 'submit', 'submitted'),
 (5, 1795755600, 'budi', 'desk', 'submit', 'submitted');
INSERT INTO print_jobs (request_id, document, created_at, updated_at)
 VALUES (5, 'receipt', 1795755600, 1795755600);
SQL
} | sqlite3 "$OLD"
check_eq "(an old database at schema 2)" 2 "$(sqlite3 "$OLD" 'PRAGMA user_version')"
out=$($CONSOLE --config "$T_DIR/kiosk.conf" --db "$OLD" init 2>&1); rc=$?
check_eq "init upgrades it" 0 "$rc"
check_has "... to the latest schema" "schema version 5" "$out"
O="$CONSOLE --config $T_DIR/kiosk.conf --db $OLD"
out=$($O list 2>&1)
check_has "its requests are listed after the upgrade" "0001/PPID/KPU-BKL/XI/2026" "$out"
check_has "... both of them" "0002/PPID/KPU-BKL/XI/2026" "$out"
out=$($O show 0002/PPID/KPU-BKL/XI/2026 2>&1)
check_has "the election regime is kept" "Regime               election" "$out"
check_has "... and its history" "submit" "$out"
check_has "the decision and basis are kept" "Pasal 17 huruf h" "$($O show 0001/PPID/KPU-BKL/XI/2026 2>&1)"
check_eq "ids, events and print jobs still match" "3 5 2 1" \
	"$(sqlite3 "$OLD" "SELECT group_concat(id, ' ') FROM (SELECT id FROM requests ORDER BY id); \
SELECT COUNT(*) FROM events e JOIN requests r ON r.id = e.request_id; \
SELECT COUNT(*) FROM print_jobs p JOIN requests r ON r.id = p.request_id" | tr '\n' ' ' | sed 's/ $//')"
check_eq "no reference is broken" "" "$(sqlite3 "$OLD" 'PRAGMA foreign_key_check')"
check_eq "the table is still STRICT" 1 \
	"$(sqlite3 "$OLD" "SELECT strict FROM pragma_table_list WHERE name = 'requests'")"
check_eq "the index and the no-delete trigger are back" 2 \
	"$(sqlite3 "$OLD" "SELECT COUNT(*) FROM sqlite_schema WHERE name IN ('requests_status', 'requests_no_delete')")"
sqlite3 "$OLD" "UPDATE requests SET status = 'appealed'" > /dev/null 2>&1
check "the upgraded table has the CHECK" [ "$?" != 0 ]
sqlite3 "$OLD" "UPDATE requests SET regime = 'bogus'" > /dev/null 2>&1
check "... on the regime too" [ "$?" != 0 ]
check_eq "... and kept its rows" 2 "$(sqlite3 "$OLD" 'SELECT COUNT(*) FROM requests')"
out=$($O act 0002/PPID/KPU-BKL/XI/2026 available 2>&1); rc=$?
check_eq "the upgraded database takes actions" 0 "$rc"

t_done
