// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Unit tests for the kiosk's visitor flow (firmware/kiosk/): the request
 * path from welcome to the receipt, every form field forwards and back with
 * the core's messages in both languages, the review, submit results, the
 * done screen's timers, the idle rule and its wipe, out of service, the
 * language, and stale taps.
 */

#include "flow_harness.h"

/* ---- welcome ---------------------------------------------------------------- */

static void test_init_welcome(void **state)
{
	const struct flow_view *v;

	(void)state;
	assert_int_equal(M()->scene, FLOW_SCENE_WELCOME);
	assert_int_equal(M()->lang, LANG_ID);
	assert_int_equal(H.n_fx, 0);
	assert_int_equal(flow_next_wake_ms(&H.f, H.t), -1);
	v = V();
	assert_non_null(flow_view_button(v, FLOW_TAP_REQUEST, 0));
	assert_non_null(flow_view_button(v, FLOW_TAP_CHECK_STATUS, 0));
	assert_non_null(flow_view_button(v, FLOW_TAP_CALL, 0));
	assert_non_null(flow_view_button(v, FLOW_TAP_LANG, 0));
	assert_string_equal(flow_view_button(v, FLOW_TAP_REQUEST, 0)->label,
			    "Ajukan Permohonan Informasi");
	assert_string_equal(
	    flow_view_button(v, FLOW_TAP_CHECK_STATUS, 0)->label,
	    "Cek Status / Ambil Dokumen");
	assert_string_equal(flow_view_button(v, FLOW_TAP_CALL, 0)->label,
			    "Panggil Petugas");
	assert_true(view_shows(v, "Layanan ini tidak dipungut biaya."));
	assert_true(view_shows(v, "08.00 - 16.00 WIB"));
	assert_string_equal(flow_scene_name(FLOW_SCENE_OUT_OF_SERVICE),
			    "out_of_service");
}

static bool has_warning(const struct flow_view *v)
{
	for (int i = 0; i < v->n_lines; i++)
		if (v->lines[i].style == FLOW_LINE_WARNING)
			return true;
	return false;
}

static void test_printer_warning_before_start(void **state)
{
	(void)state;
	assert_false(has_warning(V()));
	for (int p = FLOW_PRINTER_NO_PAPER; p < FLOW_PRINTER_COUNT; p++) {
		assert_true(printer((enum flow_printer)p));
		assert_true(has_warning(V()));
		tap(FLOW_TAP_LANG);
		assert_true(has_warning(V()));
		tap(FLOW_TAP_LANG);
	}
	printer(FLOW_PRINTER_NO_PAPER);
	assert_true(view_shows(V(), "Receipts cannot be printed right now "
				    "(out of paper). You can still submit a "
				    "request; write its number down.") ||
		    M()->lang == LANG_ID);
	printer(FLOW_PRINTER_OK);
	assert_false(has_warning(V()));
}

/* ---- identify --------------------------------------------------------------- */

static void test_identify_typed_nik(void **state)
{
	(void)state;
	tap(FLOW_TAP_REQUEST);
	assert_int_equal(M()->scene, FLOW_SCENE_IDENTIFY);
	assert_int_equal(V()->inputs[0].kb, FLOW_KB_NUMERIC);
	text(FLOW_INPUT_ID, "3201 0157 0890 0001");
	tap(FLOW_TAP_NEXT);
	assert_int_equal(M()->scene, FLOW_SCENE_FORM);
	assert_int_equal(M()->v.req.id_type, REQ_ID_NIK);
	assert_string_equal(M()->v.req.id_number, NIK);
	assert_string_equal(M()->v.req.name, "");
}

static void test_identify_typed_invalid(void **state)
{
	static const char *const bad[] = {"", "123", "3201015708900000",
					  "3201019908900001", "abcd"};
	struct id_result r;

	(void)state;
	tap(FLOW_TAP_REQUEST);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		id_parse(bad[i], strlen(bad[i]), (struct date){2026, 11, 27},
			 &r);
		assert_int_equal(r.kind, ID_KIND_INVALID);
		text(FLOW_INPUT_ID, bad[i]);
		assert_null(M()->error);
		tap(FLOW_TAP_NEXT);
		assert_int_equal(M()->scene, FLOW_SCENE_IDENTIFY);
		assert_ptr_equal(M()->error, r.reason);
		assert_string_equal(V()->error, r.reason->id);
		tap(FLOW_TAP_LANG);
		assert_string_equal(V()->error, r.reason->en);
		tap(FLOW_TAP_LANG);
	}
}

static void test_identify_card_nik(void **state)
{
	(void)state;
	tap(FLOW_TAP_REQUEST);
	card(NIK "\n");
	assert_int_equal(M()->scene, FLOW_SCENE_FORM);
	assert_string_equal(M()->v.req.id_number, NIK);
	assert_int_equal(M()->v.req.id_type, REQ_ID_NIK);
}

static void check_mrz(const char *read)
{
	struct id_result r;

	id_parse(read, strlen(read), (struct date){2026, 11, 27}, &r);
	assert_true(r.kind == ID_KIND_MRZ_TD1 || r.kind == ID_KIND_MRZ_TD3);
	h_start();
	tap(FLOW_TAP_REQUEST);
	card(read);
	assert_int_equal(M()->scene, FLOW_SCENE_FORM);
	assert_int_equal(M()->v.req.id_type, REQ_ID_PASSPORT);
	assert_string_equal(M()->v.req.id_number, r.u.mrz.doc_number);
	assert_string_equal(M()->v.req.name, "ANNA MARIA ERIKSSON");
	/* The name screen shows it, ready to be corrected. */
	assert_string_equal(V()->inputs[0].value, "ANNA MARIA ERIKSSON");
	/* The specimen expired in 2012: the parser's warning is shown. */
	assert_ptr_equal(M()->notice, r.warning);
}

static void test_identify_card_mrz(void **state)
{
	(void)state;
	check_mrz(TD3);
	check_mrz(TD1);
}

