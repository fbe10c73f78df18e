// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The CUPS backend of the printer driver (CUPS 2.4 client API), the only
 * file that includes <cups/cups.h>.  Each struct printer talks to the
 * scheduler over its own http connection, opened with a timeout and given an
 * I/O timeout callback, so a dead or wedged cupsd cannot hang the caller.
 * cupsGetNamedDest() is avoided on purpose: it browses the network for up to
 * a second on an unknown name and cannot tell "no such printer" from
 * "scheduler down".
 */

#include <assert.h>
#include <errno.h>
#include <stdint.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cups/cups.h>

#include "log.h"
#include "printer.h"

#define POLL_MS	       150   /* printer_wait_job() polling period */
#define STUCK_GRACE_MS 2000  /* a fault on a busy printer must last this */
#define CHUNK	       65536 /* bytes per cupsWriteRequestData() */
#define SERVER_MAX     256   /* host name or socket path */

struct printer {
	char name[PRINTER_NAME_MAX];  /* queue asked for; "" = default */
	char queue[PRINTER_NAME_MAX]; /* queue last used (default resolved) */
	char host[SERVER_MAX];	      /* scheduler host or socket path */
	int port;		      /* scheduler port (unused for sockets) */
	int timeout_ms;		      /* connect and I/O bound */
	http_t *http;		      /* own connection; NULL = reconnect */
	char errmsg[PRINTER_MSG_MAX]; /* last failure, for printer_errmsg() */
};

/* ---- helpers ------------------------------------------------------------ */

