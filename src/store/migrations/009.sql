-- jifen ledger, migration 9: the claim files imported.
--
-- Kept beside the ledger, as the room display's row is (not journalled, not
-- compared by verify): one row per claim import, so that the same rows
-- imported again are recognised and refused unless asked for. `rows_digest`
-- is the rows' digest as a set (see `app::import::repeat`), whatever the
-- file's name, format or order of rows.
CREATE TABLE import_log (
    id INTEGER PRIMARY KEY,
    branch_id INTEGER NOT NULL,
    file TEXT NOT NULL,
    rows_digest TEXT NOT NULL,
    rows INTEGER NOT NULL,
    first_claim INTEGER NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX import_log_digest ON import_log(branch_id, rows_digest);
