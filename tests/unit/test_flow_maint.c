// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The kiosk flow's maintenance screens: the hidden gesture only on the
 * welcome and out-of-service screens and only with a PIN configured; the
 * PIN's rate limit (3 wrong, then 30 s doubling up to 15 min, kept when the
 * screen is left and across a restart); the menu's items and their
 * effects; the idle timeout; the typed digits wiped.
 */

#include "flow_harness.h"

static int setup_maint(void **state)
{
	(void)state;
	h_start_maint();
	return 0;
}

/* ---- the gesture ------------------------------------------------------------ */

static void test_gesture_on_welcome(void **state)
{
	(void)state;
	assert_true(maint_gesture());
	assert_int_equal(M()->scene, FLOW_SCENE_MAINT_PIN);
	assert_non_null(flow_view_button(V(), FLOW_TAP_NEXT, 0));
	assert_int_equal(V()->inputs[0].input, FLOW_INPUT_PIN);
	assert_true(V()->inputs[0].masked);
	assert_int_equal(V()->inputs[0].kb, FLOW_KB_NUMERIC);
	/* Back: where it came from. */
	tap(FLOW_TAP_BACK);
	assert_int_equal(M()->scene, FLOW_SCENE_WELCOME);
}

static void test_gesture_out_of_service(void **state)
{
	(void)state;
	db(false, QUEUE_ERR_READONLY);
	assert_int_equal(M()->scene, FLOW_SCENE_OUT_OF_SERVICE);
	maint_gesture();
	assert_int_equal(M()->scene, FLOW_SCENE_MAINT_PIN);
	tap(FLOW_TAP_BACK);
	assert_int_equal(M()->scene, FLOW_SCENE_OUT_OF_SERVICE);
}

/* Never while a visitor's data may be on screen. */
static void test_gesture_elsewhere_does_nothing(void **state)
{
	static const enum flow_tap from_welcome[] = {
	    FLOW_TAP_REQUEST, FLOW_TAP_CHECK_STATUS, FLOW_TAP_CALL};

	(void)state;
	for (size_t i = 0; i < 3; i++) {
		enum flow_scene s;

		h_start_maint();
		tap(from_welcome[i]);
		s = M()->scene;
		assert_int_not_equal(s, FLOW_SCENE_WELCOME);
		fx_clear();
		maint_gesture();
		assert_int_equal(M()->scene, s);
		assert_int_equal(H.n_fx, 0);
	}
	h_start_maint();
	to_form();
	maint_gesture();
	assert_int_equal(M()->scene, FLOW_SCENE_FORM);
	h_start_maint();
	to_review();
	maint_gesture();
	assert_int_equal(M()->scene, FLOW_SCENE_REVIEW);
	/* The idle overlay takes it as "more time", nothing else. */
	h_start_maint();
	to_form();
	tick(60000);
	assert_int_equal(M()->scene, FLOW_SCENE_IDLE);
	maint_gesture();
	assert_int_equal(M()->scene, FLOW_SCENE_FORM);
}

/* No PIN configured: closed, and nothing shows. */
static void test_gesture_without_pin(void **state)
{
	(void)state;
	h_start();
	assert_false(maint_gesture());
	assert_int_equal(M()->scene, FLOW_SCENE_WELCOME);
	assert_int_equal(H.n_fx, 0);
}

/* ---- the PIN ------------------------------------------------------------------- */

static void test_right_pin_opens_menu(void **state)
{
	const struct flow_effect *fx;

	(void)state;
	maint_gesture();
	text(FLOW_INPUT_PIN, PIN);
	assert_string_equal(V()->inputs[0].value, PIN);
	fx_clear();
	tap(FLOW_TAP_NEXT);
	fx = fx_find(FLOW_FX_MAINT_PIN);
	assert_non_null(fx);
	assert_string_equal(fx->pin, PIN);
	/* Sent for checking: the flow keeps no copy, the field empties. */
	assert_false(flow_holds(PIN));
	assert_string_equal(V()->inputs[0].value, "");
	pin_answer(true);
	assert_int_equal(M()->scene, FLOW_SCENE_MAINT);
	fx = fx_find(FLOW_FX_MAINT_LOCK);
	assert_non_null(fx);
	assert_int_equal(fx->maint_wrong, 0);
	assert_int_equal(fx->maint_lock_ms, 0);
}

