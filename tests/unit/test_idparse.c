// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Unit tests for idparse.c: NIK, ICAO 9303 MRZ (TD1, TD3) and receipt QR
 * payloads, plus garbage that must come back with a reason, never a crash.
 * MRZ vectors beyond the ICAO specimens had their check digits computed
 * independently of the code under test.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "idparse.h"

static const struct date today = {2026, 11, 27};

/* ICAO 9303 specimens (TECH.md section 6). */
#define TD3_L1 "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"
#define TD3_L2 "L898902C36UTO7408122F1204159ZE184226B<<<<<10"
#define TD1_L1 "I<UTOD231458907<<<<<<<<<<<<<<<"
#define TD1_L2 "7408122F1204159UTO<<<<<<<<<<<6"
#define TD1_L3 "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"

/* Own vectors: an Indonesian passport that has not expired. */
#define IDN_L1 "P<IDNSANTOSO<<BUDI<HARTONO<<<<<<<<<<<<<<<<<<"
#define IDN_L2 "C1234567<0IDN8503150M3101012<<<<<<<<<<<<<<00"

static enum id_kind parse(const char *s, struct id_result *r)
{
	return id_parse(s, strlen(s), today, r);
}

/* The reason's English text starts with @p en (Indonesian is checked too). */
static void assert_reason(const struct id_result *r, const char *en)
{
	assert_int_equal(r->kind, ID_KIND_INVALID);
	assert_non_null(r->reason);
	assert_non_null(r->reason->id);
	assert_true(strlen(r->reason->id) > 10);
	if (strncmp(r->reason->en, en, strlen(en)) != 0)
		fail_msg("reason \"%s\", expected \"%s...\"", r->reason->en,
			 en);
	assert_null(r->warning);
}

static void assert_invalid(const char *s, const char *en)
{
	struct id_result r;

	assert_int_equal(parse(s, &r), ID_KIND_INVALID);
	assert_reason(&r, en);
}

static void assert_date(struct date d, int y, int m, int day)
{
	assert_int_equal(d.year, y);
	assert_int_equal(d.month, m);
	assert_int_equal(d.day, day);
}

/* ---- check digits ------------------------------------------------------- */

static void test_check_digit(void **state)
{
	(void)state;
	assert_int_equal(id_mrz_check_digit("L898902C3", 9), 6);
	assert_int_equal(id_mrz_check_digit("740812", 6), 2);
	assert_int_equal(id_mrz_check_digit("120415", 6), 9);
	assert_int_equal(id_mrz_check_digit("ZE184226B<<<<<", 14), 1);
	assert_int_equal(id_mrz_check_digit("D23145890", 9), 7);
	/* By hand: A=10*7 + 1*3 + B=11*1 + <=0*7 = 84. */
	assert_int_equal(id_mrz_check_digit("A1B<", 4), 4);
	assert_int_equal(id_mrz_check_digit("<<<<<<<<<", 9), 0);
	assert_int_equal(id_mrz_check_digit("", 0), 0);
	assert_int_equal(id_mrz_check_digit(NULL, 0), 0);
	assert_int_equal(id_mrz_check_digit("l898902C3", 9), -1);
	assert_int_equal(id_mrz_check_digit("12 4", 4), -1);
	assert_int_equal(id_mrz_check_digit("12\0", 3), -1);
}

/* ---- MRZ ------------------------------------------------------------------ */

static void test_td3_specimen(void **state)
{
	struct id_result r;

	(void)state;
	assert_int_equal(parse(TD3_L1 "\n" TD3_L2, &r), ID_KIND_MRZ_TD3);
	assert_null(r.reason);
	assert_non_null(r.warning);
	assert_string_equal(r.warning->en, "This document has expired.");
	assert_string_equal(r.u.mrz.doc_code, "P");
	assert_string_equal(r.u.mrz.issuer, "UTO");
	assert_string_equal(r.u.mrz.doc_number, "L898902C3");
	assert_string_equal(r.u.mrz.nationality, "UTO");
	assert_string_equal(r.u.mrz.surname, "ERIKSSON");
	assert_string_equal(r.u.mrz.given_names, "ANNA MARIA");
	assert_date(r.u.mrz.birth, 1974, 8, 12);
	assert_date(r.u.mrz.expiry, 2012, 4, 15);
	assert_int_equal(r.u.mrz.sex, 'F');
	assert_string_equal(r.u.mrz.optional, "ZE184226B");
}

static void test_td1_specimen(void **state)
{
	struct id_result r;

	(void)state;
	assert_int_equal(parse(TD1_L1 "\n" TD1_L2 "\n" TD1_L3, &r),
			 ID_KIND_MRZ_TD1);
	assert_null(r.reason);
	assert_non_null(r.warning);
	assert_string_equal(r.u.mrz.doc_code, "I");
	assert_string_equal(r.u.mrz.issuer, "UTO");
	assert_string_equal(r.u.mrz.doc_number, "D23145890");
	assert_string_equal(r.u.mrz.nationality, "UTO");
	assert_string_equal(r.u.mrz.surname, "ERIKSSON");
	assert_string_equal(r.u.mrz.given_names, "ANNA MARIA");
	assert_date(r.u.mrz.birth, 1974, 8, 12);
	assert_date(r.u.mrz.expiry, 2012, 4, 15);
	assert_int_equal(r.u.mrz.sex, 'F');
	assert_string_equal(r.u.mrz.optional, "");
}

