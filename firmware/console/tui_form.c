// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The TUI's small forms: a few labelled fields (text, masked text, a
 * choice) over the screen, edited at their end in UTF-8, modal until
 * saved or cancelled.
 */

#define NCURSES_WIDECHAR 1

#include <curses.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "tui.h"

#define FORM_LABEL_W 28 /* the labels' column */

/* Append wide character @p wc to @p buf (UTF-8) if it fits. */
static void append(char *buf, size_t len, wchar_t wc)
{
	char mb[MB_LEN_MAX];
	mbstate_t st;
	size_t n, at = strlen(buf);

	memset(&st, 0, sizeof(st));
	n = wcrtomb(mb, wc, &st);
	if (n == (size_t)-1 || at + n + 1 > len)
		return;
	memcpy(buf + at, mb, n);
	buf[at + n] = '\0';
}

/* Remove the last UTF-8 character of @p buf. */
static void backspace(char *buf)
{
	size_t n = strlen(buf);

	while (n > 0) {
		n--;
		if (((unsigned char)buf[n] & 0xC0) != 0x80)
			break;
	}
	buf[n] = '\0';
}

/* What a field shows: the end of its text that fits, a secret masked
 * but for its last four characters, a choice between arrows. */
static void field_text(const struct tui_field *f, int w, char *out, size_t len)
{
	if (f->type == TUI_FIELD_CHOICE) {
		snprintf(out, len, "< %s >", f->choices[f->choice]);
		return;
	}
	if (f->type == TUI_FIELD_SECRET) {
		size_t n = strlen(f->buf), i;

		for (i = 0; i < n && i + 1 < len; i++)
			out[i] = i + 4 < n ? '*' : f->buf[i];
		out[i] = '\0';
	} else {
		snprintf(out, len, "%s", f->buf);
	}
	/* Long text: its end, where the typing happens. */
	while (tui_width(out) > w - 1 && *out) {
		size_t k = 1;

		while (out[k] && ((unsigned char)out[k] & 0xC0) == 0x80)
			k++;
		memmove(out, out + k, strlen(out + k) + 1);
	}
}

static void draw_form(struct tui *t, const char *title, struct tui_field *f,
		      int n, int cur, const char *msg)
{
	int y0 = 3, rows = LINES - 2 - y0 - 1, first = 0;
	int vw = COLS - FORM_LABEL_W - 1;
	static char shown[REQ_BUF(REQ_INFO_MAX)];

	tui_draw(t);
	if (rows < 1)
		rows = 1;
	if (cur >= rows)
		first = cur - rows + 1;
	for (int y = 2; y < LINES - 2; y++)
		tui_cell(y, 0, "", COLS, A_NORMAL);
	tui_cell(2, 0, title, COLS, tui_attr(t, TUI_LOOK_BAR) | A_BOLD);
	for (int i = first; i < n && i - first < rows; i++) {
		int y = y0 + i - first;

		tui_cell(y, 0, f[i].label, FORM_LABEL_W,
			 tui_attr(t, TUI_LOOK_HEADER));
		field_text(&f[i], vw, shown, sizeof(shown));
		tui_cell(y, FORM_LABEL_W, shown, vw,
			 i == cur ? tui_attr(t, TUI_LOOK_SELECTED)
				  : (int)A_UNDERLINE);
	}
	tui_cell(LINES - 2, 0, msg ? msg : "", COLS,
		 msg ? tui_attr(t, TUI_LOOK_ERROR) : (int)A_NORMAL);
	tui_cell(LINES - 1, 0,
		 n > 1 ? "Enter/Tab berikut/next  \u2191 kembali/prev  "
			 "\u2190\u2192 pilih/choose  Enter di akhir simpan/"
			 "last saves  Esc batal/cancel"
		       : "Enter simpan/save  \u2190\u2192 pilih/choose  Esc "
			 "batal/cancel",
		 COLS, tui_attr(t, TUI_LOOK_BAR));
	if (f[cur].type != TUI_FIELD_CHOICE) {
		field_text(&f[cur], vw, shown, sizeof(shown));
		move(y0 + cur - first, FORM_LABEL_W + tui_width(shown));
		curs_set(1);
	} else {
		curs_set(0);
	}
	refresh();
}

bool tui_form(struct tui *t, const char *title, struct tui_field *f, int n,
	      tui_form_check check, void *ctx)
{
	const char *msg = NULL;
	int cur = 0, bad;
	bool saved = false;

	/* Modal: the keys are waited for (the views are re-read after). */
	nodelay(stdscr, FALSE);
	for (;;) {
		wint_t wc;
		int kind;

		draw_form(t, title, f, n, cur, msg);
		kind = get_wch(&wc);
		if (kind == ERR)
			continue;
		if (kind == KEY_CODE_YES) {
			switch (wc) {
			case KEY_UP:
			case KEY_BTAB:
				cur = cur > 0 ? cur - 1 : 0;
				break;
			case KEY_DOWN:
				cur = cur + 1 < n ? cur + 1 : cur;
				break;
			case KEY_LEFT:
			case KEY_RIGHT:
				if (f[cur].type == TUI_FIELD_CHOICE)
					f[cur].choice =
					    (f[cur].choice +
					     (wc == KEY_LEFT
						  ? f[cur].n_choices - 1
						  : 1)) %
					    f[cur].n_choices;
				break;
			case KEY_BACKSPACE:
				if (f[cur].type != TUI_FIELD_CHOICE)
					backspace(f[cur].buf);
				break;
			case KEY_ENTER:
				goto enter;
			default: /* KEY_RESIZE: drawn again above */
				break;
			}
			continue;
		}
		if (wc == 27)
			break;
		if (wc == '\t') {
			cur = cur + 1 < n ? cur + 1 : cur;
			continue;
		}
		if (wc == 127 || wc == 8) {
			if (f[cur].type != TUI_FIELD_CHOICE)
				backspace(f[cur].buf);
			continue;
		}
		if (wc == 21) { /* Ctrl-U: clear the field */
			if (f[cur].type != TUI_FIELD_CHOICE)
				f[cur].buf[0] = '\0';
			continue;
		}
		if (wc == '\n' || wc == '\r')
			goto enter;
		if (wc == ' ' && f[cur].type == TUI_FIELD_CHOICE) {
			f[cur].choice = (f[cur].choice + 1) % f[cur].n_choices;
			continue;
		}
		if (f[cur].type != TUI_FIELD_CHOICE && wc >= ' ')
			append(f[cur].buf, f[cur].len, (wchar_t)wc);
		msg = NULL;
		continue;
	enter:
		if (cur + 1 < n) {
			cur++;
			continue;
		}
		bad = cur;
		msg = check ? check(t, f, n, &bad, ctx) : NULL;
		if (!msg) {
			saved = true;
			break;
		}
		cur = bad >= 0 && bad < n ? bad : cur;
	}
	curs_set(0);
	nodelay(stdscr, TRUE);
	return saved;
}

bool tui_ask(struct tui *t, const char *title, const char *label, char *buf,
	     size_t len)
{
	struct tui_field f = {
	    .label = label, .type = TUI_FIELD_TEXT, .buf = buf, .len = len};

	return tui_form(t, title, &f, 1, NULL, NULL);
}
