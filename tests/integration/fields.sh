#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Field rules seen through `ppid-console add`: a 15- or 17-digit ID is
# refused as a mistyped NIK (not stored as "other"), one-line fields refuse
# U+2028 / U+2029, and a name of invisible or filler characters is refused;
# each refusal gives the message in Indonesian and English.
. "$(dirname "$0")/../lib/testlib.sh"
t_tmpdir
DB="$T_DIR/queue.db"
unset PPID_CONFIG
export PPID_DEV=1

# No configuration file: development mode today, and with PPID_DEV=1
# after it must be asked for; roles from a [staff] entry would need a
# root-owned file, which an ordinary user's test cannot make.
C="$CONSOLE --db $DB"
$C init > /dev/null 2>&1
check_eq "init" 0 "$?"

# add NAME ID [options]
add() {
	n=$1 id=$2
	shift 2
	$C add --name "$n" --id "$id" --address "Jl. Pembangunan No. 11, Bengkulu" \
		--occupation Wiraswasta --phone "0812 3456 7890" \
		--info "Salinan DPT Kota Bengkulu Pemilu 2024" --purpose "Penelitian skripsi" "$@"
}

out=$(add "Budi Santoso" 320101570890001 2>&1); rc=$?
check_eq "a 15-digit ID is refused" 1 "$rc"
check_has "... as a mistyped NIK" "only 15 digits" "$out"
check_has "... in Indonesian too" "hanya 15 angka" "$out"
out=$(add "Budi Santoso" "3201 0157 0890 00011" 2>&1); rc=$?
check_eq "a 17-digit ID typed in groups is refused" 1 "$rc"
check_has "... as a mistyped NIK" "17 digits" "$out"
check_eq "nothing was stored" "" "$($C list --format csv 2>/dev/null | tail -n +2)"
R=$(add "Budi Santoso" "3201 0157 0890 0001" 2>/dev/null)
check_has "16 digits typed in groups are an NIK" "/PPID/" "$R"
check_has "... stored as one" "ID (nik)" "$($C show "$R" 2>/dev/null)"
R=$(add "Budi Santoso" 012345678901000 --id-type other 2>/dev/null)
check_has "15 digits with --id-type other are another document" "/PPID/" "$R"

LSEP=$(printf '\342\200\250')
PSEP=$(printf '\342\200\251')
out=$(add "Budi${LSEP}Status: closed" 3201015708900001 2>&1); rc=$?
check_eq "a name with U+2028 is refused" 1 "$rc"
check_has "... saying it must be one line" "single line" "$out"
check_has "... in Indonesian too" "satu baris" "$out"
out=$(add "Budi Santoso" 3201015708900001 --occupation "Guru${PSEP}CALL" 2>&1); rc=$?
check_eq "an occupation with U+2029 is refused" 1 "$rc"
R=$(add "Budi Santoso" 3201015708900001 --address "Jl. Pembangunan No. 11${LSEP}Bengkulu" 2>/dev/null)
check_has "a multi-line address may hold U+2028" "/PPID/" "$R"

for name in '\343\205\244\343\205\244' '\342\200\213\342\200\213' '\342\240\200\342\240\200' \
	'\314\201\314\201' '\357\276\240 \341\205\237'; do
	n=$(printf "$name")
	out=$(add "$n" 3201015708900001 2>&1); rc=$?
	check_eq "an invisible name ($name) is refused" 1 "$rc"
	check_has "... as invisible" "invisible characters" "$out"
done
t_done