static void test_identify_card_invalid(void **state)
{
	struct id_result r;
	const char *junk = "%%%garbage\x01";

	(void)state;
	id_parse(junk, strlen(junk), (struct date){2026, 11, 27}, &r);
	tap(FLOW_TAP_REQUEST);
	card(junk);
	assert_int_equal(M()->scene, FLOW_SCENE_IDENTIFY);
	assert_ptr_equal(M()->error, r.reason);
	assert_non_null(r.reason->id);
	assert_non_null(r.reason->en);
	/* A bad TD3 check digit names the reason too. */
	card(TD3_L1 "\n"
		    "L898902C37UTO7408122F1204159ZE184226B<<<<<10");
	assert_int_equal(M()->scene, FLOW_SCENE_IDENTIFY);
	assert_non_null(M()->error);
}

static void test_welcome_card_starts(void **state)
{
	(void)state;
	card(NIK);
	assert_int_equal(M()->scene, FLOW_SCENE_FORM);
	assert_string_equal(M()->v.req.id_number, NIK);
	/* Back goes to identify, then welcome. */
	tap(FLOW_TAP_BACK);
	assert_int_equal(M()->scene, FLOW_SCENE_IDENTIFY);
	tap(FLOW_TAP_BACK);
	assert_int_equal(M()->scene, FLOW_SCENE_WELCOME);
	assert_false(flow_holds(NIK));
	card("junk!");
	assert_int_equal(M()->scene, FLOW_SCENE_WELCOME);
	assert_non_null(M()->error);
}

static void test_reader_state(void **state)
{
	(void)state;
	tap(FLOW_TAP_REQUEST);
	assert_false(M()->reader_ok);
	assert_int_equal(V()->lines[1].style, FLOW_LINE_WARNING);
	result((struct flow_event){.type = FLOW_EVT_READER, .ok = true});
	assert_true(M()->reader_ok);
	assert_string_equal(V()->lines[1].value, "Pembaca kartu siap.");
	result((struct flow_event){.type = FLOW_EVT_READER, .ok = false});
	assert_false(M()->reader_ok);
}

/* ---- the form ----------------------------------------------------------------- */

static const char *const good[FLOW_FORM_COUNT] = {
    A_NAME, A_ADDRESS, A_OCCUPATION, A_PHONE, A_EMAIL, A_INFO, A_PURPOSE,
};

static void test_form_forward_and_back(void **state)
{
	char want[32];

	(void)state;
	to_form();
	for (int pos = 0; pos < FLOW_FORM_COUNT; pos++) {
		const struct flow_view *v = V();

		assert_int_equal(M()->field, pos);
		snprintf(want, sizeof(want), "Pertanyaan %d dari 9", pos + 1);
		assert_string_equal(v->progress, want);
		assert_string_equal(
		    v->title, request_field_label(flow_form_field(pos))->id);
		if (pos < 7) {
			assert_int_equal(v->n_inputs, 1);
			text(FLOW_INPUT_FIELD, good[pos]);
			tap(FLOW_TAP_NEXT);
		} else {
			assert_int_equal(v->n_inputs, 0);
			assert_non_null(
			    flow_view_button(v, FLOW_TAP_CHOICE, 0));
			tap_i(FLOW_TAP_CHOICE, pos == 7 ? REQ_OBTAIN_HARDCOPY
							: REQ_DELIVERY_POST);
		}
		assert_null(M()->error);
		if (pos == FLOW_FORM_COUNT - 1)
			break;
		/* Back and forth again: the answer is kept. */
		assert_int_equal(M()->field, pos + 1);
		tap(FLOW_TAP_BACK);
		assert_int_equal(M()->field, pos);
		if (pos < 7)
			assert_string_equal(V()->inputs[0].value, good[pos]);
		else
			assert_true(flow_view_button(V(), FLOW_TAP_CHOICE,
						     REQ_OBTAIN_HARDCOPY)
					->selected);
		tap(FLOW_TAP_NEXT);
		assert_int_equal(M()->field, pos + 1);
	}
	assert_int_equal(M()->scene, FLOW_SCENE_REVIEW);
	/* Back from the review: the last question, then all the way. */
	tap(FLOW_TAP_BACK);
	assert_int_equal(M()->scene, FLOW_SCENE_FORM);
	assert_int_equal(M()->field, FLOW_FORM_COUNT - 1);
	for (int pos = FLOW_FORM_COUNT - 1; pos > 0; pos--) {
		tap(FLOW_TAP_BACK);
		assert_int_equal(M()->field, pos - 1);
	}
	tap(FLOW_TAP_BACK);
	assert_int_equal(M()->scene, FLOW_SCENE_IDENTIFY);
	assert_string_equal(V()->inputs[0].value, NIK);
	tap(FLOW_TAP_NEXT);
	assert_int_equal(M()->scene, FLOW_SCENE_FORM);
	assert_string_equal(M()->v.req.name, A_NAME);
}

/* Go to form position @p pos with every earlier answer valid. */
static void to_pos(int pos)
{
	h_start();
	to_form();
	for (int i = 0; i < pos; i++) {
		if (i < 7)
			answer(good[i]);
		else
			tap_i(FLOW_TAP_CHOICE, REQ_OBTAIN_SOFTCOPY);
	}
	assert_int_equal(M()->field, pos);
}

/* @p value at form position @p pos gives the core's message for @p field
 * (computed from the flow's own request after the edit). */
static void expect_message(int pos, const char *value, enum req_field field)
{
	const struct text *want;

	to_pos(pos);
	text(FLOW_INPUT_FIELD, value);
	want = request_check_field(&M()->v.req, field, H.wall);
	assert_non_null(want);
	tap(FLOW_TAP_NEXT);
	assert_int_equal(M()->scene, FLOW_SCENE_FORM);
	assert_int_equal(M()->field, pos);
	assert_ptr_equal(M()->error, want);
	assert_string_equal(V()->error, want->id);
	tap(FLOW_TAP_LANG);
	assert_string_equal(V()->error, want->en);
	assert_string_not_equal(want->id, want->en);
	/* Editing clears the message; a good answer moves on. */
	text(FLOW_INPUT_FIELD, pos < 7 ? good[pos] : "");
	assert_null(M()->error);
}

