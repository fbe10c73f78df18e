// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The maintenance PIN: reached by the hidden gesture (a 5 s press on the
 * top-left corner, or Ctrl+Alt+M) from the welcome or out-of-service
 * screen, when [kiosk] maint_pin_hash is set.  A numeric keypad, the
 * digits shown as dots; the engine checks them against the hash
 * (FLOW_FX_MAINT_PIN).  After FLOW_PIN_TRIES wrong PINs in a row the PIN is
 * refused for 30 s, doubling with every further wrong one up to 15 min;
 * the lock outlives this screen (and, through the engine, a restart).  The
 * typed digits are wiped when the screen is left, and as soon as they are
 * sent for checking.
 */

#include <string.h>

#include "flow_internal.h"

static const struct text txt_title = {"Pemeliharaan", "Maintenance"};
static const struct text txt_pin = {"PIN petugas teknis", "Technician's PIN"};
static const struct text txt_body = {
    "Masukkan PIN untuk membuka menu pemeliharaan.",
    "Enter the PIN to open the maintenance menu."};
static const struct text txt_ok = {"Masuk", "Open"};
static const struct text txt_wrong = {"PIN salah.", "Wrong PIN."};
static const struct text txt_short = {
    "PIN terdiri dari paling sedikit 4 angka.", "A PIN has at least 4 digits."};
static const struct text txt_locked = {
    "Terlalu banyak PIN salah. Coba lagi dalam %d:%02d.",
    "Too many wrong PINs. Try again in %d:%02d."};

int64_t flow_maint_lock_left_ms(const struct flow *f)
{
	int64_t left = f->maint_lock_until_ms - f->now_ms;

	return f->maint_lock_until_ms && left > 0 ? left : 0;
}

static int lock_seconds(const struct flow *f)
{
	return (int)((flow_maint_lock_left_ms(f) + 999) / 1000);
}

void flow_maint_open(struct flow *f)
{
	if (!f->cfg.maint_enabled || (f->m.scene != FLOW_SCENE_WELCOME &&
				      f->m.scene != FLOW_SCENE_OUT_OF_SERVICE))
		return;
	/* A new session: the screens start empty. */
	memset(&f->m.maint, 0, sizeof(f->m.maint));
	flow_scene_next(f, FLOW_SCENE_MAINT_PIN);
}

/* Tell the engine (log, keep across a restart). */
static void lock_fx(struct flow *f)
{
	struct flow_effect fx = {.type = FLOW_FX_MAINT_LOCK,
				 .maint_wrong = f->maint_wrong,
				 .maint_lock_ms = flow_maint_lock_left_ms(f)};

	flow_fx(f, &fx);
}

void flow_maint_pin_result(struct flow *f, bool ok)
{
	bool here =
	    f->m.scene == FLOW_SCENE_MAINT_PIN && f->m.maint.pin_checking;
	int64_t lock;

	f->m.maint.pin_checking = false;
	f->changed = true;
	if (ok) {
		f->maint_wrong = 0;
		f->maint_lock_until_ms = 0;
		f->m.maint.lock_s = 0;
		f->m.maint.pin_wrong = false;
		lock_fx(f);
		if (here)
			flow_scene_next(f, FLOW_SCENE_MAINT);
		return;
	}
	/* Counted wherever the screen is now: leaving does not reset it. */
	if (f->maint_wrong < 1000)
		f->maint_wrong++;
	if (f->maint_wrong >= FLOW_PIN_TRIES) {
		int shift = f->maint_wrong - FLOW_PIN_TRIES;

		lock = shift >= 5 ? FLOW_PIN_LOCK_MAX_MS
				  : (int64_t)FLOW_PIN_LOCK_MS << shift;
		if (lock > FLOW_PIN_LOCK_MAX_MS)
			lock = FLOW_PIN_LOCK_MAX_MS;
		f->maint_lock_until_ms = f->now_ms + lock;
	}
	f->m.maint.pin_wrong = true;
	f->m.maint.lock_s = lock_seconds(f);
	lock_fx(f);
}