static void set_err(struct printer *p, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void set_err(struct printer *p, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(p->errmsg, sizeof(p->errmsg), fmt, ap);
	va_end(ap);
}

/* Give up at the first I/O timeout instead of waiting on. */
static int timeout_cb(http_t *http, void *data)
{
	(void)http;
	(void)data;
	return 0;
}

static void drop_http(struct printer *p)
{
	if (p->http) {
		httpClose(p->http);
		p->http = NULL;
	}
}

static int connect_http(struct printer *p)
{
	if (p->http)
		return 0;
	p->http =
	    httpConnect2(p->host, p->port, NULL, AF_UNSPEC,
			 HTTP_ENCRYPTION_IF_REQUESTED, 1, p->timeout_ms, NULL);
	if (!p->http) {
		set_err(p, "cannot reach the CUPS scheduler at %s: %s", p->host,
			cupsLastErrorString());
		return -1;
	}
	httpSetTimeout(p->http, p->timeout_ms / 1000.0, timeout_cb, NULL);
	return 0;
}

/*
 * After a failed request: was it the transport (scheduler gone, timeout)
 * rather than an IPP answer?  Then the connection is dropped so the next
 * call reconnects.
 */
static bool transport_failed(struct printer *p, ipp_t *resp)
{
	ipp_status_t st = cupsLastError();

	if (resp && st <= IPP_STATUS_OK_EVENTS_COMPLETE)
		return false;
	if (st == IPP_STATUS_ERROR_SERVICE_UNAVAILABLE ||
	    st == IPP_STATUS_ERROR_INTERNAL || (!resp && st < 0x0400)) {
		drop_http(p);
		return true;
	}
	return false;
}

static bool valid_name(const char *s)
{
	size_t n = strlen(s);

	if (n >= PRINTER_NAME_MAX)
		return false;
	for (; *s; s++)
		if ((unsigned char)*s <= ' ' || *s == '/' || *s == '#' ||
		    *s == '\\' || *s == 0x7f)
			return false;
	return true;
}

/* Join the values of a keyword attribute with commas. */
static void join_values(ipp_attribute_t *attr, char *buf, size_t len)
{
	size_t used = 0;

	buf[0] = '\0';
	for (int i = 0; attr && i < ippGetCount(attr); i++) {
		const char *v = ippGetString(attr, i, NULL);
		int n;

		if (!v)
			continue;
		n = snprintf(buf + used, len - used, "%s%s", used ? "," : "",
			     v);
		if (n < 0 || (size_t)n >= len - used)
			break;
		used += (size_t)n;
	}
}

static void printer_uri(const struct printer *p, const char *queue, char *uri,
			size_t len)
{
	httpAssembleURIf(HTTP_URI_CODING_ALL, uri, (int)len, "ipp", NULL,
			 "localhost", p->port, "/printers/%s", queue);
}

static void sleep_ms(long ms)
{
	struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};

	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

static int64_t now_ms(void)
{
	struct timespec ts;

	/* 64 bits: a 32-bit long would overflow after 24.8 days of uptime. */
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* ---- open / close --------------------------------------------------------- */

/* "host:port", "[v6]:port", "host" or "/socket" into host and port. */
static int parse_server(const char *server, char *host, size_t len, int *port)
{
	const char *colon = strrchr(server, ':');

	*port = ippPort();
	if (server[0] != '/' && colon && colon[1] &&
	    strspn(colon + 1, "0123456789") == strlen(colon + 1) &&
	    !strchr(colon, ']')) {
		*port = atoi(colon + 1);
		if (snprintf(host, len, "%.*s", (int)(colon - server),
			     server) >= (int)len)
			return -1;
		return 0;
	}
	return snprintf(host, len, "%s", server) >= (int)len ? -1 : 0;
}

struct printer *printer_cups_open(const char *server, const char *name,
				  int timeout_ms)
{
	struct printer *p;

	if (!name)
		name = "";
	if (!valid_name(name)) {
		log_err("printer: invalid queue name");
		errno = EINVAL;
		return NULL;
	}
	p = calloc(1, sizeof(*p));
	if (!p)
		return NULL;
	snprintf(p->name, sizeof(p->name), "%s", name);
	snprintf(p->queue, sizeof(p->queue), "%s", name);
	p->timeout_ms = timeout_ms > 0 ? timeout_ms : PRINTER_TIMEOUT_MS;
	if (!server || !*server) {
		/* Forget this thread's cached server: re-read CUPS_SERVER. */
		cupsSetServer(NULL);
		server = cupsServer();
	}
	if (parse_server(server, p->host, sizeof(p->host), &p->port) < 0) {
		log_err("printer: server name too long");
		free(p);
		errno = EINVAL;
		return NULL;
	}
	return p;
}

void printer_close(struct printer *p)
{
	if (!p)
		return;
	drop_http(p);
	free(p);
}

const char *printer_get_queue(const struct printer *p)
{
	assert(p);
	return p->queue;
}

const char *printer_errmsg(const struct printer *p)
{
	assert(p);
	return p->errmsg;
}

/* ---- status ----------------------------------------------------------------- */

/* The scheduler's default destination into p->queue (CUPS-Get-Default). */
static enum printer_state resolve_default(struct printer *p)
{
	ipp_t *req = ippNewRequest(IPP_OP_CUPS_GET_DEFAULT);
	ipp_t *resp;
	ipp_attribute_t *attr;
	const char *name;

	ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_NAME,
		     "requesting-user-name", NULL, cupsUser());
	resp = cupsDoRequest(p->http, req, "/");
	if (transport_failed(p, resp)) {
		set_err(p, "CUPS scheduler: %s", cupsLastErrorString());
		ippDelete(resp);
		return PRINTER_STATE_CUPS_DOWN;
	}
	attr = ippFindAttribute(resp, "printer-name", IPP_TAG_NAME);
	name = attr ? ippGetString(attr, 0, NULL) : NULL;
	if (!name || cupsLastError() > IPP_STATUS_OK_EVENTS_COMPLETE ||
	    !valid_name(name)) {
		set_err(p, "no default printer: %s", cupsLastErrorString());
		ippDelete(resp);
		p->queue[0] = '\0';
		return PRINTER_STATE_NO_PRINTER;
	}
	snprintf(p->queue, sizeof(p->queue), "%s", name);
	ippDelete(resp);
	return PRINTER_STATE_READY;
}

/* Get-Printer-Attributes of @p queue into @p st. */
static void query_printer(struct printer *p, const char *queue,
			  struct printer_status *st)
{
	static const char *const attrs[] = {
	    "printer-state",
	    "printer-state-reasons",
	    "printer-is-accepting-jobs",
	    "printer-state-message",
	    "queued-job-count",
	};
	char uri[HTTP_MAX_URI];
	ipp_t *req, *resp;
	ipp_attribute_t *attr;
	ipp_status_t status;

	snprintf(st->queue, sizeof(st->queue), "%s", queue);
	printer_uri(p, queue, uri, sizeof(uri));
	req = ippNewRequest(IPP_OP_GET_PRINTER_ATTRIBUTES);
	ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", NULL,
		     uri);
	ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_NAME,
		     "requesting-user-name", NULL, cupsUser());
	ippAddStrings(req, IPP_TAG_OPERATION, IPP_TAG_KEYWORD,
		      "requested-attributes",
		      (int)(sizeof(attrs) / sizeof(attrs[0])), NULL, attrs);
	resp = cupsDoRequest(p->http, req, "/");
	status = cupsLastError();
	if (transport_failed(p, resp)) {
		set_err(p, "CUPS scheduler: %s", cupsLastErrorString());
		snprintf(st->message, sizeof(st->message), "%s", p->errmsg);
		st->state = PRINTER_STATE_CUPS_DOWN;
		goto out;
	}
	if (status == IPP_STATUS_ERROR_NOT_FOUND) {
		set_err(p, "printer %s: %s", queue, cupsLastErrorString());
		snprintf(st->message, sizeof(st->message), "%s", p->errmsg);
		st->state = PRINTER_STATE_NO_PRINTER;
		goto out;
	}
	if (status > IPP_STATUS_OK_EVENTS_COMPLETE) {
		set_err(p, "printer %s: %s", queue, cupsLastErrorString());
		snprintf(st->message, sizeof(st->message), "%s", p->errmsg);
		st->state = PRINTER_STATE_OTHER_ERROR;
		goto out;
	}

	attr = ippFindAttribute(resp, "printer-state", IPP_TAG_ENUM);
	st->ipp_state = attr ? ippGetInteger(attr, 0) : 0;
	attr = ippFindAttribute(resp, "printer-is-accepting-jobs",
				IPP_TAG_BOOLEAN);
	st->accepting = attr ? ippGetBoolean(attr, 0) != 0 : false;
	attr = ippFindAttribute(resp, "queued-job-count", IPP_TAG_INTEGER);
	st->queued = attr ? ippGetInteger(attr, 0) : 0;
	join_values(
	    ippFindAttribute(resp, "printer-state-reasons", IPP_TAG_KEYWORD),
	    st->reasons, sizeof(st->reasons));
	attr = ippFindAttribute(resp, "printer-state-message", IPP_TAG_TEXT);
	if (attr && ippGetString(attr, 0, NULL))
		snprintf(st->message, sizeof(st->message), "%s",
			 ippGetString(attr, 0, NULL));
	st->state =
	    printer_state_from_ipp(st->ipp_state, st->accepting, st->reasons);
