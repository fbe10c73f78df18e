// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The flow's dispatcher: the scene table, the history for Back, the effect
 * queue, and the rules that hold on every screen (idle timeout, out of
 * service, language, desk calls, device states).  Scene files handle the
 * rest.
 */

#include <stdio.h>
#include <string.h>

#include "flow_internal.h"

#define FLOW_SCENE_OPS(NAME, name, idle_rule)                                  \
	[FLOW_SCENE_##NAME] = {#name,                                          \
			       scene_##name##_on_enter,                        \
			       scene_##name##_on_event,                        \
			       scene_##name##_on_exit,                         \
			       scene_##name##_view,                            \
			       idle_rule},
static const struct flow_scene_ops scenes[FLOW_SCENE_COUNT] = {
    FLOW_SCENES(FLOW_SCENE_OPS)};
#undef FLOW_SCENE_OPS

static const enum req_field form_fields[FLOW_FORM_COUNT] = {
    REQ_F_NAME, REQ_F_ADDRESS, REQ_F_OCCUPATION, REQ_F_PHONE,	 REQ_F_EMAIL,
    REQ_F_INFO, REQ_F_PURPOSE, REQ_F_OBTAIN,	 REQ_F_DELIVERY,
};

const struct text flow_txt_back = {"Kembali", "Back"};
const struct text flow_txt_next = {"Lanjut", "Next"};
const struct text flow_txt_call = {"Panggil Petugas", "Call the desk"};
const struct text flow_txt_lang = {"English", "Bahasa Indonesia"};
const struct text flow_txt_finish = {"Selesai", "Finish"};
const struct text flow_txt_not_given = {"(tidak diisi)", "(not given)"};

const struct flow_scene_ops *flow_scene_ops(enum flow_scene s)
{
	return (unsigned)s < FLOW_SCENE_COUNT ? &scenes[s] : &scenes[0];
}

const char *flow_scene_name(enum flow_scene s)
{
	return (unsigned)s < FLOW_SCENE_COUNT ? scenes[s].name : "?";
}

enum req_field flow_form_field(int pos)
{
	if (pos < 0 || pos >= FLOW_FORM_COUNT)
		return REQ_F_COUNT;
	return form_fields[pos];
}

int flow_form_pos(enum req_field field)
{
	for (int i = 0; i < FLOW_FORM_COUNT; i++)
		if (form_fields[i] == field)
			return i;
	return -1;
}

void flow_config_defaults(struct flow_config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->default_lang = LANG_ID;
	cfg->office_name = "";
	cfg->open_min = 8 * 60;
	cfg->close_min = 16 * 60;
	cfg->idle_ms = 60000;
	cfg->idle_warn_ms = 30000;
	cfg->done_ms = 20000;
	cfg->done_failed_ms = 120000;
	cfg->done_wait_ms = 120000;
	cfg->call_clear_ms = 60000;
	cfg->lookup_tries = 5;
	cfg->lookup_lock_ms = 60000;
}

/* ---- navigation ------------------------------------------------------------ */

static void enter(struct flow *f, enum flow_scene s)
{
	f->m.scene = s;
	f->changed = true;
	scenes[s].on_enter(f);
}

static void leave(struct flow *f)
{
	scenes[f->m.scene].on_exit(f);
}

void flow_scene_next(struct flow *f, enum flow_scene s)
{
	leave(f);
	if (f->depth == FLOW_HISTORY_MAX) {
		/* Keep the newest: the oldest entry is always welcome or
		 * out of service, which a reset restores anyway. */
		memmove(&f->history[1], &f->history[2],
			(FLOW_HISTORY_MAX - 2) * sizeof(f->history[0]));
		f->depth--;
	}
	f->history[f->depth++] = s;
	enter(f, s);
}

void flow_scene_prev(struct flow *f)
{
	leave(f);
	if (f->depth > 1)
		f->depth--;
	else
		f->history[0] = FLOW_SCENE_WELCOME;
	enter(f, f->history[f->depth - 1]);
}

