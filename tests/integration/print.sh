#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# ppid-console print / printer / jobs against a private cupsd: a receipt and
# a notification come out as PDFs with the right content; paper out, a
# disabled queue, an unknown printer and CUPS down are reported in words,
# the request stays registered, the job row says what happened and no
# stale receipt prints after the fault clears.
. "$(dirname "$0")/../lib/testlib.sh"
# The private cupsd runs as this user; only the console runs with the
# root-owned configuration that [staff] needs (see testlib.sh).
if ! root_owned_ok; then
	skip "$0: [staff] needs a root-owned configuration file: not root, and $T_ROOT_OWNED_WHY"
	exit 0
fi
t_tmpdir
# Filters run as user lp: they must reach the spool below this folder.
chmod 755 "$T_DIR"
me=$(as_root_owned id -un)
unset PPID_CONFIG
top=$(cd "$(dirname "$0")/../.." && pwd)
CUPSDIR="$T_DIR/cups"
sh "$top/tests/lib/cupsd.sh" start "$CUPSDIR" > /dev/null 2>&1 || { fail "private cupsd starts"; exit 1; }
T_CLEANUP="sh '$top/tests/lib/cupsd.sh' stop '$CUPSDIR' >/dev/null 2>&1"
export CUPS_SERVER="$CUPSDIR/run/cups.sock"

cat > "$T_DIR/k.conf" <<CONF
[database]
path = $T_DIR/q.db
[printer]
receipt = testpdf
letter = testpdf
receipt_timeout_s = 20
[staff]
$me = desk,kasubbag,ppid
CONF
C="as_root_owned $CONSOLE --config $T_DIR/k.conf"
$C init > /dev/null 2>&1
R=$($C add --name "Ni Luh Putu Ayu Séla" --id 1771014708900001 --address "Jl. Merdeka 1, Bengkulu" \
	--occupation Guru --phone 081234567890 --received "2026-11-27 10:00" \
	--info "Daftar TPS Kota Bengkulu Pemilu 2024 beserta jumlah pemilih per TPS" \
	--purpose "Tugas sekolah" 2>/dev/null)
[ -n "$R" ] || { fail "add printed a registration number (got nothing)"; exit 1; }

