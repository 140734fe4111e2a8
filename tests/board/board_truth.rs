//! The board tells the room the truth (issue 17): a copy that is not live says
//! so with its time, returning to live shows the live ranking, the reveal is
//! stepped with nothing showing of hidden rows, final only once final, the
//! board keeps its period, ties share their podium place, three sign-off
//! marks, nothing to show for empty periods, big screens use their width,
//! projected grades for a scheme that grades the year only.

use crate::board_common;

use board_common::*;
use jifen::app::board_state::{BoardMode, BoardState, RevealStyle};
use jifen::app::{Ledger, MemberDraft};
use jifen::domain::model::{Category, MemberStatus, PeriodId};
use jifen::tui::board::{BoardView, Poller};
use jifen::tui::theme::Theme;
use std::path::{Path, PathBuf};

const DISPUTE: &str = "扣分依据不足我不同意";

fn q4() -> PeriodId {
    "2026Q4".parse().expect("period")
}

/// A bureau-80 branch: 90, 85, four tied at 83 (3rd), three at 80, one at 79.
/// 欧阳娜娜 signed, 张伟 disputed, everyone else not yet.
fn ties_branch() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("ties.sqlite");
    let mut l = Ledger::init(&path, "市直机关第二党支部", "bureau-80", None).expect("init");
    let names = [
        "欧阳娜娜",
        "张伟",
        "李秀英",
        "王建国",
        "司马光明",
        "陈静",
        "诸葛亮亮",
        "赵敏",
        "吴芳",
        "刘洋",
    ];
    l.add_members(
        &names
            .iter()
            .map(|n| MemberDraft {
                name: n.to_string(),
                category: Category::Full,
                tier: None,
                group: None,
                status: MemberStatus::Active,
            })
            .collect::<Vec<_>>(),
    )
    .expect("members");
    l.open_period("2026Q4").expect("period");
    l.start_session(&q4()).expect("session");
    approve(
        &mut l,
        "欧阳娜娜",
        "work.endorsement",
        Some("national"),
        "n",
        "r",
    );
    approve(
        &mut l,
        "张伟",
        "work.endorsement",
        Some("province"),
        "n",
        "r",
    );
    for n in ["李秀英", "王建国", "司马光明", "陈静"] {
        approve(&mut l, n, "work.endorsement", Some("city"), "n", "r");
    }
    approve(&mut l, "刘洋", "discipline.dues", None, "迟交", "属实");
    let oy = member_id(&l, "欧阳娜娜");
    l.confirm(oy, &q4(), None).expect("confirm");
    let zw = member_id(&l, "张伟");
    l.confirm(zw, &q4(), Some(DISPUTE)).expect("dispute");
    (dir, path)
}

/// Freeze `p` and stamp the copy with a known time.
fn freeze_at(path: &Path, at: &str) {
    let mut l = console(path);
    let p = l.board_period(None).expect("p").expect("some period");
    l.freeze_board(&p).expect("freeze");
    let mut s = l.board().expect("state");
    if let BoardMode::Frozen { at: a, .. } = &mut s.mode {
        *a = at.into();
    }
    l.set_board(&s).expect("stamp");
}

fn step(path: &Path, style: RevealStyle) {
    let mut l = console(path);
    let p = l.board_period(None).expect("p");
    l.reveal_board(p.as_ref(), style, None).expect("reveal");
}

fn view_of(p: &mut Poller) -> BoardView {
    p.poll(clock());
    p.view(clock())
}

fn dark() -> Theme {
    Theme::shipped("projector-dark").expect("theme")
}

/// Text at both sizes (the same in both themes) and the colours of each theme.
fn shots(name: &str, view: &BoardView) {
    let light = Theme::shipped("projector-light").expect("theme");
    for (w, h) in [(120, 34), (200, 50)] {
        let text = masked(&screen(view, &dark(), w, h));
        assert_eq!(
            text,
            masked(&screen(view, &light, w, h)),
            "{name} {w}x{h}: layout differs by theme"
        );
        let out = format!(
            "{text}\n-- projector-dark\n{}\n-- projector-light\n{}",
            colours(&render(view, &dark(), w, h)),
            colours(&render(view, &light, w, h))
        );
        insta::assert_snapshot!(format!("truth_{name}_{w}x{h}"), out);
    }
}