out:
	ippDelete(resp);
}

/* Status of @p queue, or of the default destination when it is NULL. */
static void status_of(struct printer *p, const char *queue,
		      struct printer_status *st)
{
	memset(st, 0, sizeof(*st));
	if (connect_http(p) < 0) {
		st->state = PRINTER_STATE_CUPS_DOWN;
		snprintf(st->message, sizeof(st->message), "%s", p->errmsg);
		snprintf(st->queue, sizeof(st->queue), "%s",
			 queue ? queue : p->name);
		return;
	}
	if (!queue) {
		if (p->name[0]) {
			snprintf(p->queue, sizeof(p->queue), "%s", p->name);
		} else {
			st->state = resolve_default(p);
			if (st->state != PRINTER_STATE_READY) {
				snprintf(st->message, sizeof(st->message), "%s",
					 p->errmsg);
				return;
			}
		}
		queue = p->queue;
	}
	query_printer(p, queue, st);
}

int printer_status(struct printer *p, struct printer_status *st)
{
	if (!p || !st) {
		errno = EINVAL;
		return -1;
	}
	status_of(p, NULL, st);
	return 0;
}

/* ---- submit ----------------------------------------------------------------- */

static int refuse_errno(enum printer_state state)
{
	switch (state) {
	case PRINTER_STATE_NO_PRINTER:
		return ENOENT;
	case PRINTER_STATE_CUPS_DOWN:
		return ECONNREFUSED;
	default:
		return EBUSY;
	}
}

/* Cancel a half-sent job on a fresh connection; it must never print. */
static void cancel_broken(struct printer *p, int id)
{
	drop_http(p);
	if (connect_http(p) < 0 ||
	    cupsCancelJob2(p->http, NULL, id, 0) != IPP_STATUS_OK)
		log_err("printer %s: could not cancel broken job %d: %s",
			p->queue, id, cupsLastErrorString());
}

