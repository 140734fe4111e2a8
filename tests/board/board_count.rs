//! The board's live count (唱票) and the result table: the tallies fill in
//! as the console records counts, the member being counted is marked, the
//! result table follows the close, and no note or reason ever shows.
//! Rendered into a buffer (TestBackend's cells) at 120x34 and 80x24.

use crate::board_common;

use board_common::*;
use jifen::app::board_state::{BoardMode, BoardState};
use jifen::app::Ledger;
use jifen::domain::model::PeriodId;
use jifen::tui::board::view::Screen;
use jifen::tui::theme::{Role, Theme};
use ratatui::buffer::Buffer;

fn q4() -> PeriodId {
    "2026Q4".parse().expect("period")
}

fn votes(e: i64, q: i64, b: i64, u: i64, blank: i64) -> Vec<(String, i64)> {
    [
        ("excellent", e),
        ("qualified", q),
        ("basic", b),
        ("unqualified", u),
        ("blank", blank),
    ]
    .iter()
    .map(|(k, n)| (k.to_string(), *n))
    .collect()
}

/// The demo with an appraisal of 12 ballots open on 2026Q4, a note and a
/// reason on a claim of 王建国 that the room must never read, and the
/// board on the count marking `mark`.
fn counting(mark: &str) -> (tempfile::TempDir, std::path::PathBuf, Ledger) {
    let (dir, path) = demo();
    let mut l = console(&path);
    approve(
        &mut l,
        "王建国",
        "work.speech",
        Some("province"),
        "私下备注不公开",
        "审核理由不公开",
    );
    l.open_appraisal(&q4(), Some(12), None).expect("open");
    let id = member_id(&l, mark);
    l.set_board(&BoardState {
        mode: BoardMode::Appraisal {
            member_id: Some(id),
        },
        period: Some("2026Q4".into()),
    })
    .expect("board");
    (dir, path, l)
}

fn record(l: &mut Ledger, name: &str, counts: &[(String, i64)]) {
    let id = member_id(l, name);
    l.record_votes(&q4(), id, counts).expect("votes");
}

fn theme() -> Theme {
    Theme::shipped("projector-dark").expect("theme")
}

/// The row of the buffer whose text starts with `name`.
fn row_of(buf: &Buffer, name: &str) -> u16 {
    let t = text(buf);
    t.lines()
        .position(|l| l.trim_start().starts_with(name))
        .unwrap_or_else(|| panic!("{name} not on the board:\n{t}")) as u16
}

/// Bar cells on a row from column `from` up to column `to`.
fn bars(buf: &Buffer, y: u16, from: u16, to: u16) -> usize {
    (from..to).filter(|x| buf[(*x, y)].symbol() == "█").count()
}

/// The columns where each title first starts in the header row (合格
/// comes before 基本合格 and 不合格, so its first place is its own).
fn column_starts(buf: &Buffer, titles: &[&str]) -> Vec<u16> {
    let head = (0..buf.area.height)
        .find(|y| text_row(buf, *y).contains("基本合格"))
        .expect("a header row");
    // The text from column x on, a wide character's second cell skipped.
    let rest = |x: u16| -> String {
        let mut out = String::new();
        let mut c = x;
        while c < buf.area.width {
            let s = buf[(c, head)].symbol();
            out.push_str(s);
            c += jifen::domain::text::width(s).max(1) as u16;
        }
        out
    };
    titles
        .iter()
        .map(|t| {
            (0..buf.area.width)
                .find(|x| rest(*x).starts_with(t))
                .unwrap_or_else(|| panic!("{t} not in the header"))
        })
        .collect()
}

fn text_row(buf: &Buffer, y: u16) -> String {
    text(buf)
        .lines()
        .nth(usize::from(y))
        .unwrap_or("")
        .to_string()
}

