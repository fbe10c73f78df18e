#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# `list --format csv` read back by Python's csv module: names and texts with
# commas, quotes, newlines and formula-looking text come back cell by cell,
# formula cells carry the neutralising "'", and every record ends in CRLF.
# Then `holidays import` of RFC 4180 files (quoted commas, BOM, CRLF).
. "$(dirname "$0")/../lib/testlib.sh"
t_tmpdir
DB="$T_DIR/queue.db"
unset PPID_CONFIG
export PPID_DEV=1

if ! command -v python3 > /dev/null 2>&1; then
	fail "python3 is needed to read the CSV back (sh assets/deps.sh test)"
	exit 1
fi

# No configuration file: development mode today, and with PPID_DEV=1
# after it must be asked for; roles from a [staff] entry would need a
# root-owned file, which an ordinary user's test cannot make.
C="$CONSOLE --db $DB"
$C init > /dev/null 2>&1
check_eq "init" 0 "$?"

CONSOLE_CMD="$C" CSV_OUT="$T_DIR/list.csv" python3 - <<'PY'
import csv, os, shlex, subprocess, sys

console = shlex.split(os.environ["CONSOLE_CMD"])
out_path = os.environ["CSV_OUT"]
fails = 0

def check(what, ok, detail=""):
    global fails
    if ok:
        print("PASS: " + what)
    else:
        fails += 1
        print("FAIL: " + what + (" (" + detail + ")" if detail else ""))

# (name, info): single-line names, multi-line information.
cases = [
    ("Santoso, Budi", "Salinan DPT, Kota Bengkulu, Pemilu 2024"),
    ('O"Brien "Ahmad"', 'Dokumen "A", "B" dan "C" lengkap'),
    ("=SUM(A1)", "=HYPERLINK(\"http://contoh.id\",\"klik\")"),
    ("+1 Budi", "+62 812 3456 7890 dokumen"),
    ("-2 Siti", "-1+1 laporan keuangan"),
    ("@x", "@SUM(1,2) data pemilih"),
    ("Ani Rahma", "Baris satu\nBaris dua, \"kutip\"\nBaris tiga"),
    ("Dewi Lestari", "Baris CRLF satu\r\nBaris CRLF dua"),
    ("Eko Prasetyo", "\tTab di depan: dokumen anggaran"),
    ("Fajar Nugroho", "\rCR di depan: dokumen anggaran"),
    ("Gita 'Ayu'", "'=1 sudah dinetralkan oleh pengirim"),
]

def neutral(s):
    return "'" + s if s[:1] in ("=", "+", "-", "@", "\t", "\r") else s

regnos = {}
for name, info in cases:
    r = subprocess.run(console + [
        "add", "--name", name, "--id", "3201015708900001",
        "--address", "Jl. Pembangunan No. 11, Bengkulu",
        "--occupation", "Wiraswasta", "--phone", "0812 3456 7890",
        "--info", info, "--purpose", "Penelitian skripsi"],
        capture_output=True, text=True)
    check("add accepts the name %r" % name, r.returncode == 0,
          r.stderr.strip())
    regnos[r.stdout.strip()] = (name, info)

r = subprocess.run(console + ["list", "--format", "csv"],
                   capture_output=True)
check("list --format csv exits 0", r.returncode == 0,
      r.stderr.decode(errors="replace"))
raw = r.stdout
with open(out_path, "wb") as f:
    f.write(raw)

# Every record ends in CRLF: outside quotes, each LF follows a CR.
inq, prev, bare = False, b"", 0
for i in range(len(raw)):
    c = raw[i:i + 1]
    if c == b'"':
        inq = not inq
    elif c == b"\n" and not inq and prev != b"\r":
        bare += 1
    prev = c
check("every record ends in CRLF", bare == 0 and raw.endswith(b"\r\n"),
      "%d bare LF" % bare)
check("quotes are balanced", not inq)

with open(out_path, newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f, strict=True))
header = rows[0]
check("the header comes first", header[:4] ==
      ["regno", "received", "channel", "name"], repr(header))
check("one record per request", len(rows) == 1 + len(cases),
      "%d rows" % len(rows))
col = {k: i for i, k in enumerate(header)}
seen = 0
for row in rows[1:]:
    check("record %s has %d cells" % (row[0], len(header)),
          len(row) == len(header), repr(row))
    if row[0] not in regnos or len(row) != len(header):
        continue
    seen += 1
    name, info = regnos[row[0]]
    check("name cell of %s reads back as %r" % (row[0], neutral(name)),
          row[col["name"]] == neutral(name), repr(row[col["name"]]))
    check("info cell of %s reads back exactly" % row[0],
          row[col["info"]] == neutral(info), repr(row[col["info"]]))
    bad = [k for k in header
           if row[col[k]][:1] in ("=", "+", "-", "@", "\t", "\r")]
    check("no cell of %s can start a formula" % row[0], not bad, repr(bad))
check("every request was found in the CSV", seen == len(cases),
      "%d of %d" % (seen, len(cases)))
sys.exit(1 if fails else 0)
PY
rc=$?
check_eq "the Python reader found no difference" 0 "$rc"

# holidays import reads RFC 4180: a quoted name keeps its comma and quotes.
printf '\357\273\277day,kind,name,source\r\n# test data\r\n2030-03-20,national,"Idul Fitri, hari ""pertama""","SKB 3 Menteri, 2029"\r\n\r\n2030-03-21,leave,Cuti bersama\r\n' > "$T_DIR/quoted.csv"
out=$($C holidays import "$T_DIR/quoted.csv" 2>&1); rc=$?
check_eq "holidays import of a quoted file (BOM, CRLF, header, comment)" 0 "$rc"
check_has "... stores both rows" "2 holiday(s)" "$out"
out=$($C holidays list 2030 2>/dev/null)
check_has "... the name keeps its comma and quotes" 'Idul Fitri, hari "pertama"' "$out"
check_has "... and the second row" "Cuti bersama" "$out"
printf '2031-01-01,national,Tahun Baru\n2031-03-20,national,Idul Fitri, hari pertama,SKB 2030\n' > "$T_DIR/unquoted.csv"
out=$($C holidays import "$T_DIR/unquoted.csv" 2>&1); rc=$?
check_eq "an unquoted comma in a name is refused" 1 "$rc"
check_has "... naming the file and line" "unquoted.csv:2:" "$out"
check_has "... and what is wrong" "found 5 fields" "$out"
check_lacks "... and nothing is stored (not even line 1)" "Tahun Baru" "$($C holidays list 2031 2>/dev/null)"
printf '2031-01-01,national,Hari "Raya"\n' > "$T_DIR/quote.csv"
out=$($C holidays import "$T_DIR/quote.csv" 2>&1); rc=$?
check_eq "a bare quote inside a field is refused" 1 "$rc"
check_has "... with the line" "quote.csv:1: misplaced quote" "$out"
t_done