/* Bump the digit at @p pos of @p s (a copy) and expect reason @p en. */
static void bump_and_expect(const char *s, size_t pos, const char *en)
{
	char buf[128];
	struct id_result r;

	snprintf(buf, sizeof(buf), "%s", s);
	assert_true(buf[pos] >= '0' && buf[pos] <= '9');
	buf[pos] = (char)('0' + (buf[pos] - '0' + 1) % 10);
	assert_int_equal(parse(buf, &r), ID_KIND_INVALID);
	assert_reason(&r, en);
	/* A filler where a digit belongs is as wrong, unless it stood for 0. */
	if (s[pos] == '0')
		return;
	buf[pos] = '<';
	assert_int_equal(parse(buf, &r), ID_KIND_INVALID);
	assert_reason(&r, en);
}

static void test_td3_each_check_digit(void **state)
{
	const char *s = TD3_L1 "\n" TD3_L2;
	size_t l2 = 45; /* line 2 starts after 44 characters and '\n' */

	(void)state;
	bump_and_expect(s, l2 + 9, "Check digit of the document number");
	bump_and_expect(s, l2 + 19, "Check digit of the date of birth");
	bump_and_expect(s, l2 + 27, "Check digit of the expiry date");
	bump_and_expect(s, l2 + 42, "Check digit of the personal number");
	bump_and_expect(s, l2 + 43, "The overall check digit");
	/* A wrong character inside a field is caught by its check digit. */
	bump_and_expect(s, l2 + 3, "Check digit of the document number");
	bump_and_expect(s, l2 + 15, "Check digit of the date of birth");
	bump_and_expect(s, l2 + 22, "Check digit of the expiry date");
	bump_and_expect(s, l2 + 31, "Check digit of the personal number");
}

static void test_td1_each_check_digit(void **state)
{
	const char *s = TD1_L1 "\n" TD1_L2 "\n" TD1_L3;
	size_t l2 = 31;

	(void)state;
	bump_and_expect(s, 14, "Check digit of the document number");
	bump_and_expect(s, l2 + 6, "Check digit of the date of birth");
	bump_and_expect(s, l2 + 14, "Check digit of the expiry date");
	bump_and_expect(s, l2 + 29, "The overall check digit");
	bump_and_expect(s, 7, "Check digit of the document number");
	bump_and_expect(s, l2 + 2, "Check digit of the date of birth");
	bump_and_expect(s, l2 + 12, "Check digit of the expiry date");
}

/* In TD1 only the composite check digit covers the optional data. */
static void test_composite_only(void **state)
{
	struct id_result r;

	(void)state;
	/* A letter appears in line 1's optional data (A would weigh 30). */
	assert_int_equal(
	    parse("I<UTOD231458907B<<<<<<<<<<<<<<\n" TD1_L2 "\n" TD1_L3, &r),
	    ID_KIND_INVALID);
	assert_reason(&r, "The overall check digit");
}

static void test_mrz_layouts(void **state)
{
	static const char *const td3[] = {
	    TD3_L1 TD3_L2,
	    TD3_L1 "\r\n" TD3_L2,
	    TD3_L1 " " TD3_L2,
	    TD3_L1 "\t" TD3_L2,
	    TD3_L1 "\r\n" TD3_L2 "\r\n",
	    "  \r\n\t" TD3_L1 "\n\n" TD3_L2 " \n ",
	    ("p<utoeriksson<<anna<maria<<<<<<<<<<<<<<<<<<<\n"
	     "l898902c36uto7408122f1204159ze184226b<<<<<10"),
	};
	static const char *const td1[] = {
	    TD1_L1 TD1_L2 TD1_L3,
	    TD1_L1 "\r\n" TD1_L2 "\r\n" TD1_L3 "\r\n",
	    TD1_L1 " " TD1_L2 " " TD1_L3,
	    TD1_L1 TD1_L2 "\n" TD1_L3,
	    ("\n\n   i<utod231458907<<<<<<<<<<<<<<<\n"
	     "7408122f1204159uto<<<<<<<<<<<6\n"
	     "eriksson<<anna<maria<<<<<<<<<<   \n"),
	};
	struct id_result r;

	(void)state;
	for (size_t i = 0; i < sizeof(td3) / sizeof(td3[0]); i++) {
		assert_int_equal(parse(td3[i], &r), ID_KIND_MRZ_TD3);
		assert_string_equal(r.u.mrz.surname, "ERIKSSON");
		assert_string_equal(r.u.mrz.doc_number, "L898902C3");
	}
	for (size_t i = 0; i < sizeof(td1) / sizeof(td1[0]); i++) {
		assert_int_equal(parse(td1[i], &r), ID_KIND_MRZ_TD1);
		assert_string_equal(r.u.mrz.given_names, "ANNA MARIA");
		assert_string_equal(r.u.mrz.doc_number, "D23145890");
	}
}

