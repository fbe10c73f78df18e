// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * RSS growth of the kiosk over scripted visitor flows: the kiosk's engine
 * (kiosk.h: the flow, its queue connection on a real database, the print
 * worker rendering each receipt, the devices in simulation) and its
 * screens (kiosk_ui_layout, the text cache, ui_render_execute into SDL's
 * software renderer at 800x480, a frame whenever the engine says dirty,
 * the wipe hook of main.c), driven through whole visits: welcome ->
 * identify (typed NIK) -> the nine questions -> review -> submit (committed)
 * -> the print outcome -> done -> finish (wipe) -> welcome.  Not in it: X11
 * and SDL's window and input (see tests/bench/kiosk.sh for the real
 * program), the UI's own text editing (taps and text go to the engine as
 * flow events).
 *
 * The receipt printer is PPID_BENCH_FLOW_PRINTER (default
 * "ppid-bench-none", a queue no cupsd has): each receipt is rendered, then
 * refused at once, so 1,000 visits do not wait for 1,000 print jobs; the
 * done screen shows its "not printed" variant.
 *
 *   bench_kiosk_flows [--quick]    1,100 visits (--quick: 3), VmRSS read
 *                                  after visit 100 (1) and after the last
 * Prints table rows "| what | value | unit |".
 */

#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kiosk.h"
#include "kiosk_ui.h"
#include "log.h"
#include "render.h"
#include "textcache.h"

#define NIK   "3201015708900001" /* synthetic (TECH.md section 6) */
#define BOUND 30000		 /* ms: a visit that never ends */

struct bench {
	struct kiosk *k;	 /* the engine */
	struct kiosk_ui *u;	 /* the screens */
	struct ui_textcache *tc; /* their text */
	struct ui_cmdlist *l;	 /* a frame */
	SDL_Renderer *r;	 /* software, on a surface */
	struct ui_scale sc;	 /* 800x480 */
	struct flow_view view;	 /* on screen */
	long frames;		 /* drawn */
};

static const char *const answers[] = {
    "Ni Luh Putu Ayu D'Sulastri",
    "Jl. Pembangunan No. 11, Bengkulu",
    "Wiraswasta",
    "0812 3456 7890",
    "ayu@contoh.id",
    "Salinan keputusan penetapan DPT",
    "Penelitian skripsi",
};

/* fontconfig's lifetime cache (see test_printer.c); ASan builds only. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libfontconfig.so\n";
}

static int64_t mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static long status_kib(const char *key)
{
	char line[256];
	long v = -1;
	size_t n = strlen(key);
	FILE *f = fopen("/proc/self/status", "r");

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (strncmp(line, key, n) == 0 && line[n] == ':')
			v = strtol(line + n + 1, NULL, 10);
	fclose(f);
	return v;
}

static void frame(struct bench *b)
{
	SDL_Color bg = ui_palette(UI_COLOR_BG);

	kiosk_view(b->k, &b->view);
	kiosk_ui_layout(b->u, &b->view, &b->sc, b->tc, b->l);
	SDL_SetRenderDrawColor(b->r, bg.r, bg.g, bg.b, 255);
	SDL_RenderClear(b->r);
	ui_render_execute(b->l, b->r, b->tc, &b->sc);
	SDL_RenderFlush(b->r);
	b->frames++;
}

static void redraw_if_dirty(struct bench *b)
{
	if (kiosk_dirty(b->k))
		frame(b);
}

static void feed(struct bench *b, struct flow_event ev)
{
	ev.now_ms = mono_ms();
	kiosk_feed(b->k, &ev);
	redraw_if_dirty(b);
}

static void tap(struct bench *b, enum flow_tap t, int index)
{
	feed(b, (struct flow_event){
		    .type = FLOW_EVT_TAP, .tap = t, .index = index});
}

static void text(struct bench *b, enum flow_input in, const char *s)
{
	feed(b, (struct flow_event){
		    .type = FLOW_EVT_TEXT, .input = in, .text = s});
}

/* The engine's loop (as main.c's, without SDL) until the receipt's fate
 * is known; false after BOUND ms. */
static bool until_printed(struct bench *b)
{
	int64_t end = mono_ms() + BOUND;

	while (kiosk_model(b->k)->print == FLOW_PRINT_PRINTING) {
		struct pollfd p[KIOSK_N_POLLFDS];
		int64_t now = mono_ms();
		int t;

		if (now >= end)
			return false;
		kiosk_pollfds(b->k, p);
		t = kiosk_timeout_ms(b->k, now);
		if (t < 0 || t > 200)
			t = 200;
		poll(p, KIOSK_N_POLLFDS, t);
		kiosk_handle_ready(b->k, p, mono_ms());
		redraw_if_dirty(b);
	}
	return true;
}

/* One whole visit; false when it did not end on the welcome screen. */
static bool visit(struct bench *b)
{
	tap(b, FLOW_TAP_REQUEST, 0);
	text(b, FLOW_INPUT_ID, NIK);
	tap(b, FLOW_TAP_NEXT, 0);
	for (size_t i = 0; i < sizeof(answers) / sizeof(answers[0]); i++) {
		text(b, FLOW_INPUT_FIELD, answers[i]);
		tap(b, FLOW_TAP_NEXT, 0);
	}
	tap(b, FLOW_TAP_CHOICE, REQ_OBTAIN_SOFTCOPY);
	tap(b, FLOW_TAP_CHOICE, REQ_DELIVERY_EMAIL);
	if (kiosk_model(b->k)->scene != FLOW_SCENE_REVIEW)
		return false;
	tap(b, FLOW_TAP_CONSENT, 0);
	tap(b, FLOW_TAP_TRUTH, 0);
	tap(b, FLOW_TAP_SUBMIT, 0);
	if (kiosk_model(b->k)->scene != FLOW_SCENE_DONE || !until_printed(b))
		return false;
	tap(b, FLOW_TAP_FINISH, 0);
	return kiosk_model(b->k)->scene == FLOW_SCENE_WELCOME;
}

