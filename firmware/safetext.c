// SPDX-License-Identifier: GPL-2.0-or-later
/* Visible escapes for control characters; lengths in characters (GLib). */

#include <glib.h>
#include <string.h>

#include "safetext.h"

/* What a piece of input shows as: itself, or an escape. */
struct piece {
	const char *src; /* the input bytes */
	size_t len;	 /* how many */
	char esc[12];	 /* the escape, "" when shown as itself */
};

static bool reorders(gunichar c)
{
	/* Line/paragraph separators and the bidirectional controls: each can
	 * make a field look like another line or run backwards. */
	return c == 0x2028 || c == 0x2029 || c == 0x061C || c == 0x200E ||
	       c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
	       (c >= 0x2066 && c <= 0x2069);
}

/* Decode the character at @p p (never past the terminator). */
static void next_piece(const char *p, struct piece *pc)
{
	gunichar c = g_utf8_get_char_validated(p, -1);

	pc->src = p;
	pc->esc[0] = '\0';
	if (c == (gunichar)-1 || c == (gunichar)-2) {
		pc->len = 1;
		snprintf(pc->esc, sizeof(pc->esc), "\\x%02x",
			 (unsigned char)*p);
		return;
	}
	pc->len = (size_t)(g_utf8_next_char(p) - p);
	if (c == '\n')
		snprintf(pc->esc, sizeof(pc->esc), "\\n");
	else if (c == '\t')
		snprintf(pc->esc, sizeof(pc->esc), "\\t");
	else if (c == '\r')
		snprintf(pc->esc, sizeof(pc->esc), "\\r");
	else if (c < 0x20 || c == 0x7F)
		snprintf(pc->esc, sizeof(pc->esc), "\\x%02x", (unsigned)c);
	else if ((c >= 0x80 && c < 0xA0) || reorders(c))
		snprintf(pc->esc, sizeof(pc->esc), "\\u%04x", (unsigned)c);
}

/* Width of a piece as shown: one for a character, the escape's length. */
static size_t piece_width(const struct piece *pc)
{
	return *pc->esc ? strlen(pc->esc) : 1;
}

static size_t shown_width(const char *in)
{
	size_t w = 0;
	struct piece pc;

	for (const char *p = in; *p; p += pc.len) {
		next_piece(p, &pc);
		w += piece_width(&pc);
	}
	return w;
}

bool safetext_line(const char *in, size_t max_chars, char *out, size_t len)
{
	size_t used = 0, chars = 0, limit = (size_t)-1;
	struct piece pc;

	if (!len)
		return false;
	/* A cut keeps room for its "..." inside max_chars. */
	if (max_chars && shown_width(in) > max_chars)
		limit = max_chars > 3 ? max_chars - 3 : 0;
again:
	used = chars = 0;
	for (const char *p = in; *p; p += pc.len) {
		const char *show;
		size_t n, w;

		next_piece(p, &pc);
		show = *pc.esc ? pc.esc : pc.src;
		n = *pc.esc ? strlen(pc.esc) : pc.len;
		w = piece_width(&pc);
		if (chars + w > limit || used + n + 4 > len) {
			/* Cut between characters, and say so; a cut that the
			 * buffer forces must leave room for the "..." too. */
			if (max_chars && chars + 3 > max_chars &&
			    limit > max_chars) {
				limit = max_chars > 3 ? max_chars - 3 : 0;
				goto again;
			}
			if (used + 4 <= len)
				memcpy(out + used, "...", 4);
			else
				out[used] = '\0';
			return false;
		}
		memcpy(out + used, show, n);
		used += n;
		chars += w;
	}
	out[used] = '\0';
	return true;
}

int safetext_fold(FILE *f, const char *in, const char *indent)
{
	struct piece pc;

	for (const char *p = in; *p; p += pc.len) {
		next_piece(p, &pc);
		if (p[0] == '\r' && p[1] == '\n')
			continue; /* CRLF is one line break */
		if (*pc.src == '\n') {
			if (fprintf(f, "\n%s", indent) < 0)
				return -1;
		} else if (*pc.esc) {
			if (fputs(pc.esc, f) < 0)
				return -1;
		} else if (fwrite(pc.src, 1, pc.len, f) != pc.len) {
			return -1;
		}
	}
	return 0;
}

size_t safetext_chars(const char *in)
{
	size_t n = 0;
	struct piece pc;

	for (const char *p = in; *p; p += pc.len, n++)
		next_piece(p, &pc);
	return n;
}
