-- SPDX-License-Identifier: GPL-2.0-or-later
-- Schema version 1: the request register, its append-only history, calls,
-- print jobs, the working-day calendar and the deadline rules.
-- Times are Unix seconds in UTC; dates ("YYYY-MM-DD") are WIB local dates.

-- Deadline regimes are data: the ordinary regime of UU 14/2008 (10 working
-- days + one extension of 7) and the election regime of Perki 1/2019
-- (3 + 2 working days during election stages).
CREATE TABLE deadline_rules (
	regime     TEXT PRIMARY KEY,            -- 'ordinary', 'election'
	days       INTEGER NOT NULL CHECK (days > 0),
	ext_days   INTEGER NOT NULL CHECK (ext_days >= 0),
	max_ext    INTEGER NOT NULL DEFAULT 1 CHECK (max_ext >= 0),
	basis      TEXT NOT NULL                -- the legal source
) STRICT;

INSERT INTO deadline_rules VALUES
	('ordinary', 10, 7, 1, 'UU 14/2008 Pasal 22 ayat (7) dan (8)'),
	('election', 3, 2, 1, 'Perki 1/2019 (informasi kepemiluan pada tahapan pemilu)');

-- The request register (Perki 1/2021 form fields + register columns).
CREATE TABLE requests (
	id            INTEGER PRIMARY KEY,
	regno         TEXT NOT NULL UNIQUE,     -- '0001/PPID/KPU-BKL/XI/2026'
	reg_year      INTEGER NOT NULL,
	reg_seq       INTEGER NOT NULL CHECK (reg_seq > 0),
	token         TEXT NOT NULL,            -- receipt QR token
	channel       TEXT NOT NULL CHECK (channel IN
	                ('kiosk', 'desk', 'letter', 'email', 'phone')),
	lang          TEXT NOT NULL DEFAULT 'id' CHECK (lang IN ('id', 'en')),
	received_at   INTEGER NOT NULL,         -- when the office received it
	created_at    INTEGER NOT NULL,         -- when it was entered
	name          TEXT NOT NULL,
	id_type       TEXT NOT NULL CHECK (id_type IN
	                ('nik', 'passport', 'deed', 'other')),
	id_number     TEXT NOT NULL,            -- personal data (UU 27/2022)
	proxy         INTEGER NOT NULL DEFAULT 0 CHECK (proxy IN (0, 1)),
	address       TEXT NOT NULL,
	occupation    TEXT NOT NULL DEFAULT '',
	phone         TEXT NOT NULL DEFAULT '',
	email         TEXT NOT NULL DEFAULT '',
	info          TEXT NOT NULL,            -- information requested
	purpose       TEXT NOT NULL,            -- purpose of use
	obtain        TEXT NOT NULL CHECK (obtain IN
	                ('view', 'softcopy', 'hardcopy')),
	delivery      TEXT NOT NULL CHECK (delivery IN
	                ('pickup', 'courier', 'post', 'fax', 'email')),
	regime        TEXT NOT NULL DEFAULT 'ordinary'
	                REFERENCES deadline_rules(regime),
	status        TEXT NOT NULL DEFAULT 'submitted',
	start_date    TEXT NOT NULL,            -- first day the deadline counts from
	deadline      TEXT NOT NULL,
	extended_deadline TEXT,                 -- set by the one extension
	extensions    INTEGER NOT NULL DEFAULT 0,
	decision      TEXT CHECK (decision IN
	                ('granted', 'partial', 'rejected', 'not_held')),
	basis         TEXT NOT NULL DEFAULT '', -- Pasal 17 letters, e.g. 'h'
	holder        TEXT NOT NULL DEFAULT '', -- who holds it when not held
	memo          TEXT NOT NULL DEFAULT '', -- coordination memo number
	notified_at   INTEGER,
	closed_at     INTEGER,
	updated_at    INTEGER NOT NULL,
	UNIQUE (reg_year, reg_seq)
) STRICT;

CREATE INDEX requests_status ON requests (status, deadline);

-- Nothing in the register is ever deleted.
CREATE TRIGGER requests_no_delete BEFORE DELETE ON requests
BEGIN
	SELECT RAISE(ABORT, 'requests are never deleted');
END;

-- Every state change, append-only.  request_id is NULL for events that
-- concern the office rather than one request (calls, holiday imports).
CREATE TABLE events (
	id          INTEGER PRIMARY KEY,
	request_id  INTEGER REFERENCES requests(id),
	at          INTEGER NOT NULL,
	actor       TEXT NOT NULL,              -- OS login, or 'kiosk'
	role        TEXT NOT NULL,
	action      TEXT NOT NULL,
	from_status TEXT,
	to_status   TEXT,
	note        TEXT NOT NULL DEFAULT '',
	dev_mode    INTEGER NOT NULL DEFAULT 0 CHECK (dev_mode IN (0, 1))
) STRICT;

CREATE INDEX events_request ON events (request_id, id);

CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN
	SELECT RAISE(ABORT, 'events are append-only');
END;

CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN
	SELECT RAISE(ABORT, 'events are append-only');
END;

-- Presses of the visitor's call button.
CREATE TABLE calls (
	id        INTEGER PRIMARY KEY,
	at        INTEGER NOT NULL,
	source    TEXT NOT NULL,                -- 'button', 'screen'
	acked_at  INTEGER,
	acked_by  TEXT
) STRICT;

-- Documents sent to a printer, and what became of them.
CREATE TABLE print_jobs (
	id          INTEGER PRIMARY KEY,
	request_id  INTEGER NOT NULL REFERENCES requests(id),
	document    TEXT NOT NULL CHECK (document IN ('receipt', 'notification')),
	printer     TEXT NOT NULL DEFAULT '',
	cups_job    INTEGER,
	state       TEXT NOT NULL DEFAULT 'queued' CHECK (state IN
	              ('queued', 'sent', 'printing', 'done', 'failed',
	               'cancelled')),
	reason      TEXT NOT NULL DEFAULT '',
	created_at  INTEGER NOT NULL,
	updated_at  INTEGER NOT NULL
) STRICT;

CREATE INDEX print_jobs_state ON print_jobs (state, created_at);

-- Non-working days besides weekends.
CREATE TABLE holidays (
	day     TEXT PRIMARY KEY,               -- 'YYYY-MM-DD'
	kind    TEXT NOT NULL CHECK (kind IN ('national', 'leave', 'office')),
	name    TEXT NOT NULL,
	source  TEXT NOT NULL DEFAULT ''
) STRICT;