static void test_mrz_truncated(void **state)
{
	const char *inc = "The machine-readable zone was not read completely";

	(void)state;
	/* Last character of line 2 lost. */
	assert_invalid(TD3_L1 "\n"
			      "L898902C36UTO7408122F1204159ZE184226B<<<<<1",
		       inc);
	/* 88 characters, but the break is in the wrong place. */
	assert_invalid("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<\n"
		       "<L898902C36UTO7408122F1204159ZE184226B<<<<<10",
		       inc);
	/* One line only. */
	assert_invalid(TD3_L1, inc);
	assert_invalid(TD3_L2, inc);
	assert_invalid(TD1_L1 "\n" TD1_L2, inc);
	/* Line 3 cut short, and one line too many. */
	assert_invalid(TD1_L1 "\n" TD1_L2 "\nERIKSSON<<ANNA", inc);
	assert_invalid(TD1_L1 "\n" TD1_L2 "\n" TD1_L3 "\n" TD1_L3, inc);
	/* The same passport scanned twice in a row. */
	assert_invalid(TD3_L1 TD3_L2 TD3_L1 TD3_L2, inc);
}

static void test_mrz_own_vectors(void **state)
{
	struct id_result r;

	(void)state;
	/* Valid, not expired: no warning; empty personal number. */
	assert_int_equal(parse(IDN_L1 "\n" IDN_L2, &r), ID_KIND_MRZ_TD3);
	assert_null(r.warning);
	assert_string_equal(r.u.mrz.issuer, "IDN");
	assert_string_equal(r.u.mrz.doc_number, "C1234567");
	assert_string_equal(r.u.mrz.surname, "SANTOSO");
	assert_string_equal(r.u.mrz.given_names, "BUDI HARTONO");
	assert_date(r.u.mrz.birth, 1985, 3, 15);
	assert_date(r.u.mrz.expiry, 2031, 1, 1);
	assert_int_equal(r.u.mrz.sex, 'M');
	assert_string_equal(r.u.mrz.optional, "");
	/* The empty personal number's check digit may also be '<'. */
	assert_int_equal(
	    parse(IDN_L1 "\nC1234567<0IDN8503150M3101012<<<<<<<<<<<<<<<0", &r),
	    ID_KIND_MRZ_TD3);
	/* ...but not another digit. */
	assert_invalid(IDN_L1 "\nC1234567<0IDN8503150M3101012<<<<<<<<<<<<<<10",
		       "Check digit of the personal number");

	/* YY = 30 is 1930 (2030 is in the future); '<' sex is X. */
	assert_int_equal(parse("P<UTOOLD<<MAN<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<\n"
			       "AB12345671UTO3001019<30010191234567890123450",
			       &r),
			 ID_KIND_MRZ_TD3);
	assert_date(r.u.mrz.birth, 1930, 1, 1);
	assert_date(r.u.mrz.expiry, 2030, 1, 1);
	assert_int_equal(r.u.mrz.sex, 'X');
	assert_string_equal(r.u.mrz.optional, "12345678901234");
	assert_null(r.warning);

	/* Born today: 2026, not 1926.  Single name: no given names. */
	assert_int_equal(parse("P<IDNSUKARNO<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<\n"
			       "A0000001<3IDN2611273F3611270<<<<<<<<<<<<<<00",
			       &r),
			 ID_KIND_MRZ_TD3);
	assert_date(r.u.mrz.birth, 2026, 11, 27);
	assert_string_equal(r.u.mrz.surname, "SUKARNO");
	assert_string_equal(r.u.mrz.given_names, "");

	/* TD1, long document number continued in the optional data. */
	assert_int_equal(parse("IDUTOABC123456<7892<XY<<<<<<<<\n"
			       "8503150M3001019UTOOPT<<<<<<<<3\n"
			       "DOE<<JOHN<<<<<<<<<<<<<<<<<<<<<",
			       &r),
			 ID_KIND_MRZ_TD1);
	assert_string_equal(r.u.mrz.doc_code, "ID");
	assert_string_equal(r.u.mrz.doc_number, "ABC123456789");
	assert_string_equal(r.u.mrz.optional, "XY OPT");
	assert_string_equal(r.u.mrz.surname, "DOE");
	assert_string_equal(r.u.mrz.given_names, "JOHN");
	assert_int_equal(r.u.mrz.sex, 'M');
	/* Its continued check digit is checked. */
	assert_invalid("IDUTOABC123456<7893<XY<<<<<<<<\n"
		       "8503150M3001019UTOOPT<<<<<<<<3\n"
		       "DOE<<JOHN<<<<<<<<<<<<<<<<<<<<<",
		       "Check digit of the document number");
	/* 10, 22 and 23 character document numbers. */
	assert_int_equal(parse("I<UTOABCDEFGHI<J7<<<<<<<<<<<<<"
			       "7408122F3001019UTO<<<<<<<<<<<4"
			       "X<<Y<<<<<<<<<<<<<<<<<<<<<<<<<<",
			       &r),
			 ID_KIND_MRZ_TD1);
	assert_string_equal(r.u.mrz.doc_number, "ABCDEFGHIJ");
	assert_int_equal(parse("I<UTOABCDEFGHI<JKLMNOPQRSTUV5<"
			       "7408122F3001019UTO123456789012"
			       "X<<Y<<<<<<<<<<<<<<<<<<<<<<<<<<",
			       &r),
			 ID_KIND_MRZ_TD1);
	assert_string_equal(r.u.mrz.doc_number, "ABCDEFGHIJKLMNOPQRSTUV");
	assert_string_equal(r.u.mrz.optional, "12345678901");
	assert_int_equal(parse("I<UTOABCDEFGHI<JKLMNOPQRSTUVW1"
			       "7408122F3001019UTO<<<<<<<<<<<6"
			       "X<<Y<<<<<<<<<<<<<<<<<<<<<<<<<<",
			       &r),
			 ID_KIND_MRZ_TD1);
	assert_string_equal(r.u.mrz.doc_number, "ABCDEFGHIJKLMNOPQRSTUVW");
	/* '<' in the check position with nothing continued. */
	assert_invalid("I<UTOD23145890<<<<<<<<<<<<<<<<"
		       "7408122F1204159UTO<<<<<<<<<<<6"
		       "ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
		       "Check digit of the document number");

	/* Issuer "D<<" and sex X. */
	assert_int_equal(parse("ACD<<T220001293<<<<<<<<<<<<<<<\n"
			       "6408125X3010312D<<<<<<<<<<<<<2\n"
			       "MUSTERMANN<<ERIKA<<<<<<<<<<<<<",
			       &r),
			 ID_KIND_MRZ_TD1);
	assert_string_equal(r.u.mrz.doc_code, "AC");
	assert_string_equal(r.u.mrz.issuer, "D");
	assert_string_equal(r.u.mrz.nationality, "D");
	assert_int_equal(r.u.mrz.sex, 'X');
	assert_date(r.u.mrz.birth, 1964, 8, 12);
	assert_date(r.u.mrz.expiry, 2030, 10, 31);
}

