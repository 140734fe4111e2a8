//! Building each paper as a [`Doc`] from the ledger's view models.

use super::{Cell, Doc, Page, Paper, Table};
use crate::app::appeals::AppealRow;
use crate::app::appeals::CorrectionRecord;
use crate::app::{ClaimFilter, CoreError, Ledger, RankScope, Ranking, Result};
use crate::domain::model::{
    fmt_points, AppealStage, AppealStatus, Attendance, Category, Claim, ClaimStatus, ConfirmState,
    PeriodId, PeriodState,
};
use crate::domain::scheme::ItemKind;
use crate::i18n::papers::PaperWords;
use crate::i18n::Lang;
use std::collections::HashMap;

/// Key-value lines at the top of a page.
type Meta = Vec<(String, String)>;

mod appraisal;
mod cards;
mod filing;
mod minutes;
mod rank_tables;
mod redemptions;
mod year;
use cards::{appeal_table, cards};
use minutes::minutes;
use rank_tables::{by_group, rank_table, year_notes};

fn category(w: &PaperWords, c: Category) -> String {
    (w.category)(c).to_string()
}

fn status(w: &PaperWords, s: ClaimStatus) -> String {
    (w.status)(s).to_string()
}

fn kind(w: &PaperWords, k: Option<ItemKind>, lower: bool) -> String {
    match k {
        Some(ItemKind::Bonus) => w.kind_bonus,
        Some(ItemKind::Deduction) if lower => w.kind_demerit,
        Some(ItemKind::Deduction) => w.kind_deduction,
        Some(ItemKind::Offset) => w.kind_offset,
        Some(ItemKind::Veto) => w.kind_veto,
        None => "",
    }
    .to_string()
}

/// A table with no rows says 无 in its first column (a paper never leaves a list blank).
fn or_none(w: &PaperWords, mut t: Table) -> Table {
    if t.rows.is_empty() {
        let mut row = vec![Cell::Empty; t.header.len().max(1)];
        row[0] = w.none.into();
        t.rows.push(row);
    }
    t
}

fn stars(n: Option<u8>) -> String {
    n.map(|n| "★".repeat(n as usize)).unwrap_or_default()
}

/// Context shared by the papers of one branch.
struct Ctx<'a> {
    l: &'a Ledger,
    zh: bool,
    /// The papers' words in the language asked for.
    w: &'static PaperWords,
    lower: bool,
}

impl Ctx<'_> {
    /// A period as the titles name it (2026年第四季度).
    fn period_name(&self, p: &PeriodId) -> String {
        (self.w.period_name)(*p)
    }

    fn points_word(&self) -> String {
        if self.lower {
            self.w.demerit_points
        } else {
            self.w.points
        }
        .to_string()
    }

    fn grade(&self, g: Option<&str>) -> String {
        g.map(|k| {
            self.l
                .scheme()
                .grade(k)
                .map(|b| b.name_in(self.zh).to_string())
                .unwrap_or_else(|| k.to_string())
        })
        .unwrap_or_default()
    }

    fn action(&self, a: &str) -> String {
        self.l
            .scheme()
            .action(a)
            .map(|x| x.name_in(self.zh).to_string())
            .unwrap_or_else(|| a.to_string())
    }

    fn item_title(&self, code: &str) -> String {
        self.l
            .scheme()
            .item(code)
            .map(|i| i.title_in(self.zh).to_string())
            .unwrap_or_else(|| code.to_string())
    }

    fn item_kind(&self, code: &str) -> Option<ItemKind> {
        self.l.scheme().item(code).map(|i| i.kind)
    }

    fn has_grades(&self, r: &Ranking) -> bool {
        r.rows.iter().any(|x| x.grade.is_some())
    }

    fn has_stars(&self, r: &Ranking) -> bool {
        r.rows.iter().any(|x| x.stars.is_some())
    }

    fn period_meta(&self, p: &PeriodId) -> Result<(Meta, Option<String>)> {
        let (zh, w) = (self.zh, self.w);
        let row = self
            .l
            .period_row(p)?
            .ok_or_else(|| CoreError::User((self.w.no_period)(&p.to_string())))?;
        let (from, to) = p.bounds();
        let mut meta = vec![
            (w.branch.to_string(), self.l.branch().name.clone()),
            (
                w.scheme.to_string(),
                self.l.scheme().name_in(zh).to_string(),
            ),
            (
                w.period.to_string(),
                format!("{}（{from} — {to}）", self.period_name(p)),
            ),
            (w.state.to_string(), state_word(zh, row.state)),
        ];
        if let Some(at) = &row.locked_at {
            meta.push((
                w.locked_at.to_string(),
                at.get(..19).unwrap_or(at).replace('T', " "),
            ));
        }
        Ok((meta, row.seal))
    }

    /// Who takes objections: the branch's `contact`, else the secretary by role.
    fn contact(&self) -> String {
        crate::app::settings::contact(&self.l.branch().settings)
            .unwrap_or(self.w.contact_fallback)
            .to_string()
    }

    fn window(&self, p: &PeriodId) -> Result<Option<(String, String, String)>> {
        let pb = self.l.publication(p, crate::domain::calendar::today())?;
        Ok(match (pb.locked_on, pb.window_end) {
            (Some(s), Some(e)) => {
                let days = (self.w.window_days)(pb.days, pb.working_days);
                Some((s.to_string(), e.to_string(), days))
            }
            _ => None,
        })
    }
}

