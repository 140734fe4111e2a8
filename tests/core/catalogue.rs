//! One catalogue per language: every word is there (none empty), and every
//! message that takes values gives text in both languages, Chinese in the
//! Chinese catalogue.

use jifen::app::console_support::LeaseState;
use jifen::app::publication::Publication;
use jifen::app::undo::UndoStep;
use jifen::domain::model::{
    AppealStage, AppealStatus, Attendance, Category, ClaimStatus, ConfirmState, MemberStatus,
    PeriodState, RankGroup,
};
use jifen::i18n::{Catalogue, Lang};

const CLAIM_STATUSES: [ClaimStatus; 5] = [
    ClaimStatus::Pending,
    ClaimStatus::Approved,
    ClaimStatus::Adjusted,
    ClaimStatus::Rejected,
    ClaimStatus::Withdrawn,
];
const PERIOD_STATES: [PeriodState; 5] = [
    PeriodState::Open,
    PeriodState::InSession,
    PeriodState::Locked,
    PeriodState::Published,
    PeriodState::Final,
];
const MARKS: [Attendance; 3] = [Attendance::Present, Attendance::Leave, Attendance::Absent];

/// Whether `debug` (a catalogue area's `{:?}`) holds an empty string: `""`
/// not preceded by the backslash of an escaped quote.
fn has_empty_word(debug: &str) -> bool {
    let b = debug.as_bytes();
    (0..b.len().saturating_sub(1))
        .any(|i| b[i] == b'"' && b[i + 1] == b'"' && (i == 0 || b[i - 1] != b'\\'))
}

fn publication(state: PeriodState) -> Publication {
    let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 1);
    Publication {
        period: "2026Q4".into(),
        state,
        seal: Some("ab12cd34".into()),
        locked_on: day,
        window_end: chrono::NaiveDate::from_ymd_opt(2026, 12, 8),
        days: 5,
        working_days: true,
        closed: false,
        open_appeals: 1,
        overdue_appeals: 0,
        can_finalize: false,
        provisional_calendar: true,
    }
}

