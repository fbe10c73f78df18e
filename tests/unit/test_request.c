// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Unit tests for request.c: the rules of every field of the request form,
 * the messages they give, deadlines in force, wiping, and key / label
 * round trips.  All checks use one fixed "now", Fri 27 Nov 2026 10:00 WIB.
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "date.h"
#include "request.h"

#define E_ACUTE "\xc3\xa9"	   /* U+00E9, 2 bytes, 1 character */
#define RLO	"\xe2\x80\xae"	   /* U+202E RIGHT-TO-LEFT OVERRIDE */
#define NBSP	"\xc2\xa0"	   /* U+00A0 NO-BREAK SPACE */
#define IDSP	"\xe3\x80\x80"	   /* U+3000 IDEOGRAPHIC SPACE */
#define CJK_4B	"\xf0\xa0\x80\x80" /* U+20000, a letter of 4 bytes */
#define LSEP	"\xe2\x80\xa8"	   /* U+2028 LINE SEPARATOR */
#define PSEP	"\xe2\x80\xa9"	   /* U+2029 PARAGRAPH SEPARATOR */

static time_t now;

/* A complete, valid request; every test starts from it. */
static void fill_valid(struct request *r)
{
	request_init(r);
	snprintf(r->name, sizeof(r->name), "Siti Aminah");
	r->id_type = REQ_ID_NIK;
	snprintf(r->id_number, sizeof(r->id_number), "1771014708900001");
	snprintf(r->address, sizeof(r->address),
		 "Jl. Pembangunan No. 11, Padang Harapan, Kota Bengkulu");
	snprintf(r->occupation, sizeof(r->occupation), "Wiraswasta");
	snprintf(r->phone, sizeof(r->phone), "+62 812-3456-7890");
	snprintf(r->email, sizeof(r->email), "siti.aminah@contoh.id");
	snprintf(r->info, sizeof(r->info),
		 "Salinan keputusan penetapan DPT Pemilu 2024 Kota Bengkulu");
	snprintf(r->purpose, sizeof(r->purpose), "Penelitian skripsi");
	r->obtain = REQ_OBTAIN_SOFTCOPY;
	r->delivery = REQ_DELIVERY_EMAIL;
	r->channel = REQ_CHANNEL_KIOSK;
	r->received_at = REQ_RECEIVED_NOW;
}

static int setup(void **state)
{
	struct request *r = test_malloc(sizeof(*r));

	if (!r)
		return -1;
	now = date_wib_to_utc((struct date){2026, 11, 27}, 10, 0, 0);
	fill_valid(r);
	*state = r;
	return 0;
}

static int teardown(void **state)
{
	struct request *r = *state;

	request_wipe(r);
	test_free(r);
	*state = NULL;
	return 0;
}

static void assert_text_ok(const struct text *t)
{
	assert_non_null(t);
	assert_non_null(t->id);
	assert_non_null(t->en);
	assert_true(t->id[0] != '\0');
	assert_true(t->en[0] != '\0');
}

/* The field is accepted. */
static void ok(const struct request *r, enum req_field f)
{
	const struct text *t = request_check_field(r, f, now);

	if (t)
		fail_msg("%s refused: %s", request_field_label(f)->en, t->en);
}

/* The field is refused; returns the message, which must be complete. */
static const struct text *bad(const struct request *r, enum req_field f)
{
	const struct text *t = request_check_field(r, f, now);

	if (!t)
		fail_msg("%s accepted but should be refused",
			 request_field_label(f)->en);
	assert_text_ok(t);
	return t;
}

/* Write @p count copies of @p unit into @p buf. */
static void repeat(char *buf, size_t cap, const char *unit, int count)
{
	size_t n = 0, u = strlen(unit);

	for (int i = 0; i < count; i++) {
		assert_true(n + u < cap);
		memcpy(buf + n, unit, u);
		n += u;
	}
	buf[n] = '\0';
}

#define SET(field, value) snprintf(r->field, sizeof(r->field), "%s", (value))

static void test_valid_request_has_no_problems(void **state)
{
	struct request *r = *state;
	struct req_error errs[REQ_F_COUNT];

	assert_int_equal(request_validate(r, now, errs, REQ_F_COUNT), 0);
	for (int f = 0; f < REQ_F_COUNT; f++)
		ok(r, (enum req_field)f);
}

/* Checks shared by every text field: blank, control characters, bad UTF-8.
 */
static void check_text_field_basics(struct request *r, char *buf, size_t cap,
				    enum req_field f, bool multiline)
{
	const struct text *missing, *chars;

	snprintf(buf, cap, "%s", "");
	missing = bad(r, f);
	snprintf(buf, cap, "%s", "   ");
	assert_ptr_equal(bad(r, f), missing);
	snprintf(buf, cap, "%s", " \t ");
	assert_ptr_equal(bad(r, f), missing);