static void test_mrz_bad_fields(void **state)
{
	(void)state;
	/* All check digits right, but the dates or sex are impossible. */
	assert_invalid("P<UTOX<<Y<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<\n"
		       "AB12345671UTO7413128M3001019<<<<<<<<<<<<<<04",
		       "The date of birth on the document is not a valid");
	assert_invalid("P<UTOX<<Y<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<\n"
		       "AB12345671UTO7408A29M3001019<<<<<<<<<<<<<<04",
		       "The date of birth on the document is not a valid");
	assert_invalid("I<UTOD231458907<<<<<<<<<<<<<<<\n"
		       "7402304F3001019UTO<<<<<<<<<<<8\n"
		       "X<<Y<<<<<<<<<<<<<<<<<<<<<<<<<<",
		       "The date of birth on the document is not a valid");
	assert_invalid("P<UTOX<<Y<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<\n"
		       "AB12345671UTO7408122M3002304<<<<<<<<<<<<<<08",
		       "The expiry date on the document is not a valid");
	assert_invalid("P<UTOX<<Y<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<\n"
		       "AB12345671UTO7408122Q3001019<<<<<<<<<<<<<<04",
		       "The sex field");
}

static void test_mrz_unsupported(void **state)
{
	const char *uns = "This type of document cannot be read here";

	(void)state;
	/* A visa (MRV-A) has the TD3 shape but another layout. */
	assert_invalid("V<UTOX<<Y<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<\n"
		       "AB12345671UTO7408122M3001019<<<<<<<<<<<<<<04",
		       uns);
	/* A TD1 shape whose document code is not A, C or I. */
	assert_invalid("P<UTOD231458907<<<<<<<<<<<<<<<\n"
		       "7408122F3001019UTO<<<<<<<<<<<2\n"
		       "X<<Y<<<<<<<<<<<<<<<<<<<<<<<<<<",
		       uns);
	/* TD2 (2 x 36) is not read. */
	assert_invalid("I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\n"
		       "D231458907UTO7408122F1204159<<<<<<<6",
		       uns);
}

/* ---- NIK ------------------------------------------------------------------ */

static void test_nik_valid(void **state)
{
	struct id_result r;

	(void)state;
	assert_int_equal(parse("3201015708900001", &r), ID_KIND_NIK);
	assert_null(r.reason);
	assert_null(r.warning);
	assert_string_equal(r.u.nik.nik, "3201015708900001");
	assert_int_equal(r.u.nik.province, 32);
	assert_int_equal(r.u.nik.regency, 1);
	assert_int_equal(r.u.nik.district, 1);
	assert_date(r.u.nik.birth, 1990, 8, 17);
	assert_int_equal(r.u.nik.sex, 'F');
	assert_int_equal(r.u.nik.serial, 1);
	assert_true(r.u.nik.province_known);
	assert_string_equal(r.u.nik.province_name, "Jawa Barat");

	assert_int_equal(parse("1771014708900001", &r), ID_KIND_NIK);
	assert_string_equal(r.u.nik.province_name, "Bengkulu");
	assert_int_equal(r.u.nik.regency, 71);
	assert_date(r.u.nik.birth, 1990, 8, 7);
	assert_int_equal(r.u.nik.sex, 'F');

	assert_int_equal(parse("3171011203851234", &r), ID_KIND_NIK);
	assert_string_equal(r.u.nik.province_name, "DKI Jakarta");
	assert_date(r.u.nik.birth, 1985, 3, 12);
	assert_int_equal(r.u.nik.sex, 'M');
	assert_int_equal(r.u.nik.serial, 1234);

	/* Day 31 and day 71 (a woman born on the 31st). */
	assert_int_equal(parse("1101023112999999", &r), ID_KIND_NIK);
	assert_date(r.u.nik.birth, 1999, 12, 31);
	assert_string_equal(r.u.nik.province_name, "Aceh");
	assert_int_equal(parse("9601027112990001", &r), ID_KIND_NIK);
	assert_date(r.u.nik.birth, 1999, 12, 31);
	assert_int_equal(r.u.nik.sex, 'F');
	assert_string_equal(r.u.nik.province_name, "Papua Barat Daya");
	/* 29 Feb 2000 exists. */
	assert_int_equal(parse("3201012902000001", &r), ID_KIND_NIK);
	assert_date(r.u.nik.birth, 2000, 2, 29);
}

