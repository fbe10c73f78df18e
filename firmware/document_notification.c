// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The written notification (pemberitahuan tertulis, UU 14/2008 Pasal 22
 * ayat (7)) on A4: letterhead, the request, the decision and what follows
 * from it, the right to object and the signature block, over as many pages
 * as it needs with "page i of n" at each foot.  Built on the shared layout
 * engine in document.c (document_internal.h).
 */

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "document.h"
#include "document_internal.h"

#define L_BODY	 10.5 /* body text */
#define L_GLOSS	 8.5  /* English gloss */
#define L_LABEL	 150  /* label column width */
#define L_INDENT 14   /* body under a heading */
#define L_BLOCK	 160  /* longer values go under their label */

enum decision {
	DEC_GRANTED = 0, /* "granted" */
	DEC_PARTIAL,	 /* "partial" */
	DEC_REJECTED,	 /* "rejected" */
	DEC_NOT_HELD,	 /* "not_held" */
};

/* ---- static texts ------------------------------------------------------ */

static const struct text t_letter_title = {"PEMBERITAHUAN TERTULIS",
					   "Written notification"};
static const struct text t_number = {"Nomor", "Number"};
static const struct text t_intro_a = {
    "Berdasarkan permohonan informasi publik tanggal ",
    "Regarding your request for public information of "};
static const struct text t_intro_b = {" dengan nomor pendaftaran ",
				      ", registration number "};
static const struct text t_intro_c = {", kami sampaikan kepada:",
				      ", we write to:"};
static const struct text t_addr = {"Alamat", "Address"};
static const struct text t_contact = {"Nomor telepon / e-mail",
				      "Phone / e-mail"};
static const struct text t_name_l = {"Nama", "Name"};
static const struct text t_id = {"No. identitas", "ID number"};
static const struct text t_as_follows = {"Pemberitahuan sebagai berikut:",
					 "We inform you as follows:"};
static const struct text t_sec_info = {"Informasi yang diminta",
				       "Information requested"};
static const struct text t_purpose = {"Tujuan penggunaan", "Purpose"};
static const struct text t_sec_decision = {"Keputusan", "Decision"};
static const struct text t_granted = {"Informasi dapat diberikan seluruhnya.",
				      "The information can be given in full."};
static const struct text t_partial = {"Informasi dapat diberikan sebagian.",
				      "Part of the information can be given."};
static const struct text t_rejected = {
    "Informasi tidak dapat diberikan karena termasuk informasi yang "
    "dikecualikan.",
    "The information cannot be given: it is exempt information."};
static const struct text t_not_held = {
    "Informasi tidak dapat diberikan karena tidak dikuasai oleh badan "
    "publik ini.",
    "The information cannot be given: this public body does not hold "
    "it."};
static const struct text t_basis = {"Dasar hukum", "Legal basis"};
static const struct text t_details = {"Keterangan", "Details"};
static const struct text t_holder = {"Informasi dikuasai oleh", "Held by"};
static const struct text t_holder_unknown = {"belum diketahui", "not known"};
static const struct text t_sec_given = {"Informasi yang dapat diberikan",
					"Information to be given"};
static const struct text t_held_by = {"Penguasaan informasi", "Held by"};
static const struct text t_form = {"Bentuk fisik", "Form"};
static const struct text t_medium = {"Media", "Medium"};
static const struct text t_cost = {"Biaya", "Cost"};
static const struct text t_payment = {"Cara pembayaran", "Payment"};
static const struct text t_delivery = {"Cara penyampaian", "Delivery"};
static const struct text t_when = {"Waktu penyampaian", "When"};
static const struct text t_sec_reason = {"Alasan dan penjelasan", "Reasons"};
static const struct text t_objection = {
    "Apabila Saudara/i tidak puas dengan pemberitahuan ini, Saudara/i "
    "dapat mengajukan keberatan kepada atasan PPID paling lambat 30 (tiga "
    "puluh) hari kerja sejak pemberitahuan ini diterima (Pasal 35 dan 36 "
    "UU Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik).",
    "If you are not satisfied with this notification you may lodge an "
    "objection with the PPID's superior within 30 working days of "
    "receiving it (Articles 35 and 36 of Law 14/2008)."};
