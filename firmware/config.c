// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Configuration: a table of known keys over inih.  inih reads the file line
 * by line through our reader callback, which counts lines so every message
 * can name the line it is about.
 */

#include <errno.h>
#include <ini.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "config.h"
#include "maintpin.h"
#include "workflow.h"

enum key_type {
	KEY_STR,   /* text into a char array */
	KEY_INT,   /* integer within [min, max] */
	KEY_BOOL,  /* yes/no, true/false, 1/0, on/off */
	KEY_HOURS, /* "08:00-16:00" into open_min/close_min */
	KEY_ENUM,  /* one of a '|' separated list, its index into an enum */
};

struct key {
	const char *section; /* [section] */
	const char *name;    /* key */
	enum key_type type;  /* how to parse it */
	size_t offset;	     /* where in struct config */
	size_t size;	     /* char array size (KEY_STR) */
	long min, max;	     /* KEY_INT range */
	const char *choices; /* KEY_ENUM: "a|b|c", in the enum's order */
};

#define STR(sec, key, field)                                                   \
	{                                                                      \
		sec, key, KEY_STR, offsetof(struct config, field),             \
		    sizeof(((struct config *)0)->field), 0, 0, NULL            \
	}
#define INT(sec, key, field, lo, hi)                                           \
	{                                                                      \
		sec, key, KEY_INT, offsetof(struct config, field), 0, lo, hi,  \
		    NULL                                                       \
	}
#define BOOL(sec, key, field)                                                  \
	{                                                                      \
		sec, key, KEY_BOOL, offsetof(struct config, field), 0, 0, 0,   \
		    NULL                                                       \
	}
#define ENUM(sec, key, field, ch)                                              \
	{                                                                      \
		sec, key, KEY_ENUM, offsetof(struct config, field), 0, 0, 0,   \
		    ch                                                         \
	}

/* The enum fields are stored as int: their choice lists below follow the
 * enums' order, which the *_key() functions read back. */
#define READER_CHOICES "evdev|serial|sim|none"
#define GPIO_CHOICES   "gpiod|sim|none"
#define BIAS_CHOICES   "pull-up|pull-down|none"
#define TERM_CHOICES   "enter|tab"
#define ROTATE_CHOICES "0|90|180|270"
_Static_assert(sizeof(enum config_reader) == sizeof(int), "enum as int");
_Static_assert(sizeof(enum config_gpio) == sizeof(int), "enum as int");
_Static_assert(sizeof(enum config_bias) == sizeof(int), "enum as int");
_Static_assert(sizeof(enum config_term) == sizeof(int), "enum as int");

static const struct key keys[] = {
    STR("office", "name", office_name),
    STR("office", "address", office_address),
    STR("office", "city", office_city),
    STR("office", "prefix", office_prefix),
    STR("office", "number_format", number_format),
    {"office", "hours", KEY_HOURS, 0, 0, 0, 0, NULL},
    STR("ppid", "name", ppid_name),
    STR("ppid", "title", ppid_title),
    STR("database", "path", db_path),
    INT("database", "busy_timeout_ms", busy_timeout_ms, 0, 600000),
    STR("printer", "receipt", receipt_printer),
    STR("printer", "letter", letter_printer),
    INT("printer", "paper_mm", paper_mm, 58, 80),
    INT("printer", "receipt_timeout_s", receipt_timeout_s, 10, 3600),
    ENUM("cardreader", "backend", reader_backend, READER_CHOICES),
    STR("cardreader", "device", reader_device),
    STR("cardreader", "match", reader_match),
    INT("cardreader", "baud", reader_baud, 1200, 921600),
    ENUM("cardreader", "terminator", reader_terminator, TERM_CHOICES),
    INT("cardreader", "gap_ms", reader_gap_ms, 20, 5000),
    STR("cardreader", "fifo", reader_fifo),
    ENUM("gpio", "backend", gpio_backend, GPIO_CHOICES),
    STR("gpio", "button", button_line),
    BOOL("gpio", "button_active_low", button_active_low),
    ENUM("gpio", "button_bias", button_bias, BIAS_CHOICES),
    INT("gpio", "debounce_ms", debounce_ms, 1, 1000),
    STR("gpio", "led", led_line),
    STR("gpio", "buzzer", buzzer_line),
    STR("gpio", "fifo", gpio_fifo),
    STR("gpio", "chip", gpio_chip),
    INT("gpio", "button_offset", button_offset, 0, 1023),
    INT("gpio", "led_offset", led_offset, 0, 1023),
    INT("gpio", "buzzer_offset", buzzer_offset, 0, 1023),
    BOOL("gpio", "led_active_low", led_active_low),
    INT("gpio", "long_press_ms", long_press_ms, 200, 60000),
    INT("kiosk", "idle_s", kiosk_idle_s, 10, 600),
    INT("kiosk", "idle_warn_s", kiosk_idle_warn_s, 20, 300),
    INT("kiosk", "blank_s", kiosk_blank_s, 0, 86400),
    ENUM("kiosk", "rotate", kiosk_rotate, ROTATE_CHOICES),
    STR("kiosk", "maint_pin_hash", kiosk_maint_pin_hash),
};

