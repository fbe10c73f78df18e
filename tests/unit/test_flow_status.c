// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Unit tests for the kiosk flow's status look-up (receipt QR, number + last
 * 4 digits, what a wrong try reveals, the lock), desk calls (screen, GPIO
 * button, pickup, acknowledgement, failure, the LED), and the views of
 * every scene: reachable, complete in both languages, and every button
 * shown is one the flow acts on.
 */

#include "flow_harness.h"

/* The row the main loop reads by number, with personal data in it. */
static struct request row;

static int setup_row(void **state)
{
	setup(state);
	request_init(&row);
	snprintf(row.regno, sizeof(row.regno), "%s", REGNO);
	snprintf(row.token, sizeof(row.token), "%s", TOKEN);
	snprintf(row.name, sizeof(row.name), "Siti Aminah");
	snprintf(row.id_number, sizeof(row.id_number), "%s", NIK);
	snprintf(row.address, sizeof(row.address), "Jl. Rahasia 1");
	row.status = WF_FORWARDED;
	row.deadline = (struct date){2026, 12, 11};
	return 0;
}

static bool status_done(const struct request *found, enum queue_err err)
{
	return result((struct flow_event){
	    .type = FLOW_EVT_STATUS_DONE, .err = err, .found = found});
}

static void scan_receipt(const char *regno, const char *token)
{
	char payload[128];

	assert_int_equal(
	    id_receipt_payload(regno, token, payload, sizeof(payload)), 0);
	card(payload);
}

static void typed_lookup(const char *regno, const char *last4)
{
	if (M()->scene != FLOW_SCENE_STATUS)
		tap(FLOW_TAP_CHECK_STATUS);
	text(FLOW_INPUT_REGNO, regno);
	text(FLOW_INPUT_LAST4, last4);
	fx_clear();
	tap(FLOW_TAP_LOOKUP);
}

/* Nothing of the row but what a screen may show is in the flow. */
static void check_nothing_private(void)
{
	assert_false(flow_holds("Siti Aminah"));
	assert_false(flow_holds("Aminah"));
	assert_false(flow_holds(NIK));
	assert_false(flow_holds("Jl. Rahasia"));
	assert_false(flow_holds(TOKEN));
}

static void test_status_by_qr(void **state)
{
	const struct flow_effect *fx;
	const struct flow_view *v;

	(void)state;
	/* From the welcome screen, no tap needed. */
	scan_receipt(REGNO, TOKEN);
	assert_int_equal(M()->scene, FLOW_SCENE_STATUS);
	assert_int_equal(M()->lookup, FLOW_LOOKUP_PENDING);
	fx = fx_find(FLOW_FX_LOOKUP_STATUS);
	assert_non_null(fx);
	assert_string_equal(fx->regno, REGNO);
	assert_string_equal(fx->token, TOKEN);
	assert_string_equal(fx->last4, "");
	assert_null(flow_view_button(V(), FLOW_TAP_LOOKUP, 0));
	status_done(&row, QUEUE_OK);
	assert_int_equal(M()->scene, FLOW_SCENE_STATUS_RESULT);
	assert_int_equal(M()->lookup, FLOW_LOOKUP_FOUND);
	assert_string_equal(M()->v.masked_name, "S*** A*****");
	check_nothing_private();
	v = V();
	assert_true(view_shows(v, REGNO));
	assert_true(view_shows(v, "S*** A*****"));
	assert_true(view_shows(v, workflow_status_label(WF_FORWARDED)->id));
	assert_true(view_shows(v, "11 Desember 2026"));
	assert_null(flow_view_button(v, FLOW_TAP_CALL_PICKUP, 0));
	tap(FLOW_TAP_LANG);
	assert_true(view_shows(V(), workflow_status_label(WF_FORWARDED)->en));
	assert_true(view_shows(V(), "11 December 2026"));
	tap(FLOW_TAP_FINISH);
	assert_int_equal(M()->scene, FLOW_SCENE_WELCOME);
	assert_false(flow_holds(REGNO));
}