	snprintf(buf, cap, "%s", "Bengkulu\x01 kota");
	chars = bad(r, f);
	assert_ptr_not_equal(chars, missing);
	snprintf(buf, cap, "%s", "Bengkulu\x7f kota"); /* DEL is a control */
	assert_ptr_equal(bad(r, f), chars);
	snprintf(buf, cap, "%s", "Bengkulu\x1b[2J kota"); /* ESC */
	assert_ptr_equal(bad(r, f), chars);
	snprintf(buf, cap, "%s", "Bengkulu \xc2\x85 kota"); /* C1 NEL */
	assert_ptr_equal(bad(r, f), chars);
	snprintf(buf, cap, "%s", "Bengkulu " RLO "atok");
	assert_ptr_equal(bad(r, f), chars);
	snprintf(buf, cap, "%s", "Bengkulu \xff kota"); /* never in UTF-8 */
	assert_ptr_equal(bad(r, f), chars);
	snprintf(buf, cap, "%s", "Bengkulu kot\xc3"); /* truncated sequence */
	assert_ptr_equal(bad(r, f), chars);
	snprintf(buf, cap, "%s", "Bengkulu \xc0\xaf kota"); /* overlong '/' */
	assert_ptr_equal(bad(r, f), chars);
	snprintf(buf, cap, "%s", "Bengkulu \xed\xa0\x80 kota"); /* surrogate */
	assert_ptr_equal(bad(r, f), chars);

	/* Newlines: only in the multi-line fields. */
	snprintf(buf, cap, "%s", "Jl. Sudirman 1\nKota Bengkulu");
	if (multiline)
		ok(r, f);
	else
		assert_ptr_equal(bad(r, f), chars);
	snprintf(buf, cap, "%s", "Jl. Sudirman 1\r\nKota Bengkulu");
	if (multiline)
		ok(r, f);
	else
		assert_ptr_equal(bad(r, f), chars);
}

/* min and max counted in characters: @p max 'é' pass, one more fails. */
static void check_text_field_lengths(struct request *r, char *buf, size_t cap,
				     enum req_field f, int min, int max)
{
	const struct text *shortm, *longm;

	repeat(buf, cap, "a", min - 1);
	shortm = bad(r, f);
	repeat(buf, cap, "a", min);
	ok(r, f);
	repeat(buf, cap, E_ACUTE, min);
	ok(r, f);
	repeat(buf, cap, "a", max);
	ok(r, f);
	repeat(buf, cap, E_ACUTE, max); /* 2 * max bytes */
	ok(r, f);
	repeat(buf, cap, E_ACUTE, max + 1);
	longm = bad(r, f);
	assert_ptr_not_equal(longm, shortm);
	repeat(buf, cap, "a", max + 1);
	assert_ptr_equal(bad(r, f), longm);
	/* 4-byte characters still count as one each (the buffer holds no
	 * more than max of them). */
	repeat(buf, cap, CJK_4B, max);
	ok(r, f);
	repeat(buf, cap, CJK_4B, max - 1);
	strcat(buf, E_ACUTE E_ACUTE);
	assert_ptr_equal(bad(r, f), longm);
}

static void test_name_rules(void **state)
{
	struct request *r = *state;
	char *b = r->name;
	const size_t cap = sizeof(r->name);
	const struct text *letters;

	check_text_field_basics(r, b, cap, REQ_F_NAME, false);
	check_text_field_lengths(r, b, cap, REQ_F_NAME, 2, REQ_NAME_MAX);
	/* A tab is a control character in a one-line field. */
	SET(name, "Siti\tAminah");
	bad(r, REQ_F_NAME);
	/* A name must contain letters. */
	SET(name, "12345");
	letters = bad(r, REQ_F_NAME);
	SET(name, "-- ..");
	assert_ptr_equal(bad(r, REQ_F_NAME), letters);
	SET(name, "Andr" E_ACUTE " Sihombing");
	ok(r, REQ_F_NAME);
	SET(name, "I Gusti Ayu Putu 2");
	ok(r, REQ_F_NAME);
}

static void test_address_rules(void **state)
{
	struct request *r = *state;

	check_text_field_basics(r, r->address, sizeof(r->address),
				REQ_F_ADDRESS, true);
	check_text_field_lengths(r, r->address, sizeof(r->address),
				 REQ_F_ADDRESS, 5, REQ_ADDRESS_MAX);
	SET(address, "Jl. Pembangunan No. 11\nPadang Harapan\nKota Bengkulu");
	ok(r, REQ_F_ADDRESS);
}

static void test_occupation_rules(void **state)
{
	struct request *r = *state;

	check_text_field_basics(r, r->occupation, sizeof(r->occupation),
				REQ_F_OCCUPATION, false);
	check_text_field_lengths(r, r->occupation, sizeof(r->occupation),
				 REQ_F_OCCUPATION, 2, REQ_OCCUPATION_MAX);
}

static void test_info_rules(void **state)
{
	struct request *r = *state;

	check_text_field_basics(r, r->info, sizeof(r->info), REQ_F_INFO, true);
	check_text_field_lengths(r, r->info, sizeof(r->info), REQ_F_INFO, 10,
				 REQ_INFO_MAX);
}

static void test_purpose_rules(void **state)
{
	struct request *r = *state;

	check_text_field_basics(r, r->purpose, sizeof(r->purpose),
				REQ_F_PURPOSE, true);
	check_text_field_lengths(r, r->purpose, sizeof(r->purpose),
				 REQ_F_PURPOSE, 5, REQ_PURPOSE_MAX);
}

/* A required field made of Unicode spaces only is as empty as one made of
 * ASCII spaces: it must get the "missing" message, not pass as text. */
static void test_unicode_spaces_count_as_blank(void **state)
{
	struct request *r = *state;
	const struct text *missing;

	SET(address, "");
	missing = bad(r, REQ_F_ADDRESS);
	SET(address, NBSP NBSP NBSP NBSP NBSP NBSP);
	assert_ptr_equal(bad(r, REQ_F_ADDRESS), missing);

	SET(info, "");
	missing = bad(r, REQ_F_INFO);
	repeat(r->info, sizeof(r->info), IDSP, 12);
	assert_ptr_equal(bad(r, REQ_F_INFO), missing);

	SET(occupation, "");
	missing = bad(r, REQ_F_OCCUPATION);
	SET(occupation, NBSP NBSP NBSP);
	assert_ptr_equal(bad(r, REQ_F_OCCUPATION), missing);
}

