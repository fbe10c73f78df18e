// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Holiday CSV reader.  libcsv does the RFC 4180 part (quotes, doubled
 * quotes, CRLF) in strict mode; this file feeds it one physical line at a
 * time so every record knows the line it starts on, skips what libcsv has
 * no notion of (byte order mark, '#' comments, the header) and checks each
 * record's values.
 */

#include <csv.h>
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "holiday_csv.h"
#include "request.h"

#define N_FIELDS 4 /* DATE, KIND, NAME, SOURCE */

/* What the libcsv callbacks share with the line loop. */
struct reader {
	size_t line;		/* physical line being fed, 1-based */
	size_t row_line;	/* line the current record started on */
	bool in_row;		/* a record has started and not ended */
	bool seen_record;	/* the header may only come first */
	char *fields[N_FIELDS]; /* the record's first fields, malloc */
	size_t n_fields;	/* fields in the record so far */
	bool failed;		/* err is set; ignore further callbacks */
	struct holiday_csv_error *err; /* where failures go */
	int errnum;		       /* errno for the failure */
	struct queue_holiday *rows;    /* records so far, malloc */
	size_t *lines;		       /* the line of each row, malloc */
	size_t n_rows, cap;	       /* used and allocated */
};

static void set_err(struct reader *r, int errnum, size_t line, const char *fmt,
		    ...) __attribute__((format(printf, 4, 5)));

static void set_err(struct reader *r, int errnum, size_t line, const char *fmt,
		    ...)
{
	va_list ap;

	if (r->failed)
		return;
	r->failed = true;
	r->errnum = errnum;
	r->err->line = line;
	va_start(ap, fmt);
	vsnprintf(r->err->msg, sizeof(r->err->msg), fmt, ap);
	va_end(ap);
}

/* A field's text for a message: short, printable ASCII, or nothing. */
static void quote_for_msg(const char *s, char *buf, size_t len)
{
	size_t n = 0;

	for (; *s && n + 1 < len; s++)
		buf[n++] = *s >= 0x20 && *s < 0x7f ? *s : '?';
	buf[n] = '\0';
	if (*s && len > 4)
		memcpy(buf + len - 4, "...", 4);
}

const char *holiday_csv_kind(const char *s)
{
	static const char *const kinds[] = {"national", "leave", "office"};

	for (size_t i = 0; s && i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcasecmp(s, kinds[i]) == 0)
			return kinds[i];
	return NULL;
}

static void clear_fields(struct reader *r)
{
	for (size_t i = 0; i < N_FIELDS; i++) {
		free(r->fields[i]);
		r->fields[i] = NULL;
	}
	r->n_fields = 0;
}

static void on_field(void *data, size_t len, void *ctx)
{
	struct reader *r = ctx;

	if (r->failed)
		return;
	if (memchr(data, '\0', len)) {
		set_err(r, EINVAL, r->row_line, "field %zu holds a NUL byte",
			r->n_fields + 1);
		return;
	}
	if (r->n_fields < N_FIELDS) {
		r->fields[r->n_fields] = strndup(data, len);
		if (!r->fields[r->n_fields]) {
			set_err(r, ENOMEM, r->row_line, "out of memory");
			return;
		}
	}
	r->n_fields++;
}

static bool is_header(const struct reader *r)
{
	static const char *const names[N_FIELDS] = {"day", "kind", "name",
						    "source"};

	if (r->n_fields < 3 || r->n_fields > N_FIELDS)
		return false;
	for (size_t i = 0; i < r->n_fields; i++)
		if (strcasecmp(r->fields[i], names[i]) != 0)
			return false;
	return true;
}

/* One line of text of at most HOLIDAY_CSV_TEXT_MAX characters. */
static bool text_ok(const char *s)
{
	size_t chars;

	return request_text_ok(s, false, &chars) &&
	       chars <= HOLIDAY_CSV_TEXT_MAX;
}

static bool blank(const char *s)
{
	for (; *s; s++)
		if (*s != ' ' && *s != '\t')
			return false;
	return true;
}