static void test_pin_digits_only(void **state)
{
	(void)state;
	maint_gesture();
	text(FLOW_INPUT_PIN, "12a4");
	assert_string_equal(V()->inputs[0].value, "");
	text(FLOW_INPUT_PIN, "1234567890123");
	assert_string_equal(V()->inputs[0].value, "");
	/* Too short: said, and nothing sent (not a wrong try either). */
	text(FLOW_INPUT_PIN, "123");
	fx_clear();
	tap(FLOW_TAP_NEXT);
	assert_null(fx_find(FLOW_FX_MAINT_PIN));
	assert_non_null(M()->error);
	assert_int_equal(H.f.maint_wrong, 0);
	/* The technician's card is not a PIN. */
	card(NIK);
	assert_int_equal(M()->scene, FLOW_SCENE_MAINT_PIN);
}

static void test_wrong_pins_lock(void **state)
{
	const struct flow_effect *fx;

	(void)state;
	maint_gesture();
	pin_try("1111", false);
	assert_true(view_shows(V(), "PIN salah."));
	assert_int_equal(M()->maint.lock_s, 0);
	pin_try("2222", false);
	fx_clear();
	pin_try("3333", false);
	/* The third: locked for 30 s, the time left shown. */
	assert_int_equal(M()->scene, FLOW_SCENE_MAINT_PIN);
	assert_int_equal(M()->maint.lock_s, 30);
	assert_true(
	    view_shows(V(), "Terlalu banyak PIN salah. Coba lagi dalam 0:30."));
	fx = fx_find(FLOW_FX_MAINT_LOCK);
	assert_non_null(fx);
	assert_int_equal(fx->maint_wrong, 3);
	assert_int_equal(fx->maint_lock_ms, 30000);
	/* While locked nothing is sent, not even the right PIN. */
	assert_null(flow_view_button(V(), FLOW_TAP_NEXT, 0));
	fx_clear();
	text(FLOW_INPUT_PIN, PIN);
	tap(FLOW_TAP_NEXT);
	assert_null(fx_find(FLOW_FX_MAINT_PIN));
	/* The countdown ticks every second. */
	assert_true(flow_next_wake_ms(&H.f, H.t) <= 1000);
	tick(10000);
	assert_int_equal(M()->maint.lock_s, 20);
	tap(FLOW_TAP_LANG);
	assert_true(view_shows(V(), "Too many wrong PINs. Try again in 0:20."));
	tick(20000);
	assert_int_equal(M()->maint.lock_s, 0);
	assert_non_null(flow_view_button(V(), FLOW_TAP_NEXT, 0));
	/* The fourth wrong one: 60 s. */
	pin_try("4444", false);
	assert_int_equal(M()->maint.lock_s, 60);
}

static void test_lock_doubles_to_15_min(void **state)
{
	static const int want_s[] = {30, 60, 120, 240, 480, 900, 900, 900};

	(void)state;
	maint_gesture();
	pin_try("1111", false);
	pin_try("1111", false);
	for (size_t i = 0; i < sizeof(want_s) / sizeof(want_s[0]); i++) {
		pin_try("1111", false);
		assert_int_equal(M()->maint.lock_s, want_s[i]);
		tick((int64_t)want_s[i] * 1000);
		/* Still there: the ticks are input-free, but the lock's
		 * wait is not idling away. */
		if (M()->scene != FLOW_SCENE_MAINT_PIN) {
			/* The idle rule took it back to welcome: the lock
			 * stays; open the PIN screen again. */
			tick(60000);
			maint_gesture();
		}
		assert_int_equal(M()->scene, FLOW_SCENE_MAINT_PIN);
		assert_int_equal(M()->maint.lock_s, 0);
	}
	/* The right PIN clears the count. */
	pin_try(PIN, true);
	assert_int_equal(M()->scene, FLOW_SCENE_MAINT);
	assert_int_equal(H.f.maint_wrong, 0);
}

