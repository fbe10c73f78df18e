// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Tests for the document views: what the receipt and the notification of a
 * request show, from the request and the configuration; the signer's line
 * when no PPID name is configured; and a rendered notification read back
 * with pdftotext.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "docview.h"
#include "workflow.h"

#define NIK   "3201015708900001"
#define REGNO "0042/PPID/KPU-BKL/XI/2026"
#define TITLE "Sekretaris KPU Provinsi Bengkulu selaku PPID"

/* fontconfig's lifetime cache (see test_document.c); ASan builds only. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libfontconfig.so\n";
}

static struct request req;
static struct config cfg;

static int setup(void **state)
{
	(void)state;
	config_defaults(&cfg);
	request_init(&req);
	snprintf(req.name, sizeof(req.name), "Ni Luh Putu Ayu S\u00e9la");
	req.id_type = REQ_ID_NIK;
	snprintf(req.id_number, sizeof(req.id_number), NIK);
	snprintf(req.address, sizeof(req.address), "Jl. Merdeka 1, Bengkulu");
	snprintf(req.phone, sizeof(req.phone), "081234567890");
	snprintf(req.email, sizeof(req.email), "ayu@contoh.id");
	snprintf(req.info, sizeof(req.info), "Daftar TPS Kota Bengkulu");
	snprintf(req.purpose, sizeof(req.purpose), "Tugas sekolah");
	req.channel = REQ_CHANNEL_KIOSK;
	req.obtain = REQ_OBTAIN_SOFTCOPY;
	req.delivery = REQ_DELIVERY_EMAIL;
	snprintf(req.regno, sizeof(req.regno), REGNO);
	snprintf(req.token, sizeof(req.token), "ABCDEFGHJK");
	/* Friday 27 November 2026 10:15 WIB. */
	req.received_at =
	    date_wib_to_utc((struct date){2026, 11, 27}, 10, 15, 0);
	req.deadline = (struct date){2026, 12, 11};
	return 0;
}

static void test_receipt_view(void **state)
{
	struct docview_receipt v;

	(void)state;
	assert_int_equal(docview_receipt(&cfg, &req, &v), 0);
	assert_int_equal(v.doc.lang, LANG_ID);
	assert_int_equal(v.doc.paper_mm, 80);
	assert_string_equal(v.doc.office_name, "KPU Provinsi Bengkulu");
	assert_string_equal(v.doc.office_hours, "Senin-Jumat 08.00-16.00 WIB");
	assert_string_equal(v.doc.regno, REGNO);
	assert_string_equal(v.doc.received, "27 November 2026 10:15 WIB");
	assert_string_equal(v.doc.deadline, "11 Desember 2026");
	assert_string_equal(v.doc.id_masked, "3201********0001");
	assert_string_equal(v.doc.qr_payload, "PPID1|" REGNO "|ABCDEFGHJK");
	assert_string_equal(v.doc.name, req.name);
	assert_string_equal(v.doc.info, req.info);
	assert_string_equal(v.doc.channel, "Anjungan (kios)");
	assert_null(v.doc.deadline_note); /* the ordinary regime's default */
	assert_string_equal(docview_receipt_media(&cfg), "Roll80");
	/* The full NIK is nowhere in what prints. */
	assert_null(strstr(v.received, NIK));
	assert_null(strstr(v.qr_payload, NIK));
	assert_null(strstr(v.id_masked, NIK));
}

static void test_receipt_follows_config_and_language(void **state)
{
	struct docview_receipt v;

	(void)state;
	cfg.paper_mm = 58;
	cfg.open_min = 7 * 60 + 30;
	cfg.close_min = 15 * 60;
	req.lang = LANG_EN;
	req.regime = WF_REGIME_ELECTION;
	assert_int_equal(docview_receipt(&cfg, &req, &v), 0);
	assert_int_equal(v.doc.paper_mm, 58);
	assert_string_equal(docview_receipt_media(&cfg), "Roll58");
	assert_string_equal(v.doc.office_hours, "Senin-Jumat 07.30-15.00 WIB");
	assert_int_equal(v.doc.lang, LANG_EN);
	assert_string_equal(v.doc.deadline, "11 December 2026");
	assert_non_null(v.doc.deadline_note);
	assert_non_null(strstr(v.doc.deadline_note, "2 hari kerja"));
}

static void test_receipt_needs_number_and_token(void **state)
{
	struct docview_receipt v;
	struct doc_buf b = {0};

	(void)state;
	req.token[0] = '\0';
	errno = 0;
	assert_int_equal(docview_receipt(&cfg, &req, &v), -1);
	assert_int_equal(errno, EINVAL);
	assert_int_equal(docview_render_receipt(&cfg, &req, &b), -1);
	assert_non_null(strstr(b.err, "token"));
	assert_null(b.data);
}

