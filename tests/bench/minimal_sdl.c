// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The yardstick of the kiosk's benchmarks (tests/bench/kiosk.sh): the least
 * a plain SDL2 + SDL2_ttf program does to show a welcome screen like the
 * kiosk's (a title, three large buttons with text, Noto Sans), with the
 * kiosk's colours and text sizes, and no library of the project.
 *
 *   minimal-sdl [--windowed WxH] [--trace FILE] [--software]
 *       a window (renderer: SDL's accelerated one with vsync, as the
 *       kiosk's default; --software: SDL's software renderer); after the
 *       first frame is presented it writes "renderer NS NAME" and
 *       "present NS welcome" to FILE (NS: CLOCK_MONOTONIC nanoseconds, the
 *       kiosk's --trace-frames format) and "minimal-sdl: ready" to stderr,
 *       then waits for events (redraws on expose) until SIGTERM.
 *   minimal-sdl --redraws N
 *       no window: the same screen into SDL's software renderer on an
 *       800x480 surface, N full redraws with the text textures cached;
 *       prints "redraw_ms X" (CPU per redraw) and "renderer software".
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <SDL2/SDL.h>
#include <SDL2/SDL_ttf.h>

#define FONT_DIR "/usr/share/fonts/truetype/noto/"
#define N_TEXT	 4

struct screen {
	SDL_Texture *tex[N_TEXT]; /* title, then the buttons' labels */
	SDL_Rect box[N_TEXT];	  /* where each goes */
	int w, h;		  /* output size */
};

static const char *const words[N_TEXT] = {
    "PPID Komisi Pemilihan Umum Kota Bengkulu",
    "Ajukan Permohonan Informasi",
    "Cek Status / Ambil Dokumen",
    "Panggil Petugas",
};

static long long mono_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static double cpu_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Text textures, made once (the program's text cache). */
static int prepare(struct screen *s, SDL_Renderer *r, int w, int h)
{
	TTF_Font *title =
	    TTF_OpenFont(FONT_DIR "NotoSans-Bold.ttf", 52 * h / 480);
	TTF_Font *body =
	    TTF_OpenFont(FONT_DIR "NotoSans-Regular.ttf", 36 * h / 480);
	int rc = -1;

	s->w = w;
	s->h = h;
	if (!title || !body) {
		fprintf(stderr, "minimal-sdl: font: %s\n", TTF_GetError());
		goto out;
	}
	for (int i = 0; i < N_TEXT; i++) {
		SDL_Color c = i ? (SDL_Color){0xff, 0xff, 0xff, 0xff}
				: (SDL_Color){0x17, 0x20, 0x2a, 0xff};
		SDL_Surface *t =
		    TTF_RenderUTF8_Blended(i ? body : title, words[i], c);

		if (!t)
			goto out;
		s->tex[i] = SDL_CreateTextureFromSurface(r, t);
		s->box[i] = (SDL_Rect){(w - t->w) / 2,
				       i ? h * (60 + 130 * i) / 480 - t->h / 2
					 : h * 20 / 480,
				       t->w, t->h};
		SDL_FreeSurface(t);
		if (!s->tex[i])
			goto out;
	}
	rc = 0;
out:
	if (title)
		TTF_CloseFont(title);
	if (body)
		TTF_CloseFont(body);
	return rc;
}

/* One full redraw: background, three buttons, four texts. */
static void draw(const struct screen *s, SDL_Renderer *r)
{
	SDL_SetRenderDrawColor(r, 0xf3, 0xf5, 0xf8, 0xff);
	SDL_RenderClear(r);
	for (int i = 1; i < N_TEXT; i++) {
		SDL_Rect b = {s->w / 10, s->h * (60 + 130 * i - 50) / 480,
			      s->w * 8 / 10, s->h * 100 / 480};

		SDL_SetRenderDrawColor(r, 0x0b, 0x57, 0xa4, 0xff);
		SDL_RenderFillRect(r, &b);
	}
	for (int i = 0; i < N_TEXT; i++)
		SDL_RenderCopy(r, s->tex[i], NULL, &s->box[i]);
}

static int redraws(int n)
{
	SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(
	    0, 800, 480, 32, SDL_PIXELFORMAT_ARGB8888);
	SDL_Renderer *r = surf ? SDL_CreateSoftwareRenderer(surf) : NULL;
	struct screen s = {0};
	double t0;

	if (!r || prepare(&s, r, 800, 480) != 0) {
		fprintf(stderr, "minimal-sdl: %s\n", SDL_GetError());
		return 1;
	}
	draw(&s, r);
	SDL_RenderFlush(r);
	t0 = cpu_ms();
	for (int i = 0; i < n; i++) {
		draw(&s, r);
		SDL_RenderFlush(r);
	}
	printf("redraw_ms %.4f\nrenderer software\n", (cpu_ms() - t0) / n);
	for (int i = 0; i < N_TEXT; i++)
		SDL_DestroyTexture(s.tex[i]);
	SDL_DestroyRenderer(r);
	SDL_FreeSurface(surf);
	return 0;
}

static int window(int w, int h, const char *trace, int software)
{
	SDL_Window *win;
	SDL_Renderer *r;
	SDL_RendererInfo info;
	struct screen s = {0};
	SDL_Event e;
	FILE *tf = NULL;

	if (SDL_Init(SDL_INIT_VIDEO) != 0) {
		fprintf(stderr, "minimal-sdl: %s\n", SDL_GetError());
		return 1;
	}
	win = SDL_CreateWindow("Minimal SDL", SDL_WINDOWPOS_CENTERED,
			       SDL_WINDOWPOS_CENTERED, w, h, SDL_WINDOW_SHOWN);
	r = win ? SDL_CreateRenderer(win, -1,
				     software ? SDL_RENDERER_SOFTWARE
					      : SDL_RENDERER_ACCELERATED |
						    SDL_RENDERER_PRESENTVSYNC)
		: NULL;
	if (!r && win)
		r = SDL_CreateRenderer(win, -1, SDL_RENDERER_SOFTWARE);
	if (!r || prepare(&s, r, w, h) != 0) {
		fprintf(stderr, "minimal-sdl: %s\n", SDL_GetError());
		return 1;
	}
	if (SDL_GetRendererInfo(r, &info) != 0)
		info.name = "?";
	draw(&s, r);
	SDL_RenderPresent(r);
	if (trace && (tf = fopen(trace, "a"))) {
		fprintf(tf, "renderer 0 %s\npresent %lld welcome\n", info.name,
			mono_ns());
		fflush(tf);
	}
	fprintf(stderr, "minimal-sdl: ready (renderer %s)\n", info.name);
	while (SDL_WaitEvent(&e) && e.type != SDL_QUIT) {
		if (e.type == SDL_WINDOWEVENT &&
		    e.window.event == SDL_WINDOWEVENT_EXPOSED) {
			draw(&s, r);
			SDL_RenderPresent(r);
		}
	}
	if (tf)
		fclose(tf);
	for (int i = 0; i < N_TEXT; i++)
		SDL_DestroyTexture(s.tex[i]);
	SDL_DestroyRenderer(r);
	SDL_DestroyWindow(win);
	SDL_Quit();
	return 0;
}

int main(int argc, char **argv)
{
	const char *trace = NULL;
	int w = 800, h = 480, n = 0, software = 0, rc;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--trace") == 0 && i + 1 < argc)
			trace = argv[++i];
		else if (strcmp(argv[i], "--windowed") == 0 && i + 1 < argc &&
			 sscanf(argv[i + 1], "%dx%d", &w, &h) == 2)
			i++;
		else if (strcmp(argv[i], "--redraws") == 0 && i + 1 < argc)
			n = atoi(argv[++i]);
		else if (strcmp(argv[i], "--software") == 0)
			software = 1;
		else {
			fprintf(stderr, "usage: minimal-sdl [--windowed WxH] "
					"[--trace FILE] [--software] | "
					"--redraws N\n");
			return 2;
		}
	}
	if (TTF_Init() != 0) {
		fprintf(stderr, "minimal-sdl: %s\n", TTF_GetError());
		return 1;
	}
	rc = n > 0 ? redraws(n) : window(w, h, trace, software);
	TTF_Quit();
	return rc;
}
