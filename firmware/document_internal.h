/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Internals shared by the document module's files: document.c (output
 * buffer, text cleaning and building, layout engine, drawing, the render
 * frame), document_receipt.c (the receipt) and document_notification.c
 * (the written notification).  Not for other modules.
 *
 * A renderer opens a struct ctx, lays its document out into the ctx's
 * display list with the flow helpers (layouts, rules, boxes, custom items
 * such as the QR code, each with a position and a page), sizes the page,
 * draws the list and hands the bytes over with document_finish().
 */
#ifndef PPID_DOCUMENT_INTERNAL_H
#define PPID_DOCUMENT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include <cairo.h>
#include <pango/pangocairo.h>

#include "document.h"

#define PT_PER_MM (72.0 / 25.4)
#define PS	  ((double)PANGO_SCALE)

/* ---- types --------------------------------------------------------------- */

enum weight {
	W_REG = 0, /* DejaVu Sans Book */
	W_BOLD,	   /* DejaVu Sans Bold */
};

enum item_kind {
	ITEM_TEXT = 0, /* lines of a pango layout */
	ITEM_RULE,     /* horizontal line */
	ITEM_RECT,     /* stroked rectangle */
	ITEM_CUSTOM,   /* drawn by its own callback (the receipt's QR code) */
};

struct item;

/* Draws an ITEM_CUSTOM item; the current source is black. */
typedef void document_draw_fn(cairo_t *cr, const struct item *it);

/* One thing to draw, placed in page coordinates (points). */
struct item {
	enum item_kind kind; /* what it is */
	int page;	     /* 0-based page */
	double x, y;	     /* top-left */
	double w, h;	     /* rule: length, line width; rect, custom: size */
	bool dashed;	     /* rule drawn dashed */
	PangoLayout *layout; /* text; borrowed from ctx.layouts */
	int line0;	     /* text: first line drawn */
	int nlines;	     /* text: lines drawn; -1 = the whole layout */
	document_draw_fn *draw; /* custom: draws the item */
	const void *data;	/* custom: what draw needs; borrowed */
	double unit;		/* custom: its unit (QR: module size), points */
};

/* Appended text pieces of one layout, each with its own font. */
struct txt {
	GString *s;	      /* UTF-8 text; g_string */
	PangoAttrList *attrs; /* fonts per byte range */
};

/* Everything one render needs; lives on the renderer's stack. */
struct ctx {
	cairo_surface_t *surface;  /* the PDF surface */
	cairo_t *cr;		   /* drawing context on surface */
	PangoContext *pango;	   /* 72 dpi, unhinted metrics */
	enum lang lang;		   /* LANG_EN adds English lines */
	double page_w, page_h;	   /* page size, points */
	double left, width;	   /* content column, points */
	double top, bottom;	   /* content area on each page */
	bool paginate;		   /* false: one page, grows down */
	double y;		   /* flow position on the current page */
	int page;		   /* current page, 0-based */
	struct item *items;	   /* display list; malloc() */
	size_t n_items, cap_items; /* used / allocated items */
	PangoLayout **layouts;	   /* every layout made; unref'd at the end */
	size_t n_layouts, cap_layouts; /* used / allocated layouts */
	PangoLayout *scratch;	       /* for measuring; g_object_unref() */
	bool oom;		       /* an allocation of ours failed */
	int err_no;		       /* errno for the failure */
	char err[DOCUMENT_ERR_LEN];    /* message for the failure */
};

/* One column of a row laid out side by side. */
struct col {
	PangoLayout *layout; /* the text; NULL = empty column */
	double x;	     /* offset from the content's left edge */
	double dy;	     /* drop below the row's top (baseline match) */
};

/* ---- errors --------------------------------------------------------------- */

/**
 * Record a failure in @p c: errno @p err_no and "what: msg".  Only the
 * first failure is kept (the root cause).
 */
void document_fail(struct ctx *c, int err_no, const char *what,
		   const char *msg);

/* ---- text cleaning --------------------------------------------------------- */

/**
 * @p in (NULL = "") made safe for pango: valid UTF-8, no control or bidi
 * override characters (newlines kept only when @p multiline), cut at
 * DOCUMENT_FIELD_MAX bytes with "…", stripped.  Returns g_malloc()ed text.
 */
char *document_clean_text(const char *in, bool multiline);

/** True if @p s is NULL or "". */
bool document_empty(const char *s);