static void test_notification_view(void **state)
{
	struct docview_notification v;

	(void)state;
	req.decision = WF_DECISION_REJECTED;
	snprintf(req.basis, sizeof(req.basis), "b,h");
	snprintf(cfg.ppid_name, sizeof(cfg.ppid_name), "Drs. Ahmad Fauzi");
	assert_int_equal(docview_notification(&cfg, &req, NULL,
					      (struct date){2026, 12, 1}, &v),
			 0);
	assert_string_equal(v.doc.letter_number, "PT-" REGNO);
	assert_string_equal(v.doc.letter_date, "1 Desember 2026");
	assert_string_equal(v.doc.request_date, "27 November 2026");
	assert_string_equal(v.doc.contact, "081234567890 / ayu@contoh.id");
	assert_string_equal(v.doc.id_masked, "3201********0001");
	assert_string_equal(v.doc.decision, "rejected");
	assert_non_null(v.doc.legal_basis);
	assert_non_null(strstr(v.doc.legal_basis, "Pasal 17 huruf b"));
	assert_non_null(strstr(v.doc.legal_basis, "; Pasal 17 huruf h"));
	assert_string_equal(v.doc.office_city, "Bengkulu");
	assert_string_equal(v.doc.ppid_name, "Drs. Ahmad Fauzi");
	assert_string_equal(v.doc.ppid_title, cfg.ppid_title);
	assert_string_equal(v.doc.medium, "Berkas elektronik");
	assert_null(v.doc.holder);

	assert_int_equal(docview_notification(&cfg, &req, "123/PPID/2026",
					      (struct date){2026, 12, 1}, &v),
			 0);
	assert_string_equal(v.doc.letter_number, "123/PPID/2026");
	req.phone[0] = '\0';
	req.basis[0] = '\0';
	req.decision = WF_DECISION_GRANTED;
	assert_int_equal(docview_notification(&cfg, &req, "",
					      (struct date){2026, 12, 1}, &v),
			 0);
	assert_string_equal(v.doc.letter_number, "PT-" REGNO);
	assert_string_equal(v.doc.contact, "ayu@contoh.id");
	assert_null(v.doc.legal_basis);
}

static void test_notification_needs_decision(void **state)
{
	struct docview_notification v;
	struct doc_buf b = {0};

	(void)state;
	errno = 0;
	assert_int_equal(docview_notification(&cfg, &req, NULL,
					      (struct date){2026, 12, 1}, &v),
			 -1);
	assert_int_equal(errno, EINVAL);
	assert_int_equal(docview_render_notification(
			     &cfg, &req, NULL, (struct date){2026, 12, 1}, &b),
			 -1);
	assert_non_null(strstr(b.err, "decision"));
}

/* Issue #7 item 8: no name configured, the title signs. */
static void test_signer_without_name_is_the_title(void **state)
{
	struct docview_notification v;

	(void)state;
	req.decision = WF_DECISION_GRANTED;
	snprintf(cfg.ppid_title, sizeof(cfg.ppid_title), TITLE);
	assert_string_equal(cfg.ppid_name, ""); /* the default */
	assert_int_equal(docview_notification(&cfg, &req, NULL,
					      (struct date){2026, 12, 1}, &v),
			 0);
	assert_string_equal(v.doc.ppid_name, TITLE);
	assert_string_equal(v.doc.ppid_title, TITLE);

	cfg.ppid_title[0] = '\0';
	assert_int_equal(docview_notification(&cfg, &req, NULL,
					      (struct date){2026, 12, 1}, &v),
			 0);
	assert_string_equal(v.doc.ppid_name, "PPID");
}

/* Occurrences of @p needle in pdftotext's output of @p pdf. */
static int count_in_pdf(const struct doc_buf *pdf, const char *needle)
{
	char path[] = "/tmp/ppiddocview.XXXXXX", cmd[128], line[4096];
	char text[65536] = "";
	size_t used = 0;
	int fd = mkstemp(path), n = 0;
	FILE *f;

	assert_true(fd >= 0);
	close(fd);
	assert_int_equal(document_buf_save(pdf, path), 0);
	snprintf(cmd, sizeof(cmd), "pdftotext -enc UTF-8 -raw '%s' -", path);
	f = popen(cmd, "r");
	assert_non_null(f);
	/* Lines joined with spaces: a wrapped title still matches. */
	while (fgets(line, sizeof(line), f) && used < sizeof(text) - 1) {
		line[strcspn(line, "\n")] = ' ';
		used += (size_t)snprintf(text + used, sizeof(text) - used, "%s",
					 line);
	}
	assert_int_equal(pclose(f), 0);
	unlink(path);
	for (const char *p = text; (p = strstr(p, needle)); p++)
		n++;
	return n;
}

