// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * ID parser: tells a NIK, an ICAO 9303 MRZ (TD1, TD3) and a receipt QR payload
 * apart, validates each one fully, and explains every refusal in words a
 * visitor understands.  Works on fixed buffers only; GLib only steps
 * through UTF-8.
 */

#include <assert.h>
#include <errno.h>
#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "idparse.h"

#define TD1_LINE 30
#define TD2_LINE 36
#define TD3_LINE 44
#define MRZ_MAX	 (3 * TD1_LINE) /* the longest layout we read, 90 */

/* ---- messages (Indonesian first, English) ------------------------------- */

static const struct text msg_too_long = {
    "Data yang terbaca terlalu panjang. Pindai atau ketik ulang.",
    "The input is too long. Scan or type it again.",
};
static const struct text msg_control = {
    "Data yang terbaca berisi karakter yang tidak sah. Pindai atau ketik ulang.",
    "The input contains characters that cannot be used. Scan or type it again.",
};
static const struct text msg_empty = {
    "Tidak ada data yang terbaca. Silakan coba lagi.",
    "Nothing was read. Please try again.",
};
static const struct text msg_unknown = {
    "Tidak dikenali: pindai ulang KTP atau ketik 16 angka NIK.",
    "Not recognised: scan the ID card again or type the 16-digit NIK.",
};

static const struct text msg_nik_length = {
    "NIK harus terdiri dari 16 angka.",
    "The NIK must have 16 digits.",
};
static const struct text msg_nik_15 = {
    "NIK ini hanya 15 angka, padahal NIK terdiri dari 16 angka: mungkin ada angka yang terlewat. Periksa lagi.",
    "This NIK has only 15 digits, but an NIK has 16: a digit is probably missing. Please check it.",
};
static const struct text msg_nik_17 = {
    "NIK ini 17 angka, padahal NIK terdiri dari 16 angka: mungkin ada angka yang terketik dua kali. Periksa lagi.",
    "This NIK has 17 digits, but an NIK has 16: a digit was probably typed twice. Please check it.",
};
static const struct text msg_nik_digits = {
    "NIK hanya boleh berisi angka 0-9.",
    "The NIK may contain only the digits 0-9.",
};
static const struct text msg_nik_regency = {
    "NIK tidak sah: kode kabupaten/kota (angka ke-3 dan ke-4) tidak boleh 00.",
    "This NIK is not valid: the regency/city code (digits 3-4) cannot be 00.",
};
static const struct text msg_nik_district = {
    "NIK tidak sah: kode kecamatan (angka ke-5 dan ke-6) tidak boleh 00.",
    "This NIK is not valid: the district code (digits 5-6) cannot be 00.",
};
static const struct text msg_nik_month = {
    "NIK tidak sah: bulan lahir (angka ke-9 dan ke-10) harus 01 sampai 12.",
    "This NIK is not valid: the birth month (digits 9-10) must be 01 to 12.",
};
static const struct text msg_nik_day = {
    "NIK tidak sah: tanggal lahir (angka ke-7 dan ke-8) harus 01-31, atau 41-71 untuk perempuan.",
    "This NIK is not valid: the birth day (digits 7-8) must be 01-31, or 41-71 for women.",
};
static const struct text msg_nik_date = {
    "NIK tidak sah: tanggal lahirnya tidak ada di kalender.",
    "This NIK is not valid: its date of birth does not exist.",
};
static const struct text msg_nik_serial = {
    "NIK tidak sah: nomor urut (4 angka terakhir) tidak boleh 0000.",
    "This NIK is not valid: the last 4 digits cannot be 0000.",
};
static const struct text warn_nik_province = {
    "Kode provinsi pada NIK ini tidak dikenal. Periksa kembali angkanya.",
    "The province code of this NIK is not known. Please check the digits.",
};

