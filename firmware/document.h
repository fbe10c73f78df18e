/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Printable documents as PDF bytes in memory: the visitor's receipt (tanda
 * terima, 58 or 80 mm roll paper) and the written notification letter
 * (pemberitahuan tertulis, A4).  Each renderer is a pure function of a view
 * struct of already-formatted strings; this module knows nothing of SQLite,
 * the request store or the printer.  cairo + pango (DejaVu Sans, regular and
 * bold only: fonts-dejavu-core) + libqrencode.
 *
 * Thread safety: the renderers keep no state between calls and may run on
 * any thread (pango keeps one font map per thread).
 */
#ifndef PPID_DOCUMENT_H
#define PPID_DOCUMENT_H

#include <stdbool.h>
#include <stddef.h>

#include "text.h"

#define DOCUMENT_ERR_LEN      160  /* size of doc_buf.err */
#define DOCUMENT_FIELD_MAX    8192 /* longer field text is cut with "…" */
#define DOCUMENT_INFO_LINES   6	   /* default receipt info_max_lines */
#define DOCUMENT_A4_WIDTH_PT  595.28
#define DOCUMENT_A4_HEIGHT_PT 841.89

/** A rendered PDF.  Start from {0}; release with document_buf_free(). */
struct doc_buf {
	unsigned char *data;	    /* the PDF bytes; malloc(), owned */
	size_t len;		    /* bytes used in data */
	size_t cap;		    /* bytes allocated for data */
	int pages;		    /* number of pages */
	double width_pt;	    /* page width in points (1/72 in) */
	double height_pt;	    /* page height of the first page, points */
	char err[DOCUMENT_ERR_LEN]; /* why the last render failed, or "" */
};

/**
 * What a receipt shows.  Strings are UTF-8, borrowed for the call; invalid
 * UTF-8 and control characters are replaced, over-long text is cut.
 * Required: office_name, regno, received, name, info, deadline, qr_payload.
 * Optional (NULL or ""): everything else; a sensible default or nothing is
 * printed.
 */
struct doc_receipt {
	enum lang lang;		    /* LANG_EN adds an English line under each
				       Indonesian heading (Indonesian stays) */
	int paper_mm;		    /* roll width: 58 or 80 (0 = 80) */
	const char *office_name;    /* "KPU Provinsi Bengkulu" */
	const char *office_address; /* street, city; one or two lines */
	const char *office_hours;   /* "Senin-Jumat 08.00-16.00 WIB" */
	const char *regno;	    /* registration number, printed large */
	const char *received;	    /* "27 November 2026 10:15 WIB" */
	const char *name;	    /* requester's name */
	const char *id_masked;	    /* "1771********0001"; a value with more
				       than 8 digits is masked again here */
	const char *info;	    /* information requested, wrapped */
	const char *channel;	    /* "Kiosk", "Datang langsung", ... */
	const char *deadline;	    /* notification due: "11 Desember 2026" */
	const char *deadline_note;  /* under the deadline; NULL = the ordinary
				       regime's "may be extended once by up
				       to 7 working days" (the election
				       regime passes its own) */
	const char *status_hint;    /* how to check the status; NULL = the
				       standard "scan the QR at the kiosk" */
	const char *qr_payload;	    /* "PPID1|<regno>|<token>", encoded as is */
	int info_max_lines; /* info lines before "…"; <= 0: default 6 */
};

/**
 * What a written notification shows (UU 14/2008 Pasal 22 ayat (7);
 * Perki 1/2021).  Strings as for struct doc_receipt.
 * Required: office_name, letter_number, letter_date, regno, request_date,
 * name, info, decision, ppid_name; legal_basis when the decision is
 * "rejected".  Optional: everything else.
 */
