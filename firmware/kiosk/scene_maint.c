// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The maintenance menu, behind the PIN: a printer test page (through the
 * print worker; the result shown here), the card reader test, the button
 * and LED test, the default language (kept by the engine) and exit (the
 * program ends with status 0).  "Close" returns to the screen a visitor
 * starts from.  The engine logs every action.
 */

#include "flow_internal.h"

static const struct text txt_title = {"Menu Pemeliharaan", "Maintenance menu"};
static const struct text txt_test_page = {"Cetak halaman uji",
					  "Print a test page"};
static const struct text txt_reader = {"Tes pembaca kartu", "Card reader test"};
static const struct text txt_button = {"Tes tombol dan lampu",
				       "Button and LED test"};
static const struct text txt_lang_id = {"Bahasa awal: Indonesia",
					"Default language: Indonesian"};
static const struct text txt_lang_en = {"Bahasa awal: Inggris",
					"Default language: English"};
static const struct text txt_exit = {"Keluar dari program kiosk",
				     "Exit the kiosk program"};
static const struct text txt_close = {"Tutup menu", "Close the menu"};
static const struct text txt_printer = {"Printer", "Printer"};
static const struct text txt_page = {"Halaman uji", "Test page"};
static const struct text txt_reader_line = {"Pembaca kartu", "Card reader"};
static const struct text txt_db = {"Basis data", "Database"};
static const struct text txt_ok = {"siap", "ready"};
static const struct text txt_down = {"tidak dapat dipakai", "not usable"};
static const struct text txt_connected = {"terhubung", "connected"};
static const struct text txt_absent = {"tidak terhubung", "not connected"};
static const struct text txt_printing = {"sedang dicetak...", "printing..."};
static const struct text txt_printed = {"sudah dicetak", "printed"};
static const struct text txt_failed = {"gagal dicetak", "not printed"};
static const struct text txt_exiting = {"Program kiosk sedang diakhiri...",
					"The kiosk program is ending..."};

static const struct text txt_printer_state[FLOW_PRINTER_COUNT] = {
    [FLOW_PRINTER_OK] = {"siap", "ready"},
    [FLOW_PRINTER_NO_PAPER] = {"kertas habis", "out of paper"},
    [FLOW_PRINTER_OFFLINE] = {"tidak tersedia (mati, terlepas atau CUPS "
			      "berhenti)",
			      "not available (off, unplugged or CUPS down)"},
    [FLOW_PRINTER_FAULT] = {"gangguan", "a fault"},
};

bool flow_maint_scene(enum flow_scene s)
{
	return s == FLOW_SCENE_MAINT_PIN || s == FLOW_SCENE_MAINT ||
	       s == FLOW_SCENE_MAINT_READER || s == FLOW_SCENE_MAINT_BUTTON;
}

void flow_maint_printed(struct flow *f, const struct flow_event *ev)
{
	if (f->m.maint.page != FLOW_TEST_PAGE_PRINTING)
		return;
	f->m.maint.page = ev->ok ? FLOW_TEST_PAGE_DONE : FLOW_TEST_PAGE_FAILED;
	f->m.maint.page_printer =
	    !ev->ok && (unsigned)ev->printer < FLOW_PRINTER_COUNT &&
		    ev->printer != FLOW_PRINTER_OK
		? ev->printer
		: FLOW_PRINTER_FAULT;
	f->changed = true;
}

void scene_maint_on_enter(struct flow *f)
{
	(void)f;
}

static void set_lang(struct flow *f, enum lang lang)
{
	struct flow_effect fx = {.type = FLOW_FX_MAINT_LANG, .lang = lang};

	f->cfg.default_lang = lang;
	f->m.lang = lang;
	f->changed = true;
	flow_fx(f, &fx);
}