#[test]
fn the_tallies_fill_in_as_the_counts_are_recorded() {
    let (_d, path, mut l) = counting("李秀英");
    record(&mut l, "王建国", &votes(12, 0, 0, 0, 0));
    record(&mut l, "李秀英", &votes(6, 4, 0, 0, 0));
    let mut p = jifen::tui::board::Poller::new(&path, None, ZH);
    p.poll(clock());
    let view = p.view(clock());
    let Screen::Count(c) = &view.screen else {
        panic!("the count: {:?}", view.screen);
    };
    assert!(!c.closed);
    assert_eq!(c.rows[1].name, "李秀英");
    assert_eq!(c.current, Some(1), "the member being counted is marked");
    let t = theme();
    for (w, h) in [(120, 34), (80, 24)] {
        let buf = render(&view, &t, w, h);
        let s = text(&buf);
        for word in [
            "民主测评 唱票",
            "发出 12 张, 收回 12 张, 废票 0 张, 有效票 12 张",
            "已唱票 1/39 人",
            "优秀",
            "合格",
            "基本合格",
            "不合格",
            "弃权",
            "已计票数",
            "12/12",
            "10/12",
        ] {
            assert!(s.contains(word), "{w}x{h} lacks {word}:\n{s}");
        }
        for secret in ["私下备注不公开", "审核理由不公开"] {
            assert!(!s.contains(secret), "{w}x{h} shows {secret}:\n{s}");
        }
        let cols = column_starts(&buf, &["优秀", "合格", "基本合格"]);
        let (wang, li) = (row_of(&buf, "王建国"), row_of(&buf, "李秀英"));
        // 12 of 12 fills the excellent bar; 6 of 12 half of it, 4 of 12 a third.
        let full = bars(&buf, wang, cols[0], cols[1]);
        let half = bars(&buf, li, cols[0], cols[1]);
        assert!(full >= 4, "{w}x{h}: a full bar is {full} cells:\n{s}");
        assert!(half > 0 && half < full, "{w}x{h}: {half} of {full}");
        assert!(
            half * 2 >= full - 1 && half * 2 <= full + 1,
            "{half} is half of {full}"
        );
        let third = bars(&buf, li, cols[1], cols[2]);
        assert!(
            third > 0 && third < half,
            "{w}x{h}: {third} of {full}:\n{s}"
        );
        assert_eq!(bars(&buf, wang, cols[1], cols[2]), 0);
        // The member being counted stands out in the selection's colour.
        let sel = t.style(Role::Selected).bg;
        assert_eq!(buf[(1, li)].style().bg, sel, "{w}x{h}");
        assert_ne!(buf[(1, wang)].style().bg, sel, "{w}x{h}");
        // A Chinese name is never cut: each shows whole.
        assert!(s.contains("王建国") && s.contains("李秀英"));
        insta::assert_snapshot!(format!("count_{w}x{h}"), s);
    }
    // At 120x34 the member being counted is large under the table too: the
    // name spaced out and each count in block digits ('#' here), 6 and 4.
    let big = screen(&view, &t, 120, 34);
    let panel: Vec<&str> = big
        .lines()
        .skip_while(|l| !l.contains("李 秀 英"))
        .collect();
    assert!(!panel.is_empty(), "no large line:\n{big}");
    let blocks = big.lines().filter(|l| l.contains("######")).count();
    assert!(blocks >= 2, "block digits under the table:\n{big}");
    assert!(
        !screen(&view, &t, 80, 24).contains("李 秀 英"),
        "no room at 80x24"
    );
    // The console records the next count: the board reads it on its next poll.
    record(&mut l, "李秀英", &votes(6, 4, 0, 0, 2));
    assert!(p.poll(clock()), "a change is seen");
    let s = text(&render(&p.view(clock()), &t, 120, 34));
    assert!(s.contains("已唱票 2/39 人"), "{s}");
}

#[test]
fn after_the_close_the_board_shows_each_grade() {
    let (_d, path, mut l) = counting("王建国");
    record(&mut l, "王建国", &votes(12, 0, 0, 0, 0));
    record(&mut l, "李秀英", &votes(1, 3, 8, 0, 0));
    record(&mut l, "张伟", &votes(0, 0, 2, 10, 0));
    l.close_appraisal(&q4(), &[]).expect("close");
    let view = poller(&path).view(clock());
    let Screen::Count(c) = &view.screen else {
        panic!("the results: {:?}", view.screen);
    };
    assert!(c.closed);
    assert_eq!(c.current, None, "nobody is being counted after the close");
    let t = theme();
    for (w, h) in [(120, 34), (80, 24)] {
        let s = text(&render(&view, &t, w, h));
        assert!(s.contains("民主测评结果"), "{w}x{h}:\n{s}");
        for (name, grade) in [
            ("王建国", "优秀"),
            ("李秀英", "基本合格"),
            ("张伟", "不合格"),
        ] {
            let line = s
                .lines()
                .find(|x| x.contains(name))
                .unwrap_or_else(|| panic!("{w}x{h}: {name}:\n{s}"));
            let after = &line[line.find(name).expect("name") + name.len()..];
            assert!(
                after.trim_start().starts_with(grade),
                "{w}x{h}: {name} is {grade}: {line}"
            );
        }
        for secret in ["私下备注不公开", "审核理由不公开"] {
            assert!(!s.contains(secret), "{w}x{h} shows {secret}");
        }
        insta::assert_snapshot!(format!("results_{w}x{h}"), s);
    }
}

#[test]
fn the_count_without_an_appraisal_says_so() {
    let (_d, path) = demo();
    console(&path)
        .set_board(&BoardState {
            mode: BoardMode::Appraisal { member_id: None },
            period: Some("2026Q4".into()),
        })
        .expect("board");
    let view = poller(&path).view(clock());
    assert_eq!(
        view.screen,
        Screen::Message("2026Q4 尚未开始民主测评".into())
    );
}

