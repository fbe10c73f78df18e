// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The demo walk through every screen (kiosk_demo.h).
 */

#include <stdio.h>
#include <string.h>

#include "date.h"
#include "idparse.h"
#include "kiosk_demo.h"
#include "request.h"
#include "workflow.h"

#define DEMO_NIK   "3201015708900001" /* synthetic (TECH.md section 6) */
#define DEMO_REGNO "0001/PPID/KPU-BKL/XI/2026"
#define DEMO_TOKEN "ABCDEFGH23"

struct walk {
	struct flow *f; /* driven */
	int64_t t;	/* monotonic ms */
	time_t wall;	/* UTC */
	bool ok;	/* every step landed where it should */
};

static void send(struct walk *w, struct flow_event ev)
{
	struct flow_effect fx;

	w->t += 100;
	ev.now_ms = w->t;
	ev.wall = w->wall + (time_t)(w->t / 1000);
	flow_handle(w->f, &ev);
	while (flow_effect_next(w->f, &fx))
		;
}

static void tap(struct walk *w, enum flow_tap t, int index)
{
	send(w, (struct flow_event){
		    .type = FLOW_EVT_TAP, .tap = t, .index = index});
}

static void text(struct walk *w, enum flow_input in, const char *s)
{
	send(w, (struct flow_event){
		    .type = FLOW_EVT_TEXT, .input = in, .text = s});
}

static void expect(struct walk *w, enum flow_scene s)
{
	if (flow_model(w->f)->scene != s)
		w->ok = false;
}

static const char *const answers[FLOW_FORM_COUNT] = {
    "Siti Aminah Nur'aini",
    "Jl. Pembangunan No. 11, Kota Bengkulu",
    "Wiraswasta",
    "0812 3456 7890",
    "siti.aminah@contoh.id",
    "Salinan keputusan penetapan DPT Pemilu 2024 untuk Kota Bengkulu",
    "Penelitian skripsi",
    NULL,
    NULL,
};

/* Welcome -> identify -> the form at @p pos (answers before it given). */
static void to_form(struct walk *w, int pos)
{
	tap(w, FLOW_TAP_REQUEST, 0);
	expect(w, FLOW_SCENE_IDENTIFY);
	text(w, FLOW_INPUT_ID, DEMO_NIK);
	tap(w, FLOW_TAP_NEXT, 0);
	for (int i = 0; i < pos; i++) {
		if (answers[i])
			text(w, FLOW_INPUT_FIELD, answers[i]);
		else
			tap(w, FLOW_TAP_CHOICE, i == 7 ? 1 : 0);
		if (answers[i])
			tap(w, FLOW_TAP_NEXT, 0);
	}
	if (pos < FLOW_FORM_COUNT) {
		expect(w, FLOW_SCENE_FORM);
		if (flow_model(w->f)->field != pos)
			w->ok = false;
	}
}

static void to_review(struct walk *w)
{
	to_form(w, FLOW_FORM_COUNT);
	expect(w, FLOW_SCENE_REVIEW);
}

static void to_submit(struct walk *w)
{
	to_review(w);
	tap(w, FLOW_TAP_CONSENT, 0);
	tap(w, FLOW_TAP_TRUTH, 0);
	tap(w, FLOW_TAP_SUBMIT, 0);
	expect(w, FLOW_SCENE_SUBMIT);
}

static void to_done(struct walk *w, bool printed)
{
	to_submit(w);
	send(w, (struct flow_event){.type = FLOW_EVT_SUBMIT_DONE,
				    .err = QUEUE_OK,
				    .id = 1,
				    .regno = DEMO_REGNO,
				    .deadline = {2026, 12, 11}});
	expect(w, FLOW_SCENE_DONE);
	send(w,
	     (struct flow_event){.type = FLOW_EVT_PRINT_DONE,
				 .ok = printed,
				 .id = 1,
				 .printer = printed ? FLOW_PRINTER_OK
						    : FLOW_PRINTER_NO_PAPER});
}

/* The hidden gesture and the PIN (the engine's answer given here). */
static void to_maint(struct walk *w)
{
	send(w, (struct flow_event){.type = FLOW_EVT_MAINT});
	expect(w, FLOW_SCENE_MAINT_PIN);
	text(w, FLOW_INPUT_PIN, "4827");
	tap(w, FLOW_TAP_NEXT, 0);
	send(w, (struct flow_event){.type = FLOW_EVT_MAINT_PIN, .ok = true});
	expect(w, FLOW_SCENE_MAINT);
}

