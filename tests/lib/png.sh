# SPDX-License-Identifier: GPL-2.0-or-later
# PNG checks for the end-to-end tests, with python3's standard library only
# (zlib): the kiosk's --screenshot files are 8-bit RGB or RGBA, not
# interlaced.  Source it.
#
#   png_stat FILE   print "W H LIT" (LIT: pixels that are not black), or
#                   fail (exit 1) when FILE is not such a PNG

png_stat() {
	python3 - "$1" << 'PY'
import struct, sys, zlib
try:
    data = open(sys.argv[1], "rb").read()
except OSError:
    sys.exit(1)
if data[:8] != b"\x89PNG\r\n\x1a\n":
    sys.exit(1)
pos, idat, w = 8, b"", 0
while pos + 8 <= len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if kind == b"IHDR":
        w, h, depth, ctype, _, _, lace = struct.unpack(">IIBBBBB", body)
        if depth != 8 or ctype not in (2, 6) or lace:
            sys.exit(1)
        bpp = 3 if ctype == 2 else 4
    elif kind == b"IDAT":
        idat += body
    pos += 12 + n
if not w:
    sys.exit(1)
raw, stride = zlib.decompress(idat), w * bpp
prev, lit, off = bytearray(stride), 0, 0
for y in range(h):
    f, line = raw[off], bytearray(raw[off + 1:off + 1 + stride])
    off += 1 + stride
    for i in range(stride):
        a = line[i - bpp] if i >= bpp else 0
        b = prev[i]
        c = prev[i - bpp] if i >= bpp else 0
        if f == 1:
            line[i] = (line[i] + a) & 255
        elif f == 2:
            line[i] = (line[i] + b) & 255
        elif f == 3:
            line[i] = (line[i] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            pr = a if pa <= pb and pa <= pc else b if pb <= pc else c
            line[i] = (line[i] + pr) & 255
    for x in range(0, stride, bpp):
        if line[x] or line[x + 1] or line[x + 2]:
            lit += 1
    prev = line
print(w, h, lit)
PY
}
