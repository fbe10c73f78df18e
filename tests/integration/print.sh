#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# ppid-console print / printer / jobs against a private cupsd: a receipt and
# a notification come out as PDFs with the right content; paper out, a
# disabled queue, an unknown printer and CUPS down are reported in words,
# the request stays registered, the job row says what happened and no
# stale receipt prints after the fault clears.
. "$(dirname "$0")/../lib/testlib.sh"
t_tmpdir
# Filters run as user lp: they must reach the spool below this folder.
chmod 755 "$T_DIR"
me=$(id -un)
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
C="$CONSOLE --config $T_DIR/k.conf"
$C init > /dev/null 2>&1
R=$($C add --name "Ni Luh Putu Ayu Séla" --id 1771014708900001 --address "Jl. Merdeka 1, Bengkulu" \
	--occupation Guru --phone 081234567890 --received "2026-11-27 10:00" \
	--info "Daftar TPS Kota Bengkulu Pemilu 2024 beserta jumlah pemilih per TPS" \
	--purpose "Tugas sekolah" 2>/dev/null)

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
check_has "... which check-id reads back" "regno: $R" "$($C check-id "$qr" 2>/dev/null)"
check_has "jobs shows it done" "done" "$($C jobs 2>/dev/null)"

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
jobs=$($C jobs 2>/dev/null)
check_has "the job row says why" "cancelled" "$jobs"
out=$($C printer status --printer fake 2>&1); rc=$?
check_eq "printer status exits 1 when it cannot print" 1 "$rc"
: > "$CUPSDIR/fakeprn.state"
cupsenable fake 2>/dev/null
sleep 2
check_eq "no stale receipt printed after the fault clears" 0 "$(ls "$CUPSDIR/out" | grep -c '^job-')"

cupsdisable fake 2>/dev/null
out=$($C print receipt "$R" --printer fake --wait 5 2>&1); rc=$?
check_eq "disabled queue: refused" 1 "$rc"
check_has "... in words" "not printed:" "$out"
out=$($C print receipt "$R" --printer nosuch --wait 5 2>&1); rc=$?
check_eq "unknown printer: refused" 1 "$rc"
check_has "... in words" "Printer tidak ditemukan" "$out"
sh "$top/tests/lib/cupsd.sh" stop "$CUPSDIR" > /dev/null 2>&1
out=$($C print receipt "$R" --wait 5 2>&1); rc=$?
check_eq "CUPS down: refused" 1 "$rc"
check_has "... in words" "CUPS" "$out"
check_has "every failure is a job row" "failed" "$($C jobs 2>/dev/null)"
t_done
