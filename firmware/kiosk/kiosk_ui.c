// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The kiosk's screens from the flow's view: layout, hit-testing, focus,
 * the text fields and the on-screen keyboard.  See kiosk_ui.h.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dialog.h"
#include "keyboard.h"
#include "kiosk_ui.h"

#define M	  12  /* canvas margin */
#define G	  8   /* gap between items */
#define NAV_H	  60  /* navigation buttons, at least */
#define FIELD_H	  74  /* a one-line field: a body line + the inset */
#define LANG_W	  96  /* the compact language key */
#define PAGE_W	  64  /* the page keys */
#define BTN_PAD	  28  /* a button's label inset, both sides */
#define CHECK	  48  /* a statement's check box */
#define EDIT_W	  150 /* review: the edit button */
#define NUMPAD_W  230 /* landscape: the keypad beside the column */
#define MAX_ITEMS 48

struct kiosk_ui {
	struct ui_targets ts;			   /* this frame's */
	struct ui_field field[FLOW_VIEW_INPUTS];   /* the inputs' text */
	unsigned long field_key[FLOW_VIEW_INPUTS]; /* whose text */
	unsigned long screen;			   /* last screen's key */
	bool have_screen;			   /* laid out once */
	const char *last_error;			   /* to jump to it */
	int active;				   /* typed into, -1 */
	int pressed;				   /* under a finger, -1 */
	int page;				   /* page shown */
	int n_pages;				   /* pages */
	bool to_active;				   /* show its page */
	struct ui_keyboard kb;			   /* on screen */
	bool kb_on;				   /* shown */
	enum flow_keyboard kb_kind;		   /* of the input */
	enum ui_kb_layout kb_layout;		   /* page shown */
	bool kb_shift;				   /* one capital */
	bool kb_valid;				   /* kb is laid out */
	int item_page[FLOW_VIEW_INPUTS + 1];	   /* inputs', error's */
	char prog[16];				   /* "3/9" */
	char lang_code[4];			   /* compact label */
};

static const char *const tap_names[FLOW_TAP_COUNT] = {
    [FLOW_TAP_NONE] = "NONE",
    [FLOW_TAP_REQUEST] = "REQUEST",
    [FLOW_TAP_CHECK_STATUS] = "CHECK_STATUS",
    [FLOW_TAP_CALL] = "CALL",
    [FLOW_TAP_LANG] = "LANG",
    [FLOW_TAP_NEXT] = "NEXT",
    [FLOW_TAP_BACK] = "BACK",
    [FLOW_TAP_EDIT_FIELD] = "EDIT_FIELD",
    [FLOW_TAP_EDIT_ID] = "EDIT_ID",
    [FLOW_TAP_CHOICE] = "CHOICE",
    [FLOW_TAP_CONSENT] = "CONSENT",
    [FLOW_TAP_TRUTH] = "TRUTH",
    [FLOW_TAP_SUBMIT] = "SUBMIT",
    [FLOW_TAP_LOOKUP] = "LOOKUP",
    [FLOW_TAP_CALL_PICKUP] = "CALL_PICKUP",
    [FLOW_TAP_MORE_TIME] = "MORE_TIME",
    [FLOW_TAP_FINISH] = "FINISH",
};

static const char *const input_names[FLOW_INPUT_COUNT] = {
    [FLOW_INPUT_FIELD] = "INPUT_FIELD",
    [FLOW_INPUT_ID] = "INPUT_ID",
    [FLOW_INPUT_REGNO] = "INPUT_REGNO",
    [FLOW_INPUT_LAST4] = "INPUT_LAST4",
};

const char *kiosk_ui_tap_name(enum flow_tap t)
{
	return (unsigned)t < FLOW_TAP_COUNT ? tap_names[t] : "?";
}

struct kiosk_ui *kiosk_ui_new(void)
{
	struct kiosk_ui *u = calloc(1, sizeof(*u));

	if (!u) {
		errno = ENOMEM;
		return NULL;
	}
	ui_targets_init(&u->ts);
	for (int i = 0; i < FLOW_VIEW_INPUTS; i++)
		ui_field_init(&u->field[i], 1, false);
	u->active = -1;
	u->pressed = -1;
	return u;
}

void kiosk_ui_wipe(struct kiosk_ui *u)
{
	if (!u)
		return;
	for (int i = 0; i < FLOW_VIEW_INPUTS; i++) {
		ui_field_wipe(&u->field[i]);
		u->field_key[i] = 0;
	}
	u->have_screen = false;
	u->last_error = NULL;
}

int kiosk_ui_memory_holds(const struct kiosk_ui *u, const char *needle)
{
	return memmem(u, sizeof(*u), needle, strlen(needle)) != NULL;
}

void kiosk_ui_free(struct kiosk_ui *u)
{
	if (!u)
		return;
	kiosk_ui_wipe(u);
	explicit_bzero(u, sizeof(*u));
	free(u);
}

const struct ui_targets *kiosk_ui_targets(const struct kiosk_ui *u)
{
	return &u->ts;
}

const struct flow_view_button *kiosk_ui_button(const struct flow_view *v,
					       int id)
{
	return id >= 0 && id < v->n_buttons ? &v->buttons[id] : NULL;
}

/* ---- measuring ---------------------------------------------------------- */

struct lay {
	struct kiosk_ui *u;	   /* the UI */
	const struct flow_view *v; /* what to show */
	const struct ui_scale *sc; /* at what size */
	struct ui_textcache *tc;   /* measures */
	struct ui_cmdlist *l;	   /* output */
	int err;		   /* something failed */
	int w, h;		   /* canvas, units */
	bool compact;		   /* landscape with a full-width keyboard */
	int large_cap;		   /* LARGE lines at most this size */
};

/* Canvas pixels to design units, rounded up with a unit to spare. */
static int units_up(const struct ui_scale *sc, int px)
{
	return (px * UI_DESIGN_SHORT + sc->short_px - 1) / sc->short_px + 1;
}

static int text_w(struct lay *L, const char *s, int size,
		  enum ui_font_style font)
{
	int w = 0;

	if (!s || !*s)
		return 0;
	if (ui_textcache_measure(L->tc, font, ui_scale_px(L->sc, size), s,
				 strlen(s), &w, NULL) != 0) {
		L->err = 1;
		return 0;
	}
	return units_up(L->sc, w);
}

/* The height of @p s wrapped in a box at x with width w (units). */
static int text_h(struct lay *L, int x, int w, const char *s, int size,
		  enum ui_font_style font)
{
	static struct ui_text_line lines[UI_TEXT_MAX_LINES];
	SDL_Rect px = ui_scale_rect(L->sc, (SDL_Rect){x, 0, w, 100});
	int spx = ui_scale_px(L->sc, size), cut = 0, n = 1;
	TTF_Font *f = ui_fonts_get(ui_textcache_fonts(L->tc), font, spx);

	if (!f) {
		L->err = 1;
		return 0;
	}
	if (s && *s) {
		n = ui_textcache_lines(L->tc, font, spx, s, strlen(s), px.w,
				       lines, UI_TEXT_MAX_LINES, &cut);
		if (n < 0) {
			L->err = 1;
			n = 1;
		}
		if (n < 1)
			n = 1;
	}
	return units_up(L->sc,
			(n - 1) * TTF_FontLineSkip(f) + TTF_FontHeight(f));
}

/* ---- drawing ------------------------------------------------------------- */

static void text(struct lay *L, SDL_Rect box, const char *s, int size,
		 enum ui_font_style font, enum ui_color color,
		 enum ui_align align, unsigned flags)
{
	struct ui_text_style st = {
	    .size = size,
	    .font = font,
	    .color = color,
	    .align = align,
	    .valign = UI_ALIGN_CENTER,
	    .flags = flags,
	};

	if (s && *s && ui_cmd_text(L->l, box, s, &st) != 0)
		L->err = 1;
}

static void target(struct lay *L, int id, SDL_Rect box)
{
	if (ui_targets_add(&L->u->ts, id, box) != 0)
		L->err = 1;
}

static bool focused(struct lay *L, int id)
{
	return L->u->ts.focus == id;
}

static void button(struct lay *L, int id, SDL_Rect box, const char *label,
		   enum ui_button_kind kind, bool symbol)
{
	struct ui_button b = {
	    .box = box,
	    .label = label,
	    .kind = kind,
	    .symbol = symbol,
	    .focused = focused(L, id),
	    .pressed = L->u->pressed == id,
	};

	if (ui_button_draw(&b, L->l) != 0)
		L->err = 1;
	target(L, id, box);
}

static enum ui_button_kind kind_of(const struct flow_view_button *b)
{
	if (b->selected)
		return UI_BUTTON_SELECTED;
	return b->primary ? UI_BUTTON_PRIMARY : UI_BUTTON_SECONDARY;
}

/* ---- what goes where -------------------------------------------------------- */