static void test_nik_separators(void **state)
{
	static const char *const ok[] = {
	    "3201 0157 0890 0001",    "32.01.01.570890.0001",
	    "3201-01-570890-0001",    "32 01 01 57 08 90 0001",
	    "  3201015708900001\r\n", "\t3201015708900001\n",
	};
	struct id_result r;

	(void)state;
	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		assert_int_equal(parse(ok[i], &r), ID_KIND_NIK);
		assert_string_equal(r.u.nik.nik, "3201015708900001");
	}
}

static void test_nik_century(void **state)
{
	struct id_result r;

	(void)state;
	/* 12-11-26 is before today (2026-11-27); 28-11-26 would be after. */
	assert_int_equal(parse("1771011211260002", &r), ID_KIND_NIK);
	assert_date(r.u.nik.birth, 2026, 11, 12);
	assert_int_equal(parse("1771012711260002", &r), ID_KIND_NIK);
	assert_date(r.u.nik.birth, 2026, 11, 27);
	assert_int_equal(parse("1771012811260002", &r), ID_KIND_NIK);
	assert_date(r.u.nik.birth, 1926, 11, 28);
	assert_int_equal(parse("1771010101990002", &r), ID_KIND_NIK);
	assert_date(r.u.nik.birth, 1999, 1, 1);
	assert_int_equal(parse("1771010101000002", &r), ID_KIND_NIK);
	assert_date(r.u.nik.birth, 2000, 1, 1);
}

static void test_nik_invalid(void **state)
{
	(void)state;
	assert_invalid("3201011713900001",
		       "This NIK is not valid: the birth month");
	assert_invalid("3201011700900001",
		       "This NIK is not valid: the birth month");
	assert_invalid("3201010008900001",
		       "This NIK is not valid: the birth day");
	assert_invalid("3201013208900001",
		       "This NIK is not valid: the birth day");
	assert_invalid("3201014008900001",
		       "This NIK is not valid: the birth day");
	assert_invalid("3201017208900001",
		       "This NIK is not valid: the birth day");
	assert_invalid("3201019908900001",
		       "This NIK is not valid: the birth day");
	assert_invalid("3201013002900001", "This NIK is not valid: its date");
	assert_invalid("3201017002900001", "This NIK is not valid: its date");
	assert_invalid("3201012902900001", "This NIK is not valid: its date");
	assert_invalid("3201013104900001", "This NIK is not valid: its date");
	assert_invalid("3201015708900000", "This NIK is not valid: the last 4");
	assert_invalid("3200015708900001",
		       "This NIK is not valid: the regency");
	assert_invalid("3201005708900001",
		       "This NIK is not valid: the district");
}

static void test_nik_province(void **state)
{
	static const int unknown[] = {0,  10, 20, 22, 30, 37, 50, 54, 60,
				      66, 70, 77, 80, 83, 90, 97, 99};
	char nik[32];
	struct id_result r;

	(void)state;
	for (size_t i = 0; i < sizeof(unknown) / sizeof(unknown[0]); i++) {
		snprintf(nik, sizeof(nik), "%02d01015708900001", unknown[i]);
		assert_int_equal(parse(nik, &r), ID_KIND_NIK);
		assert_null(r.reason);
		assert_non_null(r.warning);
		assert_non_null(r.warning->id);
		assert_false(r.u.nik.province_known);
		assert_null(r.u.nik.province_name);
		assert_int_equal(r.u.nik.province, unknown[i]);
	}
	/* Every code in TECH.md's list is known. */
	for (int pp = 11; pp <= 96; pp++) {
		bool known = (pp >= 11 && pp <= 19) || pp == 21 ||
			     (pp >= 31 && pp <= 36) || (pp >= 51 && pp <= 53) ||
			     (pp >= 61 && pp <= 65) || (pp >= 71 && pp <= 76) ||
			     (pp >= 81 && pp <= 82) || (pp >= 91 && pp <= 96);

		snprintf(nik, sizeof(nik), "%02d01015708900001", pp);
		assert_int_equal(parse(nik, &r), ID_KIND_NIK);
		assert_int_equal(r.u.nik.province_known, known);
		assert_int_equal(r.warning == NULL, known);
	}
	/* An invalid NIK never carries the province warning. */
	assert_invalid("9901011313900001", "This NIK is not valid");
}