static void to_result(struct walk *w, enum wf_status st)
{
	static struct request row;

	request_init(&row);
	snprintf(row.regno, sizeof(row.regno), "%s", DEMO_REGNO);
	snprintf(row.token, sizeof(row.token), "%s", DEMO_TOKEN);
	snprintf(row.name, sizeof(row.name), "Siti Aminah");
	snprintf(row.id_number, sizeof(row.id_number), "%s", DEMO_NIK);
	row.status = st;
	if (st == WF_DECIDED)
		row.decision = WF_DECISION_GRANTED;
	row.deadline = (struct date){2026, 12, 11};
	tap(w, FLOW_TAP_CHECK_STATUS, 0);
	text(w, FLOW_INPUT_REGNO, DEMO_REGNO);
	text(w, FLOW_INPUT_LAST4, "0001");
	tap(w, FLOW_TAP_LOOKUP, 0);
	send(w, (struct flow_event){.type = FLOW_EVT_STATUS_DONE,
				    .err = QUEUE_OK,
				    .found = &row});
	request_wipe(&row);
	expect(w, FLOW_SCENE_STATUS_RESULT);
}

enum demo {
	D_WELCOME = 0,
	D_WELCOME_NO_PAPER,
	D_IDENTIFY,
	D_FORM, /* + FLOW_FORM_COUNT - 1 */
	D_FORM_ERROR = D_FORM + FLOW_FORM_COUNT,
	D_REVIEW,
	D_REVIEW_END,
	D_SUBMIT,
	D_DONE,
	D_DONE_FAILED,
	D_STATUS,
	D_STATUS_LAST4,
	D_RESULT,
	D_RESULT_PICKUP,
	D_CALL,
	D_CALL_ACKED,
	D_IDLE,
	D_OUT_OF_SERVICE,
	D_MAINT_PIN,
	D_MAINT_PIN_LOCKED,
	D_MAINT,
	D_MAINT_READER,
	D_MAINT_BUTTON,
	D_COUNT,
};

/* The maintenance screens. */
static const char *maint_demo(struct walk *w, int i)
{
	switch (i) {
	case D_MAINT_PIN:
		/* After one wrong PIN: the longest screen but the lock's. */
		send(w, (struct flow_event){.type = FLOW_EVT_MAINT});
		text(w, FLOW_INPUT_PIN, "1111");
		tap(w, FLOW_TAP_NEXT, 0);
		send(w, (struct flow_event){.type = FLOW_EVT_MAINT_PIN});
		text(w, FLOW_INPUT_PIN, "48");
		expect(w, FLOW_SCENE_MAINT_PIN);
		return "maint_pin";
	case D_MAINT_PIN_LOCKED:
		send(w, (struct flow_event){.type = FLOW_EVT_MAINT});
		for (int k = 0; k < FLOW_PIN_TRIES; k++) {
			text(w, FLOW_INPUT_PIN, "1111");
			tap(w, FLOW_TAP_NEXT, 0);
			send(w,
			     (struct flow_event){.type = FLOW_EVT_MAINT_PIN});
		}
		expect(w, FLOW_SCENE_MAINT_PIN);
		return "maint_pin-locked";
	case D_MAINT:
		to_maint(w);
		tap(w, FLOW_TAP_MAINT_ITEM, FLOW_MAINT_TEST_PAGE);
		send(w, (struct flow_event){.type = FLOW_EVT_MAINT_PRINTED,
					    .ok = true});
		return "maint";
	case D_MAINT_READER:
		to_maint(w);
		tap(w, FLOW_TAP_MAINT_ITEM, FLOW_MAINT_READER);
		send(w, (struct flow_event){.type = FLOW_EVT_CARD,
					    .text = DEMO_NIK,
					    .len = strlen(DEMO_NIK)});
		expect(w, FLOW_SCENE_MAINT_READER);
		return "maint_reader";
	case D_MAINT_BUTTON:
		to_maint(w);
		tap(w, FLOW_TAP_MAINT_ITEM, FLOW_MAINT_BUTTON);
		send(w, (struct flow_event){.type = FLOW_EVT_BUTTON});
		send(w, (struct flow_event){.type = FLOW_EVT_BUTTON});
		expect(w, FLOW_SCENE_MAINT_BUTTON);
		return "maint_button";
	default:
		return NULL;
	}
}

int kiosk_demo_count(void)
{
	return D_COUNT;
}

