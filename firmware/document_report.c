// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Reports on A4 (struct doc_report): the office header, title, a small
 * chart drawn with cairo (stacked bars per week by channel, a pie of the
 * decisions), then tables of bordered cells that break across pages
 * between rows with their header row repeated, and "Halaman i dari n" at
 * each foot.  Built on the shared layout engine (document_internal.h).
 */

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "document.h"
#include "document_internal.h"

#define R_PAD	    2.2 /* inside a cell */
#define R_MAX_LINES 40	/* lines of one cell before "…" */
#define R_CHART_H   150 /* the chart's height */
#define R_FOOT	    10	/* page foot's distance from the edge, mm */

/* Greys and muted colours that still tell apart on a mono printer. */
static const double palette[DOC_CHART_SERIES][3] = {
    {0.20, 0.36, 0.60}, {0.85, 0.55, 0.20}, {0.35, 0.60, 0.35},
    {0.70, 0.30, 0.30}, {0.55, 0.45, 0.70}, {0.55, 0.55, 0.55},
    {0.30, 0.65, 0.70}, {0.80, 0.75, 0.30},
};

struct chart_item {
	const struct doc_chart *chart; /* what to draw */
	double size;		       /* label font size */
};

/* ---- cells ---------------------------------------------------------------- */

static PangoLayout *cell(struct ctx *c, const char *s, enum weight w,
			 double size, double width, bool multiline)
{
	struct txt t;

	document_txt_init(&t);
	document_txt_add_user(&t, document_empty(s) ? " " : s, multiline, w,
			      size);
	return document_layout_make(c, &t, width > 4 ? width : 4,
				    PANGO_ALIGN_LEFT, R_MAX_LINES);
}

static void fill_draw(cairo_t *cr, const struct item *it)
{
	cairo_save(cr);
	cairo_set_source_rgb(cr, 0.88, 0.88, 0.88);
	cairo_rectangle(cr, it->x, it->y, it->w, it->h);
	cairo_fill(cr);
	cairo_restore(cr);
}

/* Place one row of layouts with their borders at the flow position. */
static void place_row(struct ctx *c, PangoLayout *const *ls, const double *x,
		      const double *w, int n, double h, bool head)
{
	for (int i = 0; i < n; i++) {
		struct item *it;

		if (head) {
			it = document_item_add(c, ITEM_CUSTOM);
			if (it) {
				it->x = c->left + x[i];
				it->y = c->y;
				it->w = w[i];
				it->h = h;
				it->draw = fill_draw;
			}
		}
		it = document_item_add(c, ITEM_RECT);
		if (it) {
			it->x = c->left + x[i];
			it->y = c->y;
			it->w = w[i];
			it->h = h;
		}
		it = ls[i] ? document_item_add(c, ITEM_TEXT) : NULL;
		if (it) {
			it->x = c->left + x[i] + R_PAD;
			it->y = c->y + R_PAD;
			it->layout = ls[i];
		}
	}
	c->y += h;
}

static double row_height(PangoLayout *const *ls, int n)
{
	double h = 0;

	for (int i = 0; i < n; i++)
		if (ls[i])
			h = fmax(h, document_layout_height(ls[i]));
	return h + 2 * R_PAD;
}

static void heading(struct ctx *c, const char *s, double size, double keep)
{
	struct txt t;
	PangoLayout *l;

	document_txt_init(&t);
	document_txt_add_user(&t, s, false, W_BOLD, size);
	l = document_layout_make(c, &t, c->width, PANGO_ALIGN_LEFT, 0);
	if (!l)
		return;
	document_flow_gap(c, 8);
	document_flow_need(c, document_layout_height(l) + keep);
	document_flow_text(c, l, 0);
	c->y += 3;
}

static void paragraph(struct ctx *c, const char *s, double size)
{
	struct txt t;

	document_txt_init(&t);
	document_txt_add_user(&t, s, true, W_REG, size);
	document_flow_text(
	    c, document_layout_make(c, &t, c->width, PANGO_ALIGN_LEFT, 0), 0);
	c->y += 3;
}

