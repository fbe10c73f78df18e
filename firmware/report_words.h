/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The most frequent meaningful words of the information requested, the
 * reports' honest stand-in for "the most requested topics": each word
 * counts the requests that use it (once per request), after lower-casing
 * and without numbers, words under 3 letters and a list of Indonesian and
 * English function words and request boilerplate ("salinan", "data",
 * "informasi", ...).  It names words, not topics: "laporan keuangan"
 * shows as two words, and synonyms are not merged.
 */
#ifndef PPID_REPORT_WORDS_H
#define PPID_REPORT_WORDS_H

#include <stddef.h>

#define REPORT_WORD_MAX 48 /* bytes of a counted word, NUL included */

struct report_words;

/** One counted word. */
struct report_word {
	char word[REPORT_WORD_MAX]; /* lower case, UTF-8 */
	int requests;		    /* requests that use it */
};

/** An empty count; NULL (errno ENOMEM).  Free with report_words_free(). */
struct report_words *report_words_new(void);

/** Free a count; NULL is harmless. */
void report_words_free(struct report_words *w);

/**
 * Count the meaningful words of one request's @p text (UTF-8).
 * @return 0, or -1 (errno ENOMEM).
 */
int report_words_add(struct report_words *w, const char *text);

/**
 * The @p max most used words used by at least @p min_requests requests,
 * most used first, ties in alphabetical order, into @p out.
 * @return how many were written.
 */
size_t report_words_top(const struct report_words *w, int min_requests,
			struct report_word *out, size_t max);

#endif
