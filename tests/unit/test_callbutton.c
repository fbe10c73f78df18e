// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Tests for the call-button state machine: every state against every
 * input (table-driven), the repeat and "staff is coming" timings, and the
 * LED and the call to watch in each state.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "callbutton.h"

#define T0     1000000 /* an arbitrary monotonic start */
#define REPEAT 30000   /* ms */
#define COMING 20000   /* ms */
#define CALL_A 7       /* the first call's row id */
#define CALL_B 8       /* the second call's row id */

/* Where a machine starts for one row of the table. */
enum start {
	S_IDLE,		  /* fresh */
	S_CALLING,	  /* pressed in IDLE, commit pending */
	S_WAITING,	  /* call A committed at T0 */
	S_CALLING_AGAIN,  /* call A waiting, pressed again, commit pending */
	S_COMING,	  /* call A acknowledged at T0 */
	S_CALLING_COMING, /* call A acknowledged, pressed again */
};

enum input {
	I_PRESS,      /* press */
	I_COMMITTED,  /* commit of call B done */
	I_FAILED,     /* commit failed */
	I_ACK_A,      /* call A acknowledged */
	I_ACK_B,      /* call B acknowledged */
	I_ACK_BAD,    /* acknowledgement of id 0 */
	I_TICK_EARLY, /* time passes, less than any timing */
	I_TICK_LATE,  /* time passes, more than every timing */
};

static void reach(struct callbutton *b, const struct callbutton_cfg *cfg,
		  enum start s)
{
	callbutton_init(b, cfg);
	switch (s) {
	case S_IDLE:
		break;
	case S_CALLING:
		assert_int_equal(callbutton_press(b, T0), CALLBUTTON_DO_COMMIT);
		break;
	case S_WAITING:
	case S_CALLING_AGAIN:
		assert_int_equal(callbutton_press(b, T0), CALLBUTTON_DO_COMMIT);
		callbutton_committed(b, CALL_A, T0);
		if (s == S_CALLING_AGAIN)
			assert_int_equal(callbutton_press(b, T0),
					 CALLBUTTON_DO_COMMIT);
		break;
	case S_COMING:
	case S_CALLING_COMING:
		assert_int_equal(callbutton_press(b, T0), CALLBUTTON_DO_COMMIT);
		callbutton_committed(b, CALL_A, T0);
		assert_true(callbutton_acknowledged(b, CALL_A, T0));
		if (s == S_CALLING_COMING)
			assert_int_equal(callbutton_press(b, T0),
					 CALLBUTTON_DO_COMMIT);
		break;
	}
}

/* Apply @p in at T0 + 1 ms (early) or T0 + 1 h (late); returns the action. */
static enum callbutton_do apply(struct callbutton *b, enum input in,
				bool *acked)
{
	*acked = false;
	switch (in) {
	case I_PRESS:
		return callbutton_press(b, T0 + 1);
	case I_COMMITTED:
		callbutton_committed(b, CALL_B, T0 + 1);
		break;
	case I_FAILED:
		callbutton_commit_failed(b, T0 + 1);
		break;
	case I_ACK_A:
		*acked = callbutton_acknowledged(b, CALL_A, T0 + 1);
		break;
	case I_ACK_B:
		*acked = callbutton_acknowledged(b, CALL_B, T0 + 1);
		break;
	case I_ACK_BAD:
		*acked = callbutton_acknowledged(b, 0, T0 + 1);
		break;
	case I_TICK_EARLY:
		callbutton_tick(b, T0 + 1);
		break;
	case I_TICK_LATE:
		callbutton_tick(b, T0 + 3600 * 1000);
		break;
	}
	return CALLBUTTON_DO_NOTHING;
}

struct row {
	enum start start;	     /* where */
	enum input in;		     /* what happens */
	enum callbutton_do act;	     /* what to do */
	bool acked;		     /* the acknowledgement was ours */
	enum callbutton_state state; /* where it ends */
	int64_t watch;		     /* callbutton_waiting_call() after */
};

