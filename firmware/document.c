// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Receipt and written-notification PDFs rendered into memory: the part the
 * two documents share.  Each renderer (document_receipt.c,
 * document_notification.c) first lays the document out into a display list
 * (pango layouts, rules, boxes, the QR code) with positions and page
 * numbers, then sizes the page and draws the list.  Measuring first is what
 * lets a receipt be exactly as tall as its content and lets a letter break
 * across A4 pages between lines.  This file holds the output buffer, text
 * cleaning and building, the layout engine, drawing and the render frame
 * (cairo PDF surface, pango setup); document_internal.h declares them.
 */

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>

#include "document.h"
#include "document_internal.h"
#include "log.h"

#define FONT_FAMILY "DejaVu Sans"

/* ---- error reporting ---------------------------------------------------- */

void document_fail(struct ctx *c, int err_no, const char *what, const char *msg)
{
	if (c->err[0])
		return; /* keep the first, root cause */
	c->err_no = err_no;
	snprintf(c->err, sizeof(c->err), "%s: %s", what, msg);
}

/* ---- output buffer ------------------------------------------------------ */

static cairo_status_t buf_write(void *closure, const unsigned char *data,
				unsigned int length)
{
	struct doc_buf *b = closure;

	if (length > b->cap - b->len) {
		size_t cap = b->cap ? b->cap : 32768;
		unsigned char *p;

		while (cap - b->len < length) {
			if (cap > SIZE_MAX / 2)
				return CAIRO_STATUS_WRITE_ERROR;
			cap *= 2;
		}
		p = realloc(b->data, cap);
		if (!p)
			return CAIRO_STATUS_WRITE_ERROR;
		b->data = p;
		b->cap = cap;
	}
	memcpy(b->data + b->len, data, length);
	b->len += length;
	return CAIRO_STATUS_SUCCESS;
}

void document_buf_free(struct doc_buf *buf)
{
	if (!buf)
		return;
	free(buf->data);
	memset(buf, 0, sizeof(*buf));
}