/// A period state in the glossary's words (the console's and the board's too).
fn state_word(zh: bool, s: PeriodState) -> String {
    lang(zh).words().common.period_state(s)
}

fn lang(zh: bool) -> Lang {
    Lang::of_zh(zh)
}

fn need_period(w: &PaperWords, scope: &RankScope, what: &str) -> Result<PeriodId> {
    match scope {
        RankScope::Period(p) => Ok(*p),
        RankScope::Year(y) => Err(CoreError::User((w.per_period_only)(what, *y))),
    }
}

fn need_seal(w: &PaperWords, seal: Option<String>, p: &PeriodId, what: &str) -> Result<String> {
    seal.ok_or_else(|| CoreError::User((w.needs_seal)(&p.to_string(), what)))
}

pub fn build(l: &Ledger, paper: Paper, scope: &RankScope, zh: bool) -> Result<Doc> {
    let w = lang(zh).words().papers;
    let cx = Ctx {
        l,
        zh,
        w,
        lower: l.ranking(scope)?.lower_is_better,
    };
    match paper {
        Paper::Notice => match scope {
            RankScope::Period(p) => notice_period(&cx, p),
            RankScope::Year(y) => year::notice(&cx, *y),
        },
        Paper::Cards => match scope {
            RankScope::Period(p) => cards(&cx, p),
            RankScope::Year(y) => year::cards(&cx, *y),
        },
        Paper::Summary => summary(&cx, &need_period(w, scope, w.what_summary)?, false),
        Paper::Filing => summary(&cx, &need_period(w, scope, w.what_filing)?, true),
        Paper::Minutes => minutes(&cx, &need_period(w, scope, w.what_minutes)?),
        Paper::Redemptions => {
            let what = lang(zh).words().redemption.paper;
            redemptions::redemptions(&cx, &need_period(w, scope, what)?)
        }
        Paper::Appraisal => {
            let what = lang(zh).words().appraisal.result_paper;
            appraisal::results(&cx, &need_period(w, scope, what)?)
        }
    }
}

/// The secret ballots of `p`'s democratic appraisal (民主测评票).
pub fn appraisal_ballots(l: &Ledger, p: &PeriodId, zh: bool) -> Result<Doc> {
    appraisal::ballots(l, p, zh)
}