static bool is_content(const struct flow_view *v,
		       const struct flow_view_button *b)
{
	switch (b->tap) {
	case FLOW_TAP_REQUEST:
	case FLOW_TAP_CHECK_STATUS:
	case FLOW_TAP_CHOICE:
	case FLOW_TAP_EDIT_FIELD:
	case FLOW_TAP_EDIT_ID:
	case FLOW_TAP_CONSENT:
	case FLOW_TAP_TRUTH:
		return true;
	case FLOW_TAP_CALL:
		return v->scene == FLOW_SCENE_WELCOME;
	default:
		return false;
	}
}

static int find_tap(const struct flow_view *v, enum flow_tap t)
{
	for (int i = 0; i < v->n_buttons; i++)
		if (v->buttons[i].tap == t)
			return i;
	return -1;
}

static int primary_button(const struct flow_view *v)
{
	for (int i = 0; i < v->n_buttons; i++)
		if (v->buttons[i].primary && !is_content(v, &v->buttons[i]))
			return i;
	return -1;
}

static enum ui_kb_layout kb_layout_of(enum flow_keyboard k)
{
	switch (k) {
	case FLOW_KB_NUMERIC:
		return UI_KB_NUMPAD;
	case FLOW_KB_PHONE:
		return UI_KB_PHONE;
	default:
		return UI_KB_LETTERS;
	}
}

/* The two numbers of "Pertanyaan 3 dari 9" / "Question 3 of 9".
 * @return 2 when both were found. */
static int progress_nums(const char *p, int *done, int *total)
{
	char *end;
	int n = 0;

	*done = *total = 0;
	for (; p && *p && n < 2; p++) {
		if (*p < '0' || *p > '9')
			continue;
		long x = strtol(p, &end, 10);

		if (n++ == 0)
			*done = (int)x;
		else
			*total = (int)x;
		p = end - 1;
	}
	return n;
}

/* One number per screen: a new one resets the page, focus and keyboard. */
static unsigned long screen_key(const struct flow_view *v)
{
	unsigned long k =
	    (unsigned long)v->scene * 31u + (unsigned long)v->under;

	int done, total;

	progress_nums(v->progress, &done, &total);
	k = k * 31u + (unsigned long)done;
	for (int i = 0; i < v->n_inputs; i++)
		k = k * 31u + (unsigned long)v->inputs[i].input + 1u;
	return k * 31u + (unsigned long)v->n_inputs;
}

/* Bring the fields in line with the flow, which owns the values. */
static void sync_fields(struct kiosk_ui *u, const struct flow_view *v,
			unsigned long screen)
{
	for (int i = 0; i < v->n_inputs; i++) {
		const struct flow_view_input *in = &v->inputs[i];
		unsigned long key = screen * 7u + (unsigned long)i + 1u;
		struct ui_field *f = &u->field[i];
		size_t max = in->max_chars;

		if (max < 1)
			max = 1;
		if (max > UI_FIELD_MAX_CHARS)
			max = UI_FIELD_MAX_CHARS;
		if (u->field_key[i] != key) {
			ui_field_wipe(f);
			ui_field_init(f, max, in->multiline);
			u->field_key[i] = key;
		}
		if (strcmp(ui_field_text(f), in->value ? in->value : "") != 0 &&
		    ui_field_set(f, in->value ? in->value : "") != 0)
			ui_field_wipe(f);
	}
}

static void new_screen(struct kiosk_ui *u, const struct flow_view *v)
{
	int p = primary_button(v);

	u->page = 0;
	u->pressed = -1;
	u->active = v->n_inputs > 0 ? 0 : -1;
	u->to_active = true;
	u->kb_kind = FLOW_KB_NONE;
	u->kb_shift = false;
	u->kb_valid = false;
	if (u->active >= 0)
		ui_targets_set_focus(&u->ts, KIOSK_UI_ID_INPUT);
	else
		ui_targets_set_focus(&u->ts, p >= 0 ? p : 0);
}

/* ---- the title bar -------------------------------------------------------------- */

static bool has_warning(const struct flow_view *v)
{
	for (int i = 0; i < v->n_lines; i++)
		if (v->lines[i].style == FLOW_LINE_WARNING)
			return true;
	return false;
}

static int title_bar(struct lay *L)
{
	const struct flow_view *v = L->v;
	int lang = find_tap(v, FLOW_TAP_LANG), done = 0, total = 0;
	const char *lang_label = lang >= 0 ? v->buttons[lang].label : NULL;
	int lw = lang >= 0 ? text_w(L, lang_label, UI_TEXT_BODY, UI_FONT_BOLD) +
				 BTN_PAD
			   : 0;
	const char *progress = v->progress;
	int pw;
	const char *title = v->title ? v->title : "";
	enum ui_color tcol = UI_COLOR_TEXT;
	int sizes[] = {UI_TEXT_TITLE, UI_TEXT_LARGE, UI_TEXT_BODY};
	int size = UI_TEXT_BODY, tw, th, bar_h, x;
	unsigned flags = 0;
	bool below = false; /* the progress on a row of its own */

	if (progress && L->compact &&
	    progress_nums(progress, &done, &total) == 2) {
		/* Short of room: "3/9". */
		snprintf(L->u->prog, sizeof(L->u->prog), "%d/%d", done, total);
		progress = L->u->prog;
	}
	pw = progress ? text_w(L, progress, UI_TEXT_BODY, UI_FONT_REGULAR) : 0;

	/* Short of room (a keyboard): the error takes the title's place. */
	if (L->compact && v->error) {
		title = v->error;
		tcol = UI_COLOR_DANGER;
	}
	tw = L->w - 2 * M - (lang >= 0 ? lw + G : 0) - (pw ? pw + G : 0);
	if (lang >= 0 &&
	    (L->compact || text_w(L, title, UI_TEXT_BODY, UI_FONT_BOLD) > tw)) {
		/* The compact key: the other language's code. */
		snprintf(L->u->lang_code, sizeof(L->u->lang_code), "%s",
			 v->lang == LANG_EN ? "ID" : "EN");
		lang_label = L->u->lang_code;
		lw = LANG_W;
		tw = L->w - 2 * M - lw - G - (pw ? pw + G : 0);
	}
	if (L->compact && pw &&
	    text_w(L, title, UI_TEXT_BODY, UI_FONT_BOLD) > tw) {
		/* Typing, short of room: the title before the progress. */
		tw += pw + G;
		pw = 0;
	}
	if (pw && tw < (L->w - 2 * M) / 2) {
		/* Narrow (portrait): the progress goes under the title. */
		below = true;
		tw += pw + G;
	}
	th = 0;
	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		size = sizes[i];
		if (text_w(L, title, size, UI_FONT_BOLD) <= tw) {
			th = text_h(L, M, tw, title, size, UI_FONT_BOLD);
			break;
		}
	}
	if (!th) {
		/* Typing across a landscape canvas leaves one line; so does
		 * the home screen with a warning (the choices and the
		 * warning come before the office's full name). */
		bool one = L->compact ||
			   (v->scene == FLOW_SCENE_WELCOME && has_warning(v));

		size = UI_TEXT_BODY;
		flags = one ? UI_TEXT_ELLIPSIS : UI_TEXT_WRAP;
		th = text_h(L, M, tw, one ? "A" : title, size, UI_FONT_BOLD);
	}
	bar_h = th > 56 ? th : 56;
	text(L, (SDL_Rect){M, M, tw, bar_h}, title, size, UI_FONT_BOLD, tcol,
	     UI_ALIGN_START, flags);
	x = M + tw + G;
	if (pw && !below) {
		text(L, (SDL_Rect){x, M, pw, bar_h}, progress, UI_TEXT_BODY,
		     UI_FONT_REGULAR, UI_COLOR_TEXT_MUTED, UI_ALIGN_END, 0);
		x += pw + G;
	}
	if (lang >= 0)
		button(L, lang,
		       (SDL_Rect){L->w - M - lw, M + (bar_h - 56) / 2, lw, 56},
		       lang_label, UI_BUTTON_SECONDARY, false);
	if (below) {
		int y = M + bar_h + 4;
		int rh =
		    text_h(L, M, pw, progress, UI_TEXT_BODY, UI_FONT_REGULAR);

		text(L, (SDL_Rect){M, y, pw, rh}, progress, UI_TEXT_BODY,
		     UI_FONT_REGULAR, UI_COLOR_TEXT_MUTED, UI_ALIGN_START, 0);
		if (progress_nums(v->progress, &done, &total) == 2 &&
		    ui_progress_draw((SDL_Rect){M + pw + G, y + rh / 2 - 4,
						L->w - 2 * M - pw - G, 8},
				     done, total, L->l) != 0)
			L->err = 1;
		return y + rh + G;
	}
	if (v->progress && !L->compact &&
	    progress_nums(v->progress, &done, &total) == 2) {
		if (ui_progress_draw(
			(SDL_Rect){M, M + bar_h + 4, L->w - 2 * M, 8}, done,
			total, L->l) != 0)
			L->err = 1;
		return M + bar_h + 4 + 8 + G;
	}
	return M + bar_h + G;
}

