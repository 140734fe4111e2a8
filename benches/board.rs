//! The board's commit-to-frame latency: from a verdict committed on another
//! connection (the console) to the board's redrawn frame, with the board's
//! real poll interval. Also the cost of one refresh (re-query, view, draw).

use criterion::{criterion_group, criterion_main, Criterion, SamplingMode};
use jifen::app::{ClaimDraft, Ledger};
use jifen::domain::model::{ClaimSource, Outcome};
use jifen::tui::board::poller::POLL;
use jifen::tui::board::{draw, Poller};
use jifen::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

fn now() -> chrono::DateTime<chrono::FixedOffset> {
    chrono::Local::now().fixed_offset()
}

fn claim(l: &mut Ledger, member: i64) -> i64 {
    l.add_claim(&ClaimDraft {
        member_id: member,
        item: "work.written".into(),
        level: Some("city".into()),
        count: 1,
        points: None,
        date: Some("2026-11-30".into()),
        note: None,
        evidence: None,
        period: None,
        source: ClaimSource::Secretary,
        verdict: None,
        reason: None,
    })
    .expect("claim")
}

/// The board's loop without a terminal: poll every POLL, draw when changed,
/// report each drawn frame's time.
fn board_thread(
    path: &Path,
    stop: Arc<AtomicBool>,
    frames: mpsc::Sender<Instant>,
) -> std::thread::JoinHandle<()> {
    let path = path.to_path_buf();
    std::thread::spawn(move || {
        let theme = Theme::shipped("projector-dark").expect("theme");
        let mut p = Poller::new(&path, None, jifen::i18n::ZH.board);
        let area = Rect::new(0, 0, 140, 40);
        let mut buf = Buffer::empty(area);
        let mut last = None;
        while !stop.load(Ordering::Relaxed) {
            let t = now();
            let changed = p.poll(t);
            let view = p.view(t);
            if changed || last.as_ref() != Some(&view) {
                draw(&view, &theme, area, &mut buf);
                last = Some(view);
                if changed {
                    let _ = frames.send(Instant::now());
                }
            }
            std::thread::sleep(POLL);
        }
    })
}

fn latency(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("demo.sqlite");
    jifen::dev::demo::write_demo(&path).expect("demo");
    let mut console = Ledger::open(&path, None).expect("rw");
    let members: Vec<i64> = console
        .members()
        .expect("members")
        .iter()
        .filter(|m| m.status == jifen::domain::model::MemberStatus::Active)
        .map(|m| m.id)
        .collect();
    let stop = Arc::new(AtomicBool::new(false));
    let (tx, rx) = mpsc::channel();
    let board = board_thread(&path, Arc::clone(&stop), tx);
    let seen = Arc::new(Mutex::new(Vec::<Duration>::new()));
    let mut k = 0usize;

    let mut g = c.benchmark_group("board");
    g.sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    g.bench_function("commit_to_frame", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                k += 1;
                let id = claim(&mut console, members[k % members.len()]);
                // Let the board take in the new claim, so only the verdict is timed.
                // A phase spread evenly over the poll interval.
                std::thread::sleep(POLL * 2 + Duration::from_millis((k as u64 * 37) % 100));
                while rx.try_recv().is_ok() {}
                console
                    .verdict(id, Outcome::Approved, None, None)
                    .expect("verdict");
                let committed = Instant::now();
                let frame = loop {
                    match rx.recv_timeout(Duration::from_secs(5)) {
                        Ok(t) if t >= committed => break t,
                        Ok(_) => continue,
                        Err(e) => panic!("no frame after the commit: {e}"),
                    }
                };
                let d = frame - committed;
                if let Ok(mut s) = seen.lock() {
                    s.push(d);
                }
                total += d;
            }
            total
        })
    });

    // The work of one refresh alone: data_version, re-query, view, draw at 140x40.
    let theme = Theme::shipped("projector-dark").expect("theme");
    let mut p = Poller::new(&path, None, jifen::i18n::ZH.board);
    p.poll(now());
    let area = Rect::new(0, 0, 140, 40);
    let mut buf = Buffer::empty(area);
    g.bench_function("refresh_after_commit", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                k += 1;
                let id = claim(&mut console, members[k % members.len()]);
                console
                    .verdict(id, Outcome::Approved, None, None)
                    .expect("verdict");
                let t0 = Instant::now();
                let t = now();
                assert!(p.poll(t));
                draw(&p.view(t), &theme, area, &mut buf);
                total += t0.elapsed();
            }
            total
        })
    });
    g.bench_function("idle_poll", |b| {
        b.iter(|| {
            let t = now();
            p.poll(t)
        })
    });
    g.finish();
    stop.store(true, Ordering::Relaxed);
    let _ = board.join();

    let summary = seen.lock().map(|s| s.clone()).unwrap_or_default();
    {
        let mut s = summary;
        s.sort();
        if !s.is_empty() {
            let pct = |q: f64| s[((s.len() - 1) as f64 * q).round() as usize];
            let mean = s.iter().sum::<Duration>() / s.len() as u32;
            eprintln!(
                "commit-to-frame over {} verdicts (poll {:?}): mean {:?}, median {:?}, p95 {:?}, max {:?}",
                s.len(),
                POLL,
                mean,
                pct(0.5),
                pct(0.95),
                pct(1.0)
            );
        }
    }
}

criterion_group!(benches, latency);
criterion_main!(benches);
