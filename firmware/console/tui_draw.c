// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Drawing the TUI: looks that survive a monochrome terminal, UTF-8 cells
 * measured with wcwidth(), the title bar with the view tabs, the alert
 * banner, the message line and the help bar.
 */

#define NCURSES_WIDECHAR 1

#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "safetext.h"
#include "tui.h"

/* Colour pairs, one per look (pair 0 is the terminal's own). */
static const short look_fg[TUI_LOOK_COUNT] = {
    [TUI_LOOK_BAR] = COLOR_BLACK,      [TUI_LOOK_BANNER] = COLOR_WHITE,
    [TUI_LOOK_SELECTED] = COLOR_BLACK, [TUI_LOOK_OVERDUE] = COLOR_RED,
    [TUI_LOOK_SOON] = COLOR_YELLOW,    [TUI_LOOK_HEADER] = COLOR_CYAN,
    [TUI_LOOK_ERROR] = COLOR_RED,      [TUI_LOOK_OK] = COLOR_GREEN,
};
static const short look_bg[TUI_LOOK_COUNT] = {
    [TUI_LOOK_BAR] = COLOR_CYAN,
    [TUI_LOOK_BANNER] = COLOR_RED,
    [TUI_LOOK_SELECTED] = COLOR_WHITE,
    [TUI_LOOK_OVERDUE] = -1,
    [TUI_LOOK_SOON] = -1,
    [TUI_LOOK_HEADER] = -1,
    [TUI_LOOK_ERROR] = -1,
    [TUI_LOOK_OK] = -1,
};

/* Without colours, every look still differs from plain text. */
static const int look_mono[TUI_LOOK_COUNT] = {
    [TUI_LOOK_NORMAL] = A_NORMAL,
    [TUI_LOOK_BAR] = A_REVERSE,
    [TUI_LOOK_BANNER] = A_REVERSE | A_BOLD,
    [TUI_LOOK_SELECTED] = A_REVERSE,
    [TUI_LOOK_OVERDUE] = A_BOLD,
    [TUI_LOOK_SOON] = A_UNDERLINE,
    [TUI_LOOK_HEADER] = A_BOLD,
    [TUI_LOOK_ERROR] = A_BOLD,
    [TUI_LOOK_OK] = A_NORMAL,
};

void tui_draw_init(struct tui *t)
{
	bool dflt;

	t->colour = has_colors();
	if (!t->colour)
		return;
	start_color();
	/* The Linux console may lack the terminal's own background. */
	dflt = use_default_colors() == OK;
	for (int i = 1; i < TUI_LOOK_COUNT; i++)
		init_pair((short)i, look_fg[i],
			  look_bg[i] < 0 && !dflt ? COLOR_BLACK : look_bg[i]);
}

int tui_attr(const struct tui *t, enum tui_look look)
{
	if ((unsigned)look >= TUI_LOOK_COUNT)
		look = TUI_LOOK_NORMAL;
	if (!t->colour || look == TUI_LOOK_NORMAL)
		return look_mono[look];
	/* Bold where it carries meaning, so a colour-blind reader sees it. */
	return (int)COLOR_PAIR(look) |
	       (look == TUI_LOOK_BANNER || look == TUI_LOOK_OVERDUE ||
			look == TUI_LOOK_ERROR
		    ? A_BOLD
		    : 0);
}

const char *tui_alert_word(int kind)
{
	static const char *const words[TUI_ALERT_KIND_COUNT] = {
	    [TUI_ALERT_REQUEST] = "BARU/NEW",
	    [TUI_ALERT_CALL] = "PANGGILAN/CALL",
	    [TUI_ALERT_PICKUP] = "AMBIL/PICKUP",
	    [TUI_ALERT_UNPRINTED] = "TAK TERCETAK/UNPRINTED",
	    [TUI_ALERT_PRINTER] = "PRINTER",
	    [TUI_ALERT_DUE_SOON] = "TENGGAT/DUE SOON",
	    [TUI_ALERT_OVERDUE] = "LEWAT/OVERDUE",
	};

	return kind >= 0 && kind < TUI_ALERT_KIND_COUNT ? words[kind] : "?";
}

/* ---- cells --------------------------------------------------------------- */

/* Decode @p s (already made safe) into @p out, at most @p width columns.
 * @return the columns used. */
