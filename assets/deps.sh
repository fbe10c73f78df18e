#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Installs the Debian packages the project needs and the machine lacks.
#   sh assets/deps.sh build    what `make` needs
#   sh assets/deps.sh test     + what `make test` needs (compilers, cupsd, PDF tools)
#   sh assets/deps.sh run      what an installed kiosk needs at run time (on the Pi)
#   sh assets/deps.sh demo     + what `make run` needs (a private cupsd, Xvfb)
#   sh assets/deps.sh package  + what `make package` / `make test-package` need
#   sh assets/deps.sh cross    the arm64 and armhf cross compilers, the -dev
#                              packages of both (multiarch: the architectures
#                              are added to dpkg first) and qemu-user-static
# As root it runs apt-get; otherwise it prints the exact command and stops.
# Nothing missing: it exits 0 silently, as any user.
#   sh assets/deps.sh build --check   only print the missing packages on one
#                                     line (exit 1 if any), never install
set -eu
what=${1:-test}
check=${2:-}

RUNTIME="libsqlite3-0 libinih1 libgpiod2 libcups2 libcairo2 libpango-1.0-0 \
	libpangocairo-1.0-0 libfontconfig1 libqrencode4 libncursesw6 libudev1 libevdev2 \
	libcsv3 fonts-dejavu-core cups gpiod libsdl2-2.0-0 libsdl2-ttf-2.0-0 fonts-noto-core libpng16-16 libsystemd0 libcrypt1 libwayland-client0 libx11-6"
BUILD="make gcc pkg-config xxd libsqlite3-dev libinih-dev libgpiod-dev libcups2-dev \
	libcairo2-dev libpango1.0-dev libfontconfig-dev libqrencode-dev libncurses-dev
	libudev-dev libevdev-dev libcsv-dev
	fonts-dejavu-core libsdl2-dev libsdl2-ttf-dev fonts-noto-core libpng-dev libsystemd-dev libcrypt-dev libwayland-dev libx11-dev"
TEST="$BUILD libcmocka-dev clang libclang-rt-14-dev cups cups-client tmux \
	poppler-utils zbar-tools sqlite3 clang-format python3 xvfb xdotool x11-utils x11-xkb-utils weston python3-xlib \
	systemd udev man-db"

PACKAGE="$BUILD dpkg-dev debhelper fakeroot lintian man-db sqlite3 file"
# The -dev packages the build links against, for each Pi architecture.
CROSS_DEV="libsqlite3-dev libinih-dev libgpiod-dev libcups2-dev libcairo2-dev \
	libpango1.0-dev libfontconfig-dev libqrencode-dev libncurses-dev libudev-dev \
	libevdev-dev libcsv-dev libsdl2-dev libsdl2-ttf-dev libpng-dev libcmocka-dev \
	libsystemd-dev libcrypt-dev libwayland-dev libx11-dev"
CROSS="make pkg-config xxd sqlite3 python3 gcc-aarch64-linux-gnu \
	gcc-arm-linux-gnueabihf qemu-user-static"
for a in arm64 armhf; do
	for p in $CROSS_DEV; do
		CROSS="$CROSS $p:$a"
	done
done

case "$what" in
build) want=$BUILD ;;
package) want=$PACKAGE ;;
cross) want=$CROSS ;;
test) want=$TEST ;;
run) want=$RUNTIME ;;
demo) want="$BUILD cups cups-client xvfb xdotool" ;;
*) echo "usage: sh assets/deps.sh build|test|run|demo|package|cross [--check]" >&2; exit 2 ;;
esac

missing=""
for p in $want; do
	st=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
	case "$st" in
	*" installed") ;;
	*) missing="$missing $p" ;;
	esac
done
[ -z "$missing" ] && exit 0
if [ "$check" = --check ]; then
	echo "${missing# }"
	exit 1
fi

echo "deps: missing Debian packages:$missing"
if [ "$(id -u)" != 0 ]; then
	echo "deps: run as root:  apt-get update && apt-get install -y --no-install-recommends$missing" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
if [ "$what" = cross ]; then
	for a in arm64 armhf; do
		dpkg --print-foreign-architectures | grep -qx "$a" || dpkg --add-architecture "$a"
	done
fi
apt-get update -q >/dev/null
# shellcheck disable=SC2086
apt-get install -y -q --no-install-recommends $missing >/dev/null
echo "deps: installed$missing"
