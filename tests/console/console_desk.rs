//! The committee's desk (`jifen --db C console` on a committee database):
//! its screens rendered at 80x24 and 120x34 with the rows a clerk expects,
//! and its acts driven by keys through the real screens, checked with what
//! the command line prints afterwards.
//! The county is `common::committee`'s; the desk looks on 2100-01-20.

use crate::common::cli::{jifen, ok};
use crate::common::committee::committee;
use crate::console_common::desk::{ch, desk, key, screen, typed};
use chrono::NaiveDate;
use jifen::i18n::Lang;
use jifen::tui::console::desk::{Desk, DeskKind};
use ratatui::crossterm::event::KeyCode;
use std::path::Path;

fn day(s: &str) -> NaiveDate {
    s.parse().expect("date")
}

fn row<'a>(text: &'a str, branch: &str) -> &'a str {
    text.lines()
        .find(|l| {
            l.trim_start_matches(['>', ' '])
                .starts_with(&format!("{branch} "))
        })
        .unwrap_or_else(|| panic!("no row for {branch} in\n{text}"))
}

fn s(p: &Path) -> String {
    p.display().to_string()
}

fn json(c: &Path, args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&ok(c, args)).expect("json")
}

#[test]
fn the_filings_screen_shows_missing_late_and_published_at_both_sizes() {
    let dir = tempfile::tempdir().expect("dir");
    let c = committee(dir.path());
    let mut d = desk(&c, Lang::Zh);
    assert_eq!(d.screen_kind(), DeskKind::Filings);
    assert_eq!(d.period(), Some("2099Q4"), "the latest period filed");
    for (w, h) in [(80, 24), (120, 34)] {
        let t = screen(&mut d, w, h);
        assert!(t.contains("已报 4/5"), "{w}x{h} header counts:\n{t}");
        assert!(
            t.contains("应报 5  已报 4  逾期未报 1  报送截止 2100-01-14"),
            "{t}"
        );
        let missing = row(&t, "第2党支部");
        assert!(missing.contains("逾期未报"), "{missing}");
        // The last period it did file, where the day received would be.
        assert!(missing.contains("(2026Q3)"), "{missing}");
        let filed = row(&t, "第3党支部");
        assert!(
            filed.contains("已接收") && !filed.contains("迟报"),
            "{filed}"
        );
        assert!(
            filed.split_whitespace().any(|c| c == "6"),
            "six members: {filed}"
        );
        // Branch numbers in their order: 第2 before 第10 would be; 第1 first.
        assert!(t.find("第1党支部").expect("1") < t.find("第5党支部").expect("5"));
    }
    // Before its due day a branch that has not filed is awaited, not missing.
    d.set_today(day("2100-01-05"));
    let t = screen(&mut d, 120, 34);
    assert!(row(&t, "第2党支部").contains("待报"), "{t}");
    assert!(t.contains("待报 1"), "{t}");

    // The previous period: every filing came after its due day.
    ch(&mut d, '[');
    assert_eq!(d.period(), Some("2026Q3"));
    let t = screen(&mut d, 80, 24);
    for b in 1..=5 {
        assert!(row(&t, &format!("第{b}党支部")).contains("(迟报)"), "{t}");
    }
    assert!(t.contains("迟报 5"), "{t}");
}

#[test]
fn a_filings_whole_seal_is_in_its_details_and_the_sort_puts_the_missing_first() {
    let dir = tempfile::tempdir().expect("dir");
    let c = committee(dir.path());
    let mut d = desk(&c, Lang::En);
    let seals = json(
        &c,
        &["filing", "list", "--period", "2099Q4", "--format", "json"],
    );
    let seal = seals
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["branch"] == "第1党支部")
        .and_then(|r| r["seal"].as_str())
        .expect("seal")
        .to_string();
    let t = screen(&mut d, 80, 24);
    let short = &seal[..8];
    assert!(row(&t, "第1党支部").contains(short), "{t}");
    assert!(
        !t.contains(&seal),
        "the whole seal is not in the list at 80 columns"
    );
    key(&mut d, KeyCode::Enter);
    let t = screen(&mut d, 80, 24);
    assert!(t.contains(&seal), "the whole seal in the popup:\n{t}");
    assert!(
        t.contains("Due: 2100-01-14") || t.contains("Due 2100-01-14"),
        "{t}"
    );
    key(&mut d, KeyCode::Esc);
    assert!(!d.has_overlay());
    ch(&mut d, 's');
    let t = screen(&mut d, 120, 34);
    assert!(t.contains("sorted by state"), "{t}");
    let first = t
        .lines()
        .find(|l| l.contains("党支部"))
        .expect("a branch row");
    assert!(
        first.contains("第2党支部") && first.contains("missing"),
        "{t}"
    );
    // Search moves the selection to the branch typed.
    ch(&mut d, '/');
    typed(&mut d, "第4");
    key(&mut d, KeyCode::Enter);
    let t = screen(&mut d, 120, 34);
    assert!(row(&t, "第4党支部").starts_with('>'), "{t}");
}

