// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The printer test page of the kiosk's maintenance menu: one roll-paper
 * page, as tall as its content, saying that it is a test page, for which
 * office, when, and what the printer said of itself.  No personal data.
 * Built on the shared layout engine (document_internal.h).
 */

#include <errno.h>
#include <math.h>

#include <cairo-pdf.h>

#include "document.h"
#include "document_internal.h"

#define PROVISIONAL_H 1000.0 /* page height before measuring */

static const struct text t_title = {"HALAMAN UJI PRINTER", "Printer test page"};
static const struct text t_body = {
    "Halaman ini dicetak dari menu pemeliharaan kiosk. Jika halaman ini "
    "terbaca jelas, printer tanda terima bekerja.",
    "Printed from the kiosk's maintenance menu. If this page is clear, the "
    "receipt printer works."};
static const struct text t_when = {"Waktu", "Time"};
static const struct text t_printer = {"Printer", "Printer"};
static const struct text t_state = {"Keadaan printer", "Printer state"};

/* A heading line and its value under it. */
static void labelled(struct ctx *c, const struct text *label, const char *value)
{
	struct txt t;

	document_txt_init(&t);
	document_txt_add_text(&t, LANG_EN, label, W_BOLD, 9, 8);
	document_flow_text(
	    c, document_layout_make(c, &t, c->width, PANGO_ALIGN_LEFT, 0), 0);
	document_txt_init(&t);
	document_txt_add_user(&t, value, false, W_REG, 10);
	document_flow_text(
	    c, document_layout_make(c, &t, c->width, PANGO_ALIGN_LEFT, 3), 0);
	document_flow_gap(c, 4);
}

static void build(struct ctx *c, const struct doc_test_page *p)
{
	struct txt t;

	document_txt_init(&t);
	document_txt_add_user(&t, p->office_name, false, W_BOLD, 11);
	document_flow_text(
	    c, document_layout_make(c, &t, c->width, PANGO_ALIGN_CENTER, 3), 0);
	document_flow_gap(c, 6);
	document_flow_rule(c, 0, c->width, 1.0, false);
	document_flow_gap(c, 6);
	document_txt_init(&t);
	document_txt_add_text(&t, LANG_EN, &t_title, W_BOLD, 14, 10);
	document_flow_text(
	    c, document_layout_make(c, &t, c->width, PANGO_ALIGN_CENTER, 0), 0);
	document_flow_gap(c, 8);
	document_txt_init(&t);
	document_txt_add_text(&t, LANG_EN, &t_body, W_REG, 9, 8);
	document_flow_text(
	    c, document_layout_make(c, &t, c->width, PANGO_ALIGN_LEFT, 0), 0);
	document_flow_gap(c, 8);
	labelled(c, &t_when, p->when);
	if (!document_empty(p->printer))
		labelled(c, &t_printer, p->printer);
	labelled(c, &t_state, p->printer_state);
	document_flow_rule(c, 0, c->width, 0.8, true);
}

int document_render_test_page(const struct doc_test_page *p,
			      struct doc_buf *out)
{
	struct doc_buf tmp = {0};
	struct ctx c;
	bool wide;
	double side, w, h;

	if (!out) {
		errno = EINVAL;
		return -1;
	}
	document_buf_free(out);
	if (!p || document_empty(p->office_name) || document_empty(p->when) ||
	    document_empty(p->printer_state))
		return document_refuse(out, "test page",
				       "office_name, when and printer_state "
				       "are required");
	if (p->paper_mm != 0 && p->paper_mm != 58 && p->paper_mm != 80)
		return document_refuse(out, "test page",
				       "paper_mm must be 58 or 80");
	wide = p->paper_mm != 58;
	w = (wide ? 80 : 58) * PT_PER_MM;
	side = (wide ? 4 : 5) * PT_PER_MM;
	if (document_ctx_open(&c, &tmp, w, PROVISIONAL_H, LANG_EN,
			      "Halaman Uji Printer") < 0)
		return document_finish(&c, &tmp, out, "test page", 0, 0, 0);
	c.left = side;
	c.width = w - 2 * side;
	c.top = c.y = 4 * PT_PER_MM;
	c.bottom = HUGE_VAL;
	c.paginate = false;
	build(&c, p);
	if (c.err[0] || c.oom)
		return document_finish(&c, &tmp, out, "test page", 0, 0, 0);
	h = ceil(c.y + 6 * PT_PER_MM);
	cairo_pdf_surface_set_size(c.surface, w, h);
	document_draw_all(&c, 1, NULL, NULL);
	return document_finish(&c, &tmp, out, "test page", 1, w, h);
}