/// The seal (a hash over times of this run) as a fixed placeholder.
fn masked(text: &str) -> String {
    match text.find("封存码 ") {
        Some(i) => {
            let start = i + "封存码 ".len();
            format!("{}<seal-hex12>{}", &text[..start], &text[start + 12..])
        }
        None => text.to_string(),
    }
}

/// The line of `text` holding `name`.
fn line_of<'a>(text: &'a str, name: &str) -> &'a str {
    text.lines()
        .find(|l| l.contains(name))
        .unwrap_or_else(|| panic!("{name} not on screen:\n{text}"))
}

#[test]
fn freeze_then_verdict_then_live_shows_the_new_score() {
    let (_dir, path) = demo();
    let mut board = poller(&path);
    freeze_at(&path, "2026-12-20T06:24:00+08:00");
    let frozen = screen(&view_of(&mut board), &dark(), 120, 34);
    assert!(frozen.contains("冻结于 06:24  非实时"), "{frozen}");
    shots("frozen", &view_of(&mut board));
    // The committee decides while the room sees the frozen copy: 吴芳 82 -> 92.
    let mut l = console(&path);
    approve(
        &mut l,
        "吴芳",
        "work.endorsement",
        Some("national"),
        "批示",
        "属实",
    );
    drop(l);
    let still = screen(&view_of(&mut board), &dark(), 120, 34);
    // 吴芳 (82, third of the members once the activists rank apart) stays
    // on the podium of the copy: the frozen screen does not move at all.
    assert!(line_of(&still, "吴 芳").contains("吴 芳"), "{still}");
    assert_eq!(still, frozen, "the frozen copy changed");
    assert!(
        still.contains("冻结于 06:24"),
        "the copy keeps saying it is a copy"
    );
    // Reveal all: still the copy, and it says so.
    step(&path, RevealStyle::All);
    let revealed = screen(&view_of(&mut board), &dark(), 120, 34);
    assert!(
        revealed.contains("已揭晓  冻结于 06:24  非实时"),
        "{revealed}"
    );
    assert!(!revealed.contains("92"), "{revealed}");
    shots("revealed", &view_of(&mut board));
    // Back to live: the new score at once, first place, no note.
    console(&path)
        .set_board_mode(&BoardMode::Live)
        .expect("live");
    let live = screen(&view_of(&mut board), &dark(), 120, 34);
    assert!(!live.contains("冻结"), "{live}");
    let top = live.lines().take(12).collect::<Vec<_>>().join("\n");
    assert!(top.contains("第1名") && top.contains("吴 芳"), "{live}");
    assert!(!live.contains("李秀英") || !line_of(&live, "李秀英").contains("第1名"));
}

#[test]
fn a_stepped_reveal_shows_nothing_of_hidden_rows() {
    let (_dir, path) = ties_branch();
    let mut board = poller(&path);
    freeze_at(&path, "2026-12-20T09:30:00+08:00");
    step(&path, RevealStyle::BottomUp);
    let v = view_of(&mut board);
    let one = screen(&v, &dark(), 120, 34);
    // Only the bottom group (刘洋, 79) shows; no other name, rank or mark.
    assert!(line_of(&one, "刘洋").contains("79"), "{one}");
    for hidden in [
        "欧阳娜娜",
        "张伟",
        "李秀英",
        "赵敏",
        "第1名",
        "第3名",
        "?",
        "83",
        "90",
    ] {
        assert!(!one.contains(hidden), "{hidden} shows while hidden:\n{one}");
    }
    assert!(one.contains("揭晓中  冻结于 09:30"), "{one}");
    shots("revealing", &v);
    // The next step shows the whole tie at 80 together (a rank group).
    step(&path, RevealStyle::BottomUp);
    let two = screen(&view_of(&mut board), &dark(), 120, 34);
    for n in ["诸葛亮亮", "赵敏", "吴芳"] {
        assert!(two.contains(n), "{n}:\n{two}");
    }
    assert!(!two.contains("陈静"), "{two}");
    // Two more steps: 3rd place (four tied), then 2nd; pressing on never restarts.
    step(&path, RevealStyle::BottomUp);
    let three = screen(&view_of(&mut board), &dark(), 120, 34);
    assert!(
        three.contains("第3名  并列4人") && three.contains("刘洋"),
        "{three}"
    );
    for _ in 0..5 {
        step(&path, RevealStyle::BottomUp);
    }
    let all = screen(&view_of(&mut board), &dark(), 120, 34);
    assert!(
        all.contains("欧 阳 娜 娜") && all.contains("已揭晓"),
        "{all}"
    );
}

