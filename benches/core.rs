//! Branch-scale and county-scale timings of the core: ranking, year roll-up,
//! one verdict, bulk import. Results go to benches/RESULTS.md.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use jifen::app::{ClaimFilter, Ledger, RankScope};
use jifen::dev::gen::{generate, GenSpec};
use jifen::domain::model::Outcome;
use std::path::PathBuf;
use std::time::Duration;

fn fixture(dir: &tempfile::TempDir, members: usize, claims: usize) -> PathBuf {
    let path = dir.path().join(format!("m{members}.sqlite"));
    let spec = GenSpec {
        branches: 1,
        members,
        years: 1,
        first_year: 2026,
        claims_per_member_quarter: claims,
        scheme: "bureau-80",
        open_quarters: 1,
    };
    generate(&path, &spec).expect("generate fixture");
    path
}

fn q4() -> RankScope {
    RankScope::Period("2026Q4".parse().expect("period"))
}

fn branch_scale(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp");
    let path = fixture(&dir, 800, 6);
    let mut l = Ledger::open(&path, None).expect("open");
    c.bench_function("rank one quarter, 800 members", |b| {
        b.iter(|| l.ranking(&q4()).expect("rank"))
    });
    c.bench_function("year roll-up, 800 members", |b| {
        b.iter(|| l.ranking(&RankScope::Year(2026)).expect("rank"))
    });
    // One verdict and the re-ranking the console shows after it.
    let ids: Vec<i64> = l
        .claims(&ClaimFilter {
            period: Some("2026Q4".into()),
            ..Default::default()
        })
        .expect("claims")
        .iter()
        .map(|c| c.id)
        .collect();
    let mut i = 0usize;
    c.bench_function("verdict + re-rank, 800 members", |b| {
        b.iter(|| {
            let id = ids[i % ids.len()];
            i += 1;
            let o = if i.is_multiple_of(2) {
                Outcome::Approved
            } else {
                Outcome::Rejected
            };
            l.verdict(id, o, None, Some("核实")).expect("verdict");
            l.ranking(&q4()).expect("rank")
        })
    });
}

fn county_scale(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp");
    let path = fixture(&dir, 50_000, 6);
    let l = Ledger::open(&path, None).expect("open");
    let mut g = c.benchmark_group("county");
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    g.bench_function("rank one quarter, 50000 members", |b| {
        b.iter(|| l.ranking(&q4()).expect("rank"))
    });
    g.bench_function("year roll-up, 50000 members", |b| {
        b.iter(|| l.ranking(&RankScope::Year(2026)).expect("rank"))
    });
    g.finish();
}

/// A claim import file of `n` rows over the 1,000 generated members.
fn claims_csv(path: &std::path::Path, n: usize) {
    let mut w = csv::Writer::from_path(path).expect("csv");
    w.write_record([
        "member", "item", "level", "count", "points", "date", "note", "period",
    ])
    .expect("csv");
    for i in 0..n {
        let m = jifen::dev::gen::name_for(i % 1000);
        let (item, level) = if i % 3 == 0 {
            ("work.speech", "city")
        } else {
            ("other.blood", "")
        };
        w.write_record([
            m.as_str(),
            item,
            level,
            "1",
            "",
            "2026-11-02",
            &format!("n{i}"),
            "2026Q4",
        ])
        .expect("csv");
    }
    w.flush().expect("csv");
}

/// A fresh copy of the 1,000-member ledger.
fn fresh_copy(dir: &tempfile::TempDir, base: &std::path::Path) -> Ledger {
    let p = dir.path().join("work.sqlite");
    let _ = std::fs::remove_file(&p);
    let _ = std::fs::remove_file(dir.path().join("work.sqlite-wal"));
    std::fs::copy(base, &p).expect("copy");
    Ledger::open(&p, None).expect("open")
}

fn import(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp");
    let base = fixture(&dir, 1000, 0);
    let csv_path = dir.path().join("claims.csv");
    claims_csv(&csv_path, 200_000);
    let mut g = c.benchmark_group("import");
    g.sample_size(10).measurement_time(Duration::from_secs(30));
    g.bench_function("import 200000 claims from CSV", |b| {
        b.iter_batched(
            || fresh_copy(&dir, &base),
            |mut l| l.import_claims(&csv_path).expect("import"),
            BatchSize::PerIteration,
        )
    });
    g.finish();
    // One million claims, end to end (CSV parsing, checks, journal, tallies,
    // kept totals), timed once: a criterion sample would take minutes.
    let big = dir.path().join("claims-1m.csv");
    claims_csv(&big, 1_000_000);
    let mut l = fresh_copy(&dir, &base);
    let t = std::time::Instant::now();
    let n = l.import_claims(&big).expect("import 1M");
    let took = t.elapsed();
    println!(
        "import {n} claims from CSV (one shot): {took:?}, {:.0} claims/s",
        n as f64 / took.as_secs_f64()
    );
}

criterion_group!(benches, branch_scale, county_scale, import);
criterion_main!(benches);