/// Seed 004 (pipeline): "评议为'优秀'等次的，得23－25分；'合格'等次的，得15－22分；
/// '基本合格'等次的，得14分以下；'不合格'等次的不得分". Twelve members vote at
/// the assembly before 七一; the branch gives 张伟 18 within 合格's range;
/// the board's result table shows each grade with its points.
#[test]
fn seed_004_results_show_each_grade_with_its_points() {
    use jifen::domain::model::{Attendance, Category};
    let (_d, path, mut l) = crate::common::ledger("pipeline-75-25");
    let names = [
        "欧阳娜娜",
        "张伟",
        "王芳",
        "李娜",
        "刘洋",
        "陈静",
        "杨磊",
        "赵敏",
        "黄强",
        "周杰",
        "吴刚",
        "徐丽",
    ];
    let ids: Vec<i64> = names
        .iter()
        .map(|n| crate::common::member(&mut l, n, Category::Full, None))
        .collect();
    l.open_period("2026Q1").expect("Q1");
    l.open_period("2026Q2").expect("Q2");
    let q2: PeriodId = "2026Q2".parse().expect("period");
    for m in &ids {
        l.mark_attendance(*m, &q2, Attendance::Present)
            .expect("present");
    }
    assert_eq!(l.open_appraisal(&q2, None, None).expect("open").valid, 12);
    // From the top, the grade where the votes first pass half (6) of 12.
    for (i, (e, q, b, u)) in [(8, 3, 1, 0), (2, 7, 3, 0), (0, 2, 6, 4), (0, 0, 2, 10)]
        .into_iter()
        .enumerate()
    {
        l.record_votes(&q2, ids[i], &votes(e, q, b, u, 0))
            .expect("votes");
    }
    l.close_appraisal(&q2, &[(ids[1], 18.0)]).expect("close");
    l.set_board(&BoardState {
        mode: BoardMode::Appraisal { member_id: None },
        period: Some("2026Q2".into()),
    })
    .expect("board");
    let mut p = jifen::tui::board::Poller::new(&path, None, ZH);
    p.poll(clock());
    let s = text(&render(&p.view(clock()), &theme(), 120, 34));
    for (name, grade, points) in [
        ("欧阳娜娜", "优秀", "25"),
        ("张伟", "合格", "18"),
        ("王芳", "基本合格", "14"),
        ("李娜", "不合格", "0"),
    ] {
        let line = s
            .lines()
            .find(|x| x.contains(name))
            .unwrap_or_else(|| panic!("{name}:\n{s}"));
        let cells: Vec<&str> = line[line.find(name).expect("name")..]
            .split_whitespace()
            .take(3)
            .collect();
        assert_eq!(cells, [name, grade, points], "{line}");
    }
    assert!(
        s.contains("得分"),
        "a points column for a scheme that gives points:\n{s}"
    );
}

/// Seed 003 (star rating): raters' scores per part. The board shows each
/// part's mean so far and how many ballots are counted for the member.
#[test]
fn score_ballots_show_each_parts_mean() {
    use jifen::domain::model::{Attendance, Category};
    let (_d, path, mut l) = crate::common::ledger("star-rating");
    let ids: Vec<i64> = ["欧阳娜娜", "张伟", "王芳"]
        .iter()
        .map(|n| crate::common::member(&mut l, n, Category::Full, None))
        .collect();
    l.open_period("2026H1").expect("open");
    let h1: PeriodId = "2026H1".parse().expect("period");
    for m in &ids {
        l.mark_attendance(*m, &h1, Attendance::Present)
            .expect("present");
    }
    l.open_appraisal(&h1, None, None).expect("open");
    for (rater, (c, s)) in [(52.0, 30.0), (58.0, 40.0)].into_iter().enumerate() {
        let scores = [("common".to_string(), c), ("star".to_string(), s)];
        l.record_scores(&h1, ids[0], rater as i64 + 1, &scores)
            .expect("scores");
    }
    l.set_board(&BoardState {
        mode: BoardMode::Appraisal {
            member_id: Some(ids[1]),
        },
        period: Some("2026H1".into()),
    })
    .expect("board");
    let view = poller(&path).view(clock());
    for (w, h) in [(120, 34), (80, 24)] {
        let s = text(&render(&view, &theme(), w, h));
        assert!(
            s.contains("基础分(共性分)") && s.contains("评星分"),
            "{w}x{h}:\n{s}"
        );
        let line = s
            .lines()
            .find(|x| x.contains("欧阳娜娜"))
            .unwrap_or_else(|| panic!("{s}"));
        let cells: Vec<&str> = line
            .split_whitespace()
            .filter(|c| !c.contains('█'))
            .collect();
        assert_eq!(cells, ["欧阳娜娜", "55", "35", "2"], "{w}x{h}: {line}");
    }
}
