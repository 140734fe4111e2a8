//! The summary card's and the filing report's 加分/减分 columns come from the
//! same breakdown as the total: with capped items they still add up to it.

use crate::common::{approved, ledger, member};
use jifen::app::RankScope;
use jifen::domain::model::{Category, PeriodId};
use jifen::export::{export, Paper, PaperFormat};

/// CSV records of a paper, without the BOM.
fn csv_rows(path: &std::path::Path) -> Vec<Vec<String>> {
    let bytes = std::fs::read(path).expect("read");
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(&bytes[3..]);
    r.records()
        .map(|x| x.expect("record").iter().map(String::from).collect())
        .collect()
}

#[test]
fn bonus_and_deduction_columns_add_up_to_the_total_under_caps() {
    // Seed 004's pipeline scheme: 学习教育 counts at most 33 a quarter, the
    // rewards part at most 10.
    let (dir, _path, mut l) = ledger("pipeline-75-25");
    let p: PeriodId = "2026Q1".parse().expect("period");
    l.open_period("2026Q1").expect("open");
    let a = member(&mut l, "李雪梅", Category::Full, None);
    let b = member(&mut l, "张伟", Category::Full, None);
    // 李雪梅: 20 + 20 of study (40 claimed, 33 count) and 8 + 8 of rewards
    // (16 claimed, 10 count): 43, not the 56 claimed.
    approved(&mut l, a, "2026Q1", "conduct.study", None, Some(20.0));
    approved(&mut l, a, "2026Q1", "conduct.study", None, Some(20.0));
    approved(&mut l, a, "2026Q1", "reward.other", None, Some(8.0));
    approved(&mut l, a, "2026Q1", "reward.other", None, Some(8.0));
    approved(&mut l, b, "2026Q1", "conduct.study", None, Some(12.0));
    l.confirm(a, &p, None).expect("sign");
    l.confirm(b, &p, None).expect("sign");
    l.lock(&p).expect("lock");

    let sums = l.kind_sums(&p).expect("sums");
    assert_eq!(sums[&a].bonus, 43.0);
    assert_eq!(sums[&b].bonus, 12.0);

    let out = dir.path().join("papers");
    for paper in [Paper::Summary, Paper::Filing] {
        let file = export(
            &l,
            paper,
            &RankScope::Period(p),
            PaperFormat::Csv,
            &out,
            true,
        )
        .expect("export");
        let rows = csv_rows(&file);
        let head = rows
            .iter()
            .position(|r| r.iter().any(|c| c == "姓名") && r.iter().any(|c| c == "加分"))
            .expect("header row");
        let col = |name: &str| {
            rows[head]
                .iter()
                .position(|c| c == name)
                .unwrap_or_else(|| panic!("column {name}"))
        };
        let (name, bonus, ded, total) = (col("姓名"), col("加分"), col("减分"), col("得分"));
        let num = |s: &str| s.parse::<f64>().unwrap_or_else(|_| panic!("number: {s}"));
        let mut seen = Vec::new();
        for r in rows[head + 1..]
            .iter()
            .take_while(|r| r.len() > total && r[0].parse::<f64>().is_ok())
        {
            // Base 0: the total is what the bonus brought less the deductions.
            assert_eq!(
                num(&r[bonus]) - num(&r[ded]),
                num(&r[total]),
                "{paper:?}: {r:?}"
            );
            seen.push((r[name].clone(), num(&r[bonus])));
        }
        seen.sort_by(|x, y| x.0.cmp(&y.0));
        assert_eq!(
            seen,
            vec![("张伟".to_string(), 12.0), ("李雪梅".to_string(), 43.0)],
            "{paper:?}"
        );
    }
}
