// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Request fields and their rules.  UTF-8 checks use GLib (already linked
 * through pango), so "valid text" means the same here as in the documents.
 */

#include <ctype.h>
#include <glib.h>
#include <string.h>

#include "idparse.h"
#include "request.h"

static const struct text msg_0 = {
    "Teks berisi karakter yang tidak dapat digunakan. "
    "Hapus lalu ketik ulang.",
    "The text contains characters that cannot be used. "
    "Delete it and type it again."};
static const struct text msg_1 = {"Nomor telepon hanya boleh berisi angka, "
				  "spasi, tanda - dan + di depan.",
				  "A phone number may contain only digits, "
				  "spaces, dashes and a leading +."};
static const struct text msg_2 = {"Nomor telepon harus 8 sampai 15 angka, "
				  "misalnya 0812 3456 7890.",
				  "A phone number has 8 to 15 digits, "
				  "for example 0812 3456 7890."};
static const struct text msg_3 = {
    "Alamat email tidak benar. Contoh: nama@contoh.com",
    "That email address is not right. Example: name@example.com"};
static const struct text msg_4 = {"Alamat email terlalu panjang.",
				  "The email address is too long."};
static const struct text msg_5 = {
    "Nomor identitas wajib diisi (NIK untuk KTP).",
    "Please enter your identity number (the NIK on your "
    "KTP)."};
static const struct text msg_6 = {"Ini bukan NIK. NIK terdiri dari 16 angka.",
				  "This is not an NIK. An NIK has 16 digits."};
static const struct text msg_7 = {
    "Nomor paspor terdiri dari 5 sampai 20 huruf dan "
    "angka.",
    "A passport number has 5 to 20 letters and digits."};
static const struct text msg_8 = {"Nomor identitas wajib diisi.",
				  "Please enter the identity number."};
static const struct text msg_9 = {"Nomor identitas terlalu pendek.",
				  "The identity number is too short."};
static const struct text msg_10 = {"Nomor identitas terlalu panjang.",
				   "The identity number is too long."};
static const struct text msg_11 = {"Jenis identitas tidak dikenal.",
				   "Unknown kind of identity document."};
static const struct text msg_12 = {"Nama wajib diisi.",
				   "Please enter your name."};
static const struct text msg_13 = {"Nama terlalu pendek.",
				   "The name is too short."};
static const struct text msg_14 = {
    "Nama terlalu panjang (paling banyak 100 huruf).",
    "The name is too long (100 letters at most)."};
static const struct text msg_15 = {"Nama harus berisi huruf.",
				   "A name must contain letters."};
static const struct text msg_16 = {"Alamat wajib diisi.",
				   "Please enter your address."};
static const struct text msg_17 = {
    "Alamat terlalu pendek. Tulis jalan dan kota.",
    "The address is too short. Give the street and "
    "town."};
static const struct text msg_18 = {
    "Alamat terlalu panjang (paling banyak 300 huruf).",
    "The address is too long (300 characters at most)."};
static const struct text msg_19 = {"Pekerjaan wajib diisi.",
				   "Please enter your occupation."};
static const struct text msg_20 = {"Pekerjaan terlalu pendek.",
				   "The occupation is too short."};
static const struct text msg_21 = {"Pekerjaan terlalu panjang.",
				   "The occupation is too long."};
static const struct text msg_22 = {"Isi nomor telepon atau email agar "
				   "kami dapat menghubungi Anda.",
				   "Give a phone number or an email "
				   "address so we can reach you."};
static const struct text msg_23 = {"Untuk pengiriman faksimili, isi "
				   "nomor faksimili.",
				   "For delivery by fax, give the fax "
				   "number."};
static const struct text msg_24 = {"Untuk pengiriman lewat email, "
				   "isi alamat email.",
				   "For delivery by email, give an "
				   "email address."};
static const struct text msg_25 = {"Tulis informasi yang Anda butuhkan.",
				   "Please describe the information you need."};
