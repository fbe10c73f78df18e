// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The visitor's receipt (tanda terima) on 58 or 80 mm roll paper: one page
 * as tall as its content, with the registration number in a box, the
 * deadline and a QR code for checking the status at the kiosk.  Built on
 * the shared layout engine in document.c (document_internal.h).
 */

#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <qrencode.h>

#include "document.h"
#include "document_internal.h"

#define DOT_PT	      (72.0 / 203.0) /* one dot of a 203 dpi thermal head */
#define QR_QUIET      4		     /* quiet zone, modules */
#define QR_MAX_MM     34.0	     /* largest QR symbol incl. quiet zone */
#define QR_MIN_DOTS   4		     /* 4 dots = 0.50 mm modules */
#define QR_MAX_DOTS   8		     /* 8 dots = 1.00 mm modules */
#define PROVISIONAL_H 2000.0	     /* receipt height before measuring */

/* ---- static texts ------------------------------------------------------ */

static const struct text t_receipt_title = {"TANDA TERIMA", "RECEIPT"};
static const struct text t_receipt_sub = {
    "Permohonan Informasi Publik", "Receipt for a public information request"};
static const struct text t_regno = {"NOMOR REGISTRASI", "Registration number"};
static const struct text t_received = {"Diterima", "Received"};
static const struct text t_name = {"Nama pemohon", "Requester"};
static const struct text t_id = {"No. identitas", "ID number"};
static const struct text t_info = {"Informasi yang diminta",
				   "Information requested"};
static const struct text t_channel = {"Melalui", "Submitted via"};
static const struct text t_deadline = {"Pemberitahuan tertulis paling lambat",
				       "Written notification due by"};
static const struct text t_deadline_note = {
    "Dapat diperpanjang satu kali, paling lama 7 (tujuh) hari kerja, "
    "dengan pemberitahuan tertulis beserta alasannya.",
    "May be extended once by up to 7 working days; you will be told in "
    "writing, with the reasons."};
static const struct text t_next = {"Langkah selanjutnya", "What happens next"};
static const struct text t_next_text = {
    "Permohonan Anda diteruskan kepada PPID. Anda akan menerima "
    "pemberitahuan tertulis apakah informasi dapat diberikan, paling "
    "lambat pada tanggal di atas.",
    "Your request goes to the PPID (information officer). By the date "
    "above you will get a written notification saying whether the "
    "information can be given."};
static const struct text t_status = {
    "Cek status: pindai kode QR di bawah pada kiosk ini, atau tunjukkan "
    "tanda terima ini di meja layanan informasi.",
    "Status: scan the QR code below at this kiosk, or show this receipt "
    "at the information desk."};
static const struct text t_qr_caption = {"Pindai di kiosk untuk cek status",
					 "Scan at the kiosk to check status"};
static const struct text t_hours = {"Jam layanan", "Service hours"};
static const struct text t_free = {
    "Layanan informasi publik tidak dipungut biaya.\n"
    "Simpan tanda terima ini.",
    "The public information service is free of charge.\n"
    "Keep this receipt."};

/* ---- layout ------------------------------------------------------------ */

/* Label (with its English line) and value; side by side on wide paper. */
static void receipt_field(struct ctx *c, double label_w,
			  const struct text *label, const char *value,
			  enum weight vw, double vsize, int max_lines)
{
	const double gap = 6;
	struct txt lt, vt;
	struct col cols[2];