int printer_submit(struct printer *p, const void *pdf, size_t len,
		   const char *title, const char *media, int *job_id,
		   struct printer_status *st)
{
	struct printer_status local;
	cups_option_t *opts = NULL;
	int nopts = 0, id, err = EIO;
	const char *data = pdf;
	size_t off = 0;

	if (!st)
		st = &local;
	if (!p || !pdf || !len || !job_id) {
		errno = EINVAL;
		return -1;
	}
	*job_id = 0;

	/*
	 * Refuse early: a job queued now would print whenever the fault is
	 * cleared, long after the visitor left.
	 */
	status_of(p, NULL, st);
	if (!printer_state_can_print(st->state)) {
		set_err(p, "printer %s: %s (%s)", st->queue,
			printer_state_text(st->state, true),
			st->reasons[0] ? st->reasons : st->message);
		log_warn("printer %s: not submitting: %s (%s)", st->queue,
			 printer_state_key(st->state), st->reasons);
		err = refuse_errno(st->state);
		goto err;
	}

	if (media && *media)
		nopts = cupsAddOption("media", media, nopts, &opts);
	id = cupsCreateJob(p->http, p->queue, title && *title ? title : "ppid",
			   nopts, opts);
	cupsFreeOptions(nopts, opts);
	if (id <= 0) {
		set_err(p, "printer %s: create job: %s", p->queue,
			cupsLastErrorString());
		log_err("%s", p->errmsg);
		transport_failed(p, NULL);
		goto err;
	}
	if (cupsStartDocument(p->http, p->queue, id, "document.pdf",
			      CUPS_FORMAT_PDF, 1) != HTTP_STATUS_CONTINUE) {
		set_err(p, "printer %s: job %d: start document: %s", p->queue,
			id, cupsLastErrorString());
		goto err_cancel;
	}
	while (off < len) {
		size_t n = len - off < CHUNK ? len - off : CHUNK;

		if (cupsWriteRequestData(p->http, data + off, n) !=
		    HTTP_STATUS_CONTINUE) {
			set_err(p, "printer %s: job %d: send: %s", p->queue, id,
				cupsLastErrorString());
			goto err_cancel;
		}
		off += n;
	}
	if (cupsFinishDocument(p->http, p->queue) >
	    IPP_STATUS_OK_EVENTS_COMPLETE) {
		set_err(p, "printer %s: job %d: finish: %s", p->queue, id,
			cupsLastErrorString());
		goto err_cancel;
	}
	*job_id = id;
	log_info("printer %s: job %d submitted (%zu bytes)", p->queue, id, len);
	return 0;

err_cancel:
	log_err("%s", p->errmsg);
	cancel_broken(p, id);
err:
	errno = err;
	return -1;
}

/* ---- jobs -------------------------------------------------------------------- */