static void test_nik_length(void **state)
{
	const char *len16 = "The NIK must have 16 digits.";
	const char *len15 = "This NIK has only 15 digits, but an NIK has 16";
	const char *len17 = "This NIK has 17 digits, but an NIK has 16";

	(void)state;
	/* One digit off: named as a probable typo. */
	assert_invalid("320101570890001", len15);
	assert_invalid("32010157089000011", len17);
	assert_invalid("3201 0157 0890 001", len15);
	assert_invalid("3201.0157.0890.00011", len17);
	assert_invalid("32010157089", len16);
	assert_invalid("320101570890000111", len16);
	assert_invalid("12345", len16);
	assert_invalid("0", len16);
	assert_invalid("--1--", len16);
	assert_invalid("32010157089000013201015708900001", len16);
	assert_invalid("320101570890000A",
		       "The NIK may contain only the digits");
	assert_invalid("32010157O8900001",
		       "The NIK may contain only the digits");
	assert_invalid("NIK 3201015708900001",
		       "The NIK may contain only the digits");
}

/* ---- receipt -------------------------------------------------------------- */

static void test_receipt(void **state)
{
	const char *bad_token = "The security code in the receipt QR code";
	const char *bad_regno = "The registration number in the receipt";
	char regno63[80], payload[128];
	struct id_result r;

	(void)state;
	assert_int_equal(
	    parse("PPID1|0001/PPID/KPU-BKL/XI/2026|ABCDEF2345", &r),
	    ID_KIND_RECEIPT);
	assert_null(r.reason);
	assert_null(r.warning);
	assert_string_equal(r.u.receipt.regno, "0001/PPID/KPU-BKL/XI/2026");
	assert_string_equal(r.u.receipt.token, "ABCDEF2345");
	assert_int_equal(parse(" ppid1|a.b-c|abcdef2345\r\n", &r),
			 ID_KIND_RECEIPT);
	assert_string_equal(r.u.receipt.regno, "a.b-c");
	assert_string_equal(r.u.receipt.token, "ABCDEF2345");
	assert_int_equal(parse("Ppid1|7|ZZZZZZZZZZ", &r), ID_KIND_RECEIPT);

	memset(regno63, 'A', 63);
	regno63[63] = '\0';
	snprintf(payload, sizeof(payload), "PPID1|%s|ABCDEF2345", regno63);
	assert_int_equal(parse(payload, &r), ID_KIND_RECEIPT);
	assert_string_equal(r.u.receipt.regno, regno63);
	snprintf(payload, sizeof(payload), "PPID1|%sA|ABCDEF2345", regno63);
	assert_invalid(payload, bad_regno);

	assert_invalid("PPID1|0001|ABCDEF234", bad_token);
	assert_invalid("PPID1|0001|ABCDEF23456", bad_token);
	assert_invalid("PPID1|0001|ABCDEF2341", bad_token);
	assert_invalid("PPID1|0001|ABCDEF2348", bad_token);
	assert_invalid("PPID1|0001|ABCDEF2340", bad_token);
	assert_invalid("PPID1|0001|ABCDE 2345", bad_token);
	assert_invalid("PPID1|0001|ABCDEF2345|", bad_token);
	assert_invalid("PPID1|0001|", bad_token);
	assert_invalid("PPID1|0001", bad_token);
	assert_invalid("PPID1||ABCDEF2345", bad_regno);
	assert_invalid("PPID1|", bad_regno);
	assert_invalid("PPID1|00 01|ABCDEF2345", bad_regno);
	assert_invalid("PPID1|0001_X|ABCDEF2345", bad_regno);
	assert_invalid("PPID2|0001|ABCDEF2345", "Not recognised");
	assert_invalid("PPID1", "Not recognised");
}