#[test]
fn the_ranking_by_category_names_each_branch_and_opens_the_branchs_own_ranking() {
    let dir = tempfile::tempdir().expect("dir");
    let c = committee(dir.path());
    let mut d = desk(&c, Lang::Zh);
    ch(&mut d, '2');
    assert_eq!(d.screen_kind(), DeskKind::Ranking);
    let places = json(
        &c,
        &[
            "rank",
            "--period",
            "2099Q4",
            "--by-category",
            "--format",
            "json",
        ],
    );
    let places = places.as_array().expect("places");
    let top_full = places
        .iter()
        .find(|p| p["category"] == "full")
        .expect("a full member");
    for (w, h) in [(80, 24), (120, 34)] {
        let t = screen(&mut d, w, h);
        // The first group is the full members' (正式), with its count.
        let full = places.iter().filter(|p| p["category"] == "full").count();
        // The scheme by its name, not its id.
        assert!(
            t.contains(&format!("正式  机关党员积分制(基础分80)  共 {full} 人")),
            "{t}"
        );
        assert!(!t.contains("bureau-80"), "{t}");
        // The top full member as `rank --by-category` gives it, with the branch.
        let top = top_full;
        let line = t
            .lines()
            .find(|l| l.contains(top["member"].as_str().expect("member")))
            .unwrap_or_else(|| panic!("top member in\n{t}"));
        assert!(
            line.contains(top["branch"].as_str().expect("branch")),
            "{line}"
        );
        assert!(
            line.trim_start_matches(['>', ' ']).starts_with("1 "),
            "{line}"
        );
    }
    // Down to the first place, Enter: that branch's own ranking, the same
    // numbers as `--branch NAME rank`.
    ch(&mut d, 'j');
    key(&mut d, KeyCode::Enter);
    assert_eq!(d.screen_kind(), DeskKind::Branch);
    let branch = top_full["branch"].as_str().expect("branch");
    let rows = json(
        &c,
        &[
            "--branch", branch, "rank", "--period", "2099Q4", "--format", "json",
        ],
    );
    let t = screen(&mut d, 120, 34);
    assert!(t.contains(branch), "{t}");
    for r in rows.as_array().expect("rows") {
        let name = r["member"].as_str().expect("member");
        let line = t
            .lines()
            .find(|l| l.contains(&format!(" {name} ")))
            .unwrap_or_else(|| panic!("{name} in\n{t}"));
        let score = jifen::domain::model::fmt_points(r["score"].as_f64().expect("score"));
        let rank = r["rank"].to_string();
        let cells: Vec<&str> = line.split_whitespace().collect();
        assert!(cells.contains(&score.as_str()), "{name} {score}: {line}");
        assert_eq!(
            cells.iter().find(|c| **c != ">"),
            Some(&rank.as_str()),
            "{line}"
        );
    }
    key(&mut d, KeyCode::Esc);
    assert_eq!(d.screen_kind(), DeskKind::Ranking);
}