int printer_job_state(struct printer *p, int job_id, struct printer_job *job)
{
	static const char *const attrs[] = {"job-state", "job-state-reasons",
					    "job-printer-uri"};
	char uri[HTTP_MAX_URI];
	ipp_t *req, *resp;
	ipp_attribute_t *attr;
	ipp_status_t status;
	const char *puri, *slash;
	int rc = -1, err = EIO;

	if (!p || !job || job_id <= 0) {
		errno = EINVAL;
		return -1;
	}
	memset(job, 0, sizeof(*job));
	job->id = job_id;
	if (connect_http(p) < 0) {
		job->stuck = true;
		job->printer.state = PRINTER_STATE_CUPS_DOWN;
		snprintf(job->printer.message, sizeof(job->printer.message),
			 "%s", p->errmsg);
		errno = ECONNREFUSED;
		return -1;
	}

	snprintf(uri, sizeof(uri), "ipp://localhost/jobs/%d", job_id);
	req = ippNewRequest(IPP_OP_GET_JOB_ATTRIBUTES);
	ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_URI, "job-uri", NULL, uri);
	ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_NAME,
		     "requesting-user-name", NULL, cupsUser());
	ippAddStrings(req, IPP_TAG_OPERATION, IPP_TAG_KEYWORD,
		      "requested-attributes",
		      (int)(sizeof(attrs) / sizeof(attrs[0])), NULL, attrs);
	resp = cupsDoRequest(p->http, req, "/");
	status = cupsLastError();
	if (transport_failed(p, resp)) {
		set_err(p, "CUPS scheduler: %s", cupsLastErrorString());
		job->stuck = true;
		job->printer.state = PRINTER_STATE_CUPS_DOWN;
		snprintf(job->printer.message, sizeof(job->printer.message),
			 "%s", p->errmsg);
		err = ECONNREFUSED;
		goto out;
	}
	if (status == IPP_STATUS_ERROR_NOT_FOUND) {
		set_err(p, "job %d: %s", job_id, cupsLastErrorString());
		err = ENOENT;
		goto out;
	}
	if (status > IPP_STATUS_OK_EVENTS_COMPLETE) {
		set_err(p, "job %d: %s", job_id, cupsLastErrorString());
		goto out;
	}

	attr = ippFindAttribute(resp, "job-state", IPP_TAG_ENUM);
	job->state = attr ? (enum printer_job_state)ippGetInteger(attr, 0)
			  : PRINTER_JOB_UNKNOWN;
	join_values(
	    ippFindAttribute(resp, "job-state-reasons", IPP_TAG_KEYWORD),
	    job->reasons, sizeof(job->reasons));
	rc = 0;
	if (printer_job_final(job->state))
		goto out;

	/*
	 * CUPS leaves a job "pending" behind a stopped printer for ever:
	 * only the printer's state tells that it is stuck.
	 */
	attr = ippFindAttribute(resp, "job-printer-uri", IPP_TAG_URI);
	puri = attr ? ippGetString(attr, 0, NULL) : NULL;
	slash = puri ? strrchr(puri, '/') : NULL;
	if (slash && valid_name(slash + 1))
		status_of(p, slash + 1, &job->printer);
	else
		status_of(p, NULL, &job->printer);
	job->stuck = !printer_state_can_print(job->printer.state);
out:
	ippDelete(resp);
	if (rc < 0)
		errno = err;
	return rc;
}

int printer_cancel_job(struct printer *p, int job_id)
{
	ipp_status_t status;
	int err;

	if (!p || job_id <= 0) {
		errno = EINVAL;
		return -1;
	}
	if (connect_http(p) < 0) {
		errno = ECONNREFUSED;
		return -1;
	}
	status = cupsCancelJob2(p->http, NULL, job_id, 0);
	if (status <= IPP_STATUS_OK_EVENTS_COMPLETE) {
		log_info("printer: job %d cancelled", job_id);
		return 0;
	}
	set_err(p, "cancel job %d: %s", job_id, cupsLastErrorString());
	switch (status) {
	case IPP_STATUS_ERROR_NOT_POSSIBLE:
		err = EALREADY; /* finished: nothing to log */
		break;
	case IPP_STATUS_ERROR_NOT_FOUND:
		err = ENOENT;
		break;
	case IPP_STATUS_ERROR_FORBIDDEN:
	case IPP_STATUS_ERROR_NOT_AUTHORIZED:
	case IPP_STATUS_ERROR_NOT_AUTHENTICATED:
		err = EPERM;
		break;
	default:
		err = transport_failed(p, NULL) ? ECONNREFUSED : EIO;
		break;
	}
	if (err != EALREADY)
		log_err("printer: %s", p->errmsg);
	errno = err;
	return -1;
}

int printer_wait_job(struct printer *p, int job_id, int timeout_ms,
		     struct printer_job *job)
{
	int64_t deadline = now_ms() + (timeout_ms > 0 ? timeout_ms : 0);
	int64_t stuck_since = -1;

	for (;;) {
		int64_t left, now;

		if (printer_job_state(p, job_id, job) < 0)
			return -1;
		if (printer_job_final(job->state))
			return 0;
		now = now_ms();
		if (!job->stuck) {
			stuck_since = -1;
		} else if (job->printer.ipp_state != 4) {
			return 0; /* stopped queue: CUPS will not move */
		} else {
			/*
			 * A printing queue may show the last job's fault for
			 * a moment, until the backend clears it: believe a
			 * fault on a busy printer once it lasts.
			 */
			if (stuck_since < 0)
				stuck_since = now;
			if (now - stuck_since >= STUCK_GRACE_MS)
				return 0;
		}
		left = deadline - now;
		if (left <= 0) {
			set_err(p, "job %d: still %s after %d ms", job_id,
				printer_job_state_key(job->state), timeout_ms);
			errno = ETIMEDOUT;
			return -1;
		}
		sleep_ms(left < POLL_MS ? (long)left : POLL_MS);
	}
}
