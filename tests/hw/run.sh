#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Hardware-level tests (make test-hw): the libgpiod backend against a gpio-sim
# chip, the evdev card reader against a uinput keyboard.  Each part runs only
# where the kernel offers its simulator and we are root; otherwise it says
# why it skipped.  Exit status 0 unless a test that ran failed.
#   sh tests/hw/run.sh BUILD_DIR
set -u
build=${1:?usage: sh tests/hw/run.sh BUILD_DIR}
rc=0

run() { # run NAME [VAR=value...]: one test binary of $build/tests
	t=$build/tests/$1
	shift
	if [ ! -x "$t" ]; then
		echo "FAIL: $t is missing (make tests-build first)"
		rc=1
		return
	fi
	env "$@" "$t" || rc=1
}

gpio_sim() {
	cfs=/sys/kernel/config/gpio-sim
	if [ "$(id -u)" != 0 ]; then
		echo "skipped: gpio-sim tests need root"
		return
	fi
	[ -d "$cfs" ] || modprobe gpio-sim 2>/dev/null
	if [ ! -d "$cfs" ] && [ -d /sys/kernel/config ] &&
		! mountpoint -q /sys/kernel/config; then
		mount -t configfs none /sys/kernel/config 2>/dev/null
	fi
	if [ ! -d "$cfs" ]; then
		echo "skipped: no gpio-sim in this kernel (CONFIG_GPIO_SIM)"
		return
	fi

	dev=$cfs/ppid-hw-$$
	btn=ppid-btn-$$
	led=ppid-led-$$
	if mkdir "$dev" "$dev/bank0" &&
		echo 4 > "$dev/bank0/num_lines" &&
		mkdir "$dev/bank0/line0" "$dev/bank0/line1" &&
		echo "$btn" > "$dev/bank0/line0/name" &&
		echo "$led" > "$dev/bank0/line1/name" &&
		echo 1 > "$dev/live"; then
		sysdir=/sys/devices/platform/$(cat "$dev/dev_name")/$(cat "$dev/bank0/chip_name")
		echo "gpio-sim chip $(cat "$dev/bank0/chip_name"): lines $btn, $led"
		run test_gpio_hw PPID_GPIOSIM_DIR="$sysdir" \
			PPID_GPIOSIM_BTN="$btn" PPID_GPIOSIM_LED="$led"
	else
		echo "FAIL: cannot create a gpio-sim chip under $cfs"
		rc=1
	fi
	[ -f "$dev/live" ] && echo 0 > "$dev/live"
	rmdir "$dev/bank0/line0" "$dev/bank0/line1" "$dev/bank0" "$dev" 2>/dev/null
}

uinput() {
	if [ "$(id -u)" != 0 ]; then
		echo "skipped: uinput tests need root"
		return
	fi
	[ -e /dev/uinput ] || modprobe uinput 2>/dev/null
	if [ ! -c /dev/uinput ]; then
		echo "skipped: no /dev/uinput in this kernel (CONFIG_INPUT_UINPUT)"
		return
	fi
	if [ ! -d /dev/input ]; then
		echo "skipped: no /dev/input (no udev/devtmpfs input nodes here)"
		return
	fi
	run test_cardreader_hw PPID_HW_UINPUT=1
}

echo "== GPIO (gpio-sim)"
gpio_sim
echo "== card reader (uinput)"
uinput
[ "$rc" = 0 ] && echo "hardware tests: ok (or skipped)" || echo "hardware tests: FAILED"
exit "$rc"