#[test]
fn the_board_never_says_final_before_finalize() {
    let (_dir, path) = ties_branch();
    let mut board = poller(&path);
    let words = |b: &mut Poller| screen(&view_of(b), &dark(), 120, 34);
    let session = words(&mut board);
    assert!(
        session.contains("初步结果") && !session.contains("最终结果"),
        "{session}"
    );
    console(&path).lock_and_publish(&q4()).expect("lock");
    let published = words(&mut board);
    assert!(published.contains("公示中"), "{published}");
    assert!(!published.contains("最终结果"), "{published}");
    shots("published", &view_of(&mut board));
    let day = chrono::NaiveDate::from_ymd_opt(2027, 6, 30).expect("date");
    console(&path).finalize(&q4(), day).expect("finalize");
    let fin = words(&mut board);
    assert!(fin.contains("最终结果"), "{fin}");
    shots("final", &view_of(&mut board));
}

#[test]
fn four_tied_at_third_share_the_podium_place() {
    let (_dir, path) = ties_branch();
    let v = poller(&path).view(clock());
    for (w, h) in [(120, 34), (200, 50)] {
        let text = screen(&v, &dark(), w, h);
        let (podium, table) = text.split_at(text.find("名次").expect("table header"));
        assert!(podium.contains("第3名  并列4人"), "{w}x{h}:\n{text}");
        for n in ["李秀英", "王建国", "司马光明", "陈静"] {
            assert!(
                podium.contains(n),
                "{n} not on the podium at {w}x{h}:\n{text}"
            );
            assert!(!table.contains(n), "{n} listed twice at {w}x{h}");
        }
        assert_eq!(podium.matches("第3名").count(), 1, "{text}");
    }
    shots("ties", &v);
}

#[test]
fn signed_disputed_and_not_yet_are_three_marks_and_no_dispute_text() {
    let (_dir, path) = ties_branch();
    let mut board = poller(&path);
    let live = view_of(&mut board);
    // 200x50 puts everyone in the table with the sign-off column.
    let buf = render(&live, &dark(), 200, 50);
    let text = text(&buf);
    let has = |name: &str, word: &str| {
        let l = line_of(&text, name);
        assert!(l.contains(word), "{name}: {l}");
    };
    has("李秀英", "未签字");
    has("赵敏", "未签字");
    // The three words in three distinct styles, in every shipped theme.
    for name in Theme::shipped_names() {
        let theme = Theme::shipped(name).expect("theme");
        let buf = render(&live, &theme, 200, 50);
        let style_of = |word: &str| {
            let (y, line) = text
                .lines()
                .enumerate()
                .find(|(_, l)| l.contains(word))
                .unwrap_or_else(|| panic!("{word} not shown:\n{text}"));
            let col = jifen::domain::text::width(&line[..line.find(word).expect("word")]) as u16;
            let c = &buf[(col, y as u16)];
            (c.fg, c.modifier)
        };
        let (a, b, c) = (style_of("已签字"), style_of("有异议"), style_of("未签字"));
        assert!(a != b && b != c && a != c, "{name}: {a:?} {b:?} {c:?}");
    }
    // Under the names 欧阳娜娜 (1st, signed) and 张伟 (2nd, disputed).
    let lines: Vec<&str> = text.lines().collect();
    let names = lines
        .iter()
        .position(|l| l.contains("欧 阳 娜 娜"))
        .expect("podium");
    assert!(lines[names].contains("张 伟"), "{text}");
    let marks = lines[names + 1];
    let (signed, disputed) = (marks.find("已签字"), marks.find("有异议"));
    assert!(signed.zip(disputed).is_some_and(|(a, b)| a < b), "{marks}");
    // The dispute's words never show: live, spotlight, frozen, at any size.
    let zw = member_id(&console(&path), "张伟");
    let mut views = vec![live.clone()];
    console(&path)
        .set_board_mode(&BoardMode::Member { member_id: zw })
        .expect("spotlight");
    views.push(view_of(&mut board));
    freeze_at(&path, "2026-12-20T09:30:00+08:00");
    views.push(view_of(&mut board));
    for v in &views {
        for (w, h) in [(80, 24), (120, 34), (200, 50)] {
            let s = screen(v, &dark(), w, h);
            assert!(!s.contains("依据不足") && !s.contains("不同意"), "{s}");
        }
    }
    shots("spotlight", &views[1]);
}