/* ---- the navigation row ----------------------------------------------------- */

#define NAV_ROWS 6

struct nav {
	int ids[FLOW_VIEW_BUTTONS]; /* target ids, left to right */
	int n;			    /* how many */
	int w[FLOW_VIEW_BUTTONS];   /* widths */
	int row[FLOW_VIEW_BUTTONS]; /* which row */
	int row_h[NAV_ROWS];	    /* each row's height */
	int h;			    /* all rows */
};

static const char *nav_label(struct lay *L, int id)
{
	if (id == KIOSK_UI_ID_PAGE)
		return "\xe2\x96\xb2"; /* ▲ */
	if (id == KIOSK_UI_ID_PAGE + 1)
		return "\xe2\x96\xbc"; /* ▼ */
	if (id < 0 || id >= L->v->n_buttons || id >= FLOW_VIEW_BUTTONS)
		return "";
	return L->v->buttons[id].label;
}

static void page_key(struct lay *L, int id, SDL_Rect box)
{
	bool off = id == KIOSK_UI_ID_PAGE ? L->u->page == 0
					  : L->u->page >= L->u->n_pages - 1;
	struct ui_button b = {
	    .box = box,
	    .label = id == KIOSK_UI_ID_PAGE ? "\xe2\x96\xb2" : "\xe2\x96\xbc",
	    .kind = UI_BUTTON_SECONDARY,
	    .symbol = true,
	    .focused = L->u->ts.focus == id,
	    .pressed = L->u->pressed == id,
	    .disabled = off,
	};

	if (ui_button_draw(&b, L->l) != 0)
		L->err = 1;
	if (!off && ui_targets_add(&L->u->ts, id, box) != 0)
		L->err = 1;
}

static int natural_w(struct lay *L, int id)
{
	if (id >= KIOSK_UI_ID_PAGE)
		return PAGE_W;
	return text_w(L, nav_label(L, id), UI_TEXT_BODY, UI_FONT_BOLD) +
	       BTN_PAD;
}

/* Share @p avail among buttons [from, to) of one row. */
static int nav_row(struct lay *L, struct nav *nv, int from, int to, int avail,
		   int r)
{
	int total = 0, cap = 0, n = to - from, h = NAV_H;

	avail -= G * (n - 1);
	for (int i = from; i < to; i++) {
		nv->w[i] = natural_w(L, nv->ids[i]);
		nv->row[i] = r;
		total += nv->w[i];
		if (nv->w[i] > cap)
			cap = nv->w[i];
	}
	if (total <= avail) {
		/* Room to spare: every button but the page keys grows. */
		int grow = 0;

		for (int i = from; i < to; i++)
			grow += nv->ids[i] < KIOSK_UI_ID_PAGE;
		for (int i = from; i < to; i++)
			if (nv->ids[i] < KIOSK_UI_ID_PAGE && grow)
				nv->w[i] += (avail - total) / grow;
	} else {
		/* Too wide: the widest give way first (their labels wrap),
		 * the short ones keep their words whole. */
		while (cap > 0) {
			int sum = 0;

			for (int i = from; i < to; i++)
				sum += nv->w[i] < cap ? nv->w[i] : cap;
			if (sum <= avail)
				break;
			cap--;
		}
		for (int i = from; i < to; i++)
			if (nv->w[i] > cap)
				nv->w[i] = cap;
	}
	total = 0;
	for (int i = from; i < to; i++)
		total += nv->w[i];
	{
		int last = to - 1;

		while (last > from && nv->ids[last] >= KIOSK_UI_ID_PAGE)
			last--;
		nv->w[last] += avail - total;
	}
	for (int i = from; i < to; i++) {
		int bh =
		    text_h(L, 0, nv->w[i] - BTN_PAD, nav_label(L, nv->ids[i]),
			   UI_TEXT_BODY, UI_FONT_BOLD) +
		    12;

		if (bh > h)
			h = bh;
	}
	nv->row_h[r] = h;
	return cap;
}

static void nav_plan(struct lay *L, struct nav *nv, int avail, bool pages)
{
	const struct flow_view *v = L->v;
	int back = find_tap(v, FLOW_TAP_BACK), prim = primary_button(v);
	int from = 0, used = 0, rows = 0, split = 0, widest = 0;

	memset(nv, 0, sizeof(*nv));
	if (back >= 0)
		nv->ids[nv->n++] = back;
	for (int i = 0; i < v->n_buttons; i++)
		if (i != back && i != prim &&
		    v->buttons[i].tap != FLOW_TAP_LANG &&
		    !is_content(v, &v->buttons[i]))
			nv->ids[nv->n++] = i;
	if (prim >= 0 && prim != back)
		nv->ids[nv->n++] = prim;
	if (pages) {
		/* Portrait: the page keys around Back, a row of their own. */
		int at = back >= 0 ? 1 : 0;

		memmove(&nv->ids[2 + at], &nv->ids[at],
			(size_t)(nv->n - at) * sizeof(int));
		nv->ids[0] = KIOSK_UI_ID_PAGE;
		if (at)
			nv->ids[1] = back;
		nv->ids[1 + at] = KIOSK_UI_ID_PAGE + 1;
		nv->n += 2;
		split = 2 + at;
	}
	if (!nv->n)
		return;
	/* Landscape: one row, the longest labels on two lines, unless that
	 * squeezes a label too hard. */
	for (int i = 0; i < nv->n; i++)
		if (natural_w(L, nv->ids[i]) > widest)
			widest = natural_w(L, nv->ids[i]);
	if (L->w > L->h && !pages &&
	    nav_row(L, nv, 0, nv->n, avail, 0) >= widest * 2 / 3) {
		nv->h = nv->row_h[0];
		return;
	}
	/* Rows filled left to right at the labels' own widths; a row that
	 * is full starts the next (the primary action is last). */
	for (int i = 0; i <= nv->n; i++) {
		int w = i < nv->n ? natural_w(L, nv->ids[i]) : 0;
		bool end = i == nv->n || i == split ||
			   (i > from && used + G + w > avail);

		if (i > from && end && rows < NAV_ROWS - 1) {
			nav_row(L, nv, from, i, avail, rows++);
			from = i;
			used = 0;
		} else if (i == nv->n && i > from) {
			nav_row(L, nv, from, i, avail, rows++);
			from = i;
		}
		used += (used ? G : 0) + w;
	}
	nv->h = 0;
	for (int r = 0; r < rows; r++)
		nv->h += nv->row_h[r] + (r ? G : 0);
}

static void nav_draw(struct lay *L, const struct nav *nv, int x0, int y)
{
	int x = x0;

	for (int i = 0; i < nv->n; i++) {
		int id = nv->ids[i];

		if (i > 0 && nv->row[i] != nv->row[i - 1]) {
			x = x0;
			y += nv->row_h[nv->row[i - 1]] + G;
		}
		if (id >= KIOSK_UI_ID_PAGE)
			page_key(
			    L, id,
			    (SDL_Rect){x, y, nv->w[i], nv->row_h[nv->row[i]]});
		else
			button(
			    L, id,
			    (SDL_Rect){x, y, nv->w[i], nv->row_h[nv->row[i]]},
			    nav_label(L, id), kind_of(&L->v->buttons[id]),
			    false);
		x += nv->w[i] + G;
	}
}

/* The page keys: a tall pair at the column's right edge. */
static void page_keys(struct lay *L, int x, int y, int h)
{
	int kh = (h - G) / 2;

	for (int i = 0; i < 2; i++) {
		int id = KIOSK_UI_ID_PAGE + i;
		bool off =
		    i == 0 ? L->u->page == 0 : L->u->page >= L->u->n_pages - 1;
		struct ui_button b = {
		    .box = {x, y + i * (kh + G), PAGE_W, kh},
		    .label = nav_label(L, id),
		    .kind = UI_BUTTON_SECONDARY,
		    .symbol = true,
		    .focused = focused(L, id),
		    .pressed = L->u->pressed == id,
		    .disabled = off,
		};

		if (ui_button_draw(&b, L->l) != 0)
			L->err = 1;
		if (!off)
			target(L, id, b.box);
	}
}

/* ---- the column's items ------------------------------------------------------ */

enum item_kind {
	IT_LINE = 0,  /* a view line */
	IT_ERROR,     /* the screen's problem */
	IT_NOTICE,    /* a note */
	IT_INPUT,     /* a text input */
	IT_BUTTON,    /* a content button, full width */
	IT_TILES,     /* welcome: its large choices side by side */
	IT_ROW,	      /* review: an answer with its edit button */
	IT_TOGGLE,    /* a statement to tick */
	IT_STATEMENT, /* its words above it, when too long for the box */
};