static int add_row(struct reader *r, struct date day, const char *kind)
{
	struct queue_holiday *h;

	if (r->n_rows == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 32;
		void *rows = realloc(r->rows, cap * sizeof(*r->rows));
		void *lines;

		if (!rows)
			return -1;
		r->rows = rows;
		lines = realloc(r->lines, cap * sizeof(*r->lines));
		if (!lines)
			return -1;
		r->lines = lines;
		r->cap = cap;
	}
	h = &r->rows[r->n_rows];
	h->day = day;
	h->kind = kind;
	/* The row takes the name and source (NULL stands for ""). */
	h->name = r->fields[2];
	h->source = r->fields[3] ? r->fields[3] : strdup("");
	if (!h->source)
		return -1;
	r->fields[2] = NULL;
	r->fields[3] = NULL;
	r->lines[r->n_rows++] = r->row_line;
	return 0;
}

static void check_record(struct reader *r)
{
	struct date day;
	const char *kind;
	char shown[24];

	if (r->n_fields < 3 || r->n_fields > N_FIELDS) {
		set_err(r, EINVAL, r->row_line,
			"expected DATE,KIND,NAME[,SOURCE], found %zu field%s",
			r->n_fields, r->n_fields == 1 ? "" : "s");
		return;
	}
	if (date_parse(r->fields[0], &day) < 0) {
		quote_for_msg(r->fields[0], shown, sizeof(shown));
		set_err(r, EINVAL, r->row_line,
			"'%s' is not a date (YYYY-MM-DD)", shown);
		return;
	}
	kind = holiday_csv_kind(r->fields[1]);
	if (!kind) {
		quote_for_msg(r->fields[1], shown, sizeof(shown));
		set_err(r, EINVAL, r->row_line,
			"kind '%s' is not national, leave or office", shown);
		return;
	}
	if (blank(r->fields[2])) {
		set_err(r, EINVAL, r->row_line, "the name is empty");
		return;
	}
	if (!text_ok(r->fields[2])) {
		set_err(r, EINVAL, r->row_line,
			"the name must be one line of text (UTF-8, no control "
			"characters, at most %d characters)",
			HOLIDAY_CSV_TEXT_MAX);
		return;
	}
	if (r->fields[3] && !text_ok(r->fields[3])) {
		set_err(r, EINVAL, r->row_line,
			"the source must be one line of text (UTF-8, no "
			"control characters, at most %d characters)",
			HOLIDAY_CSV_TEXT_MAX);
		return;
	}
	if (add_row(r, day, kind) < 0)
		set_err(r, ENOMEM, r->row_line, "out of memory");
}

static void on_record(int c, void *ctx)
{
	struct reader *r = ctx;

	(void)c;
	if (!r->failed) {
		if (!r->seen_record && is_header(r))
			; /* the header: nothing to keep */
		else
			check_record(r);
		r->seen_record = true;
	}
	clear_fields(r);
	r->in_row = false;
}

/*
 * Records end at LF only, and CR counts as a space (trimmed at the end of an
 * unquoted field, allowed after a closing quote): so CRLF works, and a bare
 * CR stays inside its field, where the text rules refuse it, instead of
 * ending a record in the middle of a line.
 */
static int is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

static int is_term(unsigned char c)
{
	return c == '\n';
}

/* Blank (spaces, tabs, CR/LF only) or a '#' comment. */
static bool skippable(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i == n || s[i] == '#' || s[i] == '\r' || s[i] == '\n';
}

static int cmp_row(const void *a, const void *b, void *ctx)
{
	const struct queue_holiday *rows = ctx;
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	int c = date_cmp(rows[i].day, rows[j].day);

	return c ? c : (i > j) - (i < j);
}

/* Two records for one day would silently keep the later: refuse. */
static void check_duplicates(struct reader *r)
{
	size_t *idx;

	if (r->n_rows < 2)
		return;
	idx = malloc(r->n_rows * sizeof(*idx));
	if (!idx) {
		set_err(r, ENOMEM, 0, "out of memory");
		return;
	}
	for (size_t i = 0; i < r->n_rows; i++)
		idx[i] = i;
	qsort_r(idx, r->n_rows, sizeof(*idx), cmp_row, r->rows);
	for (size_t k = 1; k < r->n_rows; k++) {
		size_t a = idx[k - 1], b = idx[k];
		char d[16];

		if (date_cmp(r->rows[a].day, r->rows[b].day) != 0)
			continue;
		date_format(r->rows[b].day, d, sizeof(d));
		set_err(r, EINVAL, r->lines[b], "%s is already on line %zu", d,
			r->lines[a]);
		break;
	}
	free(idx);
}

