// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Status: scan the receipt's QR code, or type the registration number and
 * the last 4 digits of the identity number.  A number alone reveals
 * nothing: the look-up is not even asked for without the 4 digits.  The
 * main loop reads the row by number (FLOW_FX_LOOKUP_STATUS); this scene
 * checks the token or the digits itself, keeps only what may be shown (the
 * status, the deadline, a masked name) and says the same "no match" for an
 * unknown number and for wrong digits.  Wrong tries in a row lock the
 * look-up for a while, so the digits cannot be guessed at the kiosk.
 */

#include <string.h>

#include "flow_internal.h"

static const struct text txt_title = {"Cek Status Permohonan",
				      "Check a request's status"};
static const struct text txt_how = {
    "Pindai kode QR pada tanda terima Anda, atau ketik nomor registrasi dan "
    "4 angka terakhir nomor identitas Anda.",
    "Scan the QR code on your receipt, or type the registration number and "
    "the last 4 digits of your identity number."};
static const struct text txt_regno = {"Nomor registrasi",
				      "Registration number"};
static const struct text txt_last4 = {"4 angka terakhir nomor identitas",
				      "Last 4 digits of your identity number"};
static const struct text txt_lookup = {"Cek Status", "Check status"};
static const struct text txt_need_both = {
    "Ketik nomor registrasi dan 4 angka terakhir nomor identitas Anda.",
    "Type the registration number and the last 4 digits of your identity "
    "number."};
static const struct text txt_pending = {"Mencari permohonan...",
					"Looking for the request..."};
static const struct text txt_nomatch = {
    "Tidak ada permohonan dengan nomor dan angka tersebut. Periksa tanda "
    "terima Anda, atau tanyakan ke meja layanan.",
    "No request matches this number and these digits. Check your receipt, "
    "or ask at the desk."};
static const struct text txt_failed = {
    "Status tidak dapat dicek saat ini. Silakan coba lagi, atau tanyakan ke "
    "meja layanan.",
    "The status cannot be checked right now. Please try again, or ask at "
    "the desk."};
static const struct text txt_locked = {
    "Terlalu banyak percobaan yang salah. Tunggu sebentar, atau tanyakan ke "
    "meja layanan.",
    "Too many wrong tries. Please wait a moment, or ask at the desk."};

void scene_status_on_enter(struct flow *f)
{
	if (f->m.lookup != FLOW_LOOKUP_PENDING &&
	    f->m.lookup != FLOW_LOOKUP_LOCKED) {
		f->m.lookup = FLOW_LOOKUP_NONE;
		flow_error(f, NULL);
	}
}