static const struct text msg_mrz_incomplete = {
    "Zona baca mesin (MRZ) tidak terbaca lengkap. Pindai ulang dokumen.",
    "The machine-readable zone was not read completely. Scan the document again.",
};
static const struct text msg_mrz_unsupported = {
    "Jenis dokumen ini tidak dapat dibaca di sini. Silakan ketik NIK Anda.",
    "This type of document cannot be read here. Please type your NIK instead.",
};
static const struct text msg_cd_doc = {
    "Angka pemeriksa nomor dokumen salah. Pindai ulang dokumen.",
    "Check digit of the document number is wrong. Scan the document again.",
};
static const struct text msg_cd_birth = {
    "Angka pemeriksa tanggal lahir salah. Pindai ulang dokumen.",
    "Check digit of the date of birth is wrong. Scan the document again.",
};
static const struct text msg_cd_expiry = {
    "Angka pemeriksa tanggal habis berlaku salah. Pindai ulang dokumen.",
    "Check digit of the expiry date is wrong. Scan the document again.",
};
static const struct text msg_cd_personal = {
    "Angka pemeriksa nomor pribadi salah. Pindai ulang dokumen.",
    "Check digit of the personal number is wrong. Scan the document again.",
};
static const struct text msg_cd_composite = {
    "Angka pemeriksa gabungan pada MRZ salah. Pindai ulang dokumen.",
    "The overall check digit of the machine-readable zone is wrong. Scan the document again.",
};
static const struct text msg_mrz_birth = {
    "Tanggal lahir pada dokumen tidak sah. Pindai ulang dokumen.",
    "The date of birth on the document is not a valid date. Scan the document again.",
};
static const struct text msg_mrz_expiry = {
    "Tanggal habis berlaku pada dokumen tidak sah. Pindai ulang dokumen.",
    "The expiry date on the document is not a valid date. Scan the document again.",
};
static const struct text msg_mrz_sex = {
    "Kolom jenis kelamin pada MRZ tidak terbaca. Pindai ulang dokumen.",
    "The sex field of the machine-readable zone cannot be read. Scan the document again.",
};
static const struct text warn_mrz_expired = {
    "Dokumen ini sudah habis masa berlakunya.",
    "This document has expired.",
};

static const struct text msg_receipt_regno = {
    "Nomor registrasi pada kode QR tanda terima tidak sah. Pindai ulang tanda terima.",
    "The registration number in the receipt QR code is not valid. Scan the receipt again.",
};
static const struct text msg_receipt_token = {
    "Kode keamanan pada kode QR tanda terima tidak sah. Pindai ulang tanda terima.",
    "The security code in the receipt QR code is not valid. Scan the receipt again.",
};

/* ---- province codes (Kemendagri, as used in the NIK) -------------------- */

struct province {
	int code;	  /* PP */
	const char *name; /* official short name */
};

static const struct province provinces[] = {
    {11, "Aceh"},
    {12, "Sumatera Utara"},
    {13, "Sumatera Barat"},
    {14, "Riau"},
    {15, "Jambi"},
    {16, "Sumatera Selatan"},
    {17, "Bengkulu"},
    {18, "Lampung"},
    {19, "Kepulauan Bangka Belitung"},
    {21, "Kepulauan Riau"},
    {31, "DKI Jakarta"},
    {32, "Jawa Barat"},
    {33, "Jawa Tengah"},
    {34, "DI Yogyakarta"},
    {35, "Jawa Timur"},
    {36, "Banten"},
    {51, "Bali"},
    {52, "Nusa Tenggara Barat"},
    {53, "Nusa Tenggara Timur"},
    {61, "Kalimantan Barat"},
    {62, "Kalimantan Tengah"},
    {63, "Kalimantan Selatan"},
    {64, "Kalimantan Timur"},
    {65, "Kalimantan Utara"},
    {71, "Sulawesi Utara"},
    {72, "Sulawesi Tengah"},
    {73, "Sulawesi Selatan"},
    {74, "Sulawesi Tenggara"},
    {75, "Gorontalo"},
    {76, "Sulawesi Barat"},
    {81, "Maluku"},
    {82, "Maluku Utara"},
    {91, "Papua"},
    {92, "Papua Barat"},
    {93, "Papua Selatan"},
    {94, "Papua Tengah"},
    {95, "Papua Pegunungan"},
    {96, "Papua Barat Daya"},
};