static const struct text msg_26 = {
    "Jelaskan informasi yang dibutuhkan lebih rinci "
    "(paling sedikit 10 huruf).",
    "Describe the information in more detail "
    "(10 characters at least)."};
static const struct text msg_27 = {
    "Rincian informasi terlalu panjang (paling banyak "
    "2000 huruf).",
    "The description is too long (2000 characters at "
    "most)."};
static const struct text msg_28 = {"Tulis tujuan penggunaan informasi.",
				   "Please say what the information is for."};
static const struct text msg_29 = {"Tujuan penggunaan terlalu singkat.",
				   "The purpose is too short."};
static const struct text msg_30 = {
    "Tujuan penggunaan terlalu panjang (paling banyak "
    "1000 huruf).",
    "The purpose is too long (1000 characters at "
    "most)."};
static const struct text msg_31 = {"Pilih cara memperoleh informasi.",
				   "Choose how to obtain the information."};
static const struct text msg_32 = {"Pilih cara mendapatkan salinan.",
				   "Choose how to receive the copy."};
static const struct text msg_33 = {"Untuk melihat atau membaca informasi, "
				   "datang langsung ke kantor.",
				   "To view or read the information, come to "
				   "the office in person."};
static const struct text msg_34 = {"Cara permohonan tidak dikenal.",
				   "Unknown request channel."};
static const struct text msg_35 = {
    "Waktu diterima tidak boleh di masa depan.",
    "The time received cannot be in the future."};
static const struct text msg_36 = {
    "Waktu diterima terlalu lama: sebelum 30 April 2010, saat UU 14/2008 "
    "mulai berlaku.",
    "The time received is too old: before 30 April 2010, when UU 14/2008 "
    "took effect."};

static const struct text msg_line_sep = {
    "Isian ini harus satu baris. Hapus tanda ganti baris atau paragraf "
    "lalu ketik ulang.",
    "This must be a single line. Remove the line or paragraph break and "
    "type it again."};
static const struct text msg_invisible = {
    "Isian ini hanya berisi karakter yang tidak terlihat. Ketik dengan "
    "huruf atau angka biasa.",
    "This contains only invisible characters. Type it with ordinary "
    "letters or digits."};
static const struct text msg_phone_long = {
    "Nomor telepon terlalu panjang (paling banyak 20 karakter).",
    "The phone number is too long (20 characters at most)."};

static const struct text field_labels[REQ_F_COUNT] = {
    {"Nama", "Name"},
    {"Nomor identitas", "Identity number"},
    {"Alamat", "Address"},
    {"Pekerjaan", "Occupation"},
    {"Nomor telepon", "Phone number"},
    {"Email", "Email"},
    {"Rincian informasi yang dibutuhkan", "Information requested"},
    {"Tujuan penggunaan informasi", "Purpose of use"},
    {"Cara memperoleh informasi", "How to obtain the information"},
    {"Cara mendapatkan salinan", "How to receive the copy"},
    {"Cara permohonan", "How the request arrived"},
    {"Waktu diterima", "Time received"},
};

static const char *const channel_keys[] = {"kiosk", "desk", "letter", "email",
					   "phone"};
static const struct text channel_labels[] = {
    {"Anjungan (kios)", "Kiosk"}, {"Langsung di desk", "At the desk"},
    {"Surat", "Letter"},	  {"Email", "Email"},
    {"Telepon", "Phone"},
};
static const char *const id_type_keys[] = {"nik", "passport", "deed", "other"};
static const char *const obtain_keys[] = {"view", "softcopy", "hardcopy"};
static const struct text obtain_labels[] = {
    {"Melihat/membaca/mendengarkan/mencatat", "View/read/listen/take notes"},
    {"Mendapatkan salinan (softcopy)", "Get a copy (electronic)"},
    {"Mendapatkan salinan (hardcopy)", "Get a copy (printed)"},
};
static const char *const delivery_keys[] = {"pickup", "courier", "post", "fax",
					    "email"};
