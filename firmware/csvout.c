// SPDX-License-Identifier: GPL-2.0-or-later
/* CSV writer: RFC 4180 quoting, CRLF records, formula cells neutralised. */

#include <errno.h>
#include <string.h>

#include "csvout.h"

bool csvout_is_formula(const char *s)
{
	return s && *s && strchr("=+-@\t\r", *s);
}

static bool edge_space(char c)
{
	return c == ' ' || c == '\t';
}

static bool needs_quotes(const char *s, bool neutralised)
{
	size_t n = strlen(s);

	return neutralised || strpbrk(s, ",\"\r\n") ||
	       (n > 0 && (edge_space(s[0]) || edge_space(s[n - 1])));
}

int csvout_cell(FILE *f, const char *s, bool last)
{
	bool formula, quoted;

	if (!s)
		s = "";
	formula = csvout_is_formula(s);
	quoted = needs_quotes(s, formula);
	errno = 0;
	if (quoted && putc('"', f) == EOF)
		goto err_write;
	if (formula && putc('\'', f) == EOF)
		goto err_write;
	if (!quoted) {
		if (fputs(s, f) == EOF)
			goto err_write;
	} else {
		/* Quotes are doubled; everything else goes out as it is. */
		for (const char *p = s; *p; p++)
			if ((*p == '"' && putc('"', f) == EOF) ||
			    putc(*p, f) == EOF)
				goto err_write;
		if (putc('"', f) == EOF)
			goto err_write;
	}
	if (fputs(last ? "\r\n" : ",", f) == EOF)
		goto err_write;
	return 0;
err_write:
	if (!errno)
		errno = EIO;
	return -1;
}

int csvout_row(FILE *f, size_t n_cells, const char *const cells[])
{
	for (size_t i = 0; i < n_cells; i++)
		if (csvout_cell(f, cells[i], i + 1 == n_cells) < 0)
			return -1;
	return 0;
}