	if (document_empty(value))
		return;
	document_txt_init(&lt);
	document_txt_add_text(&lt, c->lang, label, W_BOLD, 7.5, 6.5);
	document_txt_init(&vt);
	document_txt_add_user(&vt, value, false, vw, vsize);
	if (label_w > 0) {
		cols[0].layout =
		    document_layout_make(c, &lt, label_w, PANGO_ALIGN_LEFT, 0);
		cols[0].x = 0;
		cols[1].layout =
		    document_layout_make(c, &vt, c->width - label_w - gap,
					 PANGO_ALIGN_LEFT, max_lines);
		cols[1].x = label_w + gap;
		cols[0].dy = cols[1].dy = 0;
		/* Line the label's first baseline up with the value's. */
		if (cols[0].layout && cols[1].layout)
			cols[0].dy =
			    (pango_layout_get_baseline(cols[1].layout) -
			     pango_layout_get_baseline(cols[0].layout)) /
			    PS;
		document_flow_row(c, cols, 2);
	} else {
		document_flow_text(
		    c,
		    document_layout_make(c, &lt, c->width, PANGO_ALIGN_LEFT, 0),
		    0);
		c->y += 1;
		document_flow_text(c,
				   document_layout_make(c, &vt, c->width,
							PANGO_ALIGN_LEFT,
							max_lines),
				   0);
	}
	c->y += 5;
}

/*
 * Lay the registration number out as large as the column allows: one line
 * of 13..20 pt, else two lines broken after a '/' (never inside a part such
 * as "KPU-BKL"), else whatever fits.  Writes the text with its line breaks
 * to @p out and returns the size in points.
 */
static double regno_fit(struct ctx *c, const char *regno, double avail,
			GString *out)
{
	const double ref = 20;
	double full = document_text_width(c, regno, W_BOLD, ref);
	double size;

	g_string_assign(out, regno);
	size = floor(ref * avail / full * 2) / 2;
	if (size >= 13)
		return fmin(size, ref);

	/* Two lines at the largest size that fits, split after a '/'. */
	for (size = 18; size >= 11; size -= 0.5) {
		const char *best = NULL;

		for (const char *p = strchr(regno, '/'); p;
		     p = strchr(p + 1, '/')) {
			char *head = g_strndup(regno, (gsize)(p + 1 - regno));
			bool fits = document_text_width(c, head, W_BOLD,
							size) <= avail &&
				    document_text_width(c, p + 1, W_BOLD,
							size) <= avail;

			g_free(head);
			if (fits &&
			    (!best || p - regno <= (long)strlen(regno) / 2 + 4))
				best = p;
		}
		if (best) {
			g_string_assign(out, "");
			g_string_append_len(out, regno,
					    (gssize)(best + 1 - regno));
			g_string_append_c(out, '\n');
			g_string_append(out, best + 1);
			return size;
		}
	}
	return fmax(8, floor(ref * avail / full * 2) / 2);
}

/* The registration number, large, in a box. */
static void receipt_regno(struct ctx *c, const char *regno)
{
	const double pad = 5;
	char *clean = document_clean_text(regno, false);
	GString *text = g_string_new(NULL);
	double size, y0;
	struct txt t;
	struct item *box;

	size = regno_fit(c, clean, c->width - 2 * pad - 2, text);
	box = document_item_add(c, ITEM_RECT);
	y0 = c->y;
	c->y += pad;
	document_txt_init(&t);
	document_txt_add_text(&t, c->lang, &t_regno, W_REG, 7, 6.5);
	document_flow_text(
	    c, document_layout_make(c, &t, c->width, PANGO_ALIGN_CENTER, 0), 0);
	c->y += 2;
	document_txt_init(&t);
	document_txt_add(&t, text->str, W_BOLD, size);
	document_flow_text(c,
			   document_layout_make(c, &t, c->width - 2 * pad,
						PANGO_ALIGN_CENTER, 0),
			   pad);
	c->y += pad;
	if (box) {
		box->x = c->left + 0.45;
		box->y = y0;
		box->w = c->width - 0.9;
		box->h = c->y - y0;
	}
	g_string_free(text, TRUE);
	g_free(clean);
}