/// Every message of the catalogue that takes values, called with typical ones.
fn messages(w: &Catalogue) -> Vec<(&'static str, String)> {
    let (c, b, p, m, g, s) = (w.cli, w.board, w.papers, w.meeting, w.grading, w.common);
    let io = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
    let mut v: Vec<(&'static str, String)> = vec![
        ("cli.no_database", (c.no_database)("a.sqlite")),
        ("cli.no_backup", (c.no_backup)("a.bak")),
        ("cli.gen_exists", (c.gen_exists)("a.sqlite")),
        ("cli.file_error", (c.file_error)("a.csv", &io)),
        ("cli.retotal_differs", (c.retotal_differs)("a.sqlite", 2)),
        ("cli.no_scheme", (c.no_scheme)("x", "a, b")),
        ("cli.demo_written", (c.demo_written)("a.sqlite")),
        ("cli.demo_board", (c.demo_board)("a.sqlite")),
        (
            "cli.branch_made",
            (c.branch_made)("第一支部", "std", "a.sqlite"),
        ),
        ("cli.imported_members", (c.imported_members)(3)),
        ("cli.imported_claims", (c.imported_claims)(3)),
        ("cli.renamed", (c.renamed)(4, "张伟", "张玮")),
        ("cli.period_opened", (c.period_opened)("2026Q4")),
        ("cli.period_started", (c.period_started)("2026Q4")),
        (
            "cli.verdict_given",
            (c.verdict_given)(7, "张伟", "通过", "3"),
        ),
        ("cli.confirmed", (c.confirmed)("张伟", "2026Q4")),
        ("cli.disputed", (c.disputed)("张伟", "2026Q4")),
        (
            "cli.marked",
            (c.marked)("张伟", "缺席", "2026Q4", Some(3), Some(4)),
        ),
        (
            "cli.marked none",
            (c.marked)("张伟", "到会", "2026Q4", None, None),
        ),
        ("cli.locked", (c.locked)("2026Q4", 12)),
        ("cli.unconfirmed", (c.unconfirmed)("张伟, 李娜")),
        ("cli.seal", (c.seal)("ab12")),
        ("cli.undone", (c.undone)("张伟 的点名")),
        ("cli.verified", (c.verified)(40)),
        ("cli.verified_lock", (c.verified_lock)("2026Q4", "ab12")),
        ("cli.seal_matches", (c.seal_matches)("2026Q4")),
        (
            "cli.restored",
            (c.restored)("a.sqlite", "a.bak", 2, Some("a.old")),
        ),
        ("cli.generated", (c.generated)(100, 3, 2, 1.5)),
        ("cli.setting_set", (c.setting_set)("k", "v", "第一支部")),
        ("cli.published", (c.published)("2026Q4", "2026-12-08")),
        ("cli.finalized", (c.finalized)("2026Q4")),
        ("cli.appeal_filed", (c.appeal_filed)(2, "2026-12-15")),
        (
            "cli.appeal_at_higher",
            (c.appeal_at_higher)(2, "2026-12-15"),
        ),
        (
            "cli.appeal_replied",
            (c.appeal_replied)(2, "upheld", Some("A1 +2")),
        ),
        (
            "cli.appeal_status open",
            (c.appeal_status)(AppealStatus::Open, true),
        ),
        (
            "cli.appeal_status upheld",
            (c.appeal_status)(AppealStatus::Upheld, false),
        ),
        (
            "cli.appeal_status dismissed",
            (c.appeal_status)(AppealStatus::Dismissed, false),
        ),
        (
            "cli.follow_up_done",
            (c.follow_up_done)("张伟", "talk", "2026"),
        ),
        (
            "cli.rank_heading",
            (c.rank_heading)("第一支部", "2026Q4", "已封账", Some("ab12")),
        ),
        (
            "cli.statement_total",
            (c.statement_total)("88", 2, 12, "优秀", Some(5)),
        ),
        ("cli.unknown_paper", (c.unknown_paper)("x")),
        ("cli.unknown_format", (c.unknown_format)("x")),
        ("cli.bad_period", (c.bad_period)("2026Q5")),
        ("cli.cell_level", (c.cell_level)("city")),
        ("board.frozen_at", (b.frozen_at)("10:00")),
        ("board.revealing_at", (b.revealing_at)("10:00")),
        ("board.revealed_at", (b.revealed_at)("10:00")),
        ("board.projected", (b.projected)("优秀")),
        ("board.tied", (b.tied)(2)),
        ("board.place", (b.place)(1)),
        ("board.stars", (b.stars)(5)),
        ("board.moved up", (b.moved)(2)),
        ("board.moved down", (b.moved)(-2)),
        ("board.page", (b.page)(1, 3)),
        ("board.pending", (b.pending)(2)),
        ("board.retrying", (b.retrying)(5)),
        ("papers.window_days", (p.window_days)(5, true)),
        ("papers.window_days calendar", (p.window_days)(7, false)),
        ("papers.verify_line", (p.verify_line)("ab12")),
        (
            "papers.notice_title",
            (p.notice_title)("第一支部", "2026Q4", "积分"),
        ),
        (
            "papers.year_notice_title",
            (p.year_notice_title)("第一支部", 2026, "积分"),
        ),
        (
            "papers.cards_title",
            (p.cards_title)("第一支部", "2026Q4", "积分"),
        ),
        (
            "papers.card_heading",
            (p.card_heading)("张伟", "2026Q4", "积分"),
        ),
        (
            "papers.summary_title",
            (p.summary_title)("第一支部", "2026Q4", "积分"),
        ),
        (
            "papers.filing_title",
            (p.filing_title)("第一支部", "2026Q4", "积分"),
        ),
        (
            "papers.minutes_title",
            (p.minutes_title)("第一支部", "2026Q4"),
        ),
        (
            "papers.objections_until",
            (p.objections_until)("2026-12-08", "组织委员 王五"),
        ),
        (
            "papers.objections_year",
            (p.objections_year)("组织委员 王五"),
        ),
        (
            "papers.time_span",
            (p.time_span)("2026-09-30 14:05", "16:20"),
        ),
        (
            "papers.meeting_set_done",
            (p.meeting_set_done)("2026Q4", "会议室", "王五", "刘洋", 3, 1),
        ),
        (
            "papers.attendance_line",
            (p.attendance_line)(5, 3, 1, 1, "到会过半数"),
        ),
        ("papers.ballots_line", (p.ballots_line)(30, 29, 28)),
        ("papers.corrections_included", (p.corrections_included)(1)),
        ("papers.claims_line", (p.claims_line)(10, 7, 2, 1)),
        ("papers.sign_off_line", (p.sign_off_line)(10, 1, 1)),
        ("papers.appeal_open", (p.appeal_open)("2026-12-15")),
        ("papers.meeting_line", (p.meeting_line)("2026Q4", "积分")),
        ("papers.sign_off_note", (p.sign_off_note)(10, 1)),
        (
            "papers.locked_note",
            (p.locked_note)("2026-12-01 10:00", "ab12"),
        ),
        ("papers.no_period", (p.no_period)("2026Q4")),
        (
            "papers.per_period_only",
            (p.per_period_only)(p.what_cards, 2026),
        ),
        (
            "papers.needs_seal",
            (p.needs_seal)("2026Q4", p.what_minutes),
        ),
        (
            "meeting.lease_held",
            (m.lease_held)("secretary@host", 42, "x", "2026-12-01 10:00:00"),
        ),
        (
            "meeting.lease_taken_over",
            (m.lease_taken_over)("secretary@host", 42, "2026-12-01 10:00:00", "x"),
        ),
        ("grading.stars", (g.stars)(5)),
        (
            "grading.quota_note",
            (g.quota_note)("党员", "优秀", 7, 5, "88"),
        ),
        ("grading.no_ranking", (g.no_ranking)("2027")),
        (
            "grading.choices_heading",
            (g.choices_heading)("std", "seed.pdf"),
        ),
        ("common.level", (s.level)("city")),
        ("common.roll_call_note", (s.roll_call_note)("缺席")),
    ];
    for st in PERIOD_STATES {
        v.push(("cli.published_until", (c.published_until)(&publication(st))));
        v.push(("cli.window_line", (c.window_line)(&publication(st), false)));
        v.push((
            "cli.window_line final",
            (c.window_line)(&publication(st), true),
        ));
        v.push(("cli.cell_period_state", (c.cell_period_state)(st)));
        v.push(("board.verdict", b.verdict(Some(st)).to_string()));
        v.push(("common.period_state", s.period_state(st)));
    }
    for x in CLAIM_STATUSES {
        v.push(("cli.cell_claim_status", (c.cell_claim_status)(x).into()));
        v.push(("papers.status", (p.status)(x).into()));
        v.push(("common.claim_status", (s.claim_status)(x).into()));
    }
    for x in Category::ALL {
        v.push(("cli.cell_category", (c.cell_category)(x).into()));
        v.push(("papers.category", (p.category)(x).into()));
        v.push(("common.category", (s.category)(x).into()));
    }
    for x in [MemberStatus::Active, MemberStatus::Exempt] {
        v.push(("cli.cell_member_status", (c.cell_member_status)(x).into()));
        v.push(("common.member_status", (s.member_status)(x).into()));
    }
    for x in [ConfirmState::Confirmed, ConfirmState::Disputed] {
        v.push(("cli.cell_confirmation", (c.cell_confirmation)(x).into()));
        v.push(("common.confirmation", (s.confirmation)(x).into()));
    }
    for x in MARKS {
        v.push(("cli.cell_attendance", (c.cell_attendance)(x).into()));
        v.push(("common.attendance", (s.attendance)(x).into()));
        v.push((
            "common.claim_note",
            s.claim_note(&format!("roll call: {}", x.code())),
        ));
    }
    for x in [AppealStage::Branch, AppealStage::Higher] {
        v.push(("cli.cell_stage", (c.cell_stage)(x)));
    }
    for x in RankGroup::ALL {
        v.push(("grading.rank_group", g.rank_group(x).into()));
        v.push(("board.rank_group", b.rank_group(x).into()));
    }
    let member = || "张伟".to_string();
    for step in [
        UndoStep::Verdict {
            claim: 7,
            member: member(),
        },
        UndoStep::Confirmation { member: member() },
        UndoStep::FollowUp {
            member: member(),
            action: "talk".into(),
        },
        UndoStep::SignatureBack { member: member() },
        UndoStep::Mark { member: member() },
        UndoStep::NewClaim {
            claim: 8,
            member: member(),
        },
        UndoStep::Import {
            first: 9,
            claims: 3,
        },
    ] {
        v.push(("meeting.undo_step", (m.undo_step)(&step)));
    }
    for st in [
        LeaseState::Live { silent_secs: 3 },
        LeaseState::Stale {
            silent_secs: Some(45),
        },
        LeaseState::Stale { silent_secs: None },
        LeaseState::ProcessGone,
    ] {
        v.push(("meeting.lease_state", (m.lease_state)(st)));
    }
    v
}