void flow_scene_back_to(struct flow *f, enum flow_scene s)
{
	for (int i = f->depth - 1; i >= 0; i--) {
		if (f->history[i] != s)
			continue;
		leave(f);
		f->depth = i + 1;
		enter(f, s);
		return;
	}
	flow_scene_next(f, s);
}

void flow_scene_reset(struct flow *f, enum flow_scene s)
{
	leave(f);
	f->depth = 1;
	f->history[0] = s;
	enter(f, s);
}

void flow_scene_home(struct flow *f)
{
	flow_scene_reset(f, f->m.db_ok ? FLOW_SCENE_WELCOME
				       : FLOW_SCENE_OUT_OF_SERVICE);
}

void flow_fx(struct flow *f, const struct flow_effect *fx)
{
	if (f->n_fx == FLOW_FX_MAX) {
		explicit_bzero(&f->fx[0], sizeof(f->fx[0]));
		memmove(&f->fx[0], &f->fx[1],
			(FLOW_FX_MAX - 1) * sizeof(f->fx[0]));
		f->n_fx--;
	}
	f->fx[f->n_fx++] = *fx;
}

bool flow_effect_next(struct flow *f, struct flow_effect *out)
{
	/* Entries a wipe cancelled (FLOW_FX_NONE) are skipped. */
	while (f->n_fx > 0) {
		*out = f->fx[0];
		memmove(&f->fx[0], &f->fx[1],
			(size_t)(f->n_fx - 1) * sizeof(f->fx[0]));
		f->n_fx--;
		explicit_bzero(&f->fx[f->n_fx], sizeof(f->fx[0]));
		if (out->type != FLOW_FX_NONE)
			return true;
	}
	explicit_bzero(out, sizeof(*out));
	return false;
}

void flow_error(struct flow *f, const struct text *t)
{
	if (f->m.error != t)
		f->changed = true;
	f->m.error = t;
}

/* ---- helpers for scenes ------------------------------------------------------ */

void flow_copy_text(char *dst, size_t size, const char *src)
{
	size_t n = strlen(src);

	if (size == 0)
		return;
	if (n >= size) {
		n = size - 1;
		/* Never end on half a character: back off continuation
		 * bytes and the lead byte they belong to. */
		while (n > 0 && ((unsigned char)src[n] & 0xc0) == 0x80)
			n--;
	}
	memmove(dst, src, n);
	dst[n] = '\0';
}

enum id_kind flow_parse_id(const struct flow *f, const char *text, size_t len,
			   struct id_result *r)
{
	return id_parse(text, len, date_of_wib(f->wall, NULL), r);
}

/* "ANNA MARIA" + "ERIKSSON" -> "ANNA MARIA ERIKSSON": the order people say
 * their names in; the visitor can still edit it. */
static void mrz_name(const struct id_mrz *mrz, char *buf, size_t len)
{
	if (mrz->given_names[0] && mrz->surname[0])
		snprintf(buf, len, "%s %s", mrz->given_names, mrz->surname);
	else
		snprintf(buf, len, "%s%s", mrz->given_names, mrz->surname);
}

bool flow_fill_id(struct flow *f, const struct id_result *r)
{
	struct request *req = &f->m.v.req;

	switch (r->kind) {
	case ID_KIND_NIK:
		req->id_type = REQ_ID_NIK;
		flow_copy_text(req->id_number, sizeof(req->id_number),
			       r->u.nik.nik);
		break;
	case ID_KIND_MRZ_TD1:
	case ID_KIND_MRZ_TD3:
		req->id_type = REQ_ID_PASSPORT;
		flow_copy_text(req->id_number, sizeof(req->id_number),
			       r->u.mrz.doc_number);
		mrz_name(&r->u.mrz, req->name, sizeof(req->name));
		break;
	default:
		return false;
	}
	f->m.notice = r->warning;
	f->changed = true;
	return true;
}

