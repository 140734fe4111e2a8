-- jifen ledger, migration 11: points redemption (积分兑换).
--
-- One row per redemption: a member spends `points` of their balance on
-- `count` of a gift of the scheme's catalogue, in a period. A state table
-- like the others: written with its journal event (`redeem`), taken back by
-- an undo (`redeem_cancel`), compared by verify. A redemption never touches
-- a claim, a tally or a score. A sealed period's redemptions cannot change,
-- and none can be added to it.
CREATE TABLE redemption (
    id INTEGER PRIMARY KEY,
    branch_id INTEGER NOT NULL,
    period TEXT NOT NULL,
    member_id INTEGER NOT NULL REFERENCES member(id),
    gift TEXT NOT NULL,
    count INTEGER NOT NULL,
    points REAL NOT NULL,
    at TEXT NOT NULL,
    FOREIGN KEY (branch_id, period) REFERENCES period(branch_id, id)
);
CREATE INDEX redemption_member ON redemption(branch_id, member_id);
CREATE INDEX redemption_period ON redemption(branch_id, period);

CREATE TRIGGER redemption_locked_insert AFTER INSERT ON redemption
WHEN EXISTS (SELECT 1 FROM period WHERE branch_id = NEW.branch_id AND id = NEW.period
             AND (state = 'locked' OR state = 'published' OR state = 'final'))
BEGIN SELECT RAISE(ABORT, 'period is locked'); END;

CREATE TRIGGER redemption_locked_update BEFORE UPDATE ON redemption
WHEN EXISTS (SELECT 1 FROM period WHERE branch_id = OLD.branch_id AND id = OLD.period
             AND (state = 'locked' OR state = 'published' OR state = 'final'))
BEGIN SELECT RAISE(ABORT, 'period is locked'); END;

CREATE TRIGGER redemption_locked_delete BEFORE DELETE ON redemption
WHEN EXISTS (SELECT 1 FROM period WHERE branch_id = OLD.branch_id AND id = OLD.period
             AND (state = 'locked' OR state = 'published' OR state = 'final'))
BEGIN SELECT RAISE(ABORT, 'period is locked'); END;
