// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The data receipt (tanda terima data, SOP step 5) on A4: the letterhead,
 * the request, what was handed over and in which form, and the two
 * signatures (the desk that gave it, the requester who received it).
 * Built on the shared layout engine in document.c (document_internal.h).
 */

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "document.h"
#include "document_internal.h"

#define D_BODY	10.5 /* body text */
#define D_GLOSS 8.5  /* English gloss */
#define D_LABEL 165  /* label column width */

static const struct text t_title = {"TANDA TERIMA DATA / INFORMASI PUBLIK",
				    "Receipt of public information"};
static const struct text t_regno = {"Nomor pendaftaran", "Registration number"};
static const struct text t_intro = {
    "Yang bertanda tangan di bawah ini menyatakan telah menerima "
    "informasi publik sebagai berikut:",
    "The undersigned confirms having received the following public "
    "information:"};
static const struct text t_name = {"Nama pemohon", "Requester"};
static const struct text t_id = {"No. identitas", "ID number"};
static const struct text t_addr = {"Alamat", "Address"};
static const struct text t_date = {"Tanggal permohonan", "Request date"};
static const struct text t_info = {"Informasi yang diminta",
				   "Information requested"};
static const struct text t_given = {"Informasi yang diserahkan",
				    "Information handed over"};
static const struct text t_form = {"Bentuk informasi", "Form"};
static const struct text t_when = {"Waktu penyerahan", "Handed over"};
static const struct text t_cost = {"Biaya", "Cost"};
static const struct text t_by = {"Diserahkan oleh", "Handed over by"};
static const struct text t_giver = {"Yang menyerahkan,", "Handed over by,"};
static const struct text t_desk = {"Petugas Desk Pelayanan Informasi",
				   "Information desk"};
static const struct text t_taker = {"Yang menerima,", "Received by,"};
static const struct text t_requester = {"Pemohon Informasi", "Requester"};
static const char *const free_cost = "Rp 0 (gratis)";

/* "Label : value", the value wrapped in its column. */
static void row(struct ctx *c, const struct text *label, const char *value,
		enum weight vw)
{
	struct txt lt, ct, vt;
	struct col cols[3];

	document_txt_init(&lt);
	document_txt_add_text(&lt, c->lang, label, W_REG, D_BODY, D_GLOSS);
	document_txt_init(&ct);
	document_txt_add(&ct, ":", W_REG, D_BODY);
	document_txt_init(&vt);
	if (document_empty(value))
		document_txt_add(&vt, "-", W_REG, D_BODY);
	else
		document_txt_add_user(&vt, value, true, vw, D_BODY);
	cols[0].layout =
	    document_layout_make(c, &lt, D_LABEL - 8, PANGO_ALIGN_LEFT, 0);
	cols[0].x = 0;
	cols[1].layout = document_layout_make(c, &ct, 8, PANGO_ALIGN_LEFT, 0);
	cols[1].x = D_LABEL - 6;
	cols[2].layout = document_layout_make(c, &vt, c->width - D_LABEL,
					      PANGO_ALIGN_LEFT, 0);
	cols[2].x = D_LABEL;
	cols[0].dy = cols[1].dy = cols[2].dy = 0;
	document_flow_row(c, cols, 3);
	c->y += 4;
}

static void head(struct ctx *c, const struct doc_data_receipt *d)
{
	struct txt t;

	document_flow_letterhead(c, d->office_name, d->office_address,
				 d->office_contact, 1.0);

	document_txt_init(&t);
	document_txt_add_text(&t, c->lang, &t_title, W_BOLD, 13, D_GLOSS);
	document_txt_add(&t, "\n", W_REG, D_BODY);
	document_txt_add(&t, t_regno.id, W_REG, D_BODY);
	document_txt_add(&t, ": ", W_REG, D_BODY);
	document_txt_add_user(&t, d->regno, false, W_BOLD, D_BODY);
	document_flow_text(
	    c, document_layout_make(c, &t, c->width, PANGO_ALIGN_CENTER, 0), 0);
	c->y += 16;

	document_txt_init(&t);
	document_txt_add_text(&t, c->lang, &t_intro, W_REG, D_BODY, D_GLOSS);
	document_flow_text(
	    c, document_layout_make(c, &t, c->width, PANGO_ALIGN_LEFT, 0), 0);
	c->y += 10;
}