#[test]
fn filing_and_upholding_a_reconsideration_from_the_desk_is_what_review_list_prints() {
    let dir = tempfile::tempdir().expect("dir");
    let c = committee(dir.path());
    let mut d = desk(&c, Lang::En);
    // On 第3党支部's row, n files a reconsideration for it.
    ch(&mut d, '/');
    typed(&mut d, "第3");
    key(&mut d, KeyCode::Enter);
    ch(&mut d, 'n');
    assert!(d.has_overlay());
    let rows = json(
        &c,
        &[
            "--branch",
            "第3党支部",
            "rank",
            "--period",
            "2099Q4",
            "--format",
            "json",
        ],
    );
    let member = rows[0]["member"].as_str().expect("member").to_string();
    let before = rows[0]["score"].as_f64().expect("score");
    key(&mut d, KeyCode::Tab);
    typed(&mut d, &member);
    key(&mut d, KeyCode::Tab);
    typed(&mut d, "other.blood");
    key(&mut d, KeyCode::Tab);
    typed(&mut d, "献血证明漏报");
    key(&mut d, KeyCode::Enter);
    assert!(!d.has_overlay(), "filed: {:?}", d.status());
    assert_eq!(d.screen_kind(), DeskKind::Reviews);
    assert!(
        d.status()
            .is_some_and(|s| s.contains("decision due 2100-01-25")),
        "3 working days from Wednesday 2100-01-20: {:?}",
        d.status()
    );
    let listed = json(
        &c,
        &[
            "review",
            "list",
            "--format",
            "json",
            "--today",
            "2100-01-20",
        ],
    );
    let r = &listed[0];
    assert_eq!(r["branch"], "第3党支部");
    assert_eq!(r["member"], member.as_str());
    assert_eq!(r["status"], "open");
    assert_eq!(r["due"], "2100-01-25");
    for (w, h) in [(80, 24), (120, 34)] {
        let t = screen(&mut d, w, h);
        let line = row_with(&t, &member);
        assert!(
            line.contains("2100-01-25") && line.contains("3 working days"),
            "{t}"
        );
    }
    // Past its due day the screen says it is overdue.
    d.set_today(day("2100-01-26"));
    assert!(row_with(&screen(&mut d, 120, 34), &member).contains("overdue"));
    d.set_today(day("2100-01-22"));

    // Uphold +2 on the item filed, with a reason.
    ch(&mut d, 'a');
    typed(&mut d, "2");
    key(&mut d, KeyCode::Tab);
    key(&mut d, KeyCode::Tab);
    typed(&mut d, "证明属实");
    key(&mut d, KeyCode::Enter);
    assert!(!d.has_overlay(), "decided: {:?}", d.status());
    let listed = json(&c, &["review", "list", "--format", "json"]);
    let r = &listed[0];
    assert_eq!(r["status"], "upheld");
    assert_eq!(r["points"], 2.0);
    assert_eq!(r["reason"], "证明属实");
    assert_eq!(r["decided_on"], "2100-01-22");
    // Deciding again is refused before any form opens.
    ch(&mut d, 'd');
    assert!(!d.has_overlay());
    assert!(d.status().is_some_and(|s| s.contains("decided already")));

    // e writes the decision file into the folder asked.
    let out = dir.path().join("out");
    std::fs::create_dir_all(&out).expect("out");
    ch(&mut d, 'e');
    clear_field(&mut d);
    typed(&mut d, &s(&out));
    key(&mut d, KeyCode::Enter);
    assert!(!d.has_overlay(), "exported: {:?}", d.status());
    let written: Vec<_> = std::fs::read_dir(&out).expect("out").collect();
    assert_eq!(written.len(), 1, "one decision file");
    // The branch's own score is not changed at the committee: the filing stays as received.
    let rows = json(
        &c,
        &[
            "--branch",
            "第3党支部",
            "rank",
            "--period",
            "2099Q4",
            "--format",
            "json",
        ],
    );
    assert_eq!(rows[0]["score"].as_f64(), Some(before));
}

/// Empty the focused field of an open form.
fn clear_field(d: &mut Desk) {
    for _ in 0..200 {
        key(d, KeyCode::Backspace);
    }
}

fn row_with<'a>(t: &'a str, needle: &str) -> &'a str {
    t.lines()
        .find(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle} in\n{t}"))
}

#[test]
fn dismissing_needs_no_points_and_a_bad_number_keeps_the_form_open() {
    let dir = tempfile::tempdir().expect("dir");
    let c = committee(dir.path());
    let rows = json(
        &c,
        &[
            "--branch",
            "第1党支部",
            "rank",
            "--period",
            "2099Q4",
            "--format",
            "json",
        ],
    );
    let member = rows[0]["member"].as_str().expect("member").to_string();
    ok(
        &c,
        &[
            "--branch",
            "第1党支部",
            "review",
            "file",
            "--period",
            "2099Q4",
            &member,
            "--text",
            "名次有误",
            "--date",
            "2100-01-20",
        ],
    );
    let mut d = desk(&c, Lang::Zh);
    ch(&mut d, '3');
    ch(&mut d, 'a');
    typed(&mut d, "两分");
    key(&mut d, KeyCode::Enter);
    assert!(d.has_overlay(), "kept open");
    let t = screen(&mut d, 80, 24);
    assert!(t.contains("分值须是数字"), "{t}");
    key(&mut d, KeyCode::Esc);
    ch(&mut d, 'd');
    typed(&mut d, "无新证据");
    key(&mut d, KeyCode::Enter);
    assert!(!d.has_overlay(), "{:?}", d.status());
    let listed = json(&c, &["review", "list", "--format", "json"]);
    assert_eq!(listed[0]["status"], "dismissed");
    assert!(listed[0]["points"].is_null());
    let t = screen(&mut d, 120, 34);
    assert!(row_with(&t, &member).contains("维持"), "{t}");
}

