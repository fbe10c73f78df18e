#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The Debian package (make test-package; about 2.5 minutes, so not in
# `make test`): `make package` gives a .deb whose dependencies are runtime
# libraries only; lintian reports no error; where the cross packages are
# installed, the same for arm64 and armhf; then, as root only, on this
# machine: dpkg -i creates the kiosk's user and the staff group, the
# database 0660 in a 2770 folder, the enabled unit and the rules; a second
# install keeps a changed configuration; dpkg --purge removes everything
# when the register is empty, and keeps a register that holds a request
# (with its user and group, and says so).  The machine is left as found.
. "$(dirname "$0")/../lib/testlib.sh"
top=$(cd "$(dirname "$0")/../.." && pwd)
for c in dpkg-buildpackage dh lintian; do
	if ! command -v $c > /dev/null 2>&1; then
		skip "$0: $c missing (sh assets/deps.sh package)"
		exit 0
	fi
done
t_tmpdir
make -s -C "$top" package > "$T_DIR/build.out" 2>&1
check_eq "make package" 0 "$?"
deb=$(ls "$top"/build/package/ppid-kiosk_*_"$(dpkg --print-architecture)".deb 2>/dev/null | head -1)
check "... gives a .deb for $(dpkg --print-architecture)" test -f "$deb"
[ -f "$deb" ] || { cat "$T_DIR/build.out"; t_done; exit 1; }
deps=$(dpkg-deb -f "$deb" Depends)
check_has "it depends on the runtime libraries" "libsqlite3-0" "$deps"
check_lacks "... and on no -dev package" "-dev" "$deps"
check_lacks "... nor on a compiler" "gcc" "$deps"
lintian --fail-on error "$deb" > "$T_DIR/lintian" 2>&1
check_eq "lintian reports no error" 0 "$?"
grep '^[EW]:' "$T_DIR/lintian" | sed 's/^/  lintian: /'
check_eq "... nor a warning" 0 "$(grep -c '^W:' "$T_DIR/lintian")"
check_eq "the configuration is a conffile" "/etc/ppid-kiosk/kiosk.conf" \
	"$(dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./conffiles 2>/dev/null)"

# Cross-built for the Pi, where the cross packages are here (deps.sh cross).
for a in arm64 armhf; do
	if ! dpkg-checkbuilddeps -a "$a" "$top/debian/control" > /dev/null 2>&1; then
		skip "$0: no $a package: its build dependencies are missing (sh assets/deps.sh cross)"
		continue
	fi
	make -s -C "$top" package DEB_ARCH=$a > "$T_DIR/build-$a.out" 2>&1
	check_eq "make package DEB_ARCH=$a" 0 "$?"
	xdeb=$(ls "$top"/build/package-$a/ppid-kiosk_*_$a.deb 2>/dev/null | head -1)
	check_eq "... a .deb for $a" "$a" "$(dpkg-deb -f "$xdeb" Architecture 2>/dev/null)"
	rm -rf "$T_DIR/x" && dpkg-deb -x "$xdeb" "$T_DIR/x" 2>/dev/null
	case $a in arm64) m="ARM aarch64" ;; armhf) m="ARM, EABI5" ;; esac
	check_has "... whose programs are $m" "$m" "$(file -L "$T_DIR/x/usr/bin/ppid-kiosk" "$T_DIR/x/usr/bin/ppid-console")"
	lintian --fail-on error "$xdeb" > "$T_DIR/lintian-$a" 2>&1
	check_eq "... lintian reports no error" 0 "$?"
	check_eq "... nor a warning" 0 "$(grep -c '^W:' "$T_DIR/lintian-$a")"
done

if [ "$(id -u)" != 0 ]; then
	skip "$0: dpkg -i / --purge on this machine need root"
	t_done
	exit
fi
if dpkg-query -W -f='${Status}' ppid-kiosk 2>/dev/null | grep -q installed; then
	skip "$0: ppid-kiosk is installed on this machine already: not touched"
	t_done
	exit