static void item(struct flow *f, int index)
{
	switch (index) {
	case FLOW_MAINT_TEST_PAGE:
		if (f->m.maint.page == FLOW_TEST_PAGE_PRINTING)
			return;
		f->m.maint.page = FLOW_TEST_PAGE_PRINTING;
		f->changed = true;
		flow_fx(f,
			&(struct flow_effect){.type = FLOW_FX_MAINT_TEST_PAGE});
		return;
	case FLOW_MAINT_READER:
		flow_scene_next(f, FLOW_SCENE_MAINT_READER);
		return;
	case FLOW_MAINT_BUTTON:
		flow_scene_next(f, FLOW_SCENE_MAINT_BUTTON);
		return;
	case FLOW_MAINT_LANG_ID:
		set_lang(f, LANG_ID);
		return;
	case FLOW_MAINT_LANG_EN:
		set_lang(f, LANG_EN);
		return;
	case FLOW_MAINT_EXIT:
		f->m.maint.exiting = true;
		f->changed = true;
		flow_fx(f, &(struct flow_effect){.type = FLOW_FX_MAINT_EXIT});
		return;
	default:
		return;
	}
}

bool scene_maint_on_event(struct flow *f, const struct flow_event *ev)
{
	if (ev->type == FLOW_EVT_CARD)
		return true; /* the reader test takes reads, not the menu */
	if (ev->type != FLOW_EVT_TAP)
		return false;
	if (ev->tap == FLOW_TAP_BACK) {
		flow_scene_home(f);
		return true;
	}
	if (ev->tap != FLOW_TAP_MAINT_ITEM)
		return false;
	item(f, ev->index);
	return true;
}

void scene_maint_on_exit(struct flow *f)
{
	(void)f;
}

static const struct text *page_text(const struct flow_maint *m)
{
	switch (m->page) {
	case FLOW_TEST_PAGE_PRINTING:
		return &txt_printing;
	case FLOW_TEST_PAGE_DONE:
		return &txt_printed;
	case FLOW_TEST_PAGE_FAILED:
		return &txt_failed;
	default:
		return NULL;
	}
}

void scene_maint_view(const struct flow *f, struct flow_view *v)
{
	const struct flow_maint *m = &f->m.maint;
	enum flow_printer p = (unsigned)f->m.printer < FLOW_PRINTER_COUNT
				  ? f->m.printer
				  : FLOW_PRINTER_FAULT;
	struct flow_view_button *b;

	v->title = view_text(v, &txt_title);
	if (m->exiting)
		view_line(v, NULL, view_text(v, &txt_exiting),
			  FLOW_LINE_WARNING);
	view_line(v, view_text(v, &txt_printer),
		  view_text(v, &txt_printer_state[p]),
		  p == FLOW_PRINTER_OK ? FLOW_LINE_BODY : FLOW_LINE_WARNING);
	if (page_text(m))
		view_line(
		    v, view_text(v, &txt_page),
		    m->page == FLOW_TEST_PAGE_FAILED
			? view_fmt(
			      v, "%s: %s", view_text(v, page_text(m)),
			      view_text(v, &txt_printer_state[m->page_printer]))
			: view_text(v, page_text(m)),
		    m->page == FLOW_TEST_PAGE_FAILED ? FLOW_LINE_WARNING
						     : FLOW_LINE_BODY);
	view_line(v, view_text(v, &txt_reader_line),
		  view_text(v, f->m.reader_ok ? &txt_connected : &txt_absent),
		  FLOW_LINE_SMALL);
	view_line(v, view_text(v, &txt_db),
		  view_text(v, f->m.db_ok ? &txt_ok : &txt_down),
		  f->m.db_ok ? FLOW_LINE_SMALL : FLOW_LINE_WARNING);
	view_button(v, FLOW_TAP_MAINT_ITEM, FLOW_MAINT_TEST_PAGE,
		    &txt_test_page);
	view_button(v, FLOW_TAP_MAINT_ITEM, FLOW_MAINT_READER, &txt_reader);
	view_button(v, FLOW_TAP_MAINT_ITEM, FLOW_MAINT_BUTTON, &txt_button);
	b = view_button(v, FLOW_TAP_MAINT_ITEM, FLOW_MAINT_LANG_ID,
			&txt_lang_id);
	b->selected = f->cfg.default_lang == LANG_ID;
	b = view_button(v, FLOW_TAP_MAINT_ITEM, FLOW_MAINT_LANG_EN,
			&txt_lang_en);
	b->selected = f->cfg.default_lang == LANG_EN;
	view_button(v, FLOW_TAP_MAINT_ITEM, FLOW_MAINT_EXIT, &txt_exit);
	b = view_button(v, FLOW_TAP_BACK, 0, &txt_close);
	b->primary = true;
	view_button(v, FLOW_TAP_LANG, 0, &flow_txt_lang);
}