#[test]
fn no_area_of_either_catalogue_has_an_empty_word() {
    for lang in [Lang::Zh, Lang::En] {
        let w = lang.words();
        assert_eq!(w.lang, lang);
        let areas = [
            ("console", format!("{:?}", w.console)),
            ("meeting", format!("{:?}", w.meeting)),
            ("cli", format!("{:?}", w.cli)),
            ("board", format!("{:?}", w.board)),
            ("papers", format!("{:?}", w.papers)),
            ("grading", format!("{:?}", w.grading)),
            ("common", format!("{:?}", w.common)),
        ];
        for (area, debug) in &areas {
            assert!(
                !has_empty_word(debug),
                "{lang:?} {area} has an empty word: {debug}"
            );
        }
    }
    // The check itself finds an empty word, and not an escaped quote.
    assert!(has_empty_word(r#"X { a: "b", c: "" }"#));
    assert!(!has_empty_word(r#"X { a: "say \"hi\"" }"#));
}

#[test]
fn every_message_gives_text_in_both_languages_and_chinese_in_chinese() {
    let (zh, en) = (messages(Lang::Zh.words()), messages(Lang::En.words()));
    assert_eq!(zh.len(), en.len());
    for ((name, z), (_, e)) in zh.iter().zip(&en) {
        assert!(!z.trim().is_empty(), "zh {name} is empty");
        assert!(!e.trim().is_empty(), "en {name} is empty");
        let chinese = z.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        assert!(chinese, "zh {name} has no Chinese word: {z}");
    }
}

#[test]
fn word_order_is_each_languages_own() {
    // The same values, each language placing them where its grammar does.
    let (zh, en) = (Lang::Zh.words().cli, Lang::En.words().cli);
    let z = (zh.verdict_given)(7, "张伟", "通过", "3");
    let e = (en.verdict_given)(7, "张伟", "approved", "3");
    // Chinese names the member first, English the claim.
    assert!(z.starts_with("张伟 的申报 #7 通过"), "{z}");
    assert!(e.starts_with("claim 7 of 张伟 approved"), "{e}");
    let z = Lang::Zh.words().grading.quota_note;
    assert_eq!(
        z("党员(正式、预备)", "优秀", 7, 5, "88"),
        "党员(正式、预备) 优秀 7 人, 名额 5: 88 分并列, 请在评议时决定"
    );
}

#[test]
fn a_roll_call_note_reads_in_the_interface_language() {
    let (zh, en) = (Lang::Zh.words().common, Lang::En.words().common);
    assert_eq!(zh.claim_note("roll call: absent"), "点名: 缺席");
    assert_eq!(zh.claim_note("roll call: leave"), "点名: 请假");
    assert_eq!(en.claim_note("roll call: absent"), "roll call: absent");
    assert_eq!(zh.claim_note("会上补报"), "会上补报");
    assert_eq!(zh.claim_note("roll call: maybe"), "roll call: maybe");
}

#[test]
fn a_period_state_has_one_word_everywhere() {
    // The glossary: locked is 已封账 on the console, the board, the CLI and the papers.
    let w = Lang::Zh.words();
    assert_eq!(w.common.period_state(PeriodState::Locked), "已封账");
    assert_eq!(w.board.state(Some(PeriodState::Locked)), "已封账");
    assert_eq!((w.cli.cell_period_state)(PeriodState::Locked), "已封账");
    assert_eq!(
        (w.cli.cell_period_state)(PeriodState::InSession),
        "会议进行中"
    );
    // English tables keep the codes scripts rely on.
    assert_eq!(
        (Lang::En.words().cli.cell_period_state)(PeriodState::InSession),
        "in-session"
    );
}

/// A stored moment reads as a day and a time to the second, with no `T`,
/// zone or fraction; a text that is no moment stays as it is.
#[test]
fn a_stored_moment_reads_as_day_and_time() {
    let shown = jifen::i18n::local_stamp("2026-12-02T01:47:27.418427+00:00");
    assert_eq!(shown.len(), 19, "{shown}");
    assert!(
        shown.starts_with("2026-12-0") && shown.ends_with(":47:27"),
        "{shown}"
    );
    assert!(!shown.contains('T') && !shown.contains('+'), "{shown}");
    assert_eq!(jifen::i18n::local_stamp("yesterday"), "yesterday");
}
