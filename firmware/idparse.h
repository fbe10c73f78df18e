/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * One entry point for whatever a card reader or a person typed: an Indonesian
 * NIK, an ICAO 9303 machine-readable zone (TD1 ID card, TD3 passport), or the
 * kiosk's own receipt QR payload.  Pure functions, no allocation: garbage gets
 * a reason, never a crash.
 *
 * Receipt payload format (printed as a QR code on every receipt):
 *     PPID1|<registration number>|<token>
 * where the token is the request's 10-character receipt token (A-Z, 2-7).
 * The token makes a status look-up need the paper receipt, not just a
 * guessable number.
 */
#ifndef PPID_IDPARSE_H
#define PPID_IDPARSE_H

#include <stdbool.h>
#include <stddef.h>

#include "date.h"
#include "text.h"

#define ID_TEXT_MAX	  512 /* longer input is refused as garbage */
#define ID_NIK_LEN	  16
#define ID_REGNO_MAX	  64 /* registration number, NUL included */
#define ID_TOKEN_LEN	  10 /* receipt token characters */
#define ID_RECEIPT_PREFIX "PPID1|"

enum id_kind {
	ID_KIND_INVALID = 0, /* nothing usable; see id_result.reason */
	ID_KIND_NIK,	     /* 16-digit NIK */
	ID_KIND_MRZ_TD1,     /* ID card MRZ, 3 x 30 */
	ID_KIND_MRZ_TD3,     /* passport MRZ, 2 x 44 */
	ID_KIND_RECEIPT,     /* the kiosk's receipt QR payload */
};

struct id_nik {
	char nik[ID_NIK_LEN + 1]; /* the 16 digits */
	int province;		  /* PP, e.g. 17 = Bengkulu */
	int regency;		  /* KK, 01..99 */
	int district;		  /* CC, 01..99 */
	struct date birth;   /* century chosen so it is not in the future */
	char sex;	     /* 'M' or 'F' (day + 40 = female) */
	int serial;	     /* SSSS, 1..9999 */
	bool province_known; /* false: warning, not an error */
	const char *province_name; /* static, NULL when unknown */
};

struct id_mrz {
	char doc_code[3];     /* "P", "I", "ID", "AC"... ('<' removed) */
	char issuer[4];	      /* issuing state, e.g. "IDN" */
	char doc_number[32];  /* document number, fillers removed */
	char nationality[4];  /* e.g. "IDN" */
	char surname[64];     /* "ERIKSSON" */
	char given_names[64]; /* "ANNA MARIA" ('<' turned into spaces) */
	struct date birth;    /* century chosen so it is not in the future */
	struct date expiry;   /* 20YY */
	char sex;	      /* 'M', 'F' or 'X' (unspecified) */
	char optional[32];    /* personal number / optional data, trimmed */
};

struct id_receipt {
	char regno[ID_REGNO_MAX];     /* e.g. "0001/PPID/KPU-BKL/XI/2026" */
	char token[ID_TOKEN_LEN + 1]; /* upper case */
};

struct id_result {
	enum id_kind kind;
	const struct text *reason;  /* why it is invalid; NULL when valid */
	const struct text *warning; /* valid but worth saying; or NULL */
	union {
		struct id_nik nik;
		struct id_mrz mrz;
		struct id_receipt receipt;
	} u;
};

/**
 * Parse one complete read.  Leading and trailing white space is ignored;
 * MRZ lines may be separated by newlines, carriage returns, spaces or run
 * together; lower case MRZ is accepted.  A NIK may contain spaces, dots or
 * dashes between digit groups as people type them.
 * @param text  bytes as read (need not be NUL-terminated)
 * @param len   number of bytes
 * @param today the office's current date, for choosing birth-date centuries
 * @param out   filled in on every call
 * @return out->kind (ID_KIND_INVALID with out->reason set on failure)
 *
 * Input longer than ID_TEXT_MAX, or holding control characters other than
 * tab, CR and LF, is refused.  On failure the union is zeroed and
 * out->warning is NULL.  Warnings (valid, but say it): an unknown NIK
 * province code; an expired MRZ document.  When several MRZ check digits
 * fail, the reason names the first in the order document number, birth
 * date, expiry date, personal number, composite.  reason and warning point
 * to static messages and never need freeing.
 */
enum id_kind id_parse(const char *text, size_t len, struct date today,
		      struct id_result *out);

/**
 * Mask an identity number for screens and receipts: keep the first 4 and
 * last 4 characters, stars between ("1771********0001").  Numbers of 8
 * characters or fewer keep only the last 2.
 * @param id  NUL-terminated; NULL is treated as ""
 * @param buf receives the masked text, truncated to fit and always
 *            NUL-terminated (nothing is written when @p len is 0)
 * @param len size of @p buf
 */
void id_mask(const char *id, char *buf, size_t len);

/**
 * ICAO 9303 7-3-1 check digit over @p n characters (0-9, A-Z, '<').
 * @return 0..9, or -1 if any character is outside that set (lower case too)
 */
int id_mrz_check_digit(const char *s, size_t n);

/**
 * Build a receipt payload "PPID1|regno|token" into @p buf.
 * @param regno 1..ID_REGNO_MAX-1 characters of A-Z a-z 0-9 / . -
 * @param token ID_TOKEN_LEN characters of A-Z 2-7 (lower case accepted and
 *              written upper case)
 * @return 0 on success; -1 with errno EINVAL (bad or NULL regno or token)
 *         or ERANGE (@p buf NULL or too small; buf[0] is then '\0')
 */
int id_receipt_payload(const char *regno, const char *token, char *buf,
		       size_t len);

/**
 * Name of a kind for scripts: "nik", "mrz-td1", "mrz-td3", "receipt";
 * "invalid" for ID_KIND_INVALID or any other value.  Static string.
 */
const char *id_kind_name(enum id_kind kind);

#endif
