// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The kiosk's state file (kiosk_state.h): beside the database, a round
 * trip, defaults when missing or not understood, mode 0600.
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "kiosk_state.h"
#include "text.h"

static char dir[] = "/tmp/ppid-state.XXXXXX";
static char path[256];

static int setup(void **state)
{
	(void)state;
	strcpy(dir, "/tmp/ppid-state.XXXXXX");
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/kiosk.state", dir);
	return 0;
}

static int teardown(void **state)
{
	char tmp[300];

	(void)state;
	unlink(path);
	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	unlink(tmp);
	rmdir(dir);
	return 0;
}

static void test_path_beside_db(void **state)
{
	char p[64];

	(void)state;
	assert_int_equal(
	    kiosk_state_path("/var/lib/ppid-kiosk/queue.db", p, sizeof(p)), 0);
	assert_string_equal(p, "/var/lib/ppid-kiosk/kiosk.state");
	assert_int_equal(kiosk_state_path("q.db", p, sizeof(p)), 0);
	assert_string_equal(p, "kiosk.state");
	assert_int_equal(
	    kiosk_state_path("/a/very/long/directory/name/q.db", p, 16), -1);
}

static void test_round_trip(void **state)
{
	struct kiosk_state a = {LANG_EN, 4, 1764590000}, b;
	struct stat st;

	(void)state;
	kiosk_state_load(path, &b);
	assert_int_equal(b.lang, -1);
	assert_int_equal(b.maint_wrong, 0);
	assert_int_equal(b.maint_locked_until, 0);
	assert_int_equal(kiosk_state_save(path, &a), 0);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	kiosk_state_load(path, &b);
	assert_int_equal(b.lang, LANG_EN);
	assert_int_equal(b.maint_wrong, 4);
	assert_int_equal(b.maint_locked_until, 1764590000);
	a.lang = LANG_ID;
	a.maint_wrong = 0;
	a.maint_locked_until = 0;
	assert_int_equal(kiosk_state_save(path, &a), 0);
	kiosk_state_load(path, &b);
	assert_int_equal(b.lang, LANG_ID);
	assert_int_equal(b.maint_wrong, 0);
}

static void test_junk_ignored(void **state)
{
	FILE *f = fopen(path, "w");
	struct kiosk_state b;

	(void)state;
	assert_non_null(f);
	fputs("default_lang = fr\nmaint_wrong = -3\nmaint_locked_until = "
	      "soon\nnonsense\nmaint_wrong = 2\n",
	      f);
	fclose(f);
	kiosk_state_load(path, &b);
	assert_int_equal(b.lang, -1);
	assert_int_equal(b.maint_wrong, 2);
	assert_int_equal(b.maint_locked_until, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_path_beside_db),
	    cmocka_unit_test_setup_teardown(test_round_trip, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_junk_ignored, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
