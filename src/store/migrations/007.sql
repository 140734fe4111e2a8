-- jifen ledger, migration 7: one row per fact.
--
-- A claim is a `claim` row and nothing else: claim packs (migration 5) were
-- folded back into claim rows before this runs (`db::before_migration`, from
-- the journal's own batches), sealed tallies and score digests (migration 6)
-- go, and `tally` is no longer a table kept beside the claims but a view of
-- the approved claims. The kept `score` per (period, member) stays: it is what
-- makes a ranking read numbers instead of scoring every claim.

-- Claims of a locked period may again not be added (the fold lifted it).
CREATE TRIGGER IF NOT EXISTS claim_locked_insert AFTER INSERT ON claim
WHEN EXISTS (SELECT 1 FROM period WHERE branch_id = NEW.branch_id AND id = NEW.period
             AND (state = 'locked' OR state = 'published' OR state = 'final'))
BEGIN SELECT RAISE(ABORT, 'period is locked'); END;

DROP TRIGGER IF EXISTS claim_pack_locked_insert;
DROP TRIGGER IF EXISTS claim_pack_locked_update;
DROP TRIGGER IF EXISTS claim_pack_locked_delete;
DROP INDEX IF EXISTS claim_pack_member;
DROP INDEX IF EXISTS claim_pack_pending;
DROP TABLE IF EXISTS claim_pack;

DROP TRIGGER IF EXISTS tally_seal_open_insert;
DROP TRIGGER IF EXISTS tally_seal_locked_update;
DROP TRIGGER IF EXISTS tally_seal_locked_delete;
DROP TABLE IF EXISTS tally_seal;

DROP TRIGGER IF EXISTS score_digest_update;
DROP TRIGGER IF EXISTS score_digest_delete;
DROP TRIGGER IF EXISTS score_digest_insert;
DROP TABLE IF EXISTS score_digest;

-- A score belongs to a period of its branch.
CREATE TRIGGER score_period_known AFTER INSERT ON score
WHEN NOT EXISTS (SELECT 1 FROM period WHERE branch_id = NEW.branch_id AND id = NEW.period)
BEGIN SELECT RAISE(ABORT, 'a score for a period the branch does not have'); END;

DROP TRIGGER IF EXISTS score_tally_insert;
DROP TRIGGER IF EXISTS score_tally_update;
DROP TRIGGER IF EXISTS score_tally_delete;
DROP TRIGGER IF EXISTS tally_locked_insert;
DROP TRIGGER IF EXISTS tally_locked_update;
DROP TRIGGER IF EXISTS tally_locked_delete;
DROP TABLE tally;

-- What each member's approved claims of an item add up to in a period.
CREATE VIEW tally (branch_id, period, member_id, item, points, count) AS
SELECT branch_id, period, member_id, item, SUM(points), count(*)
FROM claim WHERE status = 'approved' OR status = 'adjusted'
GROUP BY branch_id, period, member_id, item;

-- A change to a counted claim notes the score it moves (see migration 3);
-- the core re-scores every note before the change commits.
CREATE TRIGGER score_claim_insert AFTER INSERT ON claim
WHEN (NEW.status = 'approved' OR NEW.status = 'adjusted')
 AND NOT EXISTS (SELECT 1 FROM score_dirty WHERE branch_id = NEW.branch_id AND period = NEW.period AND member_id IS NULL)
BEGIN INSERT INTO score_dirty VALUES (NEW.branch_id, NEW.period, NEW.member_id); END;
CREATE TRIGGER score_claim_update AFTER UPDATE OF status, points, item, member_id, period ON claim
WHEN OLD.status = 'approved' OR OLD.status = 'adjusted' OR NEW.status = 'approved' OR NEW.status = 'adjusted'
BEGIN
    INSERT INTO score_dirty VALUES (OLD.branch_id, OLD.period, OLD.member_id);
    INSERT INTO score_dirty VALUES (NEW.branch_id, NEW.period, NEW.member_id);
END;
CREATE TRIGGER score_claim_delete AFTER DELETE ON claim
WHEN OLD.status = 'approved' OR OLD.status = 'adjusted'
BEGIN INSERT INTO score_dirty VALUES (OLD.branch_id, OLD.period, OLD.member_id); END;
