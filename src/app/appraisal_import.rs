//! Appraisal counts from a CSV or XLSX file, all or nothing: vote counts
//! (`member,excellent,qualified,basic,unqualified[,blank]`, the scheme's
//! choice codes) or score ballots (`member,rater,PART...`). A bad row is
//! named by file, line and column; nothing is written.

use super::appraisal_view::BLANK;
use super::import::{read_rows, ImportError, ImportKind};
use super::{CoreError, Ledger, Result};
use crate::domain::model::PeriodId;
use crate::domain::scheme::AppraisalKind;
use crate::store::Event;
use std::collections::HashMap;
use std::path::Path;

/// The header an appraisal file needs for the scheme's ballot.
fn expected_header(l: &Ledger) -> Result<(AppraisalKind, Vec<String>)> {
    let a = l.appraisal_section()?;
    let mut h = vec!["member".to_string()];
    match a.kind {
        AppraisalKind::Votes => h.extend(a.choices.iter().map(|c| c.code.clone())),
        AppraisalKind::Scores => {
            h.push("rater".into());
            h.extend(a.parts.iter().map(|p| p.code.clone()));
        }
    }
    Ok((a.kind, h))
}

impl Ledger {
    /// Import a file of counts into `period`'s open appraisal; returns how
    /// many rows were recorded.
    pub fn import_appraisal(&mut self, path: &Path, period: &PeriodId) -> Result<usize> {
        let (header, lines) = read_rows(path)?;
        let file = path.display().to_string();
        let err = |line: usize, column: &str, kind: ImportKind| -> CoreError {
            ImportError {
                file: file.clone(),
                line,
                column: column.to_string(),
                kind: Box::new(kind),
            }
            .into()
        };
        self.write(|l| {
            let (kind, want) = expected_header(l)?;
            let votes = kind == AppraisalKind::Votes;
            let fits = header.first().is_some_and(|h| h == "member")
                && want.iter().all(|w| header.contains(w))
                && header
                    .iter()
                    .all(|h| want.contains(h) || (votes && h == BLANK))
                && header.len()
                    == header
                        .iter()
                        .collect::<std::collections::HashSet<_>>()
                        .len();
            if !fits {
                let got = header.join(",");
                let expected = want.join(",");
                return Err(err(1, "", ImportKind::WrongHeader { got, expected }));
            }
            let mut seen: HashMap<(i64, i64), usize> = HashMap::new();
            let mut events = Vec::new();
            for (line, cells) in &lines {
                let cell = |name: &str| {
                    header
                        .iter()
                        .position(|h| h == name)
                        .and_then(|i| cells.get(i))
                        .map_or("", |c| c.trim())
                };
                let who = cell("member");
                let member = match l.find_member(who) {
                    Ok(m) => m,
                    Err(CoreError::AmbiguousMember { .. }) => {
                        let name = who.to_string();
                        return Err(err(*line, "member", ImportKind::AmbiguousMember { name }));
                    }
                    Err(CoreError::UnknownMember { .. }) | Err(CoreError::NoMemberId(_)) => {
                        let who = who.to_string();
                        return Err(err(*line, "member", ImportKind::UnknownMember { who }));
                    }
                    Err(e) => return Err(e),
                };
                let rater = match votes {
                    true => 0,
                    false => whole(cell("rater")).ok_or_else(|| {
                        let given = cell("rater").to_string();
                        err(*line, "rater", ImportKind::NotWhole { given })
                    })?,
                };
                if let Some(first) = seen.insert((member.id, rater), *line) {
                    let col = if votes { "member" } else { "rater" };
                    return Err(err(*line, col, ImportKind::DuplicateRow { first }));
                }
                let columns = header.iter().skip(if votes { 1 } else { 2 });
                let refused = |e: CoreError, column: &str| match e {
                    CoreError::Appraisal(a) => err(*line, column, ImportKind::Appraisal(a)),
                    other => other,
                };
                if votes {
                    let mut counts = Vec::new();
                    for h in columns {
                        let n = whole(cell(h)).ok_or_else(|| {
                            let given = cell(h).to_string();
                            err(*line, h, ImportKind::NotWhole { given })
                        })?;
                        counts.push((h.clone(), n));
                    }
                    let counts = l
                        .check_votes(period, member.id, &counts)
                        .map_err(|e| refused(e, "member"))?;
                    events.push(Event::AppraisalVotes {
                        branch_id: l.branch.id,
                        period: period.to_string(),
                        member_id: member.id,
                        counts,
                    });
                } else {
                    let mut scores = Vec::new();
                    for h in columns {
                        let s = cell(h);
                        let v = s.parse::<f64>().ok().filter(|v| v.is_finite());
                        let v = v.ok_or_else(|| {
                            let given = s.to_string();
                            err(*line, h, ImportKind::NotNumber { given })
                        })?;
                        scores.push((h.clone(), v));
                    }
                    let scores = l
                        .check_scores(period, member.id, rater, &scores)
                        .map_err(|e| refused(e, "rater"))?;
                    events.push(Event::AppraisalScores {
                        branch_id: l.branch.id,
                        period: period.to_string(),
                        member_id: member.id,
                        rater,
                        scores,
                    });
                }
            }
            if events.is_empty() {
                return Err(err(0, "", ImportKind::NoRows));
            }
            let n = events.len();
            l.journal(&events)?;
            Ok(n)
        })
    }
}

/// A whole number of 0 or more from a cell ("" is 0: nothing counted).
fn whole(s: &str) -> Option<i64> {
    match s {
        "" => Some(0),
        s => s.parse::<i64>().ok().filter(|n| *n >= 0),
    }
}
