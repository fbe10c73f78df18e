// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * CPU per full redraw of a form-like screen (title, progress, question, a
 * field with a caret, its counter, two buttons, the letters keyboard) at
 * 800x480 with SDL's software renderer on a surface, through ui/ (command
 * list + backend + text cache), next to the floor in the same run: the
 * same rectangles and the same pre-rendered text textures copied straight
 * to the renderer.  Also the first (cold-cache) frame.  Prints table rows
 * "| what | value | unit |".
 */

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "keyboard.h"
#include "log.h"
#include "render.h"
#include "widgets.h"

#define FRAMES 300

static struct ui_field field; /* big */

static double cpu_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void row(const char *what, double value, const char *unit)
{
	printf("| %s | %.3f | %s |\n", what, value, unit);
}

/* The screen, as a screen would build it from its model. */
static void build(struct ui_cmdlist *l, const struct ui_scale *sc,
		  const struct ui_keyboard *kb)
{
	struct ui_text_style title = {.size = UI_TEXT_BODY,
				      .font = UI_FONT_BOLD,
				      .color = UI_COLOR_TEXT,
				      .valign = UI_ALIGN_CENTER};
	struct ui_text_style muted = title;
	struct ui_button back = {.box = {8, 8, 200, 56},
				 .label = "Kembali",
				 .kind = UI_BUTTON_SECONDARY};
	struct ui_button next = {.box = {sc->design_w - 208, 8, 200, 56},
				 .label = "Lanjut",
				 .kind = UI_BUTTON_PRIMARY,
				 .focused = true};

	muted.font = UI_FONT_REGULAR;
	muted.color = UI_COLOR_TEXT_MUTED;
	muted.align = UI_ALIGN_CENTER;
	ui_cmdlist_clear(l);
	ui_cmd_rect(l, (SDL_Rect){0, 0, sc->design_w, sc->design_h},
		    UI_COLOR_BG, 0);
	ui_button_draw(&back, l);
	ui_cmd_text(l, (SDL_Rect){216, 8, sc->design_w - 432, 56}, "1/9",
		    &muted);
	ui_button_draw(&next, l);
	ui_cmd_text(l, (SDL_Rect){16, 64, sc->design_w - 32, 52},
		    "Nama lengkap", &title);
	ui_field_draw(&field, (SDL_Rect){16, 118, sc->design_w - 200, 74}, true,
		      NULL, l);
	ui_field_draw_counter(&field,
			      (SDL_Rect){sc->design_w - 180, 118, 164, 74}, l);
	ui_keyboard_draw(kb, -1, -1, l);
}

int main(void)
{
	struct ui_scale sc;
	struct ui_keyboard kb;
	SDL_Surface *s;
	SDL_Renderer *r;
	struct ui_fonts *fonts;
	struct ui_textcache *tc;
	struct ui_cmdlist *l;
	struct ui_textcache_stats st;
	SDL_Texture *tex[128];
	SDL_Rect dst[128], rects[256];
	SDL_Color cols[256];
	int n_tex = 0, n_rect = 0;
	double t0, cold, ours, floor_ms;

	log_set_level(LOG_LEVEL_WARN);
	ui_scale_init(&sc, 800, 480, UI_ROT_0);
	s = SDL_CreateRGBSurfaceWithFormat(0, sc.canvas_w, sc.canvas_h, 32,
					   SDL_PIXELFORMAT_ARGB8888);
	r = s ? SDL_CreateSoftwareRenderer(s) : NULL;
	fonts = ui_fonts_new(NULL, NULL);
	if (!r || !fonts) {
		printf("| ui redraw | failed | no renderer or font |\n");
		return 1;
	}
	tc = ui_textcache_new(r, fonts, 0, 0);
	l = ui_cmdlist_new(512, 8192);
	ui_field_init(&field, 100, false);
	ui_field_set(&field, "Ni Luh Putu Ayu Dewi \xe1\xb9\xa2"
			     "ari O'Neil");
	ui_keyboard_init(&kb, UI_KB_LETTERS,
			 ui_keyboard_area(&sc, UI_KB_LETTERS), 100, NULL);

	/* Cold: fonts opened, every text rasterized. */
	t0 = cpu_ms();
	build(l, &sc, &kb);
	ui_render_execute(l, r, tc, &sc);
	SDL_RenderFlush(r);
	cold = cpu_ms() - t0;

	t0 = cpu_ms();
	for (int i = 0; i < FRAMES; i++) {
		build(l, &sc, &kb);
		ui_render_execute(l, r, tc, &sc);
		SDL_RenderFlush(r);
	}
	ours = (cpu_ms() - t0) / FRAMES;
	ui_textcache_stats(tc, &st);

	/* The floor: the same rectangles (square) and text textures. */
	for (size_t i = 0; i < ui_cmdlist_count(l); i++) {
		const struct ui_cmd *c = ui_cmdlist_get(l, i);
		const char *t = ui_cmd_text_of(l, c);
		struct ui_text_key k = {.style = c->text.font,
					.px = ui_scale_px(&sc, c->text.size),
					.color = ui_palette(c->text.color)};
		TTF_Font *font = ui_fonts_get(fonts, k.style, k.px);
		SDL_Surface *ts;

		if (c->type == UI_CMD_RECT && n_rect < 256) {
			rects[n_rect] = ui_scale_rect(&sc, c->box);
			cols[n_rect++] = ui_palette(c->color);
		} else if (c->type == UI_CMD_TEXT && c->text_len &&
			   n_tex < 128 &&
			   (ts = TTF_RenderUTF8_Blended(font, t, k.color))) {
			tex[n_tex] = SDL_CreateTextureFromSurface(r, ts);
			dst[n_tex] = ui_scale_rect(&sc, c->box);
			dst[n_tex].w =
			    ts->w < dst[n_tex].w ? ts->w : dst[n_tex].w;
			dst[n_tex++].h = ts->h;
			SDL_FreeSurface(ts);
		}
	}
	t0 = cpu_ms();
	for (int i = 0; i < FRAMES; i++) {
		SDL_SetRenderDrawColor(r, 0, 0, 0, 255);
		SDL_RenderClear(r);
		for (int j = 0; j < n_rect; j++) {
			SDL_SetRenderDrawColor(r, cols[j].r, cols[j].g,
					       cols[j].b, 255);
			SDL_RenderFillRect(r, &rects[j]);
		}
		for (int j = 0; j < n_tex; j++)
			SDL_RenderCopy(r, tex[j], NULL, &dst[j]);
		SDL_RenderFlush(r);
	}
	floor_ms = (cpu_ms() - t0) / FRAMES;

	row("ui form redraw 800x480, first frame (software)", cold, "ms CPU");
	row("ui form redraw 800x480 (software, cached)", ours, "ms CPU");
	row("floor: same rects+textures, bare SDL (software)", floor_ms,
	    "ms CPU");
	row("ui redraw / floor", floor_ms > 0 ? ours / floor_ms : 0, "x");
	printf("| ui form: commands / textures / misses after %d frames | "
	       "%zu / %zu / %zu | count |\n",
	       FRAMES + 1, ui_cmdlist_count(l), st.entries, st.misses);

	for (int j = 0; j < n_tex; j++)
		SDL_DestroyTexture(tex[j]);
	ui_cmdlist_free(l);
	ui_textcache_free(tc);
	ui_fonts_free(fonts);
	SDL_DestroyRenderer(r);
	SDL_FreeSurface(s);
	return 0;
}
