/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Levelled logging to stderr.  The macro checks the level before it evaluates
 * its arguments, so a disabled debug line costs one comparison.  Never log an
 * NIK or any other personal data.
 */
#ifndef PPID_LOG_H
#define PPID_LOG_H

enum log_level {
	LOG_LEVEL_ERROR = 0, /* something failed and the user will notice */
	LOG_LEVEL_WARN,	     /* degraded, but working */
	LOG_LEVEL_INFO,	     /* a state change worth knowing */
	LOG_LEVEL_DEBUG,     /* for developers */
};

/** Set the most verbose level that is printed (default LOG_LEVEL_INFO). */
void log_set_level(enum log_level level);

/** The level currently printed. */
enum log_level log_get_level(void);

/** Print one line (prefix "ppid: <level>: "); use the macros below. */
void log_write(enum log_level level, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#define LOG_AT(lvl, ...)                                                       \
	do {                                                                   \
		if ((lvl) <= log_get_level())                                  \
			log_write((lvl), __VA_ARGS__);                         \
	} while (0)

#define log_err(...)   LOG_AT(LOG_LEVEL_ERROR, __VA_ARGS__)
#define log_warn(...)  LOG_AT(LOG_LEVEL_WARN, __VA_ARGS__)
#define log_info(...)  LOG_AT(LOG_LEVEL_INFO, __VA_ARGS__)
#define log_debug(...) LOG_AT(LOG_LEVEL_DEBUG, __VA_ARGS__)

#endif
