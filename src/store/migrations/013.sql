-- Reserved for filings received by a committee; filled in by that work.
SELECT 1;
