// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * A report's layout written out (report_doc.h): text aligned in 80
 * columns, CSV, PDF, into a stream or into memory.
 */

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "csvout.h"
#include "report_doc.h"
#include "safetext.h"

#define W	 REPORT_TEXT_WIDTH
#define GAP	 2    /* spaces between text columns */
#define MIN_COL	 8    /* narrower than this: rows become blocks */
#define MAX_LINE 4096 /* bytes of one escaped line */

static const char *const format_keys[REPORT_FMT_COUNT] = {"text", "csv", "pdf"};

int report_format_parse(const char *key, enum report_format *f)
{
	for (int i = 0; key && i < REPORT_FMT_COUNT; i++) {
		if (strcmp(key, format_keys[i]) == 0) {
			*f = (enum report_format)i;
			return 0;
		}
	}
	errno = EINVAL;
	return -1;
}

/* ---- width and wrapping ----------------------------------------------------- */

static size_t char_width(gunichar u)
{
	if (g_unichar_iszerowidth(u))
		return 0;
	return g_unichar_iswide(u) ? 2 : 1;
}

size_t report_text_width(const char *s)
{
	size_t w = 0;

	for (const char *p = s; p && *p;) {
		gunichar u = g_utf8_get_char_validated(p, -1);

		if (u == (gunichar)-1 || u == (gunichar)-2) {
			w++;
			p++;
			continue;
		}
		w += char_width(u);
		p = g_utf8_next_char(p);
	}
	return w;
}

/* Lines of text to print, each an owned, escaped string. */
struct lines {
	char **v;      /* the lines; malloc() */
	size_t n, cap; /* used / allocated */
	bool oom;      /* a malloc failed */
};

static void lines_add(struct lines *l, const char *s, size_t len)
{
	char *p;

	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 8;
		char **v = realloc(l->v, cap * sizeof(*v));

		if (!v) {
			l->oom = true;
			return;
		}
		l->v = v;
		l->cap = cap;
	}
	p = strndup(s, len);
	if (!p) {
		l->oom = true;
		return;
	}
	l->v[l->n++] = p;
}