int document_buf_save(const struct doc_buf *buf, const char *path)
{
	char tmp[PATH_MAX];
	size_t off = 0;
	int fd, saved;

	if (!buf || !buf->data || !path) {
		errno = EINVAL;
		return -1;
	}
	if (snprintf(tmp, sizeof(tmp), "%s.tmpXXXXXX", path) >=
	    (int)sizeof(tmp)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	fd = mkostemp(tmp, O_CLOEXEC);
	if (fd < 0)
		return -1;
	while (off < buf->len) {
		ssize_t n = write(fd, buf->data + off, buf->len - off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			goto err_unlink;
		off += (size_t)n;
	}
	if (fsync(fd) < 0)
		goto err_unlink;
	if (close(fd) < 0) {
		fd = -1;
		goto err_unlink;
	}
	fd = -1;
	if (rename(tmp, path) < 0)
		goto err_unlink;
	return 0;

err_unlink:
	saved = errno;
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	errno = saved;
	return -1;
}

/* ---- text cleaning -------------------------------------------------------- */

static bool is_bidi_control(gunichar u)
{
	return u == 0x200e || u == 0x200f || (u >= 0x202a && u <= 0x202e) ||
	       (u >= 0x2066 && u <= 0x2069);
}

/*
 * User text as pango may take it: valid UTF-8, no control characters (a
 * newline survives only in multi-line fields), no bidi overrides that could
 * make printed text read differently from what was typed, at most
 * DOCUMENT_FIELD_MAX bytes.  Returns g_malloc()ed text.
 */
char *document_clean_text(const char *in, bool multiline)
{
	size_t n;
	bool cut;
	char *valid;
	GString *s;

	if (!in)
		return g_strdup("");
	n = strnlen(in, DOCUMENT_FIELD_MAX + 1);
	cut = n > DOCUMENT_FIELD_MAX;
	if (cut) {
		/* Cut before the character that crosses the limit. */
		const char *p =
		    g_utf8_find_prev_char(in, in + DOCUMENT_FIELD_MAX + 1);

		n = p ? (size_t)(p - in) : 0;
	}
	valid = g_utf8_make_valid(in, (gssize)n);
	s = g_string_sized_new(n + 4);
	for (const char *p = valid; *p; p = g_utf8_next_char(p)) {
		gunichar u = g_utf8_get_char(p);

		if (u == '\r') {
			if (p[1] != '\n')
				g_string_append_c(s, multiline ? '\n' : ' ');
		} else if (u == '\n') {
			g_string_append_c(s, multiline ? '\n' : ' ');
		} else if (g_unichar_iscntrl(u) || is_bidi_control(u)) {
			g_string_append_c(s, ' ');
		} else {
			g_string_append_unichar(s, u);
		}
	}
	g_free(valid);
	if (cut)
		g_string_append(s, "\u2026");
	return g_strstrip(g_string_free(s, FALSE));
}

bool document_empty(const char *s)
{
	return !s || !*s;
}

/*
 * Defence in depth for personal data: whatever the caller passed as the
 * "masked" ID, keep at most the first 4 and last 4 of its digits.  A value
 * with 8 digits or fewer (already masked, a passport number) is unchanged.
 */
char *document_mask_id(const char *in)
{
	char *s = document_clean_text(in, false);
	size_t digits = 0, k = 0;

	for (const char *p = s; *p; p++)
		digits += *p >= '0' && *p <= '9';
	if (digits <= 8)
		return s;
	for (char *p = s; *p; p++) {
		if (*p < '0' || *p > '9')
			continue;
		if (k >= 4 && k < digits - 4)
			*p = '*';
		k++;
	}
	return s;
}

/* ---- text building ---------------------------------------------------------- */

void document_txt_init(struct txt *t)
{
	t->s = g_string_new(NULL);
	t->attrs = pango_attr_list_new();
}

/* Append @p text (trusted or cleaned) in the given weight and size. */
void document_txt_add(struct txt *t, const char *text, enum weight w,
		      double size)
{
	PangoFontDescription *fd;
	PangoAttribute *a;
	size_t start = t->s->len;

	if (!text || !*text)
		return;
	g_string_append(t->s, text);
	fd = pango_font_description_new();
	pango_font_description_set_family_static(fd, FONT_FAMILY);
	pango_font_description_set_weight(
	    fd, w == W_BOLD ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_font_description_set_size(fd, (gint)lround(size * PS));
	a = pango_attr_font_desc_new(fd);
	pango_font_description_free(fd);
	a->start_index = (guint)start;
	a->end_index = (guint)t->s->len;
	pango_attr_list_insert(t->attrs, a);
}

/* Append user text after cleaning it. */
void document_txt_add_user(struct txt *t, const char *text, bool multiline,
			   enum weight w, double size)
{
	char *s = document_clean_text(text, multiline);

	document_txt_add(t, s, w, size);
	g_free(s);
}

void document_txt_underline(struct txt *t, size_t start)
{
	PangoAttribute *a = pango_attr_underline_new(PANGO_UNDERLINE_SINGLE);

	a->start_index = (guint)start;
	a->end_index = (guint)t->s->len;
	pango_attr_list_insert(t->attrs, a);
}

/* Indonesian text, plus the English line under it when asked for. */
void document_txt_add_text(struct txt *t, enum lang lang, const struct text *m,
			   enum weight w, double size, double en_size)
{
	document_txt_add(t, m->id, w, size);
	if (lang == LANG_EN) {
		document_txt_add(t, "\n", W_REG, en_size);
		document_txt_add(t, m->en, W_REG, en_size);
	}
}

/* ---- layouts and the display list ------------------------------------------ */

struct item *document_item_add(struct ctx *c, enum item_kind kind)
{
	struct item *it;

	if (c->n_items == c->cap_items) {
		size_t cap = c->cap_items ? c->cap_items * 2 : 64;
		struct item *p = realloc(c->items, cap * sizeof(*p));

		if (!p) {
			c->oom = true;
			return NULL;
		}
		c->items = p;
		c->cap_items = cap;
	}
	it = &c->items[c->n_items++];
	memset(it, 0, sizeof(*it));
	it->kind = kind;
	it->page = c->page;
	it->nlines = -1;
	return it;
}

/*
 * Cut @p l's text after @p max lines, ending with "…".  Done by hand, not
 * with pango's ellipsizing: that hides the rest of the text but still
 * writes all of it into the PDF (as the ellipsis glyph's ActualText).
 */
static void cut_lines(PangoLayout *l, int max)
{
	PangoLayoutLine *line;
	GString *s;

	if (pango_layout_get_line_count(l) <= max)
		return;
	line = pango_layout_get_line_readonly(l, max - 1);
	s = g_string_new_len(pango_layout_get_text(l),
			     line->start_index + line->length);
	for (;;) {
		const char *sp;

		while (s->len > 0 && strchr(" ,;:", s->str[s->len - 1]))
			g_string_truncate(s, s->len - 1);
		g_string_append(s, "\u2026");
		pango_layout_set_text(l, s->str, (int)s->len);
		if (pango_layout_get_line_count(l) <= max || s->len <= 3)
			break;
		/* Still too long: drop the last word (or character). */
		g_string_truncate(s, s->len - 3);
		sp = strrchr(s->str, ' ');
		if (sp && sp > s->str && s->str + s->len - sp < 24)
			g_string_truncate(s, (size_t)(sp - s->str));
		else if (s->len > 0)
			g_string_truncate(
			    s, (size_t)(g_utf8_find_prev_char(s->str,
							      s->str + s->len) -
					s->str));
	}
	g_string_free(s, TRUE);
}

/*
 * Turn @p t (consumed) into a layout @p width wide.  @p max_lines > 0 cuts
 * the text with an ellipsis after that many lines.
 */
PangoLayout *document_layout_make(struct ctx *c, struct txt *t, double width,
				  PangoAlignment align, int max_lines)
{
	PangoLayout *l = pango_layout_new(c->pango);
	PangoFontDescription *fd =
	    pango_font_description_from_string(FONT_FAMILY " 9");

	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_text(l, t->s->str, (int)t->s->len);
	pango_layout_set_attributes(l, t->attrs);
	pango_layout_set_width(l, (int)lround(width * PS));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_alignment(l, align);
	if (max_lines > 0)
		cut_lines(l, max_lines);
	pango_attr_list_unref(t->attrs);
	g_string_free(t->s, TRUE);
	t->attrs = NULL;
	t->s = NULL;

	if (c->n_layouts == c->cap_layouts) {
		size_t cap = c->cap_layouts ? c->cap_layouts * 2 : 64;
		PangoLayout **p = realloc(c->layouts, cap * sizeof(*p));

		if (!p) {
			c->oom = true;
			g_object_unref(l);
			return NULL;
		}
		c->layouts = p;
		c->cap_layouts = cap;
	}
	c->layouts[c->n_layouts++] = l;
	return l;
}

double document_layout_height(PangoLayout *l)
{
	int w, h;

	pango_layout_get_size(l, &w, &h);
	return h / PS;
}

static double layout_width(PangoLayout *l)
{
	int w, h;

	pango_layout_get_size(l, &w, &h);
	return w / PS;
}

/* Natural one-line width of @p text in points. */
double document_text_width(struct ctx *c, const char *text, enum weight w,
			   double size)
{
	struct txt t;
	double width;

	if (!c->scratch)
		c->scratch = pango_layout_new(c->pango);
	document_txt_init(&t);
	document_txt_add(&t, text, w, size);
	pango_layout_set_text(c->scratch, t.s->str, (int)t.s->len);
	pango_layout_set_attributes(c->scratch, t.attrs);
	width = layout_width(c->scratch);
	pango_attr_list_unref(t.attrs);
	g_string_free(t.s, TRUE);
	return width;
}

static void new_page(struct ctx *c)
{
	c->page++;
	c->y = c->top;
}

/* Vertical space; swallowed at the top of a page. */
void document_flow_gap(struct ctx *c, double pts)
{
	if (c->paginate && c->y + pts > c->bottom)
		new_page(c);
	else if (!c->paginate || c->y > c->top)
		c->y += pts;
}

/* Start a new page unless @p h points still fit on this one. */
void document_flow_need(struct ctx *c, double h)
{
	if (c->paginate && c->y + h > c->bottom && c->y > c->top)
		new_page(c);
}

/*
 * How many lines of @p l from @p line0 fit in @p avail points; their
 * height goes to @p used.
 */
static int lines_fitting(PangoLayout *l, int line0, double avail, double *used)
{
	PangoLayoutIter *it = pango_layout_get_iter(l);
	int i = 0, n = 0;
	double top = 0;

	*used = 0;
	do {
		PangoRectangle r;
		double y0, y1;

		if (i++ < line0)
			continue;
		pango_layout_iter_get_line_extents(it, NULL, &r);
		y0 = r.y / PS;
		y1 = (r.y + r.height) / PS;
		if (n == 0)
			top = y0;
		if (y1 - top > avail)
			break;
		*used = y1 - top;
		n++;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	return n;
}

static void text_item(struct ctx *c, PangoLayout *l, double x, double dy,
		      int line0, int nlines)
{
	struct item *it = document_item_add(c, ITEM_TEXT);

	if (!it)
		return;
	it->x = c->left + x;
	it->y = c->y + dy;
	it->layout = l;
	it->line0 = line0;
	it->nlines = nlines;
}

/*
 * Place layouts side by side at the flow position.  On a paginated
 * document the row breaks between lines across pages, never leaving a
 * single line of a column alone at the foot of a page.
 */
void document_flow_row(struct ctx *c, const struct col *cols, int n)
{
	int line0[4] = {0}, total[4] = {0};
	bool first = true;

	if (n > 4)
		n = 4;
	for (int i = 0; i < n; i++)
		if (cols[i].layout)
			total[i] = pango_layout_get_line_count(cols[i].layout);

	if (!c->paginate) {
		double h = 0;

		for (int i = 0; i < n; i++) {
			if (!cols[i].layout)
				continue;
			text_item(c, cols[i].layout, cols[i].x, cols[i].dy, 0,
				  -1);
			h = fmax(h, cols[i].dy +
					document_layout_height(cols[i].layout));
		}
		c->y += h;
		return;
	}

	for (;;) {
		double avail = c->bottom - c->y, hmax = 0;
		int nfit[4] = {0}, most = 0;
		bool done = true, any = false;

		for (int i = 0; i < n; i++) {
			double used;

			if (!cols[i].layout || line0[i] >= total[i])
				continue;
			nfit[i] = lines_fitting(cols[i].layout, line0[i], avail,
						&used);
			if (nfit[i] < total[i] - line0[i])
				done = false;
			if (nfit[i] > 0)
				any = true;
			most = nfit[i] > most ? nfit[i] : most;
			hmax = fmax(hmax, used);
		}
		if (!done && c->y > c->top && (!any || (first && most < 2))) {
			new_page(c);
			continue;
		}
		if (!any) {
			/* A line taller than a page: draw it anyway. */
			for (int i = 0; i < n; i++)
				if (cols[i].layout && line0[i] < total[i])
					nfit[i] = 1;
			hmax = avail;
		}
		for (int i = 0; i < n; i++) {
			if (nfit[i] == 0)
				continue;
			text_item(c, cols[i].layout, cols[i].x,
				  first ? cols[i].dy : 0, line0[i],
				  nfit[i] == total[i] ? -1 : nfit[i]);
			line0[i] += nfit[i];
		}
		c->y += hmax;
		first = false;
		if (done)
			return;
		new_page(c);
	}
}

void document_flow_text(struct ctx *c, PangoLayout *l, double x)
{
	struct col col = {l, x, 0};

	if (l)
		document_flow_row(c, &col, 1);
}

void document_flow_rule(struct ctx *c, double x, double len, double lw,
			bool dashed)
{
	struct item *it = document_item_add(c, ITEM_RULE);

	if (!it)
		return;
	it->x = c->left + x;
	it->y = c->y + lw / 2;
	it->w = len;
	it->h = lw;
	it->dashed = dashed;
	c->y += lw;
}

void document_flow_letterhead(struct ctx *c, const char *name,
			      const char *address, const char *contact,
			      double scale)
{
	char *office = document_clean_text(name, false);
	char *upper = g_utf8_strup(office, -1);
	double small = 9.5 * (scale < 1.0 ? 8.5 / 9.5 : 1.0);
	struct txt t;

	document_txt_init(&t);
	document_txt_add(&t, upper, W_BOLD, 15 * scale);
	if (!document_empty(address)) {
		document_txt_add(&t, "\n", W_REG, small);
		document_txt_add_user(&t, address, true, W_REG, small);
	}
	if (!document_empty(contact)) {
		document_txt_add(&t, "\n", W_REG, small);
		document_txt_add_user(&t, contact, false, W_REG, small);
	}
	document_flow_text(
	    c, document_layout_make(c, &t, c->width, PANGO_ALIGN_CENTER, 0), 0);
	g_free(upper);
	g_free(office);
	c->y += 6 * scale;
	document_flow_rule(c, 0, c->width, 2.2 * scale, false);
	c->y += 1.5 * scale;
	document_flow_rule(c, 0, c->width, 0.6 * scale, false);
	c->y += 16 * scale;
}

/* ---- drawing ------------------------------------------------------------------ */

static void draw_lines(cairo_t *cr, PangoLayout *l, double x, double y,
		       int line0, int nlines)
{
	PangoLayoutIter *it = pango_layout_get_iter(l);
	int i = 0;
	double top = 0;

	do {
		PangoRectangle r;
		int base;

		if (i < line0) {
			i++;
			continue;
		}
		if (i >= line0 + nlines)
			break;
		pango_layout_iter_get_line_extents(it, NULL, &r);
		base = pango_layout_iter_get_baseline(it);
		if (i == line0)
			top = r.y / PS;
		cairo_move_to(cr, x + r.x / PS, y + base / PS - top);
		pango_cairo_show_layout_line(
		    cr, pango_layout_iter_get_line_readonly(it));
		i++;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
}

static void draw_item(struct ctx *c, const struct item *it)
{
	cairo_t *cr = c->cr;

	switch (it->kind) {
	case ITEM_TEXT:
		if (it->nlines < 0) {
			cairo_move_to(cr, it->x, it->y);
			pango_cairo_show_layout(cr, it->layout);
		} else {
			draw_lines(cr, it->layout, it->x, it->y, it->line0,
				   it->nlines);
		}
		break;
	case ITEM_RULE:
		cairo_save(cr);
		cairo_set_line_width(cr, it->h);
		if (it->dashed) {
			static const double dash[] = {2.0, 2.0};

			cairo_set_dash(cr, dash, 2, 0);
		}
		cairo_move_to(cr, it->x, it->y);
		cairo_rel_line_to(cr, it->w, 0);
		cairo_stroke(cr);
		cairo_restore(cr);
		break;
	case ITEM_RECT:
		cairo_save(cr);
		cairo_set_line_width(cr, 0.9);
		cairo_rectangle(cr, it->x, it->y, it->w, it->h);
		cairo_stroke(cr);
		cairo_restore(cr);
		break;
	case ITEM_CUSTOM:
		it->draw(cr, it);
		break;
	}
}

/* Draw every page of the display list; @p footer adds per-page items. */
void document_draw_all(struct ctx *c, int pages,
		       void (*footer)(struct ctx *, int page, int pages,
				      const void *arg),
		       const void *arg)
{
	cairo_set_source_rgb(c->cr, 0, 0, 0);
	for (int p = 0; p < pages; p++) {
		if (footer) {
			size_t mark = c->n_items;

			footer(c, p, pages, arg);
			for (size_t i = mark; i < c->n_items; i++)
				draw_item(c, &c->items[i]);
			c->n_items = mark;
		}
		for (size_t i = 0; i < c->n_items; i++)
			if (c->items[i].page == p)
				draw_item(c, &c->items[i]);
		cairo_show_page(c->cr);
	}
}

/* ---- render frame ------------------------------------------------------------ */

int document_ctx_open(struct ctx *c, struct doc_buf *tmp, double w, double h,
		      enum lang lang, const char *title)
{
	cairo_font_options_t *fo;

	memset(c, 0, sizeof(*c));
	c->lang = lang == LANG_EN ? LANG_EN : LANG_ID;
	c->page_w = w;
	c->page_h = h;
	c->surface = cairo_pdf_surface_create_for_stream(buf_write, tmp, w, h);
	if (cairo_surface_status(c->surface) != CAIRO_STATUS_SUCCESS) {
		document_fail(
		    c, ENOMEM, "cairo",
		    cairo_status_to_string(cairo_surface_status(c->surface)));
		return -1;
	}
	cairo_pdf_surface_set_metadata(c->surface, CAIRO_PDF_METADATA_TITLE,
				       title);
	cairo_pdf_surface_set_metadata(c->surface, CAIRO_PDF_METADATA_CREATOR,
				       "ppid-kiosk");
	c->cr = cairo_create(c->surface);
	if (cairo_status(c->cr) != CAIRO_STATUS_SUCCESS) {
		document_fail(c, ENOMEM, "cairo",
			      cairo_status_to_string(cairo_status(c->cr)));
		return -1;
	}

	/*
	 * pango-cairo assumes 96 dpi; at 72 a "9" is a 9 pt glyph.  Unhinted
	 * metrics keep the layout the same whatever the output device.
	 */
	c->pango = pango_cairo_create_context(c->cr);
	pango_cairo_context_set_resolution(c->pango, 72);
	fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(c->pango, fo);
	cairo_font_options_destroy(fo);
	pango_context_set_language(c->pango, pango_language_from_string("id"));
	/* At 72 dpi a "pixel" is a whole point: rounding glyph positions to
	   it spaces letters unevenly (and bloats the PDF with kerning). */
	pango_context_set_round_glyph_positions(c->pango, FALSE);
	return 0;
}

/*
 * Finish the PDF into @p tmp; release everything.  Returns 0 or -1 with
 * the failure recorded in @p c.
 */
static int ctx_close(struct ctx *c)
{
	cairo_status_t st;

	for (size_t i = 0; i < c->n_layouts; i++)
		g_object_unref(c->layouts[i]);
	free(c->layouts);
	free(c->items);
	if (c->scratch)
		g_object_unref(c->scratch);
	if (c->pango)
		g_object_unref(c->pango);
	if (c->cr) {
		st = cairo_status(c->cr);
		if (st != CAIRO_STATUS_SUCCESS)
			document_fail(
			    c, st == CAIRO_STATUS_NO_MEMORY ? ENOMEM : EIO,
			    "cairo", cairo_status_to_string(st));
		cairo_destroy(c->cr);
	}
	if (c->surface) {
		cairo_surface_finish(c->surface);
		st = cairo_surface_status(c->surface);
		if (st != CAIRO_STATUS_SUCCESS)
			document_fail(c,
				      st == CAIRO_STATUS_NO_MEMORY ||
					      st == CAIRO_STATUS_WRITE_ERROR
					  ? ENOMEM
					  : EIO,
				      "cairo", cairo_status_to_string(st));
		cairo_surface_destroy(c->surface);
	}
	if (c->oom)
		document_fail(c, ENOMEM, "document", "out of memory");
	return c->err[0] ? -1 : 0;
}

/* Hand the finished bytes to @p out, or report @p c's failure. */
int document_finish(struct ctx *c, struct doc_buf *tmp, struct doc_buf *out,
		    const char *what, int pages, double w, double h)
{
	int rc = ctx_close(c);

	if (rc < 0) {
		document_buf_free(tmp);
		snprintf(out->err, sizeof(out->err), "%s", c->err);
		log_err("%s: %s", what, c->err);
		errno = c->err_no ? c->err_no : EIO;
		return -1;
	}
	*out = *tmp;
	out->pages = pages;
	out->width_pt = w;
	out->height_pt = h;
	out->err[0] = '\0';
	return 0;
}

/* Fail before any cairo object exists (bad view). */
int document_refuse(struct doc_buf *out, const char *what, const char *msg)
{
	snprintf(out->err, sizeof(out->err), "%s: %s", what, msg);
	log_err("%s: %s", what, msg);
	errno = EINVAL;
	return -1;
}

void document_shutdown(void)
{
	/* Drop pango's font map and cairo's caches so a short-lived program
	 * ends with nothing allocated (and leak checkers stay quiet). */
	pango_cairo_font_map_set_default(NULL);
	cairo_debug_reset_static_data();
	FcFini();
}
