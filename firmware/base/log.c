// SPDX-License-Identifier: GPL-2.0-or-later
/* Levelled logging to stderr, one line per call. */

#include <stdarg.h>
#include <stdio.h>

#include "log.h"

static enum log_level current_level = LOG_LEVEL_INFO;

void log_set_level(enum log_level level)
{
	current_level = level;
}

enum log_level log_get_level(void)
{
	return current_level;
}

void log_write(enum log_level level, const char *fmt, ...)
{
	static const char *const names[] = {"error", "warning", "info",
					    "debug"};
	char line[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	/* One fprintf per line keeps lines whole when processes share stderr. */
	fprintf(stderr, "ppid: %s: %s\n", names[level], line);
}