static void lines_free(struct lines *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

/* Wrap one escaped paragraph @p s into lines of at most @p width columns,
 * at spaces where it can, inside a word where it must. */
static void wrap_para(struct lines *l, const char *s, size_t width)
{
	while (*s) {
		const char *p = s, *brk = NULL;
		size_t w = 0;

		while (*p) {
			const char *next = g_utf8_next_char(p);
			size_t cw = char_width(g_utf8_get_char(p));

			if (w + cw > width)
				break;
			if (*p == ' ')
				brk = p;
			w += cw;
			p = next;
		}
		if (!*p) {
			lines_add(l, s, (size_t)(p - s));
			return;
		}
		if (brk && brk > s)
			p = brk;
		if (p == s) /* a character wider than the column */
			p = g_utf8_next_char(p);
		lines_add(l, s, (size_t)(p - s));
		s = p;
		while (*s == ' ')
			s++;
	}
}

/* @p in split at its line breaks, each part escaped (safetext) and
 * wrapped at @p width; an empty text gives no line. */
static void wrap(struct lines *l, const char *in, size_t width)
{
	char buf[MAX_LINE];

	while (in && *in) {
		size_t n = strcspn(in, "\n");
		char *part = strndup(in, n);

		if (!part) {
			l->oom = true;
			return;
		}
		safetext_line(part, 0, buf, sizeof(buf));
		free(part);
		if (*buf)
			wrap_para(l, buf, width);
		else
			lines_add(l, "", 0);
		in += n;
		if (*in == '\n')
			in++;
	}
}

/* ---- text ---------------------------------------------------------------------- */

static void pad(FILE *f, size_t n)
{
	while (n--)
		putc(' ', f);
}

static void put_wrapped(FILE *f, const char *s, size_t width, size_t indent)
{
	struct lines l = {0};

	wrap(&l, s, width - indent);
	for (size_t i = 0; i < l.n; i++) {
		pad(f, indent);
		fprintf(f, "%s\n", l.v[i]);
	}
	lines_free(&l);
}

static void put_rule(FILE *f, size_t n, const char *c)
{
	for (size_t i = 0; i < n; i++)
		fputs(c, f);
	putc('\n', f);
}

/* Column widths for an aligned table, or false when it cannot align. */
static bool fit_columns(const struct doc_table *t, size_t *w)
{
	size_t nat[DOC_TABLE_MAX_COLS], budget, left;
	bool fixed[DOC_TABLE_MAX_COLS] = {false};
	int n = t->n_cols, rest = n;

	if ((size_t)n * (MIN_COL + GAP) > W + GAP)
		return false;
	for (int c = 0; c < n; c++) {
		nat[c] = report_text_width(t->head[c]);
		for (size_t r = 0; r < t->n_rows; r++) {
			const char *s = t->cells[r * (size_t)n + (size_t)c];
			struct lines l = {0};

			wrap(&l, s, 1000);
			for (size_t i = 0; i < l.n; i++) {
				size_t x = report_text_width(l.v[i]);

				if (x > nat[c])
					nat[c] = x;
			}
			lines_free(&l);
		}
		if (!nat[c])
			nat[c] = 1;
	}
	/* Narrow columns keep their width; the wide share what is left. */
	budget = W - (size_t)(n - 1) * GAP;
	for (bool changed = true; changed;) {
		changed = false;
		for (int c = 0; c < n; c++) {
			if (fixed[c] || nat[c] > budget / (size_t)rest)
				continue;
			fixed[c] = true;
			w[c] = nat[c];
			budget -= nat[c];
			rest--;
			changed = true;
		}
		if (!rest)
			break;
	}
	left = rest ? budget / (size_t)rest : 0;
	for (int c = 0; c < n; c++)
		if (!fixed[c])
			w[c] = left;
	for (int c = 0; c < n; c++)
		if (w[c] < MIN_COL && w[c] < nat[c])
			return false;
	return true;
}

static void put_aligned_row(FILE *f, const struct doc_table *t,
			    const char *const *cells, const size_t *w)
{
	struct lines l[DOC_TABLE_MAX_COLS];
	size_t most = 0;

	memset(l, 0, sizeof(l));
	for (int c = 0; c < t->n_cols; c++) {
		wrap(&l[c], cells[c], w[c]);
		if (l[c].n > most)
			most = l[c].n;
	}
	for (size_t i = 0; i < (most ? most : 1); i++) {
		size_t col = 0, need = 0;

		/* Trailing spaces are left out: pad only before a cell. */
		for (int c = 0; c < t->n_cols; c++) {
			const char *s = i < l[c].n ? l[c].v[i] : "";

			if (*s) {
				pad(f, need - col);
				fputs(s, f);
				col = need + report_text_width(s);
			}
			need += w[c] + GAP;
		}
		putc('\n', f);
	}
	for (int c = 0; c < t->n_cols; c++)
		lines_free(&l[c]);
}

static void put_table(FILE *f, const struct doc_table *t)
{
	size_t w[DOC_TABLE_MAX_COLS];

	if (t->title) {
		fprintf(f, "%s\n", t->title);
		put_rule(f, report_text_width(t->title), "-");
	}
	if (!t->n_rows) {
		fprintf(f, "%s\n\n", t->empty ? t->empty : "");
		return;
	}
	if (fit_columns(t, w)) {
		size_t total = 0;

		for (int c = 0; c < t->n_cols; c++)
			total += w[c] + (c ? GAP : 0);
		put_aligned_row(f, t, t->head, w);
		put_rule(f, total, "-");
		for (size_t r = 0; r < t->n_rows; r++)
			put_aligned_row(f, t, t->cells + r * (size_t)t->n_cols,
					w);
		putc('\n', f);
		return;
	}
	/* Too wide to align: a block of "header: value" lines per row. */
	for (size_t r = 0; r < t->n_rows; r++) {
		const char *const *cells = t->cells + r * (size_t)t->n_cols;
		size_t lw = 0;

		for (int c = 0; c < t->n_cols; c++) {
			size_t x = report_text_width(t->head[c]);

			if (x > lw)
				lw = x;
		}
		if (lw > 30)
			lw = 30;
		for (int c = 0; c < t->n_cols; c++) {
			struct lines l = {0};
			size_t hw = report_text_width(t->head[c]);

			wrap(&l, cells[c], W - lw - 2);
			if (hw > lw) {
				fprintf(f, "%s:\n", t->head[c]);
				hw = (size_t)-1;
			} else {
				fprintf(f, "%s:", t->head[c]);
			}
			for (size_t i = 0; i < (l.n ? l.n : 1); i++) {
				const char *s = i < l.n ? l.v[i] : "";

				if (*s && (i || hw == (size_t)-1))
					pad(f, lw + 2);
				else if (*s)
					pad(f, lw + 1 - hw);
				fprintf(f, "%s\n", s);
			}
			lines_free(&l);
		}
		put_rule(f, W, r + 1 < t->n_rows ? "\u00b7" : "=");
	}
	putc('\n', f);
}

int report_doc_text(const struct report_doc *d, FILE *f)
{
	const struct doc_report *v = report_doc_view(d);

	errno = 0;
	if (v->office_name && *v->office_name)
		put_wrapped(f, v->office_name, W, 0);
	put_wrapped(f, v->title, W, 0);
	if (v->subtitle)
		put_wrapped(f, v->subtitle, W, 0);
	put_rule(f, W, "=");
	for (size_t i = 0; i < v->n_paras; i++)
		put_wrapped(f, v->paras[i], W, 0);
	putc('\n', f);
	for (size_t i = 0; i < v->n_tables; i++)
		put_table(f, &v->tables[i]);
	for (size_t i = 0; i < v->n_notes; i++)
		put_wrapped(f, v->notes[i], W, 0);
	if (ferror(f)) {
		if (!errno)
			errno = EIO;
		return -1;
	}
	return 0;
}

/* ---- CSV ------------------------------------------------------------------------- */

int report_doc_csv(const struct report_doc *d, FILE *f)
{
	const struct doc_report *v = report_doc_view(d);
	bool one = v->n_tables == 1;

	if (!one) {
		const char *head[] = {v->title, v->subtitle};

		if (csvout_row(f, 2, head) < 0)
			return -1;
	}
	for (size_t i = 0; i < v->n_tables; i++) {
		const struct doc_table *t = &v->tables[i];

		/* An empty record before each table of several. */
		if (!one && fputs("\r\n", f) == EOF)
			return -1;
		if (!one && t->title && csvout_row(f, 1, &t->title) < 0)
			return -1;
		if (csvout_row(f, (size_t)t->n_cols, t->head) < 0)
			return -1;
		for (size_t r = 0; r < t->n_rows; r++)
			if (csvout_row(f, (size_t)t->n_cols,
				       t->cells + r * (size_t)t->n_cols) < 0)
				return -1;
	}
	return 0;
}

/* ---- PDF and the one call ----------------------------------------------------------- */

int report_doc_pdf(const struct report_doc *d, struct doc_buf *out)
{
	return document_render_report(report_doc_view(d), out);
}

int report_render(const struct report *r, enum report_format fmt,
		  enum lang lang, const struct report_office *office, FILE *f,
		  char *err, size_t errlen)
{
	struct report_doc *d = report_doc_new(r, lang, office);
	struct doc_buf pdf = {0};
	int rc = -1;

	if (!d) {
		if (err)
			snprintf(err, errlen, "out of memory");
		return -1;
	}
	switch (fmt) {
	case REPORT_FMT_TEXT:
		rc = report_doc_text(d, f);
		break;
	case REPORT_FMT_CSV:
		rc = report_doc_csv(d, f);
		break;
	case REPORT_FMT_PDF:
		rc = report_doc_pdf(d, &pdf);
		if (rc < 0) {
			if (err)
				snprintf(err, errlen, "%s", pdf.err);
			break;
		}
		if (fwrite(pdf.data, 1, pdf.len, f) != pdf.len) {
			if (!errno)
				errno = EIO;
			rc = -1;
		}
		break;
	default:
		errno = EINVAL;
		break;
	}
	if (rc < 0 && err && fmt != REPORT_FMT_PDF)
		snprintf(err, errlen, "%s", strerror(errno ? errno : EIO));
	document_buf_free(&pdf);
	report_doc_free(d);
	return rc;
}

int report_render_mem(const struct report *r, enum report_format fmt,
		      enum lang lang, const struct report_office *office,
		      char **buf, size_t *len, char *err, size_t errlen)
{
	FILE *f = open_memstream(buf, len);
	int rc, saved;

	if (!f) {
		*buf = NULL;
		return -1;
	}
	rc = report_render(r, fmt, lang, office, f, err, errlen);
	saved = errno;
	if (fclose(f) != 0 && rc == 0) {
		saved = errno;
		rc = -1;
	}
	if (rc < 0) {
		free(*buf);
		*buf = NULL;
		*len = 0;
		errno = saved;
	}
	return rc;
}
