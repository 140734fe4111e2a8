//! Printing CLI results as tables, JSON or CSV.

use super::Format;
use crate::app::{CoreError, Ledger, RankRow, Ranking, Statement};
use crate::domain::model::{fmt_points, Claim, RankGroup};
use crate::domain::text::{printable, table};
use crate::i18n::Lang;

type Out = Result<(), CoreError>;

pub(super) fn json<T: serde::Serialize>(v: &T) -> Out {
    let s = serde_json::to_string_pretty(v).map_err(|e| CoreError::Damaged {
        what: e.to_string(),
    })?;
    println!("{s}");
    Ok(())
}

/// CSV on standard output, every field with its control characters shown
/// (`text::visible_controls`: ESC as `␛`), never obeyed by the terminal.
pub fn csv_out(header: &[&str], rows: &[Vec<String>]) -> Out {
    use crate::domain::text::visible_controls;
    let mut w = csv::Writer::from_writer(std::io::stdout());
    let io = |e: csv::Error| CoreError::file(std::path::Path::new("-"), &e.into());
    w.write_record(header).map_err(io)?;
    for r in rows {
        w.write_record(r.iter().map(|f| visible_controls(f).into_owned()))
            .map_err(io)?;
    }
    w.flush()
        .map_err(|e| CoreError::file(std::path::Path::new("-"), &e))?;
    Ok(())
}

/// `jifen schemes`: the built-in schemes.
pub fn schemes(lang: Lang) {
    let zh = lang == Lang::Zh;
    let rows: Vec<Vec<String>> = crate::domain::scheme::BUILTIN
        .iter()
        .filter_map(|(id, _)| crate::domain::scheme::Scheme::builtin(id))
        .map(|(s, _)| {
            vec![
                s.id.clone(),
                s.name_in(zh).to_string(),
                format!("{:?}", s.cycle).to_lowercase(),
                s.items.len().to_string(),
            ]
        })
        .collect();
    print!(
        "{}",
        table(
            &lang.words().cli.h_schemes,
            &rows,
            &[false, false, false, true]
        )
    );
}

/// `jifen schemes ID`: the figures the scheme sets that its seed does not state.
pub fn scheme_choices(id: &str, lang: Lang) -> Out {
    let zh = lang == Lang::Zh;
    let Some((s, _)) = crate::domain::scheme::Scheme::builtin(id) else {
        let ids: Vec<&str> = crate::domain::scheme::BUILTIN
            .iter()
            .map(|(k, _)| *k)
            .collect();
        return Err(CoreError::User((lang.words().cli.no_scheme)(
            id,
            &ids.join(", "),
        )));
    };
    println!(
        "{}",
        (lang.words().grading.choices_heading)(&s.id, s.seed.as_deref().unwrap_or("-"))
    );
    let rows: Vec<Vec<String>> = s
        .choices
        .iter()
        .map(|c| vec![c.at.clone(), c.value.clone(), c.why_in(zh).to_string()])
        .collect();
    print!(
        "{}",
        table(&lang.words().grading.choices_columns, &rows, &[])
    );
    Ok(())
}

/// The words a table's cells take: the language's, but CSV (for scripts)
/// keeps the codes, which are the English catalogue's cells.
fn cells(format: Format, lang: Lang) -> &'static crate::i18n::CliWords {
    match format {
        Format::Table => lang.words().cli,
        _ => Lang::En.words().cli,
    }
}

/// `jifen member list`: codes in CSV and JSON, words in the table.
pub fn members(l: &Ledger, format: Format, lang: Lang) -> Out {
    let cells = cells(format, lang);
    let ms = l.members()?;
    match format {
        Format::Json => json(&ms),
        _ => {
            let rows: Vec<Vec<String>> = ms
                .iter()
                .map(|m| {
                    vec![
                        m.id.to_string(),
                        m.name.to_string(),
                        (cells.cell_category)(m.category).into(),
                        m.tier.map(|t| t.to_string()).unwrap_or_default(),
                        m.group.as_deref().unwrap_or_default().to_string(),
                        (cells.cell_member_status)(m.status).into(),
                    ]
                })
                .collect();
            if format == Format::Csv {
                return csv_out(&Lang::En.words().cli.h_members, &rows);
            }
            let h = lang.words().cli.h_members;
            print!("{}", table(&h, &rows, &[true]));
            Ok(())
        }
    }
}

