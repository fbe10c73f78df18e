// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The shipped configuration (assets/kiosk.conf, installed as
 * /etc/ppid-kiosk/kiosk.conf) lists every key commented out with its
 * built-in default, and an empty [staff]: uncommenting every key must give
 * exactly the defaults, and the file as shipped grants no role.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "config.h"

#define SHIPPED "assets/kiosk.conf"

/* Write the shipped file to @p out with every "#key = value" uncommented;
 * @return the number of keys uncommented. */
static int uncomment(const char *out)
{
	FILE *in = fopen(SHIPPED, "r"), *o = fopen(out, "w");
	char line[512];
	int keys = 0;

	assert_non_null(in);
	assert_non_null(o);
	while (fgets(line, sizeof(line), in)) {
		const char *p = line + 1;

		if (line[0] == '#') {
			while ((*p >= 'a' && *p <= 'z') || *p == '_')
				p++;
			if (p > line + 1 && strncmp(p, " =", 2) == 0) {
				fputs(line + 1, o);
				keys++;
				continue;
			}
		}
		fputs(line, o);
	}
	fclose(in);
	fclose(o);
	return keys;
}

static void forget_origin(struct config *c)
{
	memset(c->path, 0, sizeof(c->path));
	c->from_file = false;
}

static void test_every_key_commented_with_its_default(void **state)
{
	static struct config def, got;
	char tmp[] = "/tmp/ppidconf.XXXXXX";
	int fd = mkstemp(tmp), keys;
	char *text = NULL;
	size_t len = 0;
	FILE *diag;

	(void)state;
	assert_true(fd >= 0);
	close(fd);
	keys = uncomment(tmp);
	/* Every key of every section but [staff] (35 when this was written;
	 * a key missing from the file fails the comparison below only if its
	 * default differs, so the count is checked too). */
	assert_true(keys >= 35);
	config_defaults(&def);
	diag = open_memstream(&text, &len);
	assert_non_null(diag);
	assert_int_equal(config_load(&got, tmp, diag), 0);
	fclose(diag);
	/* No unknown key, no bad value: the file names the real keys. */
	assert_string_equal(text, "");
	free(text);
	forget_origin(&def);
	forget_origin(&got);
	assert_memory_equal(&def, &got, sizeof(def));
	unlink(tmp);
}

static void test_shipped_file_grants_no_role(void **state)
{
	static struct config c;

	(void)state;
	assert_int_equal(config_load(&c, SHIPPED, stderr), 0);
	assert_true(c.from_file);
	assert_int_equal(c.n_staff, 0);
	assert_int_equal(config_roles_of(&c, "root"), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_every_key_commented_with_its_default),
	    cmocka_unit_test(test_shipped_file_grants_no_role),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
