/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What is on the screen, as data: the view of the current scene in the
 * visitor's language (title, lines of text, inputs, buttons with their tap
 * targets).  A pure function of the flow; the UI lays it out and draws it,
 * and tests assert on it without a screen (the microui idea).  The flow
 * accepts a tap only when the current view shows its target.
 */
#ifndef PPID_KIOSK_FLOW_VIEW_H
#define PPID_KIOSK_FLOW_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "flow.h"

#define FLOW_VIEW_LINES	  16
#define FLOW_VIEW_INPUTS  2
#define FLOW_VIEW_BUTTONS 24
#define FLOW_VIEW_SCRATCH 1024

enum flow_line_style {
	FLOW_LINE_BODY = 0, /* ordinary text */
	FLOW_LINE_LARGE,    /* the registration number: as large as fits */
	FLOW_LINE_WARNING,  /* something the visitor must know first */
	FLOW_LINE_SMALL,    /* secondary (office hours, "free of charge") */
};

struct flow_view_line {
	const char *label;	    /* left part ("Deadline"), or NULL */
	const char *value;	    /* the text; never NULL */
	enum flow_line_style style; /* how prominent */
};

enum flow_keyboard {
	FLOW_KB_NONE = 0, /* no keyboard */
	FLOW_KB_TEXT,	  /* letters with shift, numbers and symbols */
	FLOW_KB_NUMERIC,  /* numeric keypad (NIK, last 4 digits) */
	FLOW_KB_PHONE,	  /* numeric keypad with + - and space */
	FLOW_KB_EMAIL,	  /* letters with @ and . at hand */
};

struct flow_view_input {
	enum flow_input input; /* what FLOW_EVT_TEXT must name */
	const char *label;     /* the question */
	const char *value;     /* current text (borrowed from the model) */
	size_t max_chars;      /* visible length limit, in characters */
	enum flow_keyboard kb; /* which keyboard to show */
	bool multiline;	       /* Enter makes a new line */
	bool optional;	       /* may stay empty: say so */
	bool masked;	       /* show a dot per character (a PIN) */
};

struct flow_view_button {
	enum flow_tap tap; /* FLOW_EVT_TAP target */
	int index;	   /* FLOW_EVT_TAP index */
	const char *label; /* the words on it */
	bool primary;	   /* the main action of the screen */
	bool selected;	   /* a chosen choice, a ticked statement */
	bool toggle;	   /* a statement to tick (check box) */
};

/* Strings point into the flow's model, static texts or scratch: valid until
 * the next flow_handle(); do not copy the struct (scratch pointers). */
struct flow_view {
	enum flow_scene scene; /* the scene drawn */
	enum flow_scene under; /* IDLE: the scene under the overlay */
	enum lang lang;	       /* language of every string */
	const char *title;     /* heading */
	const char *progress;  /* "3 dari 9" / "3 of 9", or NULL */
	const char *error;     /* the field's / screen's problem, or NULL */
	const char *notice;    /* a note, or NULL */
	int countdown_s;       /* IDLE: seconds left, else 0 */
	struct flow_view_line lines[FLOW_VIEW_LINES];	    /* body text */
	int n_lines;					    /* used */
	struct flow_view_input inputs[FLOW_VIEW_INPUTS];    /* text inputs */
	int n_inputs;					    /* used */
	struct flow_view_button buttons[FLOW_VIEW_BUTTONS]; /* targets */
	int n_buttons;					    /* used */
	char scratch[FLOW_VIEW_SCRATCH]; /* formatted strings live here */
	size_t used;			 /* bytes of scratch used */
};

/** Fill @p v with the current screen of @p f. */
void flow_view(const struct flow *f, struct flow_view *v);

/** The button of @p v for (tap, index), or NULL when it is not shown. */
const struct flow_view_button *flow_view_button(const struct flow_view *v,
						enum flow_tap tap, int index);

#endif