static int fit(const char *s, int width, wchar_t *out, size_t max,
	       size_t *n_out)
{
	mbstate_t st;
	int used = 0;
	size_t n = 0;

	memset(&st, 0, sizeof(st));
	while (*s && n + 1 < max) {
		wchar_t wc;
		size_t k = mbrtowc(&wc, s, strlen(s), &st);
		int w;

		if (k == (size_t)-1 || k == (size_t)-2 || k == 0) {
			/* Not valid here (safetext escaped bad UTF-8). */
			wc = L'?';
			k = 1;
			memset(&st, 0, sizeof(st));
		}
		w = wcwidth(wc);
		if (w < 0) {
			wc = L'?';
			w = 1;
		}
		if (used + w > width)
			break;
		out[n++] = wc;
		used += w;
		s += k;
	}
	out[n] = L'\0';
	*n_out = n;
	return used;
}

size_t tui_fit_bytes(const char *s, int width)
{
	mbstate_t st;
	size_t at = 0, len = strlen(s);
	int used = 0;

	memset(&st, 0, sizeof(st));
	while (at < len) {
		wchar_t wc;
		size_t k = mbrtowc(&wc, s + at, len - at, &st);
		int w;

		if (k == (size_t)-1 || k == (size_t)-2 || k == 0) {
			k = 1;
			w = 1;
			memset(&st, 0, sizeof(st));
		} else {
			w = wcwidth(wc);
			if (w < 0)
				w = 1;
		}
		if (used + w > width)
			break;
		used += w;
		at += k;
	}
	return at;
}

int tui_width(const char *s)
{
	static wchar_t wbuf[4096];
	size_t n;

	return fit(s, 1 << 20, wbuf, sizeof(wbuf) / sizeof(wbuf[0]), &n);
}

int tui_cell(int y, int x, const char *s, int width, int attr)
{
	static char safe[4096];
	static wchar_t wbuf[1024];
	size_t n;
	int used;

	if (width <= 0 || y < 0 || y >= LINES || x >= COLS)
		return 0;
	if (x + width > COLS)
		width = COLS - x;
	safetext_line(s ? s : "", 0, safe, sizeof(safe));
	used = fit(safe, width, wbuf, sizeof(wbuf) / sizeof(wbuf[0]), &n);
	attrset(attr);
	mvaddnwstr(y, x, wbuf, (int)n);
	for (int i = used; i < width; i++)
		addch(' ');
	attrset(A_NORMAL);
	return used;
}

/* ---- the bars ------------------------------------------------------------ */

static const char *const view_names[TUI_V_COUNT] = {
    [TUI_V_NEW] = "Baru/New",	  [TUI_V_PROGRESS] = "Proses/Active",
    [TUI_V_DUE] = "Tenggat/Due",  [TUI_V_CALLS] = "Panggil/Calls",
    [TUI_V_JOBS] = "Cetak/Print",
};

static void roles_words(const struct tui *t, char *buf, size_t len)
{
	unsigned roles = t->c->actor.roles & WF_ROLE_STAFF;

	buf[0] = '\0';
	for (unsigned bit = 1; bit <= WF_ROLE_PPID; bit <<= 1)
		if (roles & bit)
			snprintf(buf + strlen(buf), len - strlen(buf), "%s%s",
				 *buf ? "," : "", workflow_role_key(bit));
	if (!*buf)
		snprintf(buf, len, "hanya baca/read only");
}

/* Tab @p v's text, with or without its English name. */
static void tab_text(const struct tui *t, int v, bool english, char *buf,
		     size_t len)
{
	const char *name = view_names[v], *slash = strchr(name, '/');
	int k = english || !slash ? (int)strlen(name) : (int)(slash - name);

	if (v == TUI_V_CALLS && t->n_pending)
		snprintf(buf, len, "%d %.*s %zu!", v + 1, k, name,
			 t->n_pending);
	else if (v == TUI_V_JOBS)
		snprintf(buf, len, "%d %.*s", v + 1, k, name);
	else
		snprintf(buf, len, "%d %.*s %zu", v + 1, k, name, t->counts[v]);
}

static int tabs_width(const struct tui *t, bool english)
{
	char tab[64];
	int w = 0;

	for (int v = 0; v < TUI_V_COUNT; v++) {
		tab_text(t, v, english, tab, sizeof(tab));
		w += tui_width(tab) + (v ? 1 : 0);
	}
	return w;
}