static const char *province_name(int code)
{
	for (size_t i = 0; i < sizeof(provinces) / sizeof(provinces[0]); i++)
		if (provinces[i].code == code)
			return provinces[i].name;
	return NULL;
}

/* ---- character helpers (ASCII only, independent of the locale) ---------- */

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

static bool is_lower(char c)
{
	return c >= 'a' && c <= 'z';
}

static char to_upper(char c)
{
	return is_lower(c) ? (char)(c - 'a' + 'A') : c;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static int two_digits(const char *p)
{
	return (p[0] - '0') * 10 + (p[1] - '0');
}

static bool all_digits(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!is_digit(p[i]))
			return false;
	return true;
}

static bool all_filler(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != '<')
			return false;
	return true;
}

static enum id_kind fail(struct id_result *out, const struct text *reason)
{
	memset(&out->u, 0, sizeof(out->u));
	out->kind = ID_KIND_INVALID;
	out->reason = reason;
	out->warning = NULL;
	return ID_KIND_INVALID;
}

/*
 * The latest century that does not put the date after @p today.  The clamp
 * only keeps the arithmetic sane when the caller's clock is nonsense.
 */
static bool pick_century(int yy, int mm, int dd, struct date today,
			 struct date *out)
{
	int y = today.year < 1900   ? 1900
		: today.year > 9999 ? 9999
				    : today.year;
	struct date d = {y / 100 * 100 + yy, mm, dd};

	if (date_valid(d.year, d.month, d.day) && date_cmp(d, today) <= 0)
		goto found;
	d.year -= 100;
	if (date_valid(d.year, d.month, d.day))
		goto found;
	return false;
found:
	*out = d;
	return true;
}

/* ---- NIK ----------------------------------------------------------------- */

static bool nik_char(char c)
{
	return is_digit(c) || c == ' ' || c == '.' || c == '-';
}

static enum id_kind parse_nik(const char *s, size_t n, struct date today,
			      struct id_result *out)
{
	struct id_nik *nik = &out->u.nik;
	char d[ID_NIK_LEN + 1];
	size_t nd = 0;
	int dd, mm, day;

	for (size_t i = 0; i < n; i++) {
		if (!is_digit(s[i]))
			continue;
		if (nd < ID_NIK_LEN)
			d[nd] = s[i];
		nd++;
	}
	/* One digit off is a typo worth naming. */
	if (nd == ID_NIK_LEN - 1)
		return fail(out, &msg_nik_15);
	if (nd == ID_NIK_LEN + 1)
		return fail(out, &msg_nik_17);
	if (nd != ID_NIK_LEN)
		return fail(out, &msg_nik_length);
	d[ID_NIK_LEN] = '\0';

	/* PP KK CC DD MM YY SSSS; women have 40 added to the day. */
	if (two_digits(d + 2) == 0)
		return fail(out, &msg_nik_regency);
	if (two_digits(d + 4) == 0)
		return fail(out, &msg_nik_district);
	mm = two_digits(d + 8);
	if (mm < 1 || mm > 12)
		return fail(out, &msg_nik_month);
	dd = two_digits(d + 6);
	day = dd > 40 ? dd - 40 : dd;
	if (day < 1 || day > 31)
		return fail(out, &msg_nik_day);
	if (!pick_century(two_digits(d + 10), mm, day, today, &nik->birth))
		return fail(out, &msg_nik_date);
	nik->serial = two_digits(d + 12) * 100 + two_digits(d + 14);
	if (nik->serial == 0)
		return fail(out, &msg_nik_serial);

	memcpy(nik->nik, d, sizeof(nik->nik));
	nik->province = two_digits(d);
	nik->regency = two_digits(d + 2);
	nik->district = two_digits(d + 4);
	nik->sex = dd > 40 ? 'F' : 'M';
	nik->province_name = province_name(nik->province);
	nik->province_known = nik->province_name != NULL;
	if (!nik->province_known)
		out->warning = &warn_nik_province;
	out->kind = ID_KIND_NIK;
	return ID_KIND_NIK;
}

/*
 * Something that looks like a NIK with a few letters in it (an O for a 0,
 * a stray key): worth a NIK-specific reason rather than "not recognised".
 */
