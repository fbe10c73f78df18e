// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Unit tests for the kiosk's screen blanking (kiosk_ui_blank.c over
 * ui/input.c): dark after blank_ms on the welcome screen only, the clock
 * restarting when the welcome returns, the poll timeout, the waking touch
 * swallowed (no tap), and a scene that needs the visitor waking it alone.
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "kiosk_ui_blank.h"

#define BLANK_MS 300000 /* the default, blank_s = 300 */

struct fix {
	struct ui_scale sc;   /* 800x480 */
	struct ui_input in;   /* the idle clock */
	struct kiosk_blank b; /* under test */
	int64_t now;	      /* ms */
};

static struct fix F;

static void start(int64_t blank_ms)
{
	struct ui_input_cfg cfg = {.blank_ms = blank_ms, .slop = 24};

	memset(&F, 0, sizeof(F));
	F.now = 1000;
	assert_int_equal(ui_scale_init(&F.sc, 800, 480, UI_ROT_0), 0);
	ui_input_init(&F.in, &cfg, &F.sc, F.now);
	kiosk_blank_init(&F.b, &F.in);
}

static int setup(void **state)
{
	(void)state;
	start(BLANK_MS);
	return 0;
}

static int step(enum flow_scene s, int64_t advance)
{
	F.now += advance;
	return kiosk_blank_step(&F.b, s, F.now);
}

static int finger(Uint32 type, struct ui_input_event *out)
{
	SDL_Event e;

	memset(&e, 0, sizeof(e));
	e.type = type;
	e.tfinger.touchId = 1;
	e.tfinger.fingerId = 1;
	e.tfinger.x = 0.5f;
	e.tfinger.y = 0.5f;
	return ui_input_feed(&F.in, &e, F.now, out);
}

static void test_dark_after_blank_ms_on_welcome(void **state)
{
	(void)state;
	assert_int_equal(step(FLOW_SCENE_WELCOME, 0), KIOSK_BLANK_NONE);
	assert_int_equal(kiosk_blank_timeout_ms(&F.b, F.now), BLANK_MS);
	assert_int_equal(step(FLOW_SCENE_WELCOME, BLANK_MS - 1),
			 KIOSK_BLANK_NONE);
	assert_false(ui_input_blanked(&F.in));
	assert_int_equal(kiosk_blank_timeout_ms(&F.b, F.now), 1);
	assert_int_equal(step(FLOW_SCENE_WELCOME, 1), KIOSK_BLANK_DARK);
	assert_true(ui_input_blanked(&F.in));
	/* Dark: once, and no timeout for poll() (no busy loop). */
	assert_int_equal(kiosk_blank_timeout_ms(&F.b, F.now), -1);
	assert_int_equal(step(FLOW_SCENE_WELCOME, 60000), KIOSK_BLANK_NONE);
	assert_true(ui_input_blanked(&F.in));
}

static void test_never_with_zero(void **state)
{
	(void)state;
	start(0);
	assert_int_equal(step(FLOW_SCENE_WELCOME, 0), KIOSK_BLANK_NONE);
	assert_int_equal(kiosk_blank_timeout_ms(&F.b, F.now), -1);
	assert_int_equal(step(FLOW_SCENE_WELCOME, 86400000), KIOSK_BLANK_NONE);
	assert_false(ui_input_blanked(&F.in));
}

static void test_visitor_screens_never_dark(void **state)
{
	static const enum flow_scene busy[] = {
	    FLOW_SCENE_IDENTIFY, FLOW_SCENE_FORM, FLOW_SCENE_REVIEW,
	    FLOW_SCENE_DONE,	 FLOW_SCENE_CALL, FLOW_SCENE_STATUS,
	    FLOW_SCENE_IDLE};

	(void)state;
	for (size_t i = 0; i < sizeof(busy) / sizeof(busy[0]); i++) {
		start(BLANK_MS);
		assert_int_equal(step(busy[i], 0), KIOSK_BLANK_NONE);
		/* No deadline either: poll() must not spin on an overdue
		 * blank that never comes. */
		assert_int_equal(kiosk_blank_timeout_ms(&F.b, F.now), -1);
		assert_int_equal(step(busy[i], 2 * BLANK_MS), KIOSK_BLANK_NONE);
		assert_false(ui_input_blanked(&F.in));
		assert_int_equal(kiosk_blank_timeout_ms(&F.b, F.now), -1);
	}
	assert_true(kiosk_blank_allowed(FLOW_SCENE_WELCOME));
	assert_true(kiosk_blank_allowed(FLOW_SCENE_OUT_OF_SERVICE));
}