static void test_form_messages(void **state)
{
	(void)state;
	expect_message(0, "", REQ_F_NAME);
	expect_message(0, "A", REQ_F_NAME);
	expect_message(0, "12345", REQ_F_NAME);
	expect_message(1, "", REQ_F_ADDRESS);
	expect_message(1, "Jl.", REQ_F_ADDRESS);
	expect_message(2, "", REQ_F_OCCUPATION);
	expect_message(2, "x", REQ_F_OCCUPATION);
	expect_message(3, "12ab", REQ_F_PHONE);
	expect_message(3, "0812", REQ_F_PHONE);
	expect_message(4, "not-an-email", REQ_F_EMAIL);
	expect_message(5, "", REQ_F_INFO);
	expect_message(5, "short", REQ_F_INFO);
	expect_message(6, "", REQ_F_PURPOSE);
	expect_message(6, "abc", REQ_F_PURPOSE);
	expect_message(0, "Bad \xe2\x80\xae text", REQ_F_NAME);
}

static void test_form_phone_or_email(void **state)
{
	const struct text *want;

	(void)state;
	/* A blank phone passes; a blank email too then fails, on the email
	 * screen, with the core's "phone or email" message. */
	to_pos(3);
	answer("");
	assert_int_equal(M()->field, 4);
	text(FLOW_INPUT_FIELD, "");
	want = request_check_field(&M()->v.req, REQ_F_PHONE, H.wall);
	assert_non_null(want);
	tap(FLOW_TAP_NEXT);
	assert_int_equal(M()->field, 4);
	assert_ptr_equal(M()->error, want);
	answer(A_EMAIL);
	assert_int_equal(M()->field, 5);
	assert_true(V()->n_inputs == 1);
	/* The email screen says it may stay empty. */
	tap(FLOW_TAP_BACK);
	assert_true(V()->inputs[0].optional);
	assert_int_equal(V()->inputs[0].kb, FLOW_KB_EMAIL);
}

static void test_form_choices(void **state)
{
	const struct text *want;

	(void)state;
	/* Nothing chosen: the core asks to choose. */
	to_pos(7);
	assert_false(flow_view_button(V(), FLOW_TAP_CHOICE, 0)->selected);
	want = request_check_field(&M()->v.req, REQ_F_OBTAIN, H.wall);
	assert_non_null(want);
	tap(FLOW_TAP_NEXT);
	assert_ptr_equal(M()->error, want);
	assert_string_equal(V()->error, want->id);
	tap(FLOW_TAP_LANG);
	assert_string_equal(V()->error, want->en);
	assert_string_equal(V()->title, "How to obtain the information");
	tap(FLOW_TAP_LANG);
	tap_i(FLOW_TAP_CHOICE, REQ_OBTAIN_VIEW);
	assert_int_equal(M()->field, 8);
	want = request_check_field(&M()->v.req, REQ_F_DELIVERY, H.wall);
	tap(FLOW_TAP_NEXT);
	assert_ptr_equal(M()->error, want);
	assert_string_equal(V()->error, want->id);
	tap(FLOW_TAP_LANG);
	assert_string_equal(V()->error, want->en);
	tap(FLOW_TAP_LANG);
	/* Viewing in person, but sent by courier: the core refuses. */
	tap_i(FLOW_TAP_CHOICE, REQ_DELIVERY_COURIER);
	assert_int_equal(M()->field, 8);
	assert_ptr_equal(M()->error, request_check_field(
					 &M()->v.req, REQ_F_DELIVERY, H.wall));
	assert_true(flow_view_button(V(), FLOW_TAP_CHOICE, REQ_DELIVERY_COURIER)
			->selected);
	/* Out-of-range choices are not on screen. */
	assert_false(tap_i(FLOW_TAP_CHOICE, REQ_DELIVERY_COUNT));
	tap_i(FLOW_TAP_CHOICE, REQ_DELIVERY_PICKUP);
	assert_int_equal(M()->scene, FLOW_SCENE_REVIEW);
}

static void test_form_delivery_needs_contact(void **state)
{
	(void)state;
	/* Fax without a phone number, email without an address. */
	to_pos(3);
	answer("");
	answer(A_EMAIL);
	answer(A_INFO);
	answer(A_PURPOSE);
	tap_i(FLOW_TAP_CHOICE, REQ_OBTAIN_SOFTCOPY);
	tap_i(FLOW_TAP_CHOICE, REQ_DELIVERY_FAX);
	assert_int_equal(M()->field, 8);
	assert_ptr_equal(M()->error,
			 request_check_field(&M()->v.req, REQ_F_PHONE, H.wall));
	assert_non_null(M()->error);

	to_pos(3);
	answer(A_PHONE);
	answer("");
	answer(A_INFO);
	answer(A_PURPOSE);
	tap_i(FLOW_TAP_CHOICE, REQ_OBTAIN_SOFTCOPY);
	tap_i(FLOW_TAP_CHOICE, REQ_DELIVERY_EMAIL);
	assert_int_equal(M()->field, 8);
	assert_ptr_equal(M()->error,
			 request_check_field(&M()->v.req, REQ_F_EMAIL, H.wall));
	assert_non_null(M()->error);
}

static void test_form_text_cut_at_character(void **state)
{
	char big[4000];
	size_t n = 0;

	(void)state;
	/* 1500 x "é" (3000 bytes) into the name (401 bytes). */
	while (n + 2 < sizeof(big) && n < 3000) {
		big[n++] = '\xc3';
		big[n++] = '\xa9';
	}
	big[n] = '\0';
	to_form();
	text(FLOW_INPUT_FIELD, big);
	assert_true(strlen(M()->v.req.name) < sizeof(M()->v.req.name));
	assert_true(request_text_ok(M()->v.req.name, false, NULL));
	tap(FLOW_TAP_NEXT);
	assert_int_equal(M()->field, 0);
	assert_ptr_equal(M()->error,
			 request_check_field(&M()->v.req, REQ_F_NAME, H.wall));
	assert_int_equal(V()->inputs[0].max_chars, REQ_NAME_MAX);
}

