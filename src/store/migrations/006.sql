-- jifen ledger, migration 6: a locked period's tallies are sealed, and each
-- period's kept scores have a digest.
--
-- Locking a period moves its tallies (which can no longer change) into one
-- `tally_seal` row: the item codes once, then every member's tallies, encoded
-- with postcard (see `store::tally_seals`). Readers take a sealed period's
-- tallies from its seal.
CREATE TABLE tally_seal (
    branch_id INTEGER NOT NULL,
    period TEXT NOT NULL,
    rows BLOB NOT NULL,
    PRIMARY KEY (branch_id, period),
    FOREIGN KEY (branch_id, period) REFERENCES period(branch_id, id)
) WITHOUT ROWID;
-- A locked period's tally rows (migration 4 guards them) may be deleted only
-- once its seal holds them.
DROP TRIGGER tally_locked_delete;
CREATE TRIGGER tally_locked_delete BEFORE DELETE ON tally
WHEN EXISTS (SELECT 1 FROM period WHERE branch_id = OLD.branch_id AND id = OLD.period
             AND (state = 'locked' OR state = 'published' OR state = 'final'))
 AND NOT EXISTS (SELECT 1 FROM tally_seal WHERE branch_id = OLD.branch_id AND period = OLD.period)
BEGIN SELECT RAISE(ABORT, 'period is locked'); END;
CREATE TRIGGER tally_seal_open_insert AFTER INSERT ON tally_seal
WHEN NOT EXISTS (SELECT 1 FROM period WHERE branch_id = NEW.branch_id AND id = NEW.period
                 AND (state = 'locked' OR state = 'published' OR state = 'final'))
BEGIN SELECT RAISE(ABORT, 'only a locked period is sealed'); END;
CREATE TRIGGER tally_seal_locked_update BEFORE UPDATE ON tally_seal
BEGIN SELECT RAISE(ABORT, 'the period is locked: its tallies are sealed'); END;
CREATE TRIGGER tally_seal_locked_delete BEFORE DELETE ON tally_seal
BEGIN SELECT RAISE(ABORT, 'the period is locked: its tallies are sealed'); END;

-- `jifen retotal` keeps a digest of each period's kept scores as it last
-- found them equal to what the tallies give. Any change to a period's scores
-- drops its digest; the next retotal compares that period row by row and
-- writes a new one. Periods with their digest in place are compared by
-- digest alone. (An edit made with these triggers dropped leaves the digest
-- in place; `jifen verify` replays the journal and compares every score.)
CREATE TABLE score_digest (
    branch_id INTEGER NOT NULL,
    period TEXT NOT NULL,
    digest INTEGER NOT NULL,
    PRIMARY KEY (branch_id, period)
) WITHOUT ROWID;
CREATE TRIGGER score_digest_update AFTER UPDATE ON score
BEGIN
    DELETE FROM score_digest WHERE branch_id = OLD.branch_id AND period = OLD.period;
    DELETE FROM score_digest WHERE branch_id = NEW.branch_id AND period = NEW.period;
END;
CREATE TRIGGER score_digest_delete AFTER DELETE ON score
BEGIN DELETE FROM score_digest WHERE branch_id = OLD.branch_id AND period = OLD.period; END;
-- A score belongs to a period of its branch (a retotal compares periods).
-- One trigger for both checks on insert: a trigger's program costs more to
-- start than to run.
DELETE FROM score WHERE NOT EXISTS
    (SELECT 1 FROM period p WHERE p.branch_id = score.branch_id AND p.id = score.period);
CREATE TRIGGER score_digest_insert AFTER INSERT ON score
BEGIN
    SELECT RAISE(ABORT, 'a score for a period the branch does not have')
    WHERE NOT EXISTS (SELECT 1 FROM period WHERE branch_id = NEW.branch_id AND id = NEW.period);
    DELETE FROM score_digest WHERE branch_id = NEW.branch_id AND period = NEW.period;
END;