struct parse_ctx {
	struct config *cfg; /* being filled */
	FILE *diag;	    /* where messages go */
	FILE *file;	    /* the file being read */
	const char *path;   /* its name */
	int line;	    /* current line number */
	int errors;	    /* bad values seen */
	bool staff_trusted; /* the file may grant roles */
	bool staff_seen;    /* it has a [staff] section */
};

void config_defaults(struct config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	snprintf(cfg->office_name, sizeof(cfg->office_name),
		 "KPU Provinsi Bengkulu");
	snprintf(cfg->office_address, sizeof(cfg->office_address),
		 "Jl. Pembangunan No. 11, Padang Harapan, Kota Bengkulu");
	snprintf(cfg->office_city, sizeof(cfg->office_city), "Bengkulu");
	snprintf(cfg->office_prefix, sizeof(cfg->office_prefix), "KPU-BKL");
	snprintf(cfg->number_format, sizeof(cfg->number_format),
		 "{seq}/PPID/{prefix}/{roman}/{year}");
	cfg->open_min = 8 * 60;
	cfg->close_min = 16 * 60;
	/* No signer's name by default: the notification repeats the title. */
	snprintf(cfg->ppid_title, sizeof(cfg->ppid_title),
		 "Pejabat Pengelola Informasi dan Dokumentasi");
	snprintf(cfg->db_path, sizeof(cfg->db_path), "%s", CONFIG_DEFAULT_DB);
	cfg->busy_timeout_ms = 5000;
	cfg->paper_mm = 80;
	cfg->receipt_timeout_s = 180;
	cfg->reader_backend = CONFIG_READER_EVDEV;
	snprintf(cfg->reader_device, sizeof(cfg->reader_device),
		 "/dev/input/by-id/cardreader");
	cfg->reader_baud = 9600;
	cfg->reader_terminator = CONFIG_TERM_ENTER;
	cfg->reader_gap_ms = 200;
	snprintf(cfg->reader_fifo, sizeof(cfg->reader_fifo),
		 "/run/ppid-kiosk/cardreader.fifo");
	cfg->gpio_backend = CONFIG_GPIO_GPIOD;
	snprintf(cfg->button_line, sizeof(cfg->button_line), "GPIO17");
	cfg->button_active_low = true;
	cfg->button_bias = CONFIG_BIAS_PULL_UP;
	cfg->debounce_ms = 30;
	snprintf(cfg->led_line, sizeof(cfg->led_line), "GPIO27");
	cfg->long_press_ms = 2000;
	cfg->kiosk_idle_s = 60;
	cfg->kiosk_idle_warn_s = 30;
	cfg->kiosk_blank_s = 300;
	snprintf(cfg->gpio_fifo, sizeof(cfg->gpio_fifo),
		 "/run/ppid-kiosk/gpio.fifo");
}

static void diag_at(struct parse_ctx *ctx, const char *kind, const char *msg,
		    const char *section, const char *name, const char *value)
{
	if (!ctx->diag)
		return;
	fprintf(ctx->diag, "%s:%d: %s: %s [%s] %s", ctx->path, ctx->line, kind,
		msg, section, name);
	if (value)
		fprintf(ctx->diag, " = '%s'", value);
	fputc('\n', ctx->diag);
}

static int parse_hhmm(const char *s, int *out)
{
	int h, m;
	char tail;

	if (sscanf(s, "%2d:%2d%c", &h, &m, &tail) != 2 || h < 0 || h > 23 ||
	    m < 0 || m > 59)
		return -1;
	*out = h * 60 + m;
	return 0;
}

static int parse_hours(const char *v, int *open_out, int *close_out)
{
	char a[8], b[8];
	int open_min, close_min;
	const char *dash = strchr(v, '-');

	if (!dash || (size_t)(dash - v) >= sizeof(a) ||
	    strlen(dash + 1) >= sizeof(b))
		return -1;
	memcpy(a, v, (size_t)(dash - v));
	a[dash - v] = '\0';
	snprintf(b, sizeof(b), "%s", dash + 1);
	if (parse_hhmm(a, &open_min) < 0 || parse_hhmm(b, &close_min) < 0 ||
	    open_min >= close_min)
		return -1;
	*open_out = open_min;
	*close_out = close_min;
	return 0;
}

