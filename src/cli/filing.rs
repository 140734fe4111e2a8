//! `jifen filing ...` and the committee's `rank`: parse, call the core's
//! filing, print.

use super::{output, progress::Progress, Format};
use crate::app::filing::{self, Receipt};
use crate::app::{CoreError, Ledger};
use crate::domain::model::fmt_points;
use crate::domain::text::{printable, table};
use crate::i18n::Lang;
use clap::Subcommand;
use std::path::{Path, PathBuf};

type Out = Result<(), CoreError>;

#[derive(Debug, Subcommand)]
pub enum FilingCmd {
    /// Write a locked period's filing file (its results, the journal up to
    /// the lock and the seal) for the higher committee.
    Export {
        /// The period, e.g. 2026Q4 (locked, published or final).
        #[arg(long)]
        period: String,
        /// The file to write, or a folder for the default name
        /// (BRANCH-PERIOD.jifen-filing.json, the branch in pinyin).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Check filing files with no database: the chain, the seal, and that
    /// the results are what the events give. Exit 1 naming the first fault.
    Verify {
        /// One or more filing files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Receive filing files (or every *.jifen-filing.json in a folder) into
    /// the committee database --db, making it if missing; on a branch's
    /// database, receive the committee's reconsideration decision files
    /// (*.jifen-decision.json) as corrections.
    Receive {
        /// Files or folders.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Post (公示) the received filings of a period at the committee, for a
    /// number of working days of the committee's calendar.
    Publish {
        /// The period, e.g. 2026Q4.
        #[arg(long)]
        period: String,
        /// Working days of the window (default 3, seed 000: 公示3个工作日).
        #[arg(long)]
        days: Option<u32>,
        /// Day the filings were posted (default: today); the window starts the day after.
        #[arg(long)]
        from: Option<String>,
    },
    /// The filings received: branch, period, seal, when received.
    List {
        /// Only this period, e.g. 2026Q4.
        #[arg(long)]
        period: Option<String>,
        /// The branches the committee expects (its roster, and every branch
        /// that filed some period) that have not filed --period.
        #[arg(long, requires = "period")]
        missing: bool,
        /// Output: table (the default), json or csv.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
        /// Judge publication windows and deadlines as of this day (default: today).
        #[arg(long)]
        today: Option<String>,
    },
    /// The committee's roster of branches (应报支部名册): the branches it
    /// expects to file besides every branch that ever filed.
    Roster {
        #[command(subcommand)]
        cmd: super::roster::RosterCmd,
    },
}

/// What `jifen gen` writes besides one database.
#[derive(Debug, Subcommand)]
pub enum GenWhat {
    /// A county's filings: BRANCHES branch ledgers, each locking a quarter
    /// and exporting its filing into --out (the ledgers are not kept).
    County {
        /// Number of branches (one filing each).
        #[arg(long, default_value_t = 2000)]
        branches: usize,
        /// Members per branch.
        #[arg(long, default_value_t = 25)]
        members: usize,
        /// Claims per member in the quarter.
        #[arg(long, default_value_t = 2)]
        claims: usize,
        /// The quarter filed, e.g. 2026Q4.
        #[arg(long, default_value = "2026Q4")]
        period: String,
        /// The folder the filings are written to.
        #[arg(long)]
        out: PathBuf,
    },
}

/// `jifen gen county`: write the filings, with a progress bar.
pub fn gen(what: GenWhat, lang: Lang) -> Out {
    let GenWhat::County {
        branches,
        members,
        claims,
        period,
        out,
    } = what;
    let p: crate::domain::model::PeriodId = period.parse()?;
    let (year, quarter) = match p.kind {
        crate::domain::model::PeriodKind::Quarter(q) => (p.year, u32::from(q)),
        _ => return Err(CoreError::User(lang.words().filing.gen_quarter.to_string())),
    };
    let spec = crate::dev::gen::CountySpec {
        branches,
        members,
        claims,
        year,
        quarter,
    };
    let bar = std::sync::Mutex::new(Progress::new("gen county", false));
    let t = std::time::Instant::now();
    let files = crate::dev::gen::county(&out, &spec, &|d, n| {
        if let Ok(mut b) = bar.lock() {
            b.tell(d, n);
        }
    })?;
    drop(bar);
    let line = (lang.words().filing.generated)(
        files.len(),
        &out.display().to_string(),
        t.elapsed().as_secs_f64(),
    );
    println!("{line}");
    Ok(())
}

/// A day given as YYYY-MM-DD, or today.
pub(super) fn day_or_today(d: Option<&str>) -> Result<chrono::NaiveDate, CoreError> {
    match d {
        Some(s) => Ok(crate::domain::calendar::parse_date(s)?),
        None => Ok(crate::domain::calendar::today()),
    }
}

/// Run one `jifen filing` command.
pub fn run(db: &Path, branch: Option<&str>, cmd: FilingCmd, lang: Lang) -> Out {
    let w = lang.words().filing;
    match cmd {
        FilingCmd::Export { period, out } => {
            let ledger = Ledger::open(db, branch)?;
            let p = ledger.period_or_current(Some(&period))?;
            let e = filing::export(&ledger, &p, out.as_deref())?;
            println!(
                "{}",
                (w.exported)(
                    &e.path.display().to_string(),
                    &printable(&e.branch),
                    &e.period,
                    &e.seal,
                    e.members,
                    e.events
                )
            );
            Ok(())
        }
        FilingCmd::Verify { files } => {
            let mut refused = Vec::new();
            for f in &files {
                match filing::check_file(f) {
                    Ok(c) => println!(
                        "{}",
                        (w.verified)(
                            &f.display().to_string(),
                            &printable(&c.filing.branch.name),
                            &c.filing.period.id,
                            &c.filing.seal
                        )
                    ),
                    Err(e) => refused.push(e),
                }
            }
            done(refused, files.len(), lang)
        }
        FilingCmd::Receive { files }
            if db.exists() && !filing::is_committee(db) && !files.iter().any(|f| f.is_dir()) =>
        {
            super::review::receive(db, branch, &files, lang)
        }
        FilingCmd::Publish { period, days, from } => {
            let on = day_or_today(from.as_deref())?;
            let p = crate::app::committee::publish(db, &period, days, on)?;
            let r = lang.words().review;
            let line = (r.posted)(
                &p.period,
                p.posted.len(),
                p.already,
                &p.posted_on,
                p.days,
                &p.window_end,
            );
            println!("{line}");
            Ok(())
        }
        FilingCmd::Receive { files } => {
            let mut bar = Progress::new(w.receiving, false);
            let (got, made) = filing::receive(db, &files, &mut |d, t| bar.tell(d, t))?;
            drop(bar);
            if made {
                println!("{}", (w.made_committee)(&db.display().to_string()));
            }
            let (mut new, mut again) = (0, 0);
            let mut refused = Vec::new();
            let files = got.len();
            for r in got {
                let file = r.file.display().to_string();
                match r.outcome {
                    Ok(Receipt::Received {
                        branch,
                        period,
                        seal,
                        roster_scheme,
                    }) => {
                        new += 1;
                        println!(
                            "{}",
                            (w.received)(&file, &printable(&branch), &period, &seal)
                        );
                        if let Some(s) = roster_scheme {
                            println!("  {}", (w.other_scheme)(&s));
                        }
                    }
                    Ok(Receipt::Again {
                        branch,
                        period,
                        seal,
                    }) => {
                        again += 1;
                        println!(
                            "{}",
                            (w.duplicate)(&file, &printable(&branch), &period, &seal)
                        );
                    }
                    Err(e) => refused.push(e),
                }
            }
            if files > 1 {
                println!("{}", (w.receive_summary)(new, again, refused.len()));
            }
            done(refused, files, lang)
        }
        FilingCmd::List {
            period,
            missing,
            format,
            today,
        } => {
            let today = day_or_today(today.as_deref())?;
            list(db, period.as_deref(), missing, format, today, lang)
        }
        FilingCmd::Roster { cmd } => super::roster::run(db, cmd, lang),
    }
}

/// Exit 1 when any file was refused: one file's refusal is the error itself;
/// of several, each is said here and the error says how many.
fn done(mut refused: Vec<CoreError>, files: usize, lang: Lang) -> Out {
    if files == 1 {
        return refused.pop().map_or(Ok(()), Err);
    }
    for e in &refused {
        let words = crate::i18n::meeting::core_error(lang, e);
        eprintln!("jifen: {}", printable(&words));
    }
    match refused.len() {
        0 => Ok(()),
        n => Err(filing::FilingError::SomeRefused { refused: n, files }.into()),
    }
}

fn list(
    db: &Path,
    period: Option<&str>,
    missing: bool,
    format: Format,
    today: chrono::NaiveDate,
    lang: Lang,
) -> Out {
    let w = lang.words().filing;
    let rw = lang.words().review;
    if let (true, Some(p)) = (missing, period) {
        let m = filing::missing(db, p)?;
        if format == Format::Json {
            return output::json(&m);
        }
        let rows: Vec<Vec<String>> = m
            .iter()
            .map(|x| {
                vec![
                    printable(&x.branch).into_owned(),
                    x.period.clone(),
                    match (&x.last_filed, format) {
                        (Some(p), _) => p.clone(),
                        (None, Format::Csv) => String::new(),
                        (None, _) => w.never_filed.to_string(),
                    },
                ]
            })
            .collect();
        return match format {
            Format::Csv => output::csv_out(&["branch", "period", "last_filed"], &rows),
            _ => {
                print!("{}", table(&w.h_missing, &rows, &[]));
                Ok(())
            }
        };
    }
    let desk = crate::app::committee::desk(db, period, today)?;
    let objects: Vec<serde_json::Value> = desk
        .iter()
        .map(|d| {
            let f = &d.filing;
            serde_json::json!({
                "branch": f.branch,
                "period": f.period,
                "seal": f.seal,
                "received_at": f.received_at,
                "state": f.state,
                "scheme": f.scheme_id,
                "members": f.members,
                "events": f.events,
                "file": f.file_name,
                "file_sha256": f.file_sha256,
                "publication": d.state.code(),
                "window_end": d.state.window_end().map(|e| e.to_string()),
                "reviews": d.reviews,
                "roster_scheme": d.roster_scheme,
            })
        })
        .collect();
    if format == Format::Json {
        return output::json(&objects);
    }
    let rows: Vec<Vec<String>> = desk
        .iter()
        .map(|d| {
            let f = &d.filing;
            let state = match format {
                Format::Csv => d.state.code().to_string(),
                _ => (rw.state)(&d.state),
            };
            let mut row = vec![
                printable(&f.branch).into_owned(),
                f.period.clone(),
                state,
                f.members.to_string(),
                f.seal.clone(),
                f.received_at.clone(),
            ];
            if format == Format::Csv {
                row.push(
                    d.state
                        .window_end()
                        .map(|e| e.to_string())
                        .unwrap_or_default(),
                );
            }
            row
        })
        .collect();
    if format == Format::Csv {
        return output::csv_out(
            &[
                "branch",
                "period",
                "publication",
                "members",
                "seal",
                "received_at",
                "window_end",
            ],
            &rows,
        );
    }
    if rows.is_empty() {
        println!("{}", (w.none_received)(period));
    } else {
        print!("{}", table(&w.h_list, &rows, &[false, false, false, true]));
    }
    for d in &desk {
        for r in &d.reviews {
            let line = format!("{} {}: {}", d.filing.branch, d.filing.period, (rw.line)(r));
            println!("{}", printable(&line));
        }
    }
    if let Some(p) = period {
        let m: Vec<String> = filing::missing(db, p)?
            .into_iter()
            .map(|x| printable(&x.branch).into_owned())
            .collect();
        if !m.is_empty() {
            println!("{}", (w.missing_line)(p, &m));
        }
    }
    Ok(())
}

/// `rank` on a committee database: one branch's ranking as filed
/// (`--branch NAME`), or every branch's members by category.
pub fn rank(
    db: &Path,
    branch: Option<&str>,
    period: Option<&str>,
    by_category: bool,
    format: Format,
    lang: Lang,
) -> Out {
    let w = lang.words().filing;
    let Some(period) = period else {
        return Err(CoreError::User(w.needs_period.to_string()));
    };
    if by_category || branch.is_none() {
        let places = filing::by_category(db, period)?;
        if format == Format::Json {
            return output::json(&places);
        }
        let rows: Vec<Vec<String>> = places
            .iter()
            .map(|p| {
                vec![
                    p.scheme.clone(),
                    p.category.clone(),
                    p.rank.to_string(),
                    printable(&p.branch).into_owned(),
                    printable(&p.member).into_owned(),
                    fmt_points(p.score),
                    p.branch_rank.to_string(),
                    p.grade.clone().unwrap_or_default(),
                ]
            })
            .collect();
        if format == Format::Csv {
            return output::csv_out(
                &[
                    "scheme",
                    "category",
                    "rank",
                    "branch",
                    "member",
                    "score",
                    "branch_rank",
                    "grade",
                ],
                &rows,
            );
        }
        print!(
            "{}",
            table(
                &w.h_category,
                &rows,
                &[false, false, true, false, false, true, true, false]
            )
        );
        return Ok(());
    }
    let name = branch.unwrap_or_default();
    let rows = filing::branch_ranking(db, name, period)?;
    if format == Format::Json {
        return output::json(&rows);
    }
    let table_rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            vec![
                r.rank.to_string(),
                printable(&r.name).into_owned(),
                fmt_points(r.score),
                r.grade.as_deref().unwrap_or_default().to_string(),
                r.stars.map(|s| s.to_string()).unwrap_or_default(),
                r.actions.join(" "),
            ]
        })
        .collect();
    if format == Format::Csv {
        let h = ["rank", "member", "score", "grade", "stars", "actions"];
        return output::csv_out(&h, &table_rows);
    }
    print!(
        "{}",
        table(
            &w.h_rank,
            &table_rows,
            &[true, false, true, false, true, false]
        )
    );
    // The filing stays as received; the reconsiderations against it beside.
    let today = crate::domain::calendar::today();
    for r in crate::app::review::reviews(db, Some(period), today)?
        .iter()
        .filter(|r| r.branch == name)
    {
        println!("{}", printable(&(lang.words().review.line)(r)));
    }
    Ok(())
}
