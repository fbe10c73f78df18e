// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The card reader test (maintenance): the reader's state, how many reads
 * came, and the kind of the last one with its last 4 digits only ("ID
 * card read: NIK ****0001").  Nothing else of a read is kept or shown.
 */

#include <string.h>

#include "flow_internal.h"

static const struct text txt_title = {"Tes pembaca kartu", "Card reader test"};
static const struct text txt_body = {
    "Pindai KTP, paspor atau tanda terima pada pembaca kartu.",
    "Scan an ID card, a passport or a receipt on the card reader."};
static const struct text txt_state = {"Pembaca kartu", "Card reader"};
static const struct text txt_connected = {"terhubung", "connected"};
static const struct text txt_absent = {"tidak terhubung", "not connected"};
static const struct text txt_reads = {"Pembacaan", "Reads"};
static const struct text txt_last = {"Terakhir", "Last"};
static const struct text txt_none = {"belum ada", "none yet"};
static const struct text txt_nik = {"KTP terbaca: NIK ****%s",
				    "ID card read: NIK ****%s"};
static const struct text txt_mrz = {"Paspor terbaca: nomor ****%s",
				    "Passport read: number ****%s"};
static const struct text txt_receipt = {"Kode QR tanda terima terbaca",
					"Receipt QR code read"};
static const struct text txt_invalid = {"Terbaca, tetapi tidak dikenali",
					"Read, but not recognised"};

void scene_maint_reader_on_enter(struct flow *f)
{
	f->m.maint.reads = 0;
	f->m.maint.last_kind = ID_KIND_INVALID;
	explicit_bzero(f->m.maint.last_tail, sizeof(f->m.maint.last_tail));
}

/* The last 4 characters of @p s (all of it when shorter). */
static void tail4(char *dst, size_t size, const char *s)
{
	size_t n = strlen(s);

	flow_copy_text(dst, size, n > 4 ? s + n - 4 : s);
}

bool scene_maint_reader_on_event(struct flow *f, const struct flow_event *ev)
{
	struct flow_maint *m = &f->m.maint;
	struct id_result r;

	if (ev->type != FLOW_EVT_CARD || !ev->text)
		return false;
	m->last_kind = flow_parse_id(f, ev->text, ev->len, &r);
	explicit_bzero(m->last_tail, sizeof(m->last_tail));
	if (m->last_kind == ID_KIND_NIK)
		tail4(m->last_tail, sizeof(m->last_tail), r.u.nik.nik);
	else if (m->last_kind == ID_KIND_MRZ_TD1 ||
		 m->last_kind == ID_KIND_MRZ_TD3)
		tail4(m->last_tail, sizeof(m->last_tail), r.u.mrz.doc_number);
	explicit_bzero(&r, sizeof(r));
	if (m->reads < 9999)
		m->reads++;
	f->changed = true;
	return true;
}

void scene_maint_reader_on_exit(struct flow *f)
{
	explicit_bzero(f->m.maint.last_tail, sizeof(f->m.maint.last_tail));
}

static const char *last_read(const struct flow *f, struct flow_view *v)
{
	const struct flow_maint *m = &f->m.maint;

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	if (m->reads == 0)
		return view_text(v, &txt_none);
	switch (m->last_kind) {
	case ID_KIND_NIK:
		return view_fmt(v, view_text(v, &txt_nik), m->last_tail);
	case ID_KIND_MRZ_TD1:
	case ID_KIND_MRZ_TD3:
		return view_fmt(v, view_text(v, &txt_mrz), m->last_tail);
	case ID_KIND_RECEIPT:
		return view_text(v, &txt_receipt);
	default:
		return view_text(v, &txt_invalid);
	}
#pragma GCC diagnostic pop
}

void scene_maint_reader_view(const struct flow *f, struct flow_view *v)
{
	struct flow_view_button *b;

	v->title = view_text(v, &txt_title);
	view_line(v, NULL, view_text(v, &txt_body), FLOW_LINE_BODY);
	view_line(v, view_text(v, &txt_state),
		  view_text(v, f->m.reader_ok ? &txt_connected : &txt_absent),
		  f->m.reader_ok ? FLOW_LINE_BODY : FLOW_LINE_WARNING);
	view_line(v, view_text(v, &txt_reads),
		  view_fmt(v, "%d", f->m.maint.reads), FLOW_LINE_BODY);
	view_line(v, view_text(v, &txt_last), last_read(f, v), FLOW_LINE_BODY);
	b = view_button(v, FLOW_TAP_BACK, 0, &flow_txt_back);
	b->primary = true;
	view_button(v, FLOW_TAP_LANG, 0, &flow_txt_lang);
}
