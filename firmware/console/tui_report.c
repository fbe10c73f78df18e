// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The reports from the TUI (issue 10): a menu of the five reports for the
 * current period (the month or day asked, today's by default), computed
 * by report_build() and shown as report_render_mem()'s text (80 columns)
 * in a pager; from there saved as CSV or PDF to a file, or printed by
 * `report ... --print` itself in a child process.
 */

#define NCURSES_WIDECHAR 1

#include <curses.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "document.h"
#include "report.h"
#include "report_doc.h"
#include "tui.h"

struct tui_pager {
	struct report *report; /* the report shown */
	enum lang lang;	       /* its language */
	char *text;	       /* its text, lines cut at '\n' */
	char **lines;	       /* the start of each line in text */
	int n_lines;	       /* lines */
	int top;	       /* first line drawn */
	char args[4][32];      /* `report` arguments after the kind */
	int n_args;	       /* of them used */
};

static bool pdf_made; /* a PDF was rendered here: shut the fonts down */

static const char *const kind_words[REPORT_KIND_COUNT] = {
    [REPORT_REGISTER] = "register / register",
    [REPORT_DAILY] = "harian / daily",
    [REPORT_MONTHLY] = "bulanan / monthly",
    [REPORT_YEARLY] = "tahunan / yearly",
    [REPORT_MATRIX] = "matriks kegiatan / matrix",
};

void tui_report_close(struct tui *t)
{
	struct tui_pager *p = t->pager;

	if (p) {
		report_free(p->report);
		if (p->text)
			explicit_bzero(p->text, strlen(p->text));
		free(p->text);
		free(p->lines);
		free(p);
		t->pager = NULL;
	}
	/* At the TUI's end (tui_close()) the PDF renderer's fonts too. */
	if (pdf_made && t->quit) {
		document_shutdown();
		pdf_made = false;
	}
}

/* The text of the report in the pager's language, cut into lines. */
static int pager_render(struct tui *t, struct tui_pager *p)
{
	const struct report_office office = {t->c->cfg.office_name,
					     t->c->cfg.office_address};
	char err[DOCUMENT_ERR_LEN] = "", *text = NULL, **lines;
	size_t len = 0;
	int n = 1;

	if (report_render_mem(p->report, REPORT_FMT_TEXT, p->lang, &office,
			      &text, &len, err, sizeof(err)) < 0) {
		tui_msg(t, TUI_LOOK_ERROR, "%s", *err ? err : strerror(errno));
		return -1;
	}
	for (size_t i = 0; i < len; i++)
		n += text[i] == '\n';
	lines = calloc((size_t)n, sizeof(*lines));
	if (!lines) {
		free(text);
		tui_msg(t, TUI_LOOK_ERROR, "Memori habis / Out of memory");
		return -1;
	}
	n = 0;
	for (char *s = text; s && *s;) {
		char *nl = strchr(s, '\n');

		lines[n++] = s;
		if (nl)
			*nl++ = '\0';
		s = nl;
	}
	if (p->text)
		explicit_bzero(p->text, strlen(p->text));
	free(p->text);
	free(p->lines);
	p->text = text;
	p->lines = lines;
	p->n_lines = n;
	return 0;
}

/* The period of @p kind asked, today's by default; its `report`
 * arguments into @p p.  @return false when cancelled or invalid. */
static bool ask_period(struct tui *t, enum report_kind kind,
		       struct tui_pager *p, struct date *from, struct date *to)
{
	struct date today = console_today(t->c);
	char a[16], b[16];
	int y, m, used = 0;

	*from = (struct date){today.year, today.month, 1};
	*to = today;
	date_format(*from, a, sizeof(a));
	date_format(*to, b, sizeof(b));
	if (kind == REPORT_REGISTER || kind == REPORT_MATRIX) {
		struct tui_field f[2] = {
		    {.label = "Dari / From (YYYY-MM-DD)",
		     .type = TUI_FIELD_TEXT,
		     .buf = a,
		     .len = sizeof(a)},
		    {.label = "Sampai / To (YYYY-MM-DD)",
		     .type = TUI_FIELD_TEXT,
		     .buf = b,
		     .len = sizeof(b)},
		};

		if (!tui_form(t, "Periode / Period", f, 2, NULL, NULL))
			return false;
		if (date_parse(a, from) < 0 || date_parse(b, to) < 0)
			goto bad;
		p->n_args = 4;
		snprintf(p->args[0], sizeof(p->args[0]), "--from");
		snprintf(p->args[1], sizeof(p->args[1]), "%s", a);
		snprintf(p->args[2], sizeof(p->args[2]), "--to");
		snprintf(p->args[3], sizeof(p->args[3]), "%s", b);
		return true;
	}
	if (kind == REPORT_DAILY) {
		if (!tui_ask(t, "Laporan harian / Daily report",
			     "Tanggal / Date (YYYY-MM-DD)", b, sizeof(b)))
			return false;
		if (date_parse(b, from) < 0)
			goto bad;
		*to = *from;
		snprintf(a, sizeof(a), "%s", b);
	} else if (kind == REPORT_MONTHLY) {
		a[7] = '\0';
		if (!tui_ask(t, "Laporan bulanan / Monthly report",
			     "Bulan / Month (YYYY-MM)", a, sizeof(a)))
			return false;
		if (sscanf(a, "%4d-%2d%n", &y, &m, &used) != 2 || a[used] ||
		    strlen(a) != 7 || !date_valid(y, m, 1))
			goto bad;
		*from = *to = (struct date){y, m, 1};
	} else {
		a[4] = '\0';
		if (!tui_ask(t, "Laporan tahunan / Yearly report",
			     "Tahun / Year (YYYY)", a, sizeof(a)))
			return false;
		if (sscanf(a, "%4d%n", &y, &used) != 1 || a[used] ||
		    strlen(a) != 4 || !date_valid(y, 1, 1))
			goto bad;
		*from = *to = (struct date){y, 1, 1};
	}
	p->n_args = 1;
	snprintf(p->args[0], sizeof(p->args[0]), "%s", a);
	return true;
bad:
	tui_msg(t, TUI_LOOK_ERROR, "Periode tidak sah / Not a valid period");
	return false;
}

void tui_report_menu(struct tui *t)
{
	struct tui_field f = {.label = "Laporan / Report",
			      .type = TUI_FIELD_CHOICE,
			      .choices = kind_words,
			      .n_choices = REPORT_KIND_COUNT,
			      .choice = REPORT_MONTHLY};
	struct tui_pager *p;
	struct date from, to;
	enum report_kind kind;

	if (!tui_form(t, "Laporan / Reports", &f, 1, NULL, NULL))
		return;
	kind = (enum report_kind)f.choice;
	p = calloc(1, sizeof(*p));
	if (!p) {
		tui_msg(t, TUI_LOOK_ERROR, "Memori habis / Out of memory");
		return;
	}
	t->c->now = time(NULL);
	if (!ask_period(t, kind, p, &from, &to))
		goto fail;
	if (report_period(kind, from, to, &from, &to) < 0) {
		tui_msg(t, TUI_LOOK_ERROR,
			"Sampai sebelum dari / To is before from");
		goto fail;
	}
	/* The views keep the calendar's holidays loaded. */
	if (report_build(t->q, t->cal, kind, from, to, console_today(t->c),
			 &p->report) < 0) {
		tui_msg(t, TUI_LOOK_ERROR, "Gagal membaca / Cannot read: %s",
			errno == ENOMEM ? "out of memory" : queue_errmsg(t->q));
		goto fail;
	}
	if (pager_render(t, p) < 0)
		goto fail;
	tui_report_close(t);
	t->pager = p;
	t->msg[0] = '\0';
	return;
fail:
	report_free(p->report);
	free(p);
}

void tui_report_draw(struct tui *t, int y0, int y1)
{
	const struct tui_pager *p = t->pager;

	for (int y = y0; y < y1; y++) {
		int k = p->top + y - y0;

		tui_cell(y, 0, k < p->n_lines ? p->lines[k] : "", COLS,
			 A_NORMAL);
	}
}

void tui_report_help(const struct tui *t, char *buf, size_t len)
{
	static const char *const items[] = {
	    "Esc kembali/back",	     "\u2191\u2193 gulir/scroll",
	    "c simpan CSV/save CSV", "f simpan PDF/save PDF",
	    "p cetak/print",	     "l bahasa/language",
	};

	(void)t;
	tui_help(buf, len, items, sizeof(items) / sizeof(items[0]));
}

/* 'c', 'f': the report as CSV or PDF to the path asked (0600, whole). */
static void save(struct tui *t, enum report_format fmt)
{
	const struct report_office office = {t->c->cfg.office_name,
					     t->c->cfg.office_address};
	struct tui_pager *p = t->pager;
	char path[512], err[DOCUMENT_ERR_LEN] = "", *buf = NULL;
	struct doc_buf out = {0};
	size_t len = 0;

	snprintf(path, sizeof(path), "laporan-%s-%s.%s",
		 report_kind_key(p->report->kind),
		 p->n_args == 1 ? p->args[0] : p->args[1],
		 fmt == REPORT_FMT_CSV ? "csv" : "pdf");
	if (!tui_ask(t, "Simpan laporan / Save the report", "Berkas / File",
		     path, sizeof(path)) ||
	    !*path) {
		tui_msg(t, TUI_LOOK_NORMAL, "Dibatalkan / Cancelled");
		return;
	}
	if (report_render_mem(p->report, fmt, p->lang, &office, &buf, &len, err,
			      sizeof(err)) < 0) {
		tui_msg(t, TUI_LOOK_ERROR, "%s", *err ? err : strerror(errno));
		return;
	}
	if (fmt == REPORT_FMT_PDF)
		pdf_made = true;
	out.data = (unsigned char *)buf;
	out.len = len;
	if (document_buf_save(&out, path) < 0)
		tui_msg(t, TUI_LOOK_ERROR, "%s: %s", path, strerror(errno));
	else
		tui_msg(t, TUI_LOOK_OK, "Disimpan / Saved: %s", path);
	free(buf);
}

/* The child: `ppid-console report KIND ARGS --print`, its own code. */
static int print_child(struct console *c, const void *arg)
{
	const struct tui_pager *p = arg;
	char *argv[10];
	int argc = 0;

	argv[argc++] = (char *)"report";
	argv[argc++] = (char *)report_kind_key(p->report->kind);
	for (int i = 0; i < p->n_args; i++)
		argv[argc++] = (char *)p->args[i];
	argv[argc++] = (char *)"--print";
	if (p->lang == LANG_EN) {
		argv[argc++] = (char *)"--lang";
		argv[argc++] = (char *)"en";
	}
	argv[argc] = NULL;
	return cmd_report(c, argc, argv);
}

bool tui_report_key(struct tui *t, int key)
{
	struct tui_pager *p = t->pager;
	int page = LINES - 6 > 1 ? LINES - 6 : 1;
	int max_top = p->n_lines - page;

	switch (key) {
	case 27:
	case 'q':
	case KEY_LEFT:
		tui_report_close(t);
		return true;
	case KEY_UP:
	case 'k':
		p->top--;
		break;
	case KEY_DOWN:
	case 'j':
		p->top++;
		break;
	case KEY_PPAGE:
		p->top -= page;
		break;
	case KEY_NPAGE:
	case ' ':
		p->top += page;
		break;
	case KEY_HOME:
		p->top = 0;
		break;
	case KEY_END:
		p->top = max_top;
		break;
	case 'c':
		save(t, REPORT_FMT_CSV);
		return true;
	case 'f':
		save(t, REPORT_FMT_PDF);
		return true;
	case 'p':
		tui_act_child(t, "laporan / report", print_child, p);
		return true;
	case 'a':
		if (t->banner_call)
			tui_act_ack(t, t->banner_call);
		return true;
	case 'l':
		p->lang = p->lang == LANG_EN ? LANG_ID : LANG_EN;
		pager_render(t, p);
		break;
	default:
		return false;
	}
	if (p->top > max_top)
		p->top = max_top;
	if (p->top < 0)
		p->top = 0;
	return true;
}