void flow_lookup_receipt(struct flow *f, const struct id_receipt *r)
{
	struct flow_effect fx = {.type = FLOW_FX_LOOKUP_STATUS};

	flow_scene_reset(f, FLOW_SCENE_WELCOME);
	flow_scene_next(f, FLOW_SCENE_STATUS);
	flow_copy_text(f->m.v.regno_text, sizeof(f->m.v.regno_text), r->regno);
	flow_copy_text(fx.regno, sizeof(fx.regno), r->regno);
	flow_copy_text(fx.token, sizeof(fx.token), r->token);
	f->lookup_by_token = true;
	flow_copy_text(f->lookup_token, sizeof(f->lookup_token), r->token);
	f->m.lookup = FLOW_LOOKUP_PENDING;
	flow_fx(f, &fx);
	explicit_bzero(&fx, sizeof(fx));
}

/* ---- calls ----------------------------------------------------------------- */

static void led(struct flow *f, enum flow_led state)
{
	struct flow_effect fx = {.type = FLOW_FX_LED, .led = state};

	flow_fx(f, &fx);
}

void flow_call_start(struct flow *f, enum flow_call_kind kind,
		     const char *regno)
{
	/* One call at a time: pressing again while the desk has not yet
	 * answered shows the call screen but records nothing new. */
	if (f->m.call != FLOW_CALL_PENDING && f->m.call != FLOW_CALL_CALLED) {
		struct flow_effect fx = {.type = FLOW_FX_CALL,
					 .call_kind = kind};

		if (regno)
			flow_copy_text(fx.regno, sizeof(fx.regno), regno);
		flow_copy_text(f->m.v.call_regno, sizeof(f->m.v.call_regno),
			       regno ? regno : "");
		f->m.call = FLOW_CALL_PENDING;
		f->m.call_kind = kind;
		f->m.call_id = 0;
		f->call_clear_at_ms = 0;
		flow_fx(f, &fx);
	}
	f->changed = true;
	/* While a submission is being committed its screen stays: the
	 * answer must reach it (the call is shown there and on Done). */
	if (f->m.scene != FLOW_SCENE_CALL && f->m.scene != FLOW_SCENE_SUBMIT)
		flow_scene_next(f, FLOW_SCENE_CALL);
}

static void call_result(struct flow *f, const struct flow_event *ev)
{
	if (ev->type == FLOW_EVT_CALL_DONE) {
		if (f->m.call != FLOW_CALL_PENDING)
			return;
		if (ev->ok) {
			f->m.call = FLOW_CALL_CALLED;
			f->m.call_id = ev->id;
			led(f, FLOW_LED_BLINK);
		} else {
			/* Said for a minute, then the next visitor may
			 * call afresh. */
			f->m.call = FLOW_CALL_FAILED;
			f->call_clear_at_ms = f->now_ms + f->cfg.call_clear_ms;
		}
		f->changed = true;
		return;
	}
	/* An acknowledgement of another (older) call changes nothing. */
	if (f->m.call != FLOW_CALL_CALLED || ev->id != f->m.call_id)
		return;
	f->m.call = FLOW_CALL_ACKED;
	f->call_clear_at_ms = f->now_ms + f->cfg.call_clear_ms;
	led(f, FLOW_LED_ON);
	f->changed = true;
}

/* ---- wiping ------------------------------------------------------------------- */

void flow_wipe(struct flow *f)
{
	explicit_bzero(&f->m.v, sizeof(f->m.v));
	request_init(&f->m.v.req);
	/* "Not chosen yet": the core asks the visitor to choose. */
	f->m.v.req.obtain = REQ_OBTAIN_COUNT;
	f->m.v.req.delivery = REQ_DELIVERY_COUNT;
	explicit_bzero(f->lookup_token, sizeof(f->lookup_token));
	explicit_bzero(f->lookup_last4, sizeof(f->lookup_last4));
	explicit_bzero(f->maint_pin, sizeof(f->maint_pin));
	for (int i = 0; i < f->n_fx; i++) {
		/* A queued submission or look-up still pointing at the
		 * visitor's data must not run after the wipe. */
		if (f->fx[i].type == FLOW_FX_SUBMIT ||
		    f->fx[i].type == FLOW_FX_LOOKUP_STATUS) {
			explicit_bzero(&f->fx[i], sizeof(f->fx[i]));
			f->fx[i].type = FLOW_FX_NONE;
		}
	}
	f->m.field = 0;
	f->m.from_review = false;
	f->m.consent = false;
	f->m.truth = false;
	f->m.error = NULL;
	f->m.notice = NULL;
	f->m.print = FLOW_PRINT_NONE;
	f->m.lookup = FLOW_LOOKUP_NONE;
	f->lookup_by_token = false;
	f->changed = true;
}