struct item {
	enum item_kind k;  /* what */
	int a;		   /* line / input / button index */
	int b;		   /* ROW: its button; TILES: how many */
	int h;		   /* height, units */
	int size;	   /* LINE: text size */
	bool inline_label; /* LINE, INPUT: the label left of the value */
	int tile_h[4];	   /* TILES: each row's height */
	int page;	   /* where it goes */
};

struct column {
	struct item it[MAX_ITEMS]; /* top to bottom */
	int n;			   /* how many */
	int x, w;		   /* units */
	bool landscape;		   /* the canvas is wider than high */
	int tiles[4];		   /* TILES: button indexes */
};

static void add_item(struct column *c, enum item_kind k, int a, int b)
{
	if (c->n < MAX_ITEMS)
		c->it[c->n++] = (struct item){.k = k, .a = a, .b = b};
}

/* Tiles: stacked in portrait; in landscape the first (the main one) alone
 * and the others side by side under it. */
static int tile_row(const struct column *c, const struct item *it, int i)
{
	(void)c;
	(void)it;
	return c->landscape ? (i > 0) : i;
}

static SDL_Rect tile_box(const struct column *c, const struct item *it, int i,
			 int y)
{
	int row = tile_row(c, it, i), x = c->x, w = c->w;

	for (int r = 0; r < row; r++)
		y += it->tile_h[r] + G;
	if (c->landscape && i > 0) {
		int n = it->b - 1;

		w = (c->w - G * (n - 1)) / n;
		x = c->x + (i - 1) * (w + G);
	}
	return (SDL_Rect){x, y, w, it->tile_h[row]};
}

static int line_h(struct lay *L, const struct column *c, struct item *it,
		  int page_h)
{
	const struct flow_view_line *ln = &L->v->lines[it->a];
	int lw =
	    ln->label ? text_w(L, ln->label, UI_TEXT_BODY, UI_FONT_REGULAR) : 0;
	int h = 0, sizes[] = {UI_TEXT_HUGE, UI_TEXT_TITLE, UI_TEXT_LARGE};

	it->size = UI_TEXT_BODY;
	if (ln->style == FLOW_LINE_LARGE) {
		int lh = lw ? text_h(L, c->x, c->w, ln->label, UI_TEXT_BODY,
				     UI_FONT_REGULAR)
			    : 0;

		/* As large as fits, on one line, on the page. */
		for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++)
			if (sizes[i] <= L->large_cap &&
			    text_w(L, ln->value, sizes[i], UI_FONT_BOLD) <=
				c->w &&
			    lh + text_h(L, c->x, c->w, ln->value, sizes[i],
					UI_FONT_BOLD) <=
				page_h) {
				it->size = sizes[i];
				break;
			}
		h = it->size > UI_TEXT_BODY
			? text_h(L, c->x, c->w, ln->value, it->size,
				 UI_FONT_BOLD)
			: text_h(L, c->x, c->w, ln->value, UI_TEXT_BODY,
				 UI_FONT_BOLD);
		return h + (lw ? text_h(L, c->x, c->w, ln->label, UI_TEXT_BODY,
					UI_FONT_REGULAR)
			       : 0);
	}
	if (ln->style == FLOW_LINE_WARNING)
		return text_h(L, c->x + 12, c->w - 24, ln->value, UI_TEXT_BODY,
			      UI_FONT_BOLD) +
		       16;
	if (lw &&
	    lw + G + text_w(L, ln->value, UI_TEXT_BODY, UI_FONT_BOLD) <= c->w) {
		it->inline_label = true;
		return text_h(L, c->x, c->w, "Ag", UI_TEXT_BODY, UI_FONT_BOLD);
	}
	return text_h(L, c->x, c->w, ln->value, UI_TEXT_BODY,
		      ln->style == FLOW_LINE_SMALL ? UI_FONT_REGULAR
						   : UI_FONT_BOLD) +
	       (lw ? text_h(L, c->x, c->w, ln->label, UI_TEXT_BODY,
			    UI_FONT_REGULAR)
		   : 0);
}

/* Review: the edit button, as wide as its word. */
static int edit_w(struct lay *L, const struct item *it)
{
	int w = natural_w(L, it->b);

	return w < 100 ? 100 : w > EDIT_W ? EDIT_W : w;
}

static int counter_w(struct lay *L, const struct flow_view_input *in)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%zu/%zu", in->max_chars, in->max_chars);
	return text_w(L, buf, UI_TEXT_BODY, UI_FONT_REGULAR);
}

static bool shows_label(const struct flow_view *v,
			const struct flow_view_input *in)
{
	return in->label && (!v->title || strcmp(in->label, v->title) != 0);
}

static int field_h(struct lay *L, const struct flow_view_input *in, int page_h)
{
	int h;

	if (!in->multiline || L->compact)
		return FIELD_H;
	h = text_h(L, 0, 100, "A\nA\nA\nA", UI_TEXT_BODY, UI_FONT_REGULAR) + 24;
	if (h > page_h - 70)
		h = page_h - 70;
	return h < FIELD_H ? FIELD_H : h;
}

static int toggle_full_h(struct lay *L, const struct column *c, int b)
{
	int h = text_h(L, c->x + CHECK + 20, c->w - CHECK - 28,
		       L->v->buttons[b].label, UI_TEXT_BODY, UI_FONT_REGULAR) +
		16;

	return h < 64 ? 64 : h;
}

static int item_h(struct lay *L, struct column *c, struct item *it, int page_h)
{
	const struct flow_view *v = L->v;

	it->inline_label = false;
	memset(it->tile_h, 0, sizeof(it->tile_h));

	switch (it->k) {
	case IT_LINE:
		return line_h(L, c, it, page_h);
	case IT_ERROR:
		return text_h(L, c->x, c->w, v->error, UI_TEXT_BODY,
			      UI_FONT_BOLD);
	case IT_NOTICE:
		return text_h(L, c->x + 12, c->w - 24, v->notice, UI_TEXT_BODY,
			      UI_FONT_REGULAR) +
		       16;
	case IT_INPUT: {
		const struct flow_view_input *in = &v->inputs[it->a];
		int h = field_h(L, in, page_h);

		if (!shows_label(v, in))
			return h;
		if (L->compact) {
			it->inline_label = true;
			return h;
		}
		return h + text_h(L, c->x, c->w, in->label, UI_TEXT_BODY,
				  UI_FONT_REGULAR);
	}
	case IT_BUTTON: {
		int h = text_h(L, c->x, c->w - BTN_PAD, v->buttons[it->a].label,
			       UI_TEXT_BODY, UI_FONT_BOLD) +
			16;

		return h < 64 ? 64 : h;
	}
	case IT_TILES: {
		int h = 0;

		for (int i = 0; i < it->b; i++) {
			SDL_Rect r = tile_box(c, it, i, 0);
			int th = text_h(L, r.x, r.w - BTN_PAD,
					v->buttons[c->tiles[i]].label,
					UI_TEXT_BODY, UI_FONT_BOLD) +
				 16;

			if (th < 74)
				th = 74;
			it->tile_h[tile_row(c, it, i)] =
			    th > it->tile_h[tile_row(c, it, i)]
				? th
				: it->tile_h[tile_row(c, it, i)];
		}
		for (int r = 0; r < 4; r++)
			h += it->tile_h[r] ? it->tile_h[r] + (h ? G : 0) : 0;
		return h;
	}
	case IT_ROW: {
		const struct flow_view_line *ln = &v->lines[it->a];
		int tw = c->w - edit_w(L, it) - G, h;

		if (ln->label &&
		    text_w(L, ln->label, UI_TEXT_BODY, UI_FONT_REGULAR) + G +
			    text_w(L, ln->value, UI_TEXT_BODY, UI_FONT_BOLD) <=
			tw) {
			it->inline_label = true;
			return 64;
		}
		h = text_h(L, c->x, tw, ln->label ? ln->label : "",
			   UI_TEXT_BODY, UI_FONT_REGULAR) +
		    text_h(L, c->x, tw, ln->value, UI_TEXT_BODY, UI_FONT_BOLD);
		return h < 64 ? 64 : h;
	}
	case IT_STATEMENT:
		if (toggle_full_h(L, c, it->a) <= page_h)
			return 0;
		return text_h(L, c->x, c->w, v->buttons[it->a].label,
			      UI_TEXT_BODY, UI_FONT_REGULAR);
	case IT_TOGGLE:
		if (toggle_full_h(L, c, it->a) > page_h) {
			/* The words are above: one line here, cut. */
			it->inline_label = true;
			return 72;
		}
		return toggle_full_h(L, c, it->a);
	}
	return 0;
}