/* Leaving the PIN screen does not clear the lock. */
static void test_lock_survives_leaving(void **state)
{
	(void)state;
	maint_gesture();
	pin_try("1111", false);
	pin_try("1111", false);
	pin_try("1111", false);
	tap(FLOW_TAP_BACK);
	assert_int_equal(M()->scene, FLOW_SCENE_WELCOME);
	tick(5000);
	maint_gesture();
	assert_int_equal(M()->scene, FLOW_SCENE_MAINT_PIN);
	assert_int_equal(M()->maint.lock_s, 25);
	assert_null(flow_view_button(V(), FLOW_TAP_NEXT, 0));
}

/* ...nor a restart: the engine gives the count and the time left. */
static void test_lock_from_config(void **state)
{
	struct flow_config cfg;

	(void)state;
	flow_config_defaults(&cfg);
	cfg.maint_enabled = true;
	cfg.maint_wrong = 4;
	cfg.maint_lock_ms = 45000;
	h_start_cfg(&cfg);
	maint_gesture();
	assert_int_equal(M()->maint.lock_s, 45);
	tick(45000);
	/* One more wrong: the fifth in a row, 2 min. */
	pin_try("1111", false);
	assert_int_equal(M()->maint.lock_s, 120);
	/* A restart never locks for longer than 15 min. */
	cfg.maint_lock_ms = 86400000;
	h_start_cfg(&cfg);
	maint_gesture();
	assert_int_equal(M()->maint.lock_s, 900);
}

/* The PIN screen times out like any idle screen; the digits go. */
static void test_pin_timeout_wipes(void **state)
{
	(void)state;
	maint_gesture();
	text(FLOW_INPUT_PIN, PIN);
	assert_true(flow_holds(PIN));
	tick(60000);
	assert_int_equal(M()->scene, FLOW_SCENE_IDLE);
	tick(30000);
	assert_int_equal(M()->scene, FLOW_SCENE_WELCOME);
	assert_false(flow_holds(PIN));
	/* Back, too, wipes them. */
	maint_gesture();
	text(FLOW_INPUT_PIN, PIN);
	tap(FLOW_TAP_BACK);
	assert_false(flow_holds(PIN));
}

/* ---- the menu ---------------------------------------------------------------- */

static void test_menu_test_page(void **state)
{
	(void)state;
	to_maint_menu();
	fx_clear();
	tap_i(FLOW_TAP_MAINT_ITEM, FLOW_MAINT_TEST_PAGE);
	assert_int_equal(fx_count(FLOW_FX_MAINT_TEST_PAGE), 1);
	assert_int_equal(M()->maint.page, FLOW_TEST_PAGE_PRINTING);
	/* One at a time. */
	tap_i(FLOW_TAP_MAINT_ITEM, FLOW_MAINT_TEST_PAGE);
	assert_int_equal(fx_count(FLOW_FX_MAINT_TEST_PAGE), 1);
	result((struct flow_event){.type = FLOW_EVT_MAINT_PRINTED, .ok = true});
	assert_int_equal(M()->maint.page, FLOW_TEST_PAGE_DONE);
	assert_true(view_shows(V(), "sudah dicetak"));
	tap_i(FLOW_TAP_MAINT_ITEM, FLOW_MAINT_TEST_PAGE);
	result((struct flow_event){.type = FLOW_EVT_MAINT_PRINTED,
				   .printer = FLOW_PRINTER_NO_PAPER});
	assert_int_equal(M()->maint.page, FLOW_TEST_PAGE_FAILED);
	assert_true(view_shows(V(), "gagal dicetak: kertas habis"));
}

