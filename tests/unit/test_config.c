// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Unit tests for config.c: built-in defaults, every key of every section,
 * warnings and errors naming "file:line" on the diagnostics stream, the
 * [staff] table and syntax errors.  Each test writes its own file into a
 * fresh temporary directory and reads the diagnostics back from memory.
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "root_owned.h"
#include "workflow.h"

struct fx {
	char dir[256];	 /* temporary directory */
	char path[300];	 /* the config file inside it */
	FILE *diag;	 /* open_memstream */
	char *diag_buf;	 /* its buffer */
	size_t diag_len; /* its length */
	struct config cfg;
};

static struct fx fixture;

static int setup(void **state)
{
	struct fx *f = &fixture;
	const char *tmp = getenv("TMPDIR");

	memset(f, 0, sizeof(*f));
	snprintf(f->dir, sizeof(f->dir), "%s/test_config.XXXXXX",
		 tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(f->dir))
		return -1;
	if (snprintf(f->path, sizeof(f->path), "%s/kiosk.conf", f->dir) >=
	    (int)sizeof(f->path))
		return -1;
	f->diag = open_memstream(&f->diag_buf, &f->diag_len);
	if (!f->diag)
		return -1;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;

	if (f->diag)
		fclose(f->diag);
	free(f->diag_buf);
	unlink(f->path);
	rmdir(f->dir);
	memset(f, 0, sizeof(*f));
	*state = NULL;
	return 0;
}

static void write_file(struct fx *f, const char *text)
{
	FILE *fp = fopen(f->path, "w");

	assert_non_null(fp);
	assert_int_equal(fputs(text, fp) >= 0, 1);
	assert_int_equal(fclose(fp), 0);
}

/* What was written to the diagnostics stream so far. */
static const char *diag(struct fx *f)
{
	assert_int_equal(fflush(f->diag), 0);
	return f->diag_buf ? f->diag_buf : "";
}

/* The diagnostics name "<path>:<line>:". */
static void assert_diag_line(struct fx *f, int line)
{
	char want[340];
	const char *d = diag(f);

	snprintf(want, sizeof(want), "%s:%d:", f->path, line);
	if (!strstr(d, want))
		fail_msg("expected \"%s\" in diagnostics:\n%s", want, d);
}

/* Start again with empty diagnostics. */
static void reset_diag(struct fx *f)
{
	assert_int_equal(fclose(f->diag), 0);
	free(f->diag_buf);
	f->diag_buf = NULL;
	f->diag_len = 0;
	f->diag = open_memstream(&f->diag_buf, &f->diag_len);
	assert_non_null(f->diag);
}

static void assert_diag_has(struct fx *f, const char *s)
{
	const char *d = diag(f);

	if (!strstr(d, s))
		fail_msg("expected \"%s\" in diagnostics:\n%s", s, d);
}

static int load(struct fx *f, const char *text)
{
	write_file(f, text);
	return config_load(&f->cfg, f->path, f->diag);
}

static void test_defaults_filled_by_config_defaults(void **state)
{
	struct fx *f = *state;
	struct config *c = &f->cfg;

	memset(c, 0x5a, sizeof(*c));
	config_defaults(c);
	assert_false(c->from_file);
	assert_string_equal(c->path, "");
	assert_string_equal(c->office_name, "KPU Provinsi Bengkulu");
	assert_string_equal(c->office_prefix, "KPU-BKL");
	assert_string_equal(c->number_format,
			    "{seq}/PPID/{prefix}/{roman}/{year}");
	assert_int_equal(c->open_min, 8 * 60);
	assert_int_equal(c->close_min, 16 * 60);
	assert_string_equal(c->db_path, CONFIG_DEFAULT_DB);
	assert_int_equal(c->paper_mm, 80);
	assert_true(c->button_active_low);
	assert_int_equal(c->reader_backend, CONFIG_READER_EVDEV);
	assert_int_equal(c->reader_terminator, CONFIG_TERM_ENTER);
	assert_int_equal(c->button_bias, CONFIG_BIAS_PULL_UP);
	assert_int_equal(c->gpio_backend, CONFIG_GPIO_GPIOD);
	assert_string_equal(c->buzzer_line, "");
	assert_int_equal(c->n_staff, 0);
}

