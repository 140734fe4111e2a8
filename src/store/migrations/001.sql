-- jifen ledger, migration 1. Current-state tables are written in the same
-- transaction as the journal event that changes them.
CREATE TABLE branch (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    scheme_id TEXT NOT NULL,
    scheme_toml TEXT NOT NULL,
    settings TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE member (
    id INTEGER PRIMARY KEY,
    branch_id INTEGER NOT NULL REFERENCES branch(id),
    name TEXT NOT NULL,
    category TEXT NOT NULL,
    tier INTEGER,
    grp TEXT,
    status TEXT NOT NULL DEFAULT 'active',
    joined TEXT
);
CREATE INDEX member_branch ON member(branch_id, name);
CREATE TABLE period (
    branch_id INTEGER NOT NULL REFERENCES branch(id),
    id TEXT NOT NULL,
    state TEXT NOT NULL,
    opened_at TEXT NOT NULL,
    locked_at TEXT,
    seal TEXT,
    window_end TEXT,
    PRIMARY KEY (branch_id, id)
) WITHOUT ROWID;
CREATE TABLE claim (
    id INTEGER PRIMARY KEY,
    branch_id INTEGER NOT NULL,
    member_id INTEGER NOT NULL REFERENCES member(id),
    period TEXT NOT NULL,
    item TEXT NOT NULL,
    level TEXT,
    count INTEGER NOT NULL,
    claimed REAL NOT NULL,
    points REAL NOT NULL,
    act_date TEXT,
    note TEXT,
    evidence TEXT,
    source TEXT NOT NULL,
    status TEXT NOT NULL,
    reason TEXT,
    decided_at TEXT,
    decided_by TEXT,
    FOREIGN KEY (branch_id, period) REFERENCES period(branch_id, id)
);
CREATE INDEX claim_period_member ON claim(branch_id, period, member_id);
CREATE TABLE tally (
    branch_id INTEGER NOT NULL,
    period TEXT NOT NULL,
    member_id INTEGER NOT NULL,
    item TEXT NOT NULL,
    points REAL NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (branch_id, period, member_id, item)
) WITHOUT ROWID;
CREATE TABLE confirmation (
    branch_id INTEGER NOT NULL,
    period TEXT NOT NULL,
    member_id INTEGER NOT NULL,
    state TEXT NOT NULL,
    text TEXT,
    at TEXT NOT NULL,
    PRIMARY KEY (branch_id, period, member_id)
) WITHOUT ROWID;
CREATE TABLE attendance (
    branch_id INTEGER NOT NULL,
    period TEXT NOT NULL,
    member_id INTEGER NOT NULL,
    mark TEXT NOT NULL,
    PRIMARY KEY (branch_id, period, member_id)
) WITHOUT ROWID;
CREATE TABLE lock_total (
    branch_id INTEGER NOT NULL,
    period TEXT NOT NULL,
    member_id INTEGER NOT NULL,
    score REAL NOT NULL,
    rank INTEGER NOT NULL,
    grade TEXT,
    stars INTEGER,
    confirmed INTEGER NOT NULL,
    PRIMARY KEY (branch_id, period, member_id)
) WITHOUT ROWID;
CREATE TABLE appeal (
    id INTEGER PRIMARY KEY,
    branch_id INTEGER NOT NULL,
    period TEXT NOT NULL,
    member_id INTEGER NOT NULL,
    items TEXT,
    text TEXT NOT NULL,
    filed_at TEXT NOT NULL,
    reply_due TEXT NOT NULL,
    stage TEXT NOT NULL,
    reply TEXT,
    outcome TEXT,
    replied_at TEXT
);
CREATE TABLE correction (
    id INTEGER PRIMARY KEY,
    branch_id INTEGER NOT NULL,
    period TEXT NOT NULL,
    member_id INTEGER NOT NULL,
    item TEXT NOT NULL,
    points REAL NOT NULL,
    reason TEXT NOT NULL,
    appeal_id INTEGER
);
CREATE TABLE follow_up (
    branch_id INTEGER NOT NULL,
    scope TEXT NOT NULL,
    member_id INTEGER NOT NULL,
    action TEXT NOT NULL,
    done_at TEXT,
    note TEXT,
    PRIMARY KEY (branch_id, scope, member_id, action)
) WITHOUT ROWID;
CREATE TABLE event (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
-- Volatile: what the room display shows. Not part of the ledger.
CREATE TABLE board_state (
    branch_id INTEGER PRIMARY KEY,
    state TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
-- Volatile: which console holds the database.
CREATE TABLE console_lease (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    holder TEXT NOT NULL,
    pid INTEGER NOT NULL,
    since TEXT NOT NULL,
    heartbeat TEXT NOT NULL
);

CREATE TRIGGER event_no_update BEFORE UPDATE ON event
BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
CREATE TRIGGER event_no_delete BEFORE DELETE ON event
BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
CREATE TRIGGER lock_total_no_update BEFORE UPDATE ON lock_total
BEGIN SELECT RAISE(ABORT, 'locked totals cannot change'); END;
CREATE TRIGGER lock_total_no_delete BEFORE DELETE ON lock_total
BEGIN SELECT RAISE(ABORT, 'locked totals cannot change'); END;
CREATE TRIGGER period_no_unlock BEFORE UPDATE ON period
WHEN OLD.state IN ('locked','published','final')
 AND (NEW.state IN ('open','in-session') OR OLD.seal IS NOT NEW.seal)
BEGIN SELECT RAISE(ABORT, 'period is locked'); END;
CREATE TRIGGER claim_locked_insert BEFORE INSERT ON claim
WHEN (SELECT state FROM period WHERE branch_id = NEW.branch_id AND id = NEW.period) IN ('locked','published','final')
BEGIN SELECT RAISE(ABORT, 'period is locked'); END;
CREATE TRIGGER claim_locked_update BEFORE UPDATE ON claim
WHEN (SELECT state FROM period WHERE branch_id = OLD.branch_id AND id = OLD.period) IN ('locked','published','final')
BEGIN SELECT RAISE(ABORT, 'period is locked'); END;
CREATE TRIGGER claim_locked_delete BEFORE DELETE ON claim
WHEN (SELECT state FROM period WHERE branch_id = OLD.branch_id AND id = OLD.period) IN ('locked','published','final')
BEGIN SELECT RAISE(ABORT, 'period is locked'); END;
CREATE TRIGGER tally_locked_insert BEFORE INSERT ON tally
WHEN (SELECT state FROM period WHERE branch_id = NEW.branch_id AND id = NEW.period) IN ('locked','published','final')
BEGIN SELECT RAISE(ABORT, 'period is locked'); END;
CREATE TRIGGER tally_locked_update BEFORE UPDATE ON tally
WHEN (SELECT state FROM period WHERE branch_id = OLD.branch_id AND id = OLD.period) IN ('locked','published','final')
BEGIN SELECT RAISE(ABORT, 'period is locked'); END;
CREATE TRIGGER tally_locked_delete BEFORE DELETE ON tally
WHEN (SELECT state FROM period WHERE branch_id = OLD.branch_id AND id = OLD.period) IN ('locked','published','final')
BEGIN SELECT RAISE(ABORT, 'period is locked'); END;
CREATE TRIGGER confirmation_locked_insert BEFORE INSERT ON confirmation
WHEN (SELECT state FROM period WHERE branch_id = NEW.branch_id AND id = NEW.period) IN ('locked','published','final')
BEGIN SELECT RAISE(ABORT, 'period is locked'); END;
CREATE TRIGGER confirmation_locked_update BEFORE UPDATE ON confirmation
WHEN (SELECT state FROM period WHERE branch_id = OLD.branch_id AND id = OLD.period) IN ('locked','published','final')
BEGIN SELECT RAISE(ABORT, 'period is locked'); END;
CREATE TRIGGER confirmation_locked_delete BEFORE DELETE ON confirmation
WHEN (SELECT state FROM period WHERE branch_id = OLD.branch_id AND id = OLD.period) IN ('locked','published','final')
BEGIN SELECT RAISE(ABORT, 'period is locked'); END;
CREATE TRIGGER attendance_locked_insert BEFORE INSERT ON attendance
WHEN (SELECT state FROM period WHERE branch_id = NEW.branch_id AND id = NEW.period) IN ('locked','published','final')
BEGIN SELECT RAISE(ABORT, 'period is locked'); END;
CREATE TRIGGER attendance_locked_update BEFORE UPDATE ON attendance
WHEN (SELECT state FROM period WHERE branch_id = OLD.branch_id AND id = OLD.period) IN ('locked','published','final')
BEGIN SELECT RAISE(ABORT, 'period is locked'); END;
CREATE TRIGGER attendance_locked_delete BEFORE DELETE ON attendance
WHEN (SELECT state FROM period WHERE branch_id = OLD.branch_id AND id = OLD.period) IN ('locked','published','final')
BEGIN SELECT RAISE(ABORT, 'period is locked'); END;
