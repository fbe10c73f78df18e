// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * How long a receipt takes to become PDF bytes, next to the floor: a bare
 * one-page cairo PDF with one line of pango text, rendered in the same run.
 * With CUPS_SERVER and PPID_BENCH_QUEUE set (e.g. the private cupsd of
 * tests/lib/cupsd.sh and its "testpdf" queue), also the time from submit to
 * the scheduler accepting the job.  Prints table rows "| what | value | unit |".
 */

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "document.h"
#include "log.h"
#include "printer.h"

#define REGNO "0042/PPID/KPU-BKL/XI/2026"

struct sink {
	size_t len; /* bytes written */
};

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void row(const char *what, double value, const char *unit)
{
	printf("| %s | %.2f | %s |\n", what, value, unit);
}

static cairo_status_t sink_write(void *closure, const unsigned char *data,
				 unsigned int length)
{
	struct sink *s = closure;

	(void)data;
	s->len += length;
	return CAIRO_STATUS_SUCCESS;
}

/*
 * The floor: one page, one line of text, same settings; with @p both_fonts
 * a second line in the regular face, so both fonts the receipt uses are
 * subset and embedded.
 */
static size_t bare_pdf(bool both_fonts)
{
	struct sink s = {0};
	cairo_surface_t *surf =
	    cairo_pdf_surface_create_for_stream(sink_write, &s, 226.77, 100);
	cairo_t *cr = cairo_create(surf);
	PangoLayout *l = pango_cairo_create_layout(cr);
	PangoFontDescription *fd =
	    pango_font_description_from_string("DejaVu Sans Bold 12");

	pango_cairo_context_set_resolution(pango_layout_get_context(l), 72);
	pango_context_set_round_glyph_positions(pango_layout_get_context(l),
						FALSE);
	pango_layout_set_font_description(l, fd);
	pango_layout_set_text(l, "Tanda Terima " REGNO, -1);
	cairo_move_to(cr, 11, 11);
	pango_cairo_show_layout(cr, l);
	if (both_fonts) {
		PangoFontDescription *reg =
		    pango_font_description_from_string("DejaVu Sans 9");

		pango_layout_set_font_description(l, reg);
		pango_layout_set_text(l, "Permohonan Informasi Publik", -1);
		cairo_move_to(cr, 11, 40);
		pango_cairo_show_layout(cr, l);
		pango_font_description_free(reg);
	}
	cairo_show_page(cr);
	pango_font_description_free(fd);
	g_object_unref(l);
	cairo_destroy(cr);
	cairo_surface_finish(surf);
	cairo_surface_destroy(surf);
	return s.len;
}

static struct doc_receipt receipt(void)
{
	struct doc_receipt r = {
	    .lang = LANG_ID,
	    .paper_mm = 80,
	    .office_name = "KPU Provinsi Bengkulu",
	    .office_address = "Jl. Pembangunan No. 11, Padang Harapan, "
			      "Kota Bengkulu",
	    .office_hours = "Senin-Jumat 08.00-16.00 WIB",
	    .regno = REGNO,
	    .received = "27 November 2026 10:15 WIB",
	    .name = "Ni Luh Putu Ayu S\u00e9la",
	    .id_masked = "1771********0001",
	    .info = "Salinan keputusan penetapan daftar pemilih tetap "
		    "Kabupaten Rejang Lebong beserta rekapitulasinya.",
	    .channel = "Kiosk",
	    .deadline = "11 Desember 2026",
	    .qr_payload = "PPID1|" REGNO "|ABCDEFGHJK",
	};
	return r;
}