/* A table: the header row again at the top of every page it reaches. */
static void table(struct ctx *c, const struct doc_table *t, double size)
{
	PangoLayout *head[DOC_TABLE_MAX_COLS], *ls[DOC_TABLE_MAX_COLS];
	double x[DOC_TABLE_MAX_COLS], w[DOC_TABLE_MAX_COLS], sum = 0, hh;
	int n = t->n_cols;

	for (int i = 0; i < n; i++)
		sum += t->weight ? t->weight[i] : 1.0;
	for (int i = 0; i < n; i++) {
		w[i] = c->width * (t->weight ? t->weight[i] : 1.0) / sum;
		x[i] = i ? x[i - 1] + w[i - 1] : 0;
		head[i] =
		    cell(c, t->head[i], W_BOLD, size, w[i] - 2 * R_PAD, false);
	}
	hh = row_height(head, n);
	if (t->title)
		heading(c, t->title, size + 1.5, hh + 2 * size);
	if (!t->n_rows) {
		paragraph(c, t->empty ? t->empty : "-", size);
		return;
	}
	for (size_t r = 0; r < t->n_rows; r++) {
		double h;

		for (int i = 0; i < n; i++)
			ls[i] = cell(c, t->cells[r * (size_t)n + (size_t)i],
				     W_REG, size, w[i] - 2 * R_PAD, true);
		h = row_height(ls, n);
		/* A new page (and the header again) when the row does not
		 * fit, and never a header alone at the foot of a page. */
		if (r == 0)
			document_flow_need(c, hh + h);
		else if (c->y + h > c->bottom) {
			c->page++;
			c->y = c->top;
		}
		if (r == 0 || c->y == c->top)
			place_row(c, head, x, w, n, hh, true);
		place_row(c, ls, x, w, n, h, false);
	}
}

/* ---- the chart -------------------------------------------------------------- */

static void label(cairo_t *cr, const char *s, double x, double y, double size,
		  bool bold, double align, double maxw)
{
	PangoLayout *l = pango_cairo_create_layout(cr);
	PangoFontDescription *fd = pango_font_description_new();
	int w, h;

	pango_cairo_context_set_resolution(pango_layout_get_context(l), 72);
	pango_layout_context_changed(l);
	pango_font_description_set_family_static(fd, "DejaVu Sans");
	pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD
						   : PANGO_WEIGHT_NORMAL);
	pango_font_description_set_size(fd, (gint)lround(size * PS));
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_text(l, s, -1);
	if (maxw > 0) {
		pango_layout_set_width(l, (int)(maxw * PS));
		pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
	}
	pango_layout_get_size(l, &w, &h);
	cairo_move_to(cr, x - align * w / PS, y);
	pango_cairo_show_layout(cr, l);
	g_object_unref(l);
}