fi
had_gpio=$(getent group gpio > /dev/null && echo yes)
T_CLEANUP="dpkg --purge ppid-kiosk > /dev/null 2>&1; rm -rf /var/lib/ppid-kiosk;
	deluser --system ppid-kiosk > /dev/null 2>&1; delgroup --system ppid > /dev/null 2>&1;
	[ -n \"$had_gpio\" ] || delgroup --system gpio > /dev/null 2>&1"

dpkg -i "$deb" > "$T_DIR/i.out" 2>&1
check_eq "dpkg -i installs it" 0 "$?"
check "the ppid-kiosk user exists, a system user" test "$(id -u ppid-kiosk 2>/dev/null || echo 99999)" -lt 1000
check_eq "... in the ppid group" ppid "$(id -gn ppid-kiosk 2>/dev/null)"
check_eq "... without a login shell" /usr/sbin/nologin "$(getent passwd ppid-kiosk | cut -d: -f7)"
check "the gpio group exists (the unit's SupplementaryGroups)" sh -c 'getent group gpio > /dev/null'
check_eq "/var/lib/ppid-kiosk: 2770 ppid-kiosk:ppid" "2770 ppid-kiosk:ppid" \
	"$(stat -c '%a %U:%G' /var/lib/ppid-kiosk)"
check_eq "the database: 0660 ppid-kiosk:ppid" "660 ppid-kiosk:ppid" \
	"$(stat -c '%a %U:%G' /var/lib/ppid-kiosk/queue.db 2>&1)"
check "... a working one" sh -c 'runuser -u ppid-kiosk -- /usr/bin/ppid-console list > /dev/null 2>&1'
check "the unit is installed" test -f /lib/systemd/system/ppid-kiosk.service
check "... and enabled (started at boot)" \
	test -L /etc/systemd/system/multi-user.target.wants/ppid-kiosk.service
check "the udev rules are installed" test -f /lib/udev/rules.d/70-ppid-kiosk.rules
check "man ppid-kiosk finds the page" sh -c 'man -w ppid-kiosk > /dev/null'
check_eq "the configuration: 0644 root" "644 root" "$(stat -c '%a %U' /etc/ppid-kiosk/kiosk.conf)"
echo "# local change" >> /etc/ppid-kiosk/kiosk.conf
dpkg -i --force-confold "$deb" > "$T_DIR/i2.out" 2>&1
check_eq "a second dpkg -i (an update)" 0 "$?"
check_has "... keeps the changed configuration" "# local change" "$(cat /etc/ppid-kiosk/kiosk.conf)"

# An empty register: purge leaves nothing.
dpkg --purge ppid-kiosk > "$T_DIR/p.out" 2>&1
check_eq "dpkg --purge" 0 "$?"
check "... removes the configuration" test ! -e /etc/ppid-kiosk
check "... the (empty) database and its folder" test ! -e /var/lib/ppid-kiosk
check "... the user" sh -c '! getent passwd ppid-kiosk'
check "... the group" sh -c '! getent group ppid'
check "... the unit's enablement" test ! -e /etc/systemd/system/multi-user.target.wants/ppid-kiosk.service
check "... and the programs" test ! -e /usr/bin/ppid-kiosk

# A register with a request: purge keeps it, with its owner.
dpkg -i "$deb" > "$T_DIR/i3.out" 2>&1
printf '[staff]\nppid-kiosk = desk\n' >> /etc/ppid-kiosk/kiosk.conf
R=$(printf '3201015708900001\n' | runuser -u ppid-kiosk -- /usr/bin/ppid-console add --id - \
	--name "Budi Santoso" --address "Jl. Merdeka 1" --occupation Guru \
	--phone 081234567890 --info "Salinan DPT" --purpose "Penelitian skripsi" 2>/dev/null)
check_has "a request in the installed register" "/PPID/" "$R"
dpkg --purge ppid-kiosk > "$T_DIR/p2.out" 2>&1
check_eq "dpkg --purge with a request in the register" 0 "$?"
check_has "... says it kept the register" "kept /var/lib/ppid-kiosk/queue.db" "$(cat "$T_DIR/p2.out")"
check_eq "... which still holds the request" 1 \
	"$(sqlite3 /var/lib/ppid-kiosk/queue.db "SELECT COUNT(*) FROM requests WHERE regno = '$R'")"
check "... with its owner" sh -c 'getent passwd ppid-kiosk > /dev/null'
check "... but the configuration is gone" test ! -e /etc/ppid-kiosk
t_done
