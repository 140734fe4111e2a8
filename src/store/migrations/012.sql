-- jifen ledger, migration 12: the democratic appraisal (民主测评 / 民主评议).
--
-- Ballots are secret: only counts per member are kept, never who voted what.
-- `appraisal`: one per (branch, period): the ballots issued (voting members
-- present plus invited mass representatives, or as the secretary gave them),
-- returned and spoiled (valid = returned - spoiled), open or closed.
-- `appraisal_vote`: one row per (member, choice) counted, `blank` for valid
-- ballots that left the member unmarked.
-- `appraisal_score`: one row per (member, ballot number, part) of score ballots.
-- `appraisal_pick`: points the branch chose within a grade's range.
-- `appraisal_result`: the results the close posted (part '' for a grade).
-- State tables like the others: written with their journal events, compared
-- by verify. A sealed period's appraisal cannot change.

CREATE TABLE appraisal (
    branch_id INTEGER NOT NULL,
    period TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('votes', 'scores')),
    issued INTEGER NOT NULL CHECK (issued >= 0),
    representatives INTEGER NOT NULL CHECK (representatives >= 0),
    returned INTEGER NOT NULL CHECK (returned >= 0 AND returned <= issued),
    spoiled INTEGER NOT NULL CHECK (spoiled >= 0 AND spoiled <= returned),
    state TEXT NOT NULL CHECK (state IN ('open', 'closed')),
    opened_at TEXT NOT NULL,
    closed_at TEXT,
    PRIMARY KEY (branch_id, period),
    FOREIGN KEY (branch_id, period) REFERENCES period(branch_id, id)
);
CREATE TRIGGER appraisal_locked_insert AFTER INSERT ON appraisal
WHEN EXISTS (SELECT 1 FROM period WHERE branch_id = NEW.branch_id AND id = NEW.period
             AND (state = 'locked' OR state = 'published' OR state = 'final'))
BEGIN SELECT RAISE(ABORT, 'period is locked'); END;
CREATE TRIGGER appraisal_locked_update BEFORE UPDATE ON appraisal
WHEN EXISTS (SELECT 1 FROM period WHERE branch_id = OLD.branch_id AND id = OLD.period
             AND (state = 'locked' OR state = 'published' OR state = 'final'))
BEGIN SELECT RAISE(ABORT, 'period is locked'); END;
CREATE TRIGGER appraisal_locked_delete BEFORE DELETE ON appraisal
WHEN EXISTS (SELECT 1 FROM period WHERE branch_id = OLD.branch_id AND id = OLD.period
             AND (state = 'locked' OR state = 'published' OR state = 'final'))
BEGIN SELECT RAISE(ABORT, 'period is locked'); END;

CREATE TABLE appraisal_vote (
    branch_id INTEGER NOT NULL,
    period TEXT NOT NULL,
    member_id INTEGER NOT NULL REFERENCES member(id),
    choice TEXT NOT NULL,
    count INTEGER NOT NULL CHECK (count >= 0),
    PRIMARY KEY (branch_id, period, member_id, choice),
    FOREIGN KEY (branch_id, period) REFERENCES appraisal(branch_id, period)
);
CREATE TRIGGER appraisal_vote_locked_insert AFTER INSERT ON appraisal_vote
WHEN EXISTS (SELECT 1 FROM period WHERE branch_id = NEW.branch_id AND id = NEW.period
             AND (state = 'locked' OR state = 'published' OR state = 'final'))
BEGIN SELECT RAISE(ABORT, 'period is locked'); END;
CREATE TRIGGER appraisal_vote_locked_update BEFORE UPDATE ON appraisal_vote
WHEN EXISTS (SELECT 1 FROM period WHERE branch_id = OLD.branch_id AND id = OLD.period
             AND (state = 'locked' OR state = 'published' OR state = 'final'))
BEGIN SELECT RAISE(ABORT, 'period is locked'); END;
CREATE TRIGGER appraisal_vote_locked_delete BEFORE DELETE ON appraisal_vote
WHEN EXISTS (SELECT 1 FROM period WHERE branch_id = OLD.branch_id AND id = OLD.period
             AND (state = 'locked' OR state = 'published' OR state = 'final'))
BEGIN SELECT RAISE(ABORT, 'period is locked'); END;

