#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# `make run`: the product in simulation mode on a demo database under
# build/run/.  Until the kiosk's screens exist, this is the desk's alert
# stream (ppid-console watch); add requests or press the simulated call
# button from another shell and watch them arrive.
set -eu
BUILD=${1:-build}
RUN=$BUILD/run
mkdir -p "$RUN"
RUN=$(cd "$RUN" && pwd)
CONSOLE=$(cd "$BUILD" && pwd)/ppid-console

cat > "$RUN/kiosk.conf" <<CONF
# Demo configuration written by make run (assets/demo.sh).
[office]
name = KPU Provinsi Bengkulu
prefix = KPU-BKL
hours = 08:00-16:00

[database]
path = $RUN/demo.db

[cardreader]
backend = sim
fifo = $RUN/cardreader.fifo

[gpio]
backend = sim
fifo = $RUN/gpio.fifo
CONF
# The demo runs in development mode, asked for with PPID_DEV=1: every
# login holds every role, and each event records that it was made in
# development mode.  (Roles from [staff] are honoured only in a root-owned
# file, which a demo under build/ is not; a real install has neither.)
export PPID_DEV=1
C="$CONSOLE --config $RUN/kiosk.conf"
H=$C

if [ ! -f "$RUN/demo.db" ]; then
	$C init > /dev/null
	demo() {
		n=$1; shift
		printf '%s\n' "$4" | $C add --name "$n" \
			--address "Jl. Pembangunan No. 11, Padang Harapan, Bengkulu" \
			--occupation "$1" --phone "0812 7300 1122" --info "$2" --purpose "$3" \
			--id - --received "$5" 2>/dev/null
	}
	r1=$(demo "Rahmat Hidayat" Mahasiswa "Salinan Keputusan KPU Provinsi Bengkulu tentang penetapan DPT Pemilu 2024" "Bahan penelitian skripsi" 1771010101990001 "2026-11-02 09:10")
	r2=$(demo "Ni Luh Putu Sari" Wartawan "Data partisipasi pemilih per kabupaten/kota di Provinsi Bengkulu Pilkada 2024" "Bahan liputan" 1771015203850002 "2026-11-16 13:45")
	demo "Yayasan Bina Demokrasi" "Lembaga swadaya" "Laporan dana kampanye pasangan calon gubernur 2024" "Pemantauan pemilu" 1771012304800003 "2026-11-25 10:30" > /dev/null
	$C act "$r1" forward > /dev/null 2>&1
	$C act "$r1" coordinate --memo "ND-041/PP.07/2026" > /dev/null 2>&1
	$C act "$r2" forward > /dev/null 2>&1
	$C act "$r2" available > /dev/null 2>&1
fi

cat <<MSG

  PPID kiosk demo (simulation mode)
  database : $RUN/demo.db
  config   : $RUN/kiosk.conf

  The desk's alert stream follows.  From another shell, try:
    echo 1771014708900001 | PPID_DEV=1 $C add --name "Budi Santoso" --id - \\
        --address "Jl. Merdeka 1, Bengkulu" --occupation Guru --phone 081234567890 \\
        --info "Daftar TPS Kota Bengkulu Pemilu 2024" --purpose "Tugas sekolah"
    PPID_DEV=1 $C calls add button   (a visitor presses the call button)
    PPID_DEV=1 $H hw --listen        (the simulated reader and button:
        echo 1771014708900001 > $RUN/cardreader.fifo; echo press > $RUN/gpio.fifo)
    $C list
    $C show 0001/PPID/KPU-BKL/XI/2026
  Ctrl-C stops.

MSG
$C list 2>/dev/null
echo
exec $C watch --all