fn notice_period(cx: &Ctx, p: &PeriodId) -> Result<Doc> {
    let (zh, w) = (cx.zh, cx.w);
    let r = cx.l.ranking(&RankScope::Period(*p))?;
    let (mut meta, seal) = cx.period_meta(p)?;
    let title = (w.notice_title)(&cx.l.branch().name, &cx.period_name(p), &cx.points_word());
    let mut notes = vec![(w.notice_basis)(cx.l.scheme().name_in(zh))];
    if let Some((s, e, n)) = cx.window(p)? {
        meta.push((w.publication.to_string(), format!("{s} — {e}（{n}）")));
        notes.push((w.objections_until)(&e, &cx.contact()));
    } else {
        notes.push(w.draft.to_string());
    }
    // A draft read at the meeting names who takes objections too.
    meta.push((w.contact.to_string(), cx.contact()));
    meta.push((w.members_scored.to_string(), r.rows.len().to_string()));
    let corr = cx.l.corrections(p)?;
    if !corr.is_empty() {
        notes.push((w.corrections_included)(corr.len()));
    }
    let seals: Vec<(String, String)> = seal.iter().map(|s| (p.to_string(), s.clone())).collect();
    let footer = seals.iter().map(|(_, s)| (w.verify_line)(s)).collect();
    Ok(Doc {
        title: title.clone(),
        branch: cx.l.branch().name.clone(),
        pages: vec![Page {
            sheet: w.sheet_notice.to_string(),
            heading: title,
            meta,
            tables: by_group(cx, rank_table(cx, &r, None), &r),
            notes,
            owner: None,
            signatures: vec![
                w.secretary.to_string(),
                w.stamp.to_string(),
                w.date.to_string(),
            ],
        }],
        seals,
        footer,
        zh,
    })
}

fn corrections_of(cx: &Ctx, p: &PeriodId) -> Result<HashMap<i64, Vec<CorrectionRecord>>> {
    let mut by: HashMap<i64, Vec<CorrectionRecord>> = HashMap::new();
    for c in cx.l.corrections(p)? {
        by.entry(c.member_id).or_default().push(c);
    }
    Ok(by)
}