/* ---- global rules -------------------------------------------------------------- */

static bool in_history(const struct flow *f, enum flow_scene s)
{
	for (int i = 0; i < f->depth; i++)
		if (f->history[i] == s)
			return true;
	return false;
}

/* The database failed: nothing half-typed survives; what was committed is
 * safe in the database.  A submission under way, and a number on screen,
 * are left to finish first. */
static void db_fault(struct flow *f)
{
	enum flow_scene s = f->m.scene;

	if (in_history(f, FLOW_SCENE_SUBMIT) ||
	    in_history(f, FLOW_SCENE_DONE)) {
		f->db_fault_deferred = true;
		return;
	}
	if (s == FLOW_SCENE_OUT_OF_SERVICE)
		return;
	/* The technician stays in maintenance (nothing personal is on
	 * screen); leaving it goes out of service (flow_scene_home()). */
	if (flow_maint_scene(s) ||
	    (s == FLOW_SCENE_IDLE && flow_maint_scene(f->m.under)))
		return;
	flow_wipe(f);
	flow_fx(f, &(struct flow_effect){.type = FLOW_FX_WIPE});
	if (s == FLOW_SCENE_CALL) {
		flow_scene_reset(f, FLOW_SCENE_OUT_OF_SERVICE);
		flow_scene_next(f, FLOW_SCENE_CALL);
	} else {
		flow_scene_reset(f, FLOW_SCENE_OUT_OF_SERVICE);
	}
}

static void db_back(struct flow *f)
{
	f->db_fault_deferred = false;
	if (f->m.scene == FLOW_SCENE_OUT_OF_SERVICE) {
		flow_scene_reset(f, FLOW_SCENE_WELCOME);
		return;
	}
	for (int i = 0; i < f->depth; i++)
		if (f->history[i] == FLOW_SCENE_OUT_OF_SERVICE)
			f->history[i] = FLOW_SCENE_WELCOME;
}

static void device(struct flow *f, const struct flow_event *ev)
{
	switch (ev->type) {
	case FLOW_EVT_READER:
		f->m.reader_ok = ev->ok;
		break;
	case FLOW_EVT_PRINTER:
		f->m.printer = (unsigned)ev->printer < FLOW_PRINTER_COUNT
				   ? ev->printer
				   : FLOW_PRINTER_FAULT;
		break;
	case FLOW_EVT_DB:
		f->m.db_ok = ev->ok;
		f->m.db_err = ev->ok ? QUEUE_OK : ev->err;
		if (ev->ok)
			db_back(f);
		else
			db_fault(f);
		break;
	default:
		return;
	}
	f->changed = true;
}

/* A receipt's outcome, wherever the visitor is now (the call screen over
 * the done screen, say). */
static void print_result(struct flow *f, const struct flow_event *ev)
{
	if (f->m.print == FLOW_PRINT_NONE ||
	    (ev->id && ev->id != f->m.v.request_id))
		return; /* no receipt on screen, or another request's */
	f->m.print = ev->ok ? FLOW_PRINT_DONE : FLOW_PRINT_FAILED;
	if (!ev->ok)
		f->m.printer = (unsigned)ev->printer < FLOW_PRINTER_COUNT &&
				       ev->printer != FLOW_PRINTER_OK
				   ? ev->printer
				   : FLOW_PRINTER_FAULT;
	f->changed = true;
}

/* The idle rule applies where a visitor's answers are on screen, but not
 * while the screen waits for the system (a status look-up). */
static bool idle_applies(const struct flow *f)
{
	return scenes[f->m.scene].idle && !(f->m.scene == FLOW_SCENE_STATUS &&
					    f->m.lookup == FLOW_LOOKUP_PENDING);
}