/// `jifen period list`.
pub fn periods(l: &Ledger, lang: Lang) -> Out {
    let rows: Vec<Vec<String>> = l
        .periods()?
        .into_iter()
        .map(|p| {
            vec![
                p.id,
                (lang.words().cli.cell_period_state)(p.state),
                p.seal.unwrap_or_default(),
                p.window_end.unwrap_or_default(),
            ]
        })
        .collect();
    print!("{}", table(&lang.words().cli.h_periods, &rows, &[]));
    Ok(())
}

/// `jifen claim list`: codes in CSV and JSON, words in the table.
pub fn claims(l: &Ledger, cs: &[Claim], format: Format, lang: Lang) -> Out {
    let (zh, cells) = (lang.is_zh(), cells(format, lang));
    if format == Format::Json {
        return json(&cs);
    }
    let rows: Vec<Vec<String>> = cs
        .iter()
        .map(|c| {
            vec![
                c.id.to_string(),
                c.period.clone(),
                c.member.clone(),
                c.item.clone(),
                l.scheme()
                    .item(&c.item)
                    .map(|i| i.title_in(zh).to_string())
                    .unwrap_or_default(),
                c.level.as_deref().map(cells.cell_level).unwrap_or_default(),
                c.count.to_string(),
                fmt_points(c.points),
                (cells.cell_claim_status)(c.status).into(),
                c.reason.clone().unwrap_or_default(),
            ]
        })
        .collect();
    if format == Format::Csv {
        return csv_out(&Lang::En.words().cli.h_claims, &rows);
    }
    let h = lang.words().cli.h_claims;
    print!(
        "{}",
        table(
            &h,
            &rows,
            &[true, false, false, false, false, false, true, true]
        )
    );
    Ok(())
}

fn grade_name(l: &Ledger, g: Option<&str>, zh: bool) -> String {
    g.map(|k| {
        l.scheme()
            .grade(k)
            .map(|b| b.name_in(zh).to_string())
            .unwrap_or_else(|| k.to_string())
    })
    .unwrap_or_default()
}

/// A ranking: JSON rows, CSV rows with their ranking group, or a table per
/// ranking group (members, then activists) with the quotas ties went over.
pub fn ranking(l: &Ledger, r: &Ranking, format: Format, lang: Lang) -> Out {
    if format == Format::Json {
        return json(&r.rows);
    }
    let zh = lang == Lang::Zh;
    // CSV is for scripts: its header and values keep the codes.
    let words = cells(format, lang);
    let table_words = format == Format::Table && zh;
    let mut h: Vec<String> = words.h_rank.map(String::from).to_vec();
    if format == Format::Csv {
        h.push("ranking".into());
    }
    h.extend(r.periods.iter().cloned());
    h.extend(words.h_rank_tail.map(String::from));
    let line = |x: &RankRow| {
        let mut v = vec![
            x.rank.to_string(),
            x.name.to_string(),
            (words.cell_category)(x.category).into(),
        ];
        if format == Format::Csv {
            v.push(x.ranking.code().into());
        }
        v.extend(
            x.period_scores
                .iter()
                .map(|s| s.map(fmt_points).unwrap_or_default()),
        );
        v.push(fmt_points(x.score));
        v.push(if format == Format::Csv {
            x.grade.as_deref().unwrap_or_default().to_string()
        } else {
            grade_name(l, x.grade.as_deref(), zh)
        });
        v.push(x.stars.map(|s| s.to_string()).unwrap_or_default());
        v.push(if table_words {
            x.actions
                .iter()
                .map(|a| {
                    l.scheme()
                        .action(a)
                        .map_or(a.as_str(), |k| k.name_in(zh))
                        .to_string()
                })
                .collect::<Vec<_>>()
                .join(" ")
        } else {
            x.actions.join(" ")
        });
        v.push(
            x.confirmation
                .map(words.cell_confirmation)
                .unwrap_or_default()
                .to_string(),
        );
        v
    };
    let hr: Vec<&str> = h.iter().map(|s| s.as_str()).collect();
    if format == Format::Csv {
        let rows: Vec<Vec<String>> = r.rows.iter().map(line).collect();
        return csv_out(&hr, &rows);
    }
    let mut right = vec![true, false, false];
    right.extend(r.periods.iter().map(|_| true));
    right.push(true);
    let state = r
        .state
        .map(lang.words().cli.cell_period_state)
        .unwrap_or_default();
    println!(
        "{}",
        (words.rank_heading)(
            &printable(&l.branch().name),
            &r.scope.to_string(),
            &state,
            r.seal.as_deref()
        )
    );
    if r.rows.is_empty() && r.state.is_none() && r.periods.is_empty() {
        println!("{}", (lang.words().grading.no_ranking)(&r.scope));
        return Ok(());
    }
    let groups = r.groups();
    for g in &groups {
        if groups.len() > 1 || *g != RankGroup::Members {
            println!("{}", lang.words().grading.rank_group(*g));
        }
        let rows: Vec<Vec<String>> = r.rows_of(*g).map(line).collect();
        print!("{}", table(&hr, &rows, &right));
    }
    for n in &r.quota_notes {
        println!("{}", lang.words().grading.quota(l.scheme(), n));
    }
    Ok(())
}

