// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer harness for the request form's rules and the date parsers: the
 * input is split on NUL bytes into the form's text fields (and a date), then
 * validated.  Validation must never crash, must give a message in both
 * languages for every problem, and a valid request's text must be valid
 * UTF-8 without control characters.
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "request.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond)                                                            \
	do {                                                                   \
		if (!(cond))                                                   \
			abort();                                               \
	} while (0)

static void take(char *dst, size_t len, const uint8_t **p, const uint8_t *end)
{
	const uint8_t *nul = memchr(*p, 0, (size_t)(end - *p));
	size_t n = nul ? (size_t)(nul - *p) : (size_t)(end - *p);

	if (n >= len)
		n = len - 1;
	memcpy(dst, *p, n);
	dst[n] = '\0';
	*p = nul ? nul + 1 : end;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct request r;
	struct req_error errs[REQ_F_COUNT];
	const uint8_t *p = data, *end = data + size;
	char when[32];
	time_t now = date_wib_to_utc((struct date){2026, 11, 27}, 10, 0, 0);
	time_t t;
	struct date d;
	int n;

	request_init(&r);
	if (size > 0) {
		r.id_type = (enum req_id_type)(data[0] % REQ_ID_COUNT);
		r.obtain = (enum req_obtain)(data[0] / 4 % REQ_OBTAIN_COUNT);
		r.delivery =
		    (enum req_delivery)(data[0] / 16 % REQ_DELIVERY_COUNT);
		p++;
	}
	take(r.name, sizeof(r.name), &p, end);
	take(r.id_number, sizeof(r.id_number), &p, end);
	take(r.address, sizeof(r.address), &p, end);
	take(r.occupation, sizeof(r.occupation), &p, end);
	take(r.phone, sizeof(r.phone), &p, end);
	take(r.email, sizeof(r.email), &p, end);
	take(r.info, sizeof(r.info), &p, end);
	take(r.purpose, sizeof(r.purpose), &p, end);
	take(when, sizeof(when), &p, end);

	/* The date parsers accept exactly what they format. */
	if (date_parse(when, &d) == 0) {
		char back[16];

		CHECK(date_valid(d.year, d.month, d.day));
		date_format(d, back, sizeof(back));
		CHECK(strcmp(back, when) == 0);
	}
	if (date_parse_wib(when, &t) == 0)
		r.received_at = t;

	n = request_validate(&r, now, errs, REQ_F_COUNT);
	CHECK(n >= 0 && n <= REQ_F_COUNT);
	for (int i = 0; i < n; i++) {
		CHECK(errs[i].msg && errs[i].msg->id && errs[i].msg->en);
		CHECK(*errs[i].msg->id && *errs[i].msg->en);
	}
	if (n == 0) {
		CHECK(request_text_ok(r.name, false, NULL));
		CHECK(request_text_ok(r.info, true, NULL));
		CHECK(r.received_at <= now + 60);
		CHECK(r.received_at == REQ_RECEIVED_NOW ||
		      r.received_at >= REQ_RECEIVED_FLOOR);
	}
	request_wipe(&r);
	CHECK(r.name[0] == '\0' && r.id_number[0] == '\0');
	return 0;
}