static const struct text t_ppid = {
    "Pejabat Pengelola Informasi dan Dokumentasi",
    "Information and Documentation Officer"};
static const struct text t_page = {"Halaman", "Page"};
static const struct text t_of = {"dari", "of"};
static const char *const free_cost = "Rp 0 (gratis)";
static const char *const free_payment = "Tidak ada pembayaran (gratis)";

/* ---- layout ------------------------------------------------------------ */

static int decision_parse(const char *key)
{
	static const char *const keys[] = {"granted", "partial", "rejected",
					   "not_held"};

	for (int i = 0; key && i < 4; i++)
		if (strcmp(key, keys[i]) == 0)
			return i;
	return -1;
}

/*
 * "Label : value" table row, @p indent points in; the value may be
 * multi-line.  A long value goes under its label as a paragraph instead,
 * so it gets the full width.
 */
static void letter_row(struct ctx *c, double indent, const struct text *label,
		       const char *value, bool multiline, enum weight vw)
{
	const double label_w = L_LABEL - indent;
	struct txt lt, ct, vt;
	struct col cols[3];
	bool block = !document_empty(value) && strlen(value) > L_BLOCK;

	document_txt_init(&lt);
	document_txt_add_text(&lt, c->lang, label, W_REG, L_BODY, L_GLOSS);
	document_txt_init(&ct);
	document_txt_add(&ct, ":", W_REG, L_BODY);
	document_txt_init(&vt);
	if (document_empty(value))
		document_txt_add(&vt, "-", W_REG, L_BODY);
	else
		document_txt_add_user(&vt, value, multiline, vw, L_BODY);
	if (block) {
		PangoLayout *head = document_layout_make(
		    c, &lt, c->width - indent, PANGO_ALIGN_LEFT, 0);
		PangoLayout *l = document_layout_make(c, &vt, c->width - indent,
						      PANGO_ALIGN_LEFT, 0);

		pango_attr_list_unref(ct.attrs);
		g_string_free(ct.s, TRUE);
		if (!head || !l)
			return;
		document_flow_need(c, document_layout_height(head) +
					  3 * L_BODY * 1.3);
		document_flow_text(c, head, indent);
		c->y += 2;
		pango_layout_set_justify(l, TRUE);
		document_flow_text(c, l, indent);
		c->y += 3;
		return;
	}
	cols[0].layout =
	    document_layout_make(c, &lt, label_w - 8, PANGO_ALIGN_LEFT, 0);
	cols[0].x = indent;
	cols[1].layout = document_layout_make(c, &ct, 8, PANGO_ALIGN_LEFT, 0);
	cols[1].x = L_LABEL - 6;
	cols[2].layout = document_layout_make(c, &vt, c->width - L_LABEL,
					      PANGO_ALIGN_LEFT, 0);
	cols[2].x = L_LABEL;
	cols[0].dy = cols[1].dy = cols[2].dy = 0;
	document_flow_row(c, cols, 3);
	c->y += 3;
}

/* "A. Heading" kept with what follows it. */
static void letter_heading(struct ctx *c, char letter, const struct text *m)
{
	char prefix[4] = {letter, '.', ' ', '\0'};
	struct txt t;
	PangoLayout *l;

	document_txt_init(&t);
	document_txt_add(&t, prefix, W_BOLD, L_BODY);
	document_txt_add(&t, m->id, W_BOLD, L_BODY);
	if (c->lang == LANG_EN) {
		document_txt_add(&t, "\n", W_REG, L_GLOSS);
		document_txt_add(&t, m->en, W_REG, L_GLOSS);
	}
	l = document_layout_make(c, &t, c->width, PANGO_ALIGN_LEFT, 0);
	if (!l)
		return;
	document_flow_gap(c, 9);
	document_flow_need(c, document_layout_height(l) + 3 * L_BODY * 1.3);
	document_flow_text(c, l, 0);
	c->y += 4;
}

/* A paragraph of user text, indented under a heading. */
static void letter_para(struct ctx *c, const char *value, enum weight w)
{
	struct txt t;
	PangoLayout *l;

	document_txt_init(&t);
	document_txt_add_user(&t, value, true, w, L_BODY);
	l = document_layout_make(c, &t, c->width - L_INDENT, PANGO_ALIGN_LEFT,
				 0);
	if (l)
		pango_layout_set_justify(l, TRUE);
	document_flow_text(c, l, L_INDENT);
	c->y += 4;
}