/* ---- review ------------------------------------------------------------------ */

static void test_review_lists_everything(void **state)
{
	const struct flow_view *v;

	(void)state;
	to_review();
	v = V();
	assert_int_equal(v->n_lines, 1 + FLOW_FORM_COUNT);
	assert_string_equal(v->lines[0].value, "3201********0001");
	assert_string_equal(v->lines[1].value, A_NAME);
	assert_string_equal(v->lines[8].value,
			    request_obtain_label(REQ_OBTAIN_SOFTCOPY)->id);
	assert_string_equal(v->lines[9].value,
			    request_delivery_label(REQ_DELIVERY_EMAIL)->id);
	assert_non_null(flow_view_button(v, FLOW_TAP_EDIT_ID, 0));
	for (int i = 0; i < FLOW_FORM_COUNT; i++)
		assert_non_null(flow_view_button(v, FLOW_TAP_EDIT_FIELD, i));
	assert_true(flow_view_button(v, FLOW_TAP_CONSENT, 0)->toggle);
	assert_non_null(strstr(flow_view_button(v, FLOW_TAP_CONSENT, 0)->label,
			       "27 Tahun 2022"));
	/* The full NIK is nowhere on the review screen. */
	for (int i = 0; i < v->n_lines; i++)
		assert_null(strstr(v->lines[i].value, NIK));
}

static void test_review_edit_returns(void **state)
{
	(void)state;
	to_review();
	for (int pos = 0; pos < FLOW_FORM_COUNT; pos++) {
		tap_i(FLOW_TAP_EDIT_FIELD, pos);
		assert_int_equal(M()->scene, FLOW_SCENE_FORM);
		assert_int_equal(M()->field, pos);
		assert_true(M()->from_review);
		if (pos < 7) {
			text(FLOW_INPUT_FIELD, good[pos]);
			tap(FLOW_TAP_NEXT);
		} else {
			tap_i(FLOW_TAP_CHOICE, pos == 7 ? REQ_OBTAIN_SOFTCOPY
							: REQ_DELIVERY_EMAIL);
		}
		assert_int_equal(M()->scene, FLOW_SCENE_REVIEW);
		assert_false(M()->from_review);
	}
	/* An edit still has to pass. */
	tap_i(FLOW_TAP_EDIT_FIELD, 2);
	text(FLOW_INPUT_FIELD, "x");
	tap(FLOW_TAP_NEXT);
	assert_int_equal(M()->scene, FLOW_SCENE_FORM);
	assert_non_null(M()->error);
	text(FLOW_INPUT_FIELD, "Guru");
	tap(FLOW_TAP_NEXT);
	assert_int_equal(M()->scene, FLOW_SCENE_REVIEW);
	assert_string_equal(M()->v.req.occupation, "Guru");
	/* Back from an edit returns to the review, not to the question
	 * before. */
	tap_i(FLOW_TAP_EDIT_FIELD, 4);
	tap(FLOW_TAP_BACK);
	assert_int_equal(M()->scene, FLOW_SCENE_REVIEW);
	/* The identity number: identify, then the review again. */
	tap(FLOW_TAP_EDIT_ID);
	assert_int_equal(M()->scene, FLOW_SCENE_IDENTIFY);
	card(TD3);
	assert_int_equal(M()->scene, FLOW_SCENE_REVIEW);
	assert_int_equal(M()->v.req.id_type, REQ_ID_PASSPORT);
	tap(FLOW_TAP_EDIT_ID);
	tap(FLOW_TAP_BACK);
	assert_int_equal(M()->scene, FLOW_SCENE_REVIEW);
	/* Back from the review goes to the last question, and Back twice
	 * more ends in the form, never in a loop. */
	tap(FLOW_TAP_BACK);
	assert_int_equal(M()->scene, FLOW_SCENE_FORM);
	assert_int_equal(M()->field, FLOW_FORM_COUNT - 1);
}

static void test_consent_required(void **state)
{
	const struct flow_effect *fx;

	(void)state;
	to_review();
	fx_clear();
	tap(FLOW_TAP_SUBMIT);
	assert_int_equal(M()->scene, FLOW_SCENE_REVIEW);
	assert_non_null(M()->error);
	assert_int_equal(fx_count(FLOW_FX_SUBMIT), 0);
	tap(FLOW_TAP_CONSENT);
	assert_true(M()->consent);
	tap(FLOW_TAP_SUBMIT);
	assert_int_equal(fx_count(FLOW_FX_SUBMIT), 0);
	tap(FLOW_TAP_CONSENT);
	tap(FLOW_TAP_TRUTH);
	tap(FLOW_TAP_SUBMIT);
	assert_int_equal(fx_count(FLOW_FX_SUBMIT), 0);
	assert_true(flow_view_button(V(), FLOW_TAP_TRUTH, 0)->selected);
	assert_false(flow_view_button(V(), FLOW_TAP_CONSENT, 0)->selected);
	tap(FLOW_TAP_CONSENT);
	tap(FLOW_TAP_SUBMIT);
	assert_int_equal(M()->scene, FLOW_SCENE_SUBMIT);
	fx = fx_find(FLOW_FX_SUBMIT);
	assert_non_null(fx);
	assert_ptr_equal(fx->req, &M()->v.req);
	assert_string_equal(fx->req->name, A_NAME);
	assert_string_equal(fx->req->id_number, NIK);
	assert_int_equal(fx->req->obtain, REQ_OBTAIN_SOFTCOPY);
	assert_int_equal(fx->req->delivery, REQ_DELIVERY_EMAIL);
	assert_int_equal(fx->req->channel, REQ_CHANNEL_KIOSK);
	assert_int_equal(request_validate(fx->req, H.wall, NULL, 0), 0);
	/* Nothing is "registered" yet; Back does nothing while waiting. */
	assert_false(tap(FLOW_TAP_BACK));
	assert_int_equal(M()->scene, FLOW_SCENE_SUBMIT);
	assert_string_equal(M()->v.regno, "");
}

