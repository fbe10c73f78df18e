#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# ppid-kiosk's own loop, headless (SDL's dummy video driver, the software
# renderer): a usage error exits 2; it starts, says "ready" once the first
# frame is shown, writes the screen as a PNG and the tap targets as JSON
# lines; a card read from the sim FIFO moves the screen on; an idle
# welcome screen costs (almost) no CPU; SIGTERM ends it with status 0.
. "$(dirname "$0")/../lib/testlib.sh"
t_tmpdir
KIOSK="$PPID_BUILD/ppid-kiosk"
unset PPID_CONFIG
DB="$T_DIR/queue.db"
RUN="$T_DIR/run"
printf '[office]\nname = PPID Kota Bengkulu\n' > "$T_DIR/kiosk.conf"
"$CONSOLE" --db "$DB" init > /dev/null 2>&1

"$KIOSK" --lang xx > /dev/null 2>&1
check_eq "a bad --lang is a usage error (2)" 2 "$?"
"$KIOSK" --windowed 800 > /dev/null 2>&1
check_eq "a bad --windowed is a usage error (2)" 2 "$?"

SDL_VIDEODRIVER=dummy SDL_FRAMEBUFFER_ACCELERATION=0 "$KIOSK" \
	--config "$T_DIR/kiosk.conf" --db "$DB" --windowed 800x480 --sim \
	--run-dir "$RUN" --screenshot "$T_DIR/s.png" \
	--targets "$T_DIR/t.json" --software 2> "$T_DIR/err" &
PID=$!
T_CLEANUP="kill $PID 2>/dev/null"
i=0
while [ $i -lt 100 ] && ! grep -q '^ppid-kiosk: ready' "$T_DIR/err"; do
	sleep 0.1
	i=$((i + 1))
done
check_has "ready once the first frame is shown" \
	"ppid-kiosk: ready (scene welcome)" "$(cat "$T_DIR/err")"
check_eq "the first targets line names the scene, language and focus" \
	'{"scene":"welcome","lang":"id","focus":"REQUEST"}' \
	"$(head -1 "$T_DIR/t.json")"
check_has "the request choice is a target in window pixels" \
	'"id":"REQUEST","index":0,"label":"Ajukan Permohonan Informasi","x":' \
	"$(cat "$T_DIR/t.json")"
check_eq "the screenshot is a PNG" "$(printf '\211PNG')" \
	"$(head -c 4 "$T_DIR/s.png")"
check "the sim FIFOs are under --run-dir" \
	[ -p "$RUN/cardreader.fifo" -a -p "$RUN/gpio.fifo" ]

# Idle: no busy loop (ticks of 10 ms over 3 s).
t0=$(awk '{print $14 + $15}' "/proc/$PID/stat")
sleep 3
t1=$(awk '{print $14 + $15}' "/proc/$PID/stat")
check "idle on the welcome screen: under 3 % CPU ($((t1 - t0)) ticks in 3 s)" \
	[ $((t1 - t0)) -le 9 ]

echo 3201015708900001 > "$RUN/cardreader.fifo"
i=0
while [ $i -lt 50 ] && ! head -1 "$T_DIR/t.json" | grep -q '"scene":"form"'; do
	sleep 0.1
	i=$((i + 1))
done
check_has "a card read starts the form" '"scene":"form"' \
	"$(head -1 "$T_DIR/t.json")"
check_has "... with the name field focused" '"focus":"INPUT_FIELD"' \
	"$(head -1 "$T_DIR/t.json")"

kill -TERM $PID
wait $PID
check_eq "SIGTERM ends it with status 0" 0 "$?"
T_CLEANUP=""
t_done