/* Draws the QR symbol of an ITEM_CUSTOM item: it->data is the QRcode. */
static void draw_qr(cairo_t *cr, const struct item *it)
{
	const QRcode *q = it->data;
	const double x = it->x, y = it->y, m = it->unit;

	/*
	 * One path, filled once: no hairline seams between modules.  Each
	 * run of dark modules in a row is one rectangle, which keeps the PDF
	 * content stream (and the time spent writing it) small.
	 */
	for (int r = 0; r < q->width; r++) {
		const unsigned char *row = q->data + r * q->width;

		for (int col = 0; col < q->width;) {
			int end = col;

			if (!(row[col] & 1)) {
				col++;
				continue;
			}
			while (end < q->width && (row[end] & 1))
				end++;
			cairo_rectangle(cr, x + (col + QR_QUIET) * m,
					y + (r + QR_QUIET) * m, (end - col) * m,
					m);
			col = end;
		}
	}
	cairo_fill(cr);
}

/* The QR symbol centred, modules of whole 203 dpi dots, on the dot grid. */
static void receipt_qr(struct ctx *c, const QRcode *qr)
{
	int n = qr->width + 2 * QR_QUIET;
	double max = fmin(QR_MAX_MM * PT_PER_MM, c->width);
	int dots = (int)floor(max / (n * DOT_PT));
	struct item *it;
	double size, x;

	if (dots > QR_MAX_DOTS)
		dots = QR_MAX_DOTS;
	if (dots < QR_MIN_DOTS) {
		document_fail(c, ERANGE, "receipt",
			      "QR payload too long for the paper width");
		return;
	}
	size = n * dots * DOT_PT;
	x = c->left + (c->width - size) / 2;
	it = document_item_add(c, ITEM_CUSTOM);
	if (!it)
		return;
	it->draw = draw_qr;
	it->data = qr;
	it->x = round(x / DOT_PT) * DOT_PT;
	it->y = round(c->y / DOT_PT) * DOT_PT;
	it->unit = dots * DOT_PT;
	it->w = it->h = size;
	c->y = it->y + size;
}

static int receipt_check(const struct doc_receipt *r, const char **why)
{
	static const struct {
		size_t off;	  /* offset of the field */
		const char *name; /* for the message */
	} req[] = {
	    {offsetof(struct doc_receipt, office_name), "office_name"},
	    {offsetof(struct doc_receipt, regno), "regno"},
	    {offsetof(struct doc_receipt, received), "received"},
	    {offsetof(struct doc_receipt, name), "name"},
	    {offsetof(struct doc_receipt, info), "info"},
	    {offsetof(struct doc_receipt, deadline), "deadline"},
	    {offsetof(struct doc_receipt, qr_payload), "qr_payload"},
	};

	for (size_t i = 0; i < sizeof(req) / sizeof(req[0]); i++) {
		const char *v;

		memcpy(&v, (const char *)r + req[i].off, sizeof(v));
		if (document_empty(v)) {
			*why = req[i].name;
			return -1;
		}
	}
	if (r->paper_mm != 0 && r->paper_mm != 58 && r->paper_mm != 80) {
		*why = "paper_mm (58 or 80)";
		return -1;
	}
	return 0;
}