static void test_phone_shapes(void **state)
{
	struct request *r = *state;
	static const char *const good[] = {
	    "+62 812-3456-7890", "081234567890",
	    "0812 3456 7890",	 "08123456", /* 8 digits */
	    "+628123456789012",		     /* 15 digits */
	};
	static const char *const refused[] = {
	    "0812345",		/* 7 digits */
	    "21234",		/* 5 digits */
	    "0812345678901234", /* 16 digits */
	    "0812-ABCD-7890",	/* letters */
	    "62+8123456789",	/* + not in front */
	    "++628123456789",	/* two + */
	    "(0736) 212345",	/* brackets */
	    "0812.3456.7890",	/* dots */
	    "0812 3456 789\n",	/* newline */
	    "+",		/* no digits */
	    "---",		/* no digits */
	};

	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		SET(phone, good[i]);
		ok(r, REQ_F_PHONE);
	}
	for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
		SET(phone, refused[i]);
		bad(r, REQ_F_PHONE);
	}
}

/* REQ_PHONE_MAX is a limit in characters like the others. */
static void test_phone_longer_than_max_refused(void **state)
{
	struct request *r = *state;

	/* 21 characters, 12 digits. */
	SET(phone, "0812 - 3456 - 7890 --");
	assert_int_equal(strlen(r->phone), REQ_PHONE_MAX + 1);
	bad(r, REQ_F_PHONE);
}

static void test_email_shapes(void **state)
{
	struct request *r = *state;
	static const char *const good[] = {
	    "a.b@c.id",
	    "nama@contoh.com",
	    "siti_aminah+ppid@kpu.go.id",
	    "A.B@C.ID",
	};
	static const char *const refused[] = {
	    "ab.c.id",		 /* no @ */
	    "a@b@c.id",		 /* two @ */
	    "a@cid",		 /* no dot in the domain */
	    "a@c.id.",		 /* trailing dot */
	    "a b@c.id",		 /* space */
	    "a@c.id ",		 /* trailing space */
	    " a@c.id",		 /* leading space */
	    "a@.com",		 /* domain starts with a dot */
	    "@c.id",		 /* no local part */
	    "a@",		 /* no domain */
	    "a@c..id",		 /* empty label */
	    "a\t@c.id",		 /* tab */
	    "a,b@c.id",		 /* comma */
	    "s" E_ACUTE "@c.id", /* not ASCII */
	};
	char longmail[REQ_BUF(REQ_EMAIL_MAX)];

	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		SET(email, good[i]);
		ok(r, REQ_F_EMAIL);
	}
	for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
		SET(email, refused[i]);
		bad(r, REQ_F_EMAIL);
	}
	/* 101 characters: too long. */
	repeat(longmail, sizeof(longmail), "a", REQ_EMAIL_MAX + 1 - 5);
	strcat(longmail, "@c.id");
	assert_int_equal(strlen(longmail), REQ_EMAIL_MAX + 1);
	SET(email, longmail);
	bad(r, REQ_F_EMAIL);
}

static void test_contact_needs_phone_or_email(void **state)
{
	struct request *r = *state;
	struct req_error errs[REQ_F_COUNT];

	r->delivery = REQ_DELIVERY_PICKUP;
	SET(phone, "");
	SET(email, "");
	assert_int_equal(request_validate(r, now, errs, REQ_F_COUNT), 1);
	assert_true(errs[0].field == REQ_F_PHONE ||
		    errs[0].field == REQ_F_EMAIL);
	assert_text_ok(errs[0].msg);
	SET(phone, "  ");
	SET(email, " ");
	assert_int_equal(request_validate(r, now, errs, REQ_F_COUNT), 1);

	SET(phone, "0812 3456 7890");
	assert_int_equal(request_validate(r, now, errs, REQ_F_COUNT), 0);
	SET(phone, "");
	SET(email, "a.b@c.id");
	assert_int_equal(request_validate(r, now, errs, REQ_F_COUNT), 0);
}

static void test_delivery_by_email_needs_email(void **state)
{
	struct request *r = *state;
	struct req_error errs[REQ_F_COUNT];

	r->obtain = REQ_OBTAIN_SOFTCOPY;
	r->delivery = REQ_DELIVERY_EMAIL;
	SET(email, "");
	ok(r, REQ_F_PHONE);
	bad(r, REQ_F_EMAIL);
	assert_int_equal(request_validate(r, now, errs, REQ_F_COUNT), 1);
	assert_int_equal(errs[0].field, REQ_F_EMAIL);
	SET(email, "a.b@c.id");
	ok(r, REQ_F_EMAIL);
	/* Other deliveries do not need one. */
	SET(email, "");
	r->delivery = REQ_DELIVERY_POST;
	ok(r, REQ_F_EMAIL);
}

static void test_delivery_by_fax_needs_phone(void **state)
{
	struct request *r = *state;
	struct req_error errs[REQ_F_COUNT];

	r->obtain = REQ_OBTAIN_HARDCOPY;
	r->delivery = REQ_DELIVERY_FAX;
	SET(phone, "");
	assert_int_equal(request_validate(r, now, errs, REQ_F_COUNT), 1);
	assert_int_equal(errs[0].field, REQ_F_PHONE);
	assert_text_ok(errs[0].msg);
	SET(phone, "21234");
	bad(r, REQ_F_PHONE); /* 5 digits */
	SET(phone, "0736 21234567");
	assert_int_equal(request_validate(r, now, errs, REQ_F_COUNT), 0);
}

