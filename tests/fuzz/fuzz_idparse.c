// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer harness for idparse.c: any bytes go through id_parse() and
 * id_mask(), and every result must keep the invariants the header promises.
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "idparse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond)                                                            \
	do {                                                                   \
		if (!(cond))                                                   \
			abort();                                               \
	} while (0)

static const struct date today = {2026, 11, 27};

static bool ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return false;
	return true;
}

static bool in_set(const char *s, const char *set)
{
	for (; *s; s++)
		if (!strchr(set, *s))
			return false;
	return true;
}

static bool terminated(const char *s, size_t size)
{
	return memchr(s, '\0', size) != NULL;
}

static void check_text(const struct text *t)
{
	CHECK(t->id && t->en && *t->id && *t->en);
}

static void check_nik(const struct id_nik *n)
{
	struct id_result again;

	CHECK(strlen(n->nik) == ID_NIK_LEN);
	CHECK(in_set(n->nik, "0123456789"));
	CHECK(n->province >= 0 && n->province <= 99);
	CHECK(n->regency >= 1 && n->regency <= 99);
	CHECK(n->district >= 1 && n->district <= 99);
	CHECK(n->serial >= 1 && n->serial <= 9999);
	CHECK(n->sex == 'M' || n->sex == 'F');
	CHECK(date_valid(n->birth.year, n->birth.month, n->birth.day));
	CHECK(date_cmp(n->birth, today) <= 0);
	CHECK(n->province_known == (n->province_name != NULL));

	/* The bare 16 digits parse to the same NIK. */
	CHECK(id_parse(n->nik, ID_NIK_LEN, today, &again) == ID_KIND_NIK);
	CHECK(date_cmp(again.u.nik.birth, n->birth) == 0);
	CHECK(again.u.nik.sex == n->sex && again.u.nik.serial == n->serial);
}

static void check_mrz(const struct id_mrz *m)
{
	static const char mrz_text[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ";

	CHECK(terminated(m->doc_code, sizeof(m->doc_code)));
	CHECK(terminated(m->issuer, sizeof(m->issuer)));
	CHECK(terminated(m->doc_number, sizeof(m->doc_number)));
	CHECK(terminated(m->nationality, sizeof(m->nationality)));
	CHECK(terminated(m->surname, sizeof(m->surname)));
	CHECK(terminated(m->given_names, sizeof(m->given_names)));
	CHECK(terminated(m->optional, sizeof(m->optional)));
	CHECK(in_set(m->surname, mrz_text) && in_set(m->given_names, mrz_text));
	CHECK(in_set(m->doc_number, mrz_text));
	CHECK(m->sex == 'M' || m->sex == 'F' || m->sex == 'X');
	CHECK(date_valid(m->birth.year, m->birth.month, m->birth.day));
	CHECK(date_valid(m->expiry.year, m->expiry.month, m->expiry.day));
	CHECK(date_cmp(m->birth, today) <= 0);
	CHECK(m->expiry.year >= 2000 && m->expiry.year <= 2099);
}

static void check_receipt(const struct id_receipt *r)
{
	char buf[128];
	struct id_result again;

	CHECK(strlen(r->regno) >= 1 && strlen(r->regno) < ID_REGNO_MAX);
	CHECK(strlen(r->token) == ID_TOKEN_LEN);
	CHECK(in_set(r->token, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"));

	/* Building the payload back and parsing it gives the same receipt. */
	CHECK(id_receipt_payload(r->regno, r->token, buf, sizeof(buf)) == 0);
	CHECK(id_parse(buf, strlen(buf), today, &again) == ID_KIND_RECEIPT);
	CHECK(strcmp(again.u.receipt.regno, r->regno) == 0);
	CHECK(strcmp(again.u.receipt.token, r->token) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct id_result r, r2;
	enum id_kind kind;
	char *s, mask[24];

	kind = id_parse((const char *)data, size, today, &r);
	CHECK(kind == r.kind);
	CHECK(kind >= ID_KIND_INVALID && kind <= ID_KIND_RECEIPT);
	CHECK((kind == ID_KIND_INVALID) == (r.reason != NULL));
	CHECK(id_kind_name(kind) != NULL);
	if (r.reason) {
		check_text(r.reason);
		CHECK(r.warning == NULL);
	}
	if (r.warning)
		check_text(r.warning);
	if (kind == ID_KIND_NIK)
		check_nik(&r.u.nik);
	else if (kind == ID_KIND_MRZ_TD1 || kind == ID_KIND_MRZ_TD3)
		check_mrz(&r.u.mrz);
	else if (kind == ID_KIND_RECEIPT)
		check_receipt(&r.u.receipt);

	/* Pure function: the same bytes give the same answer. */
	CHECK(id_parse((const char *)data, size, today, &r2) == kind);
	CHECK(r2.reason == r.reason && r2.warning == r.warning);

	/* id_mask on the bytes as a C string, into a small buffer. */
	s = malloc(size + 1);
	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	id_mask(s, mask, sizeof(mask));
	/* Masking is by character: a masked multi-byte character becomes one
	 * '*', so the result is never longer than the input; for ASCII input
	 * it keeps the length (up to the buffer). */
	CHECK(strlen(mask) <= strlen(s) && strlen(mask) < sizeof(mask));
	if (ascii(s))
		CHECK(
		    strlen(mask) ==
		    (strlen(s) < sizeof(mask) ? strlen(s) : sizeof(mask) - 1));
	if (size > 0)
		id_mrz_check_digit(s, size);
	free(s);
	return 0;
}
