-- Reserved for the democratic appraisal; filled in by that work.
SELECT 1;
