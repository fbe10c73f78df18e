/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The kiosk's maintenance PIN, kept as a yescrypt hash ([kiosk]
 * maint_pin_hash = $y$...) through libxcrypt: made by `ppid-console
 * kiosk-pin`, checked by ppid-kiosk.  The PIN itself is never stored;
 * callers wipe their copies.
 */
#ifndef PPID_MAINTPIN_H
#define PPID_MAINTPIN_H

#include <stdbool.h>
#include <stddef.h>

#define MAINTPIN_HASH_MAX 128 /* a yescrypt hash fits, with room */
#define MAINTPIN_MIN	  4   /* digits, at least */
#define MAINTPIN_MAX	  12  /* ...at most */

/** true for 4 to 12 ASCII digits. */
bool maintpin_pin_valid(const char *pin);

/**
 * true when @p hash looks like a yescrypt hash ("$y$" parameters, salt and
 * a 43-character hash, crypt's alphabet); false with @p why (static words)
 * otherwise.  No crypt call: cheap enough for config parsing.
 */
bool maintpin_hash_valid(const char *hash, const char **why);

/**
 * Hash @p pin with a fresh random salt (crypt_gensalt_rn("$y$")).
 * @return 0 with the hash in @p out, or -1 with errno (EINVAL: not a valid
 *         PIN or @p len too small; the library's error otherwise).
 */
int maintpin_hash(const char *pin, char *out, size_t len);

/**
 * Check @p pin against @p hash (crypt_rn, then a constant-time compare).
 * @return 1 when it matches, 0 when not, -1 with errno when the hash cannot
 *         be used.
 */
int maintpin_verify(const char *pin, const char *hash);

#endif