static void test_submit_checks_everything(void **state)
{
	(void)state;
	/* An answer spoiled and left with Back reaches the review; Submit
	 * opens it with the core's message. */
	to_review();
	tap(FLOW_TAP_CONSENT);
	tap(FLOW_TAP_TRUTH);
	tap_i(FLOW_TAP_EDIT_FIELD, 0);
	text(FLOW_INPUT_FIELD, "");
	tap(FLOW_TAP_BACK);
	assert_int_equal(M()->scene, FLOW_SCENE_REVIEW);
	fx_clear();
	tap(FLOW_TAP_SUBMIT);
	assert_int_equal(fx_count(FLOW_FX_SUBMIT), 0);
	assert_int_equal(M()->scene, FLOW_SCENE_FORM);
	assert_int_equal(M()->field, 0);
	assert_ptr_equal(M()->error,
			 request_check_field(&M()->v.req, REQ_F_NAME, H.wall));
	answer(A_NAME);
	assert_int_equal(M()->scene, FLOW_SCENE_REVIEW);
	tap(FLOW_TAP_SUBMIT);
	assert_int_equal(M()->scene, FLOW_SCENE_SUBMIT);
}

/* ---- submit and done ---------------------------------------------------------- */

static void test_submit_ok_and_print(void **state)
{
	const struct flow_effect *fx;
	const struct flow_view *v;

	(void)state;
	to_submit();
	fx_clear();
	assert_true(submit_ok(42));
	assert_int_equal(M()->scene, FLOW_SCENE_DONE);
	assert_string_equal(M()->v.regno, REGNO);
	assert_int_equal(M()->print, FLOW_PRINT_PRINTING);
	fx = fx_find(FLOW_FX_PRINT_RECEIPT);
	assert_non_null(fx);
	assert_int_equal(fx->request_id, 42);
	assert_string_equal(fx->regno, REGNO);
	/* The answers are wiped once committed. */
	assert_false(flow_holds(A_NAME));
	assert_false(flow_holds(NIK));
	v = V();
	assert_int_equal(v->lines[0].style, FLOW_LINE_LARGE);
	assert_string_equal(v->lines[0].value, REGNO);
	assert_string_equal(v->lines[1].value, "11 Desember 2026");
	assert_string_equal(v->lines[2].value,
			    "Tanda terima sedang dicetak...");
	/* Back never leads into a sent request. */
	tap(FLOW_TAP_BACK);
	assert_int_equal(M()->scene, FLOW_SCENE_DONE);
	/* No idle question here. */
	tick(90000);
	assert_int_equal(M()->scene, FLOW_SCENE_DONE);
	print_done(true, 42, FLOW_PRINTER_OK);
	assert_int_equal(M()->print, FLOW_PRINT_DONE);
	assert_int_equal(flow_next_wake_ms(&H.f, H.t), 20000);
	tick(19999);
	assert_int_equal(M()->scene, FLOW_SCENE_DONE);
	tick(1);
	assert_int_equal(M()->scene, FLOW_SCENE_WELCOME);
	assert_false(flow_holds(REGNO));
}

static void test_print_failed_keeps_number(void **state)
{
	(void)state;
	to_submit();
	submit_ok(42);
	/* Another request's receipt changes nothing. */
	print_done(false, 41, FLOW_PRINTER_NO_PAPER);
	assert_int_equal(M()->print, FLOW_PRINT_PRINTING);
	print_done(false, 42, FLOW_PRINTER_NO_PAPER);
	assert_int_equal(M()->print, FLOW_PRINT_FAILED);
	assert_int_equal(M()->printer, FLOW_PRINTER_NO_PAPER);
	/* Said in the title, the number first, what to do right under it. */
	assert_non_null(strstr(V()->title, "tidak tercetak"));
	assert_int_equal(V()->lines[0].style, FLOW_LINE_LARGE);
	assert_int_equal(V()->lines[1].style, FLOW_LINE_WARNING);
	assert_non_null(strstr(V()->lines[1].value, "meja layanan"));
	tick(20000);
	assert_int_equal(M()->scene, FLOW_SCENE_DONE);
	tick(99999);
	assert_int_equal(M()->scene, FLOW_SCENE_DONE);
	assert_string_equal(V()->lines[0].value, REGNO);
	tick(1);
	assert_int_equal(M()->scene, FLOW_SCENE_WELCOME);
	/* The next visitor is told before starting. */
	assert_true(has_warning(V()));
}

static void test_printer_down_at_submit(void **state)
{
	(void)state;
	printer(FLOW_PRINTER_OFFLINE);
	to_submit();
	fx_clear();
	submit_ok(7);
	assert_int_equal(M()->print, FLOW_PRINT_FAILED);
	/* The worker still tries; a late success is shown. */
	assert_non_null(fx_find(FLOW_FX_PRINT_RECEIPT));
	print_done(true, 7, FLOW_PRINTER_OK);
	assert_int_equal(M()->print, FLOW_PRINT_DONE);
	/* Finish leaves at once. */
	tap(FLOW_TAP_FINISH);
	assert_int_equal(M()->scene, FLOW_SCENE_WELCOME);
}

static void test_print_never_answers(void **state)
{
	(void)state;
	to_submit();
	submit_ok(1);
	tick(119999);
	assert_int_equal(M()->scene, FLOW_SCENE_DONE);
	tick(1);
	assert_int_equal(M()->scene, FLOW_SCENE_WELCOME);
}

static void test_submit_busy_retry(void **state)
{
	(void)state;
	to_submit();
	submit_err(QUEUE_ERR_BUSY);
	assert_int_equal(M()->scene, FLOW_SCENE_REVIEW);
	assert_non_null(M()->error);
	assert_string_equal(M()->v.req.name, A_NAME);
	assert_string_equal(M()->v.regno, "");
	fx_clear();
	tap(FLOW_TAP_SUBMIT);
	assert_int_equal(M()->scene, FLOW_SCENE_SUBMIT);
	assert_non_null(fx_find(FLOW_FX_SUBMIT));
	submit_ok(5);
	assert_int_equal(M()->scene, FLOW_SCENE_DONE);

	/* Refused or another fault: back to the review, answers kept. */
	h_start();
	to_submit();
	submit_err(QUEUE_ERR_INVALID);
	assert_int_equal(M()->scene, FLOW_SCENE_REVIEW);
	assert_non_null(M()->error);
	h_start();
	to_submit();
	submit_err(QUEUE_ERR_OTHER);
	assert_int_equal(M()->scene, FLOW_SCENE_REVIEW);
	assert_string_equal(M()->v.req.name, A_NAME);
}

