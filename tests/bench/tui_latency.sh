#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The TUI's alert latency and idle cost, as rows of `make bench`'s table:
# from the end of a `ppid-console add` in another process (its commit) to
# the name on the TUI's screen (tmux capture-pane, polled as fast as it
# goes: the figure includes that polling), p50 / p90 / max over N
# submissions; then the TUI's wake-ups (voluntary context switches) and
# CPU time over 5 s with nothing changing.  A measurement, never a test.
#   sh tests/bench/tui_latency.sh [BUILD] [N]
set -u
BUILD=${1:-build}
N=${2:-50}
top=$(cd "$(dirname "$0")/../.." && pwd)
command -v tmux > /dev/null 2>&1 || { echo "| tui latency: no tmux |"; exit 0; }
D=$(mktemp -d -t ppidtuibench.XXXXXX)
SOCK="ppid-tuibench-$$"
trap 'tmux -L $SOCK kill-server 2>/dev/null; rm -rf "$D"' EXIT INT TERM
: > "$D/empty.conf"
export PPID_DEV=1
C="$top/$BUILD/ppid-console --db $D/q.db --config $D/empty.conf"
$C init > /dev/null 2>&1
tmux -L "$SOCK" -f /dev/null new-session -d -x 80 -y 24 \
	"env LANG=C.UTF-8 TERM=xterm-256color $C 2>/dev/null; sleep 600"
i=0
until tmux -L "$SOCK" capture-pane -p | grep -q "Baru/New"; do
	sleep 0.1
	i=$((i + 1))
	[ $i -gt 100 ] && { echo "| tui latency: the TUI did not start |"; exit 0; }
done
i=0
while [ $i -lt "$N" ]; do
	i=$((i + 1))
	n="Bench$i Latensi"
	echo 3201015708900001 | $C add --name "$n" --id - \
		--address "Jl. Merdeka No. 5, Bengkulu" --occupation Guru \
		--phone "0813 1111 2222" --info "Rekap hasil" --purpose "Bahan ajar" \
		> /dev/null 2>&1
	t1=$(date +%s%N)
	while ! tmux -L "$SOCK" capture-pane -p | grep -q "$n"; do :; done
	t2=$(date +%s%N)
	echo $(((t2 - t1) / 1000000))
done | sort -n > "$D/ms"
row() { printf '| %-44s | %12s | %-9s |\n' "$1" "$2" "$3"; }
row "tui: commit to screen, p50 ($N submits)" "$(sed -n "$((N / 2))p" "$D/ms")" ms
row "tui: commit to screen, p90" "$(sed -n "$((N * 9 / 10))p" "$D/ms")" ms
row "tui: commit to screen, max" "$(tail -1 "$D/ms")" ms
# Idle: after dbwatch's last follow-up check, nothing should wake it.
sleep 1.5
pp=$(tmux -L "$SOCK" display -p '#{pane_pid}')
cp=$(pgrep -P "$pp" | head -1)
w0=$(awk '/^voluntary_ctxt_switches/ { print $2 }' "/proc/$cp/status")
c0=$(awk '{ print $14 + $15 }' "/proc/$cp/stat")
sleep 5
w1=$(awk '/^voluntary_ctxt_switches/ { print $2 }' "/proc/$cp/status")
c1=$(awk '{ print $14 + $15 }' "/proc/$cp/stat")
row "tui: idle wake-ups in 5 s" "$((w1 - w0))" wake-ups
row "tui: idle CPU in 5 s" "$((c1 - c0))" ticks
