-- SPDX-License-Identifier: GPL-2.0-or-later
-- Schema version 3: requests.status and requests.regime may hold only the
-- keys this program knows (CHECK), so a mistyped or foreign status cannot
-- enter the register.  SQLite adds a CHECK only by rebuilding the table
-- (https://www.sqlite.org/lang_altertable.html, "making other kinds of
-- table schema changes"): the migration runner turns foreign keys off
-- around the whole upgrade and runs PRAGMA foreign_key_check before it
-- commits.  Row ids are copied, so events and print_jobs keep pointing at
-- the same requests; the index and the no-delete trigger are made again.
-- The regime was already stored as its key ('ordinary', 'election'); the
-- program's struct request now carries it as an enum instead of a flag.
-- 'objection' is allowed now so the coming objection register needs no
-- second rebuild; it has no deadline rule yet.

CREATE TABLE requests_v3 (
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
	-- enum wf_regime (firmware/workflow.h)
	regime        TEXT NOT NULL DEFAULT 'ordinary'
	                REFERENCES deadline_rules(regime)
	                CHECK (regime IN ('ordinary', 'election', 'objection')),
	-- enum wf_status (firmware/workflow.h)
	status        TEXT NOT NULL DEFAULT 'submitted' CHECK (status IN
	                ('submitted', 'forwarded', 'excluded', 'available',
	                 'coordinating', 'decided', 'notified', 'closed')),
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

INSERT INTO requests_v3 (id, regno, reg_year, reg_seq, token, channel, lang,
	received_at, created_at, name, id_type, id_number, proxy, address,
	occupation, phone, email, info, purpose, obtain, delivery, regime,
	status, start_date, deadline, extended_deadline, extensions, decision,
	basis, holder, memo, notified_at, closed_at, updated_at)
SELECT id, regno, reg_year, reg_seq, token, channel, lang,
	received_at, created_at, name, id_type, id_number, proxy, address,
	occupation, phone, email, info, purpose, obtain, delivery, regime,
	status, start_date, deadline, extended_deadline, extensions, decision,
	basis, holder, memo, notified_at, closed_at, updated_at
FROM requests;

DROP TABLE requests;
ALTER TABLE requests_v3 RENAME TO requests;

CREATE INDEX requests_status ON requests (status, deadline);

-- Nothing in the register is ever deleted.
CREATE TRIGGER requests_no_delete BEFORE DELETE ON requests
BEGIN
	SELECT RAISE(ABORT, 'requests are never deleted');
END;
