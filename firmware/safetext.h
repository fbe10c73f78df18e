/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Showing text that came from a visitor or a file to people, so that it can
 * never forge a line of what they read: control characters (C0, DEL, C1),
 * line and paragraph separators, bidirectional overrides and invalid UTF-8
 * are made visible as escapes, and lengths are counted in characters, never
 * cutting inside a UTF-8 sequence.
 */
#ifndef PPID_SAFETEXT_H
#define PPID_SAFETEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/**
 * Write @p in as one line into @p out: every character that could move the
 * cursor, end a line or reorder text becomes a visible escape ("\n", "\t",
 * "\r", "\x1b", "\u2028", "\u202e"); invalid UTF-8 bytes become "\xNN".
 * With @p max_chars > 0 the result is at most that many characters wide,
 * whole characters only, with "..." (counted in) marking a cut.  @p out is
 * always terminated.
 * @return true if all of @p in fitted (not cut by @p max_chars or @p len).
 */
bool safetext_line(const char *in, size_t max_chars, char *out, size_t len);

/**
 * Print @p in to @p f, folding each line break onto a continuation line
 * that starts with @p indent; every other control character is escaped as
 * in safetext_line().  No trailing newline is written.
 * @return 0, or -1 if writing failed (errno set by stdio).
 */
int safetext_fold(FILE *f, const char *in, const char *indent);

/** Characters (not bytes) in a UTF-8 string; invalid bytes count one each. */
size_t safetext_chars(const char *in);

#endif
