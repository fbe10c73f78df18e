#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# SOP step 5 from the console: the desk hands the information over
# (`handover REGNO --form F --note WHAT`, or the same through `act`), which
# closes the visitor's waiting pickup call, and prints the data receipt
# (tanda terima data) for
# the requester's signature through the private cupsd (a PDF, read with
# pdftotext); refusals for the wrong role, state, form and decision.
. "$(dirname "$0")/../lib/testlib.sh"
if ! root_owned_ok; then
	skip "$0: [staff] needs a root-owned configuration file: not root, and $T_ROOT_OWNED_WHY"
	exit 0
fi
t_tmpdir
chmod 755 "$T_DIR"
me=$(as_root_owned id -un)
unset PPID_CONFIG
top=$(cd "$(dirname "$0")/../.." && pwd)
CUPSDIR="$T_DIR/cups"
sh "$top/tests/lib/cupsd.sh" start "$CUPSDIR" > /dev/null 2>&1 || { fail "private cupsd starts"; exit 1; }
T_CLEANUP="sh '$top/tests/lib/cupsd.sh' stop '$CUPSDIR' >/dev/null 2>&1"
export CUPS_SERVER="$CUPSDIR/run/cups.sock"

cat > "$T_DIR/k.conf" <<CONF
[office]
name = KPU Provinsi Bengkulu
city = Bengkulu
prefix = KPU-BKL
[database]
path = $T_DIR/q.db
[printer]
receipt = testpdf
letter = testpdf
[staff]
$me = desk,kasubbag,ppid
CONF
sed "s/^$me = .*/$me = ppid/" "$T_DIR/k.conf" > "$T_DIR/ppid.conf"
C="as_root_owned $CONSOLE --config $T_DIR/k.conf"
P="as_root_owned $CONSOLE --config $T_DIR/ppid.conf"
$C init > /dev/null 2>&1
R=$($C add --name "Ni Luh Putu Ayu Séla" --id 1771014708900001 --address "Jl. Merdeka 1, Bengkulu" \
	--occupation Guru --phone 081234567890 --received "2026-11-27 10:00" \
	--info "Daftar TPS Kota Bengkulu Pemilu 2024" --purpose "Tugas sekolah" 2>/dev/null)
[ -n "$R" ] || { fail "add printed a registration number"; exit 1; }
$C act "$R" forward > /dev/null 2>&1
$C act "$R" available > /dev/null 2>&1
$C act "$R" decide --decision granted > /dev/null 2>&1
out=$($C handover "$R" --form usb --note "Daftar TPS (PDF, 12 halaman)" 2>&1); rc=$?
check_eq "no handover before the written notification" 1 "$rc"
check_has "... saying the request's status" "decided" "$out"
$C act "$R" notify > /dev/null 2>&1
$C handover --receipt "$R" --output "$T_DIR/none.pdf" > /dev/null 2>&1
check_eq "no data receipt before a handover" 1 "$?"
pick=$($C calls add pickup "$R" 2>/dev/null)
out=$($P handover "$R" --form usb --note "Daftar TPS" 2>&1); rc=$?
check_eq "the PPID may not hand over (the desk does)" 1 "$rc"
out=$($C handover "$R" --form fax --note "Daftar TPS" 2>&1); rc=$?
check_eq "an unknown form is refused" 1 "$rc"
check_has "... naming the forms" "printed, usb, disc, email or viewed" "$out"
$C handover "$R" --form usb > /dev/null 2>&1
check_eq "what was given is required" 1 "$?"
$C handover "$R" --form usb --note x --no-print --output "$T_DIR/x.pdf" > /dev/null 2>&1
check_eq "--no-print with --output is a usage error" 2 "$?"
$C act "$R" close --form usb > /dev/null 2>&1
check_eq "another action does not take a form" 1 "$?"
out=$($C handover "$R" --form usb --note "Daftar TPS Kota Bengkulu (PDF, 12 halaman)" 2>&1); rc=$?
check_eq "the desk hands it over and the data receipt prints" 0 "$rc"
check_has "... it says so" "$R: handed over (usb)" "$out"
check_has "... on the letter printer" "printed $R on testpdf" "$out"
check_eq "the request stays notified" "notified" "$(sqlite3 "$T_DIR/q.db" "SELECT status FROM requests WHERE regno = '$R'")"
check_eq "the waiting pickup call is closed" "$me" \
	"$(sqlite3 "$T_DIR/q.db" "SELECT acked_by FROM calls WHERE id = $pick")"
check_lacks "... no longer pending" "pickup" "$($C calls --pending 2>/dev/null)"
hist=$($C show "$R" 2>/dev/null)
check_has "the history says what, in which form" "form usb; Daftar TPS Kota Bengkulu (PDF, 12 halaman)" "$hist"
check_has "... by whom and in which role" "handover" "$hist"
check_eq "the event records login and role" "$me|desk" \
	"$(sqlite3 "$T_DIR/q.db" "SELECT actor || '|' || role FROM events WHERE action = 'handover'")"

txt=$(pdftotext -layout "$CUPSDIR/out/testpdf.pdf" - 2>/dev/null)
check_has "the data receipt has its title" "TANDA TERIMA DATA" "$txt"
check_has "... the number" "$R" "$txt"
check_has "... the requester with diacritics" "Séla" "$txt"
check_has "... the masked ID" "1771********0001" "$txt"
check_lacks "... never the full NIK" "1771014708900001" "$txt"
check_has "... what was given" "Daftar TPS Kota Bengkulu (PDF, 12 halaman)" "$txt"
check_has "... in which form" "flashdisk/USB" "$txt"
check_has "... the cost" "Rp 0 (gratis)" "$txt"
check_has "... the requester's signature block" "Yang menerima" "$txt"
check_has "... the desk's" "Yang menyerahkan" "$txt"
check_has "... the place and date" "Bengkulu, " "$txt"
check_has "an A4 page" "595.2" "$(pdfinfo "$CUPSDIR/out/testpdf.pdf" 2>/dev/null | grep 'Page size')"
check_has "the job row names the document" "data_receipt" "$($C jobs 2>/dev/null)"
$C handover --receipt "$R" --output "$T_DIR/d.pdf" > /dev/null 2>&1
check_eq "... printed again, or to a file" 0 "$?"
check_has "... the same content" "Daftar TPS Kota Bengkulu (PDF, 12 halaman)" "$(pdftotext -layout "$T_DIR/d.pdf" - 2>/dev/null)"

# Nothing to hand over after a rejection.
R2=$($C add --name "Made Wirawan" --id 1771014708900001 --address "Jl. Merdeka 2" \
	--occupation Petani --phone 081234567891 --info "Memo internal" --purpose Arsip 2>/dev/null)
$C act "$R2" forward > /dev/null 2>&1
$C act "$R2" exclude --basis i > /dev/null 2>&1
$C act "$R2" notify > /dev/null 2>&1
out=$($C act "$R2" handover --form printed --note "Memo" 2>&1); rc=$?
check_eq "a rejected request has nothing to hand over" 1 "$rc"
check_has "... saying so" "nothing to hand over" "$out"
t_done
