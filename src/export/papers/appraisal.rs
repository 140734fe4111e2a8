//! The appraisal's papers (民主测评): the secret ballot (民主测评票, one line
//! per member appraised, the scheme's choices as boxes or score columns, no
//! voter's name) and the result table (测评结果统计表).

use super::*;
use crate::domain::scheme::AppraisalKind;
use crate::i18n::appraisal::appraisal_words;

/// The ballot for `p`: printed before the count, from the scheme and the
/// members appraised (no appraisal need be open yet).
pub(super) fn ballots(l: &Ledger, p: &PeriodId, zh: bool) -> Result<Doc> {
    let w = appraisal_words(lang(zh));
    let a = l.appraisal_section()?;
    let branch = l.branch().name.clone();
    let period = (lang(zh).words().papers.period_name)(*p);
    let mut header = vec![w.number.to_string(), w.member.to_string()];
    let columns = match a.kind {
        AppraisalKind::Votes => {
            header.extend(a.choices.iter().map(|c| c.title_in(zh).to_string()));
            a.choices.len()
        }
        AppraisalKind::Scores => {
            header.extend(a.parts.iter().map(|x| (w.part_max)(x.title_in(zh), x.max)));
            a.parts.len()
        }
    };
    let mark = || match a.kind {
        AppraisalKind::Votes => Cell::Mark,
        AppraisalKind::Scores => Cell::Empty,
    };
    let rows: Vec<Vec<Cell>> = l
        .appraised_members()?
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let mut r = vec![Cell::from(i + 1), m.name.to_string().into()];
            r.extend((0..columns).map(|_| mark()));
            r
        })
        .collect();
    let note = match a.kind {
        AppraisalKind::Votes => w.vote_note.to_string(),
        AppraisalKind::Scores => w.score_note.to_string(),
    };
    Ok(Doc {
        title: format!("{branch} {period} {}", w.ballot_paper),
        branch: branch.clone(),
        pages: vec![Page {
            sheet: w.ballot_paper.to_string(),
            heading: w.ballot_paper.to_string(),
            meta: vec![(w.title.to_string(), (w.paper_head)(&branch, &period))],
            tables: vec![Table {
                caption: None,
                header,
                rows,
            }],
            notes: vec![note, w.secret_note.to_string()],
            owner: None,
            signatures: Vec::new(),
        }],
        seals: Vec::new(),
        footer: Vec::new(),
        zh,
    })
}

/// The result table of `p`'s appraisal: the ballots, each member's counts
/// (or means), grade and points, and the counters' signatures.
pub(super) fn results(cx: &Ctx, p: &PeriodId) -> Result<Doc> {
    let (zh, w) = (cx.zh, appraisal_words(lang(cx.zh)));
    let v = cx.l.appraisal_view(p)?;
    let (mut meta, seal) = cx.period_meta(p)?;
    let b = &v.ballots;
    meta.push((
        w.title.to_string(),
        (w.ballots_line)(b.issued, b.representatives, b.returned, b.spoiled, b.valid),
    ));
    let mut header = vec![w.number.to_string(), w.member.to_string()];
    match v.kind {
        AppraisalKind::Votes => {
            header.extend(v.choices.iter().map(|c| c.title_in(zh).to_string()));
            header.push(w.blank.to_string());
            header.push(w.grade.to_string());
        }
        AppraisalKind::Scores => {
            header.extend(v.parts.iter().map(|x| (w.part_max)(x.title_in(zh), x.max)));
            header.push(w.counted.to_string());
        }
    }
    header.push(w.points.to_string());
    let rows: Vec<Vec<Cell>> = v
        .lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let mut r = vec![Cell::from(i + 1), line.member.clone().into()];
            match v.kind {
                AppraisalKind::Votes => {
                    r.extend(line.votes.iter().map(|n| Cell::Int(*n)));
                    r.push(Cell::Int(line.blank));
                    let grade = line.grade.and_then(|g| v.choices.get(g));
                    r.push(grade.map(|c| c.title_in(zh).to_string()).into());
                }
                AppraisalKind::Scores => {
                    r.extend(line.means.iter().map(|m| m.map_or(Cell::Empty, Cell::Num)));
                    r.push(Cell::Int(line.counted));
                }
            }
            r.push(line.points.map_or(Cell::Empty, Cell::Num));
            r
        })
        .collect();
    let (done, all) = v.progress();
    let state = match v.state {
        crate::domain::appraisal::AppraisalState::Open => w.open,
        crate::domain::appraisal::AppraisalState::Closed => w.closed,
    };
    let title = format!(
        "{} {} {}",
        cx.l.branch().name,
        cx.period_name(p),
        w.result_paper
    );
    Ok(Doc {
        title: title.clone(),
        branch: cx.l.branch().name.clone(),
        pages: vec![Page {
            sheet: w.result_paper.to_string(),
            heading: title,
            meta,
            tables: vec![Table {
                caption: None,
                header,
                rows,
            }],
            notes: vec![format!("{} ({state})", (w.progress)(done, all))],
            owner: None,
            signatures: vec![w.counted_by.to_string(), w.checked_by.to_string()],
        }],
        seals: seal.iter().map(|s| (p.to_string(), s.clone())).collect(),
        footer: Vec::new(),
        zh,
    })
}