void scene_maint_pin_on_enter(struct flow *f)
{
	explicit_bzero(f->maint_pin, sizeof(f->maint_pin));
	f->m.maint.pin_checking = false;
	f->m.maint.lock_s = lock_seconds(f);
	flow_error(f, NULL);
}

static void submit(struct flow *f)
{
	struct flow_effect fx = {.type = FLOW_FX_MAINT_PIN};

	if (flow_maint_lock_left_ms(f) > 0 || f->m.maint.pin_checking)
		return;
	if (strlen(f->maint_pin) < FLOW_PIN_MIN) {
		flow_error(f, &txt_short);
		return;
	}
	memcpy(fx.pin, f->maint_pin, sizeof(fx.pin));
	explicit_bzero(f->maint_pin, sizeof(f->maint_pin));
	flow_error(f, NULL);
	f->m.maint.pin_checking = true;
	f->m.maint.pin_wrong = false;
	f->changed = true;
	flow_fx(f, &fx);
	explicit_bzero(&fx, sizeof(fx));
}

/* Digits only, at most FLOW_PIN_MAX: anything else is not taken. */
static void typed(struct flow *f, const char *text)
{
	size_t n = strlen(text);

	if (n > FLOW_PIN_MAX || strspn(text, "0123456789") != n)
		return;
	explicit_bzero(f->maint_pin, sizeof(f->maint_pin));
	memcpy(f->maint_pin, text, n);
	flow_error(f, NULL);
	f->changed = true;
}

bool scene_maint_pin_on_event(struct flow *f, const struct flow_event *ev)
{
	int s;

	switch (ev->type) {
	case FLOW_EVT_TICK:
		s = lock_seconds(f);
		if (s != f->m.maint.lock_s) {
			f->m.maint.lock_s = s;
			f->changed = true;
		}
		return true;
	case FLOW_EVT_TEXT:
		if (ev->input != FLOW_INPUT_PIN || !ev->text)
			return false;
		typed(f, ev->text);
		/* The field shows the flow's digits: redraw either way. */
		f->changed = true;
		return true;
	case FLOW_EVT_TAP:
		if (ev->tap != FLOW_TAP_NEXT)
			return false;
		submit(f);
		return true;
	case FLOW_EVT_CARD:
		return true; /* not a PIN */
	default:
		return false;
	}
}

void scene_maint_pin_on_exit(struct flow *f)
{
	explicit_bzero(f->maint_pin, sizeof(f->maint_pin));
	f->m.maint.pin_checking = false;
	flow_error(f, NULL);
}

void scene_maint_pin_view(const struct flow *f, struct flow_view *v)
{
	int s = f->m.maint.lock_s;
	struct flow_view_input *in;
	struct flow_view_button *b;

	v->title = view_text(v, &txt_title);
	if (s > 0) {
		/* Locked: nothing to type, the time left in full view. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
		view_line(
		    v, NULL,
		    view_fmt(v, view_text(v, &txt_locked), s / 60, s % 60),
		    FLOW_LINE_WARNING);
#pragma GCC diagnostic pop
		b = view_button(v, FLOW_TAP_BACK, 0, &flow_txt_back);
		b->primary = true;
		view_button(v, FLOW_TAP_LANG, 0, &flow_txt_lang);
		return;
	}
	if (f->m.maint.pin_wrong)
		view_line(v, NULL, view_text(v, &txt_wrong), FLOW_LINE_WARNING);
	view_line(v, NULL, view_text(v, &txt_body), FLOW_LINE_SMALL);
	in = &v->inputs[v->n_inputs++];
	in->input = FLOW_INPUT_PIN;
	in->label = view_text(v, &txt_pin);
	in->value = f->maint_pin;
	in->max_chars = FLOW_PIN_MAX;
	in->kb = FLOW_KB_NUMERIC;
	in->masked = true;
	view_button(v, FLOW_TAP_BACK, 0, &flow_txt_back);
	b = view_button(v, FLOW_TAP_NEXT, 0, &txt_ok);
	b->primary = true;
	view_button(v, FLOW_TAP_LANG, 0, &flow_txt_lang);
}