static void receipt_build(struct ctx *c, const struct doc_receipt *r,
			  const QRcode *qr, bool wide)
{
	const double big = wide ? 10.5 : 9.5;
	double label_w = 0;
	struct txt t;
	char *id;

	/* Letterhead. */
	document_txt_init(&t);
	document_txt_add_user(&t, r->office_name, false, W_BOLD, big);
	document_flow_text(
	    c, document_layout_make(c, &t, c->width, PANGO_ALIGN_CENTER, 0), 0);
	if (!document_empty(r->office_address)) {
		c->y += 1;
		document_txt_init(&t);
		document_txt_add_user(&t, r->office_address, true, W_REG, 7);
		document_flow_text(c,
				   document_layout_make(c, &t, c->width,
							PANGO_ALIGN_CENTER, 0),
				   0);
	}
	c->y += 5;
	document_flow_rule(c, 0, c->width, 1.2, false);
	c->y += 6;

	/* Title. */
	document_txt_init(&t);
	document_txt_add(&t, t_receipt_title.id, W_BOLD, wide ? 13 : 12);
	document_txt_add(&t, "\n", W_REG, 9);
	document_txt_add(&t, t_receipt_sub.id, W_REG, wide ? 9 : 8.5);
	if (c->lang == LANG_EN) {
		document_txt_add(&t, "\n", W_REG, 7);
		document_txt_add(&t, t_receipt_sub.en, W_REG, 7);
	}
	document_flow_text(
	    c, document_layout_make(c, &t, c->width, PANGO_ALIGN_CENTER, 0), 0);
	c->y += 7;

	receipt_regno(c, r->regno);
	c->y += 8;

	/* Who, when, how: labels beside values on 80 mm, above on 58. */
	if (wide) {
		static const struct text *const labels[] = {
		    &t_received, &t_name, &t_id, &t_channel};

		for (size_t i = 0; i < 4; i++) {
			label_w =
			    fmax(label_w, document_text_width(c, labels[i]->id,
							      W_BOLD, 7.5));
			if (c->lang == LANG_EN)
				label_w = fmax(
				    label_w, document_text_width(
						 c, labels[i]->en, W_REG, 6.5));
		}
		label_w = fmin(ceil(label_w) + 1, c->width * 0.4);
	}
	id = document_mask_id(r->id_masked);
	receipt_field(c, label_w, &t_received, r->received, W_REG, 8.5, 0);
	receipt_field(c, label_w, &t_name, r->name, W_BOLD, 8.5, 3);
	receipt_field(c, label_w, &t_id, id, W_REG, 8.5, 0);
	receipt_field(c, label_w, &t_channel, r->channel, W_REG, 8.5, 2);
	g_free(id);

	/* The request, cut after info_max_lines. */
	document_txt_init(&t);
	document_txt_add_text(&t, c->lang, &t_info, W_BOLD, 7.5, 6.5);
	document_flow_text(
	    c, document_layout_make(c, &t, c->width, PANGO_ALIGN_LEFT, 0), 0);
	c->y += 1;
	document_txt_init(&t);
	document_txt_add_user(&t, r->info, false, W_REG, 8.5);
	document_flow_text(
	    c,
	    document_layout_make(c, &t, c->width, PANGO_ALIGN_LEFT,
				 r->info_max_lines > 0 ? r->info_max_lines
						       : DOCUMENT_INFO_LINES),
	    0);
	c->y += 7;

	/* The deadline, prominent, with the extension rule. */
	document_flow_rule(c, 0, c->width, 0.6, true);
	c->y += 6;
	document_txt_init(&t);
	document_txt_add_text(&t, c->lang, &t_deadline, W_BOLD, 7.5, 6.5);
	document_flow_text(
	    c, document_layout_make(c, &t, c->width, PANGO_ALIGN_CENTER, 0), 0);
	c->y += 1;
	document_txt_init(&t);
	document_txt_add_user(&t, r->deadline, false, W_BOLD, wide ? 12 : 11);
	document_flow_text(
	    c, document_layout_make(c, &t, c->width, PANGO_ALIGN_CENTER, 0), 0);
	c->y += 2;
	document_txt_init(&t);
	if (document_empty(r->deadline_note))
		document_txt_add_text(&t, c->lang, &t_deadline_note, W_REG, 7,
				      6.5);
	else
		document_txt_add_user(&t, r->deadline_note, true, W_REG, 7);
	document_flow_text(
	    c, document_layout_make(c, &t, c->width, PANGO_ALIGN_CENTER, 0), 0);
	c->y += 6;
	document_flow_rule(c, 0, c->width, 0.6, true);
	c->y += 6;

	/* What happens next; how to check the status. */
	document_txt_init(&t);
	document_txt_add_text(&t, c->lang, &t_next, W_BOLD, 8, 6.5);
	document_flow_text(
	    c, document_layout_make(c, &t, c->width, PANGO_ALIGN_LEFT, 0), 0);
	c->y += 2;
	document_txt_init(&t);
	document_txt_add_text(&t, c->lang, &t_next_text, W_REG, 7.5, 6.5);
	document_flow_text(
	    c, document_layout_make(c, &t, c->width, PANGO_ALIGN_LEFT, 0), 0);
	c->y += 3;
	document_txt_init(&t);
	if (document_empty(r->status_hint))
		document_txt_add_text(&t, c->lang, &t_status, W_REG, 7.5, 6.5);
	else
		document_txt_add_user(&t, r->status_hint, true, W_REG, 7.5);
	document_flow_text(
	    c, document_layout_make(c, &t, c->width, PANGO_ALIGN_LEFT, 0), 0);
	c->y += 2;

	receipt_qr(c, qr);
	document_txt_init(&t);
	document_txt_add_text(&t, c->lang, &t_qr_caption, W_REG, 7, 6.5);
	document_flow_text(
	    c, document_layout_make(c, &t, c->width, PANGO_ALIGN_CENTER, 0), 0);
	c->y += 6;

	/* Footer. */
	document_flow_rule(c, 0, c->width, 0.6, false);
	c->y += 4;
	document_txt_init(&t);
	if (!document_empty(r->office_hours)) {
		document_txt_add(&t, t_hours.id, W_BOLD, 7);
		document_txt_add(&t, ": ", W_BOLD, 7);
		document_txt_add_user(&t, r->office_hours, false, W_REG, 7);
		if (c->lang == LANG_EN) {
			document_txt_add(&t, "\n", W_REG, 6.5);
			document_txt_add(&t, t_hours.en, W_REG, 6.5);
			document_txt_add(&t, ": ", W_REG, 6.5);
			document_txt_add_user(&t, r->office_hours, false, W_REG,
					      6.5);
		}
		document_txt_add(&t, "\n", W_REG, 7);
	}
	document_txt_add_text(&t, c->lang, &t_free, W_REG, 7, 6.5);
	document_flow_text(
	    c, document_layout_make(c, &t, c->width, PANGO_ALIGN_CENTER, 0), 0);
}

