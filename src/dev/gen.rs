//! Realistic generated data for benchmarks and load tests: `jifen gen`.

use crate::app::{ClaimDraft, Ledger, MemberDraft, Result};
use crate::domain::model::{Category, ClaimSource, MemberStatus, Outcome};
use std::path::Path;

/// Size of a generated database.
#[derive(Debug, Clone, Copy)]
pub struct GenSpec {
    pub branches: usize,
    pub members: usize,
    pub years: i32,
    pub first_year: i32,
    pub claims_per_member_quarter: usize,
    pub scheme: &'static str,
    /// The last quarters left open; every earlier quarter is locked, as a
    /// branch's history is.
    pub open_quarters: usize,
}

const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林",
    "何", "郭", "马", "罗", "欧阳", "司马",
];
const GIVEN: &[&str] = &[
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
    "超", "秀英", "建国", "海燕",
];
const ITEMS: &[(&str, Option<&str>)] = &[
    ("work.speech", Some("city")),
    ("work.written", Some("province")),
    ("publish.article", Some("city")),
    ("award.personal", Some("unit")),
    ("other.blood", None),
    ("other.suggestion", None),
    ("virtue.commended", Some("city")),
    ("discipline.dues", None),
    ("discipline.absence", None),
    ("duty.unfinished", None),
];

/// A small deterministic generator (xorshift), so runs are repeatable.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// A Chinese-looking name for member number `i`.
pub fn name_for(i: usize) -> String {
    format!(
        "{}{}{}",
        SURNAMES[i % SURNAMES.len()],
        GIVEN[(i / SURNAMES.len()) % GIVEN.len()],
        i
    )
}

/// Write generated branches, members and approved claims into `path`.
pub fn generate(path: &Path, spec: &GenSpec) -> Result<()> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let per_branch = spec.members.div_ceil(spec.branches.max(1));
    let mut made = 0usize;
    for b in 0..spec.branches {
        let name = format!("第{}党支部", b + 1);
        let mut l = fast_ledger(path, &name, spec.scheme)?;
        let n = per_branch.min(spec.members - made);
        if n == 0 {
            break;
        }
        let drafts = member_drafts(&mut rng, made, n);
        made += n;
        let ids = l.add_members(&drafts)?;
        let members = l.members()?;
        for y in spec.first_year..spec.first_year + spec.years {
            for qn in 1..=4 {
                let p = format!("{y}Q{qn}");
                l.open_period(&p)?;
                quarter_claims(
                    &mut l,
                    &mut rng,
                    &ids,
                    &members,
                    spec.claims_per_member_quarter,
                    (y, qn),
                )?;
                let quarters_left = 4 * (spec.first_year + spec.years - y) as usize - qn as usize;
                if quarters_left >= spec.open_quarters {
                    l.lock(&p.parse()?)?;
                }
            }
        }
    }
    Ok(())
}

/// A new branch `name` on `scheme` at `path`, written as `gen`, with no
/// backups and no syncs to disk (generated data is made again, not kept).
fn fast_ledger(path: &Path, name: &str, scheme: &str) -> Result<Ledger> {
    let mut l = Ledger::init(path, name, scheme, None)?;
    l.set_actor("gen");
    l.set_backups(false);
    l.skip_fsync()?;
    Ok(l)
}

/// `n` members numbered on from `first`: mostly full members, one in ten
/// probationary and one in ten activists, in four groups.
fn member_drafts(rng: &mut Rng, first: usize, n: usize) -> Vec<MemberDraft> {
    (0..n)
        .map(|i| MemberDraft {
            name: name_for(first + i),
            category: match rng.below(10) {
                0 => Category::Probationary,
                1 => Category::Activist,
                _ => Category::Full,
            },
            tier: None,
            group: Some(format!("第{}党小组", i % 4 + 1)),
            status: MemberStatus::Active,
        })
        .collect()
}

