-- Reserved for the meeting's own record: place, host, recorder, agenda, resolutions; filled in by that work.
SELECT 1;