static void test_defaults_without_file_give_no_role(void **state)
{
	struct fx *f = *state;

	if (access(CONFIG_DEFAULT_PATH, F_OK) == 0)
		skip(); /* a real installation: not development mode */
	assert_int_equal(config_load(&f->cfg, NULL, f->diag), 0);
	assert_false(f->cfg.from_file);
	assert_string_equal(f->cfg.path, "");
	assert_string_equal(f->cfg.office_prefix, "KPU-BKL");
	assert_int_equal(f->cfg.open_min, 8 * 60);
	assert_int_equal(f->cfg.close_min, 16 * 60);
	/* Closed by default: no file grants nobody anything (development
	 * mode is the programs' PPID_DEV=1, never implied). */
	assert_int_equal(config_roles_of(&f->cfg, "anyone"), 0);
	assert_int_equal(config_roles_of(&f->cfg, "root"), 0);
	assert_string_equal(diag(f), "");
}

static const char full_file[] =
    "; every key of every section\n"
    "[office]\n"
    "name = KPU Kota Bengkulu\n"
    "address = Jl. Letjen Suprapto No. 1, Kota Bengkulu\n"
    "city = Kota Bengkulu\n"
    "prefix = KPU-KOTA-BKL\n"
    "number_format = {prefix}/{year}/{month}/{seq}\n"
    "hours = 07:30-15:30\n"
    "\n"
    "[ppid]\n"
    "name = Drs. Ahmad Fauzi\n"
    "title = Sekretaris KPU Kota Bengkulu\n"
    "\n"
    "[database]\n"
    "path = /tmp/ppid-test/queue.db\n"
    "busy_timeout_ms = 2500\n"
    "\n"
    "[printer]\n"
    "receipt = TM-T82\n"
    "letter = HP-LaserJet\n"
    "paper_mm = 58\n"
    "receipt_timeout_s = 60\n"
    "\n"
    "[cardreader]\n"
    "backend = serial\n"
    "device = /dev/ttyUSB0\n"
    "match = 0c2e:0b61\n"
    "baud = 115200\n"
    "terminator = tab\n"
    "gap_ms = 50\n"
    "fifo = /run/test/card.fifo\n"
    "\n"
    "[gpio]\n"
    "backend = sim\n"
    "button = GPIO22\n"
    "button_active_low = no\n"
    "button_bias = pull-down\n"
    "debounce_ms = 15\n"
    "led = GPIO23\n"
    "buzzer = GPIO24\n"
    "fifo = /run/test/gpio.fifo\n"
    "\n"
    "[staff]\n"
    "rina = desk\n"
    "budi = desk,ppid\n"
    "sari = kasubbag\n"
    "joko = kabag\n";

static void test_every_section_loaded(void **state)
{
	struct fx *f = *state;
	struct config *c = &f->cfg;

	T_NEED_ROOT_OWNED();
	assert_int_equal(load(f, full_file), 0);
	assert_string_equal(diag(f), "");
	assert_true(c->from_file);
	assert_string_equal(c->path, f->path);

	assert_string_equal(c->office_name, "KPU Kota Bengkulu");
	assert_string_equal(c->office_address,
			    "Jl. Letjen Suprapto No. 1, Kota Bengkulu");
	assert_string_equal(c->office_city, "Kota Bengkulu");
	assert_string_equal(c->office_prefix, "KPU-KOTA-BKL");
	assert_string_equal(c->number_format, "{prefix}/{year}/{month}/{seq}");
	assert_int_equal(c->open_min, 7 * 60 + 30);
	assert_int_equal(c->close_min, 15 * 60 + 30);

	assert_string_equal(c->ppid_name, "Drs. Ahmad Fauzi");
	assert_string_equal(c->ppid_title, "Sekretaris KPU Kota Bengkulu");

	assert_string_equal(c->db_path, "/tmp/ppid-test/queue.db");
	assert_int_equal(c->busy_timeout_ms, 2500);

	assert_string_equal(c->receipt_printer, "TM-T82");
	assert_string_equal(c->letter_printer, "HP-LaserJet");
	assert_int_equal(c->paper_mm, 58);
	assert_int_equal(c->receipt_timeout_s, 60);

	assert_int_equal(c->reader_backend, CONFIG_READER_SERIAL);
	assert_string_equal(c->reader_device, "/dev/ttyUSB0");
	assert_string_equal(c->reader_match, "0c2e:0b61");
	assert_int_equal(c->reader_baud, 115200);
	assert_int_equal(c->reader_terminator, CONFIG_TERM_TAB);
	assert_int_equal(c->reader_gap_ms, 50);
	assert_string_equal(c->reader_fifo, "/run/test/card.fifo");

	assert_int_equal(c->gpio_backend, CONFIG_GPIO_SIM);
	assert_string_equal(c->button_line, "GPIO22");
	assert_false(c->button_active_low);
	assert_int_equal(c->button_bias, CONFIG_BIAS_PULL_DOWN);
	assert_int_equal(c->debounce_ms, 15);
	assert_string_equal(c->led_line, "GPIO23");
	assert_string_equal(c->buzzer_line, "GPIO24");
	assert_string_equal(c->gpio_fifo, "/run/test/gpio.fifo");

	assert_int_equal(c->n_staff, 4);
}

