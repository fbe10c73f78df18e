-- SPDX-License-Identifier: GPL-2.0-or-later
-- Schema version 5: the information's hand-over and the Kasubbag's records.
--  * print_jobs may hold the data receipt (tanda terima data, SOP step 5),
--    printed for the requester's signature when the information is handed
--    over.  The table is rebuilt (SQLite's only way to change a CHECK); row
--    ids are kept.
--  * SOP step 7: one daily supervision per office day, an event
--    (request_id NULL, action 'supervise', note 'YYYY-MM-DD: ...').
--  * SOP step 8: one monthly report hand-over per month, an event (action
--    'report-handover', note 'YYYY-MM...').
--    Both are enforced here, so two desks recording at once cannot both
--    succeed; like every event they are never updated or deleted.

CREATE TABLE print_jobs_v5 (
	id          INTEGER PRIMARY KEY,
	request_id  INTEGER NOT NULL REFERENCES requests(id),
	document    TEXT NOT NULL CHECK (document IN
	              ('receipt', 'notification', 'data_receipt')),
	printer     TEXT NOT NULL DEFAULT '',
	cups_job    INTEGER,
	state       TEXT NOT NULL DEFAULT 'queued' CHECK (state IN
	              ('queued', 'sent', 'printing', 'done', 'failed',
	               'cancelled')),
	reason      TEXT NOT NULL DEFAULT '',
	created_at  INTEGER NOT NULL,
	updated_at  INTEGER NOT NULL
) STRICT;

INSERT INTO print_jobs_v5 (id, request_id, document, printer, cups_job,
	state, reason, created_at, updated_at)
SELECT id, request_id, document, printer, cups_job, state, reason,
	created_at, updated_at
FROM print_jobs;

DROP TABLE print_jobs;
ALTER TABLE print_jobs_v5 RENAME TO print_jobs;

CREATE INDEX print_jobs_state ON print_jobs (state, created_at);

CREATE UNIQUE INDEX events_one_supervision ON events (substr(note, 1, 10))
	WHERE action = 'supervise' AND request_id IS NULL;
CREATE UNIQUE INDEX events_one_report_handover ON events (substr(note, 1, 7))
	WHERE action = 'report-handover' AND request_id IS NULL;
