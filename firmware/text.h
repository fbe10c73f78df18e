/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Visitor-facing text in the kiosk's two languages.  A message is a pair of
 * static strings, Indonesian first; code picks one with text_get().  Keeping
 * both halves side by side means a message can never exist in one language
 * only.
 */
#ifndef PPID_TEXT_H
#define PPID_TEXT_H

enum lang {
	LANG_ID = 0, /* Bahasa Indonesia (default) */
	LANG_EN,     /* English */
	LANG_COUNT,
};

struct text {
	const char *id; /* Indonesian, static */
	const char *en; /* English, static */
};

/** The message in @p lang; never NULL for a non-NULL @p t. */
static inline const char *text_get(const struct text *t, enum lang lang)
{
	return lang == LANG_EN ? t->en : t->id;
}

#endif