# newest_job: "ID STATE" of the newest job row (jobs lists newest first).
newest_job() { $C jobs 2>/dev/null | awk 'NR == 2 { print $1, $4 }'; }
# check_newest WHAT PREVIOUS-ID STATE: a new job row, in STATE.
check_newest() {
	nj=$(newest_job)
	id=${nj%% *}
	st=${nj#* }
	if [ -n "$id" ] && [ "$id" -gt "$2" ] && [ "$st" = "$3" ]; then
		pass "$1"
	else
		fail "$1 (newest job row '$nj', expected a job after #$2 in state $3)"
	fi
}
prev=0

check_eq "printer status: ready" 0 "$($C printer status > "$T_DIR/st" 2>&1; echo $?)"
check_has "... in words" "Printer siap" "$(cat "$T_DIR/st")"
out=$($C print receipt "$R" 2>&1); rc=$?
check_eq "print receipt succeeds" 0 "$rc"
check_has "... and says where" "printed $R on testpdf" "$out"
txt=$(pdftotext -layout "$CUPSDIR/out/testpdf.pdf" - 2>/dev/null)
check_has "the printed receipt has the number" "KPU-BKL/XI/2026" "$txt"
check_has "... the masked ID" "1771********0001" "$txt"
check_lacks "... never the full NIK" "1771014708900001" "$txt"
check_has "... the deadline" "11 Desember 2026" "$txt"
check_has "... the name with its diacritics" "Séla" "$txt"
check_has "an 80 mm page" "226.77" "$(pdfinfo "$CUPSDIR/out/testpdf.pdf" 2>/dev/null | grep 'Page size')"
pdftoppm -r 300 -png "$CUPSDIR/out/testpdf.pdf" "$T_DIR/r" 2>/dev/null
qr=$(zbarimg --raw -q "$T_DIR"/r-1.png 2>/dev/null)
check_has "the QR code carries the receipt payload" "PPID1|$R|" "$qr"
check_has "... which check-id reads back" "regno: $R" "$(printf "%s\n" "$qr" | $C check-id 2>/dev/null)"
check_newest "jobs shows it done" "$prev" "done"
prev=$(newest_job | cut -d' ' -f1)

$C print notification "$R" > /dev/null 2>&1
check_eq "no notification before a decision" 1 "$?"
$C act "$R" forward >/dev/null 2>&1; $C act "$R" coordinate --memo ND-1 >/dev/null 2>&1
$C act "$R" decide --decision rejected --basis h >/dev/null 2>&1
check_eq "print notification --output" 0 "$($C print notification "$R" --output "$T_DIR/n.pdf" >/dev/null 2>&1; echo $?)"
txt=$(pdftotext -layout "$T_DIR/n.pdf" - 2>/dev/null)
check_has "the notification names the decision" "PEMBERITAHUAN TERTULIS" "$txt"
check_has "... and the Pasal 17 letter" "huruf h" "$txt"
check_has "an A4 page" "595.2" "$(pdfinfo "$T_DIR/n.pdf" 2>/dev/null | grep 'Page size')"

# Paper out: reported in words, job cancelled, nothing stale afterwards.
echo "media-empty-error" > "$CUPSDIR/fakeprn.state"
out=$($C print receipt "$R" --printer fake --wait 8 2>&1); rc=$?
check_eq "paper out: print fails" 1 "$rc"
check_has "... in words" "Kertas habis" "$out"
check_has "the request is still registered" "$R" "$($C list 2>/dev/null)"
check_newest "paper out: the newest job row is cancelled" "$prev" cancelled
prev=$(newest_job | cut -d' ' -f1)
out=$($C printer status --printer fake 2>&1); rc=$?
check_eq "printer status exits 1 when it cannot print" 1 "$rc"
# The receipt printer out of paper never stops a registration.
sed 's/^receipt = testpdf$/receipt = fake/' "$T_DIR/k.conf" > "$T_DIR/kfake.conf"
R2=$(as_root_owned $CONSOLE --config "$T_DIR/kfake.conf" add --name "Made Wirawan" --id 1771014708900001 \
	--address "Jl. Merdeka 2, Bengkulu" --occupation Petani --phone 081234567891 \
	--info "Daftar calon tetap DPRD Provinsi Bengkulu" --purpose "Arsip pribadi" 2>/dev/null); rc=$?
check_eq "paper out: a request can still be registered" 0 "$rc"
check_has "... and gets its number" "/PPID/KPU-BKL/" "$R2"
: > "$CUPSDIR/fakeprn.state"
cupsenable fake 2>/dev/null
# A marker job goes through the queue behind anything still pending there
# (bounded: 10 s): once it is out, a stale receipt would be out too.
marker=$(lp -d fake "$T_DIR/n.pdf" 2>/dev/null | sed -n 's/^request id is fake-\([0-9]*\) .*/\1/p')
i=0
while [ -n "$marker" ] && [ ! -s "$CUPSDIR/out/job-$marker.bin" ] && [ $i -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
check "the fake queue prints again once the fault clears" test -s "$CUPSDIR/out/job-${marker:-none}.bin"
stale=0
for f in "$CUPSDIR"/out/job-*.bin; do
	[ -e "$f" ] && [ "$f" != "$CUPSDIR/out/job-$marker.bin" ] && stale=$((stale + 1))
done
check_eq "no stale receipt printed after the fault clears" 0 "$stale"

cupsdisable fake 2>/dev/null
out=$($C print receipt "$R" --printer fake --wait 5 2>&1); rc=$?
check_eq "disabled queue: refused" 1 "$rc"
check_has "... in words" "not printed:" "$out"
check_newest "disabled queue: the newest job row is failed" "$prev" failed
prev=$(newest_job | cut -d' ' -f1)
out=$($C print receipt "$R" --printer nosuch --wait 5 2>&1); rc=$?
check_eq "unknown printer: refused" 1 "$rc"
check_has "... in words" "Printer tidak ditemukan" "$out"
check_newest "unknown printer: the newest job row is failed" "$prev" failed
prev=$(newest_job | cut -d' ' -f1)
sh "$top/tests/lib/cupsd.sh" stop "$CUPSDIR" > /dev/null 2>&1
out=$($C print receipt "$R" --wait 5 2>&1); rc=$?
check_eq "CUPS down: refused" 1 "$rc"
check_has "... in words" "CUPS" "$out"
check_newest "CUPS down: the newest job row is failed" "$prev" failed
t_done