static bool nik_with_letters(const char *s, size_t n)
{
	size_t digits = 0, letters = 0;

	for (size_t i = 0; i < n; i++) {
		if (is_digit(s[i]))
			digits++;
		else if (is_upper(s[i]) || is_lower(s[i]))
			letters++;
		else if (!nik_char(s[i]))
			return false;
	}
	return digits >= 8 && letters >= 1 && letters <= 4;
}

/* ---- MRZ ----------------------------------------------------------------- */

static int mrz_value(char c)
{
	if (is_digit(c))
		return c - '0';
	if (is_upper(c))
		return c - 'A' + 10;
	if (c == '<')
		return 0;
	return -1;
}

static bool mrz_char(char c)
{
	return is_digit(c) || is_upper(c) || is_lower(c) || c == '<';
}

static bool check_ok(const char *field, size_t n, char check)
{
	return is_digit(check) && id_mrz_check_digit(field, n) == check - '0';
}

/*
 * Copy an MRZ field for display: fillers at both ends dropped, each run of
 * fillers inside turned into one space ("ANNA<MARIA<<<" -> "ANNA MARIA").
 */
static void field_copy(char *dst, size_t size, const char *src, size_t n)
{
	size_t o = 0;

	while (n > 0 && src[n - 1] == '<')
		n--;
	while (n > 0 && src[0] == '<') {
		src++;
		n--;
	}
	for (size_t i = 0; i < n && o + 1 < size; i++) {
		if (src[i] != '<')
			dst[o++] = src[i];
		else if (src[i - 1] != '<')
			dst[o++] = ' ';
	}
	dst[o] = '\0';
}

/* Append " src" (or just "src" to an empty @p dst), truncating to @p size. */
static void field_append(char *dst, size_t size, const char *src)
{
	size_t o = strlen(dst);

	if (!*src)
		return;
	if (o > 0 && o + 1 < size)
		dst[o++] = ' ';
	for (; *src && o + 1 < size; src++)
		dst[o++] = *src;
	dst[o] = '\0';
}

/* SURNAME<<GIVEN<NAMES; a name without "<<" is all surname. */
static void split_name(struct id_mrz *m, const char *name, size_t n)
{
	size_t i;

	for (i = 0; i + 1 < n; i++)
		if (name[i] == '<' && name[i + 1] == '<')
			break;
	if (i + 1 >= n) {
		field_copy(m->surname, sizeof(m->surname), name, n);
		m->given_names[0] = '\0';
		return;
	}
	field_copy(m->surname, sizeof(m->surname), name, i);
	field_copy(m->given_names, sizeof(m->given_names), name + i + 2,
		   n - i - 2);
}

/* Dates, sex and the expiry warning, shared by TD1 and TD3. */
static enum id_kind mrz_finish(const char *birth, char sex, const char *expiry,
			       struct date today, enum id_kind kind,
			       struct id_result *out)
{
	struct id_mrz *m = &out->u.mrz;

	if (!all_digits(birth, 6) ||
	    !pick_century(two_digits(birth), two_digits(birth + 2),
			  two_digits(birth + 4), today, &m->birth))
		return fail(out, &msg_mrz_birth);
	if (!all_digits(expiry, 6))
		return fail(out, &msg_mrz_expiry);
	m->expiry =
	    (struct date){2000 + two_digits(expiry), two_digits(expiry + 2),
			  two_digits(expiry + 4)};
	if (!date_valid(m->expiry.year, m->expiry.month, m->expiry.day))
		return fail(out, &msg_mrz_expiry);
	if (sex == 'M' || sex == 'F' || sex == 'X')
		m->sex = sex;
	else if (sex == '<')
		m->sex = 'X';
	else
		return fail(out, &msg_mrz_sex);

	if (date_cmp(m->expiry, today) < 0)
		out->warning = &warn_mrz_expired;
	out->kind = kind;
	return kind;
}

/* TD3, ICAO 9303 part 4: two lines of 44. */
static enum id_kind parse_td3(const char *z, struct date today,
			      struct id_result *out)
{
	const char *l1 = z, *l2 = z + TD3_LINE;
	struct id_mrz *m = &out->u.mrz;
	char comp[10 + 7 + 22];

