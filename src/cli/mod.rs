//! The command-line front end: arguments in, core calls, text/JSON/CSV out.

mod after;
mod args;
mod output;
mod progress;

pub use args::*;

use crate::app::{ClaimDraft, ClaimFilter, CoreError, Ledger, MemberDraft, RankScope};
use crate::domain::model::{Category, MemberStatus, Outcome};
use crate::domain::text::printable;
use std::path::{Path, PathBuf};

/// Where the database lives when `--db` is not given.
pub fn default_db() -> PathBuf {
    if let Ok(p) = std::env::var("JIFEN_DB") {
        return PathBuf::from(p);
    }
    let dir = dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join("jifen");
    let _ = std::fs::create_dir_all(&dir);
    dir.join("jifen.sqlite")
}

/// Language from the flag, else the locale.
pub fn resolve_lang(flag: Option<Lang>) -> Lang {
    if let Some(l) = flag {
        return l;
    }
    for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Ok(v) = std::env::var(var) {
            if v.is_empty() {
                continue;
            }
            return if v.to_lowercase().starts_with("zh") {
                Lang::Zh
            } else {
                Lang::En
            };
        }
    }
    Lang::Zh
}

type Out = Result<(), CoreError>;

fn fail<T>(m: impl Into<String>) -> Result<T, CoreError> {
    Err(CoreError::User(m.into()))
}

/// `jifen retotal [--check]`: a one-line summary; with `--check`, the first
/// differences and exit 1 when there are any.
fn retotal(db: &Path, check: bool) -> Out {
    if !db.exists() {
        return fail(format!("{}: no such database", db.display()));
    }
    let mut bar = progress::Progress::new("retotal", false);
    let r =
        crate::app::retotal::retotal_all_with(db, check, &mut |d, t| bar.tell(d as u64, t as u64))?;
    drop(bar);
    println!("{}", output::retotal_summary(&r));
    if check && r.changed() > 0 {
        for c in &r.first {
            println!("  {}", output::retotal_change(c));
        }
        return fail(format!(
            "{}: {} kept scores differ from the tallies (run `jifen retotal` to rewrite them)",
            db.display(),
            r.changed()
        ));
    }
    Ok(())
}