static void build_items(struct lay *L, struct column *c, bool drop_small)
{
	const struct flow_view *v = L->v;
	int line_of_button[FLOW_VIEW_BUTTONS];
	int li = 0, nt = 0;
	/* Welcome: hours and "free of charge" before the hint. */
	bool body_last = v->scene == FLOW_SCENE_WELCOME;

	c->n = 0;
	if (L->compact) {
		/* A keyboard across a landscape canvas leaves room for the
		 * input being typed into only (the error is in the title's
		 * place; Enter goes on to the next input). */
		add_item(c, IT_INPUT, L->u->active, 0);
		return;
	}
	/* The lines in the view's order; on the welcome screen the warning
	 * first and the hint last. */
	for (int i = 0; body_last && i < v->n_lines; i++)
		if (v->lines[i].style == FLOW_LINE_WARNING)
			add_item(c, IT_LINE, i, 0);
	/* Review: the answers, each with its edit button. */
	for (int i = 0; i < v->n_buttons; i++) {
		line_of_button[i] = -1;
		if (v->buttons[i].tap == FLOW_TAP_EDIT_FIELD ||
		    v->buttons[i].tap == FLOW_TAP_EDIT_ID) {
			while (li < v->n_lines &&
			       v->lines[li].style == FLOW_LINE_WARNING)
				li++;
			if (li < v->n_lines)
				line_of_button[i] = li++;
		}
	}
	for (int i = 0; i < v->n_lines; i++) {
		bool paired = false;

		for (int b = 0; b < v->n_buttons; b++)
			if (line_of_button[b] == i) {
				add_item(c, IT_ROW, i, b);
				paired = true;
			}
		if (!paired && !body_last &&
		    v->lines[i].style != FLOW_LINE_SMALL)
			add_item(c, IT_LINE, i, 0);
	}
	for (int i = 0; i < v->n_inputs; i++)
		add_item(c, IT_INPUT, i, 0);
	if (v->error && !L->compact)
		add_item(c, IT_ERROR, 0, 0);
	if (v->notice)
		add_item(c, IT_NOTICE, 0, 0);
	for (int i = 0; i < v->n_buttons; i++) {
		const struct flow_view_button *b = &v->buttons[i];

		if (!is_content(v, b) || b->tap == FLOW_TAP_EDIT_FIELD ||
		    b->tap == FLOW_TAP_EDIT_ID)
			continue;
		if (b->toggle) {
			add_item(c, IT_STATEMENT, i, 0);
			add_item(c, IT_TOGGLE, i, 0);
		} else if (v->scene == FLOW_SCENE_WELCOME && nt < 4)
			c->tiles[nt++] = i;
		else
			add_item(c, IT_BUTTON, i, 0);
	}
	if (nt) {
		/* The tiles go after the warnings, before the rest. */
		int at = 0;

		/* The choices first, whatever else the screen says. */
		if (c->n < MAX_ITEMS) {
			memmove(&c->it[at + 1], &c->it[at],
				(size_t)(c->n - at) * sizeof(c->it[0]));
			c->it[at] = (struct item){.k = IT_TILES, .b = nt};
			c->n++;
		}
	}
	if (!drop_small)
		for (int i = 0; i < v->n_lines; i++)
			if (v->lines[i].style == FLOW_LINE_SMALL)
				add_item(c, IT_LINE, i, 0);
	for (int i = 0; body_last && i < v->n_lines; i++)
		if (v->lines[i].style == FLOW_LINE_BODY ||
		    v->lines[i].style == FLOW_LINE_LARGE)
			add_item(c, IT_LINE, i, 0);
}

/* Pages: items in order, a new page when the next one does not fit. */
static int paginate(struct lay *L, struct column *c, int page_h)
{
	int y = 0, page = 0;

	for (int i = 0; i < c->n; i++) {
		struct item *it = &c->it[i];

		it->h = item_h(L, c, it, page_h);
		/* An instruction longer than a page (a narrow canvas with
		 * the keyboard up) is left out rather than cut. */
		if (it->h > page_h && it->k == IT_LINE &&
		    L->v->lines[it->a].style != FLOW_LINE_WARNING &&
		    L->v->lines[it->a].style != FLOW_LINE_LARGE)
			it->h = 0;
		if (it->h > page_h)
			it->h = page_h;
		if (it->h == 0) {
			it->page = page;
			continue;
		}
		if (y > 0 && y + it->h > page_h) {
			page++;
			y = 0;
		}
		it->page = page;
		y += it->h + G;
	}
	return page + 1;
}

static void draw_line(struct lay *L, const struct column *c,
		      const struct item *it, int y)
{
	const struct flow_view_line *ln = &L->v->lines[it->a];
	SDL_Rect box = {c->x, y, c->w, it->h};
	int lh;

	if (ln->style == FLOW_LINE_WARNING) {
		if (ui_cmd_rect(L->l, box, UI_COLOR_DANGER, 8) != 0)
			L->err = 1;
		text(L, (SDL_Rect){c->x + 12, y + 8, c->w - 24, it->h - 16},
		     ln->value, UI_TEXT_BODY, UI_FONT_BOLD, UI_COLOR_ON_DANGER,
		     UI_ALIGN_START, UI_TEXT_WRAP);
		return;
	}
	if (it->inline_label) {
		int lw = text_w(L, ln->label, UI_TEXT_BODY, UI_FONT_REGULAR);

		text(L, (SDL_Rect){c->x, y, lw, it->h}, ln->label, UI_TEXT_BODY,
		     UI_FONT_REGULAR, UI_COLOR_TEXT_MUTED, UI_ALIGN_START, 0);
		text(L, (SDL_Rect){c->x + lw + G, y, c->w - lw - G, it->h},
		     ln->value, UI_TEXT_BODY, UI_FONT_BOLD, UI_COLOR_TEXT,
		     UI_ALIGN_START, 0);
		return;
	}
	lh = ln->label ? text_h(L, c->x, c->w, ln->label, UI_TEXT_BODY,
				UI_FONT_REGULAR)
		       : 0;
	if (lh)
		text(L, (SDL_Rect){c->x, y, c->w, lh}, ln->label, UI_TEXT_BODY,
		     UI_FONT_REGULAR, UI_COLOR_TEXT_MUTED, UI_ALIGN_START,
		     UI_TEXT_WRAP);
	if (ln->style == FLOW_LINE_LARGE)
		text(L, (SDL_Rect){c->x, y + lh, c->w, it->h - lh}, ln->value,
		     it->size, UI_FONT_BOLD, UI_COLOR_PRIMARY, UI_ALIGN_START,
		     UI_TEXT_WRAP);
	else
		text(L, (SDL_Rect){c->x, y + lh, c->w, it->h - lh}, ln->value,
		     UI_TEXT_BODY,
		     ln->style == FLOW_LINE_SMALL ? UI_FONT_REGULAR
						  : UI_FONT_BOLD,
		     ln->style == FLOW_LINE_SMALL ? UI_COLOR_TEXT_MUTED
						  : UI_COLOR_TEXT,
		     UI_ALIGN_START, UI_TEXT_WRAP);
}

static void draw_input(struct lay *L, const struct column *c,
		       const struct item *it, int y)
{
	const struct flow_view_input *in = &L->v->inputs[it->a];
	struct ui_field *f = &L->u->field[it->a];
	int id = KIOSK_UI_ID_INPUT + it->a, x = c->x, w = c->w;
	int cw = counter_w(L, in), fh = it->h;
	bool active = L->u->active == it->a;
	SDL_Rect box;

	if (shows_label(L->v, in)) {
		if (it->inline_label) {
			int lw =
			    text_w(L, in->label, UI_TEXT_BODY, UI_FONT_REGULAR);

			text(L, (SDL_Rect){x, y, lw, it->h}, in->label,
			     UI_TEXT_BODY, UI_FONT_REGULAR, UI_COLOR_TEXT_MUTED,
			     UI_ALIGN_START, 0);
			x += lw + G;
			w -= lw + G;
		} else {
			int lh = text_h(L, c->x, c->w, in->label, UI_TEXT_BODY,
					UI_FONT_REGULAR);

			text(L, (SDL_Rect){x, y, w, lh}, in->label,
			     UI_TEXT_BODY, UI_FONT_REGULAR, UI_COLOR_TEXT_MUTED,
			     UI_ALIGN_START, UI_TEXT_WRAP);
			y += lh;
			fh -= lh;
		}
	}
	box = (SDL_Rect){x, y, w - cw - G, fh};
	if (active) {
		if (ui_field_draw(f, box, true, NULL, L->l) != 0)
			L->err = 1;
	} else {
		/* Not being typed into: a plain box, a long text cut. */
		if (ui_cmd_rect(L->l, box, UI_COLOR_SURFACE, 0) != 0 ||
		    ui_cmd_frame(L->l, box,
				 focused(L, id) ? UI_COLOR_FOCUS
						: UI_COLOR_BORDER,
				 focused(L, id) ? UI_FOCUS_RING : 2) != 0)
			L->err = 1;
		text(
		    L,
		    ui_field_text_box((SDL_Rect){box.x, box.y, box.w, FIELD_H}),
		    ui_field_text(f), UI_TEXT_BODY, UI_FONT_REGULAR,
		    UI_COLOR_TEXT, UI_ALIGN_START, UI_TEXT_ELLIPSIS);
	}
	target(L, id, box);
	if (ui_field_draw_counter(f, (SDL_Rect){x + w - cw, y, cw, FIELD_H},
				  L->l) != 0)
		L->err = 1;
}