static void test_submit_db_unusable(void **state)
{
	static const enum queue_err errs[] = {QUEUE_ERR_READONLY,
					      QUEUE_ERR_FULL, QUEUE_ERR_CORRUPT,
					      QUEUE_ERR_IO, QUEUE_ERR_VERSION};

	(void)state;
	for (size_t i = 0; i < sizeof(errs) / sizeof(errs[0]); i++) {
		h_start();
		to_submit();
		fx_clear();
		submit_err(errs[i]);
		assert_int_equal(M()->scene, FLOW_SCENE_OUT_OF_SERVICE);
		assert_false(M()->db_ok);
		assert_int_equal(M()->db_err, errs[i]);
		assert_non_null(fx_find(FLOW_FX_WIPE));
		assert_false(flow_holds(A_NAME));
		assert_false(flow_holds(NIK));
		db(true, QUEUE_OK);
		assert_int_equal(M()->scene, FLOW_SCENE_WELCOME);
	}
}

/* ---- idle ------------------------------------------------------------------- */

static void test_idle_more_time_then_wipe(void **state)
{
	(void)state;
	to_form();
	answer(A_NAME);
	answer(A_ADDRESS);
	text(FLOW_INPUT_FIELD, "Petani");
	tap(FLOW_TAP_LANG);
	assert_int_equal(M()->lang, LANG_EN);
	assert_int_equal(flow_next_wake_ms(&H.f, H.t), 60000);
	tick(59999);
	assert_int_equal(M()->scene, FLOW_SCENE_FORM);
	tick(1);
	assert_int_equal(M()->scene, FLOW_SCENE_IDLE);
	assert_int_equal(M()->under, FLOW_SCENE_FORM);
	assert_int_equal(M()->idle_countdown_s, 30);
	assert_int_equal(V()->countdown_s, 30);
	assert_non_null(strstr(V()->lines[0].value, "30 seconds"));
	assert_int_equal(V()->under, FLOW_SCENE_FORM);
	/* More time, again and again. */
	for (int round = 0; round < 5; round++) {
		tick(1000);
		assert_int_equal(M()->idle_countdown_s, 29);
		assert_true(flow_next_wake_ms(&H.f, H.t) <= 1000);
		tick(28000);
		assert_int_equal(M()->scene, FLOW_SCENE_IDLE);
		assert_int_equal(M()->idle_countdown_s, 1);
		tap(FLOW_TAP_MORE_TIME);
		assert_int_equal(M()->scene, FLOW_SCENE_FORM);
		assert_int_equal(M()->field, 2);
		assert_string_equal(M()->v.req.occupation, "Petani");
		tick(60000);
		assert_int_equal(M()->scene, FLOW_SCENE_IDLE);
	}
	/* A touch anywhere counts too, and does nothing else. */
	tap(FLOW_TAP_SUBMIT);
	assert_int_equal(M()->scene, FLOW_SCENE_FORM);
	tick(60000);
	assert_int_equal(M()->scene, FLOW_SCENE_IDLE);
	fx_clear();
	tick(29999);
	assert_int_equal(M()->scene, FLOW_SCENE_IDLE);
	tick(1);
	assert_int_equal(M()->scene, FLOW_SCENE_WELCOME);
	assert_int_equal(M()->lang, LANG_ID);
	assert_non_null(fx_find(FLOW_FX_WIPE));
	/* Wiped, not just forgotten: no byte of the flow holds them. */
	assert_false(flow_holds(NIK));
	assert_false(flow_holds(A_NAME));
	assert_false(flow_holds(A_ADDRESS));
	assert_false(flow_holds("Petani"));
	assert_string_equal(M()->v.req.name, "");
	assert_string_equal(M()->v.id_text, "");
	assert_int_equal(flow_next_wake_ms(&H.f, H.t), -1);
}

static void test_idle_countdown_at_least_20s(void **state)
{
	struct flow_config cfg;

	(void)state;
	flow_config_defaults(&cfg);
	cfg.idle_warn_ms = 5000;
	h_start_cfg(&cfg);
	to_form();
	tick(60000);
	assert_int_equal(M()->scene, FLOW_SCENE_IDLE);
	assert_int_equal(M()->idle_countdown_s, 20);
}

static void test_idle_everywhere_with_answers(void **state)
{
	(void)state;
	/* Identify, review, status and its result, call: all ask. */
	tap(FLOW_TAP_REQUEST);
	tick(60000);
	assert_int_equal(M()->scene, FLOW_SCENE_IDLE);
	tick(30000);
	assert_int_equal(M()->scene, FLOW_SCENE_WELCOME);
	to_review();
	tick(60000);
	assert_int_equal(M()->scene, FLOW_SCENE_IDLE);
	tick(30000);
	assert_int_equal(M()->scene, FLOW_SCENE_WELCOME);
	assert_false(flow_holds(A_NAME));
	tap(FLOW_TAP_CHECK_STATUS);
	text(FLOW_INPUT_LAST4, "0001");
	tick(60000);
	assert_int_equal(M()->scene, FLOW_SCENE_IDLE);
	tick(30000);
	assert_int_equal(M()->scene, FLOW_SCENE_WELCOME);
	assert_string_equal(M()->v.last4_text, "");
	/* The welcome screen never asks; its language goes back. */
	tap(FLOW_TAP_LANG);
	tick(59999);
	assert_int_equal(M()->lang, LANG_EN);
	tick(1);
	assert_int_equal(M()->scene, FLOW_SCENE_WELCOME);
	assert_int_equal(M()->lang, LANG_ID);
}

/* ---- out of service ----------------------------------------------------------- */

