-- jifen ledger, migration 17: a reconsideration (复议) names the branch's
-- appeal (申诉) it answers.
--
-- At a committee database, `review.appeal` is the appeal's number at the
-- branch, given when the reconsideration is filed (null: none named). At a
-- branch, `review_received.appeal` is the appeal the decision closed (null:
-- the decision named none).
ALTER TABLE review ADD COLUMN appeal INTEGER;
ALTER TABLE review_received ADD COLUMN appeal INTEGER;
