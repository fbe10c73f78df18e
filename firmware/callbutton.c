// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The call-button state machine (see callbutton.h): pure functions of the
 * machine and their inputs.
 */

#include <string.h>

#include "callbutton.h"

void callbutton_init(struct callbutton *b, const struct callbutton_cfg *cfg)
{
	memset(b, 0, sizeof(*b));
	if (cfg)
		b->cfg = *cfg;
	b->state = CALLBUTTON_IDLE;
}

static bool may_call_again(const struct callbutton *b, int64_t now_ms)
{
	if (b->cfg.repeat_ms == 0)
		return true;
	if (b->cfg.repeat_ms < 0)
		return false;
	return now_ms - b->called_ms >= b->cfg.repeat_ms;
}

enum callbutton_do callbutton_press(struct callbutton *b, int64_t now_ms)
{
	switch (b->state) {
	case CALLBUTTON_CALLING:
		return CALLBUTTON_DO_NOTHING;
	case CALLBUTTON_WAITING:
		/* The desk already has a call: another one only when allowed,
		 * so a visitor hammering the button does not flood it. */
		if (!may_call_again(b, now_ms))
			return CALLBUTTON_DO_NOTHING;
		break;
	case CALLBUTTON_IDLE:
	case CALLBUTTON_COMING:
	case CALLBUTTON_STATE_COUNT:
		break;
	}
	b->before =
	    b->state == CALLBUTTON_STATE_COUNT ? CALLBUTTON_IDLE : b->state;
	b->state = CALLBUTTON_CALLING;
	return CALLBUTTON_DO_COMMIT;
}

void callbutton_committed(struct callbutton *b, int64_t call_id, int64_t now_ms)
{
	if (b->state != CALLBUTTON_CALLING || call_id <= 0)
		return;
	b->state = CALLBUTTON_WAITING;
	b->call_id = call_id;
	b->called_ms = now_ms;
}

void callbutton_commit_failed(struct callbutton *b, int64_t now_ms)
{
	(void)now_ms;
	if (b->state != CALLBUTTON_CALLING)
		return;
	b->state = b->before;
}

bool callbutton_acknowledged(struct callbutton *b, int64_t call_id,
			     int64_t now_ms)
{
	if (call_id <= 0 || call_id != b->call_id)
		return false;
	if (b->state == CALLBUTTON_WAITING) {
		b->state = CALLBUTTON_COMING;
		b->coming_ms = now_ms;
		return true;
	}
	/* Answered while another call is being committed: a failed commit
	 * returns to "staff is coming", not to waiting. */
	if (b->state == CALLBUTTON_CALLING && b->before == CALLBUTTON_WAITING) {
		b->before = CALLBUTTON_COMING;
		b->coming_ms = now_ms;
		return true;
	}
	return false;
}

void callbutton_tick(struct callbutton *b, int64_t now_ms)
{
	if (callbutton_timeout_ms(b, now_ms) == 0) {
		b->state = CALLBUTTON_IDLE;
		b->call_id = 0;
	}
}

int callbutton_timeout_ms(const struct callbutton *b, int64_t now_ms)
{
	int64_t left;

	if (b->state != CALLBUTTON_COMING || b->cfg.coming_ms <= 0)
		return -1;
	left = b->coming_ms + b->cfg.coming_ms - now_ms;
	if (left <= 0)
		return 0;
	return left > 0x7fffffff ? 0x7fffffff : (int)left;
}

enum callbutton_state callbutton_state(const struct callbutton *b)
{
	return b->state;
}

enum callbutton_led callbutton_led(const struct callbutton *b)
{
	switch (b->state) {
	case CALLBUTTON_CALLING:
	case CALLBUTTON_WAITING:
		return CALLBUTTON_LED_BLINK;
	case CALLBUTTON_COMING:
		return CALLBUTTON_LED_ON;
	case CALLBUTTON_IDLE:
	case CALLBUTTON_STATE_COUNT:
		break;
	}
	return CALLBUTTON_LED_OFF;
}

int64_t callbutton_waiting_call(const struct callbutton *b)
{
	if (b->state == CALLBUTTON_WAITING ||
	    (b->state == CALLBUTTON_CALLING && b->before == CALLBUTTON_WAITING))
		return b->call_id;
	return 0;
}

const char *callbutton_state_key(enum callbutton_state s)
{
	static const char *const keys[] = {"idle", "calling", "waiting",
					   "coming"};

	return (unsigned)s < CALLBUTTON_STATE_COUNT ? keys[s] : "?";
}