static void test_receipt_payload(void **state)
{
	char buf[128], regno64[65];
	struct id_result r;
	size_t need;

	(void)state;
	assert_int_equal(id_receipt_payload("0001/PPID/KPU-BKL/XI/2026",
					    "abcdef2345", buf, sizeof(buf)),
			 0);
	assert_string_equal(buf, "PPID1|0001/PPID/KPU-BKL/XI/2026|ABCDEF2345");
	assert_int_equal(parse(buf, &r), ID_KIND_RECEIPT);
	assert_string_equal(r.u.receipt.regno, "0001/PPID/KPU-BKL/XI/2026");
	assert_string_equal(r.u.receipt.token, "ABCDEF2345");

	/* Exactly big enough, and one byte short. */
	need = strlen("PPID1|7|ABCDEF2345") + 1;
	assert_int_equal(id_receipt_payload("7", "ABCDEF2345", buf, need), 0);
	assert_string_equal(buf, "PPID1|7|ABCDEF2345");
	errno = 0;
	assert_int_equal(id_receipt_payload("7", "ABCDEF2345", buf, need - 1),
			 -1);
	assert_int_equal(errno, ERANGE);
	assert_string_equal(buf, "");
	errno = 0;
	assert_int_equal(id_receipt_payload("7", "ABCDEF2345", NULL, 0), -1);
	assert_int_equal(errno, ERANGE);

	static const char *const bad[][2] = {
	    {"", "ABCDEF2345"},
	    {"00 1", "ABCDEF2345"},
	    {"0|1", "ABCDEF2345"},
	    {"0001", "ABCDEF234"},
	    {"0001", "ABCDEF23456"},
	    {"0001", "ABCDEF2341"},
	    {"0001", ""},
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		errno = 0;
		assert_int_equal(
		    id_receipt_payload(bad[i][0], bad[i][1], buf, sizeof(buf)),
		    -1);
		assert_int_equal(errno, EINVAL);
	}
	memset(regno64, '1', 64);
	regno64[64] = '\0';
	errno = 0;
	assert_int_equal(
	    id_receipt_payload(regno64, "ABCDEF2345", buf, sizeof(buf)), -1);
	assert_int_equal(errno, EINVAL);
	errno = 0;
	assert_int_equal(
	    id_receipt_payload(NULL, "ABCDEF2345", buf, sizeof(buf)), -1);
	assert_int_equal(errno, EINVAL);
	errno = 0;
	assert_int_equal(id_receipt_payload("1", NULL, buf, sizeof(buf)), -1);
	assert_int_equal(errno, EINVAL);
}

/* ---- small functions ------------------------------------------------------ */

static void test_mask(void **state)
{
	char buf[32];

	(void)state;
	id_mask("1771014708900001", buf, sizeof(buf));
	assert_string_equal(buf, "1771********0001");
	id_mask("L898902C3", buf, sizeof(buf));
	assert_string_equal(buf, "L898*02C3");
	id_mask("12345678", buf, sizeof(buf));
	assert_string_equal(buf, "******78");
	id_mask("123", buf, sizeof(buf));
	assert_string_equal(buf, "*23");
	/* Characters, not bytes: a deed number may be non-ASCII. */
	id_mask("AKTA-Nº-12/ÉÈ-2026", buf, sizeof(buf));
	assert_string_equal(buf, "AKTA**********2026");
	id_mask("ÉÈÊËÉÈÊË", buf, sizeof(buf));
	assert_string_equal(buf, "******ÊË");
	id_mask("7", buf, sizeof(buf));
	assert_string_equal(buf, "7");
	id_mask("", buf, sizeof(buf));
	assert_string_equal(buf, "");
	id_mask(NULL, buf, sizeof(buf));
	assert_string_equal(buf, "");
	/* Stray or truncated UTF-8 counts byte by byte and never steps
	 * over the end (a 4-byte lead just before the NUL). */
	id_mask("12\xf0", buf, sizeof(buf));
	assert_string_equal(buf, "*2\xf0");
	id_mask("ABCDEFGH\xc3\xa9\xe2\x82", buf, sizeof(buf));
	assert_string_equal(buf, "ABCD***H\xc3\xa9\xe2\x82");
	/* Truncated output never shows a hidden digit. */
	id_mask("1771014708900001", buf, 8);
	assert_string_equal(buf, "1771***");
	id_mask("1771014708900001", buf, 1);
	assert_string_equal(buf, "");
	buf[0] = 'x';
	id_mask("1771014708900001", buf, 0);
	assert_int_equal(buf[0], 'x');
	id_mask("1771014708900001", NULL, 0);
}

static void test_kind_name(void **state)
{
	(void)state;
	assert_string_equal(id_kind_name(ID_KIND_NIK), "nik");
	assert_string_equal(id_kind_name(ID_KIND_MRZ_TD1), "mrz-td1");
	assert_string_equal(id_kind_name(ID_KIND_MRZ_TD3), "mrz-td3");
	assert_string_equal(id_kind_name(ID_KIND_RECEIPT), "receipt");
	assert_string_equal(id_kind_name(ID_KIND_INVALID), "invalid");
	assert_string_equal(id_kind_name((enum id_kind)42), "invalid");
}

/* ---- garbage -------------------------------------------------------------- */

static void test_empty_and_control(void **state)
{
	static const char nul_nik[] = "32010157\00008900001";
	char big[ID_TEXT_MAX + 2];
	struct id_result r;

	(void)state;
	assert_invalid("", "Nothing was read");
	assert_invalid(" \r\n\t ", "Nothing was read");
	assert_int_equal(id_parse(NULL, 0, today, &r), ID_KIND_INVALID);
	assert_non_null(r.reason);

	assert_int_equal(id_parse(nul_nik, sizeof(nul_nik) - 1, today, &r),
			 ID_KIND_INVALID);
	assert_reason(&r, "The input contains characters");
	assert_invalid("3201015708900001\x1b", "The input contains characters");
	assert_invalid("\f3201015708900001", "The input contains characters");
	assert_invalid("PPID1|1|ABCDEF2345\x7f",
		       "The input contains characters");

	/* ID_TEXT_MAX bytes are read; one more is refused. */
	memset(big, ' ', sizeof(big));
	memcpy(big + 100, "3201015708900001", 16);
	assert_int_equal(id_parse(big, ID_TEXT_MAX, today, &r), ID_KIND_NIK);
	assert_int_equal(id_parse(big, ID_TEXT_MAX + 1, today, &r),
			 ID_KIND_INVALID);
	assert_reason(&r, "The input is too long");

	assert_invalid("hello", "Not recognised: scan the ID card again");
	assert_invalid("<<<", "Not recognised");
	assert_invalid("\xc3\xa9\xc3\xa9", "Not recognised");
	assert_invalid("3201015708900001 x", "The NIK may contain only");
	assert_invalid(".-. .-.", "Not recognised");
}

