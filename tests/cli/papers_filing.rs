//! The filing report to the higher committee (备案表) as filed: counts per
//! grade and per star that add up to the members scored, the consequences,
//! the exempt members, 无 where a list is empty (no appeals), and the seal
//! printed whole as the paper's fingerprint with the command that checks it.

use crate::common::{approved, ledger, member};
use crate::export_papers::{csv_rows, demo, q3, xlsx_cells};
use crate::papers_print::quarter;
use jifen::app::{Ledger, RankScope};
use jifen::domain::model::{Category, PeriodId};
use jifen::export::{export, Paper, PaperFormat};
use std::collections::HashMap;
use std::path::Path;

/// The rows of the CSV table that follows the caption `caption`, up to the next blank-ish caption.
fn section(rows: &[Vec<String>], caption: &str) -> Vec<Vec<String>> {
    let at = rows
        .iter()
        .position(|r| r.len() == 1 && r[0] == caption)
        .unwrap_or_else(|| panic!("no {caption} in {rows:?}"));
    rows[at + 2..]
        .iter()
        .take_while(|r| r.len() > 1)
        .cloned()
        .collect()
}

fn filing(l: &Ledger, p: PeriodId, f: PaperFormat, out: &Path) -> std::path::PathBuf {
    export(l, Paper::Filing, &RankScope::Period(p), f, out, true).expect("filing")
}

#[test]
fn grade_counts_add_up_to_the_members_scored_and_match_the_ranking() {
    let d = demo();
    let r = d.l.ranking(&RankScope::Period(q3())).expect("ranking");
    let rows = csv_rows(&filing(&d.l, q3(), PaperFormat::Csv, &d.out));
    let grades = section(&rows, "等次人数");
    let (total, counts) = grades.split_last().expect("total row");
    assert_eq!(total[0], "合计");
    let sum: usize = counts
        .iter()
        .map(|c| c[1].parse::<usize>().expect("count"))
        .sum();
    assert_eq!(sum, r.rows.len(), "{grades:?}");
    assert_eq!(total[1], r.rows.len().to_string());
    // Each grade's count is the ranking's, by the grade's Chinese name.
    let mut by: HashMap<String, usize> = HashMap::new();
    for x in &r.rows {
        let g = x.grade.as_deref().expect("graded");
        let name =
            d.l.scheme()
                .grade(g)
                .expect("band")
                .name_in(true)
                .to_string();
        *by.entry(name).or_default() += 1;
    }
    for c in counts {
        let n: usize = c[1].parse().expect("count");
        assert_eq!(by.get(&c[0]).copied().unwrap_or(0), n, "{}", c[0]);
    }
    // Every member with a consequence is listed with it; the exempt member too.
    let listed = section(&rows, "处置事项");
    let due: Vec<&str> = r
        .rows
        .iter()
        .filter(|x| !x.actions.is_empty())
        .map(|x| &*x.name)
        .collect();
    assert!(!due.is_empty());
    assert_eq!(listed.len(), due.len(), "{listed:?}");
    for n in due {
        assert!(
            listed.iter().any(|l| l[0] == n && !l[1].is_empty()),
            "{n} not listed"
        );
    }
    let exempt = section(&rows, "免评党员");
    assert!(
        exempt.iter().any(|e| e[0] == "徐丽" && !e[2].is_empty()),
        "{exempt:?}"
    );
    // The demo's two appeals are there, not 无.
    assert_eq!(section(&rows, "申诉与复议").len(), 2);
}

#[test]
fn empty_lists_say_none_and_the_seal_is_whole_in_every_format() {
    let q = quarter();
    let seal =
        q.l.period_row(&q.p)
            .expect("row")
            .expect("row")
            .seal
            .expect("seal");
    let out = q.dir.path().join("filing");
    let rows = csv_rows(&filing(&q.l, q.p, PaperFormat::Csv, &out));
    // No appeals, no exempt member: 无. (张伟, ranked last, is due a talk.)
    assert_eq!(section(&rows, "处置事项")[0][0], "张伟");
    for caption in ["申诉与复议", "免评党员"] {
        let s = section(&rows, caption);
        assert_eq!(s.len(), 1, "{caption}: {s:?}");
        assert_eq!(s[0][0], "无", "{caption}: {s:?}");
    }
    let fp = rows
        .iter()
        .find(|r| r[0] == "本表数据指纹")
        .expect("fingerprint row");
    assert_eq!(fp[1], seal, "the seal whole, not a prefix");
    assert!(rows
        .iter()
        .any(|r| r[0] == "核对：jifen filing verify <备案文件>"));

    let html = std::fs::read_to_string(filing(&q.l, q.p, PaperFormat::Html, &out)).expect("html");
    assert!(
        html.contains(&format!("<dt>本表数据指纹</dt><dd>{seal}</dd>")),
        "{html}"
    );
    assert!(html.contains("核对：jifen filing verify &lt;备案文件&gt;"));
    assert!(html.contains("<td class=\"short\">无</td>") || html.contains("<td>无</td>"));

    let x = xlsx_cells(&filing(&q.l, q.p, PaperFormat::Xlsx, &out));
    let cells: Vec<&Vec<String>> = x.iter().flat_map(|(_, r)| r.iter()).collect();
    let fp = cells
        .iter()
        .find(|r| r.first().is_some_and(|c| c == "本表数据指纹"))
        .expect("fingerprint row");
    assert!(fp.iter().skip(1).any(|c| *c == seal), "{fp:?}");
    assert!(cells.iter().any(|r| r
        .iter()
        .any(|c| c == "核对：jifen filing verify <备案文件>")));
}

#[test]
fn star_counts_add_up_where_the_scheme_has_stars() {
    let (dir, _db, mut l) = ledger("star-rating");
    let p = l.open_period("2026H2").expect("open");
    let a = member(&mut l, "欧阳娜娜", Category::Full, None);
    let b = member(&mut l, "张伟", Category::Full, None);
    member(&mut l, "李娜", Category::Probationary, None);
    // 欧阳娜娜 90 (common 60, star 30) earns stars; 张伟 55 does not.
    approved(&mut l, a, "2026H2", "common", None, Some(60.0));
    approved(&mut l, a, "2026H2", "star", None, Some(30.0));
    approved(&mut l, b, "2026H2", "common", None, Some(55.0));
    l.lock(&p).expect("lock");
    let r = l.ranking(&RankScope::Period(p)).expect("ranking");
    let rows = csv_rows(&filing(&l, p, PaperFormat::Csv, dir.path()));
    let stars = section(&rows, "星级人数");
    let (total, counts) = stars.split_last().expect("total");
    let sum: usize = counts
        .iter()
        .map(|c| c[1].parse::<usize>().expect("n"))
        .sum();
    assert_eq!(sum, r.rows.len(), "{stars:?}");
    assert_eq!(total[1], r.rows.len().to_string());
    for c in counts {
        let n: usize = c[1].parse().expect("n");
        let want = if c[0] == "无星" {
            r.rows
                .iter()
                .filter(|x| x.stars.is_none_or(|s| s == 0))
                .count()
        } else {
            let k = c[0].chars().count() as u8;
            r.rows.iter().filter(|x| x.stars == Some(k)).count()
        };
        assert_eq!(n, want, "{}", c[0]);
    }
    assert!(
        r.rows.iter().any(|x| x.stars.is_some_and(|s| s > 0)),
        "the fixture gives someone stars"
    );
}
