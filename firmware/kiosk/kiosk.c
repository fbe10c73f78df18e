// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The kiosk's engine: the flow's effects carried out against the database,
 * the print worker and the devices; device reads, worker results and
 * database changes turned into flow events; out of service and back.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kiosk_internal.h"
#include "log.h"

static const struct queue_actor kiosk_actor = {"kiosk", WF_ROLE_KIOSK, false};

static void carry_out(struct kiosk *k, const struct flow_effect *fx);

/* ---- events into the flow --------------------------------------------------- */

void kiosk_send(struct kiosk *k, struct flow_event *ev)
{
	struct flow_effect fx;
	enum flow_scene before = k->flow.m.scene;

	ev->now_ms = k->now_ms;
	if (!ev->wall)
		ev->wall = time(NULL);
	if (flow_handle(&k->flow, ev))
		k->dirty = true;
	kiosk_maint_log(k, ev, before);
	/* Results of effects are sent from inside carry_out(): the queue is
	 * one FIFO, so a nested drain keeps the order. */
	while (flow_effect_next(&k->flow, &fx)) {
		carry_out(k, &fx);
		explicit_bzero(&fx, sizeof(fx));
	}
}

/* ---- the effects ---------------------------------------------------------------- */

static void set_led(struct kiosk *k, enum gpio_out_mode mode, unsigned period)
{
	k->led = mode;
	k->led_period = mode == GPIO_OUT_BLINK ? period : 0;
	if (k->dev.led && gpio_output_set_mode(k->dev.led, mode, period) < 0)
		log_warn("LED: %s", strerror(errno));
}

static void do_submit(struct kiosk *k, const struct flow_effect *fx)
{
	struct flow_event ev = {.type = FLOW_EVT_SUBMIT_DONE};
	char regno[REQ_REGNO_MAX] = "";

	if (!fx->req)
		return;
	if (!k->q) {
		ev.err = k->db_err ? k->db_err : QUEUE_ERR_IO;
		kiosk_send(k, &ev);
		return;
	}
	k->req = *fx->req;
	if (queue_submit(k->q, &k->req, &kiosk_actor, true, time(NULL)) < 0) {
		ev.err = queue_errcode(k->q);
		log_warn("submission not committed: %s", queue_errmsg(k->q));
		request_wipe(&k->req);
		kiosk_db_check_err(k);
		kiosk_send(k, &ev);
		return;
	}
	snprintf(regno, sizeof(regno), "%s", k->req.regno);
	ev.err = QUEUE_OK;
	ev.id = k->req.id;
	ev.regno = regno;
	ev.deadline = request_due(&k->req);
	log_info("request %s committed", regno);
	request_wipe(&k->req);
	kiosk_send(k, &ev);
}

static void do_print(struct kiosk *k, const struct flow_effect *fx)
{
	if (k->pw && printworker_print(k->pw, fx->request_id) == 0)
		return;
	log_warn("receipt of request #%lld not handed to the printer",
		 (long long)fx->request_id);
	kiosk_send(k, &(struct flow_event){.type = FLOW_EVT_PRINT_DONE,
					   .id = fx->request_id,
					   .printer = FLOW_PRINTER_FAULT});
}

static void do_lookup(struct kiosk *k, const struct flow_effect *fx)
{
	struct flow_event ev = {.type = FLOW_EVT_STATUS_DONE};

	if (!k->q) {
		ev.err = k->db_err ? k->db_err : QUEUE_ERR_IO;
	} else if (queue_get(k->q, fx->regno, &k->req) == 0) {
		ev.found = &k->req;
	} else {
		ev.err = queue_errcode(k->q);
		if (ev.err != QUEUE_ERR_NOTFOUND)
			kiosk_db_check_err(k);
	}
	kiosk_send(k, &ev);
	request_wipe(&k->req);
}

static const enum queue_call_kind call_kinds[FLOW_CALL_KIND_COUNT] = {
    [FLOW_CALL_SCREEN] = QUEUE_CALL_SCREEN,
    [FLOW_CALL_BUTTON] = QUEUE_CALL_BUTTON,
    [FLOW_CALL_PICKUP] = QUEUE_CALL_PICKUP,
};