const char *kiosk_demo_go(struct flow *f, int i, enum lang lang)
{
	static char name[32];
	struct flow_config cfg;
	struct walk w = {.f = f, .t = 1000000, .ok = true};

	if (i < 0 || i >= D_COUNT)
		return NULL;
	w.wall = date_wib_to_utc((struct date){2026, 11, 27}, 10, 0, 0);
	flow_config_defaults(&cfg);
	cfg.default_lang = lang;
	cfg.maint_enabled = true;
	cfg.office_name = lang == LANG_EN
			      ? "PPID, General Election Commission of Bengkulu"
			      : "PPID Komisi Pemilihan Umum Kota Bengkulu";
	flow_init(f, &cfg, w.t, w.wall);
	send(&w, (struct flow_event){.type = FLOW_EVT_READER, .ok = true});
	send(&w, (struct flow_event){.type = FLOW_EVT_DB, .ok = true});
	send(&w, (struct flow_event){.type = FLOW_EVT_PRINTER,
				     .printer = i == D_WELCOME_NO_PAPER
						    ? FLOW_PRINTER_NO_PAPER
						    : FLOW_PRINTER_OK});
	snprintf(name, sizeof(name), "%s", flow_scene_name(FLOW_SCENE_WELCOME));
	if (i >= D_FORM && i < D_FORM + FLOW_FORM_COUNT) {
		to_form(&w, i - D_FORM);
		snprintf(name, sizeof(name), "form-%d", i - D_FORM + 1);
		return w.ok ? name : NULL;
	}
	if (i >= D_MAINT_PIN) {
		const char *m = maint_demo(&w, i);

		if (!m)
			return NULL;
		snprintf(name, sizeof(name), "%s", m);
		return w.ok ? name : NULL;
	}
	switch (i) {
	case D_WELCOME:
		break;
	case D_WELCOME_NO_PAPER:
		snprintf(name, sizeof(name), "welcome-no-paper");
		break;
	case D_IDENTIFY:
		tap(&w, FLOW_TAP_REQUEST, 0);
		text(&w, FLOW_INPUT_ID, "320101570890");
		snprintf(name, sizeof(name), "identify");
		break;
	case D_FORM_ERROR:
		to_form(&w, 3);
		text(&w, FLOW_INPUT_FIELD, "08");
		tap(&w, FLOW_TAP_NEXT, 0);
		if (!flow_model(f)->error)
			w.ok = false;
		snprintf(name, sizeof(name), "form-error");
		break;
	case D_REVIEW:
		to_review(&w);
		snprintf(name, sizeof(name), "review");
		break;
	case D_REVIEW_END:
		to_review(&w);
		tap(&w, FLOW_TAP_CONSENT, 0);
		tap(&w, FLOW_TAP_SUBMIT, 0);
		if (!flow_model(f)->error)
			w.ok = false;
		snprintf(name, sizeof(name), "review-unticked");
		break;
	case D_SUBMIT:
		to_submit(&w);
		snprintf(name, sizeof(name), "submit");
		break;
	case D_DONE:
		to_done(&w, true);
		snprintf(name, sizeof(name), "done");
		break;
	case D_DONE_FAILED:
		to_done(&w, false);
		snprintf(name, sizeof(name), "done-print-failed");
		break;
	case D_STATUS:
		tap(&w, FLOW_TAP_CHECK_STATUS, 0);
		text(&w, FLOW_INPUT_REGNO, DEMO_REGNO);
		expect(&w, FLOW_SCENE_STATUS);
		snprintf(name, sizeof(name), "status");
		break;
	case D_STATUS_LAST4:
		tap(&w, FLOW_TAP_CHECK_STATUS, 0);
		text(&w, FLOW_INPUT_REGNO, DEMO_REGNO);
		text(&w, FLOW_INPUT_LAST4, "00");
		expect(&w, FLOW_SCENE_STATUS);
		snprintf(name, sizeof(name), "status-last4");
		break;
	case D_RESULT:
		to_result(&w, WF_FORWARDED);
		snprintf(name, sizeof(name), "status_result");
		break;
	case D_RESULT_PICKUP:
		to_result(&w, WF_DECIDED);
		snprintf(name, sizeof(name), "status_result-pickup");
		break;
	case D_CALL:
		tap(&w, FLOW_TAP_CALL, 0);
		send(&w, (struct flow_event){
			     .type = FLOW_EVT_CALL_DONE, .ok = true, .id = 7});
		expect(&w, FLOW_SCENE_CALL);
		snprintf(name, sizeof(name), "call");
		break;
	case D_CALL_ACKED:
		tap(&w, FLOW_TAP_CALL, 0);
		send(&w, (struct flow_event){
			     .type = FLOW_EVT_CALL_DONE, .ok = true, .id = 7});
		send(&w,
		     (struct flow_event){.type = FLOW_EVT_CALL_ACKED, .id = 7});
		expect(&w, FLOW_SCENE_CALL);
		snprintf(name, sizeof(name), "call-acked");
		break;
	case D_IDLE:
		to_form(&w, 1);
		w.t += cfg.idle_ms;
		send(&w, (struct flow_event){.type = FLOW_EVT_TICK});
		expect(&w, FLOW_SCENE_IDLE);
		snprintf(name, sizeof(name), "idle");
		break;
	case D_OUT_OF_SERVICE:
		send(&w, (struct flow_event){.type = FLOW_EVT_DB,
					     .ok = false,
					     .err = QUEUE_ERR_IO});
		expect(&w, FLOW_SCENE_OUT_OF_SERVICE);
		snprintf(name, sizeof(name), "out_of_service");
		break;
	default:
		return NULL;
	}
	return w.ok ? name : NULL;
}
