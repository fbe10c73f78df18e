/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * For the kiosk flow's own files only: the scene handlers (declared from
 * the list in scenes.h), scene navigation, effects, and helpers the scene
 * files share for building views.
 */
#ifndef PPID_KIOSK_FLOW_INTERNAL_H
#define PPID_KIOSK_FLOW_INTERNAL_H

#include <stdarg.h>
#include <string.h>

#include "flow.h"
#include "flow_view.h"
#include "idparse.h"

/* One scene: what it does on entry, per event, on exit, and its view. */
struct flow_scene_ops {
	const char *name;		  /* "welcome" */
	void (*on_enter)(struct flow *f); /* became current */
	bool (*on_event)(struct flow *f,
			 const struct flow_event *ev); /* consumed? */
	void (*on_exit)(struct flow *f);	       /* stops being current */
	void (*view)(const struct flow *f, struct flow_view *v); /* draw data */
	bool idle; /* idle rule applies */
};

#define FLOW_SCENE_DECL(NAME, name, idle)                                      \
	void scene_##name##_on_enter(struct flow *f);                          \
	bool scene_##name##_on_event(struct flow *f,                           \
				     const struct flow_event *ev);             \
	void scene_##name##_on_exit(struct flow *f);                           \
	void scene_##name##_view(const struct flow *f, struct flow_view *v);
FLOW_SCENES(FLOW_SCENE_DECL)
#undef FLOW_SCENE_DECL

/** The table built from scenes.h. */
const struct flow_scene_ops *flow_scene_ops(enum flow_scene s);

/* ---- navigation (flow.c) -------------------------------------------------- */

/** Push @p s (exit the current scene, enter @p s). */
void flow_scene_next(struct flow *f, enum flow_scene s);

/** Pop back to the previous scene (welcome when there is none). */
void flow_scene_prev(struct flow *f);

/** Pop back to the nearest @p s in the history; push it when absent. */
void flow_scene_back_to(struct flow *f, enum flow_scene s);

/** Forget the history and show @p s alone. */
void flow_scene_reset(struct flow *f, enum flow_scene s);

/** Forget the history and show the screen a visitor starts from: welcome,
 *  or out of service while the database does not work. */
void flow_scene_home(struct flow *f);

/** Queue an effect (the oldest is dropped when full: logged by nobody). */
void flow_fx(struct flow *f, const struct flow_effect *fx);

/** Set the screen's error (NULL clears it). */
void flow_error(struct flow *f, const struct text *t);

/** Start (or show) a desk call of @p kind; @p regno for pickups. */
void flow_call_start(struct flow *f, enum flow_call_kind kind,
		     const char *regno);

/** Ask for a status by receipt QR; goes to the status screen. */
void flow_lookup_receipt(struct flow *f, const struct id_receipt *r);

/** Forget a pending look-up and its secrets (the answer came too late). */
void flow_lookup_abandon(struct flow *f);

/* ---- maintenance (scene_maint*.c) ------------------------------------------ */

/** The hidden gesture: the PIN screen, from welcome / out of service only,
 *  and only when a PIN is configured. */
void flow_maint_open(struct flow *f);

/** The answer to FLOW_FX_MAINT_PIN (counted wherever the screen is). */
void flow_maint_pin_result(struct flow *f, bool ok);

/** The answer to FLOW_FX_MAINT_TEST_PAGE. */
void flow_maint_printed(struct flow *f, const struct flow_event *ev);

/** Milliseconds the PIN stays locked from now, 0 = not locked. */
int64_t flow_maint_lock_left_ms(const struct flow *f);

/** Add a line saying how the desk call stands, when there is one. */
void view_call_line(const struct flow *f, struct flow_view *v);

/** Parse a card read / typed ID with the office's date of today. */
enum id_kind flow_parse_id(const struct flow *f, const char *text, size_t len,
			   struct id_result *r);

/**
 * Put what the ID parser found into the request (NIK: the ID; MRZ: the
 * document number and the name).  @return true for NIK / MRZ.
 */
bool flow_fill_id(struct flow *f, const struct id_result *r);

/** Copy UTF-8 @p src into @p dst, cut at a character boundary to fit. */
void flow_copy_text(char *dst, size_t size, const char *src);

/* ---- view helpers (flow_view.c) -------------------------------------------- */

/** The text of @p t in the view's language. */
const char *view_text(const struct flow_view *v, const struct text *t);

/** printf into the view's scratch; "" when it is full. */
const char *view_fmt(struct flow_view *v, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/** Add a line (value NULL is shown as ""). */
void view_line(struct flow_view *v, const char *label, const char *value,
	       enum flow_line_style style);

/** Add a button labelled with @p t. */
struct flow_view_button *view_button(struct flow_view *v, enum flow_tap tap,
				     int index, const struct text *t);

/** Add the small buttons most screens show: language and call the desk. */
void view_common_buttons(struct flow_view *v);

/** "14 Desember 2026" / "14 December 2026" into scratch. */
const char *view_date(struct flow_view *v, struct date d);

/* Texts several scenes use. */
extern const struct text flow_txt_back;
extern const struct text flow_txt_next;
extern const struct text flow_txt_call;
extern const struct text flow_txt_lang;
extern const struct text flow_txt_finish;
extern const struct text flow_txt_not_given;

#endif