static void test_view_needs_pickup(void **state)
{
	struct request *r = *state;

	r->obtain = REQ_OBTAIN_VIEW;
	for (int d = 0; d < REQ_DELIVERY_COUNT; d++) {
		r->delivery = (enum req_delivery)d;
		if (d == REQ_DELIVERY_PICKUP)
			ok(r, REQ_F_DELIVERY);
		else
			bad(r, REQ_F_DELIVERY);
	}
	/* Copies may travel any way. */
	for (int o = REQ_OBTAIN_SOFTCOPY; o < REQ_OBTAIN_COUNT; o++) {
		r->obtain = (enum req_obtain)o;
		for (int d = 0; d < REQ_DELIVERY_COUNT; d++) {
			r->delivery = (enum req_delivery)d;
			ok(r, REQ_F_DELIVERY);
		}
	}
}

static void test_out_of_range_choices_refused(void **state)
{
	struct request *r = *state;

	r->obtain = REQ_OBTAIN_COUNT;
	bad(r, REQ_F_OBTAIN);
	r->obtain = REQ_OBTAIN_HARDCOPY;
	r->delivery = REQ_DELIVERY_COUNT;
	bad(r, REQ_F_DELIVERY);
	r->delivery = REQ_DELIVERY_PICKUP;
	r->channel = REQ_CHANNEL_COUNT;
	bad(r, REQ_F_CHANNEL);
	r->channel = (enum req_channel) - 1;
	bad(r, REQ_F_CHANNEL);
	r->channel = REQ_CHANNEL_PHONE;
	ok(r, REQ_F_CHANNEL);
	r->id_type = REQ_ID_COUNT;
	bad(r, REQ_F_ID);
}

static void test_nik_via_id_parser(void **state)
{
	struct request *r = *state;

	r->id_type = REQ_ID_NIK;
	SET(id_number, "1771014708900001"); /* Bengkulu, woman, 7 Aug 1990 */
	ok(r, REQ_F_ID);
	SET(id_number, "3201015708900001"); /* West Java: not refused */
	ok(r, REQ_F_ID);
	SET(id_number, "");
	bad(r, REQ_F_ID);
	SET(id_number, "   ");
	bad(r, REQ_F_ID);
	/* One digit missing or doubled: a probable typo, said so. */
	SET(id_number, "177101470890001"); /* 15 digits */
	assert_non_null(strstr(bad(r, REQ_F_ID)->en, "only 15 digits"));
	SET(id_number, "17710147089000011"); /* 17 digits */
	assert_non_null(strstr(bad(r, REQ_F_ID)->en, "17 digits"));
	SET(id_number, "17710147089O0001"); /* letter O */
	bad(r, REQ_F_ID);
	SET(id_number, "1771014713900001"); /* month 13 */
	bad(r, REQ_F_ID);
	SET(id_number, "1771014708900000"); /* serial 0000 */
	bad(r, REQ_F_ID);
	SET(id_number, "A1234567"); /* a passport number is not an NIK */
	bad(r, REQ_F_ID);
}

static void test_passport_numbers(void **state)
{
	struct request *r = *state;
	char buf[32];

	r->id_type = REQ_ID_PASSPORT;
	SET(id_number, "A1234567");
	ok(r, REQ_F_ID);
	SET(id_number, "AB123"); /* 5 */
	ok(r, REQ_F_ID);
	repeat(buf, sizeof(buf), "X9", 10); /* 20 */
	SET(id_number, buf);
	ok(r, REQ_F_ID);
	SET(id_number, "AB12"); /* 4 */
	bad(r, REQ_F_ID);
	repeat(buf, sizeof(buf), "X", 21);
	SET(id_number, buf);
	bad(r, REQ_F_ID);
	SET(id_number, "A123-4567");
	bad(r, REQ_F_ID);
	SET(id_number, "A123 4567");
	bad(r, REQ_F_ID);
	SET(id_number, "A12345" E_ACUTE);
	bad(r, REQ_F_ID);
	SET(id_number, "");
	bad(r, REQ_F_ID);
}

static void test_deed_and_other_numbers(void **state)
{
	struct request *r = *state;
	char buf[REQ_BUF(REQ_ID_MAX)];
	const enum req_id_type types[] = {REQ_ID_DEED, REQ_ID_OTHER};

	for (size_t i = 0; i < 2; i++) {
		const struct text *shortm, *longm;

		r->id_type = types[i];
		SET(id_number, "AHU-0012345.AH.01.01 Tahun 2020");
		ok(r, REQ_F_ID);
		SET(id_number, "12");
		shortm = bad(r, REQ_F_ID);
		SET(id_number, "123");
		ok(r, REQ_F_ID);
		repeat(buf, sizeof(buf), E_ACUTE, REQ_ID_MAX);
		SET(id_number, buf);
		ok(r, REQ_F_ID);
		repeat(buf, sizeof(buf), E_ACUTE, REQ_ID_MAX + 1);
		SET(id_number, buf);
		longm = bad(r, REQ_F_ID);
		assert_ptr_not_equal(shortm, longm);
		SET(id_number, "");
		bad(r, REQ_F_ID);
		SET(id_number, "AHU\n123");
		bad(r, REQ_F_ID);
		SET(id_number, "AHU " RLO "321");
		bad(r, REQ_F_ID);
	}
}

