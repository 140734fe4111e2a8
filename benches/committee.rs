//! The committee's desk at county scale: receiving and verifying 2,000
//! branch filings of one quarter (each made by a branch ledger and exported
//! as the branch would, `jifen gen county`), and the cross-branch rankings
//! by category over them. Results go to benches/RESULTS.md.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use jifen::app::filing;
use jifen::dev::gen::{county, CountySpec};
use std::path::PathBuf;
use std::time::Duration;

/// Branches in the county (seed: up to ~2,000 branches, 50,000 members).
const BRANCHES: usize = 2000;

fn filings(dir: &tempfile::TempDir) -> PathBuf {
    let out = dir.path().join("inbox");
    let spec = CountySpec {
        branches: BRANCHES,
        members: 25,
        claims: 2,
        year: 2026,
        quarter: 4,
    };
    let files = county(&out, &spec, &|_, _| {}).expect("county");
    assert_eq!(files.len(), BRANCHES);
    out
}

fn desk(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp");
    let inbox = filings(&dir);
    let mut g = c.benchmark_group("committee");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(5));
    let mut n = 0;
    g.bench_function("receive and verify 2000 filings", |b| {
        b.iter_batched(
            || {
                n += 1;
                dir.path().join(format!("c{n}.sqlite"))
            },
            |db| {
                let (got, _) = filing::receive(&db, std::slice::from_ref(&inbox), &mut |_, _| {})
                    .expect("receive");
                assert!(got.iter().all(|r| r.outcome.is_ok()));
                let _ = std::fs::remove_file(&db);
            },
            BatchSize::PerIteration,
        )
    });
    let db = dir.path().join("county.sqlite");
    filing::receive(&db, std::slice::from_ref(&inbox), &mut |_, _| {}).expect("receive");
    g.bench_function("rank 2000 branches by category", |b| {
        b.iter(|| filing::by_category(&db, "2026Q4").expect("rank"))
    });
    g.bench_function("one branch's ranking of 2000", |b| {
        b.iter(|| filing::branch_ranking(&db, "第1000党支部", "2026Q4").expect("rank"))
    });
    g.finish();
}

criterion_group!(benches, desk);
criterion_main!(benches);