CREATE TABLE appraisal_score (
    branch_id INTEGER NOT NULL,
    period TEXT NOT NULL,
    member_id INTEGER NOT NULL REFERENCES member(id),
    rater INTEGER NOT NULL CHECK (rater >= 1),
    part TEXT NOT NULL,
    score REAL NOT NULL,
    PRIMARY KEY (branch_id, period, member_id, rater, part),
    FOREIGN KEY (branch_id, period) REFERENCES appraisal(branch_id, period)
);
CREATE TRIGGER appraisal_score_locked_insert AFTER INSERT ON appraisal_score
WHEN EXISTS (SELECT 1 FROM period WHERE branch_id = NEW.branch_id AND id = NEW.period
             AND (state = 'locked' OR state = 'published' OR state = 'final'))
BEGIN SELECT RAISE(ABORT, 'period is locked'); END;
CREATE TRIGGER appraisal_score_locked_update BEFORE UPDATE ON appraisal_score
WHEN EXISTS (SELECT 1 FROM period WHERE branch_id = OLD.branch_id AND id = OLD.period
             AND (state = 'locked' OR state = 'published' OR state = 'final'))
BEGIN SELECT RAISE(ABORT, 'period is locked'); END;
CREATE TRIGGER appraisal_score_locked_delete BEFORE DELETE ON appraisal_score
WHEN EXISTS (SELECT 1 FROM period WHERE branch_id = OLD.branch_id AND id = OLD.period
             AND (state = 'locked' OR state = 'published' OR state = 'final'))
BEGIN SELECT RAISE(ABORT, 'period is locked'); END;

CREATE TABLE appraisal_pick (
    branch_id INTEGER NOT NULL,
    period TEXT NOT NULL,
    member_id INTEGER NOT NULL REFERENCES member(id),
    points REAL NOT NULL,
    PRIMARY KEY (branch_id, period, member_id),
    FOREIGN KEY (branch_id, period) REFERENCES appraisal(branch_id, period)
);
CREATE TRIGGER appraisal_pick_locked_insert AFTER INSERT ON appraisal_pick
WHEN EXISTS (SELECT 1 FROM period WHERE branch_id = NEW.branch_id AND id = NEW.period
             AND (state = 'locked' OR state = 'published' OR state = 'final'))
BEGIN SELECT RAISE(ABORT, 'period is locked'); END;
CREATE TRIGGER appraisal_pick_locked_update BEFORE UPDATE ON appraisal_pick
WHEN EXISTS (SELECT 1 FROM period WHERE branch_id = OLD.branch_id AND id = OLD.period
             AND (state = 'locked' OR state = 'published' OR state = 'final'))
BEGIN SELECT RAISE(ABORT, 'period is locked'); END;
CREATE TRIGGER appraisal_pick_locked_delete BEFORE DELETE ON appraisal_pick
WHEN EXISTS (SELECT 1 FROM period WHERE branch_id = OLD.branch_id AND id = OLD.period
             AND (state = 'locked' OR state = 'published' OR state = 'final'))
BEGIN SELECT RAISE(ABORT, 'period is locked'); END;

CREATE TABLE appraisal_result (
    branch_id INTEGER NOT NULL,
    period TEXT NOT NULL,
    member_id INTEGER NOT NULL REFERENCES member(id),
    part TEXT NOT NULL,
    grade TEXT,
    points REAL,
    PRIMARY KEY (branch_id, period, member_id, part),
    FOREIGN KEY (branch_id, period) REFERENCES appraisal(branch_id, period)
);
CREATE TRIGGER appraisal_result_locked_insert AFTER INSERT ON appraisal_result
WHEN EXISTS (SELECT 1 FROM period WHERE branch_id = NEW.branch_id AND id = NEW.period
             AND (state = 'locked' OR state = 'published' OR state = 'final'))
BEGIN SELECT RAISE(ABORT, 'period is locked'); END;
CREATE TRIGGER appraisal_result_locked_update BEFORE UPDATE ON appraisal_result
WHEN EXISTS (SELECT 1 FROM period WHERE branch_id = OLD.branch_id AND id = OLD.period
             AND (state = 'locked' OR state = 'published' OR state = 'final'))
BEGIN SELECT RAISE(ABORT, 'period is locked'); END;
CREATE TRIGGER appraisal_result_locked_delete BEFORE DELETE ON appraisal_result
WHEN EXISTS (SELECT 1 FROM period WHERE branch_id = OLD.branch_id AND id = OLD.period
             AND (state = 'locked' OR state = 'published' OR state = 'final'))
BEGIN SELECT RAISE(ABORT, 'period is locked'); END;