static void check_led(const struct callbutton *b)
{
	static const enum callbutton_led want[] = {
	    [CALLBUTTON_IDLE] = CALLBUTTON_LED_OFF,
	    [CALLBUTTON_CALLING] = CALLBUTTON_LED_BLINK,
	    [CALLBUTTON_WAITING] = CALLBUTTON_LED_BLINK,
	    [CALLBUTTON_COMING] = CALLBUTTON_LED_ON,
	};

	assert_int_equal(callbutton_led(b), want[callbutton_state(b)]);
}

static void run_table(const struct callbutton_cfg *cfg, const struct row *rows,
		      size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct row *r = &rows[i];
		struct callbutton b;
		bool acked;

		reach(&b, cfg, r->start);
		check_led(&b);
		assert_int_equal(apply(&b, r->in, &acked), r->act);
		if (callbutton_state(&b) != r->state || acked != r->acked ||
		    callbutton_waiting_call(&b) != r->watch)
			fail_msg("row %zu (start %d input %d): state %s acked "
				 "%d watch %lld",
				 i, r->start, r->in,
				 callbutton_state_key(callbutton_state(&b)),
				 acked, (long long)callbutton_waiting_call(&b));
		check_led(&b);
	}
}

#define DO  CALLBUTTON_DO_COMMIT
#define NO  CALLBUTTON_DO_NOTHING
#define IDL CALLBUTTON_IDLE
#define CAL CALLBUTTON_CALLING
#define WAI CALLBUTTON_WAITING
#define COM CALLBUTTON_COMING

/* Every state x every input, with the settings hw --listen uses (every
 * press calls, "staff is coming" lasts until the next press). */
static void test_every_transition_default(void **state)
{
	static const struct row rows[] = {
	    {S_IDLE, I_PRESS, DO, false, CAL, 0},
	    {S_IDLE, I_COMMITTED, NO, false, IDL, 0},
	    {S_IDLE, I_FAILED, NO, false, IDL, 0},
	    {S_IDLE, I_ACK_A, NO, false, IDL, 0},
	    {S_IDLE, I_ACK_B, NO, false, IDL, 0},
	    {S_IDLE, I_ACK_BAD, NO, false, IDL, 0},
	    {S_IDLE, I_TICK_EARLY, NO, false, IDL, 0},
	    {S_IDLE, I_TICK_LATE, NO, false, IDL, 0},

	    {S_CALLING, I_PRESS, NO, false, CAL, 0},
	    {S_CALLING, I_COMMITTED, NO, false, WAI, CALL_B},
	    {S_CALLING, I_FAILED, NO, false, IDL, 0},
	    {S_CALLING, I_ACK_A, NO, false, CAL, 0},
	    {S_CALLING, I_ACK_B, NO, false, CAL, 0},
	    {S_CALLING, I_ACK_BAD, NO, false, CAL, 0},
	    {S_CALLING, I_TICK_EARLY, NO, false, CAL, 0},
	    {S_CALLING, I_TICK_LATE, NO, false, CAL, 0},

	    {S_WAITING, I_PRESS, DO, false, CAL, CALL_A},
	    {S_WAITING, I_COMMITTED, NO, false, WAI, CALL_A},
	    {S_WAITING, I_FAILED, NO, false, WAI, CALL_A},
	    {S_WAITING, I_ACK_A, NO, true, COM, 0},
	    {S_WAITING, I_ACK_B, NO, false, WAI, CALL_A},
	    {S_WAITING, I_ACK_BAD, NO, false, WAI, CALL_A},
	    {S_WAITING, I_TICK_EARLY, NO, false, WAI, CALL_A},
	    {S_WAITING, I_TICK_LATE, NO, false, WAI, CALL_A},

	    {S_CALLING_AGAIN, I_PRESS, NO, false, CAL, CALL_A},
	    {S_CALLING_AGAIN, I_COMMITTED, NO, false, WAI, CALL_B},
	    {S_CALLING_AGAIN, I_FAILED, NO, false, WAI, CALL_A},
	    {S_CALLING_AGAIN, I_ACK_A, NO, true, CAL, 0},
	    {S_CALLING_AGAIN, I_ACK_B, NO, false, CAL, CALL_A},
	    {S_CALLING_AGAIN, I_ACK_BAD, NO, false, CAL, CALL_A},
	    {S_CALLING_AGAIN, I_TICK_EARLY, NO, false, CAL, CALL_A},
	    {S_CALLING_AGAIN, I_TICK_LATE, NO, false, CAL, CALL_A},

	    {S_COMING, I_PRESS, DO, false, CAL, 0},
	    {S_COMING, I_COMMITTED, NO, false, COM, 0},
	    {S_COMING, I_FAILED, NO, false, COM, 0},
	    {S_COMING, I_ACK_A, NO, false, COM, 0},
	    {S_COMING, I_ACK_B, NO, false, COM, 0},
	    {S_COMING, I_ACK_BAD, NO, false, COM, 0},
	    {S_COMING, I_TICK_EARLY, NO, false, COM, 0},
	    {S_COMING, I_TICK_LATE, NO, false, COM, 0}, /* until a press */

	    {S_CALLING_COMING, I_PRESS, NO, false, CAL, 0},
	    {S_CALLING_COMING, I_COMMITTED, NO, false, WAI, CALL_B},
	    {S_CALLING_COMING, I_FAILED, NO, false, COM, 0},
	    {S_CALLING_COMING, I_ACK_A, NO, false, CAL, 0},
	    {S_CALLING_COMING, I_ACK_B, NO, false, CAL, 0},
	    {S_CALLING_COMING, I_ACK_BAD, NO, false, CAL, 0},
	    {S_CALLING_COMING, I_TICK_EARLY, NO, false, CAL, 0},
	    {S_CALLING_COMING, I_TICK_LATE, NO, false, CAL, 0},
	};

	(void)state;
	run_table(NULL, rows, sizeof(rows) / sizeof(rows[0]));
}