/* One signature block: heading, role, room to sign, the name. */
static PangoLayout *signature(struct ctx *c, const char *place,
			      const struct text *who, const struct text *role,
			      const char *name, double width)
{
	struct txt t;
	size_t start;

	document_txt_init(&t);
	document_txt_add_user(&t, place, false, W_REG, D_BODY);
	document_txt_add(&t, "\n", W_REG, D_BODY);
	document_txt_add_text(&t, c->lang, who, W_REG, D_BODY, D_GLOSS);
	document_txt_add(&t, "\n", W_REG, D_BODY);
	document_txt_add_text(&t, c->lang, role, W_REG, D_BODY, D_GLOSS);
	document_txt_add(&t, "\n\n\n\n", W_REG, D_BODY);
	start = t.s->len;
	document_txt_add_user(&t, name, false, W_BOLD, D_BODY);
	document_txt_underline(&t, start);
	return document_layout_make(c, &t, width, PANGO_ALIGN_CENTER, 0);
}

static void signatures(struct ctx *c, const struct doc_data_receipt *d)
{
	const double w = c->width / 2 - 10;
	char place[192];
	struct col cols[2];

	snprintf(place, sizeof(place), "%s%s%s",
		 document_empty(d->office_city) ? "" : d->office_city,
		 document_empty(d->office_city) ? "" : ", ", d->handed_at);
	cols[0].layout = signature(c, " ", &t_giver, &t_desk, d->staff, w);
	cols[0].x = 0;
	cols[1].layout =
	    signature(c, place, &t_taker, &t_requester, d->name, w);
	cols[1].x = c->width - w;
	cols[0].dy = cols[1].dy = 0;
	document_flow_gap(c, 24);
	document_flow_row(c, cols, 2);
}

static int check(const struct doc_data_receipt *d, const char **why)
{
	static const struct {
		size_t off;	  /* offset of the field */
		const char *name; /* for the message */
	} req[] = {
	    {offsetof(struct doc_data_receipt, office_name), "office_name"},
	    {offsetof(struct doc_data_receipt, regno), "regno"},
	    {offsetof(struct doc_data_receipt, request_date), "request_date"},
	    {offsetof(struct doc_data_receipt, name), "name"},
	    {offsetof(struct doc_data_receipt, info), "info"},
	    {offsetof(struct doc_data_receipt, given), "given"},
	    {offsetof(struct doc_data_receipt, form), "form"},
	    {offsetof(struct doc_data_receipt, handed_at), "handed_at"},
	    {offsetof(struct doc_data_receipt, staff), "staff"},
	};

	for (size_t i = 0; i < sizeof(req) / sizeof(req[0]); i++) {
		const char *v;

		memcpy(&v, (const char *)d + req[i].off, sizeof(v));
		if (document_empty(v)) {
			*why = req[i].name;
			return -1;
		}
	}
	return 0;
}

int document_render_data_receipt(const struct doc_data_receipt *d,
				 struct doc_buf *out)
{
	const double w = DOCUMENT_A4_WIDTH_PT, h = DOCUMENT_A4_HEIGHT_PT;
	struct doc_buf tmp = {0};
	struct ctx c;
	const char *why = NULL;
	char *id;

	if (!out) {
		errno = EINVAL;
		return -1;
	}
	document_buf_free(out);
	if (!d || check(d, &why) < 0)
		return document_refuse(out, "data receipt",
				       why ? why : "no view");
	if (document_ctx_open(&c, &tmp, w, h, d->lang, "Tanda Terima Data") < 0)
		goto out;
	c.left = 25 * PT_PER_MM;
	c.width = w - c.left - 20 * PT_PER_MM;
	c.top = c.y = 18 * PT_PER_MM;
	c.bottom = h - 22 * PT_PER_MM;
	c.paginate = true;

	head(&c, d);
	id = document_mask_id(d->id_masked);
	row(&c, &t_name, d->name, W_BOLD);
	row(&c, &t_id, id, W_REG);
	g_free(id);
	row(&c, &t_addr, d->address, W_REG);
	row(&c, &t_date, d->request_date, W_REG);
	row(&c, &t_info, d->info, W_REG);
	row(&c, &t_given, d->given, W_BOLD);
	row(&c, &t_form, d->form, W_REG);
	row(&c, &t_when, d->handed_at, W_REG);
	row(&c, &t_by, d->staff, W_REG);
	row(&c, &t_cost, document_empty(d->cost) ? free_cost : d->cost, W_REG);
	signatures(&c, d);
	if (c.err[0] || c.oom)
		goto out;
	document_draw_all(&c, c.page + 1, NULL, NULL);
	return document_finish(&c, &tmp, out, "data receipt", c.page + 1, w, h);
out:
	return document_finish(&c, &tmp, out, "data receipt", 0, 0, 0);
}
