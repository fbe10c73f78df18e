#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# make install: the tree it gives under DESTDIR for PREFIX=/usr and
# /usr/local, man pages that render without a warning and that name every
# option, command and key the programs have, a systemd unit that
# `systemd-analyze verify` accepts, the udev rules, and make uninstall.
# (That an existing kiosk.conf is kept: hardening.sh.)
. "$(dirname "$0")/../lib/testlib.sh"
top=$(cd "$(dirname "$0")/../.." && pwd)
if [ "$PPID_BUILD" != "$top/build" ]; then
	skip "$0: make install is checked once, with the normal build"
	exit 0
fi
t_tmpdir
D="$T_DIR/d"
make -s -C "$top" install DESTDIR="$D" PREFIX=/usr > "$T_DIR/out" 2>&1
check_eq "make install DESTDIR=... PREFIX=/usr" 0 "$?"
tree=$(cd "$D" && find . -type f -printf '%m %p\n' | sort -k2)
want="755 ./usr/bin/ppid-console
755 ./usr/bin/ppid-kiosk
644 ./etc/ppid-kiosk/kiosk.conf
644 ./lib/systemd/system/ppid-kiosk.service
644 ./lib/udev/rules.d/70-ppid-kiosk.rules
644 ./usr/share/doc/ppid-kiosk/INSTALL-PI.md
644 ./usr/share/man/man1/ppid-console.1
644 ./usr/share/man/man5/kiosk.conf.5
644 ./usr/share/man/man8/ppid-kiosk.8"
check_eq "... installs exactly these files, with these modes" \
	"$(printf '%s\n' "$want" | sort -k2)" "$tree"
check_has "the unit starts the installed kiosk" "ExecStart=/usr/bin/ppid-kiosk" \
	"$(cat "$D/lib/systemd/system/ppid-kiosk.service")"

L="$T_DIR/l"
make -s -C "$top" install DESTDIR="$L" PREFIX=/usr/local > "$T_DIR/out" 2>&1
check_eq "make install PREFIX=/usr/local" 0 "$?"
check "... the programs in /usr/local/bin" test -x "$L/usr/local/bin/ppid-kiosk"
check "... the man pages in /usr/local/share/man" test -f "$L/usr/local/share/man/man8/ppid-kiosk.8"
check_has "... the unit in /usr/local/lib/systemd/system, starting /usr/local/bin's kiosk" \
	"ExecStart=/usr/local/bin/ppid-kiosk" "$(cat "$L/usr/local/lib/systemd/system/ppid-kiosk.service" 2>&1)"
check "... the udev rule in /etc/udev/rules.d (udev reads no /usr/local)" \
	test -f "$L/etc/udev/rules.d/70-ppid-kiosk.rules"
check "... the configuration stays /etc/ppid-kiosk/kiosk.conf" test -f "$L/etc/ppid-kiosk/kiosk.conf"

# ---- man pages ----------------------------------------------------------------
M="$D/usr/share/man"
for p in man1/ppid-console.1 man5/kiosk.conf.5 man8/ppid-kiosk.8; do
	out=$(MANWIDTH=80 man --warnings -l "$M/$p" 2>&1 > "$T_DIR/page"); rc=$?
	check_eq "man renders $p" 0 "$rc"
	check_eq "... without a warning" "" "$out"
	check "... to some text" test "$(wc -l < "$T_DIR/page")" -gt 40
done
page() { MANWIDTH=200 man -l "$M/$1" 2>/dev/null; }
# Every long option in the kiosk's usage is in its page.
k=$(page man8/ppid-kiosk.8)
for o in $("$PPID_BUILD/ppid-kiosk" --help | grep -o -- '--[a-z-]*' | sort -u); do
	check_has "ppid-kiosk(8) documents $o" "$o" "$k"
done
# The font files the kiosk opens (ui/font.c) are named in FILES.
for f in $(grep -o '"/usr/share/fonts/[^"]*"' "$top/ui/font.c" | tr -d '"' | sort -u); do
	check_has "ppid-kiosk(8) names the font $f" "$f" "$k"
done
# Every console command in its overview is in its page.
c=$(page man1/ppid-console.1)
for cmd in $("$CONSOLE" help | sed -n 's/^  \([a-z-]*\) .*/\1/p'); do
	check_has "ppid-console(1) documents '$cmd'" "       $cmd" "$c"
done
# Every key of the shipped configuration is in kiosk.conf(5), under its
# section.
cf=$(page man5/kiosk.conf.5)
sec=""
while read -r line; do
	case "$line" in
	"["*"]") sec=$line ;;
	"#"[a-z]*" ="*)
		key=${line#\#}; key=${key%% =*}
		body=$(printf '%s\n' "$cf" | sed -n "/^$(printf '%s' "$sec" | sed 's/[][]/\\&/g')/,/^\[/p")
		check_has "kiosk.conf(5) documents $sec $key" "$key" "$body" ;;
	esac
done < "$top/assets/kiosk.conf"

# ---- the systemd unit -----------------------------------------------------------
U="$D/lib/systemd/system/ppid-kiosk.service"
if command -v systemd-analyze > /dev/null 2>&1; then
	# verify needs ExecStart on this machine: the copy names the one under
	# DESTDIR; the man pages it checks (Documentation=) are DESTDIR's.
	mkdir -p "$T_DIR/unit"
	sed "s|^ExecStart=/usr/bin/|ExecStart=$D/usr/bin/|" "$U" > "$T_DIR/unit/ppid-kiosk.service"
	out=$(MANPATH="$M" systemd-analyze verify "$T_DIR/unit/ppid-kiosk.service" 2>&1); rc=$?
	check_eq "systemd-analyze verify accepts the unit" 0 "$rc"
	check_eq "... without a word" "" "$out"
	# A broken unit is refused: the check is not blind.
	sed 's/^Type=notify/Type=notfy/' "$T_DIR/unit/ppid-kiosk.service" > "$T_DIR/unit/bad.service"
	out=$(MANPATH="$M" systemd-analyze verify "$T_DIR/unit/bad.service" 2>&1)
	check_has "... and complains about a broken one" "service type" "$out"
else
	skip "systemd-analyze missing: the unit is not verified"
fi
for kv in Type=notify WatchdogSec=30 Restart=always User=ppid-kiosk Group=ppid \
	"SupplementaryGroups=video render input gpio" StateDirectory=ppid-kiosk \
	StateDirectoryMode=2770 UMask=0007 ProtectSystem=strict ProtectHome=yes \
	PrivateTmp=yes NoNewPrivileges=yes DevicePolicy=closed "DeviceAllow=char-drm rw" \
	"DeviceAllow=char-input rw" "DeviceAllow=char-gpiochip rw" \
	WantedBy=multi-user.target; do
	check "the unit sets $kv" grep -qx "$kv" "$U"
done

# ---- the udev rules -------------------------------------------------------------
sh "$top/tests/lib/udev-check.sh" "$D/lib/udev/rules.d/70-ppid-kiosk.rules" > "$T_DIR/udev" 2>&1
check_eq "the udev rules parse" 0 "$?"
cat "$T_DIR/udev"

# ---- uninstall ----------------------------------------------------------------------
make -s -C "$top" uninstall DESTDIR="$D" PREFIX=/usr > "$T_DIR/out" 2>&1
check_eq "make uninstall" 0 "$?"
check_eq "... leaves only the configuration (the site's own)" "./etc/ppid-kiosk/kiosk.conf" \
	"$(cd "$D" && find . -type f)"
t_done
