// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The engine's part of the maintenance menu: the PIN checked against the
 * configured yescrypt hash, its rate limit and the default language kept
 * in the state file beside the database, the test page handed to the
 * print worker, exit, and a log line for every maintenance action (never
 * the PIN, never a card's number).
 */

#include <errno.h>
#include <string.h>
#include <time.h>

#include "kiosk_internal.h"
#include "log.h"
#include "maintpin.h"

void kiosk_maint_init(struct kiosk *k, struct flow_config *fc, bool keep_lang)
{
	time_t now = time(NULL);

	fc->maint_enabled = k->cfg.kiosk_maint_pin_hash[0] != '\0';
	if (kiosk_state_path(k->db_path, k->state_path, sizeof(k->state_path)) <
	    0) {
		log_warn("maintenance: no place for the state file: %s",
			 strerror(errno));
		k->state_path[0] = '\0';
	}
	kiosk_state_load(k->state_path, &k->state);
	if (!keep_lang &&
	    (k->state.lang == LANG_ID || k->state.lang == LANG_EN))
		fc->default_lang = (enum lang)k->state.lang;
	fc->maint_wrong = k->state.maint_wrong;
	if (k->state.maint_locked_until > now) {
		/* A clock set far ahead must not lock for longer than ever. */
		int64_t left = (int64_t)(k->state.maint_locked_until - now);

		fc->maint_lock_ms = left > FLOW_PIN_LOCK_MAX_MS / 1000
					? FLOW_PIN_LOCK_MAX_MS
					: left * 1000;
		log_info("maintenance: the PIN stays locked for %lld s",
			 (long long)(fc->maint_lock_ms / 1000));
	}
}

static void save_state(struct kiosk *k)
{
	if (!k->state_path[0] || kiosk_state_save(k->state_path, &k->state) < 0)
		log_warn("maintenance: %s not written: %s",
			 k->state_path[0] ? k->state_path : "the state file",
			 strerror(errno));
}

static void check_pin(struct kiosk *k, const struct flow_effect *fx)
{
	struct flow_event ev = {.type = FLOW_EVT_MAINT_PIN};
	int rc = maintpin_verify(fx->pin, k->cfg.kiosk_maint_pin_hash);

	if (rc < 0)
		log_err("maintenance: the PIN cannot be checked: %s",
			strerror(errno));
	ev.ok = rc == 1;
	if (ev.ok)
		log_info("maintenance: PIN accepted, the menu is open");
	kiosk_send(k, &ev);
}

static void lock(struct kiosk *k, const struct flow_effect *fx)
{
	time_t until =
	    fx->maint_lock_ms > 0
		? time(NULL) + (time_t)((fx->maint_lock_ms + 999) / 1000)
		: 0;

	if (fx->maint_wrong > 0 && fx->maint_lock_ms > 0)
		log_warn("maintenance: wrong PIN (%d in a row); PINs refused "
			 "for %lld s",
			 fx->maint_wrong,
			 (long long)((fx->maint_lock_ms + 999) / 1000));
	else if (fx->maint_wrong > 0)
		log_warn("maintenance: wrong PIN (%d in a row)",
			 fx->maint_wrong);
	if (k->state.maint_wrong == fx->maint_wrong &&
	    k->state.maint_locked_until == until)
		return;
	k->state.maint_wrong = fx->maint_wrong;
	k->state.maint_locked_until = until;
	save_state(k);
}

void kiosk_maint_effect(struct kiosk *k, const struct flow_effect *fx)
{
	switch (fx->type) {
	case FLOW_FX_MAINT_PIN:
		check_pin(k, fx);
		break;
	case FLOW_FX_MAINT_LOCK:
		lock(k, fx);
		break;
	case FLOW_FX_MAINT_TEST_PAGE:
		log_info("maintenance: test page asked");
		if (!k->pw || printworker_test_page(k->pw) < 0)
			kiosk_maint_printed(k, false, PRINTER_STATE_OTHER_ERROR,
					    "the print worker is busy");
		break;
	case FLOW_FX_MAINT_LANG:
		log_info("maintenance: default language set to %s",
			 fx->lang == LANG_EN ? "English" : "Indonesian");
		k->state.lang = fx->lang == LANG_EN ? LANG_EN : LANG_ID;
		save_state(k);
		break;
	case FLOW_FX_MAINT_EXIT:
		log_info(
		    "maintenance: exit chosen; ppid-kiosk ends (status 0)");
		k->exit_asked = true;
		break;
	default:
		break;
	}
}

void kiosk_maint_printed(struct kiosk *k, bool ok, enum printer_state st,
			 const char *reason)
{
	struct flow_event ev = {.type = FLOW_EVT_MAINT_PRINTED, .ok = ok};

	ev.printer = ok ? FLOW_PRINTER_OK : kiosk_flow_printer(st);
	if (ok)
		log_info("maintenance: test page printed");
	else
		log_warn("maintenance: test page not printed: %s",
			 reason && *reason ? reason : printer_state_key(st));
	kiosk_send(k, &ev);
}

void kiosk_maint_log(struct kiosk *k, const struct flow_event *ev,
		     enum flow_scene before)
{
	enum flow_scene now = k->flow.m.scene;

	if (ev->type == FLOW_EVT_MAINT && now == before) {
		log_info("maintenance: the gesture on the %s screen opens "
			 "nothing (%s)",
			 flow_scene_name(before),
			 k->flow.cfg.maint_enabled
			     ? "only the welcome and out-of-service screens"
			     : "no [kiosk] maint_pin_hash configured");
		return;
	}
	if (now == before)
		return;
	if (now == FLOW_SCENE_MAINT_PIN && !k->in_maint)
		log_info("maintenance: the PIN screen was opened");
	else if (now == FLOW_SCENE_MAINT_READER)
		log_info("maintenance: card reader test");
	else if (now == FLOW_SCENE_MAINT_BUTTON)
		log_info("maintenance: button and LED test");
	if (flow_maint_scene(now)) {
		k->in_maint = true;
	} else if (k->in_maint && now != FLOW_SCENE_IDLE) {
		/* Closed, timed out, or the PIN screen left. */
		k->in_maint = false;
		log_info("maintenance: left, back to the %s screen",
			 flow_scene_name(now));
	}
}
