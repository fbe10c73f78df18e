// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Unit tests for document.c: receipts and written notifications rendered to
 * PDF, checked with the real poppler tools (pdfinfo, pdftotext, pdftoppm)
 * and zbarimg for the QR code.  PPID_KEEP_TEST_FILES=1 keeps the PDFs.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "document.h"
#include "document_internal.h"

#define FULL_NIK   "1771014508900001"
#define MASKED_NIK "1771********0001"
#define REGNO	   "0042/PPID/KPU-BKL/XI/2026"
#define PAYLOAD	   "PPID1|" REGNO "|ABCDEFGHJK"

struct fixture {
	char dir[64]; /* mkdtemp() directory for the PDFs */
};

/*
 * fontconfig keeps its configuration for the life of the process (pango
 * never calls FcFini()), and LeakSanitizer reports that once at exit.  Read
 * by ASan builds only.
 */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libfontconfig.so\n";
}

/* ---- helpers -------------------------------------------------------------- */

/*
 * Output of a shell command (NUL-terminated, malloc()ed).  The test fails
 * when the command cannot be run or exits non-zero: a missing or broken
 * tool must never make a "never contains X" check pass on empty output.
 * Pipelines report only their last command's status, so callers run the
 * tools alone and post-process in C.
 */
static char *run(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static char *run(const char *fmt, ...)
{
	char cmd[1024];
	va_list ap;
	FILE *f;
	char *buf = NULL;
	size_t len = 0, cap = 0, n;
	int status;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	f = popen(cmd, "r");
	if (!f)
		fail_msg("cannot run: %s", cmd);
	do {
		if (cap - len < 4096) {
			cap = cap ? cap * 2 : 8192;
			buf = realloc(buf, cap);
			assert_non_null(buf);
		}
		n = fread(buf + len, 1, cap - len - 1, f);
		len += n;
	} while (n > 0);
	buf[len] = '\0';
	status = pclose(f);
	if (status != 0) {
		fprintf(stderr, "%.2000s\n", buf);
		free(buf);
		if (status == -1)
			fail_msg("%s: pclose: %s", cmd, strerror(errno));
		else if (WIFEXITED(status))
			fail_msg("%s: exit status %d", cmd,
				 WEXITSTATUS(status));
		else
			fail_msg("%s: killed (status %#x)", cmd,
				 (unsigned)status);
	}
	return buf;
}

/* Squeeze @p s in place: newlines become spaces, runs of spaces one. */
static void squeeze_spaces(char *s)
{
	char *w = s;

	for (const char *r = s; *r; r++) {
		char c = *r == '\n' ? ' ' : *r;

		if (c == ' ' && w > s && w[-1] == ' ')
			continue;
		*w++ = c;
	}
	*w = '\0';
}

/* Delete every space and newline of @p s in place. */
static void drop_spaces(char *s)
{
	char *w = s;

	for (const char *r = s; *r; r++)
		if (*r != ' ' && *r != '\n')
			*w++ = *r;
	*w = '\0';
}

static void save(const struct fixture *fx, const struct doc_buf *b,
		 const char *name, char *path, size_t len)
{
	snprintf(path, len, "%s/%s.pdf", fx->dir, name);
	assert_int_equal(document_buf_save(b, path), 0);
}

/* pdftotext -layout of @p path, malloc()ed. */
static char *pdf_text(const char *path)
{
	char *s = run("pdftotext -enc UTF-8 '%s' - 2>&1", path);

	assert_non_null(s);
	return s;
}

/* pdftotext without layout, whitespace runs squeezed to single spaces. */
static char *pdf_flat(const char *path)
{
	char *s = run("pdftotext -enc UTF-8 -raw '%s' - 2>&1", path);

	assert_non_null(s);
	squeeze_spaces(s);
	return s;
}

static void page_size(const char *path, double *w, double *h, int *pages)
{
	char *s = run("pdfinfo '%s' 2>&1", path);
	const char *p;

	assert_non_null(s);
	p = strstr(s, "Page size:");
	assert_non_null(p);
	assert_int_equal(sscanf(p, "Page size: %lf x %lf", w, h), 2);
	p = strstr(s, "Pages:");
	assert_non_null(p);
	assert_int_equal(sscanf(p, "Pages: %d", pages), 1);
	free(s);
}

/*
 * Every word pdftotext finds lies inside the page, at least @p inset points
 * from each edge: nothing clipped, nothing run off the paper.  Returns the
 * number of words checked.
 */
static int words_inside(const char *path, double w, double h, double inset)
{
	char *s = run("pdftotext -bbox '%s' - 2>/dev/null", path);
	const char *p;
	int words = 0;

	assert_non_null(s);
	for (p = strstr(s, "<word "); p; p = strstr(p + 1, "<word ")) {
		double x0, y0, x1, y1;

		assert_int_equal(sscanf(p,
					"<word xMin=\"%lf\" yMin=\"%lf\" "
					"xMax=\"%lf\" yMax=\"%lf\"",
					&x0, &y0, &x1, &y1),
				 4);
		if (x0 < inset || y0 < inset || x1 > w - inset ||
		    y1 > h - inset)
			fail_msg(
			    "word at %.1f,%.1f-%.1f,%.1f outside %.1fx%.1f "
			    "minus %.1f",
			    x0, y0, x1, y1, w, h, inset);
		words++;
	}
	free(s);
	return words;
}

/* The QR code decoded by zbarimg from a 300 dpi rendering. */
static char *qr_decode(const struct fixture *fx, const char *pdf)
{
	char *s = run("pdftoppm -r 300 -png -singlefile '%s' '%s/qr' && "
		      "zbarimg --raw -q '%s/qr.png' 2>/dev/null",
		      pdf, fx->dir, fx->dir);

	assert_non_null(s);
	s[strcspn(s, "\n")] = '\0';
	return s;
}

static struct doc_receipt receipt_view(void)
{
	struct doc_receipt r = {
	    .lang = LANG_ID,
	    .paper_mm = 80,
	    .office_name = "KPU Provinsi Bengkulu",
	    .office_address = "Jl. Pembangunan No. 11, Padang Harapan, "
			      "Kota Bengkulu",
	    .office_hours = "Senin\u2013Jumat 08.00\u201316.00 WIB",
	    .regno = REGNO,
	    .received = "27 November 2026 10:15 WIB",
	    .name = "Ni Luh Putu Ayu S\u00e9la",
	    .id_masked = MASKED_NIK,
	    .info = "Salinan keputusan penetapan daftar pemilih tetap "
		    "Kabupaten Rejang Lebong beserta rekapitulasinya.",
	    .channel = "Kiosk",
	    .deadline = "11 Desember 2026",
	    .qr_payload = PAYLOAD,
	};
	return r;
}

static struct doc_notification notification_view(const char *decision)
{
	struct doc_notification n = {
	    .lang = LANG_ID,
	    .office_name = "Komisi Pemilihan Umum Provinsi Bengkulu",
	    .office_address = "Jl. Pembangunan No. 11, Padang Harapan, "
			      "Kota Bengkulu 38225",
	    .office_contact = "Telp. (0736) 21234 \u00b7 "
			      "ppid@bengkulu.kpu.go.id",
	    .office_city = "Bengkulu",
	    .letter_number = "015/PPID/KPU-BKL/XII/2026",
	    .letter_date = "8 Desember 2026",
	    .regno = REGNO,
	    .request_date = "27 November 2026",
	    .name = "PT A & B \"Jaya\" <b>",
	    .address = "Jl. Suprapto No. 5\nKota Bengkulu",
	    .contact = "0812-0000-0000 / pemohon@example.org",
	    .id_masked = MASKED_NIK,
	    .info = "Salinan keputusan penetapan daftar pemilih tetap.",
	    .purpose = "Penelitian",
	    .decision = decision,
	    .form = "Softcopy",
	    .medium = "Berkas PDF melalui e-mail",
	    .delivery = "E-mail",
	    .delivery_time = "3 hari kerja",
	    .ppid_name = "Drs. Contoh Nama, M.Si.",
	    .ppid_title = "Sekretaris KPU Provinsi Bengkulu selaku PPID",
	    .ppid_nip = "197001012000031001",
	};
	return n;
}

/* ---- fixture -------------------------------------------------------------- */

static int group_setup(void **state)
{
	static struct fixture fx;

	snprintf(fx.dir, sizeof(fx.dir), "/tmp/ppiddoc.XXXXXX");
	if (!mkdtemp(fx.dir))
		return -1;
	*state = &fx;
	return 0;
}

static int group_teardown(void **state)
{
	struct fixture *fx = *state;
	char cmd[128];

	if (getenv("PPID_KEEP_TEST_FILES")) {
		printf("# PDFs kept in %s\n", fx->dir);
		return 0;
	}
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", fx->dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* ---- receipts ------------------------------------------------------------- */

static void check_receipt(struct fixture *fx, const struct doc_receipt *r,
			  const char *name, double want_w)
{
	struct doc_buf b = {0};
	char path[128];
	double w, h;
	int pages;
	char *text, *qr;

	assert_int_equal(document_render_receipt(r, &b), 0);
	assert_int_equal(b.pages, 1);
	assert_true(fabs(b.width_pt - want_w) < 0.01);
	assert_true(b.len > 1000);
	assert_memory_equal(b.data, "%PDF-", 5);
	save(fx, &b, name, path, sizeof(path));

	page_size(path, &w, &h, &pages);
	assert_int_equal(pages, 1);
	assert_true(fabs(w - want_w) < 0.01);
	assert_true(fabs(h - b.height_pt) < 0.01);
	assert_true(h > 300 && h < 1400);
	assert_true(words_inside(path, w, h, 3 * 72 / 25.4) > 40);

	/* On 58 mm the number may take two lines (broken after a '/'). */
	text = run("pdftotext -enc UTF-8 '%s' -", path);
	drop_spaces(text);
	assert_non_null(strstr(text, REGNO));
	free(text);
	text = pdf_flat(path);
	assert_non_null(strstr(text, MASKED_NIK));
	assert_non_null(strstr(text, "11 Desember 2026"));
	assert_non_null(strstr(text, "27 November 2026 10:15 WIB"));
	assert_non_null(strstr(text, "TANDA TERIMA"));
	assert_non_null(strstr(text, "7 (tujuh) hari kerja"));
	assert_null(strstr(text, FULL_NIK));
	free(text);

	qr = qr_decode(fx, path);
	assert_string_equal(qr, r->qr_payload);
	free(qr);
	document_buf_free(&b);
	assert_null(b.data);
}

static void test_receipt_80_id(void **state)
{
	struct doc_receipt r = receipt_view();

	check_receipt(*state, &r, "receipt-80-id", 80 * 72 / 25.4);
}

static void test_receipt_58_en(void **state)
{
	struct doc_receipt r = receipt_view();
	struct doc_buf b = {0};
	char path[128], *text;

	r.lang = LANG_EN;
	r.paper_mm = 58;
	check_receipt(*state, &r, "receipt-58-en", 58 * 72 / 25.4);

	/* English under the Indonesian, which stays. */
	assert_int_equal(document_render_receipt(&r, &b), 0);
	save(*state, &b, "receipt-58-en", path, sizeof(path));
	text = pdf_flat(path);
	assert_non_null(strstr(text, "Registration number"));
	assert_non_null(strstr(text, "NOMOR REGISTRASI"));
	assert_non_null(strstr(text, "Written notification due by"));
	free(text);
	document_buf_free(&b);
}

static void test_receipt_80_en(void **state)
{
	struct doc_receipt r = receipt_view();

	r.lang = LANG_EN;
	check_receipt(*state, &r, "receipt-80-en", 80 * 72 / 25.4);
}

static void test_receipt_58_id(void **state)
{
	struct doc_receipt r = receipt_view();

	r.paper_mm = 58;
	check_receipt(*state, &r, "receipt-58-id", 58 * 72 / 25.4);
}

static void test_receipt_election_regime(void **state)
{
	struct doc_receipt r = receipt_view();
	struct doc_buf b = {0};
	char path[128], *text;

	r.deadline = "2 Desember 2026";
	r.deadline_note = "Informasi pemilu: dapat diperpanjang paling lama "
			  "2 (dua) hari kerja.";
	r.status_hint = "Cek status di https://ppid.example/s";
	assert_int_equal(document_render_receipt(&r, &b), 0);
	save(*state, &b, "receipt-election", path, sizeof(path));
	text = pdf_flat(path);
	assert_non_null(strstr(text, "2 (dua) hari kerja"));
	assert_null(strstr(text, "7 (tujuh)"));
	assert_non_null(strstr(text, "https://ppid.example/s"));
	free(text);
	document_buf_free(&b);
}

static void test_receipt_long_info(void **state)
{
	struct doc_receipt r = receipt_view();
	struct doc_buf b6 = {0}, b2 = {0};
	char info[3000], path[128], *text;
	size_t len = 0;

	for (int i = 0; len + 40 < sizeof(info); i++)
		len += (size_t)snprintf(info + len, sizeof(info) - len,
					"dokumen nomor %d tahun 2026, ", i);
	snprintf(info + len, sizeof(info) - len, "EKORTERAKHIR");
	r.info = info;
	assert_int_equal(document_render_receipt(&r, &b6), 0);
	save(*state, &b6, "receipt-long", path, sizeof(path));
	text = pdf_flat(path);
	assert_non_null(strstr(text, "dokumen nomor 0 tahun 2026"));
	assert_non_null(strstr(text, "\u2026"));
	assert_null(strstr(text, "EKORTERAKHIR"));
	free(text);

	/* Fewer lines, shorter paper. */
	r.info_max_lines = 2;
	assert_int_equal(document_render_receipt(&r, &b2), 0);
	assert_true(b2.height_pt < b6.height_pt - 20);
	document_buf_free(&b6);
	document_buf_free(&b2);
}

static void test_receipt_user_text(void **state)
{
	struct doc_receipt r = receipt_view();
	struct doc_buf b = {0};
	char path[128], *text;

	r.name = "PT A & B \"Jaya\" <i>Sejahtera</i>";
	r.info = "Data \u201ckampanye\u201d & <b>dana</b> tahun 2024; "
		 "\x01\x1b[31m bytes \xff\xfe invalid; \u202eRLO";
	assert_int_equal(document_render_receipt(&r, &b), 0);
	save(*state, &b, "receipt-user-text", path, sizeof(path));
	text = pdf_flat(path);
	assert_non_null(strstr(text, "PT A & B \"Jaya\" <i>Sejahtera</i>"));
	assert_non_null(strstr(text, "& <b>dana</b>"));
	assert_null(strstr(text, "\x1b"));
	free(text);
	document_buf_free(&b);

	r = receipt_view();
	assert_int_equal(document_render_receipt(&r, &b), 0);
	save(*state, &b, "receipt-diacritics", path, sizeof(path));
	text = pdf_flat(path);
	assert_non_null(strstr(text, "Ni Luh Putu Ayu S\u00e9la"));
	free(text);
	document_buf_free(&b);
}

static void test_receipt_full_nik_masked(void **state)
{
	struct doc_receipt r = receipt_view();
	struct doc_buf b = {0};
	char path[128], *text;

	r.id_masked = FULL_NIK; /* a caller bug: never printed in full */
	assert_int_equal(document_render_receipt(&r, &b), 0);
	save(*state, &b, "receipt-nik", path, sizeof(path));
	text = pdf_text(path);
	assert_null(strstr(text, FULL_NIK));
	assert_non_null(strstr(text, MASKED_NIK));
	free(text);
	document_buf_free(&b);
}

static void test_receipt_invalid(void **state)
{
	struct doc_receipt r = receipt_view();
	struct doc_buf b = {0};
	char big[4000];

	(void)state;
	r.regno = NULL;
	errno = 0;
	assert_int_equal(document_render_receipt(&r, &b), -1);
	assert_int_equal(errno, EINVAL);
	assert_non_null(strstr(b.err, "regno"));
	assert_null(b.data);

	r = receipt_view();
	r.paper_mm = 70;
	assert_int_equal(document_render_receipt(&r, &b), -1);
	assert_int_equal(errno, EINVAL);

	r = receipt_view();
	memset(big, 'A', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	r.qr_payload = big;
	assert_int_equal(document_render_receipt(&r, &b), -1);
	assert_int_equal(errno, ERANGE);

	assert_int_equal(document_render_receipt(NULL, &b), -1);
	assert_int_equal(errno, EINVAL);
	assert_int_equal(document_render_receipt(&r, NULL), -1);
	document_buf_free(&b);
	document_buf_free(NULL);
}

static void test_receipt_reuse_buf(void **state)
{
	struct doc_receipt r = receipt_view();
	struct doc_buf b = {0};

	(void)state;
	/* Rendering into a used buffer frees the old bytes (ASan checks). */
	for (int i = 0; i < 3; i++)
		assert_int_equal(document_render_receipt(&r, &b), 0);
	r.paper_mm = 1;
	assert_int_equal(document_render_receipt(&r, &b), -1);
	assert_null(b.data);
	assert_int_equal(b.len, 0);
}

/* ---- notifications -------------------------------------------------------- */

static void check_notification(struct fixture *fx,
			       const struct doc_notification *n,
			       const char *name, const char *must,
			       char **flat_out)
{
	struct doc_buf b = {0};
	char path[128], *text, *flat;
	double w, h;
	int pages;

	assert_int_equal(document_render_notification(n, &b), 0);
	save(fx, &b, name, path, sizeof(path));
	page_size(path, &w, &h, &pages);
	assert_true(fabs(w - 595.28) < 0.01);
	assert_true(fabs(h - 841.89) < 0.01);
	assert_int_equal(pages, b.pages);
	assert_true(words_inside(path, w, h, 10 * 72 / 25.4) > 100);

	text = pdf_text(path);
	flat = pdf_flat(path);
	assert_non_null(strstr(text, "PEMBERITAHUAN TERTULIS"));
	assert_non_null(
	    strstr(text, "KOMISI PEMILIHAN UMUM PROVINSI BENGKULU"));
	assert_non_null(strstr(text, REGNO));
	assert_non_null(strstr(text, "015/PPID/KPU-BKL/XII/2026"));
	assert_non_null(strstr(text, MASKED_NIK));
	assert_non_null(strstr(text, "PT A & B \"Jaya\" <b>"));
	assert_non_null(strstr(text, "Drs. Contoh Nama, M.Si."));
	assert_non_null(strstr(flat, "Bengkulu, 8 Desember 2026"));
	assert_non_null(strstr(flat, "keberatan"));
	assert_null(strstr(text, FULL_NIK));
	assert_non_null(strstr(flat, must));
	free(text);
	if (flat_out)
		*flat_out = flat;
	else
		free(flat);
	document_buf_free(&b);
}

static void test_notification_granted(void **state)
{
	struct doc_notification n = notification_view("granted");
	char *flat;

	check_notification(*state, &n, "notif-granted",
			   "Informasi dapat diberikan seluruhnya", &flat);
	assert_non_null(strstr(flat, "Rp 0 (gratis)"));
	assert_non_null(strstr(flat, "Softcopy"));
	assert_non_null(strstr(flat, "Berkas PDF melalui e-mail"));
	free(flat);
}

static void test_notification_partial(void **state)
{
	struct doc_notification n = notification_view("partial");
	char *flat;

	n.legal_basis = "Pasal 17 huruf h UU Nomor 14 Tahun 2008: informasi "
			"yang apabila dibuka dapat mengungkap rahasia pribadi";
	n.decision_text = "Nomor induk kependudukan dalam lampiran dihitamkan.";
	n.cost = "Rp 5.000 (penyalinan 10 lembar)";
	n.payment = "Tunai di meja layanan";
	check_notification(*state, &n, "notif-partial",
			   "Informasi dapat diberikan sebagian", &flat);
	assert_non_null(strstr(flat, "Pasal 17 huruf h"));
	assert_non_null(strstr(flat, "dihitamkan"));
	assert_non_null(strstr(flat, "Rp 5.000"));
	free(flat);
}

static void test_notification_rejected(void **state)
{
	struct doc_notification n = notification_view("rejected");
	char *flat;

	n.legal_basis = "Pasal 17 huruf h UU Nomor 14 Tahun 2008: informasi "
			"yang apabila dibuka dapat mengungkap rahasia pribadi";
	n.reason = "Dokumen memuat data pribadi pemilih yang dilindungi "
		   "UU Nomor 27 Tahun 2022.";
	n.lang = LANG_EN;
	check_notification(*state, &n, "notif-rejected",
			   "tidak dapat diberikan karena termasuk informasi "
			   "yang dikecualikan",
			   &flat);
	assert_non_null(strstr(flat, "mengungkap rahasia pribadi"));
	assert_non_null(strstr(flat, "Legal basis"));
	assert_non_null(strstr(flat, "Written notification"));
	assert_null(strstr(flat, "Rp 0")); /* nothing given, nothing paid */
	free(flat);
}

static void test_notification_not_held(void **state)
{
	struct doc_notification n = notification_view("not_held");
	char *flat;

	n.holder = "Badan Pusat Statistik Provinsi Bengkulu";
	n.objection = "Pengajuan keberatan dapat dilakukan dalam 3 hari kerja.";
	check_notification(*state, &n, "notif-not-held",
			   "tidak dikuasai oleh badan publik ini", &flat);
	assert_non_null(strstr(flat, "Badan Pusat Statistik Provinsi "
				     "Bengkulu"));
	assert_non_null(strstr(flat, "dalam 3 hari kerja"));
	free(flat);
}

static void test_notification_multipage(void **state)
{
	struct doc_notification n = notification_view("partial");
	static char reason[7000];
	struct doc_buf b = {0};
	char *flat;
	size_t len = 0;

	for (int i = 1; len + 200 < sizeof(reason); i++)
		len += (size_t)snprintf(
		    reason + len, sizeof(reason) - len,
		    "Alasan ke-%d: bagian dokumen ini memuat data pribadi "
		    "yang harus dikaburkan sebelum diberikan.%s",
		    i, i % 5 ? " " : "\n");
	snprintf(reason + len, sizeof(reason) - len, "KALIMATTERAKHIR.");
	n.reason = reason;
	n.decision_text = reason;
	assert_int_equal(document_render_notification(&n, &b), 0);
	assert_true(b.pages >= 3);
	document_buf_free(&b);

	check_notification(*state, &n, "notif-multipage", "KALIMATTERAKHIR",
			   &flat);
	assert_non_null(strstr(flat, "Halaman 1 dari"));
	assert_non_null(strstr(flat, "Halaman 3 dari"));
	assert_non_null(strstr(flat, "Alasan ke-40:"));
	free(flat);
}

static void test_notification_invalid(void **state)
{
	struct doc_notification n = notification_view("maybe");
	struct doc_buf b = {0};

	(void)state;
	assert_int_equal(document_render_notification(&n, &b), -1);
	assert_int_equal(errno, EINVAL);
	assert_non_null(strstr(b.err, "decision"));

	n = notification_view("rejected");
	assert_int_equal(document_render_notification(&n, &b), -1);
	assert_int_equal(errno, EINVAL);
	assert_non_null(strstr(b.err, "legal_basis"));

	n = notification_view("granted");
	n.ppid_name = "";
	assert_int_equal(document_render_notification(&n, &b), -1);
	assert_int_equal(errno, EINVAL);
	assert_null(b.data);
}

/* Random bytes (any value but NUL), @p max long at most; xorshift. */
static void garbage(uint32_t *seed, char *buf, size_t max)
{
	size_t n = 0, len;

	*seed ^= *seed << 13;
	*seed ^= *seed >> 17;
	*seed ^= *seed << 5;
	len = *seed % max;
	for (; n < len; n++) {
		*seed ^= *seed << 13;
		*seed ^= *seed >> 17;
		*seed ^= *seed << 5;
		buf[n] = (char)(*seed % 255 + 1);
	}
	buf[n] = '\0';
}

/* Over-long text is cut before the character that crosses the limit. */
static void test_clean_text_cut_on_a_character(void **state)
{
	char *in = malloc(DOCUMENT_FIELD_MAX + 8), *out;

	(void)state;
	assert_non_null(in);
	/* "é" (2 bytes) starts at the last byte that fits. */
	memset(in, 'a', DOCUMENT_FIELD_MAX + 8);
	memcpy(in + DOCUMENT_FIELD_MAX - 1, "\xc3\xa9", 2);
	in[DOCUMENT_FIELD_MAX + 7] = '\0';
	out = document_clean_text(in, false);
	assert_int_equal(strlen(out), DOCUMENT_FIELD_MAX - 1 + 3);
	assert_string_equal(out + DOCUMENT_FIELD_MAX - 2, "a\u2026");
	g_free(out);
	/* It ends exactly at the limit: kept whole. */
	memset(in, 'a', DOCUMENT_FIELD_MAX + 8);
	memcpy(in + DOCUMENT_FIELD_MAX - 2, "\xc3\xa9", 2);
	out = document_clean_text(in, false);
	assert_int_equal(strlen(out), DOCUMENT_FIELD_MAX + 3);
	assert_string_equal(out + DOCUMENT_FIELD_MAX - 2, "\xc3\xa9\u2026");
	g_free(out);
	free(in);
}

static void test_garbage_text(void **state)
{
	static char f[12][700];
	uint32_t seed = 0x9e3779b9u;
	struct doc_buf b = {0};

	(void)state;
	for (int i = 0; i < 30; i++) {
		struct doc_receipt r = receipt_view();
		struct doc_notification n = notification_view("rejected");

		for (size_t k = 0; k < 12; k++)
			garbage(&seed, f[k], sizeof(f[k]) - 1);
		r.lang = (enum lang)(i & 1);
		r.paper_mm = i & 2 ? 58 : 80;
		r.office_name = f[0];
		r.office_address = f[1];
		r.regno = f[2];
		r.name = f[3];
		r.id_masked = f[4];
		r.info = f[5];
		r.channel = f[6];
		r.deadline = f[7];
		r.status_hint = f[8];
		r.received = f[9];
		f[10][120] = '\0'; /* keep the QR code possible */
		r.qr_payload = f[10];
		r.info_max_lines = i % 9 - 1;
		if (document_render_receipt(&r, &b) < 0)
			assert_int_equal(errno, EINVAL); /* an empty field */
		else
			assert_true(b.len > 0 && b.height_pt > 100);

		n.lang = r.lang;
		n.office_name = f[0];
		n.office_address = f[1];
		n.regno = f[2];
		n.name = f[3];
		n.address = f[4];
		n.info = f[5];
		n.legal_basis = f[6];
		n.reason = f[7];
		n.decision_text = f[8];
		n.letter_number = f[9];
		n.holder = f[11];
		if (document_render_notification(&n, &b) < 0)
			assert_int_equal(errno, EINVAL);
		else
			assert_true(b.pages >= 1);
	}
	document_buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_receipt_80_id),
	    cmocka_unit_test(test_receipt_58_en),
	    cmocka_unit_test(test_receipt_80_en),
	    cmocka_unit_test(test_receipt_58_id),
	    cmocka_unit_test(test_receipt_election_regime),
	    cmocka_unit_test(test_receipt_long_info),
	    cmocka_unit_test(test_receipt_user_text),
	    cmocka_unit_test(test_receipt_full_nik_masked),
	    cmocka_unit_test(test_receipt_invalid),
	    cmocka_unit_test(test_receipt_reuse_buf),
	    cmocka_unit_test(test_garbage_text),
	    cmocka_unit_test(test_clean_text_cut_on_a_character),
	    cmocka_unit_test(test_notification_granted),
	    cmocka_unit_test(test_notification_partial),
	    cmocka_unit_test(test_notification_rejected),
	    cmocka_unit_test(test_notification_not_held),
	    cmocka_unit_test(test_notification_multipage),
	    cmocka_unit_test(test_notification_invalid),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