static int parse_bool(const char *v, bool *out)
{
	static const char *const yes[] = {"1", "yes", "true", "on"};
	static const char *const no[] = {"0", "no", "false", "off"};

	for (size_t i = 0; i < 4; i++) {
		if (strcasecmp(v, yes[i]) == 0) {
			*out = true;
			return 0;
		}
		if (strcasecmp(v, no[i]) == 0) {
			*out = false;
			return 0;
		}
	}
	return -1;
}

/* The position of @p v in the '|' separated @p choices, or -1. */
static int enum_index(const char *choices, const char *v)
{
	size_t n = strlen(v);
	int i = 0;

	for (const char *p = choices; *p; i++) {
		size_t m = strcspn(p, "|");

		if (m == n && strncmp(p, v, n) == 0)
			return i;
		p += m + (p[m] == '|');
	}
	return -1;
}

/* Apply one known key; returns -1 with *why set for a bad value. */
static int apply_key(struct config *cfg, const struct key *k, const char *v,
		     const char **why)
{
	char *field = (char *)cfg + k->offset;
	char *end;
	long n;

	switch (k->type) {
	case KEY_STR:
		if (strlen(v) >= k->size) {
			*why = "value too long";
			return -1;
		}
		/* The PIN's hash is checked here, so a typo is an error at
		 * start, not a menu that silently never opens. */
		if (k->offset ==
			offsetof(struct config, kiosk_maint_pin_hash) &&
		    *v && !maintpin_hash_valid(v, why))
			return -1;
		memcpy(field, v, strlen(v) + 1);
		return 0;
	case KEY_ENUM:
		n = enum_index(k->choices, v);
		if (n < 0) {
			*why = "must be one of";
			return -1;
		}
		*(int *)(void *)field = (int)n;
		return 0;
	case KEY_INT:
		errno = 0;
		n = strtol(v, &end, 10);
		/* Receipt paper comes in two widths only. */
		if (k->offset == offsetof(struct config, paper_mm) && n != 58 &&
		    n != 80) {
			*why = "must be 58 or 80";
			return -1;
		}
		if (errno || end == v || *end || n < k->min || n > k->max) {
			*why = "not a whole number in the allowed range";
			return -1;
		}
		*(int *)(void *)field = (int)n;
		return 0;
	case KEY_BOOL:
		if (parse_bool(v, (bool *)(void *)field) < 0) {
			*why = "must be yes or no";
			return -1;
		}
		return 0;
	case KEY_HOURS:
		if (parse_hours(v, &cfg->open_min, &cfg->close_min) < 0) {
			*why = "must look like 08:00-16:00";
			return -1;
		}
		return 0;
	}
	return 0;
}

static int add_staff(struct parse_ctx *ctx, const char *login, const char *v)
{
	struct config *cfg = ctx->cfg;
	unsigned roles;

	if (workflow_roles_parse(v, &roles) < 0 || (roles & WF_ROLE_KIOSK)) {
		diag_at(ctx, "error",
			"roles must be a list of desk, kasubbag, kabag, ppid:",
			"staff", login, v);
		return -1;
	}
	if (strlen(login) >= sizeof(cfg->staff[0].login)) {
		diag_at(ctx, "error", "login too long:", "staff", login, NULL);
		return -1;
	}
	for (int i = 0; i < cfg->n_staff; i++) {
		if (strcmp(cfg->staff[i].login, login) == 0) {
			cfg->staff[i].roles = roles;
			return 0;
		}
	}
	if (cfg->n_staff == CONFIG_MAX_STAFF) {
		diag_at(ctx, "error", "too many staff entries:", "staff", login,
			NULL);
		return -1;
	}
	snprintf(cfg->staff[cfg->n_staff].login, sizeof(cfg->staff[0].login),
		 "%s", login);
	cfg->staff[cfg->n_staff++].roles = roles;
	return 0;
}

