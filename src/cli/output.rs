//! Printing CLI results as tables, JSON or CSV.

use super::Format;
use crate::app::{CoreError, Ledger, RankRow, Ranking, Statement};
use crate::domain::model::{fmt_points, Claim, RankGroup};
use crate::domain::text::{printable, table};

type Out = Result<(), CoreError>;

fn json<T: serde::Serialize>(v: &T) -> Out {
    let s = serde_json::to_string_pretty(v).map_err(|e| CoreError::User(e.to_string()))?;
    println!("{s}");
    Ok(())
}

/// CSV on standard output, every field with its control characters shown
/// (`text::visible_controls`: ESC as `␛`), never obeyed by the terminal.
pub fn csv_out(header: &[&str], rows: &[Vec<String>]) -> Out {
    use crate::domain::text::visible_controls;
    let mut w = csv::Writer::from_writer(std::io::stdout());
    let io = |e: csv::Error| CoreError::User(e.to_string());
    w.write_record(header).map_err(io)?;
    for r in rows {
        w.write_record(r.iter().map(|f| visible_controls(f).into_owned()))
            .map_err(io)?;
    }
    w.flush().map_err(|e| CoreError::User(e.to_string()))?;
    Ok(())
}

pub fn schemes(zh: bool) {
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
            &["id", "name", "cycle", "items"],
            &rows,
            &[false, false, false, true]
        )
    );
}

/// `jifen schemes ID`: the figures the scheme sets that its seed does not state.
pub fn scheme_choices(id: &str, zh: bool) -> Out {
    let Some((s, _)) = crate::domain::scheme::Scheme::builtin(id) else {
        let ids: Vec<&str> = crate::domain::scheme::BUILTIN
            .iter()
            .map(|(k, _)| *k)
            .collect();
        return Err(CoreError::User(format!(
            "no built-in scheme '{id}' (schemes: {})",
            ids.join(", ")
        )));
    };
    let lang = lang_of(zh);
    println!(
        "{}",
        crate::i18n::choices_heading(lang, &s.id, s.seed.as_deref())
    );
    let rows: Vec<Vec<String>> = s
        .choices
        .iter()
        .map(|c| vec![c.at.clone(), c.value.clone(), c.why_in(zh).to_string()])
        .collect();
    print!("{}", table(&crate::i18n::choices_columns(lang), &rows, &[]));
    Ok(())
}

pub fn members(l: &Ledger, format: Format) -> Out {
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
                        m.category.code().into(),
                        m.tier.map(|t| t.to_string()).unwrap_or_default(),
                        m.group.as_deref().unwrap_or_default().to_string(),
                        m.status.code().into(),
                    ]
                })
                .collect();
            let h = ["id", "name", "category", "tier", "group", "status"];
            if format == Format::Csv {
                return csv_out(&h, &rows);
            }
            print!("{}", table(&h, &rows, &[true]));
            Ok(())
        }
    }
}

pub fn periods(l: &Ledger) -> Out {
    let rows: Vec<Vec<String>> = l
        .periods()?
        .into_iter()
        .map(|p| {
            vec![
                p.id,
                p.state.to_string(),
                p.seal.unwrap_or_default(),
                p.window_end.unwrap_or_default(),
            ]
        })
        .collect();
    print!(
        "{}",
        table(&["period", "state", "seal", "publication ends"], &rows, &[])
    );
    Ok(())
}

pub fn claims(l: &Ledger, cs: &[Claim], format: Format, zh: bool) -> Out {
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
                c.level.clone().unwrap_or_default(),
                c.count.to_string(),
                fmt_points(c.points),
                c.status.code().into(),
                c.reason.clone().unwrap_or_default(),
            ]
        })
        .collect();
    let h = [
        "id", "period", "member", "item", "title", "level", "count", "points", "status", "reason",
    ];
    if format == Format::Csv {
        return csv_out(&h, &rows);
    }
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
pub fn ranking(l: &Ledger, r: &Ranking, format: Format, zh: bool) -> Out {
    if format == Format::Json {
        return json(&r.rows);
    }
    let lang = lang_of(zh);
    let mut h: Vec<String> = vec!["rank".into(), "member".into(), "category".into()];
    if format == Format::Csv {
        h.push("ranking".into());
    }
    h.extend(r.periods.iter().cloned());
    h.extend(["score", "grade", "stars", "actions", "confirmed"].map(String::from));
    let line = |x: &RankRow| {
        let mut v = vec![
            x.rank.to_string(),
            x.name.to_string(),
            x.category.code().into(),
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
        v.push(x.actions.join(" "));
        v.push(
            x.confirmation
                .map(|c| c.as_str())
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
    println!(
        "{} {} {}{}",
        printable(&l.branch().name),
        r.scope,
        r.state.map(|s| s.to_string()).unwrap_or_default(),
        r.seal
            .as_ref()
            .map(|s| format!(" seal {s}"))
            .unwrap_or_default()
    );
    if r.rows.is_empty() && r.state.is_none() && r.periods.is_empty() {
        println!("{}", crate::i18n::no_ranking(lang, &r.scope));
        return Ok(());
    }
    let groups = r.groups();
    for g in &groups {
        if groups.len() > 1 || *g != RankGroup::Members {
            println!("{}", crate::i18n::rank_group(lang, *g));
        }
        let rows: Vec<Vec<String>> = r.rows_of(*g).map(line).collect();
        print!("{}", table(&hr, &rows, &right));
    }
    for n in &r.quota_notes {
        println!("{}", crate::i18n::quota_note(lang, l.scheme(), n));
    }
    Ok(())
}

/// The interface language of the CLI's `zh` flag.
pub fn lang_of(zh: bool) -> crate::i18n::Lang {
    if zh {
        crate::i18n::Lang::Zh
    } else {
        crate::i18n::Lang::En
    }
}

pub fn statement(l: &Ledger, s: &Statement, format: Format, zh: bool) -> Out {
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
                x.claim.level.clone().unwrap_or_default(),
                x.claim.count.to_string(),
                format!(
                    "{}{}",
                    if x.kind == "deduction" { "-" } else { "+" },
                    fmt_points(x.claim.points)
                ),
                x.claim.status.code().into(),
                x.claim.reason.clone().unwrap_or_default(),
            ]
        })
        .collect();
    print!(
        "{}",
        table(
            &["id", "item", "level", "count", "points", "status", "reason"],
            &rows,
            &[true, false, false, true, true]
        )
    );
    if let Some(r) = &s.row {
        println!(
            "total {}  rank {}/{}  {}{}",
            fmt_points(r.score),
            r.rank,
            s.members_ranked,
            grade_name(l, r.grade.as_deref(), zh),
            r.stars.map(|n| format!(" {n} stars")).unwrap_or_default()
        );
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
pub fn import_refusal(e: CoreError, lang: crate::cli::Lang) -> CoreError {
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