struct doc_notification {
	enum lang lang;		    /* LANG_EN adds English glosses */
	const char *office_name;    /* "Komisi Pemilihan Umum Provinsi
				       Bengkulu"; printed upper case in the
				       letterhead */
	const char *office_address; /* letterhead address line(s) */
	const char *office_contact; /* phone / e-mail / web line */
	const char *office_city;    /* place of the signature: "Bengkulu" */
	const char *letter_number;  /* nomor surat */
	const char *letter_date;    /* "30 November 2026" */
	const char *regno;	    /* registration number of the request */
	const char *request_date;   /* "27 November 2026" */
	const char *name;	    /* requester */
	const char *address;	    /* requester's address */
	const char *contact;	    /* phone and/or e-mail */
	const char *id_masked;	    /* masked ID number (re-masked if not) */
	const char *info;	    /* information requested */
	const char *purpose;	    /* purpose of use (tujuan penggunaan) */
	const char *decision;	    /* key as stored: "granted", "partial",
				       "rejected", "not_held" */
	const char *decision_text;  /* what will be given / what is blacked
				       out / further explanation */
	const char *legal_basis;    /* Pasal 17 letter(s) and meaning, for
				       "rejected" and "partial" */
	const char *holder;	    /* body that holds it, for "not_held" */
	const char *form;	    /* "Softcopy" / "Hardcopy" */
	const char *medium;	    /* "Berkas PDF melalui e-mail", ... */
	const char *cost;	    /* NULL = "Rp 0 (gratis)" */
	const char *payment;	    /* NULL = "Tidak ada pembayaran" */
	const char *delivery;	    /* "Diambil langsung", "E-mail", ... */
	const char *delivery_time;  /* when it will be given */
	const char *reason;	    /* reasons / explanation (alasan) */
	const char *ppid_name;	    /* signer */
	const char *ppid_title;	    /* "Sekretaris ... selaku PPID" */
	const char *ppid_nip;	    /* signer's NIP, printed when set */
	const char *objection;	    /* the right to object; NULL = UU 14/2008
				       Pasal 35-36 text (30 working days) */
};

/** What a printer test page shows (maintenance).  Strings as for struct
 *  doc_receipt; required: office_name, when, printer_state. */
struct doc_test_page {
	int paper_mm;		   /* roll width: 58 or 80 (0 = 80) */
	const char *office_name;   /* "KPU Provinsi Bengkulu" */
	const char *when;	   /* "2026-12-01 19:30 WIB" */
	const char *printer;	   /* the queue's name, or NULL */
	const char *printer_state; /* "ready", as the printer says it */
};

/**
 * Render a printer test page: one roll-paper page saying "test page" in
 * Indonesian and English, with the office, the time and the printer's
 * state; no personal data.
 * @return as document_render_receipt().
 */
int document_render_test_page(const struct doc_test_page *t,
			      struct doc_buf *out);

/**
 * Render a receipt: one page @c paper_mm wide, as tall as its content, 4 mm
 * side margins (5 mm on 58 mm paper, so the text fits the 48 mm a 58 mm
 * printer prints), QR modules of whole 203 dpi dots.
 * @param r   the view
 * @param out filled on success (previous contents are freed first)
 * @return 0, or -1 with errno EINVAL (missing field, bad paper width),
 *         ERANGE (QR payload too long), ENOMEM or EIO (cairo failed);
 *         out->err says why and the message is logged.
 */
int document_render_receipt(const struct doc_receipt *r, struct doc_buf *out);

/**
 * Render a written notification on A4, as many pages as it needs, each
 * with "page i of n" at the foot.
 * @return as document_render_receipt(); EINVAL also for an unknown
 *         decision key or a rejection without legal_basis.
 */
int document_render_notification(const struct doc_notification *n,
				 struct doc_buf *out);

/**
 * What the data receipt shows (tanda terima data, SOP step 5): the
 * requester signs that the information was received, in which form, from
 * whom.  Strings as for struct doc_receipt.  Required: office_name, regno,
 * request_date, name, info, given, form, handed_at, staff.
 */
