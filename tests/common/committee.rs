//! A small county for the committee's desk and board: five branches
//! (第1..第5党支部) filed 2026Q3, all received now, so after their due day
//! (10 working days after 30 September): late. Four filed 2099Q4
//! (第2党支部 did not): due 2100-01-14, 10 working days after Thursday
//! 2099-12-31; on 2100-01-20 第2党支部 is missing and the four on time.

use jifen::dev::gen::{county, CountySpec};
use std::path::{Path, PathBuf};

/// The county's filings of `year` Q`quarter` (six members each) written into `out`.
pub fn filings(out: &Path, branches: usize, year: i32, quarter: u32) -> Vec<PathBuf> {
    let spec = CountySpec {
        branches,
        members: 6,
        claims: 1,
        year,
        quarter,
    };
    county(out, &spec, &|_, _| {}).expect("county")
}

/// A committee database `c.sqlite` in `dir` with the county above received.
pub fn committee(dir: &Path) -> PathBuf {
    let c = dir.join("c.sqlite");
    let mut files = filings(&dir.join("q3"), 5, 2026, 3);
    let q4 = filings(&dir.join("q4"), 5, 2099, 4);
    files.extend(
        q4.into_iter()
            .filter(|f| !f.to_string_lossy().contains("Di2DangZhiBu")),
    );
    let (got, _) = jifen::app::filing::receive(&c, &files, &mut |_, _| {}).expect("receive");
    assert_eq!(got.len(), 9);
    assert!(got.iter().all(|r| r.outcome.is_ok()), "all received");
    c
}