/* The kiosk's settings: a waiting call is not repeated within REPEAT ms,
 * "staff is coming" ends after COMING ms.  Only the rows that differ from
 * the default table, plus the late ones. */
static void test_every_transition_kiosk(void **state)
{
	static const struct callbutton_cfg cfg = {REPEAT, COMING};
	static const struct row rows[] = {
	    {S_WAITING, I_PRESS, NO, false, WAI, CALL_A}, /* too soon */
	    {S_WAITING, I_TICK_LATE, NO, false, WAI, CALL_A},
	    {S_COMING, I_TICK_EARLY, NO, false, COM, 0},
	    {S_COMING, I_TICK_LATE, NO, false, IDL, 0},
	    {S_COMING, I_PRESS, DO, false, CAL, 0},
	    {S_IDLE, I_PRESS, DO, false, CAL, 0},
	    {S_CALLING, I_FAILED, NO, false, IDL, 0},
	    {S_CALLING_COMING, I_FAILED, NO, false, COM, 0},
	    {S_CALLING_COMING, I_TICK_LATE, NO, false, CAL, 0},
	};

	(void)state;
	run_table(&cfg, rows, sizeof(rows) / sizeof(rows[0]));
}

static void test_repeat_after_interval(void **state)
{
	static const struct callbutton_cfg cfg = {REPEAT, 0};
	struct callbutton b;

	(void)state;
	reach(&b, &cfg, S_WAITING);
	assert_int_equal(callbutton_press(&b, T0 + REPEAT - 1), NO);
	assert_int_equal(callbutton_state(&b), WAI);
	assert_int_equal(callbutton_press(&b, T0 + REPEAT), DO);
	callbutton_committed(&b, CALL_B, T0 + REPEAT);
	assert_int_equal(callbutton_waiting_call(&b), CALL_B);
	/* The interval counts from the newest call. */
	assert_int_equal(callbutton_press(&b, T0 + REPEAT + 1), NO);
	/* The old call answered no longer counts: B is the one waited on. */
	assert_false(callbutton_acknowledged(&b, CALL_A, T0 + REPEAT + 2));
	assert_true(callbutton_acknowledged(&b, CALL_B, T0 + REPEAT + 2));
	assert_int_equal(callbutton_state(&b), COM);
}

static void test_never_repeat(void **state)
{
	static const struct callbutton_cfg cfg = {-1, 0};
	struct callbutton b;

	(void)state;
	reach(&b, &cfg, S_WAITING);
	assert_int_equal(callbutton_press(&b, T0 + 3600 * 1000), NO);
	assert_int_equal(callbutton_waiting_call(&b), CALL_A);
}

