//! Building each paper as a [`Doc`] from the ledger's view models.

use super::{Cell, Doc, Page, Paper, Table};
use crate::app::appeals::AppealRow;
use crate::app::{ClaimFilter, CoreError, Ledger, RankScope, Ranking, Result};
use crate::domain::model::{fmt_points, Category, Claim, ClaimStatus, PeriodId};
use crate::domain::scheme::ItemKind;
use crate::store::appeal_queries::{self, CorrectionRecord};
use crate::store::queries;
use std::collections::HashMap;

/// Key-value lines at the top of a page.
type Meta = Vec<(String, String)>;

mod cards;
mod minutes;
mod rank_tables;
use cards::{appeal_table, cards};
use minutes::minutes;
use rank_tables::{by_group, rank_table, year_notes};

fn t(zh: bool, z: &str, e: &str) -> String {
    if zh { z } else { e }.to_string()
}

fn category(zh: bool, c: Category) -> String {
    match c {
        Category::Full => t(zh, "正式党员", "full member"),
        Category::Probationary => t(zh, "预备党员", "probationary"),
        Category::Activist => t(zh, "入党积极分子", "activist"),
    }
}

fn status(zh: bool, s: ClaimStatus) -> String {
    match s {
        ClaimStatus::Pending => t(zh, "待审", "pending"),
        ClaimStatus::Approved => t(zh, "通过", "approved"),
        ClaimStatus::Adjusted => t(zh, "调整", "adjusted"),
        ClaimStatus::Rejected => t(zh, "驳回", "rejected"),
        ClaimStatus::Withdrawn => t(zh, "撤回", "withdrawn"),
    }
}

fn kind(zh: bool, k: Option<ItemKind>, lower: bool) -> String {
    match k {
        Some(ItemKind::Bonus) => t(zh, "加分", "bonus"),
        Some(ItemKind::Deduction) if lower => t(zh, "记分", "demerit"),
        Some(ItemKind::Deduction) => t(zh, "减分", "deduction"),
        Some(ItemKind::Offset) => t(zh, "销分", "offset"),
        Some(ItemKind::Veto) => t(zh, "一票否决", "veto"),
        None => String::new(),
    }
}

fn stars(n: Option<u8>) -> String {
    n.map(|n| "★".repeat(n as usize)).unwrap_or_default()
}

/// Context shared by the papers of one branch.
struct Ctx<'a> {
    l: &'a Ledger,
    zh: bool,
    lower: bool,
}

impl Ctx<'_> {
    fn points_word(&self) -> String {
        if self.lower {
            t(self.zh, "记分", "demerit points")
        } else {
            t(self.zh, "积分", "points")
        }
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
        let zh = self.zh;
        let row = self
            .l
            .period_row(p)?
            .ok_or_else(|| CoreError::User(format!("no period {p} in this branch")))?;
        let (from, to) = p.bounds();
        let mut meta = vec![
            (t(zh, "党支部", "Branch"), self.l.branch().name.clone()),
            (
                t(zh, "积分方案", "Scheme"),
                self.l.scheme().name_in(zh).to_string(),
            ),
            (t(zh, "期间", "Period"), format!("{p}（{from} — {to}）")),
            (t(zh, "状态", "State"), state_word(zh, &row.state)),
        ];
        if let Some(at) = &row.locked_at {
            meta.push((
                t(zh, "封账时间", "Locked at"),
                at.get(..19).unwrap_or(at).replace('T', " "),
            ));
        }
        Ok((meta, row.seal))
    }

    fn window(&self, p: &PeriodId) -> Result<Option<(String, String, String)>> {
        let pb = self.l.publication(p, crate::domain::calendar::today())?;
        Ok(match (pb.locked_on, pb.window_end) {
            (Some(s), Some(e)) => {
                let unit = if pb.working_days {
                    t(self.zh, "个工作日", " working days")
                } else {
                    t(self.zh, "天", " days")
                };
                Some((s.to_string(), e.to_string(), format!("{}{unit}", pb.days)))
            }
            _ => None,
        })
    }
}