struct doc_data_receipt {
	enum lang lang;		    /* LANG_EN adds English glosses */
	const char *office_name;    /* letterhead, upper case */
	const char *office_address; /* letterhead address line(s) */
	const char *office_contact; /* phone / e-mail / web line */
	const char *office_city;    /* place of the signatures */
	const char *regno;	    /* registration number */
	const char *request_date;   /* "27 November 2026" */
	const char *name;	    /* requester, who signs */
	const char *id_masked;	    /* masked ID (re-masked if not) */
	const char *address;	    /* requester's address */
	const char *info;	    /* information requested */
	const char *given;	    /* what was handed over */
	const char *form;	    /* the form, in words */
	const char *handed_at;	    /* "1 Desember 2026 14:05 WIB" */
	const char *staff;	    /* who handed it over (login) */
	const char *cost;	    /* NULL = "Rp 0 (gratis)" */
};

/**
 * Render a data receipt on A4 with both signature blocks.
 * @return as document_render_receipt().
 */
int document_render_data_receipt(const struct doc_data_receipt *d,
				 struct doc_buf *out);

/** One table of a report: a heading, a header row and rows of text. */
struct doc_table {
	const char *title;	  /* heading above it, or NULL */
	int n_cols;		  /* columns, 1..DOC_TABLE_MAX_COLS */
	const char *const *head;  /* n_cols column headers */
	const double *weight;	  /* n_cols relative widths; NULL = equal */
	size_t n_rows;		  /* data rows */
	const char *const *cells; /* n_rows * n_cols, row by row */
	const char *empty;	  /* said instead when there are no rows */
};

#define DOC_TABLE_MAX_COLS 16
#define DOC_CHART_SERIES   8

/**
 * A report's small chart: stacked bars per bucket (requests per week by
 * channel) beside one bar of shares (the decisions).
 */
struct doc_chart {
	const char *bars_title;		 /* heading of the bars */
	int n_buckets;			 /* bars, at most 12 */
	const char *const *bucket_label; /* n_buckets labels ("2-8") */
	int n_series;			 /* stacked series, at most 8 */
	const char *const *series_label; /* n_series names (channels) */
	const int *values;		 /* n_buckets * n_series */
	const char *shares_title;	 /* heading of the shares */
	int n_shares;			 /* parts, at most 8 */
	const char *const *share_label;	 /* n_shares names (decisions) */
	const int *shares;		 /* n_shares counts */
};

/**
 * A report on A4: the office header, a title and subtitle, paragraphs, an
 * optional chart, then the tables, which break across pages with their
 * header rows repeated; every page has "Halaman i dari n" at its foot.
 * Strings as for struct doc_receipt.
 */
struct doc_report {
	enum lang lang;		    /* LANG_EN: English under the page foot */
	bool landscape;		    /* A4 landscape (the register) */
	const char *office_name;    /* printed upper case at the top */
	const char *office_address; /* under it, or NULL */
	const char *title;	    /* "REGISTER PERMOHONAN INFORMASI" */
	const char *subtitle;	    /* the period */
	const char *footer;	    /* left of the page number, or NULL */
	size_t n_paras;		    /* paragraphs under the title */
	const char *const *paras;   /* n_paras paragraphs */
	const struct doc_chart *chart;	/* NULL = none */
	size_t n_tables;		/* tables */
	const struct doc_table *tables; /* n_tables tables, in order */
	size_t n_notes;			/* paragraphs after the tables */
	const char *const *notes;	/* n_notes paragraphs */
};

/**
 * Render a report (struct doc_report).  Cells longer than 40 lines in
 * their column are cut with "…" (the CSV keeps them whole).
 * @return as document_render_receipt(); EINVAL for a table without
 *         columns or with more than DOC_TABLE_MAX_COLS.
 */
int document_render_report(const struct doc_report *r, struct doc_buf *out);

/** Free the bytes of @p buf and reset it to {0}.  NULL is harmless. */
void document_buf_free(struct doc_buf *buf);

/**
 * Write @p buf to @p path (created 0600, replaced atomically via a
 * temporary file in the same directory).
 * @return 0, or -1 with errno from open/write/rename.
 */
int document_buf_save(const struct doc_buf *buf, const char *path);

/**
 * Release the font map and caches the renderers keep between documents.
 * Call once at program exit, after the last render; optional.
 */
void document_shutdown(void);

#endif