	if (l1[0] != 'P')
		return fail(out, &msg_mrz_unsupported);
	if (!check_ok(l2, 9, l2[9]))
		return fail(out, &msg_cd_doc);
	if (!check_ok(l2 + 13, 6, l2[19]))
		return fail(out, &msg_cd_birth);
	if (!check_ok(l2 + 21, 6, l2[27]))
		return fail(out, &msg_cd_expiry);
	/* An empty personal number may carry '<' or 0 as its check digit. */
	if (!(all_filler(l2 + 28, 14) && (l2[42] == '<' || l2[42] == '0')) &&
	    !check_ok(l2 + 28, 14, l2[42]))
		return fail(out, &msg_cd_personal);
	memcpy(comp, l2, 10);
	memcpy(comp + 10, l2 + 13, 7);
	memcpy(comp + 17, l2 + 21, 22);
	if (!check_ok(comp, sizeof(comp), l2[43]))
		return fail(out, &msg_cd_composite);

	field_copy(m->doc_code, sizeof(m->doc_code), l1, 2);
	field_copy(m->issuer, sizeof(m->issuer), l1 + 2, 3);
	split_name(m, l1 + 5, TD3_LINE - 5);
	field_copy(m->doc_number, sizeof(m->doc_number), l2, 9);
	field_copy(m->nationality, sizeof(m->nationality), l2 + 10, 3);
	field_copy(m->optional, sizeof(m->optional), l2 + 28, 14);
	return mrz_finish(l2 + 13, l2[20], l2 + 21, today, ID_KIND_MRZ_TD3,
			  out);
}

/* TD1, ICAO 9303 part 5: three lines of 30. */
static enum id_kind parse_td1(const char *z, struct date today,
			      struct id_result *out)
{
	const char *l1 = z, *l2 = z + TD1_LINE, *l3 = z + 2 * TD1_LINE;
	struct id_mrz *m = &out->u.mrz;
	char doc[9 + 14], comp[25 + 7 + 7 + 11], opt2[12];
	size_t doc_len = 9, opt = 15, k;
	char check = l1[14];

	if (l1[0] != 'I' && l1[0] != 'A' && l1[0] != 'C')
		return fail(out, &msg_mrz_unsupported);

	/*
	 * A document number longer than 9 characters puts '<' in the check
	 * digit position and continues at the start of the optional data,
	 * followed by its check digit and a filler.
	 */
	memcpy(doc, l1 + 5, 9);
	if (check == '<') {
		for (k = 15; k < TD1_LINE && l1[k] != '<'; k++)
			;
		if (k - 15 < 2)
			return fail(out, &msg_cd_doc);
		memcpy(doc + 9, l1 + 15, k - 16);
		doc_len = 9 + k - 16;
		check = l1[k - 1];
		opt = k;
	}
	if (!check_ok(doc, doc_len, check))
		return fail(out, &msg_cd_doc);
	if (!check_ok(l2, 6, l2[6]))
		return fail(out, &msg_cd_birth);
	if (!check_ok(l2 + 8, 6, l2[14]))
		return fail(out, &msg_cd_expiry);
	memcpy(comp, l1 + 5, 25);
	memcpy(comp + 25, l2, 7);
	memcpy(comp + 32, l2 + 8, 7);
	memcpy(comp + 39, l2 + 18, 11);
	if (!check_ok(comp, sizeof(comp), l2[29]))
		return fail(out, &msg_cd_composite);

	field_copy(m->doc_code, sizeof(m->doc_code), l1, 2);
	field_copy(m->issuer, sizeof(m->issuer), l1 + 2, 3);
	field_copy(m->doc_number, sizeof(m->doc_number), doc, doc_len);
	field_copy(m->optional, sizeof(m->optional), l1 + opt, TD1_LINE - opt);
	field_copy(opt2, sizeof(opt2), l2 + 18, 11);
	field_append(m->optional, sizeof(m->optional), opt2);
	field_copy(m->nationality, sizeof(m->nationality), l2 + 15, 3);
	split_name(m, l3, TD1_LINE);
	return mrz_finish(l2, l2[7], l2 + 8, today, ID_KIND_MRZ_TD1, out);
}