static void test_status_qr_wrong_token(void **state)
{
	(void)state;
	/* From identify too; a forged or stale token: no match. */
	tap(FLOW_TAP_REQUEST);
	scan_receipt(REGNO, "ZZZZZZZZZZ");
	assert_int_equal(M()->scene, FLOW_SCENE_STATUS);
	status_done(&row, QUEUE_OK);
	assert_int_equal(M()->scene, FLOW_SCENE_STATUS);
	assert_int_equal(M()->lookup, FLOW_LOOKUP_NOMATCH);
	assert_string_equal(M()->v.masked_name, "");
	check_nothing_private();
	/* A row for another number than asked does not match either. */
	scan_receipt("0002/PPID/KPU-BKL/XI/2026", TOKEN);
	status_done(&row, QUEUE_OK);
	assert_int_equal(M()->lookup, FLOW_LOOKUP_NOMATCH);
}

static void test_status_by_number_and_last4(void **state)
{
	const struct flow_effect *fx;
	const struct flow_view *v;

	(void)state;
	tap(FLOW_TAP_CHECK_STATUS);
	v = V();
	assert_int_equal(v->n_inputs, 2);
	assert_int_equal(v->inputs[0].input, FLOW_INPUT_REGNO);
	assert_int_equal(v->inputs[1].input, FLOW_INPUT_LAST4);
	assert_int_equal(v->inputs[1].kb, FLOW_KB_NUMERIC);
	assert_int_equal(v->inputs[1].max_chars, 4);
	typed_lookup(REGNO, "0001");
	fx = fx_find(FLOW_FX_LOOKUP_STATUS);
	assert_non_null(fx);
	assert_string_equal(fx->regno, REGNO);
	assert_string_equal(fx->last4, "0001");
	assert_string_equal(fx->token, "");
	status_done(&row, QUEUE_OK);
	assert_int_equal(M()->scene, FLOW_SCENE_STATUS_RESULT);
	check_nothing_private();
	/* The digits are wiped once used. */
	assert_string_equal(M()->v.last4_text, "");
	tap(FLOW_TAP_BACK);
	assert_int_equal(M()->scene, FLOW_SCENE_STATUS);
	assert_int_equal(M()->lookup, FLOW_LOOKUP_NONE);
}

static void test_status_number_alone(void **state)
{
	static const char *const bad4[] = {"", "1", "001", "00011", "00a1"};

	(void)state;
	for (size_t i = 0; i < sizeof(bad4) / sizeof(bad4[0]); i++) {
		typed_lookup(REGNO, bad4[i]);
		assert_int_equal(fx_count(FLOW_FX_LOOKUP_STATUS), 0);
		assert_int_equal(M()->lookup, FLOW_LOOKUP_NONE);
		assert_non_null(M()->error);
	}
	typed_lookup("", "0001");
	assert_int_equal(fx_count(FLOW_FX_LOOKUP_STATUS), 0);
	/* An answer nobody asked for is dropped. */
	status_done(&row, QUEUE_OK);
	assert_int_equal(M()->scene, FLOW_SCENE_STATUS);
	check_nothing_private();
}

static void test_status_wrong_last4_reveals_nothing(void **state)
{
	const struct text *nomatch;

	(void)state;
	typed_lookup(REGNO, "0002");
	status_done(&row, QUEUE_OK);
	assert_int_equal(M()->scene, FLOW_SCENE_STATUS);
	assert_int_equal(M()->lookup, FLOW_LOOKUP_NOMATCH);
	nomatch = M()->error;
	assert_non_null(nomatch);
	assert_string_equal(M()->v.masked_name, "");
	assert_int_equal(M()->v.status, 0);
	assert_string_equal(M()->v.regno, "");
	check_nothing_private();
	/* An unknown number says exactly the same. */
	typed_lookup("9999/PPID/KPU-BKL/XI/2026", "0001");
	status_done(NULL, QUEUE_ERR_NOTFOUND);
	assert_int_equal(M()->lookup, FLOW_LOOKUP_NOMATCH);
	assert_ptr_equal(M()->error, nomatch);
	/* A database that cannot answer says so, differently. */
	typed_lookup(REGNO, "0001");
	status_done(NULL, QUEUE_ERR_BUSY);
	assert_int_equal(M()->lookup, FLOW_LOOKUP_FAILED);
	assert_ptr_not_equal(M()->error, nomatch);
}

