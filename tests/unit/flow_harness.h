/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Shared helpers of the kiosk flow's unit tests: one flow under test, a
 * clock that moves 100 ms per input, events built in one call each, and
 * the effects collected after every event.
 */
#ifndef PPID_TEST_FLOW_HARNESS_H
#define PPID_TEST_FLOW_HARNESS_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "flow.h"
#include "flow_view.h"
#include "idparse.h"

#define NIK    "3201015708900001" /* synthetic (TECH.md section 6) */
#define TD3_L1 "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"
#define TD3_L2 "L898902C36UTO7408122F1204159ZE184226B<<<<<10"
#define TD3    TD3_L1 "\n" TD3_L2
#define TD1                                                                    \
	"I<UTOD231458907<<<<<<<<<<<<<<<\n"                                     \
	"7408122F1204159UTO<<<<<<<<<<<6\n"                                     \
	"ERIKSSON<<ANNA<MARIA<<<<<<<<<<"
#define REGNO  "0001/PPID/KPU-BKL/XI/2026"
#define TOKEN  "ABCDEFGH23"
#define MAX_FX 32

struct harness {
	struct flow f;		       /* the flow under test */
	int64_t t;		       /* monotonic ms */
	time_t wall;		       /* Fri 27 Nov 2026 10:00 WIB */
	struct flow_effect fx[MAX_FX]; /* effects of the last event(s) */
	int n_fx;		       /* collected since fx_clear() */
};

/* One per test binary; reset by h_start() in every test's setup. */
static struct harness H;

static inline const struct flow_model *M(void)
{
	return flow_model(&H.f);
}

static inline void fx_clear(void)
{
	memset(H.fx, 0, sizeof(H.fx));
	H.n_fx = 0;
}

static inline void collect(void)
{
	struct flow_effect e;

	while (flow_effect_next(&H.f, &e))
		if (H.n_fx < MAX_FX)
			H.fx[H.n_fx++] = e;
}

/** The last collected effect of @p type, or NULL. */
static inline const struct flow_effect *fx_find(enum flow_fx_type type)
{
	for (int i = H.n_fx - 1; i >= 0; i--)
		if (H.fx[i].type == type)
			return &H.fx[i];
	return NULL;
}

static inline int fx_count(enum flow_fx_type type)
{
	int n = 0;

	for (int i = 0; i < H.n_fx; i++)
		n += H.fx[i].type == type;
	return n;
}

static inline void h_start_cfg(const struct flow_config *cfg)
{
	memset(&H, 0, sizeof(H));
	H.t = 1000000;
	H.wall = date_wib_to_utc((struct date){2026, 11, 27}, 10, 0, 0);
	flow_init(&H.f, cfg, H.t, H.wall);
	collect();
	fx_clear();
}

static inline void h_start(void)
{
	h_start_cfg(NULL);
}

static inline bool send(struct flow_event *ev)
{
	bool changed;

	ev->now_ms = H.t;
	ev->wall = H.wall + (time_t)((H.t - 1000000) / 1000);
	changed = flow_handle(&H.f, ev);
	collect();
	return changed;
}

static inline bool input(struct flow_event *ev)
{
	H.t += 100;
	return send(ev);
}

static inline bool tap_i(enum flow_tap tap, int index)
{
	struct flow_event ev = {
	    .type = FLOW_EVT_TAP, .tap = tap, .index = index};

	return input(&ev);
}

static inline bool tap(enum flow_tap t)
{
	return tap_i(t, 0);
}

static inline bool text(enum flow_input in, const char *s)
{
	struct flow_event ev = {.type = FLOW_EVT_TEXT, .input = in, .text = s};

	return input(&ev);
}

static inline bool card(const char *s)
{
	struct flow_event ev = {
	    .type = FLOW_EVT_CARD, .text = s, .len = strlen(s)};

	return input(&ev);
}

static inline bool button(void)
{
	struct flow_event ev = {.type = FLOW_EVT_BUTTON};

	return input(&ev);
}

/** Let @p ms pass, with a tick at the end. */
static inline bool tick(int64_t ms)
{
	struct flow_event ev = {.type = FLOW_EVT_TICK};

	H.t += ms;
	return send(&ev);
}

static inline bool result(struct flow_event ev)
{
	H.t += 10;
	return send(&ev);
}

static inline bool submit_ok(int64_t id)
{
	return result((struct flow_event){.type = FLOW_EVT_SUBMIT_DONE,
					  .err = QUEUE_OK,
					  .id = id,
					  .regno = REGNO,
					  .deadline = {2026, 12, 11}});
}

static inline bool submit_err(enum queue_err err)
{
	return result(
	    (struct flow_event){.type = FLOW_EVT_SUBMIT_DONE, .err = err});
}

static inline bool print_done(bool ok, int64_t id, enum flow_printer p)
{
	return result((struct flow_event){
	    .type = FLOW_EVT_PRINT_DONE, .ok = ok, .id = id, .printer = p});
}

static inline bool db(bool ok, enum queue_err err)
{
	return result(
	    (struct flow_event){.type = FLOW_EVT_DB, .ok = ok, .err = err});
}

static inline bool printer(enum flow_printer p)
{
	return result(
	    (struct flow_event){.type = FLOW_EVT_PRINTER, .printer = p});
}