static void test_menu_reader_test(void **state)
{
	(void)state;
	to_maint_menu();
	result((struct flow_event){.type = FLOW_EVT_READER, .ok = true});
	tap_i(FLOW_TAP_MAINT_ITEM, FLOW_MAINT_READER);
	assert_int_equal(M()->scene, FLOW_SCENE_MAINT_READER);
	assert_true(view_shows(V(), "terhubung"));
	assert_true(view_shows(V(), "belum ada"));
	fx_clear();
	card(NIK);
	/* The kind and the last 4 digits, nothing more, and no request. */
	assert_int_equal(M()->scene, FLOW_SCENE_MAINT_READER);
	assert_int_equal(H.n_fx, 0);
	assert_true(view_shows(V(), "KTP terbaca: NIK ****0001"));
	assert_false(flow_holds(NIK));
	assert_false(flow_holds("320101"));
	tap(FLOW_TAP_LANG);
	assert_true(view_shows(V(), "ID card read: NIK ****0001"));
	card(TD3);
	assert_true(view_shows(V(), "Passport read: number ****02C3"));
	assert_false(flow_holds("L898902C"));
	card("PPID1|" REGNO "|" TOKEN);
	assert_true(view_shows(V(), "Receipt QR code read"));
	assert_int_equal(M()->maint.reads, 3);
	tap(FLOW_TAP_BACK);
	assert_int_equal(M()->scene, FLOW_SCENE_MAINT);
	/* The menu itself ignores a card. */
	card(NIK);
	assert_int_equal(M()->scene, FLOW_SCENE_MAINT);
}

static void test_menu_button_test(void **state)
{
	const struct flow_effect *fx;

	(void)state;
	to_maint_menu();
	fx_clear();
	tap_i(FLOW_TAP_MAINT_ITEM, FLOW_MAINT_BUTTON);
	assert_int_equal(M()->scene, FLOW_SCENE_MAINT_BUTTON);
	fx = fx_find(FLOW_FX_LED);
	assert_non_null(fx);
	assert_int_equal(fx->led, FLOW_LED_BLINK);
	fx_clear();
	button();
	button();
	/* Counted, shown, and no desk call. */
	assert_int_equal(M()->maint.presses, 2);
	assert_true(view_shows(V(), "2"));
	assert_null(fx_find(FLOW_FX_CALL));
	assert_int_equal(M()->call, FLOW_CALL_NONE);
	tap(FLOW_TAP_BACK);
	assert_int_equal(M()->scene, FLOW_SCENE_MAINT);
	fx = fx_find(FLOW_FX_LED);
	assert_non_null(fx);
	assert_int_equal(fx->led, FLOW_LED_OFF);
	/* Elsewhere the button calls the desk again. */
	fx_clear();
	button();
	assert_non_null(fx_find(FLOW_FX_CALL));
}

static void test_menu_default_language(void **state)
{
	const struct flow_effect *fx;

	(void)state;
	to_maint_menu();
	assert_true(
	    flow_view_button(V(), FLOW_TAP_MAINT_ITEM, FLOW_MAINT_LANG_ID)
		->selected);
	fx_clear();
	tap_i(FLOW_TAP_MAINT_ITEM, FLOW_MAINT_LANG_EN);
	fx = fx_find(FLOW_FX_MAINT_LANG);
	assert_non_null(fx);
	assert_int_equal(fx->lang, LANG_EN);
	assert_true(
	    flow_view_button(V(), FLOW_TAP_MAINT_ITEM, FLOW_MAINT_LANG_EN)
		->selected);
	/* The welcome screen now starts in English, also after a visitor
	 * switched it. */
	tap(FLOW_TAP_BACK);
	assert_int_equal(M()->scene, FLOW_SCENE_WELCOME);
	assert_int_equal(M()->lang, LANG_EN);
	tap(FLOW_TAP_LANG);
	assert_int_equal(M()->lang, LANG_ID);
	tick(60000);
	assert_int_equal(M()->lang, LANG_EN);
}

