//! The console at branch and county scale: one frame, key press to frame,
//! cold start to the first frame, and the console's peak memory.

use criterion::{criterion_group, Criterion};
use jifen::app::{ClaimDraft, Ledger};
use jifen::dev::gen::{generate, GenSpec};
use jifen::i18n::Lang;
use jifen::tui::console::App;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn key(app: &mut App, c: char) {
    app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
}

fn frame(app: &mut App, w: u16, h: u16) {
    let area = Rect::new(0, 0, w, h);
    let mut buf = Buffer::empty(area);
    app.render(area, &mut buf);
}

/// A branch of `members` with a decided history and pending claims for Q4.
fn branch(dir: &Path, members: usize) -> PathBuf {
    let path = dir.join(format!("branch{members}.sqlite"));
    let spec = GenSpec {
        branches: 1,
        members,
        years: 1,
        first_year: 2026,
        claims_per_member_quarter: 4,
        scheme: "bureau-80",
        open_quarters: 1,
    };
    generate(&path, &spec).expect("generate");
    let mut l = Ledger::open(&path, None).expect("open");
    let ids: Vec<i64> = l.members().expect("members").iter().map(|m| m.id).collect();
    for id in ids {
        let mut d = ClaimDraft::new(id, "other.blood");
        d.period = Some("2026Q4".into());
        l.add_claim(&d).expect("claim");
    }
    path
}

fn members_screen(path: &Path) -> App {
    let l = Ledger::open(path, None).expect("open");
    let mut app = App::new(l, Lang::Zh).expect("console");
    key(&mut app, '2');
    app.handle_key(KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE));
    app
}

fn frames(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp");
    let path = branch(dir.path(), 800);
    let mut app = members_screen(&path);
    c.bench_function("console frame 200x50, 800 members", |b| {
        b.iter(|| frame(&mut app, 200, 50))
    });
    c.bench_function("console frame 80x24, 800 members", |b| {
        b.iter(|| frame(&mut app, 80, 24))
    });
    // Key press to drawn frame: approve, then undo, each followed by a frame.
    c.bench_function("key to frame (approve or undo), 800 members", |b| {
        let mut flip = false;
        b.iter(|| {
            key(&mut app, if flip { 'u' } else { 'a' });
            flip = !flip;
            frame(&mut app, 200, 50)
        })
    });
    let mut lat: Vec<Duration> = Vec::with_capacity(400);
    for i in 0..400 {
        let t = Instant::now();
        key(&mut app, if i % 2 == 0 { 'a' } else { 'u' });
        frame(&mut app, 200, 50);
        lat.push(t.elapsed());
    }
    lat.sort();
    println!(
        "key to frame, 800 members, 400 presses: p50 {:?}, p99 {:?}, max {:?}",
        lat[lat.len() / 2],
        lat[lat.len() * 99 / 100],
        lat[lat.len() - 1]
    );
}

fn vm_hwm_kib() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    s.lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
}

fn county() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("county.sqlite");
    let t = Instant::now();
    let spec = GenSpec {
        branches: 2000,
        members: 50_000,
        years: 10,
        first_year: 2017,
        claims_per_member_quarter: 2,
        scheme: "bureau-80",
        open_quarters: 1,
    };
    generate(&path, &spec).expect("generate county");
    println!(
        "county database (2000 branches, 50000 members, 10 years, 4M claims) generated in {:?}",
        t.elapsed()
    );
    let exe = std::env::current_exe().expect("exe");
    for branch in ["第1党支部", "第2000党支部"] {
        let out = std::process::Command::new(&exe)
            .env("JIFEN_BENCH_CHILD", &path)
            .env("JIFEN_BENCH_BRANCH", branch)
            .output()
            .expect("child");
        print!("{branch}: {}", String::from_utf8_lossy(&out.stdout));
    }
    let t = Instant::now();
    let r = jifen::app::verify(&path, None).expect("verify");
    println!(
        "county verify (chain, full replay of {} events, every table): {:?}",
        r.events,
        t.elapsed()
    );
}

criterion_group!(benches, frames);

fn main() {
    if let Ok(p) = std::env::var("JIFEN_BENCH_CHILD") {
        // The console picks the branch from --branch; the child opens the named one.
        let branch = std::env::var("JIFEN_BENCH_BRANCH").unwrap_or_default();
        let t = Instant::now();
        let l = Ledger::open(Path::new(&p), Some(&branch)).expect("open");
        let mut app = App::new(l, Lang::Zh).expect("console");
        key(&mut app, '2');
        frame(&mut app, 200, 50);
        let first = t.elapsed();
        for _ in 0..20 {
            key(&mut app, 'j');
            frame(&mut app, 200, 50);
        }
        println!(
            "cold start to first frame {first:?}, peak memory {} KiB",
            vm_hwm_kib().unwrap_or(0)
        );
        return;
    }
    benches();
    if std::env::var("JIFEN_BENCH_COUNTY").is_ok() {
        county();
    } else {
        println!(
            "county figures: set JIFEN_BENCH_COUNTY=1 (generates ~4M claims, several minutes)"
        );
    }
    Criterion::default().configure_from_args().final_summary();
}
