/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Internals shared by the report layout's files: report_doc.c (the
 * layout's strings and tables, the register, the matrix) and
 * report_doc_period.c (the daily service data, the monthly and yearly
 * figures and their chart).  Not for other modules.
 */
#ifndef PPID_REPORT_DOC_INTERNAL_H
#define PPID_REPORT_DOC_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "report_doc.h"

#define MAX_TABLES 10
#define MAX_PARAS  8
#define T(id, en)  (&(const struct text){id, en})

struct tstore {
	const char *head[DOC_TABLE_MAX_COLS]; /* headers, pooled */
	double weight[DOC_TABLE_MAX_COLS];    /* relative widths */
	const char **cells;		      /* pooled; malloc() */
	size_t n_cells, cap_cells;	      /* used / allocated */
};

struct report_doc {
	struct doc_report view;		     /* what renderers see */
	enum lang lang;			     /* labels' language */
	char **pool;			     /* every string; malloc() */
	size_t n_pool, cap_pool;	     /* used / allocated */
	struct doc_table tables[MAX_TABLES]; /* the view's tables */
	struct tstore store[MAX_TABLES];     /* their storage */
	const char *paras[MAX_PARAS];	     /* under the title */
	const char *notes[MAX_PARAS];	     /* after the tables */
	struct doc_chart chart;		     /* monthly, yearly */
	const char *bucket_label[REPORT_MAX_BUCKETS]; /* the chart's bars */
	const char *series_label[REQ_CHANNEL_COUNT];  /* its channels */
	int values[REPORT_MAX_BUCKETS * REQ_CHANNEL_COUNT]; /* its counts */
	const char *share_label[REPORT_N_DECISIONS];	    /* decisions */
	int shares[REPORT_N_DECISIONS];			    /* their counts */
	bool oom; /* a malloc failed */
};

/* ---- strings (report_doc.c), all kept in the layout's pool ------------- */

/** A formatted string, or "" (and d->oom) when out of memory. */
const char *report_doc_fmt(struct report_doc *d, const char *f, ...)
    __attribute__((format(printf, 2, 3)));

/** @p t in the layout's language. */
const char *report_doc_tr(const struct report_doc *d, const struct text *t);

/** A whole number. */
const char *report_doc_num(struct report_doc *d, int n);

/** One decimal with the language's sign ("3,5" / "3.5"). */
const char *report_doc_dec(struct report_doc *d, double v);

/** "2026-03-02". */
const char *report_doc_iso(struct report_doc *d, struct date day);

/** "2 Maret 2026" / "2 March 2026". */
const char *report_doc_long_date(struct report_doc *d, struct date day);

/** "2026-03-02 10:15" (WIB). */
const char *report_doc_wib(struct report_doc *d, time_t t);

/** "6,0 menit" / "6.0 min". */
const char *report_doc_minutes(struct report_doc *d, double seconds);

/** The period in words ("Periode 1 Maret 2026 - 31 Maret 2026"). */
const char *report_doc_period(struct report_doc *d, const struct report *r);

/* ---- tables (report_doc.c) ---------------------------------------------- */

/**
 * Start a table titled @p title (NULL = none) with @p n columns headed
 * @p heads, relative widths @p weights (NULL = equal); NULL when full.
 */
struct doc_table *report_doc_table(struct report_doc *d,
				   const struct text *title, int n,
				   const struct text *const *heads,
				   const double *weights);

/** Append a row to the last table: exactly its n_cols strings. */
void report_doc_row(struct report_doc *d, ...);

/** A paragraph under the title. */
void report_doc_para(struct report_doc *d, const char *s);

/** A paragraph after the tables. */
void report_doc_note(struct report_doc *d, const char *s);

/* ---- the reports of days and periods (report_doc_period.c) ---------------- */

/** Lay out the daily service data. */
void report_doc_lay_daily(struct report_doc *d, const struct report *r);

/** Lay out the monthly or yearly report. */
void report_doc_lay_period(struct report_doc *d, const struct report *r);

#endif
