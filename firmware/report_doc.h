/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A computed report (report.h) laid out for people: its tables, labels in
 * Indonesian or English, and what each format makes of them: text for a
 * terminal (aligned, 80 columns, UTF-8 width aware), CSV (RFC 4180, formula
 * cells neutralised: csvout.h) and PDF (document.h, A4, the register in
 * landscape).  The console's `report` command and the TUI both render
 * through report_render(), so a report reads the same wherever it is made.
 */
#ifndef PPID_REPORT_DOC_H
#define PPID_REPORT_DOC_H

#include <stdio.h>

#include "document.h"
#include "report.h"
#include "text.h"

#define REPORT_TEXT_WIDTH 80 /* columns of the text format */

enum report_format {
	REPORT_FMT_TEXT = 0, /* aligned text, 80 columns */
	REPORT_FMT_CSV,	     /* RFC 4180, UTF-8 */
	REPORT_FMT_PDF,	     /* A4 PDF */
	REPORT_FMT_COUNT,
};

/** Where the report comes from (the configuration's [office]). */
struct report_office {
	const char *name;    /* "KPU Provinsi Bengkulu" */
	const char *address; /* one line, or NULL */
};

struct report_doc;

/** The format named @p key ("text", "csv", "pdf"). @return 0, or -1. */
int report_format_parse(const char *key, enum report_format *fmt);

/**
 * Lay @p r out in @p lang.  The view keeps no pointer into @p r or
 * @p office: its strings are its own.
 * @return the layout (free with report_doc_free()), or NULL (ENOMEM).
 */
struct report_doc *report_doc_new(const struct report *r, enum lang lang,
				  const struct report_office *office);

/** Free a layout; NULL is harmless. */
void report_doc_free(struct report_doc *d);

/** The layout as document.h's view (borrowed, valid until freed). */
const struct doc_report *report_doc_view(const struct report_doc *d);

/**
 * Write the layout as text: every table aligned in at most
 * REPORT_TEXT_WIDTH columns (cells wrapped), or, when it is too wide to
 * align, one block of "header: value" lines per row.  Visitor text is
 * shown with its control characters escaped (safetext.h).
 * @return 0, or -1 with errno set on a write error.
 */
int report_doc_text(const struct report_doc *d, FILE *f);

/**
 * Write the layout as CSV: a report of one table is its header row and
 * rows; one of several tables starts with a record of its title and
 * period, and each table with a record of its heading, then its header
 * and rows, an empty record between tables.
 * @return 0, or -1 with errno set on a write error.
 */
int report_doc_csv(const struct report_doc *d, FILE *f);

/** Render the layout as PDF (document_render_report()). */
int report_doc_pdf(const struct report_doc *d, struct doc_buf *out);

/**
 * Lay @p r out and write it to @p f in @p fmt (PDF bytes for
 * REPORT_FMT_PDF).
 * @param err receives why it failed (may be NULL)
 * @return 0, or -1 with errno set.
 */
int report_render(const struct report *r, enum report_format fmt,
		  enum lang lang, const struct report_office *office, FILE *f,
		  char *err, size_t errlen);

/**
 * report_render() into memory, for a screen that shows it (the TUI).
 * @param buf receives the bytes, NUL-terminated (free() it)
 * @param len receives their number, without the NUL
 * @return 0, or -1 with errno set (then *buf is NULL).
 */
int report_render_mem(const struct report *r, enum report_format fmt,
		      enum lang lang, const struct report_office *office,
		      char **buf, size_t *len, char *err, size_t errlen);

/** Display width of UTF-8 @p s in terminal columns (wide = 2). */
size_t report_text_width(const char *s);

#endif