/* A used result is fully reset by the next call. */
static void test_result_reset(void **state)
{
	struct id_result r, zero;

	(void)state;
	memset(&zero, 0, sizeof(zero));
	assert_int_equal(parse("9901015708900001", &r), ID_KIND_NIK);
	assert_non_null(r.warning);
	assert_int_equal(parse("garbage", &r), ID_KIND_INVALID);
	assert_null(r.warning);
	assert_memory_equal(&r.u, &zero.u, sizeof(r.u));
	assert_int_equal(parse(TD3_L1 TD3_L2, &r), ID_KIND_MRZ_TD3);
	assert_int_equal(parse(TD3_L1 TD3_L1, &r), ID_KIND_INVALID);
	assert_memory_equal(&r.u, &zero.u, sizeof(r.u));
}

static uint32_t rng_state = 12345;

static uint32_t rng(void)
{
	rng_state = rng_state * 1103515245u + 12345u;
	return rng_state >> 8;
}

static void check_invariants(const struct id_result *r)
{
	assert_true((r->kind == ID_KIND_INVALID) == (r->reason != NULL));
	if (r->reason) {
		assert_non_null(r->reason->id);
		assert_non_null(r->reason->en);
		assert_null(r->warning);
	}
	if (r->kind == ID_KIND_NIK) {
		assert_int_equal(strlen(r->u.nik.nik), ID_NIK_LEN);
		assert_true(date_valid(r->u.nik.birth.year,
				       r->u.nik.birth.month,
				       r->u.nik.birth.day));
		assert_true(date_cmp(r->u.nik.birth, today) <= 0);
	}
	if (r->kind == ID_KIND_MRZ_TD1 || r->kind == ID_KIND_MRZ_TD3) {
		assert_true(r->u.mrz.sex == 'M' || r->u.mrz.sex == 'F' ||
			    r->u.mrz.sex == 'X');
		assert_true(date_cmp(r->u.mrz.birth, today) <= 0);
	}
}

/* Random bytes, random MRZ-alphabet strings and mutated specimens. */
static void test_random(void **state)
{
	static const char alpha[] = "0123456789ABCDEFZ<<<<< \n";
	static const char *const seeds[] = {
	    TD3_L1 "\n" TD3_L2,
	    TD1_L1 "\n" TD1_L2 "\n" TD1_L3,
	    "3201015708900001",
	    "PPID1|0001/PPID/KPU-BKL/XI/2026|ABCDEF2345",
	};
	char buf[ID_TEXT_MAX + 64];
	struct id_result r;

	(void)state;
	for (int i = 0; i < 20000; i++) {
		size_t n = rng() % sizeof(buf);

		for (size_t k = 0; k < n; k++)
			buf[k] = (char)rng();
		id_parse(buf, n, today, &r);
		check_invariants(&r);

		n = rng() % 100;
		for (size_t k = 0; k < n; k++)
			buf[k] = alpha[rng() % (sizeof(alpha) - 1)];
		id_parse(buf, n, today, &r);
		check_invariants(&r);

		const char *s = seeds[rng() % 4];
		n = strlen(s);
		memcpy(buf, s, n);
		for (int m = 0; m < 1 + (int)(rng() % 3); m++)
			buf[rng() % n] = alpha[rng() % (sizeof(alpha) - 1)];
		id_parse(buf, n, today, &r);
		check_invariants(&r);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_check_digit),
	    cmocka_unit_test(test_td3_specimen),
	    cmocka_unit_test(test_td1_specimen),
	    cmocka_unit_test(test_td3_each_check_digit),
	    cmocka_unit_test(test_td1_each_check_digit),
	    cmocka_unit_test(test_composite_only),
	    cmocka_unit_test(test_mrz_layouts),
	    cmocka_unit_test(test_mrz_truncated),
	    cmocka_unit_test(test_mrz_own_vectors),
	    cmocka_unit_test(test_mrz_bad_fields),
	    cmocka_unit_test(test_mrz_unsupported),
	    cmocka_unit_test(test_nik_valid),
	    cmocka_unit_test(test_nik_separators),
	    cmocka_unit_test(test_nik_century),
	    cmocka_unit_test(test_nik_invalid),
	    cmocka_unit_test(test_nik_province),
	    cmocka_unit_test(test_nik_length),
	    cmocka_unit_test(test_receipt),
	    cmocka_unit_test(test_receipt_payload),
	    cmocka_unit_test(test_mask),
	    cmocka_unit_test(test_kind_name),
	    cmocka_unit_test(test_empty_and_control),
	    cmocka_unit_test(test_result_reset),
	    cmocka_unit_test(test_random),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