static bool is_input(enum flow_evt_type t)
{
	return t == FLOW_EVT_TAP || t == FLOW_EVT_TEXT || t == FLOW_EVT_CARD ||
	       t == FLOW_EVT_BUTTON || t == FLOW_EVT_MAINT;
}

/* The idle rule and the other clocks, checked on every event. */
static void timers(struct flow *f)
{
	if (f->call_clear_at_ms && f->now_ms >= f->call_clear_at_ms) {
		f->call_clear_at_ms = 0;
		f->m.call = FLOW_CALL_NONE;
		f->m.call_id = 0;
		led(f, FLOW_LED_OFF);
		f->changed = true;
	}
	if (idle_applies(f) && f->now_ms - f->input_ms >= f->cfg.idle_ms) {
		f->m.under = f->m.scene;
		f->idle_end_ms = f->now_ms + f->cfg.idle_warn_ms;
		flow_scene_next(f, FLOW_SCENE_IDLE);
	}
	/* On the welcome screen there is nothing to wipe; the language
	 * goes back to the default for the next visitor. */
	if (f->m.scene == FLOW_SCENE_WELCOME &&
	    f->m.lang != f->cfg.default_lang &&
	    f->now_ms - f->input_ms >= f->cfg.idle_ms) {
		f->m.lang = f->cfg.default_lang;
		f->changed = true;
	}
}

/* A tap the current screen does not show is stale (a double fire, a
 * screen that changed under the finger): ignore it. */
static bool tap_shown(const struct flow *f, const struct flow_event *ev)
{
	struct flow_view v;
	bool shown;

	flow_view(f, &v);
	shown = flow_view_button(&v, ev->tap, ev->index) != NULL;
	explicit_bzero(&v, sizeof(v));
	return shown;
}

static bool global_input(struct flow *f, const struct flow_event *ev)
{
	/* The button test counts presses instead of calling. */
	if (ev->type == FLOW_EVT_BUTTON &&
	    f->m.scene != FLOW_SCENE_MAINT_BUTTON) {
		flow_call_start(f, FLOW_CALL_BUTTON, NULL);
		return true;
	}
	if (ev->type == FLOW_EVT_MAINT) {
		flow_maint_open(f);
		return true;
	}
	if (ev->type != FLOW_EVT_TAP)
		return false;
	switch (ev->tap) {
	case FLOW_TAP_LANG:
		f->m.lang = f->m.lang == LANG_EN ? LANG_ID : LANG_EN;
		f->changed = true;
		return true;
	case FLOW_TAP_CALL:
		flow_call_start(f, FLOW_CALL_SCREEN, NULL);
		return true;
	default:
		return false;
	}
}

void flow_init(struct flow *f, const struct flow_config *cfg, int64_t now_ms,
	       time_t wall)
{
	explicit_bzero(f, sizeof(*f));
	if (cfg)
		f->cfg = *cfg;
	else
		flow_config_defaults(&f->cfg);
	if (!f->cfg.office_name)
		f->cfg.office_name = "";
	/* WCAG 2.2.1: at least 20 s to answer "are you still there?". */
	if (f->cfg.idle_warn_ms < 20000)
		f->cfg.idle_warn_ms = 20000;
	f->now_ms = now_ms;
	f->input_ms = now_ms;
	f->wall = wall;
	f->m.lang = f->cfg.default_lang;
	f->m.db_ok = true;
	f->m.printer = FLOW_PRINTER_OK;
	/* The PIN's rate limit survives a restart (the engine keeps it). */
	f->maint_wrong = f->cfg.maint_wrong > 0 ? f->cfg.maint_wrong : 0;
	if (f->cfg.maint_lock_ms > 0)
		f->maint_lock_until_ms =
		    now_ms + (f->cfg.maint_lock_ms < FLOW_PIN_LOCK_MAX_MS
				  ? f->cfg.maint_lock_ms
				  : FLOW_PIN_LOCK_MAX_MS);
	flow_wipe(f);
	f->depth = 1;
	f->history[0] = FLOW_SCENE_WELCOME;
	f->m.scene = FLOW_SCENE_WELCOME;
	f->changed = false;
}