static void test_file_keeps_defaults_for_missing_keys(void **state)
{
	struct fx *f = *state;

	assert_int_equal(load(f, "[printer]\npaper_mm = 58\n"), 0);
	assert_true(f->cfg.from_file);
	assert_int_equal(f->cfg.paper_mm, 58);
	assert_string_equal(f->cfg.office_prefix, "KPU-BKL");
	assert_int_equal(f->cfg.open_min, 8 * 60);
	assert_int_equal(f->cfg.receipt_timeout_s, 180);
	assert_true(f->cfg.button_active_low);
}

static void test_bool_spellings(void **state)
{
	struct fx *f = *state;
	static const char *const yes[] = {"yes", "true", "1", "on", "YES"};
	static const char *const no[] = {"no", "false", "0", "off", "Off"};
	char text[96];

	for (size_t i = 0; i < 5; i++) {
		snprintf(text, sizeof(text), "[gpio]\nbutton_active_low = %s\n",
			 no[i]);
		assert_int_equal(load(f, text), 0);
		assert_false(f->cfg.button_active_low);
		snprintf(text, sizeof(text), "[gpio]\nbutton_active_low = %s\n",
			 yes[i]);
		assert_int_equal(load(f, text), 0);
		assert_true(f->cfg.button_active_low);
	}
}

static void test_unknown_key_is_a_warning_with_line(void **state)
{
	struct fx *f = *state;

	assert_int_equal(load(f, "[office]\n"
				 "name = KPU Provinsi Bengkulu\n"
				 "colour = blue\n"
				 "\n"
				 "[weather]\n"
				 "rain = yes\n"
				 "[printer]\n"
				 "paper_mm = 58\n"),
			 0);
	assert_diag_line(f, 3);
	assert_diag_has(f, "colour");
	assert_diag_line(f, 6);
	assert_diag_has(f, "rain");
	assert_diag_has(f, "warning");
	/* Keys after the unknown ones still load. */
	assert_int_equal(f->cfg.paper_mm, 58);
}

/* One bad value on line 4 of an otherwise good file. */
static void check_bad_value(struct fx *f, const char *section, const char *line)
{
	char text[512];

	snprintf(text, sizeof(text),
		 "; kiosk\n[office]\nname = KPU\n%s\n%s\n[ppid]\nname = X\n",
		 section, line);
	/* line 4 is the section header, line 5 the bad value */
	if (load(f, text) != -1)
		fail_msg("accepted: %s %s", section, line);
	assert_diag_line(f, 5);
	reset_diag(f);
}

