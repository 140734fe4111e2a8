//! The desk's popups of lines: a filing's details (the whole seal, the
//! file, its digest), and what receiving an inbox did.

use crate::app::committee_view::{FilingLine, FilingsView};
use crate::app::filing::{self, Receipt};
use crate::i18n::Lang;
use crate::tui::console::keymap::popup_hints;
use crate::tui::console::screen::Ctx;
use crate::tui::widgets::{centered, draw_rows, key_hints, popup};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use std::path::{Path, PathBuf};

/// A filing's details, label and value per line.
pub fn lines(l: &FilingLine, v: Option<&FilingsView>, lang: Lang) -> Vec<String> {
    let w = lang.words().console.desk;
    let mut out = vec![format!("{}: {}", w.d_state, (w.state)(l))];
    if let Some(v) = v {
        out.push(format!(
            "{}: {}  {}: {}",
            w.d_period, v.period, w.d_due, v.due
        ));
    }
    match &l.filing {
        Some(f) => {
            out.push(format!("{}:", w.d_seal));
            out.push(format!("  {}", f.seal));
            out.push(format!(
                "{}: {}",
                w.d_received,
                crate::i18n::local_stamp(&f.received_at)
            ));
            out.push(format!(
                "{}: {}  {}: {}",
                w.d_members, f.members, w.d_scheme, f.scheme_id
            ));
            if let Some(s) = &l.roster_scheme {
                out.push((lang.words().filing.other_scheme)(s));
            }
            out.push(format!("{}: {}", w.d_file, f.file_name));
            out.push(format!("{}:", w.d_sha));
            out.push(format!("  {}", f.file_sha256));
        }
        None => {
            let last = l
                .last_filed
                .as_deref()
                .unwrap_or(lang.words().filing.never_filed);
            out.push(format!("{}: {last}", w.d_last_filed));
        }
    }
    out
}

/// Receive the filing `files` into the committee database `db`, as `filing
/// receive` does, telling `progress` (files done, files in all) as it goes;
/// the lines say what it did.
pub fn receive(
    db: &Path,
    files: &[PathBuf],
    lang: Lang,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<Vec<String>, String> {
    let fw = lang.words().filing;
    let words = |e: &crate::app::CoreError| crate::i18n::meeting::core_error(lang, e);
    let (got, _) = filing::receive(db, files, progress).map_err(|e| words(&e))?;
    let (mut new, mut again) = (Vec::new(), Vec::new());
    let mut refused = Vec::new();
    for r in &got {
        let file = r
            .file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        match &r.outcome {
            Ok(Receipt::Received {
                branch,
                period,
                seal,
                roster_scheme,
            }) => {
                new.push((fw.received)(&file, branch, period, seal));
                if let Some(s) = roster_scheme {
                    new.push(format!("  {}", (fw.other_scheme)(s)));
                }
            }
            Ok(Receipt::Again {
                branch,
                period,
                seal,
            }) => again.push((fw.duplicate)(&file, branch, period, seal)),
            Err(e) => refused.push(words(e)),
        }
    }
    let w = lang.words().console.desk;
    let mut out = vec![(w.received)(new.len(), again.len(), refused.len())];
    out.extend(refused);
    out.extend(new);
    out.extend(again);
    Ok(out)
}

/// Draw a popup of `lines` under `title` over `area`, its close key at the foot.
pub fn draw(area: Rect, buf: &mut Buffer, title: &str, lines: &[String], ctx: &Ctx) {
    let pal = ctx.pal;
    let h = (lines.len() as u16 + 4).min(area.height);
    let inner = popup(centered(area, 78, h), buf, title, pal.title);
    let mut rows: Vec<Line> = lines
        .iter()
        .take(inner.height.saturating_sub(2) as usize)
        .map(|l| Line::raw(format!(" {l}")))
        .collect();
    rows.push(Line::raw(""));
    let hints = popup_hints(super::keys::POPUP, ctx.t);
    rows.push(key_hints(&hints, inner.width as usize, pal.key, pal.muted));
    draw_rows(inner, buf, None, &rows, None, pal.selected);
}
