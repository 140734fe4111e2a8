-- jifen ledger, migration 2: pending counts and status filters read an index only.
CREATE INDEX claim_status ON claim(branch_id, period, status, member_id);