static void draw_toggle(struct lay *L, const struct column *c,
			const struct item *it, int y)
{
	const struct flow_view_button *b = &L->v->buttons[it->a];
	SDL_Rect box = {c->x, y, c->w, it->h};
	SDL_Rect check = {c->x + 12, y + (it->h - CHECK) / 2, CHECK, CHECK};

	if (ui_cmd_rect(L->l, box, UI_COLOR_SURFACE, 8) != 0 ||
	    ui_cmd_frame(L->l, box,
			 focused(L, it->a) ? UI_COLOR_FOCUS : UI_COLOR_BORDER,
			 focused(L, it->a) ? UI_FOCUS_RING : 2) != 0 ||
	    ui_cmd_rect(L->l, check,
			b->selected ? UI_COLOR_PRIMARY : UI_COLOR_SURFACE,
			6) != 0 ||
	    ui_cmd_frame(L->l, check, UI_COLOR_BORDER, 3) != 0)
		L->err = 1;
	if (b->selected)
		text(L, check, "\xe2\x9c\x93", UI_TEXT_BODY, UI_FONT_SYMBOL,
		     UI_COLOR_ON_PRIMARY, UI_ALIGN_CENTER, 0);
	text(
	    L,
	    (SDL_Rect){c->x + CHECK + 20, y + 8, c->w - CHECK - 28, it->h - 16},
	    b->label, UI_TEXT_BODY, UI_FONT_REGULAR, UI_COLOR_TEXT,
	    UI_ALIGN_START, it->inline_label ? UI_TEXT_ELLIPSIS : UI_TEXT_WRAP);
	target(L, it->a, box);
}

static void draw_item(struct lay *L, const struct column *c,
		      const struct item *it, int y)
{
	const struct flow_view *v = L->v;

	switch (it->k) {
	case IT_LINE:
		draw_line(L, c, it, y);
		break;
	case IT_ERROR:
		text(L, (SDL_Rect){c->x, y, c->w, it->h}, v->error,
		     UI_TEXT_BODY, UI_FONT_BOLD, UI_COLOR_DANGER,
		     UI_ALIGN_START, UI_TEXT_WRAP);
		break;
	case IT_NOTICE:
		if (ui_cmd_rect(L->l, (SDL_Rect){c->x, y, c->w, it->h},
				UI_COLOR_SURFACE, 8) != 0)
			L->err = 1;
		text(L, (SDL_Rect){c->x + 12, y + 8, c->w - 24, it->h - 16},
		     v->notice, UI_TEXT_BODY, UI_FONT_REGULAR, UI_COLOR_TEXT,
		     UI_ALIGN_START, UI_TEXT_WRAP);
		break;
	case IT_INPUT:
		draw_input(L, c, it, y);
		break;
	case IT_BUTTON:
		button(L, it->a, (SDL_Rect){c->x, y, c->w, it->h},
		       v->buttons[it->a].label, kind_of(&v->buttons[it->a]),
		       false);
		break;
	case IT_TILES:
		for (int i = 0; i < it->b; i++) {
			int b = c->tiles[i];

			button(L, b, tile_box(c, it, i, y), v->buttons[b].label,
			       kind_of(&v->buttons[b]), false);
		}
		break;
	case IT_ROW: {
		const struct flow_view_line *ln = &v->lines[it->a];
		int tw = c->w - edit_w(L, it) - G;
		int lh = text_h(L, c->x, tw, ln->label ? ln->label : "",
				UI_TEXT_BODY, UI_FONT_REGULAR);

		if (it->inline_label) {
			struct column one = {.x = c->x, .w = tw};

			draw_line(L, &one, it, y);
		} else {
			if (ln->label)
				text(L, (SDL_Rect){c->x, y, tw, lh}, ln->label,
				     UI_TEXT_BODY, UI_FONT_REGULAR,
				     UI_COLOR_TEXT_MUTED, UI_ALIGN_START,
				     UI_TEXT_WRAP);
			text(L, (SDL_Rect){c->x, y + lh, tw, it->h - lh},
			     ln->value, UI_TEXT_BODY, UI_FONT_BOLD,
			     UI_COLOR_TEXT, UI_ALIGN_START, UI_TEXT_WRAP);
		}
		button(L, it->b,
		       (SDL_Rect){c->x + c->w - edit_w(L, it),
				  y + (it->h - 60) / 2, edit_w(L, it), 60},
		       v->buttons[it->b].label, UI_BUTTON_SECONDARY, false);
		break;
	}
	case IT_TOGGLE:
		draw_toggle(L, c, it, y);
		break;
	case IT_STATEMENT:
		text(L, (SDL_Rect){c->x, y, c->w, it->h},
		     v->buttons[it->a].label, UI_TEXT_BODY, UI_FONT_REGULAR,
		     UI_COLOR_TEXT, UI_ALIGN_START, UI_TEXT_WRAP);
		break;
	}
}

/* ---- the screen ------------------------------------------------------------------ */

static int layout_idle_dialog(struct lay *L);

/* The idle question: a card over the dimmed screen, its button large. */
static int layout_idle(struct lay *L)
{
	const struct flow_view *v = L->v;
	int w = L->w - 4 * M > 640 ? 640 : L->w - 4 * M;
	int x = (L->w - w) / 2, iw = w - 48, h = 24, y, th, mh, bh = 0;
	const char *msg = v->n_lines ? v->lines[0].value : NULL;

	th = text_h(L, x + 24, iw, v->title, UI_TEXT_LARGE, UI_FONT_BOLD);
	mh =
	    msg ? text_h(L, x + 24, iw, msg, UI_TEXT_BODY, UI_FONT_REGULAR) : 0;
	for (int i = 0; i < v->n_buttons; i++) {
		int b = text_h(L, x + 24, iw - BTN_PAD, v->buttons[i].label,
			       UI_TEXT_BODY, UI_FONT_BOLD) +
			16;

		bh += (b < 72 ? 72 : b) + G;
	}
	h += th + G + mh + 2 * G + bh + 16;
	y = (L->h - h) / 2;
	if (y < M)
		return layout_idle_dialog(L);
	if (ui_cmd_rect(L->l, (SDL_Rect){0, 0, L->w, L->h}, UI_COLOR_BG, 0) !=
		0 ||
	    ui_cmd_rect(L->l, (SDL_Rect){x, y, w, h}, UI_COLOR_SURFACE, 16) !=
		0 ||
	    ui_cmd_frame(L->l, (SDL_Rect){x, y, w, h}, UI_COLOR_BORDER, 2) != 0)
		L->err = 1;
	y += 24;
	text(L, (SDL_Rect){x + 24, y, iw, th}, v->title, UI_TEXT_LARGE,
	     UI_FONT_BOLD, UI_COLOR_TEXT, UI_ALIGN_START, UI_TEXT_WRAP);
	y += th + G;
	text(L, (SDL_Rect){x + 24, y, iw, mh}, msg, UI_TEXT_BODY,
	     UI_FONT_REGULAR, UI_COLOR_TEXT, UI_ALIGN_START, UI_TEXT_WRAP);
	y += mh + 2 * G;
	for (int i = 0; i < v->n_buttons; i++) {
		int b = text_h(L, x + 24, iw - BTN_PAD, v->buttons[i].label,
			       UI_TEXT_BODY, UI_FONT_BOLD) +
			16;

		b = b < 72 ? 72 : b;
		button(L, i, (SDL_Rect){x + 24, y, iw, b}, v->buttons[i].label,
		       kind_of(&v->buttons[i]), false);
		y += b + G;
	}
	return L->err ? -1 : 0;
}

static int layout_idle_dialog(struct lay *L)
{
	const struct flow_view *v = L->v;
	struct ui_dialog d = {
	    .title = v->title,
	    .message = v->n_lines ? v->lines[0].value : NULL,
	    .first_id = 0,
	    .focused = -1,
	    .primary = 0,
	};

	for (int i = 0; i < v->n_buttons && i < UI_DIALOG_MAX_BUTTONS; i++) {
		d.buttons[d.n_buttons++] = v->buttons[i].label;
		if (focused(L, i))
			d.focused = i;
	}
	if (ui_dialog_draw(&d, L->sc, L->l) != 0 ||
	    ui_dialog_targets(&d, L->sc, &L->u->ts) != 0)
		L->err = 1;
	return L->err ? -1 : 0;
}