/* Indonesian sentence (+ English gloss), indented under a heading. */
static void letter_sentence(struct ctx *c, const struct text *m, enum weight w)
{
	struct txt t;

	document_txt_init(&t);
	document_txt_add_text(&t, c->lang, m, w, L_BODY, L_GLOSS);
	document_flow_text(c,
			   document_layout_make(c, &t, c->width - L_INDENT,
						PANGO_ALIGN_LEFT, 0),
			   L_INDENT);
	c->y += 4;
}

static void letter_head(struct ctx *c, const struct doc_notification *n)
{
	struct txt t;

	document_flow_letterhead(c, n->office_name, n->office_address,
				 n->office_contact, 1.0);

	document_txt_init(&t);
	document_txt_add(&t, t_letter_title.id, W_BOLD, 13);
	if (c->lang == LANG_EN) {
		document_txt_add(&t, "\n", W_REG, L_GLOSS);
		document_txt_add(&t, t_letter_title.en, W_REG, L_GLOSS);
	}
	document_txt_add(&t, "\n", W_REG, L_BODY);
	document_txt_add(&t, t_number.id, W_REG, L_BODY);
	if (c->lang == LANG_EN) {
		document_txt_add(&t, " / ", W_REG, L_BODY);
		document_txt_add(&t, t_number.en, W_REG, L_BODY);
	}
	document_txt_add(&t, ": ", W_REG, L_BODY);
	document_txt_add_user(&t, n->letter_number, false, W_REG, L_BODY);
	document_flow_text(
	    c, document_layout_make(c, &t, c->width, PANGO_ALIGN_CENTER, 0), 0);
	c->y += 16;
}

static void letter_intro(struct ctx *c, const struct doc_notification *n)
{
	struct txt t;
	PangoLayout *l;

	document_txt_init(&t);
	document_txt_add(&t, t_intro_a.id, W_REG, L_BODY);
	document_txt_add_user(&t, n->request_date, false, W_BOLD, L_BODY);
	document_txt_add(&t, t_intro_b.id, W_REG, L_BODY);
	document_txt_add_user(&t, n->regno, false, W_BOLD, L_BODY);
	document_txt_add(&t, t_intro_c.id, W_REG, L_BODY);
	if (c->lang == LANG_EN) {
		document_txt_add(&t, "\n", W_REG, L_GLOSS);
		document_txt_add(&t, t_intro_a.en, W_REG, L_GLOSS);
		document_txt_add_user(&t, n->request_date, false, W_REG,
				      L_GLOSS);
		document_txt_add(&t, t_intro_b.en, W_REG, L_GLOSS);
		document_txt_add_user(&t, n->regno, false, W_REG, L_GLOSS);
		document_txt_add(&t, t_intro_c.en, W_REG, L_GLOSS);
	}
	l = document_layout_make(c, &t, c->width, PANGO_ALIGN_LEFT, 0);
	if (l)
		pango_layout_set_justify(l, TRUE);
	document_flow_text(c, l, 0);
	c->y += 8;
}

static void letter_decision(struct ctx *c, const struct doc_notification *n,
			    int dec, char *sec)
{
	static const struct text *const label[] = {&t_granted, &t_partial,
						   &t_rejected, &t_not_held};

	letter_heading(c, (*sec)++, &t_sec_decision);
	letter_sentence(c, label[dec], W_BOLD);
	if (dec == DEC_PARTIAL || dec == DEC_REJECTED)
		if (!document_empty(n->legal_basis) || dec == DEC_REJECTED)
			letter_row(c, L_INDENT, &t_basis, n->legal_basis, true,
				   W_REG);
	if (dec == DEC_NOT_HELD) {
		const char *holder = n->holder;

		if (document_empty(holder))
			holder = text_get(&t_holder_unknown, c->lang);
		letter_row(c, L_INDENT, &t_holder, holder, true, W_BOLD);
	}
	if (!document_empty(n->decision_text))
		letter_row(c, L_INDENT, &t_details, n->decision_text, true,
			   W_REG);

	if (dec == DEC_GRANTED || dec == DEC_PARTIAL) {
		letter_heading(c, (*sec)++, &t_sec_given);
		letter_row(c, L_INDENT, &t_held_by, n->office_name, false,
			   W_REG);
		letter_row(c, L_INDENT, &t_form, n->form, false, W_REG);
		letter_row(c, L_INDENT, &t_medium, n->medium, true, W_REG);
		letter_row(c, L_INDENT, &t_cost,
			   document_empty(n->cost) ? free_cost : n->cost, false,
			   W_REG);
		letter_row(c, L_INDENT, &t_payment,
			   document_empty(n->payment) ? free_payment
						      : n->payment,
			   false, W_REG);
		letter_row(c, L_INDENT, &t_delivery, n->delivery, true, W_REG);
		if (!document_empty(n->delivery_time))
			letter_row(c, L_INDENT, &t_when, n->delivery_time,
				   false, W_REG);
	}
}