#[test]
fn the_board_keeps_its_period_and_a_pin_holds() {
    let (_dir, path) = ties_branch();
    let mut board = poller(&path);
    let mut l = console(&path);
    l.lock_and_publish(&q4()).expect("lock");
    l.open_period("2027Q1").expect("next quarter");
    drop(l);
    let text = screen(&view_of(&mut board), &dark(), 120, 34);
    assert!(text.contains("2026Q4  公示中"), "{text}");
    assert!(!text.contains("2027Q1"), "{text}");
    // No rank-change marks (升2 / 降1) from comparing two periods.
    let marks = text
        .split(['升', '降'])
        .skip(1)
        .filter(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
        .count();
    assert_eq!(marks, 0, "{text}");
    // The console moves it (live on the console's period).
    console(&path)
        .set_board(&BoardState {
            mode: BoardMode::Live,
            period: Some("2027Q1".into()),
        })
        .expect("move");
    let moved = screen(&view_of(&mut board), &dark(), 120, 34);
    assert!(moved.contains("2027Q1"), "{moved}");
    // Nothing claimed in 2027Q1 yet: nothing to show, nobody ranked at 80.
    assert!(moved.contains("本期尚无申报"), "{moved}");
    assert!(
        !moved.contains("优秀") && !moved.contains("欧阳娜娜"),
        "{moved}"
    );
    shots("nothing", &view_of(&mut board));
    // A board pinned to 2026Q4 stays there whatever the console chooses.
    let mut pinned = Poller::new(&path, None, ZH).pinned(Some(q4()));
    let text = screen(&view_of(&mut pinned), &dark(), 120, 34);
    assert!(
        text.contains("2026Q4") && text.contains("欧 阳 娜 娜"),
        "{text}"
    );
}

#[test]
fn rank_for_a_year_with_no_period_says_nothing_to_show() {
    let (_dir, path) = demo();
    let r = console(&path)
        .ranking(&jifen::app::RankScope::Year(1999))
        .expect("ranking");
    assert!(r.rows.is_empty());
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_jifen"))
        .args(["--db", path.to_str().expect("path"), "--lang", "zh"])
        .args(["rank", "--year", "1999"])
        .output()
        .expect("run");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    // One wording for a year without periods: no ranking, no grades.
    assert!(stdout.contains("没有排名"), "{stdout}");
    assert!(!stdout.contains("优秀"), "{stdout}");
    let json = std::process::Command::new(env!("CARGO_BIN_EXE_jifen"))
        .args(["--db", path.to_str().expect("path")])
        .args(["rank", "--year", "1999", "--format", "json"])
        .output()
        .expect("run");
    assert_eq!(String::from_utf8_lossy(&json.stdout).trim(), "[]");
}

#[test]
fn big_screens_use_the_width_and_ranks_line_up() {
    let (_dir, path) = demo();
    let v = poller(&path).view(clock());
    for (w, h, cols) in [(120, 34, 2), (160, 45, 2), (200, 50, 3)] {
        let text = screen(&v, &dark(), w, h);
        let lines: Vec<&str> = text.lines().collect();
        let head_y = lines
            .iter()
            .position(|l| l.contains("名次"))
            .expect("header");
        assert_eq!(
            lines[head_y].matches("名次").count(),
            cols,
            "{w}x{h}:\n{text}"
        );
        for head in ["升降", "姓名", "得分", "预计等次", "签字"] {
            assert_eq!(
                lines[head_y].matches(head).count(),
                cols,
                "{head} at {w}x{h}"
            );
        }
        // Balanced: each column holds about as many members.
        let per_col: Vec<usize> = (0..cols)
            .map(|c| {
                let starts: Vec<usize> = header_cells(lines[head_y], "名次");
                let x = starts[c];
                lines[head_y + 1..]
                    .iter()
                    .filter(|l| cell_at(l, x + 6).is_some_and(|s| !s.trim().is_empty()))
                    .count()
            })
            .collect();
        let (lo, hi) = (per_col.iter().min(), per_col.iter().max());
        assert!(
            hi.zip(lo).is_some_and(|(h, l)| h - l <= 1),
            "{per_col:?} at {w}x{h}:\n{text}"
        );
        // Rank numbers end where their header ends.
        let ends: Vec<usize> = header_cells(lines[head_y], "名次")
            .iter()
            .map(|x| x + 4)
            .collect();
        for l in &lines[head_y + 1..] {
            for end in &ends {
                if let Some(c) = cell_at(l, end - 1)
                    .filter(|c| c.chars().all(|d| d.is_ascii_digit()) && !c.is_empty())
                {
                    let next = cell_at(l, *end).unwrap_or_default();
                    assert!(
                        next.trim().is_empty(),
                        "rank {c} runs past its header at {w}x{h}: {l}"
                    );
                }
            }
        }
    }
    // Larger digits at 200x50 than at 120x34.
    let digit_rows = |w, h| {
        screen(&v, &dark(), w, h)
            .lines()
            .filter(|l| l.contains("##"))
            .count()
    };
    assert!(
        digit_rows(200, 50) >= 2 * digit_rows(120, 34),
        "digits grow on a big screen"
    );
    shots("live", &v);
}

/// Display columns where `what` starts in `line`.
fn header_cells(line: &str, what: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = line[from..].find(what) {
        out.push(jifen::domain::text::width(&line[..from + i]));
        from += i + what.len();
    }
    out
}

/// The character drawn at display column `x` of `line` (None past the end).
fn cell_at(line: &str, x: usize) -> Option<String> {
    let mut col = 0;
    for ch in line.chars() {
        let w = unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
        if x >= col && x < col + w.max(1) {
            return Some(ch.to_string());
        }
        col += w;
    }
    None
}

#[test]
fn a_quarter_of_a_year_graded_scheme_shows_projected_grades() {
    let (_dir, path) = ties_branch();
    let text = screen(&poller(&path).view(clock()), &dark(), 120, 34);
    assert!(text.contains("预计等次"), "{text}");
    assert!(text.contains("预计优秀"), "{text}");
    assert!(text.contains("等次为预计,以年终评定为准"), "{text}");
}

#[test]
fn only_year_graded_schemes_project_their_quarter_grades() {
    use jifen::domain::scheme::{GradesOn, Scheme};
    let on = |id: &str| Scheme::builtin(id).expect("scheme").0.grades_on;
    assert_eq!(
        on("bureau-80"),
        GradesOn::Year,
        "seed 000 grades at year end"
    );
    for id in ["village-quarterly", "pipeline-75-25", "company-60-40"] {
        assert_eq!(on(id), GradesOn::Any, "{id}");
    }
}
