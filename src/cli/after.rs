//! CLI commands for after the lock: publication, appeals, follow-ups, papers.

use super::Format;
use crate::app::appeals::{AppealOutcome, AppealRow};
use crate::app::{CoreError, Ledger, RankScope};
use crate::domain::model::{AppealStatus, PeriodId};
use crate::export::{Paper, PaperFormat};
use crate::i18n::cli::CliWords;
use crate::i18n::Lang;
use chrono::NaiveDate;
use clap::{Args, Subcommand};
use std::path::{Path, PathBuf};

type Out = Result<(), CoreError>;

fn date_or_today(d: Option<&str>) -> Result<NaiveDate, CoreError> {
    match d {
        Some(s) => Ok(crate::domain::calendar::parse_date(s)?),
        None => Ok(crate::domain::calendar::today()),
    }
}

fn json<T: serde::Serialize>(v: &T) -> Out {
    let s = serde_json::to_string_pretty(v).map_err(|e| CoreError::Damaged {
        what: e.to_string(),
    })?;
    println!("{s}");
    Ok(())
}

#[derive(Debug, Subcommand)]
pub enum AppealCmd {
    /// File a member's appeal against a locked period; prints the appeal id alone.
    File {
        /// The appealing member's name or id.
        member: String,
        /// The locked period appealed against, e.g. 2026Q4.
        #[arg(long)]
        period: String,
        /// The items objected to: item codes, titles (无偿献血) or claim ids, comma-separated.
        #[arg(long)]
        items: Option<String>,
        /// The member's words.
        #[arg(long)]
        text: String,
        /// Day the appeal was received (default: today).
        #[arg(long)]
        date: Option<String>,
    },
    /// Record a reply: upheld (with --item and --points), dismissed, or reconsider.
    Reply {
        /// The appeal id.
        id: i64,
        /// upheld, dismissed or reconsider.
        outcome: String,
        /// The reply's words, as given to the member.
        #[arg(long)]
        reply: String,
        /// Correction item code (upheld).
        #[arg(long)]
        item: Option<String>,
        /// Correction points as on a claim; negative takes points back (upheld).
        #[arg(long, allow_hyphen_values = true)]
        points: Option<f64>,
        /// Day of the reply (default: today).
        #[arg(long)]
        date: Option<String>,
    },
    /// List appeals with due dates; overdue ones are marked.
    List {
        /// Only this period, e.g. 2026Q4.
        #[arg(long)]
        period: Option<String>,
        /// Only appeals still waiting for a reply.
        #[arg(long)]
        open: bool,
        /// Judge overdue as of this day (default: today).
        #[arg(long)]
        date: Option<String>,
        /// Output: table (the default), json or csv.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
}

#[derive(Debug, Args)]
pub struct PublishArgs {
    /// The locked period to post (公示).
    pub period: Option<String>,
    /// Day the results were posted (default: the lock day).
    #[arg(long)]
    pub from: Option<String>,
    /// Instead: show every sealed period's window and finalize those that are due.
    #[arg(long, conflicts_with = "period")]
    pub check: bool,
    /// Judge windows as of this day (default: today).
    #[arg(long)]
    pub today: Option<String>,
}

#[derive(Debug, Args)]
pub struct FinalizeArgs {
    /// The period to make final, e.g. 2026Q4.
    pub period: String,
    /// Judge the window as of this day (default: today).
    #[arg(long)]
    pub today: Option<String>,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// notice, cards, summary, filing, minutes, redemptions (兑换登记表), or all.
    pub paper: String,
    /// Period, e.g. 2026Q4 (default: the current one).
    #[arg(long, conflicts_with = "year")]
    pub period: Option<String>,
    /// A year (the notice and the cards).
    #[arg(long)]
    pub year: Option<i32>,
    /// csv, xlsx or html.
    #[arg(long, default_value = "html")]
    pub format: String,
    /// Folder to write into (created if missing).
    #[arg(long, default_value = ".")]
    pub out: PathBuf,
}

#[derive(Debug, Subcommand)]
pub enum FollowUpCmd {
    /// Each member's actions of a year or a period, done or not.
    List {
        /// Only this period, e.g. 2026Q4.
        #[arg(long, conflicts_with = "year")]
        period: Option<String>,
        /// A whole year, e.g. 2026.
        #[arg(long)]
        year: Option<i32>,
        /// Only actions not yet done.
        #[arg(long)]
        open: bool,
        /// Output: table (the default), json or csv.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Record one member's action as done.
    Done {
        /// Member's name or id.
        member: String,
        /// Action key, e.g. talk, conversion-hold.
        action: String,
        /// Period, e.g. 2026Q4 (default: the current one).
        #[arg(long, conflicts_with = "year")]
        period: Option<String>,
        /// A whole year, e.g. 2026.
        #[arg(long)]
        year: Option<i32>,
        /// What was done, in a few words.
        #[arg(long)]
        note: Option<String>,
    },
}

fn scope(l: &Ledger, period: Option<&str>, year: Option<i32>) -> Result<RankScope, CoreError> {
    Ok(match year {
        Some(y) => RankScope::Year(y),
        None => RankScope::Period(l.period_or_current(period)?),
    })
}

/// After `jifen lock` (which started the publication window): say until when.
pub fn after_lock(pb: &crate::app::publication::Publication, w: &CliWords) {
    if pb.window_end.is_some() {
        println!("{}", (w.published_until)(pb));
    }
}

/// A period id typed by a person, refused in their words.
fn period_arg(s: &str, w: &CliWords) -> Result<PeriodId, CoreError> {
    s.parse().map_err(|_| CoreError::User((w.bad_period)(s)))
}

fn appeal_line(a: &AppealRow, lang: Lang) -> Vec<String> {
    let w = lang.words().cli;
    let mut status = (w.appeal_status)(a.status, a.overdue);
    if let Some(review) = a.closed_by_review {
        status = (lang.words().review.closed_by)(&status, review);
    }
    let stage = (w.cell_stage)(a.stage);
    vec![
        a.id.to_string(),
        a.period.clone(),
        a.member.clone(),
        stage,
        status,
        a.due.clone(),
        a.days_left.map(|d| d.to_string()).unwrap_or_default(),
        a.correction.clone().unwrap_or_default(),
        a.text.clone(),
    ]
}

pub fn appeal(db: &Path, branch: Option<&str>, cmd: AppealCmd, lang: Lang) -> Out {
    let w = lang.words().cli;
    let mut l = Ledger::open(db, branch)?;
    match cmd {
        AppealCmd::File {
            member,
            period,
            items,
            text,
            date,
        } => {
            let m = l.find_member(&member)?;
            let p = period_arg(&period, w)?;
            let on = date_or_today(date.as_deref())?;
            let id = l.file_appeal(m.id, &p, items.as_deref(), &text, on)?;
            let a = l.appeal_on(id, on)?;
            println!("{id}");
            eprintln!("{}", (w.appeal_filed)(id, &a.due));
            Ok(())
        }
        AppealCmd::Reply {
            id,
            outcome,
            reply,
            item,
            points,
            date,
        } => {
            let o: AppealOutcome = outcome.parse()?;
            let correction = match (item.as_deref(), points) {
                (Some(i), Some(p)) => Some((i, p)),
                (None, None) => None,
                _ => return Err(CoreError::User(w.correction_needs_both.into())),
            };
            let on = date_or_today(date.as_deref())?;
            let a = l.reply_appeal(id, o, &reply, correction, on)?;
            match a.status {
                AppealStatus::Open => println!("{}", (w.appeal_at_higher)(id, &a.due)),
                s => println!(
                    "{}",
                    (w.appeal_replied)(
                        id,
                        &(w.appeal_status)(s, false),
                        a.correction.map(|c| c.to_string()).as_deref()
                    )
                ),
            }
            Ok(())
        }
        AppealCmd::List {
            period,
            open,
            date,
            format,
        } => {
            let p = match period {
                Some(p) => Some(period_arg(&p, w)?),
                None => None,
            };
            let on = date_or_today(date.as_deref())?;
            let rows: Vec<AppealRow> = l
                .appeals_on(p.as_ref(), on)?
                .into_iter()
                .filter(|a| !open || a.open)
                .collect();
            match format {
                Format::Json => json(&rows),
                Format::Csv => {
                    let lines: Vec<Vec<String>> =
                        rows.iter().map(|a| appeal_line(a, Lang::En)).collect();
                    let header = [
                        "id",
                        "period",
                        "member",
                        "stage",
                        "status",
                        "due",
                        "days_left",
                        "correction",
                        "text",
                    ];
                    crate::cli::output::csv_out(&header, &lines)
                }
                Format::Table => {
                    let lines: Vec<Vec<String>> =
                        rows.iter().map(|a| appeal_line(a, lang)).collect();
                    let head = w.h_appeals;
                    print!(
                        "{}",
                        crate::domain::text::table(
                            &head,
                            &lines,
                            &[true, false, false, false, false, false, true, false, false]
                        )
                    );
                    Ok(())
                }
            }
        }
    }
}

pub fn publish(db: &Path, branch: Option<&str>, a: PublishArgs, lang: Lang) -> Out {
    let w = lang.words().cli;
    let mut l = Ledger::open(db, branch)?;
    let today = date_or_today(a.today.as_deref())?;
    if a.check {
        for (pb, done) in l.check_publications(today)? {
            println!("{}", (w.window_line)(&pb, done));
        }
        return Ok(());
    }
    let Some(period) = a.period else {
        return Err(CoreError::User(w.publish_needs_period.into()));
    };
    let p = period_arg(&period, w)?;
    let from = match a.from.as_deref() {
        Some(s) => Some(crate::domain::calendar::parse_date(s)?),
        None => None,
    };
    let pb = l.publish(&p, from)?;
    let end = pb.window_end.map(|d| d.to_string()).unwrap_or_default();
    println!("{}", (w.published)(&p.to_string(), &end));
    if pb.provisional_calendar {
        eprintln!("{}", w.provisional_calendar);
    }
    Ok(())
}

pub fn finalize(db: &Path, branch: Option<&str>, a: FinalizeArgs, lang: Lang) -> Out {
    let w = lang.words().cli;
    let mut l = Ledger::open(db, branch)?;
    let p = period_arg(&a.period, w)?;
    l.finalize(&p, date_or_today(a.today.as_deref())?)?;
    println!("{}", (w.finalized)(&p.to_string()));
    Ok(())
}

pub fn export(db: &Path, branch: Option<&str>, a: ExportArgs, lang: Lang) -> Out {
    let (zh, w) = (lang == Lang::Zh, lang.words().cli);
    let l = Ledger::open_read_only(db, branch)?;
    let s = scope(&l, a.period.as_deref(), a.year)?;
    let format: PaperFormat = a
        .format
        .parse()
        .map_err(|_| CoreError::User((w.unknown_format)(&a.format)))?;
    let papers: Vec<Paper> = if a.paper == "all" {
        match s {
            RankScope::Year(_) => vec![Paper::Notice, Paper::Cards],
            RankScope::Period(_) => Paper::ALL.to_vec(),
        }
    } else {
        vec![a
            .paper
            .parse()
            .map_err(|_| CoreError::User((w.unknown_paper)(&a.paper)))?]
    };
    for paper in papers {
        let path = crate::export::export(&l, paper, &s, format, &a.out, zh)?;
        println!("{}", path.display());
    }
    Ok(())
}

pub fn follow_up(db: &Path, branch: Option<&str>, cmd: FollowUpCmd, lang: Lang) -> Out {
    let zh = lang == Lang::Zh;
    let w = lang.words().cli;
    let mut l = Ledger::open(db, branch)?;
    match cmd {
        FollowUpCmd::List {
            period,
            year,
            open,
            format,
        } => {
            let s = scope(&l, period.as_deref(), year)?;
            let rows: Vec<_> = l
                .follow_ups(&s, zh)?
                .into_iter()
                .filter(|r| !open || !r.done)
                .collect();
            match format {
                Format::Json => json(&rows),
                _ => {
                    let lines: Vec<Vec<String>> = rows
                        .iter()
                        .map(|r| {
                            vec![
                                r.member.clone(),
                                crate::domain::model::fmt_points(r.score),
                                r.rank.to_string(),
                                r.action.clone(),
                                r.action_name.clone(),
                                if !r.done {
                                    String::new()
                                } else if format == Format::Csv {
                                    "done".into()
                                } else {
                                    w.done.into()
                                },
                                r.note.clone().unwrap_or_default(),
                            ]
                        })
                        .collect();
                    if format == Format::Csv {
                        return crate::cli::output::csv_out(
                            &Lang::En.words().cli.h_follow_ups,
                            &lines,
                        );
                    }
                    print!(
                        "{}",
                        crate::domain::text::table(
                            &w.h_follow_ups,
                            &lines,
                            &[false, true, true, false, false, false, false]
                        )
                    );
                    Ok(())
                }
            }
        }
        FollowUpCmd::Done {
            member,
            action,
            period,
            year,
            note,
        } => {
            let m = l.find_member(&member)?;
            let s = scope(&l, period.as_deref(), year)?;
            l.mark_follow_up(&s, m.id, &action, note.as_deref())?;
            println!(
                "{}",
                (w.follow_up_done)(
                    &crate::domain::text::printable(&m.name),
                    &action,
                    &s.to_string()
                )
            );
            Ok(())
        }
    }
}