static bool four_digits(const char *s)
{
	for (int i = 0; i < 4; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return s[4] == '\0';
}

static bool blank(const char *s)
{
	for (; *s; s++)
		if (*s != ' ')
			return false;
	return true;
}

/* Equal strings, in time that does not depend on where they differ. */
static bool same(const char *a, const char *b, size_t n)
{
	unsigned char d = 0;

	for (size_t i = 0; i < n; i++)
		d |= (unsigned char)(a[i] ^ b[i]);
	return d == 0;
}

static bool locked(struct flow *f)
{
	if (f->lookup_lock_until_ms && f->now_ms < f->lookup_lock_until_ms) {
		f->m.lookup = FLOW_LOOKUP_LOCKED;
		flow_error(f, &txt_locked);
		return true;
	}
	return false;
}

static void ask_typed(struct flow *f)
{
	struct flow_effect fx = {.type = FLOW_FX_LOOKUP_STATUS};

	if (locked(f))
		return;
	if (blank(f->m.v.regno_text) || !four_digits(f->m.v.last4_text)) {
		flow_error(f, &txt_need_both);
		return;
	}
	flow_copy_text(fx.regno, sizeof(fx.regno), f->m.v.regno_text);
	flow_copy_text(fx.last4, sizeof(fx.last4), f->m.v.last4_text);
	flow_copy_text(f->lookup_last4, sizeof(f->lookup_last4),
		       f->m.v.last4_text);
	f->lookup_by_token = false;
	f->m.lookup = FLOW_LOOKUP_PENDING;
	flow_error(f, NULL);
	flow_fx(f, &fx);
	explicit_bzero(&fx, sizeof(fx));
}

/* "Siti Aminah" -> "S*** A*****": the first character of each word. */
static void mask_name(const char *name, char *buf, size_t len)
{
	size_t o = 0;
	bool word_start = true;

	for (const char *p = name; *p && o + 5 < len;) {
		size_t n = 1;

		while ((((unsigned char)p[n]) & 0xc0) == 0x80)
			n++;
		if (*p == ' ') {
			buf[o++] = ' ';
			word_start = true;
		} else if (word_start) {
			memcpy(buf + o, p, n);
			o += n;
			word_start = false;
		} else {
			buf[o++] = '*';
		}
		p += n;
	}
	buf[o] = '\0';
}

static bool matches(const struct flow *f, const struct request *r)
{
	size_t n = strlen(r->id_number);

	if (strcmp(r->regno, f->m.v.regno_text) != 0)
		return false;
	if (f->lookup_by_token)
		return strlen(r->token) == REQ_TOKEN_LEN &&
		       strlen(f->lookup_token) == REQ_TOKEN_LEN &&
		       same(r->token, f->lookup_token, REQ_TOKEN_LEN);
	return n >= 4 && four_digits(f->lookup_last4) &&
	       same(r->id_number + n - 4, f->lookup_last4, 4);
}

static void found(struct flow *f, const struct request *r)
{
	struct flow_visitor *v = &f->m.v;

	flow_copy_text(v->regno, sizeof(v->regno), r->regno);
	v->status = r->status;
	v->decision = r->decision;
	v->deadline = request_due(r);
	mask_name(r->name, v->masked_name, sizeof(v->masked_name));
	/* Something waits at the desk: the information itself, or the
	 * written notice of a decision. */
	v->pickup_ready = r->status == WF_AVAILABLE || r->status == WF_DECIDED;
	f->m.lookup = FLOW_LOOKUP_FOUND;
	f->lookup_wrong = 0;
	flow_scene_next(f, FLOW_SCENE_STATUS_RESULT);
}

static void answered(struct flow *f, const struct flow_event *ev)
{
	/* The visitor waited for this: their minute starts again. */
	f->input_ms = f->now_ms;
	if (ev->err != QUEUE_OK && ev->err != QUEUE_ERR_NOTFOUND) {
		f->m.lookup = FLOW_LOOKUP_FAILED;
		flow_error(f, &txt_failed);
	} else if (ev->err == QUEUE_OK && ev->found && matches(f, ev->found)) {
		found(f, ev->found);
	} else {
		f->m.lookup = FLOW_LOOKUP_NOMATCH;
		flow_error(f, &txt_nomatch);
		if (!f->lookup_by_token &&
		    ++f->lookup_wrong >= f->cfg.lookup_tries) {
			f->lookup_wrong = 0;
			f->lookup_lock_until_ms =
			    f->now_ms + f->cfg.lookup_lock_ms;
			locked(f);
		}
	}
	/* The digits and token have done their job. */
	explicit_bzero(f->lookup_last4, sizeof(f->lookup_last4));
	explicit_bzero(f->lookup_token, sizeof(f->lookup_token));
	explicit_bzero(f->m.v.last4_text, sizeof(f->m.v.last4_text));
	f->changed = true;
}

void flow_lookup_abandon(struct flow *f)
{
	if (f->m.lookup != FLOW_LOOKUP_PENDING)
		return;
	f->m.lookup = FLOW_LOOKUP_NONE;
	explicit_bzero(f->lookup_last4, sizeof(f->lookup_last4));
	explicit_bzero(f->lookup_token, sizeof(f->lookup_token));
	f->changed = true;
}

static bool text_input(struct flow *f, const struct flow_event *ev)
{
	if (!ev->text)
		return false;
	if (ev->input == FLOW_INPUT_REGNO)
		flow_copy_text(f->m.v.regno_text, sizeof(f->m.v.regno_text),
			       ev->text);
	else if (ev->input == FLOW_INPUT_LAST4)
		flow_copy_text(f->m.v.last4_text, sizeof(f->m.v.last4_text),
			       ev->text);
	else
		return false;
	if (f->m.lookup != FLOW_LOOKUP_LOCKED) {
		f->m.lookup = FLOW_LOOKUP_NONE;
		flow_error(f, NULL);
	}
	f->changed = true;
	return true;
}

static void card(struct flow *f, const struct flow_event *ev)
{
	struct id_result r;
	const char *id = NULL;

	switch (flow_parse_id(f, ev->text, ev->len, &r)) {
	case ID_KIND_RECEIPT:
		/* A token cannot be guessed: no lock for receipts. */
		flow_lookup_receipt(f, &r.u.receipt);
		break;
	case ID_KIND_NIK:
		id = r.u.nik.nik;
		break;
	case ID_KIND_MRZ_TD1:
	case ID_KIND_MRZ_TD3:
		id = r.u.mrz.doc_number;
		break;
	default:
		flow_error(f, r.reason);
		break;
	}
	/* An ID card read here gives the last 4 digits. */
	if (id && strlen(id) >= 4) {
		flow_copy_text(f->m.v.last4_text, sizeof(f->m.v.last4_text),
			       id + strlen(id) - 4);
		f->changed = true;
	}
	explicit_bzero(&r, sizeof(r));
}

bool scene_status_on_event(struct flow *f, const struct flow_event *ev)
{
	switch (ev->type) {
	case FLOW_EVT_TEXT:
		return text_input(f, ev);
	case FLOW_EVT_CARD:
		if (!ev->text)
			return false;
		card(f, ev);
		return true;
	case FLOW_EVT_STATUS_DONE:
		if (f->m.lookup == FLOW_LOOKUP_PENDING)
			answered(f, ev);
		return true;
	case FLOW_EVT_TICK:
		if (f->lookup_lock_until_ms &&
		    f->now_ms >= f->lookup_lock_until_ms) {
			f->lookup_lock_until_ms = 0;
			if (f->m.lookup == FLOW_LOOKUP_LOCKED) {
				f->m.lookup = FLOW_LOOKUP_NONE;
				flow_error(f, NULL);
			}
		}
		return true;
	case FLOW_EVT_TAP:
		if (ev->tap != FLOW_TAP_LOOKUP)
			return false;
		ask_typed(f);
		return true;
	default:
		return false;
	}
}

void scene_status_on_exit(struct flow *f)
{
	(void)f;
}

void scene_status_view(const struct flow *f, struct flow_view *v)
{
	struct flow_view_input *in;
	struct flow_view_button *b;

	v->title = view_text(v, &txt_title);
	view_line(v, NULL, view_text(v, &txt_how), FLOW_LINE_BODY);
	if (f->m.lookup == FLOW_LOOKUP_PENDING)
		view_line(v, NULL, view_text(v, &txt_pending), FLOW_LINE_BODY);
	in = &v->inputs[v->n_inputs++];
	in->input = FLOW_INPUT_REGNO;
	in->label = view_text(v, &txt_regno);
	in->value = f->m.v.regno_text;
	in->max_chars = REQ_REGNO_MAX - 1;
	in->kb = FLOW_KB_TEXT;
	in = &v->inputs[v->n_inputs++];
	in->input = FLOW_INPUT_LAST4;
	in->label = view_text(v, &txt_last4);
	in->value = f->m.v.last4_text;
	in->max_chars = 4;
	in->kb = FLOW_KB_NUMERIC;
	view_button(v, FLOW_TAP_BACK, 0, &flow_txt_back);
	if (f->m.lookup != FLOW_LOOKUP_PENDING) {
		b = view_button(v, FLOW_TAP_LOOKUP, 0, &txt_lookup);
		b->primary = true;
	}
	view_common_buttons(v);
}
