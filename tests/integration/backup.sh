#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# ppid-console backup FILE: a copy taken while another process keeps
# writing (SQLite's online backup) opens, passes PRAGMA integrity_check, is
# one snapshot (a whole number of the writer's transactions), one file
# (no -wal), mode 0600; an existing FILE is never overwritten; a failure
# leaves nothing behind; and the documented restore gives a working
# database.
. "$(dirname "$0")/../lib/testlib.sh"
for c in python3 sqlite3; do
	if ! command -v $c > /dev/null 2>&1; then
		skip "$0: $c missing (sh assets/deps.sh test)"
		exit 0
	fi
done
t_tmpdir
DB="$T_DIR/queue.db"
unset PPID_CONFIG
export PPID_DEV=1
: > "$T_DIR/empty.conf"
C="$CONSOLE --db $DB --config $T_DIR/empty.conf"
NIK=3201015708900001
$C init > /dev/null 2>&1
R1=$(printf '%s\n' "$NIK" | $C add --id - --name "Budi Santoso" --address "Jl. Merdeka 1, Bengkulu" \
	--occupation Guru --phone 081234567890 --info "Salinan DPT" \
	--purpose "Penelitian skripsi" --received "2026-11-02 09:00" 2>/dev/null)
check_has "a request to back up" "/PPID/" "$R1"

# A writer that never stops: transactions of 50 rows (each row a batch
# number), about 8 MB already there so that the copy takes a while.
cat > "$T_DIR/writer.py" <<'PY'
import os, sqlite3, sys
db = sqlite3.connect(sys.argv[1], timeout=30, isolation_level=None)
db.execute("PRAGMA journal_mode=WAL")
db.execute("CREATE TABLE IF NOT EXISTS stress (batch INTEGER, pad BLOB)")
db.execute("BEGIN")
for i in range(2000):
    db.execute("INSERT INTO stress VALUES (0, randomblob(4000))")
db.execute("COMMIT")
def mark(text):
    with open(sys.argv[2] + ".tmp", "w") as f:
        f.write(text)
    os.replace(sys.argv[2] + ".tmp", sys.argv[2])
mark("filled\n")
batch = 1
while True:
    db.execute("BEGIN IMMEDIATE")
    for i in range(50):
        db.execute("INSERT INTO stress VALUES (?, randomblob(200))", (batch,))
    db.execute("COMMIT")
    mark("%d\n" % batch)
    batch += 1
PY
python3 "$T_DIR/writer.py" "$DB" "$T_DIR/batches" 2> "$T_DIR/writer.err" &
WPID=$!
T_CLEANUP="kill $WPID 2>/dev/null"
i=0
while [ $i -lt 200 ] && ! grep -q '^[1-9]' "$T_DIR/batches" 2>/dev/null; do sleep 0.05; i=$((i + 1)); done
b0=$(cat "$T_DIR/batches")
ok=0
for n in 1 2 3; do
	out=$($C backup "$T_DIR/copy$n.db" 2>&1); rc=$?
	[ "$rc" = 0 ] && ok=$((ok + 1))
done
b1=$(cat "$T_DIR/batches")
kill $WPID 2>/dev/null
wait $WPID 2>/dev/null
check_eq "three backups while the writer writes all succeed" 3 "$ok"
check_has "... saying so" "integrity ok" "$out"
check "... the writer went on meanwhile (batch $b0 to $b1)" test "$b1" -gt "$b0"
check_eq "... and never failed" "" "$(grep -v '^$' "$T_DIR/writer.err" | grep -v Terminated)"
for n in 1 2 3; do
	f="$T_DIR/copy$n.db"
	check_eq "copy $n passes PRAGMA integrity_check" ok "$(sqlite3 "$f" 'PRAGMA integrity_check')"
	check_eq "... holds the request" "$R1" "$(sqlite3 "$f" 'SELECT regno FROM requests')"
	# One snapshot: every batch the copy holds is whole.
	check_eq "... only whole transactions of the writer" "" \
		"$(sqlite3 "$f" 'SELECT batch FROM stress WHERE batch > 0 GROUP BY batch HAVING COUNT(*) <> 50')"
	check_eq "... mode 0600" 600 "$(stat -c %a "$f")"
	check_eq "... journal_mode delete: one file" delete "$(sqlite3 "$f" 'PRAGMA journal_mode')"
done
check_eq "no -wal, -shm or partial file left beside the copies" "" \
	"$(ls "$T_DIR" | grep -e '^copy.*-wal' -e '^copy.*-shm' -e 'partial')"
check "the later copy saw the later writes" test \
	"$(sqlite3 "$T_DIR/copy3.db" 'SELECT MAX(batch) FROM stress')" -ge \
	"$(sqlite3 "$T_DIR/copy1.db" 'SELECT MAX(batch) FROM stress')"
out=$($C show "$R1" 2>&1 --db "$T_DIR/copy1.db")
check_has "ppid-console reads a copy" "Budi Santoso" "$out"

# ---- refusals ---------------------------------------------------------------------
echo keep > "$T_DIR/exists.db"
out=$($C backup "$T_DIR/exists.db" 2>&1); rc=$?
check_eq "an existing file is refused" 1 "$rc"
check_has "... saying why" "never overwritten" "$out"
check_eq "... and kept as it was" keep "$(cat "$T_DIR/exists.db")"
out=$($C backup "$T_DIR/no/such/dir.db" 2>&1); rc=$?
check_eq "a folder that does not exist is refused" 1 "$rc"
check_has "... naming it" "$T_DIR/no/such/dir.db" "$out"
out=$($CONSOLE --db "$T_DIR/missing.db" --config "$T_DIR/empty.conf" backup "$T_DIR/m.db" 2>&1); rc=$?
check_eq "a missing database is refused" 1 "$rc"
check "... and leaves no file" test ! -e "$T_DIR/m.db"
head -c 8192 /dev/urandom > "$T_DIR/junk.db"
out=$($CONSOLE --db "$T_DIR/junk.db" --config "$T_DIR/empty.conf" backup "$T_DIR/j.db" 2>&1); rc=$?
check_eq "a file that is no database is refused" 1 "$rc"
check_eq "... and leaves nothing behind" "" "$(ls "$T_DIR" | grep '^j\.db')"
$C backup > /dev/null 2>&1
check_eq "backup without FILE is a usage error" 2 "$?"

# ---- the documented restore (docs/INSTALL-PI.md) ----------------------------------
# The kiosk is stopped; the copy goes in the database's place, the old -wal
# and -shm go; the register is the copy's.
R2=$(printf '%s\n' "$NIK" | $C add --id - --name "Siti Aminah" --address "Jl. Merdeka 2" \
	--occupation Guru --phone 081234567890 --info "Daftar TPS" \
	--purpose "Penelitian skripsi" 2>/dev/null)
rm -f "$DB" "$DB-wal" "$DB-shm"
install -m 0660 "$T_DIR/copy1.db" "$DB"
check_eq "after the restore the database passes its check" ok "$(sqlite3 "$DB" 'PRAGMA integrity_check')"
out=$($C list 2>/dev/null)
check_has "... holds the request backed up" "$R1" "$out"
check_lacks "... and not the one made after the backup" "$R2" "$out"
R3=$(printf '%s\n' "$NIK" | $C add --id - --name "Rahmat" --address "Jl. Merdeka 3" \
	--occupation Guru --phone 081234567890 --info "Daftar TPS" \
	--purpose "Penelitian skripsi" 2>/dev/null)
check_has "... and takes new requests" "/PPID/" "$R3"
t_done