static void tabs(struct tui *t, bool english)
{
	int x = 0;

	for (int v = 0; v < TUI_V_COUNT && x < COLS; v++) {
		char tab[64];
		int a = v == (int)t->view && !t->in_detail
			    ? tui_attr(t, TUI_LOOK_SELECTED) | A_BOLD
			    : A_NORMAL;

		if (v == TUI_V_CALLS && t->n_pending && a == A_NORMAL)
			a = tui_attr(t, TUI_LOOK_SOON);
		tab_text(t, v, english, tab, sizeof(tab));
		if (v && x < COLS)
			x += tui_cell(1, x, " ", 1, A_NORMAL);
		x += tui_cell(1, x, tab, COLS - x, a);
	}
	if (x < COLS)
		tui_cell(1, x, "", COLS - x, A_NORMAL);
}

static void draw_title(struct tui *t)
{
	char left[320], roles[64];
	int bar = tui_attr(t, TUI_LOOK_BAR);

	roles_words(t, roles, sizeof(roles));
	snprintf(left, sizeof(left), "%s %s (%s)%s",
		 *t->c->cfg.office_name ? t->c->cfg.office_name : "PPID",
		 t->c->login, roles, t->c->actor.dev_mode ? " [dev]" : "");
	tui_cell(0, 0, left, COLS, bar);
	/* The tabs: the view's key, its name, how many it holds; the
	 * English names where they fit. */
	tabs(t, tabs_width(t, true) <= COLS);
}

/* The help bar of the first @p n items, with or without English. */
static void help_line(char *buf, size_t len, const char *const *items, size_t n,
		      bool english)
{
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		const char *slash = strrchr(items[i], '/');
		int k = english || !slash || slash == items[i]
			    ? (int)strlen(items[i])
			    : (int)(slash - items[i]);

		snprintf(buf + strlen(buf), len - strlen(buf), "%s%.*s",
			 i ? "  " : "", k, items[i]);
	}
	snprintf(buf + strlen(buf), len - strlen(buf), "  %s",
		 english ? "? bantuan/help" : "? bantuan");
}

void tui_help(char *buf, size_t len, const char *const *items, size_t n)
{
	/* Both languages where they fit; else Indonesian, dropping the
	 * last items until "?" (the page of every key) shows. */
	help_line(buf, len, items, n, true);
	for (size_t m = n; m > 0 && tui_width(buf) > COLS; m--)
		help_line(buf, len, items, m, false);
}

/* '?': every key of every view, in both languages. */
static void draw_keys(struct tui *t, int y0, int y1)
{
	static const char *const lines[] = {
	    "DAFTAR / LISTS",
	    " 1-5  baru, proses, tenggat, panggilan, cetak / new, progress, "
	    "due, calls, print",
	    " \u2191\u2193 PgUp PgDn  pilih / move      Enter  buka / open "
	    "the request",
	    " /  cari nomor, nama / search    i  isi surat, email, telepon / "
	    "enter a letter",
	    " a  terima panggilan / acknowledge the call      q  keluar / "
	    "quit",
	    " R  laporan: register, harian, bulanan, tahunan, matriks / "
	    "reports",
	    " S  Kasubbag: supervisi hari ini / review today  K  laporan "
	    "ke Kabag / to Kabag",
	    "PERMOHONAN / REQUEST (hanya yang boleh / only what your role "
	    "may)",
	    " f teruskan ke PPID / forward      x kecualikan, Pasal 17 / "
	    "exclude",
	    " s tersedia / available            c koordinasi, memo / "
	    "coordinate",
	    " e perpanjang, alasan / extend     d putuskan / decide",
	    " n beritahu pemohon / notify       t tutup / close",
	    " h serahkan informasi, tanda terima data / hand over, data "
	    "receipt",
	    " o catatan / note   r tanda terima / receipt   p surat "
	    "pemberitahuan / notice",
	    "LAPORAN / REPORT  \u2191\u2193 gulir/scroll  c CSV  f PDF  p "
	    "cetak/print  l bahasa/lang",
	    "FORMULIR / FORMS  Enter, Tab berikut/next  \u2191 kembali/prev  "
	    "\u2190\u2192 pilih/choose",
	    " Enter di isian terakhir: simpan / on the last field: save  "
	    "Esc batal/cancel",
	    "Tombol apa saja: kembali / any key: back    Esc  kembali / back",
	};

	for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++)
		if (y0 + (int)i < y1)
			tui_cell(y0 + (int)i, 0, lines[i], COLS,
				 lines[i][0] != ' ' && lines[i][0]
				     ? tui_attr(t, TUI_LOOK_HEADER)
				     : (int)A_NORMAL);
}