static void test_bad_values_fail_with_line(void **state)
{
	struct fx *f = *state;
	static const char *const cases[][2] = {
	    {"[printer]", "paper_mm = 100"},
	    {"[printer]", "paper_mm = 57"},
	    {"[printer]", "paper_mm = eighty"},
	    {"[printer]", "paper_mm = 80mm"},
	    {"[printer]", "paper_mm ="},
	    {"[printer]", "receipt_timeout_s = 5"},
	    {"[printer]", "receipt_timeout_s = 99999999999999999999"},
	    {"[office]", "hours = 17:00-08:00"},
	    {"[office]", "hours = 08:00-08:00"},
	    {"[office]", "hours = 08:00"},
	    {"[office]", "hours = 25:00-26:00"},
	    {"[office]", "hours = 08:60-16:00"},
	    {"[office]", "hours = pagi-sore"},
	    {"[cardreader]", "backend = foo"},
	    {"[cardreader]", "backend = EVDEV"},
	    {"[cardreader]", "backend ="},
	    {"[cardreader]", "terminator = space"},
	    {"[cardreader]", "baud = 300"},
	    {"[gpio]", "backend = foo"},
	    {"[gpio]", "button_active_low = maybe"},
	    {"[gpio]", "button_active_low ="},
	    {"[gpio]", "button_bias = floating"},
	    {"[gpio]", "debounce_ms = 0"},
	    {"[database]", "busy_timeout_ms = -1"},
	    /* 35 characters into char[32]. */
	    {"[office]", "prefix = KPU-PROVINSI-BENGKULU-KOTA-BENGKULU"},
	    /* 20 characters into char[16], 40 into char[32]. */
	    {"[cardreader]", "match = 0c2e:0b61:0000:01"},
	    {"[gpio]", "button = GPIO17-GPIO17-GPIO17-GPIO17-GPIO1"},
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		check_bad_value(f, cases[i][0], cases[i][1]);
}

static void test_string_at_exact_capacity(void **state)
{
	struct fx *f = *state;
	char text[128], prefix[40];

	/* office_prefix is char[32]: 31 characters fit, 32 do not. */
	memset(prefix, 'A', 31);
	prefix[31] = '\0';
	snprintf(text, sizeof(text), "[office]\nprefix = %s\n", prefix);
	assert_int_equal(load(f, text), 0);
	assert_string_equal(f->cfg.office_prefix, prefix);
	snprintf(text, sizeof(text), "[office]\nprefix = %sA\n", prefix);
	assert_int_equal(load(f, text), -1);
	assert_diag_line(f, 2);
}

/* [kiosk] maint_pin_hash: empty (closed) by default, a yescrypt hash
 * taken, anything else refused at load with its line and a clear word. */
static void test_maint_pin_hash(void **state)
{
	struct fx *f = *state;
	static const char good[] = "$y$j9T$jipVggm60tClN0Fxvr/vT/$pgByyDKG2Bog"
				   "WxsME/jrH11Y0lvWZCEfVKUiC.yKYi5";
	static const char *const bad[] = {
	    "1234",				  /* a PIN, not its hash */
	    "$6$salt$abcdefghijklmnopqrstuvwxyz", /* SHA-512 crypt */
	    "$y$j9T$jipVggm60tClN0Fxvr/vT/$pgByyDKG2Bog", /* cut short */
	    "$y$j9T$$pgByyDKG2BogWxsME/jrH11Y0lvWZCEfVKUiC.yKYi5", /* no salt */
	    /* a space crypt never writes */
	    ("$y$j9T$jipVggm60tClN0Fxvr/vT/$pgByyDKG2BogWxsME/jrH11Y0lvWZCEfVKU "
	     "C.yKYi5"),
	};
	char text[256];

	config_defaults(&f->cfg);
	assert_string_equal(f->cfg.kiosk_maint_pin_hash, "");
	snprintf(text, sizeof(text), "[kiosk]\nmaint_pin_hash = %s\n", good);
	assert_int_equal(load(f, text), 0);
	assert_string_equal(f->cfg.kiosk_maint_pin_hash, good);
	assert_int_equal(load(f, "[kiosk]\nmaint_pin_hash =\n"), 0);
	assert_string_equal(f->cfg.kiosk_maint_pin_hash, "");
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		reset_diag(f);
		snprintf(text, sizeof(text), "[kiosk]\n\nmaint_pin_hash = %s\n",
			 bad[i]);
		assert_int_equal(load(f, text), -1);
		assert_diag_line(f, 3);
		assert_diag_has(f, "maint_pin_hash");
	}
	reset_diag(f);
	load(f, "[kiosk]\nmaint_pin_hash = 1234\n");
	assert_diag_has(f, "not a yescrypt hash (it starts with $y$; make one "
			   "with ppid-console kiosk-pin)");
}