static const struct text delivery_labels[] = {
    {"Mengambil langsung", "Collect in person"},
    {"Kurir", "Courier"},
    {"Pos", "Post"},
    {"Faksimili", "Fax"},
    {"Email", "Email"},
};

void request_init(struct request *req)
{
	memset(req, 0, sizeof(*req));
	req->lang = LANG_ID;
	req->channel = REQ_CHANNEL_KIOSK;
	req->received_at = REQ_RECEIVED_NOW;
	req->regime = WF_REGIME_ORDINARY;
}

void request_wipe(struct request *req)
{
	/* explicit_bzero: a plain memset of memory about to be reused or
	 * freed may be optimised away. */
	explicit_bzero(req, sizeof(*req));
	request_init(req);
}

/* U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR: line breaks to
 * some readers, so a one-line field that holds one could fake a line. */
static bool is_separator(gunichar c)
{
	GUnicodeType t = g_unichar_type(c);

	return t == G_UNICODE_LINE_SEPARATOR ||
	       t == G_UNICODE_PARAGRAPH_SEPARATOR;
}

bool request_text_ok(const char *s, bool multiline, size_t *chars)
{
	if (!g_utf8_validate(s, -1, NULL))
		return false;
	for (const char *p = s; *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);

		if ((c == '\n' || c == '\r' || c == '\t') && multiline)
			continue;
		/* Control characters and Unicode format/unassigned ones
		 * (such as bidi overrides) do not belong in a register. */
		if (g_unichar_iscntrl(c) ||
		    g_unichar_type(c) == G_UNICODE_FORMAT ||
		    g_unichar_type(c) == G_UNICODE_UNASSIGNED)
			return false;
		if (!multiline && is_separator(c))
			return false;
	}
	if (chars)
		*chars = (size_t)g_utf8_strlen(s, -1);
	return true;
}

/*
 * Something a reader can see.  GLib counts spaces, controls, format
 * characters, combining marks alone and zero-width ones (U+200B, the Hangul
 * jungseong filler U+1160) as not graphic or zero width; the Hangul fillers
 * it classes as letters and the blank braille cell are named here.
 */
static bool visible(gunichar c)
{
	switch (c) {
	case 0x115F: /* HANGUL CHOSEONG FILLER */
	case 0x3164: /* HANGUL FILLER */
	case 0xFFA0: /* HALFWIDTH HANGUL FILLER */
	case 0x2800: /* BRAILLE PATTERN BLANK */
		return false;
	default:
		return g_unichar_isgraph(c) && !g_unichar_iszerowidth(c);
	}
}

/* Valid UTF-8 @p s holds at least one visible character. */
static bool has_visible(const char *s)
{
	for (const char *p = s; *p; p = g_utf8_next_char(p))
		if (visible(g_utf8_get_char(p)))
			return true;
	return false;
}

/* Valid UTF-8 @p s holds U+2028 or U+2029. */
static bool has_separator(const char *s)
{
	for (const char *p = s; *p; p = g_utf8_next_char(p))
		if (is_separator(g_utf8_get_char(p)))
			return true;
	return false;
}

static bool has_letter(const char *s)
{
	for (const char *p = s; *p; p = g_utf8_next_char(p))
		if (g_unichar_isalpha(g_utf8_get_char(p)))
			return true;
	return false;
}

/* Empty or only spaces, Unicode ones (no-break, ideographic) included. */
static bool blank(const char *s)
{
	if (!g_utf8_validate(s, -1, NULL))
		return false;
	for (const char *p = s; *p; p = g_utf8_next_char(p))
		if (!g_unichar_isspace(g_utf8_get_char(p)))
			return false;
	return true;
}

/* Required text of min..max characters; one message set per field. */
static const struct text *check_text(const char *s, bool required,
				     bool multiline, size_t min, size_t max,
				     const struct text *missing,
				     const struct text *too_short,
				     const struct text *too_long)
{
	size_t n;

	if (blank(s))
		return required ? missing : NULL;
	if (!g_utf8_validate(s, -1, NULL))
		return &msg_0;
	if (!multiline && has_separator(s))
		return &msg_line_sep;
	if (!has_visible(s))
		return &msg_invisible;
	if (!request_text_ok(s, multiline, &n))
		return &msg_0;
	if (n < min)
		return too_short;
	if (n > max)
		return too_long;
	return NULL;
}