/* @p text on rows @p y and @p y + 1, cut at a space. */
static void folded(int y, const char *text, int attr)
{
	size_t k = tui_fit_bytes(text, COLS), cut = k;
	char first[512];

	while (cut > (size_t)COLS / 2 && text[cut] != ' ')
		cut--;
	if (text[cut] != ' ')
		cut = k;
	snprintf(first, sizeof(first), "%.*s", (int)cut, text);
	tui_cell(y, 0, first, COLS, attr);
	tui_cell(y + 1, 0, text + cut + (text[cut] == ' '), COLS, attr);
}

void tui_draw(struct tui *t)
{
	char help[400];
	int body0 = 3, body1 = LINES - 2;

	erase();
	if (LINES < 8 || COLS < 40) {
		tui_cell(0, 0, "Layar terlalu kecil / Screen too small", COLS,
			 A_BOLD);
		refresh();
		return;
	}
	draw_title(t);
	if (*t->banner && tui_width(t->banner) > COLS) {
		folded(2, t->banner, tui_attr(t, TUI_LOOK_BANNER));
		body0++;
	} else if (*t->banner) {
		tui_cell(2, 0, t->banner, COLS, tui_attr(t, TUI_LOOK_BANNER));
	} else if (*t->search)
		tui_cell(2, 0, "", COLS, A_NORMAL);
	if (*t->search && !*t->banner) {
		char s[200];

		snprintf(s, sizeof(s), "Cari/Search: %s   (Esc: semua/all)",
			 t->search);
		tui_cell(2, 0, s, COLS, tui_attr(t, TUI_LOOK_HEADER));
	}
	if (tui_width(t->msg) > COLS) {
		body1--;
		folded(LINES - 3, t->msg, tui_attr(t, t->msg_look));
	} else {
		tui_cell(LINES - 2, 0, t->msg, COLS, tui_attr(t, t->msg_look));
	}
	if (t->show_keys)
		draw_keys(t, 2, body1);
	else if (t->pager)
		tui_report_draw(t, body0, body1);
	else if (t->in_detail)
		tui_detail_draw(t, body0, body1);
	else
		tui_lists_draw(t, body0, body1);
	if (t->pager)
		tui_report_help(t, help, sizeof(help));
	else if (t->in_detail)
		tui_detail_help(t, help, sizeof(help));
	else
		tui_lists_help(t, help, sizeof(help));
	tui_cell(LINES - 1, 0, help, COLS, tui_attr(t, TUI_LOOK_BAR));
	refresh();
}

void tui_msg(struct tui *t, enum tui_look look, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(t->msg, sizeof(t->msg), fmt, ap);
	va_end(ap);
	t->msg_look = look;
}

void tui_banner(struct tui *t, const char *word, const char *regno,
		const char *text, int64_t call_id)
{
	char at[32], line[sizeof(t->banner)];

	date_format_wib(time(NULL), at, sizeof(at));
	/* "HH:MM" of "YYYY-MM-DD HH:MM WIB". */
	snprintf(line, sizeof(line), "%.5s %s %s%s%s%s", at + 11, word,
		 regno && *regno ? regno : "", regno && *regno ? " " : "",
		 text ? text : "", call_id ? "  [a] terima/ack" : "");
	beep();
	/* A visitor who waits keeps the banner until someone answers;
	 * another alert meanwhile goes to the message line. */
	if (t->banner_call && !call_id) {
		tui_msg(t, TUI_LOOK_SOON, "%s", line);
		return;
	}
	/* Alerts that come together all show: the one before goes to the
	 * message line. */
	if (*t->banner && !t->banner_call)
		tui_msg(t, TUI_LOOK_SOON, "%s", t->banner);
	snprintf(t->banner, sizeof(t->banner), "%s", line);
	t->banner_call = call_id;
}