int kiosk_ui_layout(struct kiosk_ui *u, const struct flow_view *v,
		    const struct ui_scale *sc, struct ui_textcache *tc,
		    struct ui_cmdlist *l)
{
	struct lay L = {.u = u, .v = v, .sc = sc, .tc = tc, .l = l};
	static struct column c;
	unsigned long screen = screen_key(v);
	int top, bottom, x1, page_h, pages;
	struct nav nv = {.n = 0};
	SDL_Rect kb_area = {0, 0, 0, 0};

	L.w = sc->design_w;
	L.h = sc->design_h;
	ui_cmdlist_clear(l);
	ui_targets_clear(&u->ts);
	if (!u->have_screen || u->screen != screen) {
		new_screen(u, v);
		u->screen = screen;
		u->have_screen = true;
	}
	sync_fields(u, v, screen);
	if (u->active >= v->n_inputs)
		u->active = v->n_inputs ? 0 : -1;
	if (v->error && v->error != u->last_error)
		u->to_active = true;
	u->last_error = v->error;
	if (v->scene == FLOW_SCENE_IDLE) {
		u->kb_on = false;
		u->n_pages = 1;
		return layout_idle(&L);
	}

	/* The keyboard of the input being typed into, and the row of
	 * navigation buttons above it (or at the bottom). */
	u->kb_on = u->active >= 0 && v->inputs[u->active].kb != FLOW_KB_NONE;
	if (u->kb_on) {
		enum ui_kb_layout k = kb_layout_of(v->inputs[u->active].kb);

		/* Letters across a landscape canvas: the compact layout. */
		L.compact = L.w > L.h && k == UI_KB_LETTERS;
	}
	top = title_bar(&L);
	x1 = L.w - M;
	bottom = L.h - M;
	nav_plan(&L, &nv, L.w - 2 * M, false);
	if (u->kb_on) {
		enum flow_keyboard k = v->inputs[u->active].kb;
		enum ui_kb_layout lay = kb_layout_of(k);

		if (k != u->kb_kind) {
			u->kb_kind = k;
			u->kb_layout = lay;
			u->kb_shift = false;
		}
		if (lay == UI_KB_LETTERS)
			lay = u->kb_layout;
		if (L.w > L.h && (lay == UI_KB_NUMPAD || lay == UI_KB_PHONE)) {
			/* Beside the column, above the navigation. */
			int kh = ui_keyboard_height(lay);
			int ky = bottom - (nv.n ? nv.h + G : 0) - kh;

			if (ky < top) {
				/* Too tall above the navigation: the keypad
				 * takes the right side down to the bottom,
				 * the navigation stays in the column. */
				ky = bottom - kh < top ? top : bottom - kh;
				nav_plan(&L, &nv,
					 L.w - M - NUMPAD_W - 2 * G - M, false);
			}
			kb_area =
			    (SDL_Rect){L.w - M - NUMPAD_W, ky, NUMPAD_W, kh};
			x1 = kb_area.x - 2 * G;
		} else {
			kb_area = ui_keyboard_area(sc, lay);
			bottom = kb_area.y - G;
			L.compact = L.w > L.h;
		}
		/* Kept between frames (its page and shift live in it); laid
		 * out again when it moves or changes. */
		if (!u->kb_valid || u->kb.layout != lay ||
		    memcmp(&u->kb.area, &kb_area, sizeof(kb_area)) != 0) {
			ui_keyboard_init(&u->kb, lay, kb_area, KIOSK_UI_ID_KEY,
					 NULL);
			u->kb_valid = true;
		}
	}

	c.x = M;
	c.w = x1 - M;
	c.landscape = L.w > L.h;
	page_h = bottom - (nv.n ? nv.h + G : 0) - top;
	if (page_h < FIELD_H)
		page_h = FIELD_H;
	build_items(&L, &c, false);
	L.large_cap = UI_TEXT_HUGE;
	pages = paginate(&L, &c, page_h);
	/* A number shown large (done, status) gives way before the screen
	 * pages: all of it in view beats a huge number. */
	for (int cap = UI_TEXT_TITLE; pages > 1 && cap >= UI_TEXT_LARGE;
	     cap -= UI_TEXT_TITLE - UI_TEXT_LARGE) {
		L.large_cap = cap;
		pages = paginate(&L, &c, page_h);
	}
	if (pages > 1 && v->scene == FLOW_SCENE_WELCOME) {
		/* The home screen never pages: what does not fit (the
		 * hint last) is left out. */
		pages = 1;
	} else if (pages > 1) {
		/* Without the secondary lines; then pages, with their keys
		 * at the right. */
		build_items(&L, &c, true);
		pages = paginate(&L, &c, page_h);
		if (pages > 1 && !c.landscape) {
			nav_plan(&L, &nv, L.w - 2 * M, true);
			page_h = bottom - nv.h - G - top;
			if (page_h < FIELD_H)
				page_h = FIELD_H;
			pages = paginate(&L, &c, page_h);
		} else if (pages > 1) {
			c.w -= PAGE_W + G;
			pages = paginate(&L, &c, page_h);
		}
	}
	u->n_pages = pages;
	if (u->to_active) {
		for (int i = 0; i < c.n; i++)
			if ((c.it[i].k == IT_INPUT && c.it[i].a == u->active) ||
			    c.it[i].k == IT_ERROR)
				u->page = c.it[i].page;
		u->to_active = false;
	}
	if (u->page >= pages)
		u->page = pages - 1;
	if (u->page < 0)
		u->page = 0;

	/* Focus order: the column, the navigation, the keys. */
	for (int i = 0, y = top; i < c.n; i++) {
		if (c.it[i].page != u->page || c.it[i].h == 0)
			continue;
		draw_item(&L, &c, &c.it[i], y);
		y += c.it[i].h + G;
	}
	if (pages > 1 && c.landscape)
		page_keys(&L, c.x + c.w + G, top, page_h);
	nav_draw(&L, &nv, M, bottom - nv.h);
	if (u->kb_on) {
		int pressed = u->pressed >= KIOSK_UI_ID_KEY &&
				      u->pressed < KIOSK_UI_ID_PAGE
				  ? u->pressed
				  : -1;

		if (ui_keyboard_draw(&u->kb, ui_targets_focused(&u->ts),
				     pressed, l) != 0 ||
		    ui_keyboard_targets(&u->kb, &u->ts) != 0)
			L.err = 1;
	}
	if (ui_cmdlist_overflowed(l))
		L.err = 1;
	return L.err ? -1 : 0;
}

/* ---- input ---------------------------------------------------------------------- */

static int tap_event(const struct flow_view *v, int b, struct flow_event *out)
{
	memset(out, 0, sizeof(*out));
	out->type = FLOW_EVT_TAP;
	out->tap = v->buttons[b].tap;
	out->index = v->buttons[b].index;
	return KIOSK_UI_EVENT | KIOSK_UI_REDRAW;
}

static int text_event(struct kiosk_ui *u, const struct flow_view *v,
		      struct flow_event *out)
{
	memset(out, 0, sizeof(*out));
	out->type = FLOW_EVT_TEXT;
	out->input = v->inputs[u->active].input;
	out->text = ui_field_text(&u->field[u->active]);
	return KIOSK_UI_EVENT | KIOSK_UI_REDRAW;
}

/* Enter on a one-line field: the next input, else the primary action. */
static int enter(struct kiosk_ui *u, const struct flow_view *v,
		 struct flow_event *out)
{
	int p = primary_button(v);

	if (u->active >= 0 && v->inputs[u->active].multiline) {
		if (ui_field_insert(&u->field[u->active], "\n") != 0)
			return KIOSK_UI_REDRAW;
		return text_event(u, v, out);
	}
	if (u->active >= 0 && u->active + 1 < v->n_inputs) {
		u->active++;
		u->to_active = true;
		ui_targets_set_focus(&u->ts, KIOSK_UI_ID_INPUT + u->active);
		return KIOSK_UI_REDRAW;
	}
	return p >= 0 ? tap_event(v, p, out) : 0;
}