/* ---- maintenance ---------------------------------------------------------- */

#define PIN "4827"

/** Start with a maintenance PIN configured (the engine checks it). */
static inline void h_start_maint(void)
{
	struct flow_config cfg;

	flow_config_defaults(&cfg);
	cfg.maint_enabled = true;
	h_start_cfg(&cfg);
}

static inline bool maint_gesture(void)
{
	struct flow_event ev = {.type = FLOW_EVT_MAINT};

	return input(&ev);
}

/** The engine's answer to FLOW_FX_MAINT_PIN. */
static inline bool pin_answer(bool ok)
{
	return result(
	    (struct flow_event){.type = FLOW_EVT_MAINT_PIN, .ok = ok});
}

/** Type @p pin and send it; the engine answers @p ok. */
static inline void pin_try(const char *pin, bool ok)
{
	text(FLOW_INPUT_PIN, pin);
	tap(FLOW_TAP_NEXT);
	if (fx_find(FLOW_FX_MAINT_PIN))
		pin_answer(ok);
}

/** From welcome to the maintenance menu (h_start_maint() first). */
static inline void to_maint_menu(void)
{
	maint_gesture();
	assert_int_equal(M()->scene, FLOW_SCENE_MAINT_PIN);
	pin_try(PIN, true);
	assert_int_equal(M()->scene, FLOW_SCENE_MAINT);
}

/** Start afresh on maintenance scene @p s. */
static inline void reach_maint(enum flow_scene s)
{
	h_start_maint();
	maint_gesture();
	if (s == FLOW_SCENE_MAINT_PIN)
		return;
	pin_try(PIN, true);
	if (s == FLOW_SCENE_MAINT_READER)
		tap_i(FLOW_TAP_MAINT_ITEM, FLOW_MAINT_READER);
	else if (s == FLOW_SCENE_MAINT_BUTTON)
		tap_i(FLOW_TAP_MAINT_ITEM, FLOW_MAINT_BUTTON);
}

/** true when @p needle, or all of it but its first byte (as a wipe that
 *  only "empties" strings would leave), is anywhere in the flow's bytes. */
static inline bool flow_holds(const char *needle)
{
	size_t n = strlen(needle);

	return memmem(&H.f, sizeof(H.f), needle, n) != NULL ||
	       (n > 3 && memmem(&H.f, sizeof(H.f), needle + 1, n - 1) != NULL);
}

/** Fill the current text field and go on; asserts it was accepted. */
static inline void answer(const char *s)
{
	int pos = M()->field;

	text(FLOW_INPUT_FIELD, s);
	tap(FLOW_TAP_NEXT);
	assert_null(M()->error);
	(void)pos;
}

/* Valid answers, form position order (choices by index). */
#define A_NAME	     "Siti Aminah"
#define A_ADDRESS    "Jl. Pembangunan No. 11, Kota Bengkulu"
#define A_OCCUPATION "Wiraswasta"
#define A_PHONE	     "0812 3456 7890"
#define A_EMAIL	     "siti.aminah@contoh.id"
#define A_INFO	     "Salinan keputusan penetapan DPT Pemilu 2024"
#define A_PURPOSE    "Penelitian skripsi"

/** From welcome to the first form question, the NIK typed. */
static inline void to_form(void)
{
	tap(FLOW_TAP_REQUEST);
	assert_int_equal(M()->scene, FLOW_SCENE_IDENTIFY);
	text(FLOW_INPUT_ID, NIK);
	tap(FLOW_TAP_NEXT);
	assert_int_equal(M()->scene, FLOW_SCENE_FORM);
	assert_int_equal(M()->field, 0);
}

/** From welcome to the review, every answer valid. */
static inline void to_review(void)
{
	to_form();
	answer(A_NAME);
	answer(A_ADDRESS);
	answer(A_OCCUPATION);
	answer(A_PHONE);
	answer(A_EMAIL);
	answer(A_INFO);
	answer(A_PURPOSE);
	tap_i(FLOW_TAP_CHOICE, REQ_OBTAIN_SOFTCOPY);
	tap_i(FLOW_TAP_CHOICE, REQ_DELIVERY_EMAIL);
	assert_int_equal(M()->scene, FLOW_SCENE_REVIEW);
}

/** From welcome through submit: the SUBMIT effect is out. */
static inline void to_submit(void)
{
	to_review();
	tap(FLOW_TAP_CONSENT);
	tap(FLOW_TAP_TRUTH);
	fx_clear();
	tap(FLOW_TAP_SUBMIT);
	assert_int_equal(M()->scene, FLOW_SCENE_SUBMIT);
	assert_non_null(fx_find(FLOW_FX_SUBMIT));
}

/** The view of the current screen (in a static: big). */
static inline const struct flow_view *V(void)
{
	static struct flow_view v;

	flow_view(&H.f, &v);
	return &v;
}

/** true when some line of the view shows @p s. */
static inline bool view_shows(const struct flow_view *v, const char *s)
{
	for (int i = 0; i < v->n_lines; i++)
		if (strcmp(v->lines[i].value, s) == 0)
			return true;
	return false;
}

static inline int setup(void **state)
{
	(void)state;
	h_start();
	return 0;
}

#endif