static void test_status_lock(void **state)
{
	(void)state;
	for (int i = 0; i < 5; i++) {
		typed_lookup(REGNO, "9999");
		assert_int_equal(fx_count(FLOW_FX_LOOKUP_STATUS), 1);
		status_done(&row, QUEUE_OK);
	}
	assert_int_equal(M()->lookup, FLOW_LOOKUP_LOCKED);
	/* Even the right digits are not looked up now. */
	typed_lookup(REGNO, "0001");
	assert_int_equal(fx_count(FLOW_FX_LOOKUP_STATUS), 0);
	assert_int_equal(M()->lookup, FLOW_LOOKUP_LOCKED);
	assert_true(flow_next_wake_ms(&H.f, H.t) <= 60000);
	/* Going home and back does not lift it. */
	tap(FLOW_TAP_BACK);
	typed_lookup(REGNO, "0001");
	assert_int_equal(fx_count(FLOW_FX_LOOKUP_STATUS), 0);
	/* A receipt is not locked out: its token cannot be guessed. */
	scan_receipt(REGNO, TOKEN);
	assert_int_equal(fx_count(FLOW_FX_LOOKUP_STATUS), 1);
	status_done(&row, QUEUE_OK);
	assert_int_equal(M()->scene, FLOW_SCENE_STATUS_RESULT);
	tap(FLOW_TAP_BACK);
	tick(60000);
	typed_lookup(REGNO, "0001");
	assert_int_equal(fx_count(FLOW_FX_LOOKUP_STATUS), 1);
	status_done(&row, QUEUE_OK);
	assert_int_equal(M()->scene, FLOW_SCENE_STATUS_RESULT);
}

static void test_status_card_fills_last4(void **state)
{
	(void)state;
	tap(FLOW_TAP_CHECK_STATUS);
	text(FLOW_INPUT_REGNO, REGNO);
	card(NIK);
	assert_string_equal(M()->v.last4_text, "0001");
	card("nonsense");
	assert_non_null(M()->error);
	fx_clear();
	tap(FLOW_TAP_LOOKUP);
	assert_string_equal(fx_find(FLOW_FX_LOOKUP_STATUS)->last4, "0001");
}

static void test_pickup_call(void **state)
{
	const struct flow_effect *fx;

	(void)state;
	row.status = WF_AVAILABLE;
	typed_lookup(REGNO, "0001");
	status_done(&row, QUEUE_OK);
	assert_true(M()->v.pickup_ready);
	assert_true(flow_view_button(V(), FLOW_TAP_CALL_PICKUP, 0)->primary);
	fx_clear();
	tap(FLOW_TAP_CALL_PICKUP);
	assert_int_equal(M()->scene, FLOW_SCENE_CALL);
	fx = fx_find(FLOW_FX_CALL);
	assert_non_null(fx);
	assert_int_equal(fx->call_kind, FLOW_CALL_PICKUP);
	assert_string_equal(fx->regno, REGNO);
	assert_true(view_shows(V(), REGNO));
	tap(FLOW_TAP_BACK);
	assert_int_equal(M()->scene, FLOW_SCENE_STATUS_RESULT);

	/* A decision waiting at the desk counts; a request in progress
	 * has nothing to collect. */
	row.status = WF_DECIDED;
	row.decision = WF_DECISION_GRANTED;
	h_start();
	typed_lookup(REGNO, "0001");
	status_done(&row, QUEUE_OK);
	assert_true(M()->v.pickup_ready);
	assert_true(
	    view_shows(V(), workflow_decision_label(WF_DECISION_GRANTED)->id));
	row.status = WF_COORDINATING;
	row.decision = WF_DECISION_NONE;
	h_start();
	typed_lookup(REGNO, "0001");
	status_done(&row, QUEUE_OK);
	assert_false(M()->v.pickup_ready);
	assert_null(flow_view_button(V(), FLOW_TAP_CALL_PICKUP, 0));
	fx_clear();
	assert_false(tap(FLOW_TAP_CALL_PICKUP));
	assert_int_equal(fx_count(FLOW_FX_CALL), 0);
}