/* The receipt printer takes 58 or 80 mm paper (config.h). */
static void test_paper_mm_only_58_or_80(void **state)
{
	struct fx *f = *state;

	assert_int_equal(load(f, "[printer]\npaper_mm = 80\n"), 0);
	assert_int_equal(f->cfg.paper_mm, 80);
	assert_int_equal(load(f, "[printer]\npaper_mm = 58\n"), 0);
	assert_int_equal(f->cfg.paper_mm, 58);
	assert_int_equal(load(f, "[printer]\npaper_mm = 70\n"), -1);
	assert_diag_line(f, 2);
}

/* Lines longer than inih's 200-byte line buffer.  A value that fits its
 * field must load whole (office_address holds 255 characters). */
/* inih reads lines of at most 199 characters: a longer line is refused
 * with its number, never split into two lines that mean something else. */
static void test_long_value_line_refused_not_split(void **state)
{
	struct fx *f = *state;
	char text[512], address[300];

	/* 189 'a', then a space at column 200 of the line; 222 in all. */
	memset(address, 'a', 189);
	snprintf(address + 189, sizeof(address) - 189, "%s",
		 " Kota Bengkulu, Provinsi Bengkulu");
	assert_true(strlen(address) < sizeof(f->cfg.office_address));
	snprintf(text, sizeof(text), "[office]\naddress = %s\ncity = B\n",
		 address);
	assert_int_equal(load(f, text), -1);
	assert_diag_line(f, 2);
	assert_diag_has(f, "longer than");
	assert_string_not_equal(f->cfg.office_address,
				" Kota Bengkulu, Provinsi Bengkulu");
	assert_string_equal(f->cfg.office_city, "B");
}

/* A long comment is still a comment, and the lines after it keep their
 * numbers in messages. */
static void test_long_comment_line_is_ignored(void **state)
{
	struct fx *f = *state;
	char text[512];
	size_t n = 0;

	text[n++] = ';';
	for (; n < 250; n++)
		text[n] = n % 10 ? 'c' : ' ';
	snprintf(text + n, sizeof(text) - n, "\n[office]\ncolour = blue\n");
	assert_int_equal(load(f, text), 0);
	assert_diag_line(f, 3);
	assert_diag_has(f, "colour");
}

static void test_several_errors_each_with_its_line(void **state)
{
	struct fx *f = *state;

	assert_int_equal(load(f, "[printer]\n"
				 "paper_mm = 100\n"
				 "receipt_timeout_s = 60\n"
				 "[gpio]\n"
				 "button_active_low = maybe\n"
				 "unknown = 1\n"),
			 -1);
	assert_diag_line(f, 2);
	assert_diag_line(f, 5);
	assert_diag_line(f, 6);
	assert_diag_has(f, "paper_mm");
	assert_diag_has(f, "button_active_low");
}

static void test_staff_roles(void **state)
{
	struct fx *f = *state;

	T_NEED_ROOT_OWNED();
	assert_int_equal(load(f, "[staff]\n"
				 "rina = desk\n"
				 "budi = desk,ppid\n"
				 "sari = kasubbag , kabag\n"),
			 0);
	assert_true(f->cfg.from_file);
	assert_int_equal(config_roles_of(&f->cfg, "rina"), WF_ROLE_DESK);
	assert_int_equal(config_roles_of(&f->cfg, "budi"),
			 WF_ROLE_DESK | WF_ROLE_PPID);
	assert_int_equal(config_roles_of(&f->cfg, "sari"),
			 WF_ROLE_KASUBBAG | WF_ROLE_KABAG);
	/* Not listed: no role at all once a file is in use. */
	assert_int_equal(config_roles_of(&f->cfg, "tamu"), 0);
	assert_int_equal(config_roles_of(&f->cfg, "root"), 0);
	assert_int_equal(config_roles_of(&f->cfg, ""), 0);
	assert_int_equal(config_roles_of(&f->cfg, "Rina"), 0);
}

static void test_file_without_staff_gives_no_roles(void **state)
{
	struct fx *f = *state;

	assert_int_equal(load(f, "[office]\nname = KPU\n"), 0);
	assert_int_equal(f->cfg.n_staff, 0);
	assert_int_equal(config_roles_of(&f->cfg, "rina"), 0);
}

static void test_staff_unknown_role_refused_with_line(void **state)
{
	struct fx *f = *state;

	T_NEED_ROOT_OWNED();
	assert_int_equal(load(f, "[staff]\n"
				 "rina = desk\n"
				 "boss = desk,chief\n"),
			 -1);
	assert_diag_line(f, 3);
	assert_diag_has(f, "boss");
	assert_int_equal(config_roles_of(&f->cfg, "boss"), 0);
}

