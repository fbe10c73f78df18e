/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Shared helpers for the ui tests: a software renderer on a plain surface
 * (no window, no video driver, no X server) and the resolutions the kiosk
 * must be correct at.
 */
#ifndef PPID_UI_TEST_H
#define PPID_UI_TEST_H

#include <SDL2/SDL.h>

#include "scale.h"

/* The outputs the kiosk must be correct at (DESIGN, issue #8). */
static const struct {
	int w, h; /* output pixels */
} ui_test_outputs[] = {
    {800, 480}, {1024, 600}, {1280, 720}, {1920, 1080}, {480, 800}, {720, 1280},
};
#define UI_TEST_N_OUTPUTS (sizeof(ui_test_outputs) / sizeof(ui_test_outputs[0]))

/* A software renderer drawing into a new ARGB8888 surface. */
static inline SDL_Renderer *ui_test_renderer(int w, int h, SDL_Surface **out)
{
	SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(
	    0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
	SDL_Renderer *r = s ? SDL_CreateSoftwareRenderer(s) : NULL;

	*out = s;
	return r;
}

/* The pixel at x, y of an ARGB8888 surface, as 0xRRGGBB. */
static inline Uint32 ui_test_pixel(const SDL_Surface *s, int x, int y)
{
	const Uint32 *row = (const Uint32 *)((const Uint8 *)s->pixels +
					     (size_t)y * (size_t)s->pitch);

	return row[x] & 0xffffffu;
}

static inline Uint32 ui_test_rgb(SDL_Color c)
{
	return ((Uint32)c.r << 16) | ((Uint32)c.g << 8) | c.b;
}

/*
 * A finger at a design point, as the panel reports it: SDL_FINGERDOWN (or
 * UP, MOTION) with normalized panel coordinates that ui_scale_finger() maps
 * back to the point (the lvgl-style test_touch_at()).
 */
static inline SDL_Event ui_test_finger(const struct ui_scale *sc, Uint32 type,
				       SDL_FingerID id, int ux, int uy)
{
	SDL_Event e;

	SDL_memset(&e, 0, sizeof(e));
	e.type = type;
	e.tfinger.touchId = 1;
	e.tfinger.fingerId = id;
	ui_scale_unfinger(sc, ux, uy, &e.tfinger.x, &e.tfinger.y);
	return e;
}

#endif
