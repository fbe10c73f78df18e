// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The engine's part of the maintenance menu (kiosk_maint.c), on a real
 * engine with the sim devices: the PIN checked against a yescrypt hash,
 * the rate limit and the default language kept across a restart in
 * kiosk.state beside the database, the button test's LED, exit.  No
 * cupsd here (the test page is end to end: kiosk_maint.sh).
 */

#include "kiosk_harness.h"
#include "kiosk_state.h"
#include "log.h"
#include "maintpin.h"

#define PIN "582917"

static char state_path[160];

static int group_setup(void **state)
{
	char sock[256];

	(void)state;
	log_set_level(LOG_LEVEL_ERROR);
	if (kh_dir() < 0)
		return -1;
	/* No scheduler: the printer is simply "CUPS down". */
	snprintf(sock, sizeof(sock), "%s/no-cups.sock", KH.dir);
	setenv("CUPS_SERVER", sock, 1);
	snprintf(state_path, sizeof(state_path), "%s/kiosk.state", KH.dir);
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	kh_rmdir();
	return 0;
}

static int setup(void **state)
{
	(void)state;
	unlink(state_path);
	assert_int_equal(maintpin_hash(PIN, KH.cfg.kiosk_maint_pin_hash,
				       sizeof(KH.cfg.kiosk_maint_pin_hash)),
			 0);
	kh_open();
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	kh_close();
	return 0;
}

static void gesture(void)
{
	kiosk_feed(KH.k, &(struct flow_event){.type = FLOW_EVT_MAINT,
					      .now_ms = kh_mono()});
}

static void try_pin(const char *pin)
{
	kh_text(FLOW_INPUT_PIN, pin);
	kh_tap(FLOW_TAP_NEXT);
}

static void test_pin_checked_with_crypt(void **state)
{
	(void)state;
	gesture();
	assert_int_equal(KM()->scene, FLOW_SCENE_MAINT_PIN);
	try_pin("582918");
	assert_int_equal(KM()->scene, FLOW_SCENE_MAINT_PIN);
	assert_true(KM()->maint.pin_wrong);
	try_pin(PIN);
	assert_int_equal(KM()->scene, FLOW_SCENE_MAINT);
}

static void test_no_hash_no_menu(void **state)
{
	(void)state;
	kh_close();
	KH.cfg.kiosk_maint_pin_hash[0] = '\0';
	kh_open();
	gesture();
	assert_int_equal(KM()->scene, FLOW_SCENE_WELCOME);
}

/* The lock is kept beside the database: a restart does not lift it. */
static void test_lock_survives_restart(void **state)
{
	struct kiosk_state st;

	(void)state;
	gesture();
	for (int i = 0; i < 3; i++)
		try_pin("111111");
	assert_int_equal(KM()->maint.lock_s, 30);
	kiosk_state_load(state_path, &st);
	assert_int_equal(st.maint_wrong, 3);
	assert_true(st.maint_locked_until > time(NULL) + 25);
	kh_close();
	kh_open();
	gesture();
	assert_int_equal(KM()->scene, FLOW_SCENE_MAINT_PIN);
	assert_true(KM()->maint.lock_s > 25 && KM()->maint.lock_s <= 31);
	assert_null(flow_view_button(kiosk_view(KH.k, &(struct flow_view){0}),
				     FLOW_TAP_NEXT, 0));
	/* A lock that is over: one more wrong PIN locks for 60 s. */
	kh_close();
	st.maint_locked_until = time(NULL) - 1;
	assert_int_equal(kiosk_state_save(state_path, &st), 0);
	kh_open();
	gesture();
	assert_int_equal(KM()->maint.lock_s, 0);
	try_pin("111111");
	assert_int_equal(KM()->maint.lock_s, 60);
	/* The right PIN, once allowed, clears the file's count. */
	kh_close();
	st.maint_wrong = 4;
	st.maint_locked_until = 0;
	assert_int_equal(kiosk_state_save(state_path, &st), 0);
	kh_open();
	gesture();
	try_pin(PIN);
	assert_int_equal(KM()->scene, FLOW_SCENE_MAINT);
	kiosk_state_load(state_path, &st);
	assert_int_equal(st.maint_wrong, 0);
	assert_int_equal(st.maint_locked_until, 0);
}

static void test_language_kept(void **state)
{
	struct kiosk_state st;

	(void)state;
	gesture();
	try_pin(PIN);
	kh_tap_i(FLOW_TAP_MAINT_ITEM, FLOW_MAINT_LANG_EN);
	kiosk_state_load(state_path, &st);
	assert_int_equal(st.lang, LANG_EN);
	kh_close();
	kh_open();
	assert_int_equal(KM()->lang, LANG_EN);
	/* --lang on the command line wins. */
	kh_close();
	{
		struct flow_config fc;
		struct kiosk_options o = {.cfg = &KH.cfg,
					  .flow = &fc,
					  .keep_lang = true,
					  .printer_poll_ms = 300};

		flow_config_defaults(&fc);
		fc.default_lang = LANG_ID;
		KH.k = kiosk_open(&o, kh_mono());
		assert_non_null(KH.k);
	}
	assert_int_equal(KM()->lang, LANG_ID);
}

static void test_button_test_led_and_exit(void **state)
{
	(void)state;
	gesture();
	try_pin(PIN);
	kh_tap_i(FLOW_TAP_MAINT_ITEM, FLOW_MAINT_BUTTON);
	assert_int_equal(KM()->scene, FLOW_SCENE_MAINT_BUTTON);
	assert_int_equal(kiosk_led(KH.k, NULL), GPIO_OUT_BLINK);
	kh_tap(FLOW_TAP_BACK);
	assert_int_equal(kiosk_led(KH.k, NULL), GPIO_OUT_OFF);
	assert_false(kiosk_exit_asked(KH.k));
	kh_tap_i(FLOW_TAP_MAINT_ITEM, FLOW_MAINT_EXIT);
	assert_true(kiosk_exit_asked(KH.k));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_pin_checked_with_crypt, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_no_hash_no_menu, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_lock_survives_restart, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_language_kept, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_button_test_led_and_exit,
					    setup, teardown),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
