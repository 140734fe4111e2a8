//! `jifen appraisal ...`: the democratic appraisal (民主测评) from the command
//! line: open, returned, record, import, close, show, ballots.

use super::output::csv_out;
use super::Format;
use crate::app::{AppraisalError, CoreError, Ledger};
use crate::domain::appraisal::AppraisalState;
use crate::domain::model::{fmt_points, PeriodId};
use crate::domain::scheme::AppraisalKind;
use crate::domain::text::{printable, table};
use crate::export::PaperFormat;
use crate::i18n::appraisal::appraisal_words;
use crate::i18n::Lang;
use clap::{Args, Subcommand};
use serde_json::{json, Map, Value};
use std::path::{Path, PathBuf};

type Out = Result<(), CoreError>;

/// The period flag every subcommand takes.
#[derive(Debug, Args)]
pub struct PeriodArg {
    /// Period, e.g. 2026Q2 (default: the current one).
    #[arg(long)]
    pub period: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum AppraisalCmd {
    /// Open the period's appraisal: ballots are the voting members marked
    /// present plus the invited mass representatives (or --ballots N).
    Open {
        #[command(flatten)]
        period: PeriodArg,
        /// Ballots issued, instead of those the roll call gives.
        #[arg(long, allow_negative_numbers = true)]
        ballots: Option<i64>,
        /// Mass representatives invited (default: the scheme's share of the members, if any).
        #[arg(long, allow_negative_numbers = true)]
        representatives: Option<i64>,
    },
    /// Record the ballots that came back and how many were spoiled (default: all back, none spoiled).
    Returned {
        /// Ballots returned.
        #[arg(allow_negative_numbers = true)]
        returned: i64,
        /// Spoiled ballots (废票) among them.
        #[arg(long, default_value_t = 0, allow_negative_numbers = true)]
        spoiled: i64,
        #[command(flatten)]
        period: PeriodArg,
    },
    /// Print the secret ballots (民主测评票): one line per member, no voter's name.
    Ballots {
        #[command(flatten)]
        period: PeriodArg,
        /// html (the default), csv or xlsx.
        #[arg(long, default_value = "html")]
        format: String,
        /// Folder to write into (created if missing).
        #[arg(long, default_value = ".")]
        out: PathBuf,
    },
    /// Record a member's counts: --votes excellent=A,qualified=B,basic=C,unqualified=D[,blank=E],
    /// or one score ballot: --rater N --scores PART=S,...
    Record {
        /// Member's name or id.
        member: String,
        #[command(flatten)]
        period: PeriodArg,
        /// Vote counts by choice code or title (blank: valid ballots leaving the member unmarked).
        #[arg(long, conflicts_with_all = ["scores", "rater"])]
        votes: Option<String>,
        /// Scores of one ballot by part code, e.g. common=55,star=35.
        #[arg(long, requires = "rater")]
        scores: Option<String>,
        /// The score ballot's number, 1 to the valid ballots.
        #[arg(long, allow_negative_numbers = true)]
        rater: Option<i64>,
        /// Points the branch chooses within the member's grade's range (default: its top).
        #[arg(long, allow_negative_numbers = true)]
        points: Option<f64>,
    },
    /// Import counts from CSV or XLSX, all or nothing: member,excellent,qualified,basic,unqualified[,blank]
    /// (or member,rater,PART... for score ballots).
    Import {
        /// The .csv or .xlsx file of counts.
        file: PathBuf,
        #[command(flatten)]
        period: PeriodArg,
    },
    /// Close the appraisal and post its results (points on the scheme's item where it feeds points).
    Close {
        #[command(flatten)]
        period: PeriodArg,
        /// Points chosen within a member's grade's range: MEMBER=P (repeat for several).
        #[arg(long)]
        points: Vec<String>,
    },
    /// Show the counts, grades and points: table, json or csv.
    Show {
        #[command(flatten)]
        period: PeriodArg,
        /// Output: table (the default), json or csv.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
}

/// `key=value` pairs of `--votes` or `--scores`, each value parsed by `num`.
fn pairs<T>(spec: &str, num: impl Fn(&str) -> Option<T>) -> Result<Vec<(String, T)>, CoreError> {
    spec.split([',', '，'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|kv| {
            let (k, v) = kv.split_once(['=', '＝']).unwrap_or((kv, ""));
            num(v.trim())
                .map(|n| (k.trim().to_string(), n))
                .ok_or_else(|| {
                    AppraisalError::BadCount {
                        field: k.trim().to_string(),
                        given: v.trim().to_string(),
                    }
                    .into()
                })
        })
        .collect()
}

fn period(l: &Ledger, p: &PeriodArg) -> Result<PeriodId, CoreError> {
    l.period_or_current(p.period.as_deref())
}

/// Run one `appraisal` subcommand.
pub fn run(db: &Path, branch: Option<&str>, cmd: AppraisalCmd, lang: Lang) -> Out {
    let (zh, w) = (lang == Lang::Zh, appraisal_words(lang));
    match cmd {
        AppraisalCmd::Open {
            period: p,
            ballots,
            representatives,
        } => {
            let mut l = Ledger::open(db, branch)?;
            let pid = period(&l, &p)?;
            let b = l.open_appraisal(&pid, ballots, representatives)?;
            let line =
                (w.ballots_line)(b.issued, b.representatives, b.returned, b.spoiled, b.valid);
            println!("{}", (w.opened)(&pid.to_string(), &line));
        }
        AppraisalCmd::Returned {
            returned,
            spoiled,
            period: p,
        } => {
            let mut l = Ledger::open(db, branch)?;
            let pid = period(&l, &p)?;
            let b = l.appraisal_returned(&pid, returned, spoiled)?;
            let line =
                (w.ballots_line)(b.issued, b.representatives, b.returned, b.spoiled, b.valid);
            println!("{}", (w.opened)(&pid.to_string(), &line));
        }
        AppraisalCmd::Ballots {
            period: p,
            format,
            out,
        } => {
            let l = Ledger::open_read_only(db, branch)?;
            let pid = period(&l, &p)?;
            let format: PaperFormat = format
                .parse()
                .map_err(|_| CoreError::User((lang.words().cli.unknown_format)(&format)))?;
            let doc = crate::export::appraisal_ballots(&l, &pid, zh)?;
            std::fs::create_dir_all(&out).map_err(|e| CoreError::file(&out, &e))?;
            let path = out.join(format!("ballots-{pid}.{}", format.ext()));
            crate::export::write_doc(&doc, format, &path)?;
            println!("{}", path.display());
        }
        AppraisalCmd::Record {
            member,
            period: p,
            votes,
            scores,
            rater,
            points,
        } => {
            let mut l = Ledger::open(db, branch)?;
            let pid = period(&l, &p)?;
            let m = l.find_member(&member)?;
            let mut view = match (&votes, &scores, rater) {
                (Some(v), _, _) => {
                    let counts = pairs(v, |s| s.parse::<i64>().ok())?;
                    l.record_votes(&pid, m.id, &counts)?
                }
                (None, Some(s), Some(r)) => {
                    let scores = pairs(s, |x| x.parse::<f64>().ok())?;
                    l.record_scores(&pid, m.id, r, &scores)?
                }
                _ => l.appraisal_view(&pid)?,
            };
            if points.is_some() {
                view = l.appraisal_points(&pid, m.id, points)?;
            }
            let line = view.lines.iter().find(|x| x.member_id == m.id);
            if let Some(x) = line {
                let grade = x
                    .grade
                    .and_then(|g| view.choices.get(g))
                    .map(|c| c.title_in(zh));
                let said = (w.recorded)(&x.member, x.counted, view.ballots.valid, grade);
                println!("{}", printable(&said));
            }
        }
        AppraisalCmd::Import { file, period: p } => {
            let mut l = Ledger::open(db, branch)?;
            let pid = period(&l, &p)?;
            let n = l.import_appraisal(&file, &pid)?;
            println!(
                "{}",
                printable(&(w.imported)(n, &file.display().to_string()))
            );
        }
        AppraisalCmd::Close { period: p, points } => {
            let mut l = Ledger::open(db, branch)?;
            let pid = period(&l, &p)?;
            let mut picks = Vec::new();
            for spec in &points {
                let (who, pts) = spec.rsplit_once(['=', '＝']).unwrap_or((spec, ""));
                let m = l.find_member(who)?;
                let pts = pts
                    .trim()
                    .parse::<f64>()
                    .map_err(|_| AppraisalError::BadCount {
                        field: who.trim().to_string(),
                        given: pts.trim().to_string(),
                    })?;
                picks.push((m.id, pts));
            }
            let (v, posted) = l.close_appraisal(&pid, &picks)?;
            let results = v
                .lines
                .iter()
                .filter(|x| x.grade.is_some() || x.points.is_some())
                .count();
            println!("{}", (w.closed_line)(&pid.to_string(), results, posted));
        }
        AppraisalCmd::Show { period: p, format } => {
            let l = Ledger::open_read_only(db, branch)?;
            let pid = period(&l, &p)?;
            show(&l, &pid, format, lang)?;
        }
    }
    Ok(())
}

/// Print the appraisal as a table (with the ballots above), JSON or CSV.
fn show(l: &Ledger, p: &PeriodId, format: Format, lang: Lang) -> Out {
    let (zh, w) = (lang == Lang::Zh, appraisal_words(lang));
    let v = l.appraisal_view(p)?;
    let votes = v.kind == AppraisalKind::Votes;
    let codes: Vec<String> = match votes {
        true => v.choices.iter().map(|c| c.code.clone()).collect(),
        false => v.parts.iter().map(|x| x.code.clone()).collect(),
    };
    if format == Format::Json {
        let rows: Vec<Value> = v
            .lines
            .iter()
            .map(|x| {
                let mut o = Map::new();
                o.insert("member".into(), json!(x.member));
                o.insert("member_id".into(), json!(x.member_id));
                if votes {
                    let mut counts: Map<String, Value> = codes
                        .iter()
                        .zip(&x.votes)
                        .map(|(c, n)| (c.clone(), json!(n)))
                        .collect();
                    counts.insert(crate::app::appraisal_view::BLANK.into(), json!(x.blank));
                    o.insert("votes".into(), Value::Object(counts));
                } else {
                    let means: Map<String, Value> = codes
                        .iter()
                        .zip(&x.means)
                        .map(|(c, m)| (c.clone(), json!(m)))
                        .collect();
                    o.insert("scores".into(), Value::Object(means));
                }
                o.insert("ballots".into(), json!(v.ballots.valid));
                o.insert("counted".into(), json!(x.counted));
                o.insert("complete".into(), json!(x.complete));
                o.insert("result".into(), json!(v.grade_code(x)));
                o.insert("points".into(), json!(x.points));
                o.insert("closed".into(), json!(v.state == AppraisalState::Closed));
                Value::Object(o)
            })
            .collect();
        let s = serde_json::to_string_pretty(&rows).map_err(|e| CoreError::User(e.to_string()))?;
        println!("{s}");
        return Ok(());
    }
    let cells: Vec<Vec<String>> = v
        .lines
        .iter()
        .map(|x| {
            let mut r = vec![x.member_id.to_string(), x.member.clone()];
            if votes {
                r.extend(x.votes.iter().map(i64::to_string));
                r.push(x.blank.to_string());
            } else {
                r.extend(
                    x.means
                        .iter()
                        .map(|m| m.map(fmt_points).unwrap_or_default()),
                );
            }
            r.push(format!("{}/{}", x.counted, v.ballots.valid));
            r.push(match format {
                Format::Csv => v.grade_code(x).unwrap_or("").to_string(),
                _ => x
                    .grade
                    .and_then(|g| v.choices.get(g))
                    .map(|c| c.title_in(zh).to_string())
                    .unwrap_or_default(),
            });
            r.push(x.points.map(fmt_points).unwrap_or_default());
            r
        })
        .collect();
    if format == Format::Csv {
        let mut header: Vec<&str> = vec!["member_id", "member"];
        header.extend(codes.iter().map(String::as_str));
        if votes {
            header.push(crate::app::appraisal_view::BLANK);
        }
        header.extend(["counted", "result", "points"]);
        return csv_out(&header, &cells);
    }
    let b = &v.ballots;
    println!(
        "{}  {}",
        w.title,
        (w.ballots_line)(b.issued, b.representatives, b.returned, b.spoiled, b.valid)
    );
    let mut header: Vec<String> = vec!["#".into(), w.member.into()];
    match votes {
        true => {
            header.extend(v.choices.iter().map(|c| c.title_in(zh).to_string()));
            header.push(w.blank.into());
        }
        false => header.extend(v.parts.iter().map(|x| x.title_in(zh).to_string())),
    }
    header.extend([w.counted.into(), w.grade.into(), w.points.into()]);
    let head: Vec<&str> = header.iter().map(String::as_str).collect();
    let mut right = vec![true, false];
    right.extend(std::iter::repeat_n(true, head.len() - 4));
    right.extend([false, true]);
    print!("{}", table(&head, &cells, &right));
    let (done, all) = v.progress();
    let state = match v.state {
        AppraisalState::Open => w.open,
        AppraisalState::Closed => w.closed,
    };
    println!("{} ({state})", (w.progress)(done, all));
    Ok(())
}
