// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The kiosk engine and its database: opening and probing it, out of
 * service with a backoff retry and back, and another process's commits
 * (the desk acknowledging a call) noticed through the watcher's hints.
 */

#include <stdio.h>

#include "kiosk_internal.h"
#include "log.h"

bool kiosk_unusable(enum queue_err err)
{
	return err == QUEUE_ERR_READONLY || err == QUEUE_ERR_FULL ||
	       err == QUEUE_ERR_CORRUPT || err == QUEUE_ERR_IO ||
	       err == QUEUE_ERR_VERSION;
}

static void schedule_retry(struct kiosk *k, bool backoff)
{
	if (backoff)
		k->retry_ms = k->retry_ms * 2 > k->retry_max_ms
				  ? k->retry_max_ms
				  : k->retry_ms * 2;
	k->retry_at_ms = k->now_ms + k->retry_ms;
}

/* The database cannot be used: out of service until a retry works. */
void kiosk_db_failed(struct kiosk *k, enum queue_err err, const char *why)
{
	if (!k->db_ok)
		return;
	log_err("database out of service: %s", why);
	k->db_ok = false;
	k->db_err = err;
	queue_close(k->q);
	k->q = NULL;
	k->retry_ms = k->retry_min_ms;
	schedule_retry(k, false);
	kiosk_send(k, &(struct flow_event){.type = FLOW_EVT_DB, .err = err});
}

/* After a failed write: out of service when the class says so. */
void kiosk_db_check_err(struct kiosk *k)
{
	if (k->q && kiosk_unusable(queue_errcode(k->q)))
		kiosk_db_failed(k, queue_errcode(k->q), queue_errmsg(k->q));
}

/* Open (when closed) and check that a write would go through. */
int kiosk_db_try(struct kiosk *k, enum queue_err *err, char *why, size_t len)
{
	struct queue_options opt = {
	    .path = k->db_path,
	    .create = k->create_db,
	    .busy_timeout_ms = k->cfg.busy_timeout_ms,
	    .number_format = k->cfg.number_format,
	    .prefix = k->cfg.office_prefix,
	    .open_min = k->cfg.open_min,
	    .close_min = k->cfg.close_min,
	};
	bool changed;

	if (!k->q) {
		*err = queue_open(&opt, &k->q, why, len);
		if (*err != QUEUE_OK)
			return -1;
	}
	/* Busy is not broken: the write lock is only taken for now. */
	if ((queue_probe_write(k->q) < 0 &&
	     queue_errcode(k->q) != QUEUE_ERR_BUSY) ||
	    queue_poll_changed(k->q, &changed) < 0) {
		*err = queue_errcode(k->q);
		snprintf(why, len, "%s", queue_errmsg(k->q));
		queue_close(k->q);
		k->q = NULL;
		return -1;
	}
	return 0;
}

void kiosk_db_retry(struct kiosk *k)
{
	enum queue_err err;
	char why[512];

	if (kiosk_db_try(k, &err, why, sizeof(why)) < 0) {
		if (err != k->db_err)
			log_warn("database still out of service: %s", why);
		k->db_err = err;
		schedule_retry(k, true);
		return;
	}
	log_info("database %s works again", k->db_path);
	k->db_ok = true;
	k->db_err = QUEUE_OK;
	k->retry_ms = k->retry_min_ms;
	kiosk_send(k, &(struct flow_event){.type = FLOW_EVT_DB, .ok = true});
}

struct find_call {
	int64_t id; /* the call waited on */
	bool acked; /* it is acknowledged */
};

static int find_call(const struct queue_call *c, void *ctx)
{
	struct find_call *fc = ctx;

	if (c->id != fc->id)
		return 0;
	fc->acked = c->acked_at != 0;
	return 1;
}

/* Another connection committed: was it the desk acknowledging our call? */
void kiosk_db_changed(struct kiosk *k)
{
	struct find_call fc = {.id = callbutton_waiting_call(&k->cb)};
	bool changed;

	if (!k->q)
		return;
	if (queue_poll_changed(k->q, &changed) < 0) {
		kiosk_db_check_err(k);
		return;
	}
	if (!changed || !fc.id)
		return;
	if (queue_calls(k->q, false, 64, find_call, &fc) < 0) {
		kiosk_db_check_err(k);
		return;
	}
	if (fc.acked && callbutton_acknowledged(&k->cb, fc.id, k->now_ms)) {
		log_info("call #%lld acknowledged: staff is coming",
			 (long long)fc.id);
		kiosk_send(k, &(struct flow_event){.type = FLOW_EVT_CALL_ACKED,
						   .id = fc.id});
	}
}

/* The database file's mode or name changed: is it still usable?  When
 * the file itself may have been replaced (a backup moved into place), the
 * connection is opened afresh, on the file now under the name. */
void kiosk_db_file_changed(struct kiosk *k, bool replaced)
{
	enum queue_err err;
	char why[512];

	if (!k->db_ok) {
		kiosk_db_retry(k);
		return;
	}
	if (replaced) {
		queue_close(k->q);
		k->q = NULL;
		if (kiosk_db_try(k, &err, why, sizeof(why)) < 0)
			kiosk_db_failed(k, err, why);
		return;
	}
	if (queue_probe_write(k->q) < 0) {
		if (kiosk_unusable(queue_errcode(k->q)))
			kiosk_db_failed(k, queue_errcode(k->q),
					queue_errmsg(k->q));
	}
}
