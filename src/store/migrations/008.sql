-- jifen ledger, migration 8: each journal event names its branch and the
-- action (one command: a verdict, an import of any size) that wrote it, so
-- that an undo takes back one branch's last action whole. Both are part of
-- the event's hash. Events journalled before have neither (NULL): each of
-- them is an action of its own, and belongs to the branch it names.
ALTER TABLE event ADD COLUMN branch_id INTEGER;
ALTER TABLE event ADD COLUMN action INTEGER;
CREATE INDEX event_branch ON event(branch_id, seq);