/* Record the call; a pickup names its request. */
static int add_call(struct kiosk *k, const struct flow_effect *fx, int64_t *id)
{
	enum flow_call_kind kind =
	    (unsigned)fx->call_kind < FLOW_CALL_KIND_COUNT ? fx->call_kind
							   : FLOW_CALL_SCREEN;
	int64_t request_id = 0;

	if (!k->q)
		return -1;
	if (kind == FLOW_CALL_PICKUP) {
		if (queue_get(k->q, fx->regno, &k->req) < 0)
			return -1;
		request_id = k->req.id;
		request_wipe(&k->req);
	}
	return queue_call_add(k->q, call_kinds[kind], request_id, time(NULL),
			      id);
}

static void do_call(struct kiosk *k, const struct flow_effect *fx)
{
	struct flow_event ev = {.type = FLOW_EVT_CALL_DONE};
	int64_t id = 0;

	if (callbutton_press(&k->cb, k->now_ms) != CALLBUTTON_DO_COMMIT) {
		/* A call is already on record: that one stands. */
		ev.ok = callbutton_waiting_call(&k->cb) != 0;
		ev.id = callbutton_waiting_call(&k->cb);
		kiosk_send(k, &ev);
		return;
	}
	if (add_call(k, fx, &id) < 0) {
		callbutton_commit_failed(&k->cb, k->now_ms);
		log_warn("call not recorded: %s",
			 k->q ? queue_errmsg(k->q) : "database out of service");
		/* The visitor is told on screen; the LED says it too. */
		kiosk_db_check_err(k);
		kiosk_send(k, &ev);
		set_led(k, GPIO_OUT_BLINK, KIOSK_LED_FAILED_MS);
		return;
	}
	callbutton_committed(&k->cb, id, k->now_ms);
	log_info("call #%lld sent to the desk", (long long)id);
	/* The desk buzzer, when fitted, beeps once per call. */
	if (k->dev.buzzer &&
	    gpio_output_set_mode(k->dev.buzzer, GPIO_OUT_PULSE, 200) < 0)
		log_warn("desk buzzer: %s", strerror(errno));
	ev.ok = true;
	ev.id = id;
	kiosk_send(k, &ev);
}

static void carry_out(struct kiosk *k, const struct flow_effect *fx)
{
	switch (fx->type) {
	case FLOW_FX_SUBMIT:
		do_submit(k, fx);
		break;
	case FLOW_FX_PRINT_RECEIPT:
		do_print(k, fx);
		break;
	case FLOW_FX_LOOKUP_STATUS:
		do_lookup(k, fx);
		break;
	case FLOW_FX_CALL:
		do_call(k, fx);
		break;
	case FLOW_FX_WIPE:
		request_wipe(&k->req);
		explicit_bzero(k->card, sizeof(k->card));
		if (k->wipe)
			k->wipe(k->wipe_ctx);
		break;
	case FLOW_FX_LED:
		set_led(k,
			fx->led == FLOW_LED_ON	    ? GPIO_OUT_ON
			: fx->led == FLOW_LED_BLINK ? GPIO_OUT_BLINK
						    : GPIO_OUT_OFF,
			KIOSK_LED_WAIT_MS);
		break;
	case FLOW_FX_MAINT_PIN:
	case FLOW_FX_MAINT_LOCK:
	case FLOW_FX_MAINT_TEST_PAGE:
	case FLOW_FX_MAINT_LANG:
	case FLOW_FX_MAINT_EXIT:
		kiosk_maint_effect(k, fx);
		break;
	case FLOW_FX_NONE:
	case FLOW_FX_COUNT:
		break;
	}
}

/* ---- devices and the worker --------------------------------------------------- */

enum flow_printer kiosk_flow_printer(enum printer_state st)
{
	switch (st) {
	case PRINTER_STATE_READY:
	case PRINTER_STATE_PRINTING:
		return FLOW_PRINTER_OK;
	case PRINTER_STATE_OUT_OF_PAPER:
		return FLOW_PRINTER_NO_PAPER;
	case PRINTER_STATE_NO_PRINTER:
	case PRINTER_STATE_CUPS_DOWN:
	case PRINTER_STATE_STOPPED:
	case PRINTER_STATE_OFFLINE:
		return FLOW_PRINTER_OFFLINE;
	default:
		return FLOW_PRINTER_FAULT;
	}
}