/*
 * The right to object, then the signature block; kept on one page when
 * they fit on one.
 */
static void letter_close(struct ctx *c, const struct doc_notification *n)
{
	const double x = c->width * 0.42, gap = 18;
	struct txt t;
	PangoLayout *obj, *sig;
	size_t start;

	document_txt_init(&t);
	if (document_empty(n->objection))
		document_txt_add_text(&t, c->lang, &t_objection, W_REG, 9, 8);
	else
		document_txt_add_user(&t, n->objection, true, W_REG, 9);
	obj = document_layout_make(c, &t, c->width, PANGO_ALIGN_LEFT, 0);

	document_txt_init(&t);
	if (!document_empty(n->office_city)) {
		document_txt_add_user(&t, n->office_city, false, W_REG, L_BODY);
		document_txt_add(&t, ", ", W_REG, L_BODY);
	}
	document_txt_add_user(&t, n->letter_date, false, W_REG, L_BODY);
	document_txt_add(&t, "\n", W_REG, L_BODY);
	document_txt_add_text(&t, c->lang, &t_ppid, W_REG, L_BODY, L_GLOSS);
	if (!document_empty(n->ppid_title)) {
		document_txt_add(&t, "\n", W_REG, L_BODY);
		document_txt_add_user(&t, n->ppid_title, true, W_REG, L_BODY);
	}
	/* Room for the signature and the stamp. */
	document_txt_add(&t, "\n\n\n\n", W_REG, L_BODY);
	start = t.s->len;
	document_txt_add_user(&t, n->ppid_name, false, W_BOLD, L_BODY);
	document_txt_underline(&t, start);
	if (!document_empty(n->ppid_nip)) {
		document_txt_add(&t, "\nNIP ", W_REG, L_BODY);
		document_txt_add_user(&t, n->ppid_nip, false, W_REG, L_BODY);
	}
	sig = document_layout_make(c, &t, c->width - x, PANGO_ALIGN_LEFT, 0);
	if (!obj || !sig)
		return;

	document_flow_gap(c, 10);
	if (document_layout_height(obj) + gap + document_layout_height(sig) <=
	    c->bottom - c->top)
		document_flow_need(c, document_layout_height(obj) + gap +
					  document_layout_height(sig));
	document_flow_text(c, obj, 0);
	document_flow_gap(c, gap);
	document_flow_need(c, document_layout_height(sig));
	document_flow_text(c, sig, x);
}

static void letter_footer(struct ctx *c, int page, int pages, const void *arg)
{
	const struct doc_notification *n = arg;
	char buf[64];
	struct txt t;
	PangoLayout *l;
	struct item *it;

	document_txt_init(&t);
	document_txt_add_user(&t, n->letter_number, false, W_REG, 8);
	document_txt_add(&t, "  \u00b7  ", W_REG, 8);
	snprintf(buf, sizeof(buf), "%s %d %s %d", t_page.id, page + 1, t_of.id,
		 pages);
	document_txt_add(&t, buf, W_REG, 8);
	if (c->lang == LANG_EN) {
		snprintf(buf, sizeof(buf), " / %s %d %s %d", t_page.en,
			 page + 1, t_of.en, pages);
		document_txt_add(&t, buf, W_REG, 8);
	}
	l = document_layout_make(c, &t, c->width, PANGO_ALIGN_CENTER, 0);
	it = l ? document_item_add(c, ITEM_TEXT) : NULL;
	if (!it)
		return;
	it->page = page;
	it->x = c->left;
	it->y = c->page_h - 12 * PT_PER_MM - document_layout_height(l);
	it->layout = l;
}