bool flow_handle(struct flow *f, const struct flow_event *ev)
{
	bool consumed = false;

	f->changed = false;
	if (ev->now_ms > f->now_ms)
		f->now_ms = ev->now_ms;
	if (ev->wall)
		f->wall = ev->wall;

	switch (ev->type) {
	case FLOW_EVT_READER:
	case FLOW_EVT_PRINTER:
	case FLOW_EVT_DB:
		device(f, ev);
		break;
	case FLOW_EVT_CALL_DONE:
	case FLOW_EVT_CALL_ACKED:
		call_result(f, ev);
		break;
	case FLOW_EVT_PRINT_DONE:
		print_result(f, ev);
		break;
	case FLOW_EVT_MAINT_PIN:
		flow_maint_pin_result(f, ev->ok);
		break;
	case FLOW_EVT_MAINT_PRINTED:
		flow_maint_printed(f, ev);
		break;
	case FLOW_EVT_STATUS_DONE:
		/* The visitor left the status screen (a call, say): drop the
		 * answer and let them ask again. */
		if (f->m.scene != FLOW_SCENE_STATUS)
			flow_lookup_abandon(f);
		break;
	default:
		break;
	}

	if (is_input(ev->type)) {
		f->input_ms = f->now_ms;
		/* The idle overlay: any touch, key or read means "more
		 * time" and goes no further (the call button still calls). */
		if (f->m.scene == FLOW_SCENE_IDLE) {
			flow_scene_prev(f);
			if (ev->type == FLOW_EVT_BUTTON)
				global_input(f, ev);
			goto out;
		}
		if (ev->type == FLOW_EVT_TAP && !tap_shown(f, ev))
			goto out;
		consumed = global_input(f, ev);
	}
	if (!consumed && ev->type != FLOW_EVT_CALL_DONE &&
	    ev->type != FLOW_EVT_CALL_ACKED)
		consumed = scenes[f->m.scene].on_event(f, ev);
	if (!consumed && ev->type == FLOW_EVT_TAP && ev->tap == FLOW_TAP_BACK)
		flow_scene_prev(f);
out:
	timers(f);
	return f->changed;
}

const struct flow_model *flow_model(const struct flow *f)
{
	return &f->m;
}

static void wake_at(int64_t at, int64_t now_ms, int64_t *best)
{
	int64_t d;

	if (at <= 0)
		return;
	d = at > now_ms ? at - now_ms : 0;
	if (*best < 0 || d < *best)
		*best = d;
}

int flow_next_wake_ms(const struct flow *f, int64_t now_ms)
{
	int64_t best = -1;
	enum flow_scene s = f->m.scene;

	wake_at(f->call_clear_at_ms, now_ms, &best);
	if (idle_applies(f))
		wake_at(f->input_ms + f->cfg.idle_ms, now_ms, &best);
	if (s == FLOW_SCENE_WELCOME && f->m.lang != f->cfg.default_lang)
		wake_at(f->input_ms + f->cfg.idle_ms, now_ms, &best);
	if (s == FLOW_SCENE_IDLE) {
		/* The countdown changes every second. */
		int64_t left = f->idle_end_ms - now_ms;

		wake_at(left <= 0 ? now_ms : now_ms + ((left - 1) % 1000) + 1,
			now_ms, &best);
	}
	if (s == FLOW_SCENE_DONE)
		wake_at(f->done_end_ms, now_ms, &best);
	if (s == FLOW_SCENE_STATUS && f->lookup_lock_until_ms)
		wake_at(f->lookup_lock_until_ms, now_ms, &best);
	if (s == FLOW_SCENE_MAINT_PIN && flow_maint_lock_left_ms(f) > 0) {
		/* The lock's countdown changes every second. */
		int64_t left = f->maint_lock_until_ms - now_ms;

		wake_at(now_ms + ((left - 1) % 1000) + 1, now_ms, &best);
	}
	if (best > 0x7fffffff)
		best = 0x7fffffff;
	return (int)best;
}