static void test_clock_starts_when_welcome_returns(void **state)
{
	(void)state;
	/* A visitor's last touch on the form, then the idle wipe brings the
	 * welcome back long after: it stays lit blank_ms from then. */
	assert_int_equal(step(FLOW_SCENE_FORM, 0), KIOSK_BLANK_NONE);
	assert_int_equal(step(FLOW_SCENE_IDLE, 60000), KIOSK_BLANK_NONE);
	assert_int_equal(step(FLOW_SCENE_WELCOME, BLANK_MS + 30000),
			 KIOSK_BLANK_NONE);
	assert_false(ui_input_blanked(&F.in));
	assert_int_equal(kiosk_blank_timeout_ms(&F.b, F.now), BLANK_MS);
	assert_int_equal(step(FLOW_SCENE_WELCOME, BLANK_MS - 1),
			 KIOSK_BLANK_NONE);
	assert_int_equal(step(FLOW_SCENE_WELCOME, 1), KIOSK_BLANK_DARK);
}

static void test_waking_touch_is_swallowed(void **state)
{
	struct ui_input_event ev;

	(void)state;
	step(FLOW_SCENE_WELCOME, 0);
	assert_int_equal(step(FLOW_SCENE_WELCOME, BLANK_MS), KIOSK_BLANK_DARK);
	/* The touch wakes it: a WAKE, then its "up" is nothing (no tap). */
	assert_int_equal(finger(SDL_FINGERDOWN, &ev), 1);
	assert_int_equal(ev.type, UI_IN_WAKE);
	assert_false(ui_input_blanked(&F.in));
	F.now += 80;
	assert_int_equal(finger(SDL_FINGERUP, &ev), 0);
	assert_int_equal(step(FLOW_SCENE_WELCOME, 0), KIOSK_BLANK_NONE);
	/* The next touch taps. */
	F.now += 500;
	assert_int_equal(finger(SDL_FINGERDOWN, &ev), 1);
	assert_int_equal(ev.type, UI_IN_PRESS);
	assert_int_equal(finger(SDL_FINGERUP, &ev), 1);
	assert_int_equal(ev.type, UI_IN_TAP);
	/* And the clock counts again from that touch. */
	assert_int_equal(kiosk_blank_timeout_ms(&F.b, F.now), BLANK_MS);
}

static void test_state_changes_while_dark(void **state)
{
	(void)state;
	step(FLOW_SCENE_WELCOME, 0);
	assert_int_equal(step(FLOW_SCENE_WELCOME, BLANK_MS), KIOSK_BLANK_DARK);
	/* A database fault and its recovery: the state follows, the screen
	 * stays dark (nobody is there to read it). */
	assert_int_equal(step(FLOW_SCENE_OUT_OF_SERVICE, 1000),
			 KIOSK_BLANK_NONE);
	assert_true(ui_input_blanked(&F.in));
	assert_int_equal(step(FLOW_SCENE_WELCOME, 1000), KIOSK_BLANK_NONE);
	assert_true(ui_input_blanked(&F.in));
	/* A card swiped (identify) or the call button (call): the visitor
	 * is there, it wakes without a touch. */
	assert_int_equal(step(FLOW_SCENE_IDENTIFY, 1000), KIOSK_BLANK_WOKE);
	assert_false(ui_input_blanked(&F.in));
	assert_int_equal(step(FLOW_SCENE_WELCOME, 1000), KIOSK_BLANK_NONE);
	assert_int_equal(step(FLOW_SCENE_WELCOME, BLANK_MS), KIOSK_BLANK_DARK);
	assert_int_equal(step(FLOW_SCENE_CALL, 10), KIOSK_BLANK_WOKE);
}

static void test_out_of_service_goes_dark_too(void **state)
{
	(void)state;
	assert_int_equal(step(FLOW_SCENE_OUT_OF_SERVICE, 0), KIOSK_BLANK_NONE);
	assert_int_equal(step(FLOW_SCENE_OUT_OF_SERVICE, BLANK_MS),
			 KIOSK_BLANK_DARK);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup(test_dark_after_blank_ms_on_welcome, setup),
	    cmocka_unit_test_setup(test_never_with_zero, setup),
	    cmocka_unit_test_setup(test_visitor_screens_never_dark, setup),
	    cmocka_unit_test_setup(test_clock_starts_when_welcome_returns,
				   setup),
	    cmocka_unit_test_setup(test_waking_touch_is_swallowed, setup),
	    cmocka_unit_test_setup(test_state_changes_while_dark, setup),
	    cmocka_unit_test_setup(test_out_of_service_goes_dark_too, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