/// A period state in the glossary's words (the console's and the board's too).
fn state_word(zh: bool, s: &str) -> String {
    crate::i18n::period_state(lang(zh), s)
}

fn lang(zh: bool) -> crate::i18n::Lang {
    if zh {
        crate::i18n::Lang::Zh
    } else {
        crate::i18n::Lang::En
    }
}

fn verify_line(zh: bool, seal: &str) -> String {
    if zh {
        format!("核验方法：在本支部数据库上运行 jifen verify --seal {seal}，应显示封存码与该期封账相符。")
    } else {
        format!("To check: run `jifen verify --seal {seal}` on the branch database; it must report that the seal matches.")
    }
}

fn need_period(scope: &RankScope, what: &str) -> Result<PeriodId> {
    match scope {
        RankScope::Period(p) => Ok(*p),
        RankScope::Year(y) => Err(CoreError::User(format!(
            "the {what} is made per period (e.g. --period {y}Q4), not per year"
        ))),
    }
}

fn need_seal(seal: Option<String>, p: &PeriodId, what: &str) -> Result<String> {
    seal.ok_or_else(|| CoreError::User(format!("period {p} is not locked: the {what} carries the period's seal; run `jifen lock {p}` first")))
}

pub fn build(l: &Ledger, paper: Paper, scope: &RankScope, zh: bool) -> Result<Doc> {
    let cx = Ctx {
        l,
        zh,
        lower: l.ranking(scope)?.lower_is_better,
    };
    match paper {
        Paper::Notice => match scope {
            RankScope::Period(p) => notice_period(&cx, p),
            RankScope::Year(y) => notice_year(&cx, *y),
        },
        Paper::Cards => cards(&cx, &need_period(scope, "notification card")?),
        Paper::Summary => summary(&cx, &need_period(scope, "summary card")?, false),
        Paper::Filing => summary(&cx, &need_period(scope, "filing report")?, true),
        Paper::Minutes => minutes(&cx, &need_period(scope, "minutes")?),
    }
}

fn notice_period(cx: &Ctx, p: &PeriodId) -> Result<Doc> {
    let zh = cx.zh;
    let r = cx.l.ranking(&RankScope::Period(*p))?;
    let (mut meta, seal) = cx.period_meta(p)?;
    let title = if zh {
        format!("{} {p} 党员{}公示表", cx.l.branch().name, cx.points_word())
    } else {
        format!(
            "{} {p}: publication notice of {}",
            cx.l.branch().name,
            cx.points_word()
        )
    };
    let mut notes = Vec::new();
    if let Some((s, e, n)) = cx.window(p)? {
        meta.push((t(zh, "公示期", "Publication"), format!("{s} — {e}（{n}）")));
        notes.push(if zh {
            format!("公示期内（至{e}）如有异议，请以书面形式向党支部提出申诉，写明姓名、项目和理由。")
        } else {
            format!("Objections until {e}, in writing to the branch, naming the member, the items and the reasons.")
        });
    } else {
        notes.push(t(
            zh,
            "本期尚未封账，此表为草稿。",
            "This period is not locked yet: draft.",
        ));
    }
    meta.push((
        t(zh, "参评人数", "Members scored"),
        r.rows.len().to_string(),
    ));
    let corr = appeal_queries::corrections(cx.l.conn(), cx.l.branch().id, Some(&p.to_string()))?;
    if !corr.is_empty() {
        notes.push(if zh {
            format!("得分已含申诉更正 {} 项。", corr.len())
        } else {
            format!(
                "Scores include {} correction(s) from upheld appeals.",
                corr.len()
            )
        });
    }
    let seals: Vec<(String, String)> = seal.iter().map(|s| (p.to_string(), s.clone())).collect();
    let footer = seals.iter().map(|(_, s)| verify_line(zh, s)).collect();
    Ok(Doc {
        title: title.clone(),
        branch: cx.l.branch().name.clone(),
        pages: vec![Page {
            sheet: t(zh, "公示表", "Notice"),
            heading: title,
            meta,
            tables: by_group(zh, rank_table(cx, &r, None), &r),
            notes,
            signatures: vec![
                t(zh, "党支部（盖章）", "Branch (stamp)"),
                t(zh, "日期", "Date"),
            ],
        }],
        seals,
        footer,
        zh,
    })
}

