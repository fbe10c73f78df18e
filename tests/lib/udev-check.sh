#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# udev-check.sh RULES: exit 0 when udev accepts the rules file, else print
# why and exit 1.  Always a strict parse of every rule (known keys, the
# operator each allows, quoted values, no empty rule); then, as root with
# udevadm present, udev's own parser: the file is laid in /run/udev/rules.d
# for one `udevadm test` (which reads every rules file and names each
# error by file:line; udev 252 has no `udevadm verify`) and removed.  An
# unknown group is accepted only for the groups the package creates (ppid,
# gpio).
set -u
rules=$1
python3 - "$rules" <<'PY' || exit 1
import re, sys
MATCH = {"ACTION", "DEVPATH", "KERNEL", "KERNELS", "NAME", "SYMLINK",
         "SUBSYSTEM", "SUBSYSTEMS", "DRIVER", "DRIVERS", "TAG", "TAGS",
         "TEST", "PROGRAM", "RESULT", "CONST"}
ASSIGN = {"NAME", "SYMLINK", "OWNER", "GROUP", "MODE", "TAG", "RUN",
          "LABEL", "GOTO", "IMPORT", "OPTIONS", "SECLABEL", "ENV", "ATTR",
          "SYSCTL"}
ATTRKEYS = {"ATTR", "ATTRS", "ENV", "TEST", "IMPORT", "RUN", "SYSCTL",
            "SECLABEL", "CONST"}
ASSIGN_ONLY_EQ = {"LABEL", "GOTO"}
pair = re.compile(r'\s*([A-Z]+)(\{[^}]*\})?\s*(==|!=|\+=|-=|:=|=)\s*"((?:[^"\\]|\\.)*)"\s*(,|$)')
bad = 0
lines = open(sys.argv[1]).read().split("\n")
for n, line in enumerate(lines, 1):
    s = line.strip()
    if not s or s.startswith("#"):
        continue
    if s.endswith("\\"):
        print("%d: line continuation not expected" % n); bad += 1; continue
    pos, pairs = 0, []
    while pos < len(s):
        m = pair.match(s, pos)
        if not m:
            print("%d: cannot parse from: %s" % (n, s[pos:pos + 40])); bad += 1; break
        pairs.append(m.groups()[:4]); pos = m.end()
    else:
        for key, attr, op, val in pairs:
            if attr and key not in ATTRKEYS:
                print("%d: %s takes no {attribute}" % (n, key)); bad += 1
            if key in ATTRKEYS - {"RUN", "SECLABEL", "SYSCTL"} and key != "IMPORT" and not attr:
                print("%d: %s needs an {attribute}" % (n, key)); bad += 1
            if op in ("==", "!="):
                if key not in MATCH | {"ATTR", "ATTRS", "ENV"}:
                    print("%d: %s cannot be matched" % (n, key)); bad += 1
            else:
                if key not in ASSIGN:
                    print("%d: %s cannot be assigned (%s)" % (n, key, op)); bad += 1
                if key in ASSIGN_ONLY_EQ and op != "=":
                    print("%d: %s takes =" % (n, key)); bad += 1
            if key == "MODE" and op != "==" and not re.fullmatch(r"0?[0-7]{3,4}", val):
                print("%d: MODE %s is not octal" % (n, val)); bad += 1
        if not any(op in ("==", "!=") for _, _, op, _ in pairs):
            print("%d: a rule with no match applies to every device" % n); bad += 1
sys.exit(1 if bad else 0)
PY
if [ "$(id -u)" != 0 ] || ! command -v udevadm > /dev/null 2>&1; then
	echo "udev-check: parsed; udevadm's own check needs root and udevadm"
	exit 0
fi
name=99-ppid-check-$$.rules
mkdir -p /run/udev/rules.d
trap 'rm -f /run/udev/rules.d/$name' EXIT INT TERM
cp "$rules" "/run/udev/rules.d/$name"
out=$(udevadm test /sys/devices/virtual/mem/null 2>&1 | grep -F "/run/udev/rules.d/$name:" |
	grep -v -e "Unknown group 'ppid'" -e "Unknown group 'gpio'")
if [ -n "$out" ]; then
	printf '%s\n' "$out"
	exit 1
fi
echo "udev-check: udevadm test read the rules without a complaint"
