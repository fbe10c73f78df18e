// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * ppid-kiosk: the visitor's touchscreen program (notes/kiosk-cli.md).
 *
 * One thread, one loop (DESIGN section 6): poll() over the engine's fds
 * (card reader, call button, the print worker's eventfd, the database
 * watcher) with the smallest of the engine's deadline, the screen
 * blanking's and an SDL poll interval; then the engine's ready work, the
 * SDL events drained, taps and keys turned into flow events, and a redraw
 * only when the flow's model or the UI's own state changed.
 *
 * What wakes the loop for a touch (main_wake.c): SDL gives no file
 * descriptor to poll, but the connection it reads is there: the X11 or
 * Wayland socket of the display SDL opened; under KMSDRM (SDL reads evdev
 * inside SDL_PumpEvents) the loop opens the evdev nodes too and drops its
 * copy of each event.  So a touch wakes the loop at once, even on an idle
 * screen.  SDL is also pumped on a timer, short only while the visitor is
 * interacting (16 ms for 2 s after the last input, then 250 ms for 30 s,
 * then 1 s): for what SDL makes by itself, and where there is nothing to
 * poll.  On an idle welcome screen that is one wake-up per second.
 * (SDL_WaitEventTimeout is no help: on KMSDRM it pumps and sleeps 1 ms in
 * a loop; DESIGN section 6, TECH.md section 2.)
 *
 * Blanking ([kiosk] blank_s, kiosk_ui_blank.h): after blank_s on the
 * welcome (or out-of-service) screen without input the screen is drawn
 * black once and not redrawn while dark, whatever the state does; the
 * touch or key that wakes it presses nothing (ui/input.c); a card swipe or
 * the call button (a scene that needs the visitor) wakes it by itself.
 *
 * The video driver is SDL's choice (SDL_VIDEODRIVER overrides it): x11
 * under X, wayland in a Wayland session, kmsdrm on a Pi without a desktop;
 * the ready line names it and the renderer.
 */

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <SDL2/SDL.h>

#include "config.h"
#include "display.h"
#include "flow_view.h"
#include "font.h"
#include "input.h"
#include "kiosk.h"
#include "kiosk_demo.h"
#include "kiosk_ui.h"
#include "kiosk_ui_blank.h"
#include "log.h"
#include "main.h"
#include "render.h"
#include "sdnotify.h"
#include "textcache.h"

#define SDL_FAST_MS	16    /* pump SDL while interacting */
#define SDL_FAST_FOR_MS 2000  /* ...for this long after input */
#define SDL_MID_MS	250   /* then */
#define SDL_MID_FOR_MS	30000 /* ...for this long */
#define SDL_IDLE_MS	1000  /* idle */

struct app {
	struct kiosk *k;	    /* the engine */
	struct ui_display *d;	    /* window */
	struct ui_fonts *fonts;	    /* typeface */
	struct ui_textcache *tc;    /* text textures */
	struct ui_cmdlist *l;	    /* this frame */
	struct kiosk_ui *u;	    /* layout and UI state */
	struct flow_view view;	    /* what is on screen */
	bool redraw;		    /* the UI's own state changed */
	bool first;		    /* the first frame is not shown yet */
	const struct kiosk_opts *o; /* options */
	struct sdnotify sn;	    /* systemd: ready, watchdog */
};

static volatile sig_atomic_t stop;
static int trace_fd = -1; /* --trace-frames, -1 = off */

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

static int64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/*
 * --trace-frames FILE: one line per SDL input event received and per frame
 * presented, "input NS TYPE" / "present NS SCENE", NS the CLOCK_MONOTONIC
 * nanoseconds (for the benchmarks: tests/bench/kiosk.sh).  Off by default:
 * one test of an int per event then.
 */
