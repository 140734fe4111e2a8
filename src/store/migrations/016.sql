-- jifen ledger, migration 16: the year's final grades (评定等次).
--
-- One row per member and year of a branch: the grade the branch recorded
-- at the year close (seed 001 "研究确定每名党员的评定等次"), and the grade
-- the points allowed when it was recorded (it may be at most that). A member
-- with no row has the scheme's default. A state table like the others:
-- written with its journal event (`year_grade`), compared by verify. Once
-- the period that ends the year is final, its grades cannot change.
CREATE TABLE year_grade (
    branch_id INTEGER NOT NULL,
    year INTEGER NOT NULL,
    member_id INTEGER NOT NULL REFERENCES member(id),
    grade TEXT NOT NULL,
    allowed TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (branch_id, year, member_id)
) WITHOUT ROWID;

CREATE TRIGGER year_grade_final_insert BEFORE INSERT ON year_grade
WHEN EXISTS (SELECT 1 FROM period WHERE branch_id = NEW.branch_id AND state = 'final'
             AND id IN (NEW.year || 'Q4', NEW.year || 'H2', CAST(NEW.year AS TEXT)))
BEGIN SELECT RAISE(ABORT, 'year is final'); END;

CREATE TRIGGER year_grade_final_update BEFORE UPDATE ON year_grade
WHEN EXISTS (SELECT 1 FROM period WHERE branch_id = OLD.branch_id AND state = 'final'
             AND id IN (OLD.year || 'Q4', OLD.year || 'H2', CAST(OLD.year AS TEXT)))
BEGIN SELECT RAISE(ABORT, 'year is final'); END;

CREATE TRIGGER year_grade_final_delete BEFORE DELETE ON year_grade
WHEN EXISTS (SELECT 1 FROM period WHERE branch_id = OLD.branch_id AND state = 'final'
             AND id IN (OLD.year || 'Q4', OLD.year || 'H2', CAST(OLD.year AS TEXT)))
BEGIN SELECT RAISE(ABORT, 'year is final'); END;