static void test_status_every_state_has_words(void **state)
{
	(void)state;
	for (int s = 0; s < WF_STATUS_COUNT; s++) {
		row.status = (enum wf_status)s;
		for (int l = 0; l < LANG_COUNT; l++) {
			const struct flow_view *v;

			h_start();
			if (l == LANG_EN)
				tap(FLOW_TAP_LANG);
			typed_lookup(REGNO, "0001");
			status_done(&row, QUEUE_OK);
			v = V();
			assert_int_equal(v->scene, FLOW_SCENE_STATUS_RESULT);
			/* number, name, status, next step at least */
			assert_true(v->n_lines >= 4);
			for (int i = 0; i < v->n_lines; i++)
				assert_true(v->lines[i].value[0] != '\0');
			assert_int_equal(
			    view_shows(v, l == LANG_EN ? "11 December 2026"
						       : "11 Desember 2026"),
			    !workflow_status_done(row.status));
		}
	}
}

/* ---- calls ------------------------------------------------------------------- */

static bool call_done(bool ok, int64_t id)
{
	return result((struct flow_event){
	    .type = FLOW_EVT_CALL_DONE, .ok = ok, .id = id});
}

static bool call_acked(int64_t id)
{
	return result(
	    (struct flow_event){.type = FLOW_EVT_CALL_ACKED, .id = id});
}

static void test_call_and_ack(void **state)
{
	const struct flow_effect *fx;

	(void)state;
	tap(FLOW_TAP_CALL);
	assert_int_equal(M()->scene, FLOW_SCENE_CALL);
	assert_int_equal(M()->call, FLOW_CALL_PENDING);
	fx = fx_find(FLOW_FX_CALL);
	assert_non_null(fx);
	assert_int_equal(fx->call_kind, FLOW_CALL_SCREEN);
	assert_string_equal(fx->regno, "");
	assert_string_equal(V()->lines[0].value, "Memanggil petugas...");
	/* Pressing again while waiting records nothing new. */
	fx_clear();
	button();
	assert_int_equal(fx_count(FLOW_FX_CALL), 0);
	assert_null(flow_view_button(V(), FLOW_TAP_CALL, 0));
	call_done(true, 7);
	assert_int_equal(M()->call, FLOW_CALL_CALLED);
	assert_int_equal(M()->call_id, 7);
	assert_int_equal(fx_find(FLOW_FX_LED)->led, FLOW_LED_BLINK);
	assert_string_equal(V()->lines[0].value,
			    "Petugas sudah dipanggil. Mohon tunggu sebentar.");
	fx_clear();
	button();
	assert_int_equal(fx_count(FLOW_FX_CALL), 0);
	/* Another call's acknowledgement is not ours. */
	call_acked(6);
	assert_int_equal(M()->call, FLOW_CALL_CALLED);
	call_acked(7);
	assert_int_equal(M()->call, FLOW_CALL_ACKED);
	assert_int_equal(fx_find(FLOW_FX_LED)->led, FLOW_LED_ON);
	assert_string_equal(V()->lines[0].value,
			    "Petugas sedang menuju ke sini.");
	tap(FLOW_TAP_LANG);
	assert_string_equal(V()->lines[0].value, "Staff is coming.");
	/* The LED goes out a minute later, wherever the visitor is. */
	tap(FLOW_TAP_BACK);
	assert_int_equal(M()->scene, FLOW_SCENE_WELCOME);
	assert_int_equal(flow_next_wake_ms(&H.f, H.t), 60000 - 200);
	fx_clear();
	tick(60000);
	assert_int_equal(M()->call, FLOW_CALL_NONE);
	assert_int_equal(fx_find(FLOW_FX_LED)->led, FLOW_LED_OFF);
}