static void trace(const char *what, const char *detail)
{
	struct timespec ts;
	char line[128];
	int n;

	if (trace_fd < 0)
		return;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	n = snprintf(line, sizeof(line), "%s %lld %s\n", what,
		     (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec, detail);
	if (n > 0 && write(trace_fd, line, (size_t)n) < 0)
		trace_fd = -1;
}

static const char *trace_input_name(Uint32 type)
{
	switch (type) {
	case SDL_FINGERDOWN:
		return "finger_down";
	case SDL_FINGERUP:
		return "finger_up";
	case SDL_MOUSEBUTTONDOWN:
		return "mouse_down";
	case SDL_MOUSEBUTTONUP:
		return "mouse_up";
	case SDL_KEYDOWN:
		return "key_down";
	case SDL_KEYUP:
		return "key_up";
	case SDL_TEXTINPUT:
		return "text";
	default:
		return NULL; /* not traced (motion, window events) */
	}
}

/* ---- the targets as JSON, written atomically ------------------------------ */

static int write_targets(struct app *a, const struct ui_scale *sc)
{
	char tmp[PATH_MAX];
	FILE *f;
	int rc;

	if (snprintf(tmp, sizeof(tmp), "%s.tmp", a->o->targets) >=
	    (int)sizeof(tmp))
		return -1;
	f = fopen(tmp, "w");
	if (!f) {
		log_err("targets %s: %s", tmp, strerror(errno));
		return -1;
	}
	rc = kiosk_ui_targets_json(a->u, &a->view, sc, f);
	if (fclose(f) != 0 || rc != 0 || rename(tmp, a->o->targets) != 0) {
		log_err("targets %s: %s", a->o->targets, strerror(errno));
		return -1;
	}
	return 0;
}

/* ---- the frame ---------------------------------------------------------------- */

static void layout(struct app *a)
{
	kiosk_view(a->k, &a->view);
	if (kiosk_ui_layout(a->u, &a->view, ui_display_scale(a->d), a->tc,
			    a->l) != 0)
		log_warn("kiosk: the %s screen did not lay out whole",
			 flow_scene_name(a->view.scene));
}

static void draw(struct app *a)
{
	const struct ui_scale *sc = ui_display_scale(a->d);
	SDL_Renderer *r = ui_display_renderer(a->d);

	layout(a);
	if (ui_display_begin(a->d) != 0)
		return;
	ui_render_execute(a->l, r, a->tc, sc);
	if (a->o->screenshot) {
		SDL_Surface *s = ui_display_read(a->d);

		if (s) {
			kiosk_write_png(a->o->screenshot, s);
			SDL_FreeSurface(s);
		}
	}
	ui_display_present(a->d);
	trace("present", flow_scene_name(a->view.scene));
	if (a->o->targets)
		write_targets(a, sc);
	if (a->first) {
		a->first = false;
		fprintf(stderr,
			"ppid-kiosk: ready (scene %s) video %s, renderer %s, "
			"rotate %d\n",
			flow_scene_name(a->view.scene),
			SDL_GetCurrentVideoDriver()
			    ? SDL_GetCurrentVideoDriver()
			    : "?",
			ui_display_renderer_name(a->d),
			(int)ui_rotation_degrees(ui_display_scale(a->d)->rot));
		sdnotify_ready(&a->sn, flow_scene_name(a->view.scene));
	}
}

/* The dark screen: black, once (and again only when the window system
 * lost it), the screenshot too. */
static void draw_blank(struct app *a)
{
	SDL_Renderer *r = ui_display_renderer(a->d);

	if (ui_display_begin(a->d) != 0 ||
	    SDL_SetRenderDrawColor(r, 0, 0, 0, 255) != 0 ||
	    SDL_RenderClear(r) != 0)
		return;
	if (a->o->screenshot) {
		SDL_Surface *s = ui_display_read(a->d);

		if (s) {
			kiosk_write_png(a->o->screenshot, s);
			SDL_FreeSurface(s);
		}
	}
	ui_display_present(a->d);
}

static void wipe_hook(void *ctx)
{
	struct app *a = ctx;

	kiosk_ui_wipe(a->u);
	ui_textcache_wipe(a->tc);
	ui_cmdlist_clear(a->l);
	a->redraw = true;
}

/* ---- the loop -------------------------------------------------------------------- */

static int min_timeout(int a, int64_t b)
{
	if (b < 0)
		return a;
	if (b > INT_MAX)
		b = INT_MAX;
	return a < 0 || b < a ? (int)b : a;
}

static void handle_sdl(struct app *a, struct ui_input *in, int64_t now,
		       int64_t *last_input)
{
	SDL_Event e;

	while (SDL_PollEvent(&e)) {
		struct ui_input_event ev;
		struct flow_event fev;
		const char *traced = trace_input_name(e.type);
		int r;

		if (traced)
			trace("input", traced);
		if (e.type == SDL_WINDOWEVENT) {
			if (e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
				ui_display_resize(a->d);
				a->redraw = true;
			} else if (e.window.event == SDL_WINDOWEVENT_EXPOSED) {
				a->redraw = true;
			}
			continue;
		}
		/* SDL_QUIT (the window manager's close, Alt+F4) is ignored:
		 * only SIGTERM / SIGINT end the kiosk. */
		if (!ui_input_feed(in, &e, now, &ev))
			continue;
		*last_input = now;
		r = kiosk_ui_input(a->u, &a->view, &ev, &fev);
		if (r & KIOSK_UI_EVENT) {
			fev.now_ms = now;
			fev.wall = 0;
			kiosk_feed(a->k, &fev);
		}
		if (r)
			a->redraw = true;
		/* The next event hits the screen as it is now. */
		if (r & KIOSK_UI_EVENT)
			layout(a);
	}
}

static int run(const struct kiosk_opts *o)
{
	static struct app a;
	struct config cfg;
	struct flow_config fc;
	struct kiosk_options ko;
	struct ui_display_cfg dc = {
	    .width = o->win_w,
	    .height = o->win_h,
	    .software = o->software,
	    .vsync = !o->software,
	    .title = "PPID Kiosk",
	};
	struct ui_input_cfg ic = {.blank_ms = 0, .slop = 24};
	struct ui_input in;
	struct kiosk_blank blank;
	bool dark = false, sdl_pending = false;
	struct kiosk_wake wake = {.display_fd = -1, .inotify_fd = -1};
	struct sigaction sa;
	sigset_t block, empty;
	const char *cpath = o->config ? o->config : getenv("PPID_CONFIG");
	int64_t now, last_input;
	int rc = 1;

	a.o = o;
	a.first = true;
	if (o->trace) {
		trace_fd = open(
		    o->trace, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
		if (trace_fd < 0) {
			fprintf(stderr, "ppid-kiosk: --trace-frames %s: %s\n",
				o->trace, strerror(errno));
			return 2;
		}
	}
	if (config_load(&cfg, cpath, stderr) < 0)
		return 2;
	/* --rotate overrides the configuration's. */
	dc.rot = o->rot_set ? o->rot : (enum ui_rotation)cfg.kiosk_rotate;
	ic.blank_ms = (int64_t)cfg.kiosk_blank_s * 1000;
	if (o->sim) {
		mkdir(o->run_dir, 0755);
		cfg.reader_backend = CONFIG_READER_SIM;
		cfg.gpio_backend = CONFIG_GPIO_SIM;
		snprintf(cfg.reader_fifo, sizeof(cfg.reader_fifo),
			 "%s/cardreader.fifo", o->run_dir);
		snprintf(cfg.gpio_fifo, sizeof(cfg.gpio_fifo), "%s/gpio.fifo",
			 o->run_dir);
	}
	flow_config_defaults(&fc);
	fc.office_name = cfg.office_name;
	fc.open_min = cfg.open_min;
	fc.close_min = cfg.close_min;
	fc.idle_ms = cfg.kiosk_idle_s * 1000;
	fc.idle_warn_ms = cfg.kiosk_idle_warn_s * 1000;
	if (o->lang >= 0)
		fc.default_lang = (enum lang)o->lang;
	memset(&ko, 0, sizeof(ko));
	ko.cfg = &cfg;
	ko.db_path = o->db;
	ko.flow = &fc;
	ko.keep_lang = o->lang >= 0;

	/* SIGTERM / SIGINT: blocked but while poll() waits (ppoll), so one
	 * cannot slip in between the check and the wait. */
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigemptyset(&block);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGINT);
	sigprocmask(SIG_BLOCK, &block, NULL);
	sigemptyset(&empty);

	SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
	if (o->software)
		SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
	a.d = ui_display_open(&dc);
	if (!a.d)
		return 1;
	trace("renderer", ui_display_renderer_name(a.d));
	if (!o->win_w) {
		SDL_Window *w = SDL_RenderGetWindow(ui_display_renderer(a.d));

		/* Fullscreen: the window keeps the keyboard (Alt+Tab and
		 * the like go to the kiosk, which ignores them). */
		SDL_SetHint(SDL_HINT_GRAB_KEYBOARD, "1");
		if (w)
			SDL_SetWindowKeyboardGrab(w, SDL_TRUE);
	}
	a.fonts = ui_fonts_new(NULL, NULL);
	a.tc = a.fonts
		   ? ui_textcache_new(ui_display_renderer(a.d), a.fonts, 0, 0)
		   : NULL;
	a.l = ui_cmdlist_new(CMDS_MAX, CMD_TEXT_BYTES);
	a.u = kiosk_ui_new();
	if (!a.tc || !a.l || !a.u) {
		log_err("kiosk: cannot start the UI (fonts or memory)");
		goto out;
	}
	now = now_ms();
	a.k = kiosk_open(&ko, now);
	if (!a.k) {
		log_err("kiosk: cannot start: %s", strerror(errno));
		goto out;
	}
	kiosk_set_wipe_hook(a.k, wipe_hook, &a);
	ui_input_init(&in, &ic, ui_display_scale(a.d), now);
	kiosk_blank_init(&blank, &in);
	kiosk_blank_step(&blank, kiosk_model(a.k)->scene, now);
	SDL_StartTextInput();
	last_input = now - SDL_MID_FOR_MS;
	sdnotify_init(&a.sn, now);
	if (kiosk_wake_open(&wake,
			    SDL_RenderGetWindow(ui_display_renderer(a.d)),
			    NULL) != 0)
		log_warn("kiosk: nothing to wake on a touch; SDL is polled "
			 "every %d ms when idle",
			 SDL_IDLE_MS);
	draw(&a);

	while (!stop) {
		struct pollfd p[KIOSK_N_POLLFDS + KIOSK_WAKE_MAX];
		int n = kiosk_pollfds(a.k, p), t;
		int nw = kiosk_wake_pollfds(&wake, p + n, KIOSK_WAKE_MAX);
		int64_t since;
		struct timespec ts, *tsp = NULL;

		now = now_ms();
		since = now - last_input;
		t = kiosk_timeout_ms(a.k, now);
		t = min_timeout(t, kiosk_blank_timeout_ms(&blank, now));
		t = min_timeout(t, sdnotify_timeout_ms(&a.sn, now));
		t = min_timeout(t, since < SDL_FAST_FOR_MS  ? SDL_FAST_MS
				   : since < SDL_MID_FOR_MS ? SDL_MID_MS
							    : SDL_IDLE_MS);
		if (sdl_pending)
			t = 0;
		if (t >= 0) {
			ts.tv_sec = t / 1000;
			ts.tv_nsec = (long)(t % 1000) * 1000000L;
			tsp = &ts;
		}
		if (ppoll(p, (nfds_t)(n + nw), tsp, &empty) < 0 &&
		    errno != EINTR)
			log_warn("kiosk: poll: %s", strerror(errno));
		if (stop)
			break;
		now = now_ms();
		kiosk_handle_ready(a.k, p, now);
		kiosk_wake_ready(&wake, p + n, nw);
		sdl_pending = false;
		handle_sdl(&a, &in, now, &last_input);
		if (kiosk_blank_step(&blank, kiosk_model(a.k)->scene, now) ==
		    KIOSK_BLANK_WOKE)
			a.redraw = true;
		if (kiosk_exit_asked(a.k))
			break; /* the maintenance menu's exit (logged) */
		if (ui_input_blanked(&in)) {
			/* Dark: the state changes, the screen does not. */
			kiosk_dirty(a.k);
			if (!dark || a.redraw)
				draw_blank(&a);
			if (!dark)
				fprintf(stderr, "ppid-kiosk: screen dark\n");
			dark = true;
			a.redraw = false;
			continue;
		}
		if (dark) {
			fprintf(stderr, "ppid-kiosk: screen on\n");
			dark = false;
			a.redraw = true;
		}
		if (kiosk_dirty(a.k) || a.redraw) {
			a.redraw = false;
			draw(&a);
			/* Presenting may have read input off the display's
			 * socket into SDL's queue: then the socket stays
			 * quiet, so look now rather than at the timer. */
			SDL_PumpEvents();
			sdl_pending =
			    SDL_HasEvents(SDL_FIRSTEVENT, SDL_LASTEVENT);
		}
		/* A turn of the loop completed: the kiosk is alive. */
		sdnotify_tick(&a.sn, now_ms());
	}
	sdnotify_stopping(&a.sn);
	rc = 0;
out:
	kiosk_wake_close(&wake);
	kiosk_close(a.k);
	kiosk_ui_free(a.u);
	ui_cmdlist_free(a.l);
	ui_textcache_free(a.tc);
	ui_fonts_free(a.fonts);
	ui_display_close(a.d);
	SDL_Quit();
	if (trace_fd >= 0)
		close(trace_fd);
	return rc;
}

int main(int argc, char **argv)
{
	struct kiosk_opts o;

	if (kiosk_opts_parse(argc, argv, &o) != 0)
		return 2;
	if (o.screens)
		return kiosk_screens(o.screens);
	return run(&o);
}