/* Only MRZ characters and white space, with at least one filler. */
static bool mrz_candidate(const char *s, size_t n)
{
	bool filler = false;

	for (size_t i = 0; i < n; i++) {
		if (s[i] == '<')
			filler = true;
		else if (!mrz_char(s[i]) && !is_space(s[i]))
			return false;
	}
	return filler;
}

/*
 * Lines may come separated by any white space or run together; either way
 * every break must fall on a line boundary of the layout the total length
 * names.  Shorter or misaligned reads are "incomplete", which is what a
 * visitor can fix by scanning again.
 */
static enum id_kind parse_mrz(const char *s, size_t n, struct date today,
			      struct id_result *out)
{
	char z[MRZ_MAX + 1];
	size_t nz = 0, line;
	bool gap = false;

	for (size_t i = 0; i < n; i++)
		nz += !is_space(s[i]);
	if (nz == 2 * TD3_LINE)
		line = TD3_LINE;
	else if (nz == 3 * TD1_LINE)
		line = TD1_LINE;
	else if (nz == 2 * TD2_LINE)
		line = TD2_LINE;
	else
		return fail(out, &msg_mrz_incomplete);

	nz = 0;
	for (size_t i = 0; i < n; i++) {
		if (is_space(s[i])) {
			gap = true;
			continue;
		}
		if (gap && nz % line != 0)
			return fail(out, &msg_mrz_incomplete);
		gap = false;
		z[nz++] = to_upper(s[i]);
	}
	z[nz] = '\0';

	if (line == TD3_LINE)
		return parse_td3(z, today, out);
	if (line == TD1_LINE)
		return parse_td1(z, today, out);
	return fail(out, &msg_mrz_unsupported);
}

/* ---- receipt payload ----------------------------------------------------- */

static bool regno_ok(const char *s, size_t n)
{
	if (n < 1 || n >= ID_REGNO_MAX)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!is_digit(s[i]) && !is_upper(s[i]) && !is_lower(s[i]) &&
		    s[i] != '/' && s[i] != '.' && s[i] != '-')
			return false;
	return true;
}

/* RFC 4648 base32 alphabet, either case. */
static bool token_ok(const char *s, size_t n)
{
	if (n != ID_TOKEN_LEN)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = to_upper(s[i]);

		if (!is_upper(c) && (c < '2' || c > '7'))
			return false;
	}
	return true;
}

static bool receipt_prefix(const char *s, size_t n)
{
	static const char prefix[] = ID_RECEIPT_PREFIX;

	if (n < sizeof(prefix) - 1)
		return false;
	for (size_t i = 0; i < sizeof(prefix) - 1; i++)
		if (to_upper(s[i]) != prefix[i])
			return false;
	return true;
}

static enum id_kind parse_receipt(const char *s, size_t n,
				  struct id_result *out)
{
	struct id_receipt *r = &out->u.receipt;
	const char *regno = s + sizeof(ID_RECEIPT_PREFIX) - 1;
	size_t rest = n - (sizeof(ID_RECEIPT_PREFIX) - 1);
	const char *bar = memchr(regno, '|', rest);
	size_t rn = bar ? (size_t)(bar - regno) : rest;

	if (!regno_ok(regno, rn))
		return fail(out, &msg_receipt_regno);
	if (!bar || !token_ok(bar + 1, rest - rn - 1))
		return fail(out, &msg_receipt_token);
	memcpy(r->regno, regno, rn);
	r->regno[rn] = '\0';
	for (size_t i = 0; i < ID_TOKEN_LEN; i++)
		r->token[i] = to_upper(bar[1 + i]);
	r->token[ID_TOKEN_LEN] = '\0';
	out->kind = ID_KIND_RECEIPT;
	return ID_KIND_RECEIPT;
}

/* ---- public -------------------------------------------------------------- */

enum id_kind id_parse(const char *text, size_t len, struct date today,
		      struct id_result *out)
{
	const char *s = text;
	size_t n = len;
	bool only_nik = true, any_digit = false;