static void test_menu_exit(void **state)
{
	(void)state;
	to_maint_menu();
	fx_clear();
	tap_i(FLOW_TAP_MAINT_ITEM, FLOW_MAINT_EXIT);
	assert_int_equal(fx_count(FLOW_FX_MAINT_EXIT), 1);
	assert_true(view_shows(V(), "Program kiosk sedang diakhiri..."));
}

static void test_menu_close_and_timeout(void **state)
{
	(void)state;
	to_maint_menu();
	tap(FLOW_TAP_BACK);
	assert_int_equal(M()->scene, FLOW_SCENE_WELCOME);
	/* The menu idles out like any screen. */
	to_maint_menu();
	tap_i(FLOW_TAP_MAINT_ITEM, FLOW_MAINT_READER);
	tick(60000);
	assert_int_equal(M()->scene, FLOW_SCENE_IDLE);
	tick(30000);
	assert_int_equal(M()->scene, FLOW_SCENE_WELCOME);
	/* The gesture again asks for the PIN again. */
	maint_gesture();
	assert_int_equal(M()->scene, FLOW_SCENE_MAINT_PIN);
}

/* A database fault leaves the technician in the menu; closing it goes
 * out of service, and back when the database works again. */
static void test_menu_db_fault(void **state)
{
	(void)state;
	to_maint_menu();
	db(false, QUEUE_ERR_IO);
	assert_int_equal(M()->scene, FLOW_SCENE_MAINT);
	assert_true(view_shows(V(), "tidak dapat dipakai"));
	tap(FLOW_TAP_BACK);
	assert_int_equal(M()->scene, FLOW_SCENE_OUT_OF_SERVICE);
	db(true, QUEUE_OK);
	assert_int_equal(M()->scene, FLOW_SCENE_WELCOME);
	/* Idling out of the menu while the database is down: out of
	 * service, never the welcome screen. */
	to_maint_menu();
	db(false, QUEUE_ERR_IO);
	tick(60000);
	tick(30000);
	assert_int_equal(M()->scene, FLOW_SCENE_OUT_OF_SERVICE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup(test_gesture_on_welcome, setup_maint),
	    cmocka_unit_test_setup(test_gesture_out_of_service, setup_maint),
	    cmocka_unit_test_setup(test_gesture_elsewhere_does_nothing,
				   setup_maint),
	    cmocka_unit_test_setup(test_gesture_without_pin, setup_maint),
	    cmocka_unit_test_setup(test_right_pin_opens_menu, setup_maint),
	    cmocka_unit_test_setup(test_pin_digits_only, setup_maint),
	    cmocka_unit_test_setup(test_wrong_pins_lock, setup_maint),
	    cmocka_unit_test_setup(test_lock_doubles_to_15_min, setup_maint),
	    cmocka_unit_test_setup(test_lock_survives_leaving, setup_maint),
	    cmocka_unit_test_setup(test_lock_from_config, setup_maint),
	    cmocka_unit_test_setup(test_pin_timeout_wipes, setup_maint),
	    cmocka_unit_test_setup(test_menu_test_page, setup_maint),
	    cmocka_unit_test_setup(test_menu_reader_test, setup_maint),
	    cmocka_unit_test_setup(test_menu_button_test, setup_maint),
	    cmocka_unit_test_setup(test_menu_default_language, setup_maint),
	    cmocka_unit_test_setup(test_menu_exit, setup_maint),
	    cmocka_unit_test_setup(test_menu_close_and_timeout, setup_maint),
	    cmocka_unit_test_setup(test_menu_db_fault, setup_maint),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
