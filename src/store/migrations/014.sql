-- jifen ledger, migration 14: the meeting's own record (会议记录).
--
-- One row per period of a branch: where the assembly met, who hosted it
-- (主持人) and who kept the record (记录人), its agenda and its resolutions
-- (JSON arrays of text, in order). A state table like the others: written
-- with its journal event (`meeting_set`, which carries the whole record),
-- compared by verify. The minutes are written at the meeting: a sealed
-- period's record cannot change, and none can be added to it.
CREATE TABLE meeting (
    branch_id INTEGER NOT NULL,
    period TEXT NOT NULL,
    place TEXT,
    host TEXT,
    recorder TEXT,
    agenda TEXT NOT NULL DEFAULT '[]',
    resolutions TEXT NOT NULL DEFAULT '[]',
    at TEXT NOT NULL,
    PRIMARY KEY (branch_id, period),
    FOREIGN KEY (branch_id, period) REFERENCES period(branch_id, id)
) WITHOUT ROWID;

CREATE TRIGGER meeting_locked_insert AFTER INSERT ON meeting
WHEN EXISTS (SELECT 1 FROM period WHERE branch_id = NEW.branch_id AND id = NEW.period
             AND (state = 'locked' OR state = 'published' OR state = 'final'))
BEGIN SELECT RAISE(ABORT, 'period is locked'); END;

CREATE TRIGGER meeting_locked_update BEFORE UPDATE ON meeting
WHEN EXISTS (SELECT 1 FROM period WHERE branch_id = OLD.branch_id AND id = OLD.period
             AND (state = 'locked' OR state = 'published' OR state = 'final'))
BEGIN SELECT RAISE(ABORT, 'period is locked'); END;

CREATE TRIGGER meeting_locked_delete BEFORE DELETE ON meeting
WHEN EXISTS (SELECT 1 FROM period WHERE branch_id = OLD.branch_id AND id = OLD.period
             AND (state = 'locked' OR state = 'published' OR state = 'final'))
BEGIN SELECT RAISE(ABORT, 'period is locked'); END;
