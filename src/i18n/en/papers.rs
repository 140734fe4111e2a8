//! The papers' English words.

use crate::domain::model::{Category, ClaimStatus};
use crate::i18n::papers::PaperWords;

/// English words of the papers.
pub const PAPERS: PaperWords = PaperWords {
    category: |c| match c {
        Category::Full => "full member",
        Category::Probationary => "probationary",
        Category::Activist => "activist",
    },
    status: |s| match s {
        ClaimStatus::Pending => "pending",
        ClaimStatus::Approved => "approved",
        ClaimStatus::Adjusted => "adjusted",
        ClaimStatus::Rejected => "rejected",
        ClaimStatus::Withdrawn => "withdrawn",
    },
    kind_bonus: "bonus",
    kind_deduction: "deduction",
    kind_demerit: "demerit",
    kind_offset: "offset",
    kind_veto: "veto",
    points: "points",
    demerit_points: "demerit points",
    branch: "Branch",
    scheme: "Scheme",
    period: "Period",
    state: "State",
    locked_at: "Locked at",
    year: "Year",
    periods: "Periods",
    members_scored: "Members scored",
    exempt: "Exempt",
    publication: "Publication",
    window_days: |n, working| {
        if working {
            format!("{n} working days")
        } else {
            format!("{n} days")
        }
    },
    seal: "Seal",
    seal_csv: "seal",
    csv_part: "part",
    verify_line: |seal| {
        format!("To check: run `jifen verify --seal {seal}` on the branch database; it must report that the seal matches.")
    },
    page_of: |page, pages| format!("Page {page} of {pages}"),
    stamp: "Branch (stamp)",
    date: "Date",
    actions: "Actions",
    corrections: "Corrections",
    notice_title: |branch, p, word| format!("{branch} {p}: publication notice of {word}"),
    year_notice_title: |branch, y, word| {
        format!("{branch} {y}: yearly publication notice of {word}")
    },
    cards_title: |branch, p, _| format!("{branch} {p}: member notification cards"),
    card_heading: |name, p, _| format!("{name}: notification card {p}"),
    summary_title: |branch, p, _| format!("{branch} {p}: summary publication card"),
    filing_title: |branch, p, _| format!("{branch} {p}: filing report to the higher committee"),
    minutes_title: |branch, p| format!("{branch} {p}: minutes of the members' assembly"),
    sheet_notice: "Notice",
    sheet_year_notice: "Year notice",
    sheet_summary: "Summary",
    sheet_filing: "Filing",
    sheet_minutes: "Minutes",
    objections_until: |end, contact| {
        format!("Objections until {end}, in writing to {contact}, naming the member, the items and the reasons.")
    },
    objections_year: |contact| format!("Objections in writing to {contact} during the publication."),
    contact: "Objections to",
    contact_fallback: "the branch secretary",
    draft: "This period is not locked yet: draft.",
    corrections_included: |n| format!("Scores include {n} correction(s) from upheld appeals."),
    card_note: "If you disagree with any line, appeal to the branch within the publication window.",
    notice_basis: |scheme| {
        format!("Under {scheme}: each item was claimed by the member, decided item by item by the branch committee, and reviewed at the members' assembly; the results are published for members and the public to check.")
    },
    base_score: "Base score",
    bonus_subtotal: "Bonus subtotal",
    deduction_subtotal: "Deduction subtotal",
    appeal_deadline: "Appeal by",
    note: "Note",
    claims: "Claims",
    claims_line: |n, approved, adjusted, rejected| {
        format!("{n}: approved {approved}, adjusted {adjusted}, rejected {rejected}")
    },
    sign_off: "Sign-off",
    sign_off_line: |signed, disputed, unsigned| {
        format!("signed {signed}, disputed {disputed}, not signed {unsigned}")
    },
    secretary: "Secretary",
    date_filed: "Date filed",
    rank: "Rank",
    name: "Name",
    category_head: "Category",
    group: "Group",
    score: "Score",
    year_score: "Year score",
    grade: "Grade",
    stars: "Stars",
    signed: "signed",
    disputed: "disputed",
    not_signed: "not signed",
    item: "Item",
    kind: "Kind",
    level: "Level",
    count: "Count",
    claimed: "Claimed",
    counted: "Counted",
    verdict: "Verdict",
    reason: "Reason",
    recorded_items: "Recorded items",
    corrections_caption: "Corrections from appeals",
    correction_points: "Points",
    total: "Total",
    member_signature: "Member's signature",
    appeals_caption: "Appeals and reconsideration",
    number: "No.",
    appeal: "Appeal",
    stage: "Stage",
    outcome: "Outcome",
    reply: "Reply",
    correction: "Correction",
    stage_branch: "branch",
    stage_higher: "reconsideration",
    upheld: "upheld",
    dismissed: "dismissed",
    appeal_open: |due| format!("open (due {due})"),
    none: "none",
    meeting: "Meeting",
    meeting_line: |p, _| format!("{p} members' assembly"),
    not_locked_day: "(not locked)",
    expected: "Expected",
    roll_call: "Roll call",
    not_recorded: "not recorded",
    present: "Present",
    on_leave: "On leave",
    absent: "Absent",
    quorum: "Quorum",
    claims_decided: "Claims decided",
    claims_count: "Claims",
    changed_caption: "Adjusted and rejected claims",
    disputes: "Disputes",
    dispute_words: "Words",
    sign_off_note: |signed, disputed| format!("Sign-off: {signed} signed, {disputed} disputed."),
    locked_note: |at, seal| format!("Locked at {at}, seal {seal}."),
    not_locked_note: "The period is not locked yet.",
    chair: "Chair",
    place: "Place",
    opened: "Opened",
    closed: "Locked",
    time: "Time",
    time_span: |from, to| format!("{from} to {to}"),
    agenda: "Agenda",
    resolutions: "Resolutions",
    seq: "No.",
    meeting_nothing_given: "nothing to record: give --place, --host, --recorder, --agenda or --resolution",
    meeting_set_done: |p, place, host, recorder, agenda, resolutions| {
        format!("meeting record of {p} updated: place {place}, host {host}, recorder {recorder}, {agenda} agenda item(s), {resolutions} resolution(s)")
    },
    attended: "Attended",
    names_on_leave: "On leave",
    names_absent: "Absent",
    names_unmarked: "Not called",
    attendance_line: |expected, present, leave, absent, valid| {
        format!("expected {expected}, present {present}, on leave {leave}, absent {absent}; {valid}")
    },
    voting_note: "Expected and present count the full members, who vote; probationary members and activists attend without a vote.",
    appraisal: "Democratic appraisal",
    ballots_line: |issued, returned, valid| {
        format!("ballots issued {issued}, returned {returned}, valid {valid}")
    },
    host_signature: "Chair (signature)",
    recorder_signature: "Recorder (signature)",
    recorder: "Recorder",
    no_period: |p| format!("no period {p} in this branch"),
    per_period_only: |what, y| {
        format!("the {what} is made per period (e.g. --period {y}Q4), not per year")
    },
    needs_seal: |p, what| {
        format!("period {p} is not locked: the {what} carries the period's seal; run `jifen lock {p}` first")
    },
    what_cards: "notification card",
    what_summary: "summary card",
    what_filing: "filing report",
    what_minutes: "minutes",
};