static int activate(struct kiosk_ui *u, const struct flow_view *v, int id,
		    struct flow_event *out)
{
	if (id < 0)
		return 0;
	if (id < v->n_buttons) {
		ui_targets_set_focus(&u->ts, id);
		return tap_event(v, id, out);
	}
	if (id >= KIOSK_UI_ID_INPUT && id < KIOSK_UI_ID_INPUT + v->n_inputs) {
		u->active = id - KIOSK_UI_ID_INPUT;
		ui_targets_set_focus(&u->ts, id);
		return KIOSK_UI_REDRAW;
	}
	if (id >= KIOSK_UI_ID_KEY && id < KIOSK_UI_ID_PAGE && u->kb_on &&
	    u->active >= 0) {
		enum ui_kb_result r =
		    ui_keyboard_press(&u->kb, id, &u->field[u->active]);

		u->kb_layout = u->kb.layout;
		u->kb_shift = u->kb.shift;
		switch (r) {
		case UI_KB_EDITED:
			return text_event(u, v, out);
		case UI_KB_ENTER:
			return enter(u, v, out);
		case UI_KB_NONE:
			return 0;
		default:
			return KIOSK_UI_REDRAW;
		}
	}
	if (id == KIOSK_UI_ID_PAGE && u->page > 0) {
		u->page--;
		return KIOSK_UI_REDRAW;
	}
	if (id == KIOSK_UI_ID_PAGE + 1 && u->page < u->n_pages - 1) {
		u->page++;
		return KIOSK_UI_REDRAW;
	}
	return 0;
}

static int nav(struct kiosk_ui *u, const struct flow_view *v, enum ui_nav n)
{
	int id = ui_targets_nav(&u->ts, n);

	if (id >= KIOSK_UI_ID_INPUT && id < KIOSK_UI_ID_INPUT + v->n_inputs)
		u->active = id - KIOSK_UI_ID_INPUT;
	return KIOSK_UI_REDRAW;
}

static int key(struct kiosk_ui *u, const struct flow_view *v,
	       enum ui_input_key k, struct flow_event *out)
{
	struct ui_field *f = u->active >= 0 ? &u->field[u->active] : NULL;
	int foc = ui_targets_focused(&u->ts);
	bool on_field = f && foc == KIOSK_UI_ID_INPUT + u->active;
	int back = find_tap(v, FLOW_TAP_BACK);

	switch (k) {
	case UI_INPUT_KEY_NEXT:
		return nav(u, v, UI_NAV_NEXT);
	case UI_INPUT_KEY_PREV:
		return nav(u, v, UI_NAV_PREV);
	case UI_INPUT_KEY_UP:
		return nav(u, v, UI_NAV_UP);
	case UI_INPUT_KEY_DOWN:
		return nav(u, v, UI_NAV_DOWN);
	case UI_INPUT_KEY_LEFT:
		if (on_field && ui_field_left(f) == 0)
			return KIOSK_UI_REDRAW;
		return nav(u, v, UI_NAV_LEFT);
	case UI_INPUT_KEY_RIGHT:
		if (on_field && ui_field_right(f) == 0)
			return KIOSK_UI_REDRAW;
		return nav(u, v, UI_NAV_RIGHT);
	case UI_INPUT_KEY_HOME:
		if (f)
			ui_field_home(f);
		return f ? KIOSK_UI_REDRAW : 0;
	case UI_INPUT_KEY_END:
		if (f)
			ui_field_end(f);
		return f ? KIOSK_UI_REDRAW : 0;
	case UI_INPUT_KEY_BACKSPACE:
		return f && ui_field_backspace(f) == 0 ? text_event(u, v, out)
						       : 0;
	case UI_INPUT_KEY_DELETE:
		return f && ui_field_delete(f) == 0 ? text_event(u, v, out) : 0;
	case UI_INPUT_KEY_ESCAPE:
		return back >= 0 ? tap_event(v, back, out) : 0;
	case UI_INPUT_KEY_ENTER:
		if (foc < 0 || on_field)
			return enter(u, v, out);
		return activate(u, v, foc, out);
	}
	return 0;
}

int kiosk_ui_input(struct kiosk_ui *u, const struct flow_view *v,
		   const struct ui_input_event *in, struct flow_event *out)
{
	int id;

	switch (in->type) {
	case UI_IN_PRESS:
		id = ui_targets_hit(&u->ts, in->x, in->y);
		if (id == u->pressed)
			return 0;
		u->pressed = id;
		return KIOSK_UI_REDRAW;
	case UI_IN_CANCEL:
		u->pressed = -1;
		return KIOSK_UI_REDRAW;
	case UI_IN_TAP:
		u->pressed = -1;
		id = ui_targets_hit(&u->ts, in->x, in->y);
		return activate(u, v, id, out) | KIOSK_UI_REDRAW;
	case UI_IN_KEY:
		return key(u, v, in->key, out);
	case UI_IN_TEXT:
		if (u->active < 0 ||
		    ui_field_insert(&u->field[u->active], in->text) != 0)
			return 0;
		return text_event(u, v, out);
	case UI_IN_WAKE:
		return KIOSK_UI_REDRAW;
	default:
		return 0;
	}
}

/* ---- targets as JSON ---------------------------------------------------------- */

static void json_str(FILE *f, const char *s)
{
	fputc('"', f);
	for (; s && *s; s++) {
		unsigned char ch = (unsigned char)*s;

		if (ch == '"' || ch == '\\')
			fprintf(f, "\\%c", ch);
		else if (ch < 0x20)
			fprintf(f, "\\u%04x", ch);
		else
			fputc(ch, f);
	}
	fputc('"', f);
}

static void id_info(const struct kiosk_ui *u, const struct flow_view *v, int id,
		    const char **name, int *index, const char **label)
{
	*index = 0;
	*label = "";
	if (id >= 0 && id < v->n_buttons) {
		*name = kiosk_ui_tap_name(v->buttons[id].tap);
		*index = v->buttons[id].index;
		*label = v->buttons[id].label ? v->buttons[id].label : "";
	} else if (id >= KIOSK_UI_ID_INPUT &&
		   id < KIOSK_UI_ID_INPUT + v->n_inputs) {
		const struct flow_view_input *in =
		    &v->inputs[id - KIOSK_UI_ID_INPUT];

		*name = (unsigned)in->input < FLOW_INPUT_COUNT
			    ? input_names[in->input]
			    : "INPUT";
		*index = id - KIOSK_UI_ID_INPUT;
		*label = in->label ? in->label : "";
	} else if (id >= KIOSK_UI_ID_KEY && id < KIOSK_UI_ID_PAGE) {
		const struct ui_key *k = ui_keyboard_key(&u->kb, id);
		static const char *const actions[] = {
		    "KEY",	   "KEY_BACKSPACE", "KEY_SHIFT",
		    "KEY_SYMBOLS", "KEY_LETTERS",   "KEY_ENTER",
		    "KEY_ACCENTS",
		};

		*name =
		    k && (unsigned)k->action < 7 ? actions[k->action] : "KEY";
		*index = id - KIOSK_UI_ID_KEY;
		*label = k ? (k->action == UI_KEY_TEXT && k->text ? k->text
			      : k->label			  ? k->label
								  : "")
			   : "";
	} else if (id == KIOSK_UI_ID_PAGE) {
		*name = "PAGE_PREV";
	} else if (id == KIOSK_UI_ID_PAGE + 1) {
		*name = "PAGE_NEXT";
	} else {
		*name = "";
	}
}

int kiosk_ui_targets_json(const struct kiosk_ui *u, const struct flow_view *v,
			  const struct ui_scale *sc, FILE *f)
{
	const char *scene = flow_scene_name(v->scene), *name, *label;
	int index;

	id_info(u, v, ui_targets_focused(&u->ts), &name, &index, &label);
	fputs("{\"scene\":", f);
	json_str(f, scene);
	fprintf(
	    f, ",\"lang\":\"%s\",\"focus\":", v->lang == LANG_EN ? "en" : "id");
	json_str(f, name);
	fputs("}\n", f);
	for (size_t i = 0; i < u->ts.n; i++) {
		SDL_Rect b = ui_scale_rect(sc, u->ts.t[i].box);
		float ax, ay, bx, by;
		int x0, y0, x1, y1;

		/* Canvas pixels to the output's, through the rotation. */
		ui_touch_unmap(sc->rot, b.x, b.y, sc->canvas_w, sc->canvas_h,
			       &ax, &ay);
		ui_touch_unmap(sc->rot, b.x + b.w - 1, b.y + b.h - 1,
			       sc->canvas_w, sc->canvas_h, &bx, &by);
		x0 = (int)((ax < bx ? ax : bx) * (float)sc->out_w);
		x1 = (int)((ax < bx ? bx : ax) * (float)sc->out_w);
		y0 = (int)((ay < by ? ay : by) * (float)sc->out_h);
		y1 = (int)((ay < by ? by : ay) * (float)sc->out_h);
		id_info(u, v, u->ts.t[i].id, &name, &index, &label);
		fputs("{\"scene\":", f);
		json_str(f, scene);
		fputs(",\"id\":", f);
		json_str(f, name);
		fprintf(f, ",\"index\":%d,\"label\":", index);
		json_str(f, label);
		fprintf(f, ",\"x\":%d,\"y\":%d,\"w\":%d,\"h\":%d}\n", x0, y0,
			x1 - x0 + 1, y1 - y0 + 1);
	}
	return ferror(f) ? -1 : 0;
}
