// SPDX-License-Identifier: GPL-2.0-or-later
/* ppid-kiosk's PNGs: the screenshot writer and --screens.  See main.h. */

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sys/stat.h>

#include <png.h>

#include "flow_view.h"
#include "font.h"
#include "kiosk_demo.h"
#include "kiosk_ui.h"
#include "log.h"
#include "main.h"
#include "render.h"
#include "text.h"
#include "textcache.h"

/* ---- PNG, written atomically ------------------------------------------------ */

int kiosk_write_png(const char *path, SDL_Surface *s)
{
	char tmp[PATH_MAX];
	SDL_Surface *rgb =
	    SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_RGB24, 0);
	png_image img;
	int rc = -1;

	if (!rgb) {
		log_err("screenshot: %s", SDL_GetError());
		return -1;
	}
	if (snprintf(tmp, sizeof(tmp), "%s.tmp", path) >= (int)sizeof(tmp))
		goto out;
	memset(&img, 0, sizeof(img));
	img.version = PNG_IMAGE_VERSION;
	img.width = (png_uint_32)rgb->w;
	img.height = (png_uint_32)rgb->h;
	img.format = PNG_FORMAT_RGB;
	if (!png_image_write_to_file(&img, tmp, 0, rgb->pixels, rgb->pitch,
				     NULL)) {
		log_err("screenshot %s: %s", tmp, img.message);
		goto out;
	}
	if (rename(tmp, path) != 0) {
		log_err("screenshot %s: %s", path, strerror(errno));
		goto out;
	}
	rc = 0;
out:
	SDL_FreeSurface(rgb);
	return rc;
}

/* ---- --screens: every screen as a PNG ------------------------------------------ */

int kiosk_screens(const char *dir)
{
	static const int sizes[][2] = {{800, 480}, {720, 1280}};
	static struct flow f;
	static struct flow_view v;
	struct ui_fonts *fonts = NULL;
	struct kiosk_ui *u = NULL;
	struct ui_cmdlist *l = NULL;
	int rc = 1, n = 0;

	if (SDL_Init(0) != 0 || !(fonts = ui_fonts_new(NULL, NULL)) ||
	    !(u = kiosk_ui_new()) ||
	    !(l = ui_cmdlist_new(CMDS_MAX, CMD_TEXT_BYTES))) {
		log_err("screens: cannot start (%s)", SDL_GetError());
		goto out;
	}
	mkdir(dir, 0755);
	for (size_t s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
		int w = sizes[s][0], h = sizes[s][1];
		SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(
		    0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
		SDL_Renderer *r =
		    surf ? SDL_CreateSoftwareRenderer(surf) : NULL;
		struct ui_textcache *tc =
		    r ? ui_textcache_new(r, fonts, 0, 0) : NULL;
		struct ui_scale sc;

		if (!tc || ui_scale_init(&sc, w, h, UI_ROT_0) != 0) {
			log_err("screens: %s", SDL_GetError());
			goto next;
		}
		for (int i = 0; i < kiosk_demo_count(); i++)
			for (int lang = 0; lang < LANG_COUNT; lang++) {
				const char *name =
				    kiosk_demo_go(&f, i, (enum lang)lang);
				char path[PATH_MAX];
				SDL_Color bg = ui_palette(UI_COLOR_BG);

				if (!name) {
					log_err("screens: demo %d went wrong",
						i);
					continue;
				}
				flow_view(&f, &v);
				kiosk_ui_wipe(u);
				if (kiosk_ui_layout(u, &v, &sc, tc, l) != 0)
					log_warn("screens: %s does not lay "
						 "out whole",
						 name);
				SDL_SetRenderDrawColor(r, bg.r, bg.g, bg.b,
						       255);
				SDL_RenderClear(r);
				ui_render_execute(l, r, tc, &sc);
				SDL_RenderFlush(r);
				/* CPU per full redraw, the text cache warm. */
				{
					struct timespec a, b;
					int reps = 20;

					clock_gettime(CLOCK_PROCESS_CPUTIME_ID,
						      &a);
					for (int k = 0; k < reps; k++) {
						kiosk_ui_layout(u, &v, &sc, tc,
								l);
						SDL_SetRenderDrawColor(
						    r, bg.r, bg.g, bg.b, 255);
						SDL_RenderClear(r);
						ui_render_execute(l, r, tc,
								  &sc);
						SDL_RenderFlush(r);
					}
					clock_gettime(CLOCK_PROCESS_CPUTIME_ID,
						      &b);
					printf(
					    "redraw %s-%s %dx%d: %.2f ms "
					    "CPU (software)\n",
					    name, lang == LANG_EN ? "en" : "id",
					    w, h,
					    ((double)(b.tv_sec - a.tv_sec) *
						 1e3 +
					     (double)(b.tv_nsec - a.tv_nsec) /
						 1e6) /
						reps);
				}
				snprintf(path, sizeof(path),
					 "%s/%s-%s-%dx%d.png", dir, name,
					 lang == LANG_EN ? "en" : "id", w, h);
				if (kiosk_write_png(path, surf) == 0)
					n++;
			}
	next:
		ui_textcache_free(tc);
		if (r)
			SDL_DestroyRenderer(r);
		SDL_FreeSurface(surf);
	}
	printf("ppid-kiosk: %d screens in %s\n", n, dir);
	rc = n > 0 ? 0 : 1;
out:
	ui_cmdlist_free(l);
	kiosk_ui_free(u);
	ui_fonts_free(fonts);
	SDL_Quit();
	return rc;
}
