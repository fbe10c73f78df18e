// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The maintenance PIN's yescrypt hash (maintpin.h): a round trip through
 * libxcrypt, fresh salts, the format check the configuration uses.
 */

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <crypt.h>

#include "maintpin.h"

static void test_round_trip(void **state)
{
	char h[MAINTPIN_HASH_MAX];
	const char *why;

	(void)state;
	assert_int_equal(maintpin_hash("4827", h, sizeof(h)), 0);
	assert_memory_equal(h, "$y$", 3);
	assert_true(maintpin_hash_valid(h, &why));
	assert_int_equal(maintpin_verify("4827", h), 1);
	assert_int_equal(maintpin_verify("4828", h), 0);
	assert_int_equal(maintpin_verify("48270", h), 0);
	assert_int_equal(maintpin_verify("", h), 0);
	/* The library's own crypt agrees (the hash is a standard one). */
	{
		static struct crypt_data cd;

		assert_non_null(crypt_r("4827", h, &cd));
		assert_string_equal(cd.output, h);
	}
}

static void test_fresh_salt(void **state)
{
	char a[MAINTPIN_HASH_MAX], b[MAINTPIN_HASH_MAX];

	(void)state;
	assert_int_equal(maintpin_hash("123456789012", a, sizeof(a)), 0);
	assert_int_equal(maintpin_hash("123456789012", b, sizeof(b)), 0);
	assert_string_not_equal(a, b);
	assert_int_equal(maintpin_verify("123456789012", a), 1);
	assert_int_equal(maintpin_verify("123456789012", b), 1);
}

static void test_pin_rules(void **state)
{
	char h[MAINTPIN_HASH_MAX];

	(void)state;
	assert_true(maintpin_pin_valid("0000"));
	assert_true(maintpin_pin_valid("123456789012"));
	assert_false(maintpin_pin_valid("123"));
	assert_false(maintpin_pin_valid("1234567890123"));
	assert_false(maintpin_pin_valid("12a4"));
	assert_false(maintpin_pin_valid(NULL));
	errno = 0;
	assert_int_equal(maintpin_hash("12a4", h, sizeof(h)), -1);
	assert_int_equal(errno, EINVAL);
	assert_int_equal(maintpin_hash("1234", h, 16), -1);
}

static void test_bad_hash(void **state)
{
	const char *why = NULL;

	(void)state;
	assert_false(maintpin_hash_valid("1234", &why));
	assert_non_null(why);
	assert_false(maintpin_hash_valid("$6$abc$def", &why));
	assert_false(maintpin_hash_valid("", &why));
	assert_false(maintpin_hash_valid(NULL, &why));
	errno = 0;
	assert_int_equal(maintpin_verify("1234", "$y$j9T$x$y"), -1);
	assert_int_equal(errno, EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_round_trip),
	    cmocka_unit_test(test_fresh_salt),
	    cmocka_unit_test(test_pin_rules),
	    cmocka_unit_test(test_bad_hash),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