static void bench_cups(const struct doc_buf *pdf)
{
	const char *server = getenv("CUPS_SERVER");
	const char *queue = getenv("PPID_BENCH_QUEUE");
	struct printer_status st;
	struct printer *p;
	const int n = 10;
	double t0, total = 0;
	int id;

	if (!server || !*server || !queue || !*queue) {
		printf("| CUPS submit to accepted | skipped | set CUPS_SERVER "
		       "and PPID_BENCH_QUEUE |\n");
		return;
	}
	p = printer_cups_open(NULL, queue, 2000);
	if (!p || printer_status(p, &st) < 0 ||
	    !printer_state_can_print(st.state)) {
		printf("| CUPS submit to accepted | skipped | queue %s: %s |\n",
		       queue, p ? printer_state_text(st.state, true) : "?");
		printer_close(p);
		return;
	}
	for (int i = 0; i < n; i++) {
		t0 = now_ms();
		if (printer_submit(p, pdf->data, pdf->len, REGNO, "Roll80", &id,
				   NULL) < 0) {
			printf("| CUPS submit to accepted | failed | %s |\n",
			       printer_errmsg(p));
			printer_close(p);
			return;
		}
		total += now_ms() - t0;
	}
	row("CUPS submit to accepted (status check + job), mean", total / n,
	    "ms");
	printer_close(p);
}

int main(void)
{
	struct doc_receipt r = receipt();
	struct doc_buf b = {0};
	double t0, cold, receipt_ms, bare_ms, bare2_ms, letter_ms;
	size_t bare_len = 0;
	int n = 0;

	log_set_level(LOG_LEVEL_WARN);
	/* The first render loads fontconfig and the fonts: shown apart. */
	t0 = now_ms();
	if (document_render_receipt(&r, &b) < 0)
		return 1;
	cold = now_ms() - t0;
	bare_pdf(true);

	/* Interleave them so all see the same machine state. */
	receipt_ms = bare_ms = bare2_ms = 0;
	for (double start = now_ms(); now_ms() - start < 3000 && n < 400; n++) {
		t0 = now_ms();
		if (document_render_receipt(&r, &b) < 0)
			return 1;
		receipt_ms += now_ms() - t0;
		t0 = now_ms();
		bare_len = bare_pdf(false);
		bare_ms += now_ms() - t0;
		t0 = now_ms();
		bare_pdf(true);
		bare2_ms += now_ms() - t0;
	}
	receipt_ms /= n;
	bare_ms /= n;
	bare2_ms /= n;

	{
		struct doc_notification nt = {
		    .office_name = "Komisi Pemilihan Umum Provinsi Bengkulu",
		    .office_city = "Bengkulu",
		    .letter_number = "015/PPID/KPU-BKL/XII/2026",
		    .letter_date = "8 Desember 2026",
		    .regno = REGNO,
		    .request_date = "27 November 2026",
		    .name = "Ni Luh Putu Ayu S\u00e9la",
		    .id_masked = "1771********0001",
		    .info = "Salinan keputusan penetapan daftar pemilih.",
		    .decision = "granted",
		    .ppid_name = "Drs. Contoh Nama, M.Si.",
		};
		struct doc_buf lb = {0};
		const int m = 20;

		t0 = now_ms();
		for (int i = 0; i < m; i++)
			if (document_render_notification(&nt, &lb) < 0)
				return 1;
		letter_ms = (now_ms() - t0) / m;
		document_buf_free(&lb);
	}

	row("receipt PDF render, first (fonts loaded)", cold, "ms");
	row("receipt PDF render, mean", receipt_ms, "ms");
	row("bare one-line cairo PDF, mean", bare_ms, "ms");
	row("receipt / bare ratio (goal <= 2)", receipt_ms / bare_ms, "x");
	row("bare PDF with both faces (regular + bold), mean", bare2_ms, "ms");
	row("receipt / both-faces ratio", receipt_ms / bare2_ms, "x");
	printf("| renders averaged | %d | each |\n", n);
	row("receipt PDF size", (double)b.len / 1024.0, "KiB");
	row("bare PDF size", (double)bare_len / 1024.0, "KiB");
	row("A4 notification PDF render, mean", letter_ms, "ms");
	bench_cups(&b);
	document_buf_free(&b);
	return 0;
}