/* ---- render ------------------------------------------------------------ */

int document_render_receipt(const struct doc_receipt *r, struct doc_buf *out)
{
	struct doc_buf tmp = {0};
	struct ctx c;
	QRcode *qr = NULL;
	const char *why = NULL;
	bool wide;
	double side, w, h;

	if (!out) {
		errno = EINVAL;
		return -1;
	}
	document_buf_free(out);
	if (!r || receipt_check(r, &why) < 0)
		return document_refuse(out, "receipt", why ? why : "no view");
	wide = r->paper_mm != 58;
	w = (wide ? 80 : 58) * PT_PER_MM;
	/* 72 mm = 576 dots on 80 mm paper, 48 mm = 384 dots on 58 mm. */
	side = (wide ? 4 : 5) * PT_PER_MM;

	if (document_ctx_open(&c, &tmp, w, PROVISIONAL_H, r->lang,
			      "Tanda Terima Permohonan Informasi Publik") < 0)
		goto out;
	c.left = side;
	c.width = w - 2 * side;
	c.top = c.y = 4 * PT_PER_MM;
	c.bottom = HUGE_VAL;
	c.paginate = false;

	qr = QRcode_encodeString(r->qr_payload, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	if (!qr) {
		document_fail(&c,
			      errno == ERANGE ? ERANGE
			      : errno	      ? errno
					      : EINVAL,
			      "receipt QR", strerror(errno ? errno : EINVAL));
		goto out;
	}
	receipt_build(&c, r, qr, wide);
	if (c.err[0] || c.oom)
		goto out;

	/* The page is as tall as its content: set before the first draw. */
	h = ceil(c.y + 6 * PT_PER_MM);
	cairo_pdf_surface_set_size(c.surface, w, h);
	document_draw_all(&c, 1, NULL, NULL);
	QRcode_free(qr);
	return document_finish(&c, &tmp, out, "receipt", 1, w, h);
out:
	if (qr)
		QRcode_free(qr);
	return document_finish(&c, &tmp, out, "receipt", 0, 0, 0);
}