fn notice_year(cx: &Ctx, y: i32) -> Result<Doc> {
    let zh = cx.zh;
    let r = cx.l.ranking(&RankScope::Year(y))?;
    let title = if zh {
        format!(
            "{} {y}年度党员{}公示表",
            cx.l.branch().name,
            cx.points_word()
        )
    } else {
        format!(
            "{} {y}: yearly publication notice of {}",
            cx.l.branch().name,
            cx.points_word()
        )
    };
    let mut table = rank_table(cx, &r, None);
    table.header.push(t(zh, "处置", "Actions"));
    for (row, x) in table.rows.iter_mut().zip(&r.rows) {
        row.push(
            x.actions
                .iter()
                .map(|a| cx.action(a))
                .collect::<Vec<_>>()
                .join("、")
                .into(),
        );
    }
    let mut seals = Vec::new();
    for pr in cx.l.periods()? {
        if let (Ok(pid), Some(s)) = (pr.id.parse::<PeriodId>(), pr.seal) {
            if pid.year == y {
                seals.push((pr.id.clone(), s));
            }
        }
    }
    let meta = vec![
        (t(zh, "党支部", "Branch"), cx.l.branch().name.clone()),
        (
            t(zh, "积分方案", "Scheme"),
            cx.l.scheme().name_in(zh).to_string(),
        ),
        (t(zh, "年度", "Year"), y.to_string()),
        (t(zh, "计入期间", "Periods"), r.periods.join("、")),
        (
            t(zh, "参评人数", "Members scored"),
            r.rows.len().to_string(),
        ),
    ];
    let footer = seals.iter().map(|(_, s)| verify_line(zh, s)).collect();
    Ok(Doc {
        title: title.clone(),
        branch: cx.l.branch().name.clone(),
        pages: vec![Page {
            sheet: t(zh, "年度公示表", "Year notice"),
            heading: title,
            meta,
            tables: by_group(zh, table, &r),
            notes: year_notes(cx, &r),
            signatures: vec![
                t(zh, "党支部（盖章）", "Branch (stamp)"),
                t(zh, "日期", "Date"),
            ],
        }],
        seals,
        footer,
        zh,
    })
}

fn corrections_of(cx: &Ctx, p: &PeriodId) -> Result<HashMap<i64, Vec<CorrectionRecord>>> {
    let mut by: HashMap<i64, Vec<CorrectionRecord>> = HashMap::new();
    for c in appeal_queries::corrections(cx.l.conn(), cx.l.branch().id, Some(&p.to_string()))? {
        by.entry(c.member_id).or_default().push(c);
    }
    Ok(by)
}

