-- jifen ledger, migration 13: whole seals, and the filings a committee receives.
--
-- (a) Whole seals. A locked period's `seal` was the first 16 hex digits of its
-- lock event's hash; it is now the whole hash (64 hex digits), which is what
-- the minutes, `period list` and `verify --seal` use. The journal itself is
-- untouched: each lock event's hash is found by the period its payload names
-- and the prefix the period kept. The lock trigger forbids changing a sealed
-- period's seal, so it is set aside for this one update and made again as it
-- was (migration 1).
CREATE TEMP TABLE seal_13 AS
    SELECT json_extract(payload, '$.branch_id') AS branch_id,
           json_extract(payload, '$.period') AS period,
           hash
    FROM event WHERE kind = 'lock';
DROP TRIGGER period_no_unlock;
UPDATE period SET seal = (
    SELECT s.hash FROM seal_13 s
    WHERE s.branch_id = period.branch_id AND s.period = period.id
      AND substr(s.hash, 1, length(period.seal)) = period.seal
    LIMIT 1)
WHERE seal IS NOT NULL AND length(seal) < 64
  AND EXISTS (SELECT 1 FROM seal_13 s
              WHERE s.branch_id = period.branch_id AND s.period = period.id
                AND substr(s.hash, 1, length(period.seal)) = period.seal);
CREATE TRIGGER period_no_unlock BEFORE UPDATE ON period
WHEN OLD.state IN ('locked','published','final')
 AND (NEW.state IN ('open','in-session') OR OLD.seal IS NOT NEW.seal)
BEGIN SELECT RAISE(ABORT, 'period is locked'); END;
DROP TABLE seal_13;

-- (b) The committee's desk (备案). A database is a branch's (the default) or
-- a committee's: a committee database has one `ledger_kind` row 'committee',
-- holds no branch of its own, and refuses the branch's commands.
CREATE TABLE ledger_kind (
    kind TEXT NOT NULL CHECK (kind IN ('committee')),
    made_at TEXT NOT NULL
);
CREATE TRIGGER ledger_kind_one BEFORE INSERT ON ledger_kind
WHEN EXISTS (SELECT 1 FROM ledger_kind)
BEGIN SELECT RAISE(ABORT, 'the database kind is set once'); END;
CREATE TRIGGER ledger_kind_no_update BEFORE UPDATE ON ledger_kind
BEGIN SELECT RAISE(ABORT, 'the database kind is set once'); END;
CREATE TRIGGER ledger_kind_no_delete BEFORE DELETE ON ledger_kind
BEGIN SELECT RAISE(ABORT, 'the database kind is set once'); END;

-- One row per filing received: a branch's period as the file gave it
-- (`body`: the file's whole text, byte for byte; `file_sha256` its digest),
-- after `filing verify` passed on it. One filing per (branch, period).
CREATE TABLE filing (
    id INTEGER PRIMARY KEY,
    branch TEXT NOT NULL,
    period TEXT NOT NULL,
    seal TEXT NOT NULL,
    scheme_id TEXT NOT NULL,
    scheme_sha256 TEXT NOT NULL,
    state TEXT NOT NULL,
    members INTEGER NOT NULL,
    events INTEGER NOT NULL,
    file_name TEXT NOT NULL,
    file_sha256 TEXT NOT NULL,
    received_at TEXT NOT NULL,
    body TEXT NOT NULL,
    UNIQUE (branch, period)
);
CREATE INDEX filing_period ON filing(period, branch);
CREATE INDEX filing_digest ON filing(file_sha256);

-- A filing's results, one row per member, in the branch's ranking order
-- (`position`); `row` is the member's ranking row as the file gives it (the
-- objects of `rank --format json` at the branch), the other columns are
-- copies of its fields for ranking across branches.
CREATE TABLE filing_result (
    filing_id INTEGER NOT NULL REFERENCES filing(id),
    position INTEGER NOT NULL,
    member_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    category TEXT NOT NULL,
    status TEXT NOT NULL,
    score REAL NOT NULL,
    rank INTEGER NOT NULL,
    grade TEXT,
    row TEXT NOT NULL,
    PRIMARY KEY (filing_id, position)
) WITHOUT ROWID;
CREATE INDEX filing_result_category ON filing_result(category, score);

-- Received filings are read-only.
CREATE TRIGGER filing_no_update BEFORE UPDATE ON filing
BEGIN SELECT RAISE(ABORT, 'a received filing is read-only'); END;
CREATE TRIGGER filing_no_delete BEFORE DELETE ON filing
BEGIN SELECT RAISE(ABORT, 'a received filing is read-only'); END;
CREATE TRIGGER filing_result_late_insert BEFORE INSERT ON filing_result
WHEN NEW.filing_id IS NOT (SELECT max(id) FROM filing)
BEGIN SELECT RAISE(ABORT, 'a received filing is read-only'); END;
CREATE TRIGGER filing_result_no_update BEFORE UPDATE ON filing_result
BEGIN SELECT RAISE(ABORT, 'a received filing is read-only'); END;
CREATE TRIGGER filing_result_no_delete BEFORE DELETE ON filing_result
BEGIN SELECT RAISE(ABORT, 'a received filing is read-only'); END;