static void test_out_of_service_and_back(void **state)
{
	(void)state;
	to_form();
	answer(A_NAME);
	fx_clear();
	db(false, QUEUE_ERR_READONLY);
	assert_int_equal(M()->scene, FLOW_SCENE_OUT_OF_SERVICE);
	assert_non_null(fx_find(FLOW_FX_WIPE));
	assert_false(flow_holds(A_NAME));
	assert_false(flow_holds(NIK));
	/* Calm: no request possible, the call still works. */
	assert_null(flow_view_button(V(), FLOW_TAP_REQUEST, 0));
	assert_false(tap(FLOW_TAP_REQUEST));
	card(NIK);
	assert_int_equal(M()->scene, FLOW_SCENE_OUT_OF_SERVICE);
	assert_false(flow_holds(NIK));
	fx_clear();
	tap(FLOW_TAP_CALL);
	assert_int_equal(M()->scene, FLOW_SCENE_CALL);
	assert_non_null(fx_find(FLOW_FX_CALL));
	tap(FLOW_TAP_BACK);
	assert_int_equal(M()->scene, FLOW_SCENE_OUT_OF_SERVICE);
	/* No idle rule here. */
	tick(600000);
	assert_int_equal(M()->scene, FLOW_SCENE_OUT_OF_SERVICE);
	db(true, QUEUE_OK);
	assert_int_equal(M()->scene, FLOW_SCENE_WELCOME);
	assert_true(M()->db_ok);

	/* Back while the call screen covers it: Back then leads home. */
	db(false, QUEUE_ERR_FULL);
	tap(FLOW_TAP_CALL);
	db(true, QUEUE_OK);
	assert_int_equal(M()->scene, FLOW_SCENE_CALL);
	tap(FLOW_TAP_BACK);
	assert_int_equal(M()->scene, FLOW_SCENE_WELCOME);
}

static void test_fault_during_submit_keeps_number(void **state)
{
	(void)state;
	to_submit();
	db(false, QUEUE_ERR_IO);
	assert_int_equal(M()->scene, FLOW_SCENE_SUBMIT);
	submit_ok(9);
	assert_int_equal(M()->scene, FLOW_SCENE_DONE);
	assert_string_equal(V()->lines[0].value, REGNO);
	tap(FLOW_TAP_FINISH);
	assert_int_equal(M()->scene, FLOW_SCENE_OUT_OF_SERVICE);
	db(true, QUEUE_OK);
	assert_int_equal(M()->scene, FLOW_SCENE_WELCOME);

	/* A fault, then the submission fails (even as "busy"): out of
	 * service, nothing pretended. */
	to_submit();
	db(false, QUEUE_ERR_IO);
	submit_err(QUEUE_ERR_BUSY);
	assert_int_equal(M()->scene, FLOW_SCENE_OUT_OF_SERVICE);
	assert_false(flow_holds(A_NAME));
}

static void test_fault_under_call_keeps_number(void **state)
{
	(void)state;
	/* The call screen over the number: the fault waits for it too. */
	to_submit();
	submit_ok(9);
	tap(FLOW_TAP_CALL);
	assert_int_equal(M()->scene, FLOW_SCENE_CALL);
	db(false, QUEUE_ERR_READONLY);
	assert_int_equal(M()->scene, FLOW_SCENE_CALL);
	tap(FLOW_TAP_BACK);
	assert_int_equal(M()->scene, FLOW_SCENE_DONE);
	assert_string_equal(V()->lines[0].value, REGNO);
	tap(FLOW_TAP_FINISH);
	assert_int_equal(M()->scene, FLOW_SCENE_OUT_OF_SERVICE);
}

static void test_wipe_cancels_queued_effects(void **state)
{
	struct flow_event ev = {.type = FLOW_EVT_TAP, .tap = FLOW_TAP_LOOKUP};

	(void)state;
	tap(FLOW_TAP_CHECK_STATUS);
	text(FLOW_INPUT_REGNO, REGNO);
	text(FLOW_INPUT_LAST4, "0001");
	/* The look-up is queued but not yet taken when the fault comes. */
	ev.now_ms = H.t += 100;
	flow_handle(&H.f, &ev);
	ev = (struct flow_event){.type = FLOW_EVT_DB,
				 .ok = false,
				 .err = QUEUE_ERR_IO,
				 .now_ms = H.t += 100};
	flow_handle(&H.f, &ev);
	fx_clear();
	collect();
	assert_int_equal(fx_count(FLOW_FX_LOOKUP_STATUS), 0);
	assert_int_equal(fx_count(FLOW_FX_NONE), 0);
	assert_int_equal(fx_count(FLOW_FX_WIPE), 1);
	assert_false(flow_holds(REGNO));
}

/* ---- language, stale taps, effects ------------------------------------------- */

static void test_language_keeps_data(void **state)
{
	(void)state;
	to_form();
	answer(A_NAME);
	answer(A_ADDRESS);
	answer(A_OCCUPATION);
	assert_string_equal(V()->progress, "Pertanyaan 4 dari 9");
	tap(FLOW_TAP_LANG);
	assert_int_equal(M()->lang, LANG_EN);
	assert_int_equal(M()->scene, FLOW_SCENE_FORM);
	assert_int_equal(M()->field, 3);
	assert_string_equal(V()->progress, "Question 4 of 9");
	assert_string_equal(V()->title, "Phone number");
	assert_string_equal(M()->v.req.name, A_NAME);
	assert_string_equal(M()->v.req.occupation, A_OCCUPATION);
	answer(A_PHONE);
	answer(A_EMAIL);
	answer(A_INFO);
	answer(A_PURPOSE);
	tap_i(FLOW_TAP_CHOICE, REQ_OBTAIN_SOFTCOPY);
	tap_i(FLOW_TAP_CHOICE, REQ_DELIVERY_EMAIL);
	tap(FLOW_TAP_CONSENT);
	tap(FLOW_TAP_TRUTH);
	tap(FLOW_TAP_SUBMIT);
	/* The request records the visitor's language. */
	assert_int_equal(M()->v.req.lang, LANG_EN);
	tap(FLOW_TAP_LANG);
	assert_int_equal(M()->lang, LANG_ID);
}

