-- jifen ledger, migration 5: bulk imports are stored as packs.
--
-- A large import (see `Event::ClaimsBatch` with `packed`) keeps each member's
-- claims of a period as one row: the claims' journal lines (`claim_rows`),
-- numbered from `first_id` on. A million claims become a few thousand rows
-- instead of a million rows and index entries. The first change to one of a
-- pack's claims (a verdict, a withdrawal) turns the whole pack back into claim
-- rows with the same numbers, so only untouched bulk history stays packed.
CREATE TABLE claim_pack (
    first_id INTEGER PRIMARY KEY,
    branch_id INTEGER NOT NULL,
    period TEXT NOT NULL,
    member_id INTEGER NOT NULL REFERENCES member(id),
    -- Claims in the pack (ids first_id .. first_id + n - 1) and how many of
    -- them wait for a verdict.
    n INTEGER NOT NULL,
    pending INTEGER NOT NULL,
    -- When the import was journalled: the decision time of its decided claims.
    at TEXT NOT NULL,
    -- The claims' journal lines, LZ4-compressed with their length in front
    -- (a pack's lines repeat themselves; stored at a fifth of the size).
    rows BLOB NOT NULL,
    FOREIGN KEY (branch_id, period) REFERENCES period(branch_id, id)
);
CREATE INDEX claim_pack_member ON claim_pack(branch_id, period, member_id);
-- Packs still holding claims that wait for a verdict (covering the counts).
CREATE INDEX claim_pack_pending ON claim_pack(branch_id, period, member_id, pending)
WHERE pending > 0;

CREATE TRIGGER claim_pack_locked_insert AFTER INSERT ON claim_pack
WHEN EXISTS (SELECT 1 FROM period WHERE branch_id = NEW.branch_id AND id = NEW.period
             AND (state = 'locked' OR state = 'published' OR state = 'final'))
BEGIN SELECT RAISE(ABORT, 'period is locked'); END;
CREATE TRIGGER claim_pack_locked_update BEFORE UPDATE ON claim_pack
WHEN EXISTS (SELECT 1 FROM period WHERE branch_id = OLD.branch_id AND id = OLD.period
             AND (state = 'locked' OR state = 'published' OR state = 'final'))
BEGIN SELECT RAISE(ABORT, 'period is locked'); END;
CREATE TRIGGER claim_pack_locked_delete BEFORE DELETE ON claim_pack
WHEN EXISTS (SELECT 1 FROM period WHERE branch_id = OLD.branch_id AND id = OLD.period
             AND (state = 'locked' OR state = 'published' OR state = 'final'))
BEGIN SELECT RAISE(ABORT, 'period is locked'); END;