static void free_rows(struct queue_holiday *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free((char *)rows[i].name);
		free((char *)rows[i].source);
	}
	free(rows);
}

int holiday_csv_parse(const char *text, size_t len, struct holiday_csv *out,
		      struct holiday_csv_error *err)
{
	static const char bom[] = "\xef\xbb\xbf";
	struct csv_parser p;
	struct reader r = {.err = err};
	size_t at = 0;

	out->rows = NULL;
	out->n_rows = 0;
	err->line = 0;
	err->msg[0] = '\0';
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL)) {
		set_err(&r, ENOMEM, 0, "out of memory");
		goto out;
	}
	csv_set_space_func(&p, is_space);
	csv_set_term_func(&p, is_term);
	if (len >= 3 && memcmp(text, bom, 3) == 0)
		at = 3;
	while (at < len && !r.failed) {
		const char *s = text + at, *nl = memchr(s, '\n', len - at);
		size_t n = nl ? (size_t)(nl - s) + 1 : len - at;

		r.line++;
		at += n;
		if (!r.in_row) {
			if (skippable(s, n))
				continue;
			r.in_row = true;
			r.row_line = r.line;
		}
		if (csv_parse(&p, s, n, on_field, on_record, &r) != n &&
		    !r.failed) {
			if (csv_error(&p) == CSV_EPARSE)
				set_err(&r, EINVAL, r.line,
					"misplaced quote: quote a field that "
					"holds one and double the quotes "
					"inside (\"a \"\"b\"\"\")");
			else
				set_err(&r, ENOMEM, r.line, "%s",
					csv_strerror(csv_error(&p)));
		}
	}
	/* The last record may end without a newline; strict mode refuses a
	 * quote still open there. */
	if (!r.failed && (csv_fini(&p, on_field, on_record, &r) != 0 ||
			  csv_error(&p) == CSV_EPARSE))
		set_err(&r, EINVAL, r.row_line,
			"a quoted field is not closed before the end of the "
			"file");
	if (!r.failed)
		check_duplicates(&r);
	csv_free(&p);
out:
	clear_fields(&r);
	free(r.lines);
	if (r.failed) {
		free_rows(r.rows, r.n_rows);
		errno = r.errnum;
		return -1;
	}
	out->rows = r.rows;
	out->n_rows = r.n_rows;
	return 0;
}

int holiday_csv_load(const char *path, struct holiday_csv *out,
		     struct holiday_csv_error *err)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *f;
	int rc = -1, saved;

	out->rows = NULL;
	out->n_rows = 0;
	err->line = 0;
	f = fopen(path, "re");
	if (!f)
		goto err_errno;
	buf = malloc(HOLIDAY_CSV_FILE_MAX + 1);
	if (!buf)
		goto err_errno_close;
	n = fread(buf, 1, HOLIDAY_CSV_FILE_MAX + 1, f);
	if (ferror(f)) {
		errno = errno ? errno : EIO;
		goto err_errno_close;
	}
	fclose(f);
	if (n > HOLIDAY_CSV_FILE_MAX) {
		snprintf(err->msg, sizeof(err->msg),
			 "larger than %d bytes: not a holiday file",
			 HOLIDAY_CSV_FILE_MAX);
		errno = EFBIG;
		goto out;
	}
	rc = holiday_csv_parse(buf, n, out, err);
	goto out;

err_errno_close:
	saved = errno;
	fclose(f);
	errno = saved;
err_errno:
	snprintf(err->msg, sizeof(err->msg), "%s", strerror(errno));
out:
	saved = errno;
	free(buf);
	errno = saved;
	return rc;
}

void holiday_csv_free(struct holiday_csv *h)
{
	free_rows(h->rows, h->n_rows);
	h->rows = NULL;
	h->n_rows = 0;
}
