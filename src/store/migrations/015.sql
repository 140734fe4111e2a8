-- jifen ledger, migration 15: the committee's publication and reconsiderations
-- (复议), and the branch's record of the decisions it received.
--
-- At a committee database every change is an event of its own journal (the
-- `event` table, unstamped rows): a filing received (`filing_received`), the
-- filings of a period posted (`filings_posted`), a reconsideration filed
-- (`review_file`) and decided (`review_decide`). The tables below are their
-- state, written in the same transaction as the event; verify replays them.

-- A received filing posted by the committee (公示): from the day after
-- `posted_on`, `days` working days of the committee's calendar, to `window_end`.
CREATE TABLE filing_posted (
    filing_id INTEGER PRIMARY KEY,
    posted_on TEXT NOT NULL,
    days INTEGER NOT NULL,
    window_end TEXT NOT NULL
);

-- A member's reconsideration request against a received filing, and its
-- decision: `outcome` null while open, else 'upheld' or 'dismissed'; an
-- upheld one moves the member's score by `points` on `item` (a correction
-- the branch posts when it receives the decision file).
CREATE TABLE review (
    id INTEGER PRIMARY KEY,
    filing_id INTEGER NOT NULL,
    member_id INTEGER NOT NULL,
    member TEXT NOT NULL,
    item TEXT,
    text TEXT NOT NULL,
    filed_on TEXT NOT NULL,
    due TEXT NOT NULL,
    outcome TEXT CHECK (outcome IS NULL OR outcome IN ('upheld', 'dismissed')),
    points REAL,
    reason TEXT,
    decided_on TEXT
);
CREATE INDEX review_filing ON review(filing_id);
CREATE TRIGGER review_decided_once BEFORE UPDATE ON review
WHEN OLD.outcome IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a decided reconsideration is final'); END;
CREATE TRIGGER review_no_delete BEFORE DELETE ON review
BEGIN SELECT RAISE(ABORT, 'a reconsideration is kept'); END;

-- At a branch: each committee decision received (`review_decision` events),
-- known by the committee's decision event hash (`decision`), so the same
-- decision is taken once. An upheld one posted `correction_id`.
CREATE TABLE review_received (
    decision TEXT PRIMARY KEY,
    branch_id INTEGER NOT NULL,
    period TEXT NOT NULL,
    member_id INTEGER NOT NULL,
    review INTEGER NOT NULL,
    outcome TEXT NOT NULL,
    seal TEXT NOT NULL,
    committee_head TEXT NOT NULL,
    correction_id INTEGER,
    file_sha256 TEXT NOT NULL,
    at TEXT NOT NULL
) WITHOUT ROWID;