static const struct text *check_phone(const char *s)
{
	size_t digits = 0;

	if (strlen(s) > REQ_PHONE_MAX)
		return &msg_phone_long;
	for (const char *p = s; *p; p++) {
		if (isdigit((unsigned char)*p))
			digits++;
		else if (*p == '+' && p == s)
			continue;
		else if (*p != ' ' && *p != '-')
			return &msg_1;
	}
	if (digits < 8 || digits > 15)
		return &msg_2;
	return NULL;
}

static const struct text *check_email(const char *s)
{
	const struct text *bad = &msg_3;
	const char *at = strchr(s, '@');
	const char *dot;
	size_t n = strlen(s);

	if (n > REQ_EMAIL_MAX)
		return &msg_4;
	if (!at || at == s || strchr(at + 1, '@'))
		return bad;
	for (const char *p = s; *p; p++)
		if ((unsigned char)*p <= ' ' || (unsigned char)*p >= 0x7f ||
		    strchr("()<>,;:\\\"[]", *p))
			return bad;
	dot = strrchr(at + 1, '.');
	if (!dot || dot == at + 1 || dot[1] == '\0' || s[n - 1] == '.' ||
	    strstr(at, "..") || at[1] == '.' || strlen(dot + 1) < 2)
		return bad;
	return NULL;
}

enum req_id_type request_id_type_guess(const char *id)
{
	size_t digits = 0;

	for (const char *p = id; *p; p++) {
		if (*p >= '0' && *p <= '9')
			digits++;
		else if (*p != ' ' && *p != '.' && *p != '-')
			return REQ_ID_OTHER;
	}
	return digits >= ID_NIK_LEN - 1 && digits <= ID_NIK_LEN + 1
		   ? REQ_ID_NIK
		   : REQ_ID_OTHER;
}

static const struct text *check_id(const struct request *req, time_t now)
{
	const char *s = req->id_number;
	size_t n = strlen(s);

	if (blank(s))
		return &msg_5;
	switch (req->id_type) {
	case REQ_ID_NIK: {
		struct id_result r;

		if (id_parse(s, n, date_of_wib(now, NULL), &r) == ID_KIND_NIK)
			return NULL;
		if (r.reason)
			return r.reason;
		return &msg_6;
	}
	case REQ_ID_PASSPORT:
		if (n < 5 || n > 20)
			goto doc_number;
		for (const char *p = s; *p; p++)
			if (!isalnum((unsigned char)*p))
				goto doc_number;
		return NULL;
	doc_number:
		return &msg_7;
	case REQ_ID_DEED:
	case REQ_ID_OTHER:
		return check_text(s, true, false, 3, REQ_ID_MAX, &msg_8, &msg_9,
				  &msg_10);
	default:
		return &msg_11;
	}
}