static int notification_check(const struct doc_notification *n, int *dec,
			      const char **why)
{
	static const struct {
		size_t off;	  /* offset of the field */
		const char *name; /* for the message */
	} req[] = {
	    {offsetof(struct doc_notification, office_name), "office_name"},
	    {offsetof(struct doc_notification, letter_number), "letter_number"},
	    {offsetof(struct doc_notification, letter_date), "letter_date"},
	    {offsetof(struct doc_notification, regno), "regno"},
	    {offsetof(struct doc_notification, request_date), "request_date"},
	    {offsetof(struct doc_notification, name), "name"},
	    {offsetof(struct doc_notification, info), "info"},
	    {offsetof(struct doc_notification, ppid_name), "ppid_name"},
	};

	for (size_t i = 0; i < sizeof(req) / sizeof(req[0]); i++) {
		const char *v;

		memcpy(&v, (const char *)n + req[i].off, sizeof(v));
		if (document_empty(v)) {
			*why = req[i].name;
			return -1;
		}
	}
	*dec = decision_parse(n->decision);
	if (*dec < 0) {
		*why = "decision (granted, partial, rejected, not_held)";
		return -1;
	}
	if (*dec == DEC_REJECTED && document_empty(n->legal_basis)) {
		*why = "legal_basis (a rejection names its Pasal 17 letter)";
		return -1;
	}
	return 0;
}

/* ---- render ------------------------------------------------------------ */

int document_render_notification(const struct doc_notification *n,
				 struct doc_buf *out)
{
	const double w = DOCUMENT_A4_WIDTH_PT, h = DOCUMENT_A4_HEIGHT_PT;
	struct doc_buf tmp = {0};
	struct ctx c;
	const char *why = NULL;
	char sec = 'A';
	char *id;
	int dec = 0;

	if (!out) {
		errno = EINVAL;
		return -1;
	}
	document_buf_free(out);
	if (!n || notification_check(n, &dec, &why) < 0)
		return document_refuse(out, "notification",
				       why ? why : "no view");

	if (document_ctx_open(&c, &tmp, w, h, n->lang,
			      "Pemberitahuan Tertulis") < 0)
		goto out;
	c.left = 25 * PT_PER_MM;
	c.width = w - c.left - 20 * PT_PER_MM;
	c.top = c.y = 18 * PT_PER_MM;
	c.bottom = h - 22 * PT_PER_MM;
	c.paginate = true;

	letter_head(&c, n);
	letter_intro(&c, n);

	id = document_mask_id(n->id_masked);
	letter_row(&c, 0, &t_name_l, n->name, false, W_BOLD);
	letter_row(&c, 0, &t_addr, n->address, true, W_REG);
	letter_row(&c, 0, &t_contact, n->contact, false, W_REG);
	letter_row(&c, 0, &t_id, id, false, W_REG);
	g_free(id);
	document_flow_gap(&c, 8);
	{
		struct txt t;

		document_txt_init(&t);
		document_txt_add_text(&t, c.lang, &t_as_follows, W_REG, L_BODY,
				      L_GLOSS);
		document_flow_text(
		    &c,
		    document_layout_make(&c, &t, c.width, PANGO_ALIGN_LEFT, 0),
		    0);
	}

	letter_heading(&c, sec++, &t_sec_info);
	letter_para(&c, n->info, W_REG);
	if (!document_empty(n->purpose))
		letter_row(&c, L_INDENT, &t_purpose, n->purpose, true, W_REG);

	letter_decision(&c, n, dec, &sec);

	if (!document_empty(n->reason)) {
		letter_heading(&c, sec++, &t_sec_reason);
		letter_para(&c, n->reason, W_REG);
	}

	letter_close(&c, n);
	if (c.err[0] || c.oom)
		goto out;

	document_draw_all(&c, c.page + 1, letter_footer, n);
	return document_finish(&c, &tmp, out, "notification", c.page + 1, w, h);
out:
	return document_finish(&c, &tmp, out, "notification", 0, 0, 0);
}
