// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer harness for registration-number templates (regno.c).  Input:
 * 8 bytes of numbers (sequence, year, month, buffer size), then the
 * template, a NUL, and the prefix.  Expanding must never write outside the
 * buffer; a number it gives is NUL-terminated within the buffer, holds the
 * sequence and the year, and fits a receipt QR; and a template that
 * regno_check_format() accepts at start-up expands for every month and
 * sequence the register can reach, in the size the register stores.
 */

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "idparse.h"
#include "regno.h"
#include "request.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond)                                                            \
	do {                                                                   \
		if (!(cond))                                                   \
			abort();                                               \
	} while (0)

#define BIG 65536 /* more than any input of 1024 bytes expands to */

/* Characters a receipt payload may carry (idparse.h). */
static int payload_char(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	       (c >= '0' && c <= '9') || c == '/' || c == '.' || c == '-';
}

/*
 * Expand into a heap buffer of exactly @p len bytes, so AddressSanitizer
 * catches a write past it, and check what the header promises.
 */
static int expand(const char *fmt, const char *prefix, int seq, int year,
		  int month, size_t len, char *copy)
{
	char *buf = malloc(len ? len : 1);
	char want[16];
	int rc;

	if (!buf)
		abort();
	errno = 0;
	rc = regno_format(fmt, prefix, seq, year, month, buf, len);
	if (rc == 0) {
		size_t n;

		CHECK(len > 0 && memchr(buf, '\0', len));
		n = strlen(buf);
		CHECK(n >= 1);
		for (size_t i = 0; i < n; i++)
			CHECK(payload_char(buf[i]));
		snprintf(want, sizeof(want), "%04d", seq);
		CHECK(strstr(buf, want));
		snprintf(want, sizeof(want), "%04d", year);
		CHECK(strstr(buf, want));
		if (copy)
			memcpy(copy, buf, n + 1);
	} else {
		CHECK(rc == -1);
		CHECK(errno == EINVAL || errno == ENOSPC);
		rc = -errno;
	}
	free(buf);
	return rc;
}

/* A regno that fits the register also survives the receipt QR. */
static void check_receipt(const char *regno)
{
	char payload[128];
	struct id_result r;

	if (strlen(regno) >= ID_REGNO_MAX)
		return;
	CHECK(id_receipt_payload(regno, "ABCDEFGH23", payload,
				 sizeof(payload)) == 0);
	CHECK(id_parse(payload, strlen(payload), (struct date){2026, 11, 27},
		       &r) == ID_KIND_RECEIPT);
	CHECK(strcmp(r.u.receipt.regno, regno) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char big[BIG];
	char *fmt, *prefix, *nul;
	int seq, year, month, rc_big, rc;
	size_t len;

	if (size < 8 || size > 1024)
		return 0;
	/* Mostly plausible numbers, sometimes anything. */
	seq = data[0] & 0x80 ? (int)((uint32_t)data[1] << 24 | data[2] << 16)
			     : (data[1] << 8 | data[2]) % 100000;
	year = data[3] & 0x80 ? (int)((uint32_t)data[3] << 24 | data[4] << 8)
			      : 1990 + data[4] % 120;
	month = data[5] & 0x80 ? (int)(int8_t)data[5] : 1 + data[5] % 12;
	len = (size_t)(data[6] << 8 | data[7]) % 160;

	fmt = malloc(size - 8 + 2);
	if (!fmt)
		return 0;
	memcpy(fmt, data + 8, size - 8);
	fmt[size - 8] = '\0';
	fmt[size - 8 + 1] = '\0';
	nul = memchr(fmt, '\0', size - 8 + 1);
	prefix = nul + 1;

	/* The same call with room to spare, then with exactly @p len. */
	rc_big = expand(fmt, prefix, seq, year, month, sizeof(big), big);
	rc = expand(fmt, prefix, seq, year, month, len, NULL);
	if (rc_big == 0) {
		CHECK(rc == (strlen(big) < len ? 0 : -ENOSPC));
		check_receipt(big);
	} else {
		CHECK(rc_big == -EINVAL);
		CHECK(rc == -EINVAL || rc == -ENOSPC);
	}

	/* Accepted at start-up: every month, every sequence up to 99999,
	 * fits the register's REQ_REGNO_MAX bytes. */
	if (regno_check_format(fmt, prefix) == 0) {
		static const int seqs[] = {1, 9999, 10000, 99999};

		for (int m = 1; m <= 12; m++)
			for (size_t i = 0; i < sizeof(seqs) / sizeof(seqs[0]);
			     i++)
				CHECK(expand(fmt, prefix, seqs[i], 2026, m,
					     REQ_REGNO_MAX, NULL) == 0);
	}
	free(fmt);
	return 0;
}