static void test_received_at_rules(void **state)
{
	struct request *r = *state;
	const struct text *future, *old;

	r->received_at = REQ_RECEIVED_NOW; /* not given: the queue takes now */
	ok(r, REQ_F_RECEIVED);
	r->received_at = now;
	ok(r, REQ_F_RECEIVED);
	r->received_at = now + 60; /* a minute of clock slack */
	ok(r, REQ_F_RECEIVED);
	r->received_at = now - 30 * 86400; /* backdated letter */
	ok(r, REQ_F_RECEIVED);
	r->received_at = now + 61;
	future = bad(r, REQ_F_RECEIVED);
	r->received_at = now + 86400;
	assert_ptr_equal(bad(r, REQ_F_RECEIVED), future);
	r->received_at = date_wib_to_utc((struct date){1999, 12, 30}, 12, 0, 0);
	old = bad(r, REQ_F_RECEIVED);
	assert_ptr_not_equal(old, future);
	assert_non_null(strstr(old->en, "2010"));
	assert_non_null(strstr(old->id, "UU 14/2008"));
	r->received_at = 1;
	assert_ptr_equal(bad(r, REQ_F_RECEIVED), old);
	r->received_at = -1;
	assert_ptr_equal(bad(r, REQ_F_RECEIVED), old);
	/* 0 is 1970-01-01 07:00 WIB, an explicit time, never "now". */
	r->received_at = 0;
	assert_ptr_equal(bad(r, REQ_F_RECEIVED), old);
	/* The floor: 2010-04-30 00:00 WIB, when UU 14/2008 took effect. */
	assert_int_equal(REQ_RECEIVED_FLOOR,
			 date_wib_to_utc((struct date){2010, 4, 30}, 0, 0, 0));
	r->received_at = REQ_RECEIVED_FLOOR - 1;
	assert_ptr_equal(bad(r, REQ_F_RECEIVED), old);
	r->received_at = REQ_RECEIVED_FLOOR;
	ok(r, REQ_F_RECEIVED);
	r->received_at = date_wib_to_utc((struct date){2000, 1, 2}, 9, 0, 0);
	assert_ptr_equal(bad(r, REQ_F_RECEIVED), old);
	/* The sentinel is no time anyone can mean. */
	assert_true(REQ_RECEIVED_NOW < REQ_RECEIVED_FLOOR);
	assert_true(REQ_RECEIVED_NOW < 0);
}

/* A fresh request: received "now" (not given), ordinary regime. */
static void test_init_defaults(void **state)
{
	struct request *r = *state;

	r->received_at = 12345;
	r->regime = WF_REGIME_ELECTION;
	request_init(r);
	assert_true(r->received_at == REQ_RECEIVED_NOW);
	assert_int_equal(r->regime, WF_REGIME_ORDINARY);
	r->regime = WF_REGIME_ELECTION;
	request_wipe(r);
	assert_true(r->received_at == REQ_RECEIVED_NOW);
	assert_int_equal(r->regime, WF_REGIME_ORDINARY);
}

static void test_validate_counts_every_problem(void **state)
{
	struct request *r = *state;
	struct req_error errs[REQ_F_COUNT + 1];
	static const enum req_field expected[] = {
	    REQ_F_NAME,	 REQ_F_ID,   REQ_F_ADDRESS, REQ_F_OCCUPATION,
	    REQ_F_PHONE, REQ_F_INFO, REQ_F_PURPOSE,
	};
	const int n_expected = (int)(sizeof(expected) / sizeof(expected[0]));

	/* An empty form: every required text plus the contact rule. */
	request_init(r);
	memset(errs, 0xa5, sizeof(errs));
	assert_int_equal(request_validate(r, now, errs, REQ_F_COUNT + 1),
			 n_expected);
	for (int i = 0; i < n_expected; i++) {
		assert_int_equal(errs[i].field, expected[i]);
		assert_text_ok(errs[i].msg);
	}
	/* Fewer slots than problems: still counts them all, writes only
	 * what fits. */
	memset(errs, 0xa5, sizeof(errs));
	assert_int_equal(request_validate(r, now, errs, 3), n_expected);
	assert_int_equal(errs[2].field, REQ_F_ADDRESS);
	{
		unsigned char untouched[sizeof(errs[3])];

		memset(untouched, 0xa5, sizeof(untouched));
		assert_memory_equal(&errs[3], untouched, sizeof(untouched));
	}
	assert_int_equal(request_validate(r, now, NULL, 0), n_expected);

	/* Problems in several fields of a filled form. */
	fill_valid(r);
	SET(name, "1");
	SET(email, "a@.com");
	r->received_at = now + 3600;
	r->obtain = REQ_OBTAIN_VIEW; /* with email delivery */
	assert_int_equal(request_validate(r, now, errs, REQ_F_COUNT), 4);
	assert_int_equal(errs[0].field, REQ_F_NAME);
	assert_int_equal(errs[1].field, REQ_F_EMAIL);
	assert_int_equal(errs[2].field, REQ_F_DELIVERY);
	assert_int_equal(errs[3].field, REQ_F_RECEIVED);
	for (int i = 0; i < 4; i++)
		assert_text_ok(errs[i].msg);
}