static void test_coming_timeout(void **state)
{
	static const struct callbutton_cfg cfg = {0, COMING};
	struct callbutton b;

	(void)state;
	reach(&b, &cfg, S_IDLE);
	assert_int_equal(callbutton_timeout_ms(&b, T0), -1);
	reach(&b, &cfg, S_WAITING);
	assert_int_equal(callbutton_timeout_ms(&b, T0), -1);
	reach(&b, &cfg, S_COMING);
	assert_int_equal(callbutton_timeout_ms(&b, T0), COMING);
	assert_int_equal(callbutton_timeout_ms(&b, T0 + COMING - 5), 5);
	callbutton_tick(&b, T0 + COMING - 1);
	assert_int_equal(callbutton_state(&b), COM);
	assert_int_equal(callbutton_timeout_ms(&b, T0 + COMING), 0);
	callbutton_tick(&b, T0 + COMING);
	assert_int_equal(callbutton_state(&b), IDL);
	assert_int_equal(callbutton_led(&b), CALLBUTTON_LED_OFF);
	assert_int_equal(callbutton_timeout_ms(&b, T0 + COMING), -1);
	/* Without coming_ms it never ends by itself. */
	reach(&b, NULL, S_COMING);
	assert_int_equal(callbutton_timeout_ms(&b, T0 + 3600 * 1000), -1);
}

/* A whole visit as hw --listen sees it. */
static void test_sequence(void **state)
{
	struct callbutton b;

	(void)state;
	callbutton_init(&b, NULL);
	assert_int_equal(callbutton_led(&b), CALLBUTTON_LED_OFF);
	assert_int_equal(callbutton_waiting_call(&b), 0);
	assert_int_equal(callbutton_press(&b, T0), DO);
	callbutton_commit_failed(&b, T0); /* database read-only */
	assert_int_equal(callbutton_led(&b), CALLBUTTON_LED_OFF);
	assert_int_equal(callbutton_press(&b, T0 + 10), DO);
	callbutton_committed(&b, CALL_A, T0 + 10);
	assert_int_equal(callbutton_led(&b), CALLBUTTON_LED_BLINK);
	assert_int_equal(callbutton_waiting_call(&b), CALL_A);
	callbutton_committed(&b, CALL_B, T0 + 11); /* stray: ignored */
	assert_int_equal(callbutton_waiting_call(&b), CALL_A);
	assert_true(callbutton_acknowledged(&b, CALL_A, T0 + 20));
	assert_int_equal(callbutton_led(&b), CALLBUTTON_LED_ON);
	assert_false(callbutton_acknowledged(&b, CALL_A, T0 + 21));
	callbutton_committed(&b, -1, T0 + 22); /* not CALLING: ignored */
	assert_int_equal(callbutton_state(&b), COM);
}

static void test_bad_commit_id_ignored(void **state)
{
	struct callbutton b;

	(void)state;
	reach(&b, NULL, S_CALLING);
	callbutton_committed(&b, 0, T0);
	assert_int_equal(callbutton_state(&b), CAL);
	callbutton_committed(&b, -3, T0);
	assert_int_equal(callbutton_state(&b), CAL);
}

static void test_keys(void **state)
{
	(void)state;
	assert_string_equal(callbutton_state_key(CALLBUTTON_IDLE), "idle");
	assert_string_equal(callbutton_state_key(CALLBUTTON_CALLING),
			    "calling");
	assert_string_equal(callbutton_state_key(CALLBUTTON_WAITING),
			    "waiting");
	assert_string_equal(callbutton_state_key(CALLBUTTON_COMING), "coming");
	assert_string_equal(callbutton_state_key(CALLBUTTON_STATE_COUNT), "?");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_every_transition_default),
	    cmocka_unit_test(test_every_transition_kiosk),
	    cmocka_unit_test(test_repeat_after_interval),
	    cmocka_unit_test(test_never_repeat),
	    cmocka_unit_test(test_coming_timeout),
	    cmocka_unit_test(test_sequence),
	    cmocka_unit_test(test_bad_commit_id_ignored),
	    cmocka_unit_test(test_keys),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