/// The summary publication card, or (with `filing`) the report to the higher committee.
fn summary(cx: &Ctx, p: &PeriodId, filing: bool) -> Result<Doc> {
    let (zh, w) = (cx.zh, cx.w);
    let r = cx.l.ranking(&RankScope::Period(*p))?;
    let (mut meta, seal) = cx.period_meta(p)?;
    let what = if filing {
        w.what_filing.to_string()
    } else {
        w.what_summary.to_string()
    };
    let seal = need_seal(w, seal, p, &what)?;
    let ps = p.to_string();
    let claims = cx.l.claims(&ClaimFilter {
        period: Some(ps.clone()),
        ..Default::default()
    })?;
    let corr = corrections_of(cx, p)?;
    let conf = cx.l.confirmations(p)?;
    let appeals = cx.l.appeals(Some(p))?;
    let word = cx.points_word();
    let title = if filing {
        w.filing_title
    } else {
        w.summary_title
    }(&cx.l.branch().name, &cx.period_name(p), &word);
    // Per member: what each kind of item brings to the total, as it counts.
    let sums = cx.l.kind_sums(p)?;
    let has_offset =
        cx.l.scheme()
            .items
            .iter()
            .any(|i| i.kind == ItemKind::Offset);
    // The summary card is posted: each member's 签字确认 stays on the filing.
    let mut table = rank_table(cx, &r, filing.then_some(&conf));
    let at = 4; // after rank, name, category, group
    let tiers: HashMap<i64, Option<i64>> = cx.l.members()?.iter().map(|m| (m.id, m.tier)).collect();
    let mut cols = vec![
        w.base_score.to_string(),
        kind(w, Some(ItemKind::Bonus), cx.lower),
        kind(w, Some(ItemKind::Deduction), cx.lower),
    ];
    if has_offset {
        cols.push(kind(w, Some(ItemKind::Offset), cx.lower));
    }
    cols.push(w.corrections.to_string());
    for (i, c) in cols.iter().enumerate() {
        table.header.insert(at + i, c.clone());
    }
    for (row, x) in table.rows.iter_mut().zip(&r.rows) {
        let s = sums.get(&x.member_id).copied().unwrap_or_default();
        let base =
            cx.l.scheme()
                .base_for(tiers.get(&x.member_id).copied().flatten());
        let mut cells = vec![Cell::Num(base), Cell::Num(s.bonus), Cell::Num(s.deduction)];
        if has_offset {
            cells.push(Cell::Num(s.offset));
        }
        cells.push(
            corr.get(&x.member_id)
                .map(|v| {
                    v.iter()
                        .map(|c| format!("{} {}", cx.item_title(&c.item), fmt_points(c.points)))
                        .collect::<Vec<_>>()
                        .join("；")
                })
                .into(),
        );
        for (i, c) in cells.into_iter().enumerate() {
            row.insert(at + i, c);
        }
    }
    let members = cx.l.members()?;
    let exempt = members
        .iter()
        .filter(|m| m.status == crate::domain::model::MemberStatus::Exempt)
        .count();
    let count = |s: ClaimStatus| claims.iter().filter(|c| c.status == s).count();
    meta.push((w.members_scored.to_string(), r.rows.len().to_string()));
    if filing {
        meta.push((w.exempt.to_string(), exempt.to_string()));
        meta.push((
            w.claims.to_string(),
            (w.claims_line)(
                claims.len(),
                count(ClaimStatus::Approved),
                count(ClaimStatus::Adjusted),
                count(ClaimStatus::Rejected),
            ),
        ));
        let signed = conf
            .values()
            .filter(|c| c.0 == ConfirmState::Confirmed)
            .count();
        let disputed = conf
            .values()
            .filter(|c| c.0 == ConfirmState::Disputed)
            .count();
        meta.push((
            w.sign_off.to_string(),
            (w.sign_off_line)(
                signed,
                disputed,
                r.rows.len().saturating_sub(signed + disputed),
            ),
        ));
    }
    if let Some((s, e, n)) = cx.window(p)? {
        meta.push((w.publication.to_string(), format!("{s} — {e}（{n}）")));
    }
    meta.push((w.seal.to_string(), seal.clone()));
    if filing {
        meta.extend(filing::fingerprint(cx, &seal));
    } else if !appeals.is_empty() {
        // The posted card names no appellant and quotes no appeal: the
        // room sees how many there were and how they ended; the filing
        // carries the rest to the committee.
        let count = |s: AppealStatus| appeals.iter().filter(|a| a.status == s).count();
        let (up, down) = (count(AppealStatus::Upheld), count(AppealStatus::Dismissed));
        let tally = (w.appeals_tally)(appeals.len(), up, down, appeals.len() - up - down);
        meta.push((w.appeals_caption.to_string(), tally));
    }
    if filing && r.rows.iter().any(|x| !x.actions.is_empty()) {
        // The committee sees each 处置; the posted card does not.
        table.header.push(w.actions.to_string());
        for (row, x) in table.rows.iter_mut().zip(&r.rows) {
            let names: Vec<String> = x.actions.iter().map(|a| cx.action(a)).collect();
            row.push(names.join("、").into());
        }
    }
    let mut tables = by_group(cx, table, &r);
    if filing {
        tables.extend(filing::tables(cx, &r, &members));
        tables.push(or_none(w, appeal_table(cx, &appeals)));
    }
    let signatures = if filing {
        vec![
            w.secretary.to_string(),
            w.stamp.to_string(),
            w.date_filed.to_string(),
        ]
    } else {
        vec![w.stamp.to_string(), w.date.to_string()]
    };
    Ok(Doc {
        title: title.clone(),
        branch: cx.l.branch().name.clone(),
        pages: vec![Page {
            sheet: if filing {
                w.sheet_filing.to_string()
            } else {
                w.sheet_summary.to_string()
            },
            heading: title,
            meta,
            tables,
            notes: if filing {
                vec![filing::check_note(cx)]
            } else {
                Vec::new()
            },
            owner: None,
            signatures,
        }],
        seals: vec![(ps, seal.clone())],
        footer: vec![(w.verify_line)(&seal)],
        zh,
    })
}