static void test_gpio_button_same_as_screen(void **state)
{
	const struct flow_effect *fx;

	(void)state;
	/* Mid-form: the call screen comes over it, Back returns, the
	 * answers kept. */
	to_form();
	answer("Budi");
	fx_clear();
	button();
	assert_int_equal(M()->scene, FLOW_SCENE_CALL);
	fx = fx_find(FLOW_FX_CALL);
	assert_non_null(fx);
	assert_int_equal(fx->call_kind, FLOW_CALL_BUTTON);
	tap(FLOW_TAP_BACK);
	assert_int_equal(M()->scene, FLOW_SCENE_FORM);
	assert_int_equal(M()->field, 1);
	assert_string_equal(M()->v.req.name, "Budi");
	/* The button during the idle question gives more time and calls. */
	call_done(false, 0);
	tick(60000);
	assert_int_equal(M()->scene, FLOW_SCENE_IDLE);
	fx_clear();
	button();
	assert_int_equal(M()->scene, FLOW_SCENE_CALL);
	assert_non_null(fx_find(FLOW_FX_CALL));
	tap(FLOW_TAP_BACK);
	assert_int_equal(M()->scene, FLOW_SCENE_FORM);
	assert_string_equal(M()->v.req.name, "Budi");
}

static void test_call_failed(void **state)
{
	(void)state;
	tap(FLOW_TAP_CALL);
	call_done(false, 0);
	assert_int_equal(M()->call, FLOW_CALL_FAILED);
	assert_int_equal(V()->lines[0].style, FLOW_LINE_WARNING);
	assert_string_equal(
	    V()->lines[0].value,
	    "Panggilan tidak dapat dikirim. Silakan datang ke meja layanan.");
	/* A late success for a failed call is ignored; trying again is
	 * offered. */
	call_done(true, 3);
	assert_int_equal(M()->call, FLOW_CALL_FAILED);
	fx_clear();
	tap(FLOW_TAP_CALL);
	assert_int_equal(fx_count(FLOW_FX_CALL), 1);
	assert_int_equal(M()->call, FLOW_CALL_PENDING);
	/* A failure is said for a minute, then forgotten. */
	call_done(false, 0);
	tap(FLOW_TAP_BACK);
	tick(59000);
	assert_int_equal(M()->call, FLOW_CALL_FAILED);
	tick(1000);
	assert_int_equal(M()->call, FLOW_CALL_NONE);
}

static void test_call_during_submit(void **state)
{
	(void)state;
	/* The GPIO button while the submission commits: the call goes out,
	 * the screen waits for the answer, and Done shows both. */
	to_submit();
	fx_clear();
	button();
	assert_int_equal(M()->scene, FLOW_SCENE_SUBMIT);
	assert_int_equal(fx_find(FLOW_FX_CALL)->call_kind, FLOW_CALL_BUTTON);
	assert_true(view_shows(V(), "Memanggil petugas..."));
	call_done(true, 4);
	submit_ok(11);
	assert_int_equal(M()->scene, FLOW_SCENE_DONE);
	assert_string_equal(V()->lines[0].value, REGNO);
	assert_true(
	    view_shows(V(), "Petugas sudah dipanggil. Mohon tunggu sebentar."));
}