	assert(out);
	assert(text || len == 0);
	memset(out, 0, sizeof(*out));
	if (!text)
		return fail(out, &msg_empty);
	if (len > ID_TEXT_MAX)
		return fail(out, &msg_too_long);
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)text[i];

		if ((c < 0x20 && !is_space((char)c)) || c == 0x7f)
			return fail(out, &msg_control);
	}
	while (n > 0 && is_space(s[0])) {
		s++;
		n--;
	}
	while (n > 0 && is_space(s[n - 1]))
		n--;
	if (n == 0)
		return fail(out, &msg_empty);

	if (receipt_prefix(s, n))
		return parse_receipt(s, n, out);
	for (size_t i = 0; i < n; i++) {
		only_nik = only_nik && nik_char(s[i]);
		any_digit = any_digit || is_digit(s[i]);
	}
	if (only_nik && any_digit)
		return parse_nik(s, n, today, out);
	if (mrz_candidate(s, n) && n >= TD1_LINE)
		return parse_mrz(s, n, today, out);
	if (nik_with_letters(s, n))
		return fail(out, &msg_nik_digits);
	return fail(out, &msg_unknown);
}

/*
 * The character after the one at @p s: GLib's step for valid UTF-8, one
 * byte for a stray or truncated sequence (g_utf8_next_char() alone would
 * trust the lead byte and could step over the terminating NUL).
 */
static const char *next_char(const char *s)
{
	gunichar c = g_utf8_get_char_validated(s, -1);

	return c == (gunichar)-1 || c == (gunichar)-2 ? s + 1
						      : g_utf8_next_char(s);
}

void id_mask(const char *id, char *buf, size_t len)
{
	size_t n = 0, head, tail, o = 0, i = 0;

	if (!buf || len == 0)
		return;
	if (!id)
		id = "";
	/* Count characters, not bytes: a deed number may be non-ASCII. */
	for (const char *p = id; *p; p = next_char(p))
		n++;
	if (n > 8) {
		head = 4;
		tail = 4;
	} else {
		head = 0;
		tail = n < 2 ? n : 2;
	}
	for (const char *p = id; *p; p = next_char(p), i++) {
		bool keep = i < head || i >= n - tail;
		size_t k = keep ? (size_t)(next_char(p) - p) : 1;

		if (o + k >= len)
			break;
		if (keep)
			memcpy(buf + o, p, k);
		else
			buf[o] = '*';
		o += k;
	}
	buf[o] = '\0';
}

int id_mrz_check_digit(const char *s, size_t n)
{
	static const int weight[3] = {7, 3, 1};
	int sum = 0;

	if (!s)
		return n ? -1 : 0;
	for (size_t i = 0; i < n; i++) {
		int v = mrz_value(s[i]);

		if (v < 0)
			return -1;
		sum = (sum + v * weight[i % 3]) % 10;
	}
	return sum;
}

int id_receipt_payload(const char *regno, const char *token, char *buf,
		       size_t len)
{
	size_t rn, tn, need;

	if (!regno || !token)
		goto err_inval;
	rn = strnlen(regno, ID_REGNO_MAX);
	tn = strnlen(token, ID_TOKEN_LEN + 1);
	if (!regno_ok(regno, rn) || !token_ok(token, tn))
		goto err_inval;
	need = sizeof(ID_RECEIPT_PREFIX) - 1 + rn + 1 + tn + 1;
	if (!buf || len < need) {
		if (buf && len > 0)
			buf[0] = '\0';
		errno = ERANGE;
		return -1;
	}
	snprintf(buf, len, ID_RECEIPT_PREFIX "%s|%s", regno, token);
	for (size_t i = need - 1 - tn; i < need - 1; i++)
		buf[i] = to_upper(buf[i]);
	return 0;
err_inval:
	errno = EINVAL;
	return -1;
}

const char *id_kind_name(enum id_kind kind)
{
	switch (kind) {
	case ID_KIND_NIK:
		return "nik";
	case ID_KIND_MRZ_TD1:
		return "mrz-td1";
	case ID_KIND_MRZ_TD3:
		return "mrz-td3";
	case ID_KIND_RECEIPT:
		return "receipt";
	case ID_KIND_INVALID:
		break;
	}
	return "invalid";
}
