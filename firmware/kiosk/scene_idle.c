// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * "Are you still there?": shown over a screen with answers after a minute
 * without input, with a countdown of at least 20 s.  Any tap (the big
 * button or anywhere) gives the time again, as often as wanted (WCAG
 * 2.2.1; flow.c does that).  At zero the visitor's data is wiped and the
 * welcome screen returns in the default language.
 */

#include "flow_internal.h"

static const struct text txt_title = {"Apakah Anda masih di sini?",
				      "Are you still there?"};
static const struct text txt_countdown = {
    "Demi keamanan data Anda, layar akan kembali ke awal dan jawaban Anda "
    "dihapus dalam %d detik.",
    "To protect your data, the screen will start over and your answers will "
    "be deleted in %d seconds."};
static const struct text txt_more = {"Ya, saya perlu waktu lagi",
				     "Yes, I need more time"};

static int seconds_left(const struct flow *f)
{
	int64_t left = f->idle_end_ms - f->now_ms;

	return left <= 0 ? 0 : (int)((left + 999) / 1000);
}

void scene_idle_on_enter(struct flow *f)
{
	f->m.idle_countdown_s = seconds_left(f);
}

bool scene_idle_on_event(struct flow *f, const struct flow_event *ev)
{
	int left;

	if (ev->type != FLOW_EVT_TICK)
		return false;
	left = seconds_left(f);
	if (left != f->m.idle_countdown_s) {
		f->m.idle_countdown_s = left;
		f->changed = true;
	}
	if (left == 0) {
		f->m.lang = f->cfg.default_lang;
		flow_scene_home(f);
	}
	return true;
}

void scene_idle_on_exit(struct flow *f)
{
	f->m.idle_countdown_s = 0;
}

void scene_idle_view(const struct flow *f, struct flow_view *v)
{
	struct flow_view_button *b;

	v->title = view_text(v, &txt_title);
	v->countdown_s = f->m.idle_countdown_s;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	view_line(
	    v, NULL,
	    view_fmt(v, view_text(v, &txt_countdown), f->m.idle_countdown_s),
	    FLOW_LINE_BODY);
#pragma GCC diagnostic pop
	b = view_button(v, FLOW_TAP_MORE_TIME, 0, &txt_more);
	b->primary = true;
}