static void test_call_during_lookup(void **state)
{
	(void)state;
	/* A call while the look-up is pending: the late answer is dropped
	 * and the visitor can ask again. */
	typed_lookup(REGNO, "0001");
	tap(FLOW_TAP_CALL);
	assert_int_equal(M()->scene, FLOW_SCENE_CALL);
	status_done(&row, QUEUE_OK);
	assert_int_equal(M()->scene, FLOW_SCENE_CALL);
	assert_int_equal(M()->lookup, FLOW_LOOKUP_NONE);
	check_nothing_private();
	tap(FLOW_TAP_BACK);
	assert_int_equal(M()->scene, FLOW_SCENE_STATUS);
	assert_non_null(flow_view_button(V(), FLOW_TAP_LOOKUP, 0));
	typed_lookup(REGNO, "0001");
	status_done(&row, QUEUE_OK);
	assert_int_equal(M()->scene, FLOW_SCENE_STATUS_RESULT);
}

/* ---- views: every scene --------------------------------------------------------- */

/* Go to scene @p s from a fresh start. */
static void reach(enum flow_scene s)
{
	h_start();
	switch (s) {
	case FLOW_SCENE_WELCOME:
		break;
	case FLOW_SCENE_IDENTIFY:
		tap(FLOW_TAP_REQUEST);
		break;
	case FLOW_SCENE_FORM:
		to_form();
		break;
	case FLOW_SCENE_REVIEW:
		to_review();
		break;
	case FLOW_SCENE_SUBMIT:
		to_submit();
		break;
	case FLOW_SCENE_DONE:
		to_submit();
		submit_ok(1);
		break;
	case FLOW_SCENE_STATUS:
		tap(FLOW_TAP_CHECK_STATUS);
		break;
	case FLOW_SCENE_STATUS_RESULT:
		row.status = WF_AVAILABLE;
		typed_lookup(REGNO, "0001");
		status_done(&row, QUEUE_OK);
		break;
	case FLOW_SCENE_CALL:
		tap(FLOW_TAP_CALL);
		break;
	case FLOW_SCENE_IDLE:
		to_form();
		tick(60000);
		break;
	case FLOW_SCENE_OUT_OF_SERVICE:
		db(false, QUEUE_ERR_CORRUPT);
		break;
	case FLOW_SCENE_MAINT_PIN:
	case FLOW_SCENE_MAINT:
	case FLOW_SCENE_MAINT_READER:
	case FLOW_SCENE_MAINT_BUTTON:
		reach_maint(s);
		break;
	default:
		fail();
	}
	assert_int_equal(M()->scene, s);
}

static void check_view(enum lang lang)
{
	const struct flow_view *v = V();

	assert_int_equal(v->lang, lang);
	assert_non_null(v->title);
	assert_true(v->title[0] != '\0');
	assert_true(v->n_buttons > 0);
	assert_true(v->n_buttons < FLOW_VIEW_BUTTONS);
	assert_true(v->n_lines < FLOW_VIEW_LINES);
	assert_true(v->used < sizeof(v->scratch));
	for (int i = 0; i < v->n_buttons; i++) {
		assert_non_null(v->buttons[i].label);
		assert_true(v->buttons[i].label[0] != '\0');
		/* Each (tap, index) appears once. */
		assert_ptr_equal(
		    flow_view_button(v, v->buttons[i].tap, v->buttons[i].index),
		    &v->buttons[i]);
	}
	for (int i = 0; i < v->n_lines; i++)
		assert_non_null(v->lines[i].value);
	for (int i = 0; i < v->n_inputs; i++) {
		assert_non_null(v->inputs[i].label);
		assert_non_null(v->inputs[i].value);
		assert_true(v->inputs[i].max_chars > 0);
		assert_int_not_equal(v->inputs[i].kb, FLOW_KB_NONE);
	}
}

static void test_every_scene_view(void **state)
{
	(void)state;
	for (int s = 0; s < FLOW_SCENE_COUNT; s++) {
		char title_id[256];

		reach((enum flow_scene)s);
		check_view(LANG_ID);
		snprintf(title_id, sizeof(title_id), "%s", V()->title);
		tap(FLOW_TAP_LANG);
		if (s == FLOW_SCENE_IDLE) {
			/* The overlay takes any tap as "more time". */
			assert_int_equal(M()->scene, FLOW_SCENE_FORM);
			continue;
		}
		assert_int_equal(M()->scene, s);
		check_view(LANG_EN);
		assert_string_not_equal(V()->title, title_id);
	}
}

