// SPDX-License-Identifier: GPL-2.0-or-later
/* ppid-kiosk's command line.  See main.h. */

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "main.h"
#include "text.h"

void kiosk_opts_usage(FILE *f)
{
	fputs("usage: ppid-kiosk [--config FILE] [--db PATH] [--windowed WxH] "
	      "[--lang id|en]\n"
	      "                  [--rotate 0|90|180|270] [--sim] [--run-dir "
	      "DIR]\n"
	      "                  [--screenshot FILE.png] [--targets "
	      "FILE.json] [--software]\n"
	      "                  [--trace-frames FILE]\n"
	      "       ppid-kiosk --screens DIR   (every screen as PNGs, no "
	      "display)\n",
	      f);
}

int kiosk_opts_parse(int argc, char **argv, struct kiosk_opts *o)
{
	static const struct option lo[] = {
	    {"config", required_argument, NULL, 'c'},
	    {"db", required_argument, NULL, 'd'},
	    {"windowed", required_argument, NULL, 'w'},
	    {"lang", required_argument, NULL, 'l'},
	    {"rotate", required_argument, NULL, 'r'},
	    {"sim", no_argument, NULL, 's'},
	    {"run-dir", required_argument, NULL, 'R'},
	    {"screenshot", required_argument, NULL, 'S'},
	    {"targets", required_argument, NULL, 'T'},
	    {"software", no_argument, NULL, 'W'},
	    {"screens", required_argument, NULL, 'P'},
	    {"trace-frames", required_argument, NULL, 'F'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	int c;
	char extra;

	memset(o, 0, sizeof(*o));
	o->lang = -1;
	o->run_dir = "/run/ppid-kiosk";
	while ((c = getopt_long(argc, argv, "", lo, NULL)) != -1) {
		switch (c) {
		case 'c':
			o->config = optarg;
			break;
		case 'd':
			o->db = optarg;
			break;
		case 'w':
			if (sscanf(optarg, "%dx%d%c", &o->win_w, &o->win_h,
				   &extra) != 2 ||
			    o->win_w < 1 || o->win_h < 1 || o->win_w > 16384 ||
			    o->win_h > 16384) {
				fprintf(stderr, "ppid-kiosk: --windowed WxH, "
						"e.g. 800x480\n");
				return -1;
			}
			break;
		case 'l':
			if (strcmp(optarg, "id") == 0)
				o->lang = LANG_ID;
			else if (strcmp(optarg, "en") == 0)
				o->lang = LANG_EN;
			else {
				fprintf(stderr, "ppid-kiosk: --lang id|en\n");
				return -1;
			}
			break;
		case 'r':
			if (ui_rotation_parse(optarg, &o->rot) != 0) {
				fprintf(stderr,
					"ppid-kiosk: --rotate 0|90|180|270\n");
				return -1;
			}
			o->rot_set = true;
			break;
		case 's':
			o->sim = true;
			break;
		case 'R':
			o->run_dir = optarg;
			break;
		case 'S':
			o->screenshot = optarg;
			break;
		case 'T':
			o->targets = optarg;
			break;
		case 'W':
			o->software = true;
			break;
		case 'P':
			o->screens = optarg;
			break;
		case 'F':
			o->trace = optarg;
			break;
		case 'h':
			kiosk_opts_usage(stdout);
			exit(0);
		default:
			kiosk_opts_usage(stderr);
			return -1;
		}
	}
	if (optind != argc) {
		kiosk_opts_usage(stderr);
		return -1;
	}
	return 0;
}