static void test_staff_refuses_kiosk_and_empty_roles(void **state)
{
	struct fx *f = *state;

	T_NEED_ROOT_OWNED();
	assert_int_equal(load(f, "[staff]\nrina = desk\nmesin = kiosk\n"), -1);
	assert_diag_line(f, 3);
	assert_int_equal(load(f, "[staff]\nrina = desk\n\nkosong =\n"), -1);
	assert_diag_line(f, 4);
}

static void test_explicit_missing_path_fails(void **state)
{
	struct fx *f = *state;
	char missing[320];

	snprintf(missing, sizeof(missing), "%s/does-not-exist.conf", f->dir);
	assert_int_equal(config_load(&f->cfg, missing, f->diag), -1);
	assert_diag_has(f, missing);
	assert_false(f->cfg.from_file);
	/* Still usable defaults. */
	assert_string_equal(f->cfg.office_prefix, "KPU-BKL");
}

static void test_syntax_error_line_reported(void **state)
{
	struct fx *f = *state;

	assert_int_equal(load(f, "[office]\n"
				 "name = KPU\n"
				 "; a comment\n"
				 "this line has no equals sign\n"
				 "city = Bengkulu\n"),
			 -1);
	assert_diag_line(f, 4);
	/* The rest of the file was still read. */
	assert_string_equal(f->cfg.office_city, "Bengkulu");
}

static void test_unclosed_section_reported(void **state)
{
	struct fx *f = *state;

	assert_int_equal(load(f, "\n\n[office\nname = KPU\n"), -1);
	assert_diag_line(f, 3);
}

