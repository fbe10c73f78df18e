// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The maintenance PIN's hash: yescrypt through libxcrypt (maintpin.h).
 */

#include <crypt.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "maintpin.h"

#define YESCRYPT_HASH_LEN 43 /* the hash part, base-64 characters */

static const char crypt_alphabet[] =
    "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

bool maintpin_pin_valid(const char *pin)
{
	size_t n = pin ? strlen(pin) : 0;

	return n >= MAINTPIN_MIN && n <= MAINTPIN_MAX &&
	       strspn(pin, "0123456789") == n;
}

bool maintpin_hash_valid(const char *hash, const char **why)
{
	const char *p, *last;
	int dollars = 0;

	*why = NULL;
	if (!hash || strncmp(hash, "$y$", 3) != 0) {
		*why = "not a yescrypt hash (it starts with $y$; make one "
		       "with ppid-console kiosk-pin)";
		return false;
	}
	if (strlen(hash) >= MAINTPIN_HASH_MAX) {
		*why = "too long for a yescrypt hash";
		return false;
	}
	for (p = hash; *p; p++) {
		if (*p == '$') {
			dollars++;
			if (p[1] == '$' || p[1] == '\0') {
				*why = "a part of the hash is empty";
				return false;
			}
		} else if (!strchr(crypt_alphabet, *p)) {
			*why = "a character crypt never writes";
			return false;
		}
	}
	last = strrchr(hash, '$') + 1;
	if (dollars != 4 || strlen(last) != YESCRYPT_HASH_LEN) {
		*why = "not a whole yescrypt hash ($y$parameters$salt$hash)";
		return false;
	}
	return true;
}

int maintpin_hash(const char *pin, char *out, size_t len)
{
	char salt[CRYPT_GENSALT_OUTPUT_SIZE];
	struct crypt_data *cd;
	const char *why;
	int rc = -1, saved;

	if (!maintpin_pin_valid(pin) || !out || len < MAINTPIN_HASH_MAX) {
		errno = EINVAL;
		return -1;
	}
	/* Count 0: the library's default cost; random bytes from the OS. */
	if (!crypt_gensalt_rn("$y$", 0, NULL, 0, salt, sizeof(salt)))
		return -1;
	cd = calloc(1, sizeof(*cd));
	if (!cd)
		return -1;
	if (crypt_rn(pin, salt, cd, sizeof(*cd)) &&
	    maintpin_hash_valid(cd->output, &why)) {
		memcpy(out, cd->output, strlen(cd->output) + 1);
		rc = 0;
	} else {
		errno = errno ? errno : EINVAL;
	}
	saved = errno;
	explicit_bzero(cd, sizeof(*cd));
	free(cd);
	errno = saved;
	return rc;
}

/* Equal strings, in a time that depends on the lengths only. */
static bool ct_equal(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b);
	unsigned char d = na != nb;

	for (size_t i = 0; i < na; i++)
		d |= (unsigned char)(a[i] ^ (i < nb ? b[i] : 0));
	return d == 0;
}

int maintpin_verify(const char *pin, const char *hash)
{
	struct crypt_data *cd;
	const char *why;
	int rc = -1, saved;

	if (!pin || !maintpin_hash_valid(hash, &why)) {
		errno = EINVAL;
		return -1;
	}
	cd = calloc(1, sizeof(*cd));
	if (!cd)
		return -1;
	/* crypt_rn returns NULL (never the "*0" failure token) on error. */
	if (crypt_rn(pin, hash, cd, sizeof(*cd)))
		rc = ct_equal(cd->output, hash) ? 1 : 0;
	saved = errno;
	explicit_bzero(cd, sizeof(*cd));
	free(cd);
	errno = saved;
	return rc;
}