static void bars(cairo_t *cr, const struct doc_chart *ch, double x0, double y0,
		 double w, double h, double fs)
{
	double top = y0 + fs * 4, base = y0 + h - fs * 2.2, bw, slot;
	int most = 0;
	char buf[16];

	for (int b = 0; b < ch->n_buckets; b++) {
		int sum = 0;

		for (int k = 0; k < ch->n_series; k++)
			sum += ch->values[b * ch->n_series + k];
		most = sum > most ? sum : most;
	}
	label(cr, ch->bars_title, x0, y0, fs + 1, true, 0, 0);
	slot = ch->n_buckets ? (w * 0.72) / ch->n_buckets : w;
	bw = slot * 0.6;
	cairo_set_line_width(cr, 0.6);
	cairo_move_to(cr, x0, base);
	cairo_rel_line_to(cr, w * 0.72, 0);
	cairo_stroke(cr);
	for (int b = 0; b < ch->n_buckets; b++) {
		double bx = x0 + b * slot + (slot - bw) / 2, y = base;
		int sum = 0;

		for (int k = 0; k < ch->n_series && most; k++) {
			int v = ch->values[b * ch->n_series + k];
			double bh = (base - top) * v / most;

			if (!v)
				continue;
			cairo_set_source_rgb(cr, palette[k][0], palette[k][1],
					     palette[k][2]);
			cairo_rectangle(cr, bx, y - bh, bw, bh);
			cairo_fill(cr);
			y -= bh;
			sum += v;
		}
		cairo_set_source_rgb(cr, 0, 0, 0);
		snprintf(buf, sizeof(buf), "%d", sum);
		label(cr, buf, bx + bw / 2, y - fs * 1.4, fs, false, 0.5, 0);
		label(cr, ch->bucket_label[b], bx + bw / 2, base + 2, fs, false,
		      0.5, slot);
	}
	/* The legend, right of the bars. */
	for (int k = 0; k < ch->n_series; k++) {
		double ly = top + k * fs * 1.6, lx = x0 + w * 0.76;

		cairo_set_source_rgb(cr, palette[k][0], palette[k][1],
				     palette[k][2]);
		cairo_rectangle(cr, lx, ly + 1, fs, fs);
		cairo_fill(cr);
		cairo_set_source_rgb(cr, 0, 0, 0);
		label(cr, ch->series_label[k], lx + fs * 1.5, ly, fs, false, 0,
		      0);
	}
}

static void pie(cairo_t *cr, const struct doc_chart *ch, double x0, double y0,
		double w, double h, double fs)
{
	double r = fmin(38, (h - fs * 4) / 2), cx = x0 + r + 2,
	       cy = y0 + fs * 3 + r, a = -M_PI / 2;
	int total = 0;
	char buf[160];

	label(cr, ch->shares_title, x0, y0, fs + 1, true, 0, 0);
	for (int k = 0; k < ch->n_shares; k++)
		total += ch->shares[k];
	cairo_set_line_width(cr, 0.6);
	cairo_new_path(cr);
	if (!total) {
		cairo_arc(cr, cx, cy, r, 0, 2 * M_PI);
		cairo_stroke(cr);
	}
	for (int k = 0; k < ch->n_shares && total; k++) {
		double da = 2 * M_PI * ch->shares[k] / total;

		if (!ch->shares[k])
			continue;
		cairo_set_source_rgb(cr, palette[k][0], palette[k][1],
				     palette[k][2]);
		cairo_move_to(cr, cx, cy);
		cairo_arc(cr, cx, cy, r, a, a + da);
		cairo_close_path(cr);
		cairo_fill(cr);
		a += da;
	}
	for (int k = 0; k < ch->n_shares; k++) {
		double ly = y0 + fs * 3 + k * fs * 1.7, lx = cx + r + 10;

		cairo_set_source_rgb(cr, palette[k][0], palette[k][1],
				     palette[k][2]);
		cairo_rectangle(cr, lx, ly + 1, fs, fs);
		cairo_fill(cr);
		cairo_set_source_rgb(cr, 0, 0, 0);
		snprintf(buf, sizeof(buf), "%s: %d (%.0f%%)",
			 ch->share_label[k], ch->shares[k],
			 total ? 100.0 * ch->shares[k] / total : 0.0);
		label(cr, buf, lx + fs * 1.5, ly, fs, false, 0,
		      x0 + w - lx - fs * 1.5);
	}
}

static void chart_draw(cairo_t *cr, const struct item *it)
{
	const struct chart_item *ci = it->data;

	cairo_save(cr);
	bars(cr, ci->chart, it->x, it->y, it->w * 0.52, it->h, ci->size);
	pie(cr, ci->chart, it->x + it->w * 0.55, it->y, it->w * 0.45, it->h,
	    ci->size);
	cairo_restore(cr);
}

/* ---- head and foot ---------------------------------------------------------- */

static void head(struct ctx *c, const struct doc_report *r)
{
	struct txt t;

	document_flow_letterhead(c, r->office_name, r->office_address, NULL,
				 13.0 / 15.0);

	document_txt_init(&t);
	document_txt_add_user(&t, r->title, false, W_BOLD, 12);
	if (!document_empty(r->subtitle)) {
		document_txt_add(&t, "\n", W_REG, 9.5);
		document_txt_add_user(&t, r->subtitle, false, W_REG, 9.5);
	}
	document_flow_text(
	    c, document_layout_make(c, &t, c->width, PANGO_ALIGN_CENTER, 0), 0);
	c->y += 10;
}