static void test_null_diag_is_allowed(void **state)
{
	struct fx *f = *state;

	write_file(f, "[printer]\npaper_mm = 100\ncolour = 1\n");
	assert_int_equal(config_load(&f->cfg, f->path, NULL), -1);
	write_file(f, "[printer]\npaper_mm = 58\ncolour = 1\n");
	assert_int_equal(config_load(&f->cfg, f->path, NULL), 0);
	assert_int_equal(f->cfg.paper_mm, 58);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

/* Roles come only from a file nobody but root can change. */
static void test_staff_ignored_from_writable_file(void **state)
{
	struct fx *f = *state;

	write_file(f, "[staff]\nbudi = ppid\n");
	assert_int_equal(chmod(f->path, 0666), 0);
	assert_int_equal(config_load(&f->cfg, f->path, f->diag), 0);
	assert_int_equal(f->cfg.n_staff, 0);
	assert_int_equal(config_roles_of(&f->cfg, "budi"), 0);
	assert_diag_has(f, "ignoring [staff]");
	if (geteuid() == 0) {
		assert_int_equal(chmod(f->path, 0644), 0);
		assert_int_equal(config_load(&f->cfg, f->path, f->diag), 0);
		assert_int_equal(config_roles_of(&f->cfg, "budi"),
				 WF_ROLE_PPID);
	}
}

/* Every enum value is loaded from its key, and its key reads back: the
 * choice lists and the key tables cannot drift apart. */
static void test_enum_keys_round_trip(void **state)
{
	struct fx *f = *state;
	char text[128];

	for (int v = CONFIG_READER_EVDEV; v <= CONFIG_READER_NONE; v++) {
		snprintf(text, sizeof(text), "[cardreader]\nbackend = %s\n",
			 config_reader_key((enum config_reader)v));
		assert_int_equal(load(f, text), 0);
		assert_int_equal(f->cfg.reader_backend, v);
	}
	for (int v = CONFIG_GPIO_GPIOD; v <= CONFIG_GPIO_NONE; v++) {
		snprintf(text, sizeof(text), "[gpio]\nbackend = %s\n",
			 config_gpio_key((enum config_gpio)v));
		assert_int_equal(load(f, text), 0);
		assert_int_equal(f->cfg.gpio_backend, v);
	}
	for (int v = CONFIG_BIAS_PULL_UP; v <= CONFIG_BIAS_NONE; v++) {
		snprintf(text, sizeof(text), "[gpio]\nbutton_bias = %s\n",
			 config_bias_key((enum config_bias)v));
		assert_int_equal(load(f, text), 0);
		assert_int_equal(f->cfg.button_bias, v);
	}
	for (int v = CONFIG_TERM_ENTER; v <= CONFIG_TERM_TAB; v++) {
		snprintf(text, sizeof(text), "[cardreader]\nterminator = %s\n",
			 config_term_key((enum config_term)v));
		assert_int_equal(load(f, text), 0);
		assert_int_equal(f->cfg.reader_terminator, v);
	}
	assert_string_equal(config_reader_key(CONFIG_READER_SIM), "sim");
	assert_string_equal(config_bias_key(CONFIG_BIAS_PULL_DOWN),
			    "pull-down");
	assert_string_equal(config_reader_key((enum config_reader)99), "?");
	assert_string_equal(config_gpio_key((enum config_gpio) - 1), "?");
	/* A bad value names the choices and the line. */
	assert_int_equal(load(f, "[gpio]\n\nbutton_bias = up\n"), -1);
	assert_diag_line(f, 3);
	assert_diag_has(f, "pull-up|pull-down|none");
}

/* No signer's name by default: the notification view repeats the title. */
static void test_ppid_name_defaults_to_none(void **state)
{
	struct fx *f = *state;

	config_defaults(&f->cfg);
	assert_string_equal(f->cfg.ppid_name, "");
	assert_true(strlen(f->cfg.ppid_title) > 0);
}

/* [kiosk] blank_s and rotate: defaults, the values, and what is refused. */
static void test_kiosk_blank_and_rotate(void **state)
{
	static const char *const rot[] = {"0", "90", "180", "270"};
	struct fx *f = *state;
	char text[128];

	config_defaults(&f->cfg);
	assert_int_equal(f->cfg.kiosk_blank_s, 300);
	assert_int_equal(f->cfg.kiosk_rotate, 0);
	for (int i = 0; i < 4; i++) {
		snprintf(text, sizeof(text),
			 "[kiosk]\nblank_s = %d\nrotate = %s\n", i * 2, rot[i]);
		assert_int_equal(load(f, text), 0);
		assert_int_equal(f->cfg.kiosk_blank_s, i * 2);
		assert_int_equal(f->cfg.kiosk_rotate, i);
	}
	assert_int_equal(load(f, "[kiosk]\nblank_s = 86400\n"), 0);
	assert_int_equal(f->cfg.kiosk_blank_s, 86400);
	assert_int_equal(load(f, "[kiosk]\nrotate = 45\n"), -1);
	assert_diag_line(f, 2);
	reset_diag(f);
	assert_int_equal(load(f, "[kiosk]\nrotate = 90deg\n"), -1);
	reset_diag(f);
	assert_int_equal(load(f, "[kiosk]\n\nblank_s = -1\n"), -1);
	assert_diag_line(f, 3);
	reset_diag(f);
	assert_int_equal(load(f, "[kiosk]\nblank_s = 86401\n"), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    T(test_defaults_filled_by_config_defaults),
	    T(test_maint_pin_hash),
	    T(test_defaults_without_file_give_no_role),
	    T(test_every_section_loaded),
	    T(test_file_keeps_defaults_for_missing_keys),
	    T(test_bool_spellings),
	    T(test_unknown_key_is_a_warning_with_line),
	    T(test_bad_values_fail_with_line),
	    T(test_string_at_exact_capacity),
	    T(test_paper_mm_only_58_or_80),
	    T(test_long_value_line_refused_not_split),
	    T(test_long_comment_line_is_ignored),
	    T(test_several_errors_each_with_its_line),
	    T(test_staff_roles),
	    T(test_file_without_staff_gives_no_roles),
	    T(test_staff_unknown_role_refused_with_line),
	    T(test_staff_refuses_kiosk_and_empty_roles),
	    T(test_explicit_missing_path_fails),
	    T(test_syntax_error_line_reported),
	    T(test_unclosed_section_reported),
	    T(test_null_diag_is_allowed),
	    T(test_staff_ignored_from_writable_file),
	    T(test_enum_keys_round_trip),
	    T(test_ppid_name_defaults_to_none),
	    T(test_kiosk_blank_and_rotate),
	};

	/* [staff] is read only from root-owned files (see root_owned.h). */
	t_root_owned_files();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
