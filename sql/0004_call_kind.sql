-- SPDX-License-Identifier: GPL-2.0-or-later
-- Schema version 4: a call says what kind it is, and a pickup call names
-- the request whose documents the visitor is waiting to collect, so the
-- desk knows who is waiting and for what.
--   button  the GPIO push button
--   screen  the call key on the touchscreen
--   pickup  "call the desk to collect" on a status result (request_id set)
-- The old free-text source ('button', 'screen') becomes the kind.  The
-- table is rebuilt (SQLite's only way to add a CHECK); the migration runner
-- turns foreign keys off around the upgrade and checks them before it
-- commits.  Row ids are kept.

CREATE TABLE calls_v4 (
	id         INTEGER PRIMARY KEY,
	at         INTEGER NOT NULL,
	kind       TEXT NOT NULL CHECK (kind IN ('button', 'screen', 'pickup')),
	request_id INTEGER REFERENCES requests(id),
	acked_at   INTEGER,
	acked_by   TEXT,
	-- a pickup names its request; the other kinds name none
	CHECK ((kind = 'pickup') = (request_id IS NOT NULL))
) STRICT;

INSERT INTO calls_v4 (id, at, kind, request_id, acked_at, acked_by)
SELECT id, at, CASE source WHEN 'screen' THEN 'screen' ELSE 'button' END,
	NULL, acked_at, acked_by
FROM calls;

DROP TABLE calls;
ALTER TABLE calls_v4 RENAME TO calls;

CREATE INDEX calls_pending ON calls (acked_at, id);