static void test_rendered_notification_without_name(void **state)
{
	struct doc_buf b = {0};

	(void)state;
	if (access("/usr/bin/pdftotext", X_OK) != 0)
		skip();
	req.decision = WF_DECISION_GRANTED;
	snprintf(cfg.ppid_title, sizeof(cfg.ppid_title), TITLE);
	/* The renderer refuses an empty signer: before the view filled it,
	 * a configuration without a name could print no notification. */
	assert_int_equal(docview_render_notification(
			     &cfg, &req, NULL, (struct date){2026, 12, 1}, &b),
			 0);
	assert_int_equal(count_in_pdf(&b, TITLE), 2);
	document_buf_free(&b);

	snprintf(cfg.ppid_name, sizeof(cfg.ppid_name), "Drs. Ahmad Fauzi");
	assert_int_equal(docview_render_notification(
			     &cfg, &req, NULL, (struct date){2026, 12, 1}, &b),
			 0);
	assert_int_equal(count_in_pdf(&b, TITLE), 1);
	assert_int_equal(count_in_pdf(&b, "Drs. Ahmad Fauzi"), 1);
	document_buf_free(&b);
}

static void test_rendered_receipt(void **state)
{
	struct doc_buf b = {0};

	(void)state;
	if (access("/usr/bin/pdftotext", X_OK) != 0)
		skip();
	assert_int_equal(docview_render_receipt(&cfg, &req, &b), 0);
	assert_int_equal(count_in_pdf(&b, "3201********0001"), 1);
	assert_int_equal(count_in_pdf(&b, NIK), 0);
	assert_int_equal(count_in_pdf(&b, "11 Desember 2026"), 1);
	document_buf_free(&b);
}

/* The data receipt: the handover's what, form (in words), time and
 * staff; the ID masked; refused without a known form or a what. */
static void test_data_receipt(void **state)
{
	struct docview_handover h = {
	    "Daftar TPS (PDF)", "usb",
	    date_wib_to_utc((struct date){2026, 12, 1}, 14, 5, 0), "budi"};
	struct docview_data_receipt v;
	struct doc_buf b = {0};

	(void)state;
	assert_int_equal(docview_data_receipt(&cfg, &req, &h, &v), 0);
	assert_string_equal(v.doc.given, "Daftar TPS (PDF)");
	assert_non_null(strstr(v.doc.form, "USB"));
	assert_string_equal(v.doc.handed_at, "1 Desember 2026 14:05 WIB");
	assert_string_equal(v.doc.request_date, "27 November 2026");
	assert_string_equal(v.doc.id_masked, "3201********0001");
	assert_string_equal(v.doc.staff, "budi");
	h.form = "fax";
	assert_int_equal(docview_data_receipt(&cfg, &req, &h, &v), -1);
	assert_int_equal(errno, EINVAL);
	h.form = "printed";
	h.given = "";
	assert_int_equal(docview_render_data_receipt(&cfg, &req, &h, &b), -1);
	assert_non_null(strstr(b.err, "handover"));
	h.given = "Salinan cetak";
	if (access("/usr/bin/pdftotext", X_OK) != 0)
		skip();
	assert_int_equal(docview_render_data_receipt(&cfg, &req, &h, &b), 0);
	assert_int_equal(b.pages, 1);
	assert_int_equal(count_in_pdf(&b, "TANDA TERIMA DATA"), 1);
	assert_int_equal(count_in_pdf(&b, NIK), 0);
	document_buf_free(&b);
}

static int teardown_all(void **state)
{
	(void)state;
	document_shutdown();
	return 0;
}

#define T(fn) cmocka_unit_test_setup(fn, setup)

int main(void)
{
	const struct CMUnitTest tests[] = {
	    T(test_receipt_view),
	    T(test_receipt_follows_config_and_language),
	    T(test_receipt_needs_number_and_token),
	    T(test_notification_view),
	    T(test_notification_needs_decision),
	    T(test_signer_without_name_is_the_title),
	    T(test_rendered_notification_without_name),
	    T(test_rendered_receipt),
	    T(test_data_receipt),
	};

	return cmocka_run_group_tests(tests, NULL, teardown_all);
}