static void test_wipe_zeroes_personal_fields(void **state)
{
	struct request *r = *state;
	struct request *clean = test_malloc(sizeof(*clean));
	char zeros[REQ_BUF(REQ_INFO_MAX)];

	r->proxy = true;
	r->lang = LANG_EN;
	r->channel = REQ_CHANNEL_LETTER;
	r->received_at = now;
	r->id = 42;
	snprintf(r->regno, sizeof(r->regno), "0001/PPID/KPU-BKL/XI/2026");
	snprintf(r->token, sizeof(r->token), "ABCDEFGHJK");
	snprintf(r->holder, sizeof(r->holder), "KPU RI");
	request_wipe(r);

	memset(zeros, 0, sizeof(zeros));
	assert_memory_equal(r->name, zeros, sizeof(r->name));
	assert_memory_equal(r->id_number, zeros, sizeof(r->id_number));
	assert_memory_equal(r->address, zeros, sizeof(r->address));
	assert_memory_equal(r->occupation, zeros, sizeof(r->occupation));
	assert_memory_equal(r->phone, zeros, sizeof(r->phone));
	assert_memory_equal(r->email, zeros, sizeof(r->email));
	assert_memory_equal(r->info, zeros, sizeof(r->info));
	assert_memory_equal(r->purpose, zeros, sizeof(r->purpose));
	assert_memory_equal(r->regno, zeros, sizeof(r->regno));
	assert_memory_equal(r->token, zeros, sizeof(r->token));
	assert_memory_equal(r->holder, zeros, sizeof(r->holder));
	assert_false(r->proxy);
	assert_int_equal(r->id, 0);
	assert_true(r->received_at == REQ_RECEIVED_NOW);
	/* And it is a fresh request again. */
	request_init(clean);
	assert_memory_equal(r, clean, sizeof(*r));
	test_free(clean);
}

static void test_due_and_overdue_without_extension(void **state)
{
	struct request *r = *state;
	struct date due;

	r->status = WF_COORDINATING;
	r->deadline = (struct date){2026, 12, 11};
	r->extended = false;
	due = request_due(r);
	assert_int_equal(date_cmp(due, r->deadline), 0);
	assert_false(request_overdue(r, (struct date){2026, 12, 10}));
	assert_false(request_overdue(r, (struct date){2026, 12, 11}));
	assert_true(request_overdue(r, (struct date){2026, 12, 12}));
	assert_true(request_overdue(r, (struct date){2027, 1, 1}));
	/* Once notified or closed there is no deadline left. */
	r->status = WF_NOTIFIED;
	assert_false(request_overdue(r, (struct date){2026, 12, 12}));
	r->status = WF_CLOSED;
	assert_false(request_overdue(r, (struct date){2027, 1, 1}));
	/* Still open in any other state. */
	r->status = WF_DECIDED;
	assert_true(request_overdue(r, (struct date){2026, 12, 12}));
	r->status = WF_SUBMITTED;
	assert_true(request_overdue(r, (struct date){2026, 12, 12}));
}

static void test_due_and_overdue_with_extension(void **state)
{
	struct request *r = *state;

	r->status = WF_COORDINATING;
	r->deadline = (struct date){2026, 12, 11};
	r->extended = true;
	r->extensions = 1;
	r->extended_deadline = (struct date){2026, 12, 22};
	assert_int_equal(date_cmp(request_due(r), r->extended_deadline), 0);
	/* Past the first deadline but within the extension: not overdue. */
	assert_false(request_overdue(r, (struct date){2026, 12, 12}));
	assert_false(request_overdue(r, (struct date){2026, 12, 22}));
	assert_true(request_overdue(r, (struct date){2026, 12, 23}));
	r->status = WF_NOTIFIED;
	assert_false(request_overdue(r, (struct date){2026, 12, 23}));
}

static void test_channel_keys_round_trip(void **state)
{
	(void)state;
	static const char *const keys[REQ_CHANNEL_COUNT] = {
	    "kiosk", "desk", "letter", "email", "phone"};

	for (int i = 0; i < REQ_CHANNEL_COUNT; i++) {
		const char *k = request_channel_key((enum req_channel)i);

		assert_non_null(k);
		assert_string_equal(k, keys[i]);
		assert_int_equal(request_channel_from_key(k), i);
		assert_text_ok(request_channel_label((enum req_channel)i));
	}
	assert_null(request_channel_key(REQ_CHANNEL_COUNT));
	assert_int_equal(request_channel_from_key("fax"), -1);
	assert_int_equal(request_channel_from_key(""), -1);
	assert_int_equal(request_channel_from_key(NULL), -1);
	assert_text_ok(request_channel_label(REQ_CHANNEL_COUNT));
}

static void test_id_type_keys_round_trip(void **state)
{
	(void)state;
	static const char *const keys[REQ_ID_COUNT] = {"nik", "passport",
						       "deed", "other"};

	for (int i = 0; i < REQ_ID_COUNT; i++) {
		const char *k = request_id_type_key((enum req_id_type)i);

		assert_non_null(k);
		assert_string_equal(k, keys[i]);
		assert_int_equal(request_id_type_from_key(k), i);
	}
	assert_null(request_id_type_key(REQ_ID_COUNT));
	assert_int_equal(request_id_type_from_key("ktp"), -1);
	assert_int_equal(request_id_type_from_key(NULL), -1);
}