/**
 * @p in cleaned, with all but the first 4 and last 4 of its digits masked
 * when it has more than 8.  Returns g_malloc()ed text.
 */
char *document_mask_id(const char *in);

/* ---- text building ---------------------------------------------------------- */

/** Start an empty text; document_layout_make() consumes it. */
void document_txt_init(struct txt *t);

/** Append @p text (trusted or cleaned) in the given weight and size. */
void document_txt_add(struct txt *t, const char *text, enum weight w,
		      double size);

/** Append user text after cleaning it (document_clean_text()). */
void document_txt_add_user(struct txt *t, const char *text, bool multiline,
			   enum weight w, double size);

/** Underline what was appended to @p t from byte @p start on. */
void document_txt_underline(struct txt *t, size_t start);

/**
 * Append the Indonesian text of @p m, and under it the English one in
 * @p en_size when @p lang is LANG_EN.
 */
void document_txt_add_text(struct txt *t, enum lang lang, const struct text *m,
			   enum weight w, double size, double en_size);

/* ---- layouts and the display list ------------------------------------------ */

/**
 * Append an item of @p kind on the current page, zeroed otherwise; NULL
 * (and c->oom set) when out of memory.
 */
struct item *document_item_add(struct ctx *c, enum item_kind kind);

/**
 * Turn @p t (consumed) into a layout @p width points wide that lives until
 * the render ends.  @p max_lines > 0 cuts the text with "…" after that
 * many lines.  NULL (and c->oom set) when out of memory.
 */
PangoLayout *document_layout_make(struct ctx *c, struct txt *t, double width,
				  PangoAlignment align, int max_lines);

/** Height of @p l in points. */
double document_layout_height(PangoLayout *l);

/** Natural one-line width of @p text in points. */
double document_text_width(struct ctx *c, const char *text, enum weight w,
			   double size);

/** Vertical space of @p pts points; swallowed at the top of a page. */
void document_flow_gap(struct ctx *c, double pts);

/** Start a new page unless @p h points still fit on this one. */
void document_flow_need(struct ctx *c, double h);

/**
 * Place @p n (at most 4) layouts side by side at the flow position and
 * move below them.  On a paginated document the row breaks between lines
 * across pages, never leaving a single line of a column alone at the foot
 * of a page.
 */
void document_flow_row(struct ctx *c, const struct col *cols, int n);

/** Place @p l (NULL: nothing) @p x points in, as a row of one column. */
void document_flow_text(struct ctx *c, PangoLayout *l, double x);

/** A horizontal rule @p len long, @p lw thick, @p x points in. */
void document_flow_rule(struct ctx *c, double x, double len, double lw,
			bool dashed);

/**
 * An A4 document's letterhead: the office's name in capitals, centred, its
 * address and contact lines (each may be NULL or empty) under it, then the
 * double rule.  @p scale 1.0 for letters (15 pt name), less for reports.
 */
void document_flow_letterhead(struct ctx *c, const char *name,
			      const char *address, const char *contact,
			      double scale);

/* ---- drawing and the render frame ------------------------------------------ */

/**
 * Draw @p pages pages of the display list.  @p footer, if set, adds items
 * for each page, which are drawn (first) and then dropped again.
 */
void document_draw_all(struct ctx *c, int pages,
		       void (*footer)(struct ctx *, int page, int pages,
				      const void *arg),
		       const void *arg);

/**
 * Start a render: zero @p c, open a PDF surface of @p w x @p h points
 * writing to @p tmp and a pango context at 72 dpi.  Returns 0, or -1 with
 * the failure recorded in @p c; either way end with document_finish().
 */
int document_ctx_open(struct ctx *c, struct doc_buf *tmp, double w, double h,
		      enum lang lang, const char *title);

/**
 * Release @p c and finish the PDF.  On success hand @p tmp to @p out with
 * its page count and size and return 0; on failure (recorded in @p c or
 * found now) free @p tmp, set out->err, log it with @p what and return -1
 * with errno set.
 */
int document_finish(struct ctx *c, struct doc_buf *tmp, struct doc_buf *out,
		    const char *what, int pages, double w, double h);

/**
 * Refuse a view before any cairo object exists: out->err "what: msg",
 * logged; returns -1 with errno EINVAL.
 */
int document_refuse(struct doc_buf *out, const char *what, const char *msg);

#endif