const struct text *request_check_field(const struct request *req,
				       enum req_field field, time_t now)
{
	switch (field) {
	case REQ_F_NAME: {
		const struct text *t =
		    check_text(req->name, true, false, 2, REQ_NAME_MAX, &msg_12,
			       &msg_13, &msg_14);
		if (!t && !has_letter(req->name))
			t = &msg_15;
		return t;
	}
	case REQ_F_ID:
		return check_id(req, now);
	case REQ_F_ADDRESS:
		return check_text(req->address, true, true, 5, REQ_ADDRESS_MAX,
				  &msg_16, &msg_17, &msg_18);
	case REQ_F_OCCUPATION:
		return check_text(req->occupation, true, false, 2,
				  REQ_OCCUPATION_MAX, &msg_19, &msg_20,
				  &msg_21);
	case REQ_F_PHONE:
		if (blank(req->phone)) {
			if (blank(req->email))
				return &msg_22;
			if (req->delivery == REQ_DELIVERY_FAX)
				return &msg_23;
			return NULL;
		}
		return check_phone(req->phone);
	case REQ_F_EMAIL:
		if (blank(req->email))
			return req->delivery == REQ_DELIVERY_EMAIL ? &msg_24
								   : NULL;
		return check_email(req->email);
	case REQ_F_INFO:
		return check_text(req->info, true, true, 10, REQ_INFO_MAX,
				  &msg_25, &msg_26, &msg_27);
	case REQ_F_PURPOSE:
		return check_text(req->purpose, true, true, 5, REQ_PURPOSE_MAX,
				  &msg_28, &msg_29, &msg_30);
	case REQ_F_OBTAIN:
		if ((unsigned)req->obtain >= REQ_OBTAIN_COUNT)
			return &msg_31;
		return NULL;
	case REQ_F_DELIVERY:
		if ((unsigned)req->delivery >= REQ_DELIVERY_COUNT)
			return &msg_32;
		if (req->obtain == REQ_OBTAIN_VIEW &&
		    req->delivery != REQ_DELIVERY_PICKUP)
			return &msg_33;
		return NULL;
	case REQ_F_CHANNEL:
		if ((unsigned)req->channel >= REQ_CHANNEL_COUNT)
			return &msg_34;
		return NULL;
	case REQ_F_RECEIVED:
		/* A minute of slack for clocks that differ slightly. */
		if (req->received_at > now + 60)
			return &msg_35;
		if (req->received_at != REQ_RECEIVED_NOW &&
		    req->received_at < REQ_RECEIVED_FLOOR)
			return &msg_36;
		return NULL;
	case REQ_F_COUNT:
		break;
	}
	return NULL;
}

int request_validate(const struct request *req, time_t now,
		     struct req_error *errs, int max)
{
	int n = 0;

	for (int f = 0; f < REQ_F_COUNT; f++) {
		const struct text *t =
		    request_check_field(req, (enum req_field)f, now);

		if (!t)
			continue;
		if (n < max) {
			errs[n].field = (enum req_field)f;
			errs[n].msg = t;
		}
		n++;
	}
	return n;
}

struct date request_due(const struct request *req)
{
	return req->extended ? req->extended_deadline : req->deadline;
}

bool request_overdue(const struct request *req, struct date today)
{
	return !workflow_status_done(req->status) &&
	       date_cmp(today, request_due(req)) > 0;
}

const struct text *request_field_label(enum req_field f)
{
	return &field_labels[(unsigned)f < REQ_F_COUNT ? f : 0];
}

static int key_index(const char *const *keys, int n, const char *key)
{
	for (int i = 0; key && i < n; i++)
		if (strcmp(keys[i], key) == 0)
			return i;
	return -1;
}

#define KEYS(name, arr, count, type)                                           \
	const char *request_##name##_key(type v)                               \
	{                                                                      \
		return (unsigned)v < (count) ? arr[v] : NULL;                  \
	}                                                                      \
	int request_##name##_from_key(const char *key)                         \
	{                                                                      \
		return key_index(arr, (count), key);                           \
	}

KEYS(channel, channel_keys, REQ_CHANNEL_COUNT, enum req_channel)
KEYS(id_type, id_type_keys, REQ_ID_COUNT, enum req_id_type)
KEYS(obtain, obtain_keys, REQ_OBTAIN_COUNT, enum req_obtain)
KEYS(delivery, delivery_keys, REQ_DELIVERY_COUNT, enum req_delivery)

const struct text *request_channel_label(enum req_channel c)
{
	return &channel_labels[(unsigned)c < REQ_CHANNEL_COUNT ? c : 0];
}

const struct text *request_obtain_label(enum req_obtain o)
{
	return &obtain_labels[(unsigned)o < REQ_OBTAIN_COUNT ? o : 0];
}

const struct text *request_delivery_label(enum req_delivery d)
{
	return &delivery_labels[(unsigned)d < REQ_DELIVERY_COUNT ? d : 0];
}