static void reader_state(struct kiosk *k)
{
	bool ok = k->dev.reader &&
		  cardreader_get_state(k->dev.reader) == CARDREADER_CONNECTED;

	if (k->reader_sent && ok == k->reader_ok)
		return;
	k->reader_sent = true;
	k->reader_ok = ok;
	kiosk_send(k, &(struct flow_event){.type = FLOW_EVT_READER, .ok = ok});
}

static void read_devices(struct kiosk *k)
{
	struct gpio_button_event bev;
	int n;

	while (k->dev.reader && (n = cardreader_read(k->dev.reader, k->card,
						     sizeof(k->card))) != 0) {
		if (n < 0) {
			log_info("card reader: a read was lost (%s)",
				 strerror(errno));
			continue;
		}
		kiosk_send(k, &(struct flow_event){.type = FLOW_EVT_CARD,
						   .text = k->card,
						   .len = (size_t)n});
		explicit_bzero(k->card, sizeof(k->card));
	}
	reader_state(k);
	while (k->dev.button && gpio_button_read(k->dev.button, &bev) > 0)
		if (bev.type == GPIO_BUTTON_PRESS)
			kiosk_send(
			    k, &(struct flow_event){.type = FLOW_EVT_BUTTON});
}

static void read_worker(struct kiosk *k)
{
	struct printworker_result res;
	enum printer_state st;

	while (printworker_take(k->pw, &res)) {
		if (res.test_page) {
			kiosk_maint_printed(k, res.ok, res.printer, res.reason);
			continue;
		}
		kiosk_send(k, &(struct flow_event){
				  .type = FLOW_EVT_PRINT_DONE,
				  .id = res.request_id,
				  .ok = res.ok,
				  .printer = res.ok ? FLOW_PRINTER_OK
						    : kiosk_flow_printer(
							  res.printer)});
	}
	if (printworker_printer(k->pw, &st)) {
		k->printer = st;
		kiosk_send(
		    k, &(struct flow_event){.type = FLOW_EVT_PRINTER,
					    .printer = kiosk_flow_printer(st)});
	}
}

/* ---- the public part ------------------------------------------------------------ */

struct kiosk *kiosk_open(const struct kiosk_options *o, int64_t now_ms)
{
	struct kiosk *k = calloc(1, sizeof(*k));
	struct flow_config fc;
	struct printworker_options po = {0};
	enum queue_err err;
	char why[512];
	int saved;

	if (!k)
		return NULL;
	k->cfg = *o->cfg;
	snprintf(k->db_path, sizeof(k->db_path), "%s",
		 o->db_path ? o->db_path : o->cfg->db_path);
	k->create_db = o->create_db;
	k->retry_min_ms = o->retry_min_ms > 0 ? o->retry_min_ms : 2000;
	k->retry_max_ms = o->retry_max_ms > 0 ? o->retry_max_ms : 30000;
	if (k->retry_max_ms < k->retry_min_ms)
		k->retry_max_ms = k->retry_min_ms;
	k->now_ms = now_ms;
	if (o->flow) {
		fc = *o->flow;
	} else {
		flow_config_defaults(&fc);
		fc.office_name = k->cfg.office_name;
		fc.open_min = k->cfg.open_min;
		fc.close_min = k->cfg.close_min;
	}
	kiosk_maint_init(k, &fc, o->keep_lang);
	flow_init(&k->flow, &fc, now_ms, time(NULL));
	/* Every press of a new call commits it; the flow times the LED. */
	callbutton_init(
	    &k->cb, &(struct callbutton_cfg){.repeat_ms = 0, .coming_ms = 0});
	devices_open(&k->cfg, &k->dev);
	k->dw = dbwatch_open(k->db_path, now_ms);
	if (!k->dw)
		goto fail;
	k->db_ok = true;
	if (kiosk_db_try(k, &err, why, sizeof(why)) < 0) {
		k->db_ok = true; /* so that kiosk_db_failed() reports it */
		kiosk_db_failed(k, err, why);
	}
	po.cfg = &k->cfg;
	po.db_path = k->db_path;
	po.cups_server = o->cups_server;
	po.status_every_ms = o->printer_poll_ms;
	k->pw = printworker_start(&po);
	if (!k->pw)
		goto fail;
	reader_state(k);
	return k;
fail:
	saved = errno;
	kiosk_close(k);
	errno = saved;
	return NULL;
}