/// Add `per` decided claims for each of `ids` in quarter `qn` of year `y`
/// (one in twelve rejected) to `l`, checked against `members`.
fn quarter_claims(
    l: &mut Ledger,
    rng: &mut Rng,
    ids: &[i64],
    members: &[crate::domain::model::Member],
    per: usize,
    (y, qn): (i32, i32),
) -> Result<()> {
    let p = format!("{y}Q{qn}");
    let mut claims = Vec::with_capacity(ids.len() * per);
    for id in ids {
        for _ in 0..per {
            let (item, level) = ITEMS[rng.below(ITEMS.len())];
            let mut d = ClaimDraft::new(*id, item);
            d.level = level.map(String::from);
            d.period = Some(p.clone());
            d.date = Some(format!(
                "{y}-{:02}-{:02}",
                3 * (qn - 1) + 1 + rng.below(3) as i32,
                1 + rng.below(28)
            ));
            d.source = ClaimSource::Import;
            d.verdict = Some(if rng.below(12) == 0 {
                Outcome::Rejected
            } else {
                Outcome::Approved
            });
            d.reason = Some("核实".into());
            claims.push(l.check_claim(&d, members)?);
        }
    }
    l.add_checked_claims(claims)?;
    Ok(())
}

/// Size of a generated county: branches that each lock a quarter and file it.
#[derive(Debug, Clone, Copy)]
pub struct CountySpec {
    pub branches: usize,
    /// Members per branch.
    pub members: usize,
    /// Claims per member in the quarter.
    pub claims: usize,
    /// The quarter every branch locks and files, e.g. 2026Q4.
    pub year: i32,
    pub quarter: u32,
}

/// Write `spec.branches` branch filings into `out` the real way: each
/// branch is a ledger of its own (in a scratch folder, removed after) that
/// takes members and decided claims, locks the quarter and exports its
/// filing, so every file is one `filing verify` accepts. Work is shared
/// among the machine's cores; `progress` hears (branches done, in all).
pub fn county(
    out: &Path,
    spec: &CountySpec,
    progress: &(dyn Fn(u64, u64) + Sync),
) -> Result<Vec<std::path::PathBuf>> {
    std::fs::create_dir_all(out).map_err(|e| crate::app::CoreError::file(out, &e))?;
    let scratch = tempfile::Builder::new()
        .prefix("jifen-county-")
        .tempdir()
        .map_err(|e| crate::app::CoreError::file(&std::env::temp_dir(), &e))?;
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(spec.branches.max(1));
    let next = std::sync::atomic::AtomicUsize::new(0);
    let done = std::sync::atomic::AtomicUsize::new(0);
    let results = std::thread::scope(|s| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                s.spawn(|| -> Result<Vec<(usize, std::path::PathBuf)>> {
                    let mut mine = Vec::new();
                    loop {
                        let b = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        if b >= spec.branches {
                            return Ok(mine);
                        }
                        let db = scratch.path().join(format!("b{b}.sqlite"));
                        mine.push((b, county_branch(&db, out, b, spec)?));
                        let _ = std::fs::remove_file(&db);
                        let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
                        progress(n as u64, spec.branches as u64);
                    }
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join().unwrap_or_else(|_| {
                    Err(crate::app::CoreError::Damaged {
                        what: "a county worker failed".into(),
                    })
                })
            })
            .collect::<Vec<_>>()
    });
    let mut files = Vec::with_capacity(spec.branches);
    for r in results {
        files.extend(r?);
    }
    files.sort();
    Ok(files.into_iter().map(|(_, f)| f).collect())
}

/// One county branch, number `b`: its ledger at `db`, its filing into `out`.
fn county_branch(db: &Path, out: &Path, b: usize, spec: &CountySpec) -> Result<std::path::PathBuf> {
    let mut rng =
        Rng((0x9E37_79B9_7F4A_7C15 ^ (b as u64 + 1).wrapping_mul(0x2545_F491_4F6C_DD1D)) | 1);
    let name = format!("第{}党支部", b + 1);
    let mut l = fast_ledger(db, &name, "bureau-80")?;
    let drafts = member_drafts(&mut rng, b * spec.members, spec.members);
    let ids = l.add_members(&drafts)?;
    let members = l.members()?;
    let (y, qn) = (spec.year, spec.quarter);
    let p = format!("{y}Q{qn}");
    l.open_period(&p)?;
    quarter_claims(
        &mut l,
        &mut rng,
        &ids,
        &members,
        spec.claims,
        (y, qn as i32),
    )?;
    let period = p.parse()?;
    l.lock(&period)?;
    let file = out.join(crate::app::filing::default_file_name(&name, &p));
    Ok(crate::app::filing::export(&l, &period, Some(&file))?.path)
}