static void test_stale_taps_ignored(void **state)
{
	static const enum flow_tap stale[] = {
	    FLOW_TAP_NEXT,   FLOW_TAP_BACK,	   FLOW_TAP_EDIT_FIELD,
	    FLOW_TAP_CHOICE, FLOW_TAP_SUBMIT,	   FLOW_TAP_CONSENT,
	    FLOW_TAP_LOOKUP, FLOW_TAP_CALL_PICKUP, FLOW_TAP_MORE_TIME,
	    FLOW_TAP_FINISH, FLOW_TAP_NONE,	   FLOW_TAP_COUNT,
	};

	(void)state;
	for (size_t i = 0; i < sizeof(stale) / sizeof(stale[0]); i++) {
		assert_false(tap(stale[i]));
		assert_int_equal(M()->scene, FLOW_SCENE_WELCOME);
		assert_int_equal(H.n_fx, 0);
	}
	/* A double fire of one tap: the second finds another screen. */
	tap(FLOW_TAP_REQUEST);
	assert_false(tap(FLOW_TAP_REQUEST));
	assert_int_equal(M()->scene, FLOW_SCENE_IDENTIFY);
	/* Form positions out of range. */
	to_review();
	assert_false(tap_i(FLOW_TAP_EDIT_FIELD, FLOW_FORM_COUNT));
	assert_false(tap_i(FLOW_TAP_EDIT_FIELD, -1));
	assert_int_equal(M()->scene, FLOW_SCENE_REVIEW);
	/* Results nobody asked for change nothing. */
	h_start();
	assert_false(submit_ok(3));
	assert_false(print_done(true, 3, FLOW_PRINTER_OK));
	assert_int_equal(M()->scene, FLOW_SCENE_WELCOME);
	assert_string_equal(M()->v.regno, "");
	/* Text for an input that is not on screen. */
	to_form();
	assert_false(text(FLOW_INPUT_REGNO, "X"));
	assert_false(text(FLOW_INPUT_FIELD, NULL));
}

static void test_effect_slot_wiped(void **state)
{
	struct flow_effect e;

	(void)state;
	tap(FLOW_TAP_CHECK_STATUS);
	text(FLOW_INPUT_REGNO, REGNO);
	text(FLOW_INPUT_LAST4, "0001");
	tap(FLOW_TAP_LOOKUP);
	/* The harness took the effect: the flow keeps no copy of it. */
	assert_non_null(fx_find(FLOW_FX_LOOKUP_STATUS));
	assert_false(flow_effect_next(&H.f, &e));
	for (int i = 0; i < FLOW_FX_MAX; i++)
		assert_int_equal(H.f.fx[i].type, FLOW_FX_NONE);
}

static void test_form_helpers(void **state)
{
	(void)state;
	for (int i = 0; i < FLOW_FORM_COUNT; i++)
		assert_int_equal(flow_form_pos(flow_form_field(i)), i);
	assert_int_equal(flow_form_pos(REQ_F_ID), -1);
	assert_int_equal(flow_form_field(-1), REQ_F_COUNT);
	assert_int_equal(flow_form_field(FLOW_FORM_COUNT), REQ_F_COUNT);
	assert_string_equal(flow_scene_name(FLOW_SCENE_COUNT), "?");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup(test_init_welcome, setup),
	    cmocka_unit_test_setup(test_printer_warning_before_start, setup),
	    cmocka_unit_test_setup(test_identify_typed_nik, setup),
	    cmocka_unit_test_setup(test_identify_typed_invalid, setup),
	    cmocka_unit_test_setup(test_identify_card_nik, setup),
	    cmocka_unit_test_setup(test_identify_card_mrz, setup),
	    cmocka_unit_test_setup(test_identify_card_invalid, setup),
	    cmocka_unit_test_setup(test_welcome_card_starts, setup),
	    cmocka_unit_test_setup(test_reader_state, setup),
	    cmocka_unit_test_setup(test_form_forward_and_back, setup),
	    cmocka_unit_test_setup(test_form_messages, setup),
	    cmocka_unit_test_setup(test_form_phone_or_email, setup),
	    cmocka_unit_test_setup(test_form_choices, setup),
	    cmocka_unit_test_setup(test_form_delivery_needs_contact, setup),
	    cmocka_unit_test_setup(test_form_text_cut_at_character, setup),
	    cmocka_unit_test_setup(test_review_lists_everything, setup),
	    cmocka_unit_test_setup(test_review_edit_returns, setup),
	    cmocka_unit_test_setup(test_consent_required, setup),
	    cmocka_unit_test_setup(test_submit_checks_everything, setup),
	    cmocka_unit_test_setup(test_submit_ok_and_print, setup),
	    cmocka_unit_test_setup(test_print_failed_keeps_number, setup),
	    cmocka_unit_test_setup(test_printer_down_at_submit, setup),
	    cmocka_unit_test_setup(test_print_never_answers, setup),
	    cmocka_unit_test_setup(test_submit_busy_retry, setup),
	    cmocka_unit_test_setup(test_submit_db_unusable, setup),
	    cmocka_unit_test_setup(test_idle_more_time_then_wipe, setup),
	    cmocka_unit_test_setup(test_idle_countdown_at_least_20s, setup),
	    cmocka_unit_test_setup(test_idle_everywhere_with_answers, setup),
	    cmocka_unit_test_setup(test_out_of_service_and_back, setup),
	    cmocka_unit_test_setup(test_fault_during_submit_keeps_number,
				   setup),
	    cmocka_unit_test_setup(test_fault_under_call_keeps_number, setup),
	    cmocka_unit_test_setup(test_wipe_cancels_queued_effects, setup),
	    cmocka_unit_test_setup(test_language_keeps_data, setup),
	    cmocka_unit_test_setup(test_stale_taps_ignored, setup),
	    cmocka_unit_test_setup(test_effect_slot_wiped, setup),
	    cmocka_unit_test_setup(test_form_helpers, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