static void test_obtain_keys_round_trip(void **state)
{
	(void)state;
	static const char *const keys[REQ_OBTAIN_COUNT] = {"view", "softcopy",
							   "hardcopy"};

	for (int i = 0; i < REQ_OBTAIN_COUNT; i++) {
		const char *k = request_obtain_key((enum req_obtain)i);

		assert_non_null(k);
		assert_string_equal(k, keys[i]);
		assert_int_equal(request_obtain_from_key(k), i);
		assert_text_ok(request_obtain_label((enum req_obtain)i));
	}
	assert_null(request_obtain_key(REQ_OBTAIN_COUNT));
	assert_int_equal(request_obtain_from_key("copy"), -1);
	assert_int_equal(request_obtain_from_key(NULL), -1);
	assert_text_ok(request_obtain_label(REQ_OBTAIN_COUNT));
}

static void test_delivery_keys_round_trip(void **state)
{
	(void)state;
	static const char *const keys[REQ_DELIVERY_COUNT] = {
	    "pickup", "courier", "post", "fax", "email"};

	for (int i = 0; i < REQ_DELIVERY_COUNT; i++) {
		const char *k = request_delivery_key((enum req_delivery)i);

		assert_non_null(k);
		assert_string_equal(k, keys[i]);
		assert_int_equal(request_delivery_from_key(k), i);
		assert_text_ok(request_delivery_label((enum req_delivery)i));
	}
	assert_null(request_delivery_key(REQ_DELIVERY_COUNT));
	assert_int_equal(request_delivery_from_key("Email"), -1);
	assert_int_equal(request_delivery_from_key(NULL), -1);
	assert_text_ok(request_delivery_label(REQ_DELIVERY_COUNT));
}

static void test_field_labels_complete(void **state)
{
	(void)state;

	for (int f = 0; f < REQ_F_COUNT; f++)
		assert_text_ok(request_field_label((enum req_field)f));
	assert_text_ok(request_field_label(REQ_F_COUNT));
}

static void test_text_ok_counts_characters(void **state)
{
	(void)state;
	size_t n = 99;

	assert_true(request_text_ok("", false, &n));
	assert_int_equal(n, 0);
	assert_true(request_text_ok(E_ACUTE E_ACUTE "a", false, &n));
	assert_int_equal(n, 3);
	assert_true(request_text_ok("a\nb\tc\r\n", true, &n));
	assert_int_equal(n, 7);
	assert_false(request_text_ok("a\nb", false, &n));
	assert_false(request_text_ok("a\x7f", true, &n));
	assert_false(request_text_ok("a" RLO, true, &n));
	assert_false(request_text_ok("a\xc3", true, &n));
	assert_true(request_text_ok("Bengkulu", false, NULL));
}

/* U+2028 / U+2029 break lines for some readers: never in one-line fields. */
static void test_line_separators_refused_in_one_line_fields(void **state)
{
	struct request *r = *state;
	const struct text *msg;

	SET(name, "Siti" LSEP "Status: closed");
	msg = bad(r, REQ_F_NAME);
	assert_non_null(strstr(msg->en, "single line"));
	assert_non_null(strstr(msg->id, "satu baris"));
	SET(name, "Siti" PSEP "Aminah");
	assert_ptr_equal(bad(r, REQ_F_NAME), msg);
	SET(occupation, "Guru" LSEP);
	assert_ptr_equal(bad(r, REQ_F_OCCUPATION), msg);
	r->id_type = REQ_ID_OTHER;
	SET(id_number, "SIM 1234" PSEP "5678");
	assert_ptr_equal(bad(r, REQ_F_ID), msg);
	/* Multi-line fields may break lines anyway. */
	SET(address, "Jl. Pembangunan No. 11" LSEP "Kota Bengkulu");
	ok(r, REQ_F_ADDRESS);
	SET(info, "Salinan DPT" PSEP "Pemilu 2024 Kota Bengkulu");
	ok(r, REQ_F_INFO);
	assert_false(request_text_ok("a" LSEP "b", false, NULL));
	assert_false(request_text_ok("a" PSEP "b", false, NULL));
	assert_true(request_text_ok("a" LSEP "b", true, NULL));
}