#[test]
fn publishing_from_the_desk_posts_the_period_after_a_yes() {
    let dir = tempfile::tempdir().expect("dir");
    let c = committee(dir.path());
    let mut d = desk(&c, Lang::Zh);
    ch(&mut d, 'P');
    let t = screen(&mut d, 80, 24);
    assert!(t.contains("公示 2099Q4 未公示的备案 4 份:"), "{t}");
    assert!(
        t.contains("自 2100-01-20 起 3 个工作日, 至 2100-01-25 止"),
        "{t}"
    );
    // No: nothing posted.
    ch(&mut d, 'n');
    let listed = json(
        &c,
        &["filing", "list", "--period", "2099Q4", "--format", "json"],
    );
    assert!(listed
        .as_array()
        .expect("rows")
        .iter()
        .all(|r| r["publication"] == "received"));
    ch(&mut d, 'P');
    ch(&mut d, 'y');
    assert!(!d.has_overlay());
    assert!(
        d.status().is_some_and(|s| s.contains("至 2100-01-25 止")),
        "{:?}",
        d.status()
    );
    let listed = json(
        &c,
        &[
            "filing",
            "list",
            "--period",
            "2099Q4",
            "--format",
            "json",
            "--today",
            "2100-01-20",
        ],
    );
    for r in listed.as_array().expect("rows") {
        assert_eq!(r["publication"], "published");
        assert_eq!(r["window_end"], "2100-01-25");
    }
    for (w, h) in [(80, 24), (120, 34)] {
        let t = screen(&mut d, w, h);
        assert!(row(&t, "第1党支部").contains("公示中 至 2100-01-25"), "{t}");
        assert!(row(&t, "第2党支部").contains("逾期未报"), "{t}");
    }
    // After its last day the filing is final.
    d.set_today(day("2100-01-26"));
    assert!(row(&screen(&mut d, 120, 34), "第1党支部").contains("已定"));
}

#[test]
fn help_lists_each_desk_screens_own_keys() {
    let dir = tempfile::tempdir().expect("dir");
    let c = committee(dir.path());
    let mut d = desk(&c, Lang::En);
    for (screen_key, kind, wants) in [
        (
            '1',
            DeskKind::Filings,
            &["details", "sort", "publish", "receive"][..],
        ),
        ('2', DeskKind::Ranking, &["branch ranking"][..]),
        (
            '3',
            DeskKind::Reviews,
            &["uphold", "dismiss", "decision file"][..],
        ),
    ] {
        ch(&mut d, screen_key);
        assert_eq!(d.screen_kind(), kind);
        ch(&mut d, '?');
        let t = screen(&mut d, 120, 34);
        for w in wants {
            assert!(t.contains(w), "{kind:?} help has {w}:\n{t}");
        }
        key(&mut d, KeyCode::Esc);
        assert!(!d.has_overlay());
    }
}

#[test]
fn a_branch_database_is_refused_by_the_desk() {
    let dir = tempfile::tempdir().expect("dir");
    let b = dir.path().join("b.sqlite");
    ok(
        &b,
        &["init", "--branch", "第一党支部", "--scheme", "bureau-80"],
    );
    assert!(Desk::new(&b, Lang::En).is_err());
    // And a committee database refuses the branch's commands as before.
    let c = committee(dir.path());
    assert_eq!(jifen(&c, &["member", "add", "张伟"]).status.code(), Some(1));
}

#[test]
fn jifen_console_on_a_committee_database_opens_the_desk() {
    let dir = tempfile::tempdir().expect("dir");
    let c = committee(dir.path());
    let mut p = crate::common::pty::Pty::start(
        &[
            "--lang".as_ref(),
            "en".as_ref(),
            "--db".as_ref(),
            c.as_os_str(),
            "console".as_ref(),
        ],
        100,
        30,
        &[],
    );
    // The terminal is written word by word: wait for single words.
    p.wait_for("Filings");
    p.wait_for("2100-01-14");
    p.wait_for("awaited");
    p.send("2");
    p.wait_for("Ranking");
    p.send("q");
    assert!(p.wait_exit(), "clean exit; screen:\n{}", p.text());
}