static void wipe_hook(void *ctx)
{
	struct bench *b = ctx;

	kiosk_ui_wipe(b->u);
	ui_textcache_wipe(b->tc);
	ui_cmdlist_clear(b->l);
}

static void row(const char *what, double v, int decimals, const char *unit)
{
	char num[32];

	snprintf(num, sizeof(num), "%.*f", decimals, v);
	printf("| %-44s | %12s | %-9s |\n", what, num, unit);
}

int main(int argc, char **argv)
{
	static struct bench b;
	struct config cfg;
	struct kiosk_options ko = {.create_db = true,
				   .printer_poll_ms = 60000,
				   .retry_min_ms = 100,
				   .retry_max_ms = 400};
	struct ui_fonts *fonts;
	SDL_Surface *surf;
	char dir[] = "/tmp/ppidflows.XXXXXX", db[64], cmd[96];
	const char *prn = getenv("PPID_BENCH_FLOW_PRINTER");
	bool quick = argc > 1 && strcmp(argv[1], "--quick") == 0;
	int first = quick ? 1 : 100, last = quick ? 3 : 1100, done = 0;
	long rss_first = -1, rss_last = -1;
	char what[64];
	int64_t t0;

	log_set_level(LOG_LEVEL_ERROR);
	if (!mkdtemp(dir))
		return 1;
	snprintf(db, sizeof(db), "%s/queue.db", dir);
	config_defaults(&cfg);
	snprintf(cfg.office_name, sizeof(cfg.office_name),
		 "PPID Komisi Pemilihan Umum Kota Bengkulu");
	snprintf(cfg.db_path, sizeof(cfg.db_path), "%s", db);
	snprintf(cfg.receipt_printer, sizeof(cfg.receipt_printer), "%s",
		 prn && *prn ? prn : "ppid-bench-none");
	cfg.reader_backend = CONFIG_READER_SIM;
	snprintf(cfg.reader_fifo, sizeof(cfg.reader_fifo), "%s/reader.fifo",
		 dir);
	cfg.gpio_backend = CONFIG_GPIO_SIM;
	snprintf(cfg.gpio_fifo, sizeof(cfg.gpio_fifo), "%s/button.fifo", dir);
	cfg.receipt_timeout_s = 20;
	ko.cfg = &cfg;

	ui_scale_init(&b.sc, 800, 480, UI_ROT_0);
	surf = SDL_CreateRGBSurfaceWithFormat(0, b.sc.canvas_w, b.sc.canvas_h,
					      32, SDL_PIXELFORMAT_ARGB8888);
	b.r = surf ? SDL_CreateSoftwareRenderer(surf) : NULL;
	fonts = ui_fonts_new(NULL, NULL);
	b.tc = b.r && fonts ? ui_textcache_new(b.r, fonts, 0, 0) : NULL;
	b.l = ui_cmdlist_new(1024, 64 * 1024);
	b.u = kiosk_ui_new();
	b.k = b.tc && b.l && b.u ? kiosk_open(&ko, mono_ms()) : NULL;
	if (!b.k) {
		printf("| %-44s | %12s | %-9s |\n", "kiosk flows: cannot start",
		       "-", "failed");
		return 1;
	}
	kiosk_set_wipe_hook(b.k, wipe_hook, &b);
	frame(&b);
	t0 = mono_ms();
	for (done = 0; done < last; done++) {
		if (!visit(&b))
			break;
		if (done + 1 == first)
			rss_first = status_kib("VmRSS");
	}
	rss_last = status_kib("VmRSS");
	if (done < last) {
		printf("| kiosk flows: visit %-25d | %12s | %-9s |\n", done + 1,
		       flow_scene_name(kiosk_model(b.k)->scene), "stuck");
	} else {
		snprintf(what, sizeof(what),
			 "kiosk RSS after visit %d (software)", first);
		row(what, (double)rss_first / 1024, 2, "MiB");
		snprintf(what, sizeof(what),
			 "kiosk RSS after visit %d (software)", last);
		row(what, (double)rss_last / 1024, 2, "MiB");
		snprintf(what, sizeof(what),
			 "RSS growth, visits %d..%d (goal <= 1 MiB)", first,
			 last);
		row(what, (double)(rss_last - rss_first) / 1024, 3, "MiB");
		row("kiosk visit, engine+DB+UI (software)",
		    (double)(mono_ms() - t0) / last, 1, "ms/visit");
		row("kiosk peak RSS of the flows (VmHWM)",
		    (double)status_kib("VmHWM") / 1024, 2, "MiB");
	}
	kiosk_close(b.k);
	kiosk_ui_free(b.u);
	ui_cmdlist_free(b.l);
	ui_textcache_free(b.tc);
	ui_fonts_free(fonts);
	SDL_DestroyRenderer(b.r);
	SDL_FreeSurface(surf);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		return 1;
	return done < last;
}