/* Names a reader cannot see: each invisible or filler kind alone. */
static void test_invisible_names_refused(void **state)
{
	struct request *r = *state;
	static const char *const invisible[] = {
	    "\xe2\x80\x8b\xe2\x80\x8b", /* U+200B ZERO WIDTH SPACE */
	    "\xe2\x80\x8c\xe2\x80\x8d", /* U+200C ZWNJ, U+200D ZWJ */
	    "\xe2\x81\xa0\xe2\x81\xa0", /* U+2060 WORD JOINER */
	    "\xef\xbb\xbf\xef\xbb\xbf", /* U+FEFF ZWNBSP (BOM) */
	    "\xc2\xad\xc2\xad",		/* U+00AD SOFT HYPHEN */
	    "\xe1\x85\x9f\xe1\x85\x9f", /* U+115F HANGUL CHOSEONG FILLER */
	    "\xe1\x85\xa0\xe1\x85\xa0", /* U+1160 HANGUL JUNGSEONG FILLER */
	    "\xe3\x85\xa4\xe3\x85\xa4", /* U+3164 HANGUL FILLER */
	    "\xef\xbe\xa0\xef\xbe\xa0", /* U+FFA0 HALFWIDTH HANGUL FILLER */
	    "\xe2\xa0\x80\xe2\xa0\x80", /* U+2800 BRAILLE PATTERN BLANK */
	    "\xcc\x81\xcc\x81\xcc\x81", /* U+0301 combining acute alone */
	    "\xcd\x8f\xcd\x8f",		/* U+034F COMBINING GRAPHEME JOINER */
	    "\xe1\xa0\x8e\xe1\xa0\x8e", /* U+180E MONGOLIAN VOWEL SEPARATOR */
	    "\xf3\xa0\x80\x81\xf3\xa0\x80\xa1", /* U+E0001, U+E0021 tags */
	    "\xe3\x85\xa4 \xe2\xa0\x80" IDSP "\xe2\x80\x8b", /* mixed */
	};
	const struct text *msg = NULL;

	for (size_t i = 0; i < sizeof(invisible) / sizeof(invisible[0]); i++) {
		const struct text *t;

		SET(name, invisible[i]);
		t = request_check_field(r, REQ_F_NAME, now);
		if (!t || !strstr(t->en, "invisible"))
			fail_msg("invisible name %zu: %s", i,
				 t ? t->en : "accepted");
		assert_ptr_equal(t, msg ? msg : t);
		msg = t;
	}
	/* The fillers GLib takes for letters get the invisible message. */
	SET(name, "\xe3\x85\xa4\xe3\x85\xa4");
	assert_ptr_equal(bad(r, REQ_F_NAME), msg);
	assert_non_null(strstr(msg->id, "tidak terlihat"));
	SET(name, "\xe2\xa0\x80\xe2\xa0\x80");
	assert_ptr_equal(bad(r, REQ_F_NAME), msg);
	SET(name, "\xcc\x81\xcc\x81");
	assert_ptr_equal(bad(r, REQ_F_NAME), msg);
	SET(occupation, "\xef\xbe\xa0\xef\xbe\xa0\xef\xbe\xa0");
	assert_ptr_equal(bad(r, REQ_F_OCCUPATION), msg);
	/* Visible letters with marks or jamo are names. */
	SET(name, "Andre"
		  "\xcc\x81"
		  " Sihombing"); /* e + combining acute */
	ok(r, REQ_F_NAME);
	SET(name, "\xe1\x84\x80\xe1\x85\xa1 Kim"); /* conjoining jamo */
	ok(r, REQ_F_NAME);
	SET(name, "\xea\xb9\x80\xec\xb2\xa0\xec\x88\x98"); /* Hangul */
	ok(r, REQ_F_NAME);
}

static void test_id_type_guess(void **state)
{
	(void)state;
	assert_int_equal(request_id_type_guess("3201015708900001"), REQ_ID_NIK);
	assert_int_equal(request_id_type_guess("3201 0157 0890 0001"),
			 REQ_ID_NIK);
	assert_int_equal(request_id_type_guess("320101570890001"), REQ_ID_NIK);
	assert_int_equal(request_id_type_guess("32010157089000011"),
			 REQ_ID_NIK);
	assert_int_equal(request_id_type_guess("32010157089000"), REQ_ID_OTHER);
	assert_int_equal(request_id_type_guess("320101570890000111"),
			 REQ_ID_OTHER);
	assert_int_equal(request_id_type_guess("A1234567"), REQ_ID_OTHER);
	assert_int_equal(request_id_type_guess("AHU-0012345.AH.01.01"),
			 REQ_ID_OTHER);
	assert_int_equal(request_id_type_guess(""), REQ_ID_OTHER);
}

/* What the console's `add` does without --id-type: 15 or 17 digits are
 * refused as a mistyped NIK, not stored as another document. */
static void test_guessed_near_nik_is_refused(void **state)
{
	struct request *r = *state;
	const struct text *t;

	SET(id_number, "320101570890001");
	r->id_type = request_id_type_guess(r->id_number);
	t = bad(r, REQ_F_ID);
	assert_non_null(strstr(t->en, "15 digits"));
	assert_non_null(strstr(t->id, "15 angka"));
	SET(id_number, "3201-0157-0890-00011");
	r->id_type = request_id_type_guess(r->id_number);
	t = bad(r, REQ_F_ID);
	assert_non_null(strstr(t->en, "17 digits"));
	/* Chosen explicitly, another document may have 15 digits. */
	SET(id_number, "012345678901000");
	r->id_type = REQ_ID_OTHER;
	ok(r, REQ_F_ID);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
	    T(test_valid_request_has_no_problems),
	    T(test_name_rules),
	    T(test_address_rules),
	    T(test_occupation_rules),
	    T(test_info_rules),
	    T(test_purpose_rules),
	    T(test_unicode_spaces_count_as_blank),
	    T(test_phone_shapes),
	    T(test_phone_longer_than_max_refused),
	    T(test_email_shapes),
	    T(test_contact_needs_phone_or_email),
	    T(test_delivery_by_email_needs_email),
	    T(test_delivery_by_fax_needs_phone),
	    T(test_view_needs_pickup),
	    T(test_out_of_range_choices_refused),
	    T(test_nik_via_id_parser),
	    T(test_passport_numbers),
	    T(test_deed_and_other_numbers),
	    T(test_received_at_rules),
	    T(test_init_defaults),
	    T(test_validate_counts_every_problem),
	    T(test_wipe_zeroes_personal_fields),
	    T(test_due_and_overdue_without_extension),
	    T(test_due_and_overdue_with_extension),
	    T(test_channel_keys_round_trip),
	    T(test_id_type_keys_round_trip),
	    T(test_obtain_keys_round_trip),
	    T(test_delivery_keys_round_trip),
	    T(test_field_labels_complete),
	    T(test_text_ok_counts_characters),
	    T(test_line_separators_refused_in_one_line_fields),
	    T(test_invisible_names_refused),
	    T(test_id_type_guess),
	    T(test_guessed_near_nik_is_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
