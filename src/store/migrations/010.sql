-- jifen ledger, migration 10: a member's counted claims read from the index.
--
-- Re-scoring a period sums its approved claims by member and item (the
-- `tally` view). With the item, status and points in the index, in that
-- order, the sum walks the index alone, already grouped, instead of looking
-- up every claim row and sorting them: on a million claims 2.8 s became
-- 0.3 s (`benches/RESULTS.md`, eighth pass). The status and member lookups
-- the old index served still start with the same columns.
DROP INDEX claim_period_member;
CREATE INDEX claim_period_member ON claim(branch_id, period, member_id, item, status, points);
