//! The board on a committee database: the cross-branch ranking by category
//! with the branch per row, filed of expected in the header, following the
//! database live; and the real binary in a pseudo-terminal.

use crate::board_common::text;
use crate::common::committee::{committee, filings};
use crate::common::pty::Pty;
use jifen::i18n::Lang;
use jifen::tui::board::committee::{read, CommitteePoller};
use jifen::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

fn day() -> chrono::NaiveDate {
    "2100-01-20".parse().expect("day")
}

fn render(v: &jifen::tui::board::committee::CommitteeView, w: u16, h: u16) -> String {
    let theme = Theme::shipped("projector-dark").expect("theme");
    let area = Rect::new(0, 0, w, h);
    let mut buf = Buffer::empty(area);
    jifen::tui::board::draw::committee::draw(v, &theme, area, &mut buf);
    text(&buf)
}

#[test]
fn the_committee_board_ranks_across_branches_by_category_with_the_states_in_its_header() {
    let dir = tempfile::tempdir().expect("dir");
    let c = committee(dir.path());
    let v = read(&c, Lang::Zh, None, day()).expect("view");
    let places = jifen::app::filing::by_category(&c, "2099Q4").expect("places");
    for (w, h) in [(80, 24), (120, 34), (200, 50)] {
        let t = render(&v, w, h);
        let head: String = t.lines().take(3).collect();
        assert!(head.contains("上级党组织备案"), "{w}x{h}:\n{t}");
        assert!(head.contains("2099Q4") && head.contains("分类排名"), "{t}");
        assert!(head.contains("已报 4/5") && head.contains("未报 1"), "{t}");
        let full = places.iter().filter(|p| p.category == "full").count();
        // The scheme by its name, not its id.
        assert!(
            t.contains(&format!("正式  机关党员积分制(基础分80)  共 {full} 人")),
            "{t}"
        );
        assert!(!t.contains("bureau-80"), "{t}");
        // The first full member's line carries their place, branch and score.
        let top = places.iter().find(|p| p.category == "full").expect("top");
        let line = t
            .lines()
            .find(|l| l.contains(&top.member))
            .unwrap_or_else(|| panic!("{} in\n{t}", top.member));
        assert!(line.contains(&top.branch), "{line}");
        assert!(
            line.contains(&jifen::domain::model::fmt_points(top.score)),
            "{line}"
        );
        assert!(
            line.trim_start().starts_with(&format!("{} ", top.rank)),
            "{line}"
        );
    }
    // Pages turn: every place is shown on some page at 80x24.
    let pages = (0..40)
        .map(|tick| {
            let mut v = v.clone();
            v.tick = tick;
            render(&v, 80, 24)
        })
        .collect::<Vec<_>>()
        .join("\n");
    for p in &places {
        assert!(pages.contains(&p.member), "{} on some page", p.member);
    }
    // The period with nothing missing: 5 of 5.
    let q3 = read(&c, Lang::En, Some("2026Q3"), day()).expect("q3");
    let t = render(&q3, 120, 34);
    assert!(t.contains("filed 5/5  late 5"), "{t}");
}

#[test]
fn the_committee_board_follows_a_filing_received_by_another_connection() {
    let dir = tempfile::tempdir().expect("dir");
    let c = committee(dir.path());
    let mut p = CommitteePoller::new(&c, Lang::En, None);
    assert!(p.poll(day()), "the first read");
    assert!(!p.poll(day()), "nothing changed, nothing re-read");
    let reads = p.reads;
    assert!(render(&p.view(0).expect("view"), 120, 34).contains("filed 4/5"));
    let late = filings(&dir.path().join("more"), 2, 2099, 4);
    let second: Vec<_> = late
        .into_iter()
        .filter(|f| f.to_string_lossy().contains("Di2DangZhiBu"))
        .collect();
    jifen::app::filing::receive(&c, &second, &mut |_, _| {}).expect("receive");
    assert!(p.poll(day()), "a commit elsewhere is seen");
    assert_eq!(p.reads, reads + 1);
    let t = render(&p.view(0).expect("view"), 120, 34);
    assert!(t.contains("filed 5/5"), "{t}");
    assert!(
        t.contains("第2党支部"),
        "the new branch's members ranked:\n{t}"
    );
}

#[test]
fn jifen_board_on_a_committee_database_shows_its_ranking_and_quits() {
    let dir = tempfile::tempdir().expect("dir");
    let c = committee(dir.path());
    let mut b = Pty::start(
        &[
            "--lang".as_ref(),
            "en".as_ref(),
            "board".as_ref(),
            "--db".as_ref(),
            c.as_os_str(),
        ],
        120,
        34,
        &[],
    );
    // The terminal writes Chinese cell by cell: wait for English words.
    b.wait_for("Ranking by category");
    // 2099Q4 is not due yet on the day the test runs: 4 of 5, none missing.
    b.wait_for("filed 4/5");
    b.send("q");
    assert!(b.wait_exit(), "clean exit; screen:\n{}", b.text());
}

/// With a roster, the board opens on the quarter that ended last even before
/// its first filing came: nothing ranked yet, every branch of the roster
/// still to file.
#[test]
fn with_a_roster_the_board_opens_on_the_quarter_just_ended() {
    let dir = tempfile::tempdir().expect("dir");
    let c = committee(dir.path());
    let roster = dir.path().join("roster.csv");
    std::fs::write(&roster, "branch\n第1党支部\n第6党支部\n").expect("roster");
    jifen::app::committee::import_roster(&c, &roster).expect("roster imported");
    let v = read(&c, Lang::Zh, None, "2100-04-03".parse().expect("day")).expect("view");
    let t = render(&v, 120, 34);
    let head: String = t.lines().take(3).collect();
    assert!(head.contains("2100Q1") && head.contains("已报 0/6"), "{t}");
}