/// The summary publication card, or (with `filing`) the report to the higher committee.
fn summary(cx: &Ctx, p: &PeriodId, filing: bool) -> Result<Doc> {
    let zh = cx.zh;
    let r = cx.l.ranking(&RankScope::Period(*p))?;
    let (mut meta, seal) = cx.period_meta(p)?;
    let what = if filing {
        t(zh, "备案报告", "filing report")
    } else {
        t(zh, "汇总公示卡", "summary card")
    };
    let seal = need_seal(seal, p, &what)?;
    let ps = p.to_string();
    let claims = cx.l.claims(&ClaimFilter {
        period: Some(ps.clone()),
        ..Default::default()
    })?;
    let corr = corrections_of(cx, p)?;
    let conf = queries::confirmations(cx.l.conn(), cx.l.branch().id, &ps)?;
    let appeals = cx.l.appeals(Some(p))?;
    let word = cx.points_word();
    let title = match (filing, zh) {
        (false, true) => format!("{} {p} 党员{word}汇总公示卡", cx.l.branch().name),
        (false, false) => format!("{} {p}: summary publication card", cx.l.branch().name),
        (true, true) => format!("{} {p} 党员{word}情况报上级党委备案表", cx.l.branch().name),
        (true, false) => format!(
            "{} {p}: filing report to the higher committee",
            cx.l.branch().name
        ),
    };
    // Per member: sums by kind of the counted claims, plus corrections.
    let mut sums: HashMap<i64, [f64; 3]> = HashMap::new();
    for c in claims.iter().filter(|c| c.status.counts()) {
        let e = sums.entry(c.member_id).or_default();
        match cx.item_kind(&c.item) {
            Some(ItemKind::Bonus) => e[0] += c.points,
            Some(ItemKind::Deduction) => e[1] += c.points,
            Some(ItemKind::Offset) => e[2] += c.points,
            _ => {}
        }
    }
    let has_offset =
        cx.l.scheme()
            .items
            .iter()
            .any(|i| i.kind == ItemKind::Offset);
    let mut table = rank_table(cx, &r, Some(&conf));
    let at = 4; // after rank, name, category, group
    let mut cols = vec![
        kind(zh, Some(ItemKind::Bonus), cx.lower),
        kind(zh, Some(ItemKind::Deduction), cx.lower),
    ];
    if has_offset {
        cols.push(kind(zh, Some(ItemKind::Offset), cx.lower));
    }
    cols.push(t(zh, "申诉更正", "Corrections"));
    for (i, c) in cols.iter().enumerate() {
        table.header.insert(at + i, c.clone());
    }
    for (row, x) in table.rows.iter_mut().zip(&r.rows) {
        let s = sums.get(&x.member_id).copied().unwrap_or_default();
        let mut cells = vec![Cell::Num(s[0]), Cell::Num(s[1])];
        if has_offset {
            cells.push(Cell::Num(s[2]));
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
    meta.push((
        t(zh, "参评人数", "Members scored"),
        r.rows.len().to_string(),
    ));
    if filing {
        meta.push((t(zh, "免评人数", "Exempt"), exempt.to_string()));
        meta.push((
            t(zh, "申报事项", "Claims"),
            if zh {
                format!(
                    "{} 条：通过 {}，调整 {}，驳回 {}",
                    claims.len(),
                    count(ClaimStatus::Approved),
                    count(ClaimStatus::Adjusted),
                    count(ClaimStatus::Rejected)
                )
            } else {
                format!(
                    "{}: approved {}, adjusted {}, rejected {}",
                    claims.len(),
                    count(ClaimStatus::Approved),
                    count(ClaimStatus::Adjusted),
                    count(ClaimStatus::Rejected)
                )
            },
        ));
        let signed = conf.values().filter(|c| c.0 == "confirmed").count();
        let disputed = conf.values().filter(|c| c.0 == "disputed").count();
        meta.push((
            t(zh, "签字确认", "Sign-off"),
            if zh {
                format!(
                    "已签字 {signed}，有异议 {disputed}，未确认 {}",
                    r.rows.len().saturating_sub(signed + disputed)
                )
            } else {
                format!(
                    "signed {signed}, disputed {disputed}, not signed {}",
                    r.rows.len().saturating_sub(signed + disputed)
                )
            },
        ));
    }
    if let Some((s, e, n)) = cx.window(p)? {
        meta.push((t(zh, "公示期", "Publication"), format!("{s} — {e}（{n}）")));
    }
    meta.push((t(zh, "封存码", "Seal"), seal.clone()));
    let mut tables = by_group(zh, table, &r);
    if filing || !appeals.is_empty() {
        tables.push(appeal_table(cx, &appeals));
    }
    let signatures = if filing {
        vec![
            t(zh, "支部书记签字", "Secretary"),
            t(zh, "党支部（盖章）", "Branch (stamp)"),
            t(zh, "报送日期", "Date filed"),
        ]
    } else {
        vec![
            t(zh, "党支部（盖章）", "Branch (stamp)"),
            t(zh, "日期", "Date"),
        ]
    };
    Ok(Doc {
        title: title.clone(),
        branch: cx.l.branch().name.clone(),
        pages: vec![Page {
            sheet: if filing {
                t(zh, "备案表", "Filing")
            } else {
                t(zh, "汇总公示卡", "Summary")
            },
            heading: title,
            meta,
            tables,
            notes: Vec::new(),
            signatures,
        }],
        seals: vec![(ps, seal.clone())],
        footer: vec![verify_line(zh, &seal)],
        zh,
    })
}
