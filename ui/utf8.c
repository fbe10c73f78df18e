// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * UTF-8 decoding and character stepping (see utf8.h).
 */

#include "utf8.h"

size_t ui_utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t c, min;
	size_t n;

	if (len == 0)
		return 0;
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if ((u[0] & 0xe0) == 0xc0) {
		n = 2;
		c = u[0] & 0x1fu;
		min = 0x80;
	} else if ((u[0] & 0xf0) == 0xe0) {
		n = 3;
		c = u[0] & 0x0fu;
		min = 0x800;
	} else if ((u[0] & 0xf8) == 0xf0) {
		n = 4;
		c = u[0] & 0x07u;
		min = 0x10000;
	} else {
		return 0;
	}
	if (len < n)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((u[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (u[i] & 0x3fu);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return n;
}

int ui_utf8_valid(const char *s, size_t len)
{
	uint32_t cp;

	for (size_t i = 0; i < len;) {
		size_t n = ui_utf8_decode(s + i, len - i, &cp);

		if (n == 0)
			return 0;
		i += n;
	}
	return 1;
}

size_t ui_utf8_count(const char *s, size_t len)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			n++;
	return n;
}

size_t ui_utf8_offset(const char *s, size_t len, size_t n)
{
	size_t i = 0;

	while (i < len && n > 0) {
		i++;
		while (i < len && ((unsigned char)s[i] & 0xc0) == 0x80)
			i++;
		n--;
	}
	return i;
}

int ui_utf8_is_combining(uint32_t cp)
{
	return (cp >= 0x0300 && cp <= 0x036f) ||
	       (cp >= 0x1ab0 && cp <= 0x1aff) ||
	       (cp >= 0x1dc0 && cp <= 0x1dff) ||
	       (cp >= 0x20d0 && cp <= 0x20ff) || (cp >= 0xfe20 && cp <= 0xfe2f);
}

/* The start of the code point that ends at @p off (> 0). */
static size_t prev_cp(const char *s, size_t off)
{
	do
		off--;
	while (off > 0 && ((unsigned char)s[off] & 0xc0) == 0x80);
	return off;
}

size_t ui_utf8_prev_char(const char *s, size_t off)
{
	uint32_t cp = 0;

	/* Step back over combining marks to the base they belong to. */
	while (off > 0) {
		size_t start = prev_cp(s, off);

		if (ui_utf8_decode(s + start, off - start, &cp) == 0)
			return start;
		off = start;
		if (!ui_utf8_is_combining(cp))
			break;
	}
	return off;
}

size_t ui_utf8_next_char(const char *s, size_t len, size_t off)
{
	uint32_t cp;
	size_t n;

	if (off >= len)
		return len;
	n = ui_utf8_decode(s + off, len - off, &cp);
	off += n ? n : 1;
	/* Take the combining marks that follow the base along. */
	while (off < len) {
		n = ui_utf8_decode(s + off, len - off, &cp);
		if (n == 0 || !ui_utf8_is_combining(cp))
			break;
		off += n;
	}
	return off;
}
