-- jifen ledger, migration 3: totals kept up to date, and leaner claim indexes.
--
-- `score` holds each member's score in a period as the scheme gives it from the
-- approved entries (corrections included). It is written in the same
-- transaction as the change that moves it: triggers note which scores a change
-- touches in `score_dirty`, and the core re-scores exactly those before the
-- transaction commits. A branch with rows left in `score_dirty` (an older
-- database, or a change made outside jifen's core) is scored from its tallies
-- until its next change. `verify` re-scores everything and compares.
CREATE TABLE score (
    branch_id INTEGER NOT NULL,
    period TEXT NOT NULL,
    member_id INTEGER NOT NULL,
    total REAL NOT NULL,
    -- Part scores as `id=value` joined by `;` (the implicit part has an empty id).
    parts TEXT NOT NULL,
    forced_grade TEXT,
    -- Actions triggered by approved items, joined by `;`.
    actions TEXT,
    vetoed INTEGER NOT NULL,
    PRIMARY KEY (branch_id, period, member_id)
) WITHOUT ROWID;

-- A NULL period means every period of the branch, a NULL member every member
-- (a bulk import notes its periods once; its tally changes then add nothing).
CREATE TABLE score_dirty (
    branch_id INTEGER NOT NULL,
    period TEXT,
    member_id INTEGER
);
CREATE INDEX score_dirty_note ON score_dirty(branch_id, period, member_id);

CREATE TRIGGER score_tally_insert AFTER INSERT ON tally
WHEN NOT EXISTS (SELECT 1 FROM score_dirty WHERE branch_id = NEW.branch_id AND period = NEW.period AND member_id IS NULL)
BEGIN INSERT INTO score_dirty VALUES (NEW.branch_id, NEW.period, NEW.member_id); END;
CREATE TRIGGER score_tally_update AFTER UPDATE ON tally
WHEN NOT EXISTS (SELECT 1 FROM score_dirty WHERE branch_id = NEW.branch_id AND period = NEW.period AND member_id IS NULL)
BEGIN INSERT INTO score_dirty VALUES (NEW.branch_id, NEW.period, NEW.member_id); END;
CREATE TRIGGER score_tally_delete AFTER DELETE ON tally
WHEN NOT EXISTS (SELECT 1 FROM score_dirty WHERE branch_id = OLD.branch_id AND period = OLD.period AND member_id IS NULL)
BEGIN INSERT INTO score_dirty VALUES (OLD.branch_id, OLD.period, OLD.member_id); END;
CREATE TRIGGER score_correction_insert AFTER INSERT ON correction
BEGIN INSERT INTO score_dirty VALUES (NEW.branch_id, NEW.period, NEW.member_id); END;
CREATE TRIGGER score_member_tier AFTER UPDATE OF tier ON member
WHEN OLD.tier IS NOT NEW.tier
BEGIN INSERT INTO score_dirty VALUES (NEW.branch_id, NULL, NEW.id); END;
-- A new period can carry year-to-date entries of the periods before it.
CREATE TRIGGER score_period_insert AFTER INSERT ON period
BEGIN INSERT INTO score_dirty VALUES (NEW.branch_id, NEW.id, NULL); END;

-- Every existing branch is scored once, on its next change or open.
INSERT INTO score_dirty SELECT id, NULL, NULL FROM branch;

-- One index serves a member's claims and the status counts (covering);
-- pending claims have their own small index.
DROP INDEX claim_status;
DROP INDEX claim_period_member;
CREATE INDEX claim_period_member ON claim(branch_id, period, member_id, status);
CREATE INDEX claim_pending ON claim(branch_id, period, member_id, status) WHERE status = 'pending';

-- A branch's roster in id order without a sort.
CREATE INDEX member_of_branch ON member(branch_id);
