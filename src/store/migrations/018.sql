-- jifen ledger, migration 18: the committee's roster of branches (应报支部名册).
--
-- At a committee database, the branches it expects to file besides those
-- that ever filed: one row per branch of the roster last imported
-- (`roster_imported` events; an import replaces the whole roster), `branch`
-- the name exactly as its filings give it, `scheme_id` the scheme it is
-- expected to score by (null: not said), `position` its place in the file.
-- A state table like the committee's others: written with its journal
-- event, compared by verify after a replay.
CREATE TABLE roster (
    branch TEXT PRIMARY KEY,
    scheme_id TEXT,
    position INTEGER NOT NULL
) WITHOUT ROWID;