void kiosk_close(struct kiosk *k)
{
	if (!k)
		return;
	printworker_stop(k->pw);
	dbwatch_close(k->dw);
	queue_close(k->q);
	devices_close(&k->dev);
	flow_wipe(&k->flow);
	explicit_bzero(k, sizeof(*k));
	free(k);
}

void kiosk_set_wipe_hook(struct kiosk *k, kiosk_wipe_fn fn, void *ctx)
{
	k->wipe = fn;
	k->wipe_ctx = ctx;
}

int kiosk_pollfds(const struct kiosk *k, struct pollfd *p)
{
	devices_pollfds(&k->dev, p);
	p[2].fd = printworker_get_fd(k->pw);
	p[3].fd = dbwatch_get_fd(k->dw);
	p[2].events = p[3].events = POLLIN;
	p[2].revents = p[3].revents = 0;
	return KIOSK_N_POLLFDS;
}

static int min_timeout(int a, int b)
{
	if (a < 0)
		return b;
	if (b < 0)
		return a;
	return a < b ? a : b;
}

int kiosk_timeout_ms(struct kiosk *k, int64_t now_ms)
{
	int t = flow_next_wake_ms(&k->flow, now_ms);

	t = min_timeout(t, callbutton_timeout_ms(&k->cb, now_ms));
	t = devices_timeout_ms(&k->dev, t);
	t = min_timeout(t, dbwatch_timeout_ms(k->dw, now_ms));
	if (!k->db_ok)
		t = min_timeout(t, k->retry_at_ms <= now_ms
				       ? 0
				       : (int)(k->retry_at_ms - now_ms));
	return t;
}

void kiosk_handle_ready(struct kiosk *k, const struct pollfd *p, int64_t now_ms)
{
	unsigned what;

	if (now_ms > k->now_ms)
		k->now_ms = now_ms;
	devices_tick(&k->dev);
	read_devices(k);
	if (p[2].revents & POLLIN)
		read_worker(k);
	what = dbwatch_read(k->dw, k->now_ms);
	if (what & DBWATCH_FILE)
		kiosk_db_file_changed(k, what & DBWATCH_REPLACED);
	if (what & DBWATCH_DATA)
		kiosk_db_changed(k);
	if (!k->db_ok && k->now_ms >= k->retry_at_ms)
		kiosk_db_retry(k);
	callbutton_tick(&k->cb, k->now_ms);
	if (flow_next_wake_ms(&k->flow, k->now_ms) == 0)
		kiosk_send(k, &(struct flow_event){.type = FLOW_EVT_TICK});
}

bool kiosk_feed(struct kiosk *k, const struct flow_event *ev)
{
	struct flow_event e = *ev;
	bool was = k->dirty;
	bool changed;

	if (ev->now_ms > k->now_ms)
		k->now_ms = ev->now_ms;
	k->dirty = false;
	kiosk_send(k, &e);
	changed = k->dirty;
	k->dirty = was || changed;
	return changed;
}

const struct flow_model *kiosk_model(const struct kiosk *k)
{
	return flow_model(&k->flow);
}

const struct flow_view *kiosk_view(const struct kiosk *k, struct flow_view *v)
{
	flow_view(&k->flow, v);
	return v;
}

bool kiosk_dirty(struct kiosk *k)
{
	bool d = k->dirty;

	k->dirty = false;
	return d;
}

struct devices *kiosk_devices(struct kiosk *k)
{
	return &k->dev;
}

bool kiosk_exit_asked(const struct kiosk *k)
{
	return k->exit_asked;
}

bool kiosk_db_ok(const struct kiosk *k)
{
	return k->db_ok;
}

enum printer_state kiosk_printer_state(const struct kiosk *k)
{
	return k->printer;
}

enum gpio_out_mode kiosk_led(const struct kiosk *k, unsigned *period_ms)
{
	if (period_ms)
		*period_ms = k->led_period;
	return k->led;
}