static void foot(struct ctx *c, int page, int pages, const void *arg)
{
	const struct doc_report *r = arg;
	char buf[96];
	struct txt t;
	PangoLayout *l;
	struct item *it;

	document_txt_init(&t);
	if (!document_empty(r->footer)) {
		document_txt_add_user(&t, r->footer, false, W_REG, 7.5);
		document_txt_add(&t, "  \u00b7  ", W_REG, 7.5);
	}
	snprintf(buf, sizeof(buf), "Halaman %d dari %d", page + 1, pages);
	document_txt_add(&t, buf, W_REG, 7.5);
	if (r->lang == LANG_EN) {
		snprintf(buf, sizeof(buf), " / Page %d of %d", page + 1, pages);
		document_txt_add(&t, buf, W_REG, 7.5);
	}
	l = document_layout_make(c, &t, c->width, PANGO_ALIGN_CENTER, 0);
	it = l ? document_item_add(c, ITEM_TEXT) : NULL;
	if (!it)
		return;
	it->page = page;
	it->x = c->left;
	it->y = c->page_h - R_FOOT * PT_PER_MM - document_layout_height(l);
	it->layout = l;
}

/* ---- render ---------------------------------------------------------------- */

int document_render_report(const struct doc_report *r, struct doc_buf *out)
{
	struct doc_buf tmp = {0};
	struct chart_item ci;
	struct ctx c;
	double w, h, size;

	if (!out) {
		errno = EINVAL;
		return -1;
	}
	document_buf_free(out);
	if (!r || document_empty(r->title))
		return document_refuse(out, "report", "no title");
	for (size_t i = 0; i < r->n_tables; i++)
		if (r->tables[i].n_cols < 1 ||
		    r->tables[i].n_cols > DOC_TABLE_MAX_COLS)
			return document_refuse(out, "report",
					       "a table's column count");
	w = r->landscape ? DOCUMENT_A4_HEIGHT_PT : DOCUMENT_A4_WIDTH_PT;
	h = r->landscape ? DOCUMENT_A4_WIDTH_PT : DOCUMENT_A4_HEIGHT_PT;
	size = r->landscape ? 6.8 : 8.5;
	if (document_ctx_open(&c, &tmp, w, h, r->lang, r->title) < 0)
		goto out;
	c.left = 14 * PT_PER_MM;
	c.width = w - 2 * c.left;
	c.top = c.y = 14 * PT_PER_MM;
	c.bottom = h - 18 * PT_PER_MM;
	c.paginate = true;

	head(&c, r);
	for (size_t i = 0; i < r->n_paras; i++)
		paragraph(&c, r->paras[i], 9);
	if (r->chart) {
		struct item *it;

		ci.chart = r->chart;
		ci.size = 7.5;
		document_flow_gap(&c, 6);
		document_flow_need(&c, R_CHART_H);
		it = document_item_add(&c, ITEM_CUSTOM);
		if (it) {
			it->x = c.left;
			it->y = c.y;
			it->w = c.width;
			it->h = R_CHART_H;
			it->draw = chart_draw;
			it->data = &ci;
		}
		c.y += R_CHART_H;
	}
	for (size_t i = 0; i < r->n_tables; i++)
		table(&c, &r->tables[i], size);
	if (r->n_notes)
		document_flow_gap(&c, 8);
	for (size_t i = 0; i < r->n_notes; i++)
		paragraph(&c, r->notes[i], 8);
	if (c.err[0] || c.oom)
		goto out;

	document_draw_all(&c, c.page + 1, foot, r);
	return document_finish(&c, &tmp, out, "report", c.page + 1, w, h);
out:
	return document_finish(&c, &tmp, out, "report", 0, 0, 0);
}