/// Run a parsed command line; errors are for the caller to print (exit 1).
pub fn run(cli: Cli) -> Out {
    let db = cli.db.clone().unwrap_or_else(default_db);
    let lang = resolve_lang(cli.lang);
    let branch = cli.branch.as_deref();
    let zh = lang == Lang::Zh;
    let Some(cmd) = cli.command else {
        let ledger = Ledger::open(&db, branch)?;
        return crate::tui::console::run(ledger, lang);
    };
    match cmd {
        Command::Completions { shell } => {
            use clap::CommandFactory;
            clap_complete::generate(shell, &mut Cli::command(), "jifen", &mut std::io::stdout());
            Ok(())
        }
        Command::Appeal(c) => after::appeal(&db, branch, c, zh),
        Command::Publish(a) => after::publish(&db, branch, a),
        Command::Finalize(a) => after::finalize(&db, branch, a),
        Command::Export(a) => after::export(&db, branch, a, zh),
        Command::FollowUp(c) => after::follow_up(&db, branch, c, zh),
        Command::Demo { no_console } => {
            let path = match cli.db.clone() {
                Some(p) => p,
                None => {
                    let dir =
                        std::env::temp_dir().join(format!("jifen-demo-{}", std::process::id()));
                    std::fs::create_dir_all(&dir)
                        .map_err(|e| CoreError::User(format!("{}: {e}", dir.display())))?;
                    dir.join("demo.sqlite")
                }
            };
            let ledger = crate::dev::demo::write_demo(&path)?;
            eprintln!("demo branch written to {}", path.display());
            eprintln!(
                "room display (a second terminal): jifen board --db {}",
                path.display()
            );
            if no_console {
                println!("{}", path.display());
                return Ok(());
            }
            crate::tui::console::run(ledger, lang)
        }
        Command::Board { theme, period } => {
            let theme = theme.unwrap_or_else(|| "projector-dark".into());
            crate::tui::board::run(&db, branch, &theme, lang, period.as_deref())
        }
        Command::Init {
            scheme,
            scheme_file,
            year,
        } => {
            let Some(name) = cli.branch.clone() else {
                return fail("init needs --branch NAME");
            };
            let ledger = match &scheme_file {
                Some(f) => {
                    let text = std::fs::read_to_string(f)
                        .map_err(|e| CoreError::User(format!("{}: {e}", f.display())))?;
                    Ledger::init(&db, &name, "", Some((&f.display().to_string(), &text)))?
                }
                None => Ledger::init(&db, &name, scheme.as_deref().unwrap_or(""), None)?,
            };
            let mut ledger = ledger;
            if let Some(y) = year {
                let first = match ledger.scheme().cycle {
                    crate::domain::scheme::Cycle::Quarter => format!("{y}Q1"),
                    crate::domain::scheme::Cycle::Half => format!("{y}H1"),
                };
                ledger.open_period(&first)?;
            }
            println!(
                "branch {} on scheme {} in {}",
                name,
                ledger.scheme().id,
                db.display()
            );
            Ok(())
        }
        Command::Schemes { id: None } => {
            output::schemes(zh);
            Ok(())
        }
        Command::Schemes { id: Some(id) } => output::scheme_choices(&id, zh),
        Command::Member(m) => {
            let mut ledger = Ledger::open(&db, branch)?;
            match m {
                MemberCmd::Add {
                    name,
                    category,
                    tier,
                    group,
                    exempt,
                } => {
                    let category: Category = category.parse().map_err(CoreError::User)?;
                    let ids = ledger.add_members(&[MemberDraft {
                        name,
                        category,
                        tier,
                        group,
                        status: if exempt {
                            MemberStatus::Exempt
                        } else {
                            MemberStatus::Active
                        },
                    }])?;
                    println!("{}", ids[0]);
                }
                MemberCmd::Import { file } => {
                    let n = ledger.import_members(&file)?;
                    println!("imported {n} members");
                }
                MemberCmd::List { format } => output::members(&ledger, format)?,
                MemberCmd::Rename { member, name } => {
                    let m = ledger.find_member(&member)?;
                    let done = format!("member {} {} renamed to {}", m.id, m.name, name.trim());
                    ledger.update_member(
                        m.id,
                        &MemberDraft {
                            name,
                            category: m.category,
                            tier: m.tier,
                            group: m.group.as_deref().map(str::to_string),
                            status: m.status,
                        },
                    )?;
                    println!("{done}");
                }
            }
            Ok(())
        }
        Command::Period(p) => {
            let mut ledger = Ledger::open(&db, branch)?;
            match p {
                PeriodCmd::Open { period } => {
                    let id = ledger.open_period(&period)?;
                    println!("period {id} open");
                }
                PeriodCmd::Start { period } => {
                    let id = ledger.period_or_current(Some(&period))?;
                    crate::app::backup::auto_backup(&ledger, "session").map_err(CoreError::User)?;
                    ledger.start_session(&id)?;
                    println!("period {id} in session");
                }
                PeriodCmd::List => output::periods(&ledger)?,
            }
            Ok(())
        }
        Command::Claim(c) => {
            let mut ledger = Ledger::open(&db, branch)?;
            match c {
                ClaimCmd::Add(a) => {
                    let m = ledger.find_member(&a.member)?;
                    let mut d = ClaimDraft::new(m.id, &a.item);
                    d.level = a.level;
                    d.count = a.count;
                    d.points = a.points;
                    d.date = a.date;
                    d.note = a.note;
                    d.evidence = a.evidence;
                    d.period = a.period;
                    let id = ledger.add_claim(&d)?;
                    println!("{id}");
                }
                ClaimCmd::Import { file, again } => {
                    use crate::app::import::Repeats;
                    let mut bar = progress::Progress::new("import", true);
                    let repeats = if again {
                        Repeats::Allow
                    } else {
                        Repeats::Refuse
                    };
                    let n = ledger
                        .import_claims_as(&file, repeats, &mut |d, t| bar.tell(d, t))
                        .map_err(|e| output::import_refusal(e, lang))?;
                    drop(bar);
                    println!("imported {n} claims");
                }
                ClaimCmd::List {
                    period,
                    member,
                    status,
                    format,
                } => {
                    let member = match member {
                        Some(m) => Some(ledger.find_member(&m)?.id),
                        None => None,
                    };
                    let f = ClaimFilter {
                        period,
                        member,
                        pending_only: matches!(status, Some(StatusArg::Pending)),
                        decided_only: matches!(status, Some(StatusArg::Decided)),
                    };
                    output::claims(&ledger, &ledger.claims(&f)?, format, zh)?;
                }
            }
            Ok(())
        }
        Command::Verdict {
            claim,
            outcome,
            points,
            reason,
        } => {
            let mut ledger = Ledger::open(&db, branch)?;
            let o = match outcome {
                OutcomeArg::Approve => Outcome::Approved,
                OutcomeArg::Adjust => Outcome::Adjusted,
                OutcomeArg::Reject => Outcome::Rejected,
            };
            ledger.verdict(claim, o, points, reason.as_deref())?;
            let c = ledger.claim(claim)?;
            println!(
                "claim {claim} of {} {}: {} points count",
                c.member,
                c.status.code(),
                crate::domain::model::fmt_points(c.counted())
            );
            Ok(())
        }
        Command::Confirm {
            member,
            period,
            dispute,
        } => {
            let mut ledger = Ledger::open(&db, branch)?;
            let m = ledger.find_member(&member)?;
            let p = ledger.period_or_current(period.as_deref())?;
            ledger.confirm(m.id, &p, dispute.as_deref())?;
            let what = if dispute.is_some() {
                "disputed"
            } else {
                "confirmed"
            };
            println!("{} {what} the statement of {p}", printable(&m.name));
            Ok(())
        }
        Command::Attend {
            member,
            mark,
            period,
        } => {
            let mut ledger = Ledger::open(&db, branch)?;
            let m = ledger.find_member(&member)?;
            let p = ledger.period_or_current(period.as_deref())?;
            let mark = match mark {
                MarkArg::Present => crate::domain::model::Attendance::Present,
                MarkArg::Leave => crate::domain::model::Attendance::Leave,
                MarkArg::Absent => crate::domain::model::Attendance::Absent,
            };
            let done = ledger.mark_attendance(m.id, &p, mark)?;
            let mut line = format!("{} {} in {p}", m.name, mark.code());
            if let Some(id) = done.withdrawn {
                line.push_str(&format!("; claim {id} withdrawn"));
            }
            if let Some(id) = done.claim {
                line.push_str(&format!("; claim {id} pending"));
            }
            println!("{line}");
            Ok(())
        }
        Command::Rank {
            period,
            year,
            category,
            format,
        } => {
            let ledger = Ledger::open(&db, branch)?;
            let scope = match year {
                Some(y) => RankScope::Year(y),
                None => RankScope::Period(ledger.period_or_current(period.as_deref())?),
            };
            let cat = match category {
                Some(c) => Some(c.parse::<Category>().map_err(CoreError::User)?),
                None => None,
            };
            let r = ledger.ranking_of(&scope, cat)?;
            output::ranking(&ledger, &r, format, zh)
        }
        Command::Statement {
            member,
            period,
            format,
        } => {
            let ledger = Ledger::open(&db, branch)?;
            let m = ledger.find_member(&member)?;
            let p = ledger.period_or_current(period.as_deref())?;
            let s = ledger.statement(m.id, &p, zh)?;
            output::statement(&ledger, &s, format, zh)
        }
        Command::Lock { period } => {
            let mut ledger = Ledger::open(&db, branch)?;
            let p = ledger.period_or_current(Some(&period))?;
            // A script cannot be asked: an inquorate lock goes ahead, and the record says so.
            let (q, done) = ledger.lock_noting_quorum(&p, true)?;
            println!("{}", crate::i18n::meeting::quorum_line(lang, &q));
            let r = &done.report;
            println!("locked {} ({} members)", r.period, r.members);
            if !r.unconfirmed.is_empty() {
                println!("unconfirmed: {}", printable(&r.unconfirmed.join(", ")));
            }
            println!("seal {}", r.seal);
            for n in &r.quota_notes {
                println!(
                    "{}",
                    crate::i18n::quota_note(output::lang_of(zh), ledger.scheme(), n)
                );
            }
            after::after_lock(&done.publication?);
            Ok(())
        }
        Command::Undo => {
            let mut ledger = Ledger::open(&db, branch)?;
            let what = ledger.undo_last()?;
            println!("undone: {}", printable(&what.to_string()));
            Ok(())
        }
        Command::Verify { seal } => {
            let mut bar = progress::Progress::new("verify", false);
            let r = crate::app::verify_with(&db, seal.as_deref(), &mut |d, t| bar.tell(d, t))?;
            drop(bar);
            println!(
                "ok: {} events, chain intact, state matches the journal",
                r.events
            );
            for (p, s) in &r.locks {
                println!("locked {p}: seal {s}, totals match");
            }
            if let Some(p) = r.seal_matched {
                println!("seal matches the lock of {p}");
            }
            Ok(())
        }
        Command::Retotal { check } => retotal(&db, check),
        Command::Backup { file } => {
            let ledger = Ledger::open(&db, branch)?;
            let dest = match file {
                Some(f) => {
                    crate::app::backup::backup_to(&ledger, &f).map_err(CoreError::User)?;
                    f
                }
                None => {
                    crate::app::backup::auto_backup(&ledger, "manual").map_err(CoreError::User)?
                }
            };
            println!("{}", dest.display());
            Ok(())
        }
        Command::Restore { file, force } => {
            if !Path::new(&file).exists() {
                return fail(format!("{}: no such backup", file.display()));
            }
            let (plan, kept) =
                crate::app::backup::restore(&file, &db, force).map_err(CoreError::User)?;
            let kept = kept
                .map(|k| format!("; the replaced database is kept as {}", k.display()))
                .unwrap_or_default();
            println!(
                "restored {} from {} ({} newer event(s) discarded){kept}",
                db.display(),
                file.display(),
                plan.lost_events
            );
            Ok(())
        }
        Command::Gen {
            members,
            branches,
            years,
            first_year,
            claims,
            open_quarters,
        } => {
            if db.exists() {
                return fail(format!(
                    "{}: already exists; gen writes a new database",
                    db.display()
                ));
            }
            let spec = crate::dev::gen::GenSpec {
                branches,
                members,
                years,
                first_year,
                claims_per_member_quarter: claims,
                scheme: "bureau-80",
                open_quarters,
            };
            let t = std::time::Instant::now();
            crate::dev::gen::generate(&db, &spec)?;
            println!(
                "generated {members} members in {branches} branches, {years} years, in {:.1}s",
                t.elapsed().as_secs_f64()
            );
            Ok(())
        }
        Command::Set { key, value } => {
            let mut ledger = Ledger::open(&db, branch)?;
            let v: serde_json::Value =
                serde_json::from_str(&value).unwrap_or(serde_json::Value::String(value));
            ledger.set_setting(&key, v.clone())?;
            println!(
                "{} set to {v} for branch {}",
                printable(&key),
                printable(&ledger.branch().name)
            );
            Ok(())
        }
    }
}