static int on_pair(void *user, const char *section, const char *name,
		   const char *value)
{
	struct parse_ctx *ctx = user;
	const char *why = NULL;

	if (strcmp(section, "staff") == 0) {
		ctx->staff_seen = true;
		if (ctx->staff_trusted && add_staff(ctx, name, value) < 0)
			ctx->errors++;
		return 1;
	}
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		const struct key *k = &keys[i];

		if (strcmp(k->section, section) || strcmp(k->name, name))
			continue;
		if (apply_key(ctx->cfg, k, value, &why) < 0) {
			char msg[160];

			if (k->type == KEY_ENUM)
				snprintf(msg, sizeof(msg), "%s %s:", why,
					 k->choices);
			else
				snprintf(msg, sizeof(msg), "%s:", why);
			diag_at(ctx, "error", msg, section, name, value);
			ctx->errors++;
		}
		return 1;
	}
	diag_at(ctx, "warning", "unknown key", section, name, NULL);
	/* Keep going: an unknown key must not stop the kiosk. */
	return 1;
}

/*
 * inih's line reader; counting here gives every message its line.  inih
 * takes lines of at most num - 1 bytes: a longer one is reported here and
 * handed over empty, rather than split into two lines that mean something
 * else (a long comment is simply skipped).
 */
static char *read_line(char *str, int num, void *stream)
{
	struct parse_ctx *ctx = stream;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n = getline(&line, &cap, ctx->file);
	const char *p;

	if (n < 0) {
		free(line);
		return NULL;
	}
	ctx->line++;
	while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
		line[--n] = '\0';
	if (n >= num - 1) {
		for (p = line; *p == ' ' || *p == '\t'; p++)
			;
		if (*p != ';' && *p != '#') {
			if (ctx->diag)
				fprintf(ctx->diag,
					"%s:%d: error: line longer than %d "
					"characters\n",
					ctx->path, ctx->line, num - 2);
			ctx->errors++;
		}
		n = 0;
	}
	memcpy(str, line, (size_t)n);
	str[n] = '\n';
	str[n + 1] = '\0';
	free(line);
	return str;
}

int config_load(struct config *cfg, const char *path, FILE *diag)
{
	struct parse_ctx ctx = {cfg, diag, NULL, NULL, 0, 0, false, false};
	const char *p = path ? path : CONFIG_DEFAULT_PATH;
	struct stat st;
	int rc;

	config_defaults(cfg);
	ctx.file = fopen(p, "re");
	if (!ctx.file) {
		if (!path && errno == ENOENT)
			return 0;
		if (diag)
			fprintf(diag, "%s: cannot read the configuration: %s\n",
				p, strerror(errno));
		return -1;
	}
	ctx.path = p;
	/* Roles decide who may act: only a file that nobody but root can
	 * change may grant them (a user's own --config cannot). */
	ctx.staff_trusted = fstat(fileno(ctx.file), &st) == 0 &&
			    st.st_uid == 0 &&
			    !(st.st_mode & (S_IWGRP | S_IWOTH));
	snprintf(cfg->path, sizeof(cfg->path), "%s", p);
	cfg->from_file = true;
	rc = ini_parse_stream(read_line, &ctx, on_pair, &ctx);
	fclose(ctx.file);
	if (ctx.staff_seen && !ctx.staff_trusted && diag)
		fprintf(diag,
			"%s: warning: ignoring [staff]: roles are taken only "
			"from a file owned by root that only root can write\n",
			p);
	if (rc > 0) {
		/* A syntax error (no '=' or an unclosed [section]). */
		ctx.line = rc;
		if (diag)
			fprintf(diag, "%s:%d: error: cannot parse this line\n",
				p, rc);
		ctx.errors++;
	} else if (rc < 0) {
		ctx.errors++;
	}
	return ctx.errors ? -1 : 0;
}

unsigned config_roles_of(const struct config *cfg, const char *login)
{
	for (int i = 0; i < cfg->n_staff; i++)
		if (strcmp(cfg->staff[i].login, login) == 0)
			return cfg->staff[i].roles;
	return 0;
}

/* Keys in the enums' order, as in the choice lists above. */
static const char *const reader_keys[] = {"evdev", "serial", "sim", "none"};
static const char *const gpio_keys[] = {"gpiod", "sim", "none"};
static const char *const bias_keys[] = {"pull-up", "pull-down", "none"};
static const char *const term_keys[] = {"enter", "tab"};

#define KEY_OF(tab, v)                                                         \
	((unsigned)(v) < sizeof(tab) / sizeof(tab[0]) ? tab[v] : "?")

const char *config_reader_key(enum config_reader v)
{
	return KEY_OF(reader_keys, v);
}

const char *config_gpio_key(enum config_gpio v)
{
	return KEY_OF(gpio_keys, v);
}

const char *config_bias_key(enum config_bias v)
{
	return KEY_OF(bias_keys, v);
}

const char *config_term_key(enum config_term v)
{
	return KEY_OF(term_keys, v);
}
