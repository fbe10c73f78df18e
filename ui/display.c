// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Window, renderer and canvas (see display.h).  The canvas exists only when
 * the UI is rotated; unrotated, frames go straight to the window.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "display.h"
#include "input.h"
#include "log.h"
#include "render.h"

struct ui_display {
	SDL_Window *win;      /* owned: SDL_DestroyWindow */
	SDL_Renderer *r;      /* owned: SDL_DestroyRenderer */
	SDL_Texture *canvas;  /* owned: SDL_DestroyTexture; NULL unrotated */
	struct ui_scale sc;   /* output, rotation, design units */
	enum ui_rotation rot; /* as configured */
	char name[32];	      /* the renderer's name */
};

static int make_canvas(struct ui_display *d)
{
	int w, h;

	if (SDL_GetRendererOutputSize(d->r, &w, &h) != 0)
		goto err_sdl;
	if (d->canvas)
		SDL_DestroyTexture(d->canvas);
	d->canvas = NULL;
	if (ui_scale_init(&d->sc, w, h, d->rot) != 0) {
		log_err("ui: output size %dx%d", w, h);
		return -1;
	}
	if (d->rot == UI_ROT_0)
		return 0;
	d->canvas = SDL_CreateTexture(d->r, SDL_PIXELFORMAT_ARGB8888,
				      SDL_TEXTUREACCESS_TARGET, d->sc.canvas_w,
				      d->sc.canvas_h);
	if (!d->canvas)
		goto err_sdl;
	return 0;

err_sdl:
	log_err("ui: canvas: %s", SDL_GetError());
	return -1;
}

struct ui_display *ui_display_open(const struct ui_display_cfg *cfg)
{
	struct ui_display *d;
	SDL_RendererInfo info;
	Uint32 wflags = SDL_WINDOW_SHOWN, rflags = 0;
	int w = cfg->width, h = cfg->height;

	d = calloc(1, sizeof(*d));
	if (!d) {
		errno = ENOMEM;
		return NULL;
	}
	d->rot = cfg->rot;
	ui_input_hints();
	SDL_SetHint(SDL_HINT_VIDEO_DOUBLE_BUFFER, "1");
	SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
	if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0) {
		log_err("ui: SDL video: %s", SDL_GetError());
		free(d);
		errno = EIO;
		return NULL;
	}
	if (w <= 0 || h <= 0) {
		SDL_DisplayMode mode;

		/* Fullscreen at the desktop's own size: no mode switch. */
		wflags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
		if (SDL_GetDesktopDisplayMode(0, &mode) != 0)
			goto err_sdl;
		w = mode.w;
		h = mode.h;
	}
	d->win = SDL_CreateWindow(cfg->title ? cfg->title : "PPID",
				  SDL_WINDOWPOS_CENTERED,
				  SDL_WINDOWPOS_CENTERED, w, h, wflags);
	if (!d->win)
		goto err_sdl;
	rflags |=
	    cfg->software ? SDL_RENDERER_SOFTWARE : SDL_RENDERER_ACCELERATED;
	if (cfg->vsync)
		rflags |= SDL_RENDERER_PRESENTVSYNC;
	d->r =
	    SDL_CreateRenderer(d->win, -1, rflags | SDL_RENDERER_TARGETTEXTURE);
	if (!d->r && !cfg->software) {
		log_warn("ui: no accelerated renderer (%s); software",
			 SDL_GetError());
		d->r = SDL_CreateRenderer(d->win, -1, SDL_RENDERER_SOFTWARE);
	}
	if (!d->r)
		goto err_sdl;
	if (SDL_GetRendererInfo(d->r, &info) == 0)
		snprintf(d->name, sizeof(d->name), "%s", info.name);
	if (wflags & SDL_WINDOW_FULLSCREEN_DESKTOP)
		SDL_ShowCursor(SDL_DISABLE);
	if (make_canvas(d) != 0)
		goto err_close;
	return d;

err_sdl:
	log_err("ui: open display: %s", SDL_GetError());
err_close:
	ui_display_close(d);
	errno = EIO;
	return NULL;
}

void ui_display_close(struct ui_display *d)
{
	if (!d)
		return;
	if (d->canvas)
		SDL_DestroyTexture(d->canvas);
	if (d->r)
		SDL_DestroyRenderer(d->r);
	if (d->win)
		SDL_DestroyWindow(d->win);
	SDL_QuitSubSystem(SDL_INIT_VIDEO);
	free(d);
}

SDL_Renderer *ui_display_renderer(struct ui_display *d)
{
	return d->r;
}

const struct ui_scale *ui_display_scale(const struct ui_display *d)
{
	return &d->sc;
}

const char *ui_display_renderer_name(const struct ui_display *d)
{
	return d->name;
}

int ui_display_begin(struct ui_display *d)
{
	SDL_Color bg = ui_palette(UI_COLOR_BG);

	if (SDL_SetRenderTarget(d->r, d->canvas) != 0 ||
	    SDL_SetRenderDrawColor(d->r, bg.r, bg.g, bg.b, 255) != 0 ||
	    SDL_RenderClear(d->r) != 0) {
		log_err("ui: begin frame: %s", SDL_GetError());
		return -1;
	}
	return 0;
}

int ui_display_present(struct ui_display *d)
{
	if (d->canvas && ui_scale_present(&d->sc, d->r, d->canvas) != 0)
		return -1;
	SDL_RenderPresent(d->r);
	return 0;
}

int ui_display_resize(struct ui_display *d)
{
	return make_canvas(d);
}

SDL_Surface *ui_display_read(struct ui_display *d)
{
	SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(
	    0, d->sc.canvas_w, d->sc.canvas_h, 32, SDL_PIXELFORMAT_ARGB8888);

	if (!s)
		goto err;
	/* Unrotated, the window's back buffer holds the frame only until it
	 * is presented: read it before ui_display_present(). */
	if (SDL_SetRenderTarget(d->r, d->canvas) != 0 ||
	    SDL_RenderReadPixels(d->r, NULL, SDL_PIXELFORMAT_ARGB8888,
				 s->pixels, s->pitch) != 0)
		goto err_free;
	return s;

err_free:
	SDL_FreeSurface(s);
err:
	log_err("ui: read frame: %s", SDL_GetError());
	return NULL;
}