/* Every button a view shows is acted on: the tap changes the model. */
static void test_every_button_works(void **state)
{
	(void)state;
	for (int s = 0; s < FLOW_SCENE_COUNT; s++) {
		struct flow_view_button buttons[FLOW_VIEW_BUTTONS];
		int n;

		reach((enum flow_scene)s);
		n = V()->n_buttons;
		memcpy(buttons, V()->buttons, sizeof(buttons));
		for (int i = 0; i < n; i++) {
			reach((enum flow_scene)s);
			if (!tap_i(buttons[i].tap, buttons[i].index))
				fail_msg("%s: button %d (tap %d) did nothing",
					 flow_scene_name((enum flow_scene)s), i,
					 buttons[i].tap);
		}
	}
}

static void test_next_wake(void **state)
{
	(void)state;
	assert_int_equal(flow_next_wake_ms(&H.f, H.t), -1);
	to_form();
	assert_int_equal(flow_next_wake_ms(&H.f, H.t), 60000);
	assert_int_equal(flow_next_wake_ms(&H.f, H.t + 70000), 0);
	tick(60000);
	assert_int_equal(M()->scene, FLOW_SCENE_IDLE);
	assert_int_equal(flow_next_wake_ms(&H.f, H.t), 1000);
	tick(300);
	assert_int_equal(flow_next_wake_ms(&H.f, H.t), 700);
	/* A tick that changes nothing asks for no redraw. */
	assert_false(tick(100));
	assert_true(tick(600));
	/* Out of service and the submit wait need no ticks. */
	h_start();
	db(false, QUEUE_ERR_IO);
	assert_int_equal(flow_next_wake_ms(&H.f, H.t), -1);
	h_start();
	to_submit();
	assert_int_equal(flow_next_wake_ms(&H.f, H.t), -1);
	/* Waiting for a look-up is not idling, and wakes nobody; the
	 * visitor's minute starts again with the answer. */
	h_start();
	typed_lookup(REGNO, "0001");
	assert_int_equal(flow_next_wake_ms(&H.f, H.t), -1);
	tick(120000);
	assert_int_equal(M()->scene, FLOW_SCENE_STATUS);
	assert_int_equal(flow_next_wake_ms(&H.f, H.t), -1);
	status_done(&row, QUEUE_OK);
	assert_int_equal(M()->scene, FLOW_SCENE_STATUS_RESULT);
	assert_int_equal(flow_next_wake_ms(&H.f, H.t), 60000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup(test_status_by_qr, setup_row),
	    cmocka_unit_test_setup(test_status_qr_wrong_token, setup_row),
	    cmocka_unit_test_setup(test_status_by_number_and_last4, setup_row),
	    cmocka_unit_test_setup(test_status_number_alone, setup_row),
	    cmocka_unit_test_setup(test_status_wrong_last4_reveals_nothing,
				   setup_row),
	    cmocka_unit_test_setup(test_status_lock, setup_row),
	    cmocka_unit_test_setup(test_status_card_fills_last4, setup_row),
	    cmocka_unit_test_setup(test_pickup_call, setup_row),
	    cmocka_unit_test_setup(test_status_every_state_has_words,
				   setup_row),
	    cmocka_unit_test_setup(test_call_and_ack, setup_row),
	    cmocka_unit_test_setup(test_gpio_button_same_as_screen, setup_row),
	    cmocka_unit_test_setup(test_call_failed, setup_row),
	    cmocka_unit_test_setup(test_call_during_submit, setup_row),
	    cmocka_unit_test_setup(test_call_during_lookup, setup_row),
	    cmocka_unit_test_setup(test_every_scene_view, setup_row),
	    cmocka_unit_test_setup(test_every_button_works, setup_row),
	    cmocka_unit_test_setup(test_next_wake, setup_row),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
