// SPDX-License-Identifier: GPL-2.0-or-later
/* Word counts of the information requested (report_words.h). */

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "report_words.h"

struct report_words {
	GHashTable *count; /* word (g_malloc) -> requests (GINT) */
};

/* Function words and what every request says ("a copy of the data"). */
static const char *const stop[] = {
    "adalah",	"akan",	       "atas",	    "atau",	 "bagi",
    "beserta",	"copy",	       "dalam",	    "dan",	 "dari",
    "data",	"daftar",      "dengan",    "di",	 "dokumen",
    "hardcopy", "ini",	       "informasi", "itu",	 "jumlah",
    "kami",	"ke",	       "kepada",    "lengkap",	 "mengenai",
    "minta",	"mohon",       "oleh",	    "pada",	 "para",
    "per",	"permohonan",  "salinan",   "saya",	 "secara",
    "seluruh",	"semua",       "serta",	    "softcopy",	 "tahun",
    "tentang",	"terhadap",    "terkait",   "untuk",	 "yang",
    "and",	"about",       "all",	    "documents", "for",
    "from",	"information", "list",	    "of",	 "on",
    "please",	"the",	       "with",	    "year",
};

static bool stopword(const char *w)
{
	for (size_t i = 0; i < sizeof(stop) / sizeof(stop[0]); i++)
		if (strcmp(stop[i], w) == 0)
			return true;
	return false;
}

struct report_words *report_words_new(void)
{
	struct report_words *w = calloc(1, sizeof(*w));

	if (!w) {
		errno = ENOMEM;
		return NULL;
	}
	w->count = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	return w;
}

void report_words_free(struct report_words *w)
{
	if (!w)
		return;
	g_hash_table_destroy(w->count);
	free(w);
}

/* Keep @p word (lower case) once for this request. */
static void take(GHashTable *seen, const char *start, const char *end)
{
	char *raw = g_strndup(start, (gsize)(end - start));
	char *low = g_utf8_strdown(raw, -1);
	bool digits = true;

	g_free(raw);
	for (const char *p = low; *p; p++)
		if (!g_ascii_isdigit(*p))
			digits = false;
	if (digits || g_utf8_strlen(low, -1) < 3 ||
	    strlen(low) >= REPORT_WORD_MAX || stopword(low)) {
		g_free(low);
		return;
	}
	g_hash_table_add(seen, low);
}

int report_words_add(struct report_words *w, const char *text)
{
	GHashTable *seen;
	GHashTableIter it;
	gpointer key;
	const char *p = text, *start = NULL;

	if (!text || !g_utf8_validate(text, -1, NULL))
		return 0;
	seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	for (;; p = g_utf8_next_char(p)) {
		gunichar u = *p ? g_utf8_get_char(p) : 0;
		bool in = u && g_unichar_isalnum(u);

		if (in && !start)
			start = p;
		if (!in && start) {
			take(seen, start, p);
			start = NULL;
		}
		if (!*p)
			break;
	}
	g_hash_table_iter_init(&it, seen);
	while (g_hash_table_iter_next(&it, &key, NULL)) {
		gpointer old = g_hash_table_lookup(w->count, key);

		g_hash_table_replace(w->count, g_strdup(key),
				     GINT_TO_POINTER(GPOINTER_TO_INT(old) + 1));
	}
	g_hash_table_destroy(seen);
	return 0;
}

static int cmp_word(const void *pa, const void *pb)
{
	const struct report_word *a = pa, *b = pb;

	if (a->requests != b->requests)
		return a->requests > b->requests ? -1 : 1;
	return strcmp(a->word, b->word);
}

size_t report_words_top(const struct report_words *w, int min_requests,
			struct report_word *out, size_t max)
{
	GHashTableIter it;
	gpointer key, val;
	struct report_word *all;
	size_t n = 0, size = g_hash_table_size(w->count);

	if (!size || !max)
		return 0;
	all = calloc(size, sizeof(*all));
	if (!all)
		return 0;
	g_hash_table_iter_init(&it, w->count);
	while (g_hash_table_iter_next(&it, &key, &val)) {
		if (GPOINTER_TO_INT(val) < min_requests)
			continue;
		snprintf(all[n].word, sizeof(all[n].word), "%s",
			 (const char *)key);
		all[n++].requests = GPOINTER_TO_INT(val);
	}
	qsort(all, n, sizeof(*all), cmp_word);
	if (n > max)
		n = max;
	memcpy(out, all, n * sizeof(*out));
	free(all);
	return n;
}