/// `jifen statement`: a member's claims of a period and where they stand.
pub fn statement(l: &Ledger, s: &Statement, format: Format, lang: Lang) -> Out {
    let (zh, w) = (lang.is_zh(), lang.words().cli);
    if format == Format::Json {
        return json(s);
    }
    println!("{} {}", printable(&s.name), s.period);
    let rows: Vec<Vec<String>> = s
        .lines
        .iter()
        .map(|x| {
            vec![
                x.claim.id.to_string(),
                x.title.clone(),
                x.claim
                    .level
                    .as_deref()
                    .map(w.cell_level)
                    .unwrap_or_default(),
                x.claim.count.to_string(),
                format!(
                    "{}{}",
                    if x.kind == "deduction" { "-" } else { "+" },
                    fmt_points(x.claim.points)
                ),
                (w.cell_claim_status)(x.claim.status).into(),
                x.claim.reason.clone().unwrap_or_default(),
            ]
        })
        .collect();
    print!(
        "{}",
        table(
            &lang.words().cli.h_statement,
            &rows,
            &[true, false, false, true, true]
        )
    );
    if let Some(r) = &s.row {
        println!(
            "{}",
            (lang.words().cli.statement_total)(
                &fmt_points(r.score),
                r.rank,
                s.members_ranked,
                &grade_name(l, r.grade.as_deref(), zh),
                r.stars
            )
        );
    }
    if let Some(line) = super::redeem::statement_line(l, s, lang) {
        println!("{line}");
    }
    Ok(())
}

/// The one-line summary of `jifen retotal`.
pub fn retotal_summary(r: &crate::app::RetotalReport) -> String {
    let s = &r.stats;
    let verb = if r.written { "changed" } else { "differ" };
    let mut line = format!(
        "retotal: {}, {}, {} checked, {} {verb} ({} added, {} replaced, {} removed)",
        counted(s.branches, "branch", "branches"),
        counted(s.periods, "period", "periods"),
        counted(s.scores, "score", "scores"),
        r.changed(),
        r.added,
        r.replaced,
        r.removed
    );
    if r.notes_cleared > 0 {
        line.push_str(&format!(", {} notes cleared", r.notes_cleared));
    }
    line.push_str(&format!(", in {:.2} s", r.elapsed.as_secs_f64()));
    line
}

/// `1 branch`, `2 branches`.
fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// One difference found by `jifen retotal --check`.
pub fn retotal_change(c: &crate::app::retotal::Change) -> String {
    use crate::app::retotal::ChangeKind;
    let what = match &c.kind {
        ChangeKind::Missing(row) => format!("missing (tallies give {})", fmt_points(row.total)),
        ChangeKind::Changed { kept_total, fresh } if *kept_total == fresh.total => format!(
            "kept {} with other parts, grade or actions than the tallies give",
            fmt_points(fresh.total)
        ),
        ChangeKind::Changed { kept_total, fresh } => format!(
            "kept {} but tallies give {}",
            fmt_points(*kept_total),
            fmt_points(fresh.total)
        ),
        ChangeKind::Bogus => "kept but no entries explain it".to_string(),
    };
    format!(
        "branch {} period {} member {}: {what}",
        c.branch, c.period, c.member
    )
}

/// A refused claim import in the interface language (the same rows imported
/// before: which import, when, how many rows); other errors as they are.
pub fn import_refusal(e: CoreError, lang: crate::i18n::Lang) -> CoreError {
    match e {
        CoreError::AlreadyImported(a) => CoreError::User(crate::i18n::imports::already_imported(
            lang,
            &a.file,
            &a.earlier.file,
            a.earlier.rows,
            &a.earlier.at,
            a.earlier.first_claim,
        )),
        e => e,
    }
}
