//! The appraisal on the projector: the live count (a bar and a number per
//! choice for each member, the member being counted marked) and, once
//! closed, the result table in as many columns as the screen needs.

use super::{big, put, spaced};
use crate::domain::text::{pad, pad_left, width};
use crate::tui::board::count::{CountRow, CountView};
use crate::tui::theme::{Role, Theme};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// Cells between columns.
const GAP: u16 = 2;
/// The bar's cell.
const BAR: &str = "█";

/// Draw the count or the results into the board's body.
pub fn count(v: &CountView, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if area.height < 3 || area.width < 20 {
        return;
    }
    let x = area.x + 1;
    let inner_w = area.width.saturating_sub(2);
    let used = put(
        buf,
        x,
        area.y,
        &v.ballots,
        inner_w,
        theme.style(Role::Title),
    );
    let right = width(&v.progress) as u16;
    if used + GAP + right <= inner_w {
        put(
            buf,
            area.right() - 1 - right,
            area.y,
            &v.progress,
            right,
            theme.style(Role::Muted),
        );
    }
    let body = Rect {
        x,
        y: area.y + 2,
        width: inner_w,
        height: area.height - 2,
    };
    if v.closed {
        results(v, theme, body, buf);
    } else {
        tallies(v, theme, body, buf);
    }
}

/// Which rows show and how far apart: a window keeping the current member
/// in view, else pages turning by the clock; rows two apart when they fit.
fn window(len: usize, room: usize, current: Option<usize>, tick: u64) -> (usize, usize, u16) {
    if len * 2 <= room + 1 {
        return (0, len, 2);
    }
    let shown = room.max(1);
    if len <= shown {
        return (0, len, 1);
    }
    let start = match current {
        Some(c) => c.saturating_sub(shown / 2).min(len - shown),
        None => {
            let pages = len.div_ceil(shown) as u64;
            (tick % pages) as usize * shown
        }
    };
    (start, (start + shown).min(len), 1)
}

/// The colour of a tally column: the top choice, the bottom one, the blanks.
fn column_role(i: usize, n: usize, scores: bool) -> Role {
    match i {
        _ if scores => Role::Title,
        0 => Role::Bonus,
        _ if i + 1 == n => Role::Muted,
        _ if i + 2 == n => Role::Deduction,
        _ => Role::Title,
    }
}

/// Rows the member being counted takes at the bottom, large: name,
/// choice titles, block digits, a blank line above.
const FOCUS: u16 = big::HEIGHT + 3;

fn tallies(v: &CountView, theme: &Theme, area: Rect, buf: &mut Buffer) {
    // The member being counted, large at the bottom when the screen has room.
    let focus = v.current.filter(|_| area.height >= 3 * FOCUS);
    let (area, panel) = match focus {
        Some(_) => {
            let h = area.height - FOCUS;
            let panel = Rect::new(area.x, area.y + h, area.width, FOCUS);
            (Rect { height: h, ..area }, Some(panel))
        }
        None => (area, None),
    };
    let n = v.columns.len().max(1) as u16;
    let scores = !v.rows.iter().all(|r| r.counted.contains('/'));
    let name_w = v
        .rows
        .iter()
        .map(|r| width(&r.name))
        .chain(std::iter::once(width(&v.heads[0])))
        .max()
        .unwrap_or(8)
        .max(8) as u16;
    let counted_w = v
        .rows
        .iter()
        .map(|r| width(&r.counted))
        .max()
        .unwrap_or(3)
        .max(width(&v.heads[3]))
        .max(5) as u16;
    let fixed = name_w + counted_w + GAP * (n + 1);
    let col_w = area.width.saturating_sub(fixed) / n;
    let head = theme.style(Role::Header);
    buf.set_style(Rect::new(area.x, area.y, area.width, 1), head);
    let mut x = area.x + name_w + GAP;
    put(buf, area.x, area.y, &v.heads[0], name_w, head);
    for c in &v.columns {
        // Over the number that starts the column.
        put(buf, x, area.y, c, col_w, head);
        x += col_w + GAP;
    }
    put(
        buf,
        x,
        area.y,
        &pad_left(&v.heads[3], usize::from(counted_w)),
        counted_w,
        head,
    );
    if let (Some(panel), Some(r)) = (panel, focus.and_then(|i| v.rows.get(i))) {
        let x0 = area.x + name_w + GAP;
        big_tallies(r, v, (x0, col_w), theme, panel, buf);
    }
    let room = usize::from(area.height.saturating_sub(1));
    let (from, to, step) = window(v.rows.len(), room, v.current, v.tick);
    let mut y = area.y + 1;
    for (i, r) in v.rows.iter().enumerate().take(to).skip(from) {
        if y >= area.bottom() {
            break;
        }
        let current = v.current == Some(i);
        if current {
            buf.set_style(
                Rect::new(area.x, y, area.width, 1),
                theme.style(Role::Selected),
            );
        }
        let plain = if current {
            theme.style(Role::Selected)
        } else {
            theme.style(Role::Base)
        };
        put(
            buf,
            area.x,
            y,
            &pad(&r.name, usize::from(name_w)),
            name_w,
            plain,
        );
        let x0 = area.x + name_w + GAP;
        tally_cells(
            r,
            (v.columns.len(), scores, current),
            col_w,
            x0,
            y,
            theme,
            buf,
        );
        let counted_role = if r.complete { Role::Bonus } else { Role::Muted };
        let cx = area.x + name_w + GAP + (col_w + GAP) * n;
        let style = if current {
            plain
        } else {
            theme.style(counted_role)
        };
        put(
            buf,
            cx,
            y,
            &pad_left(&r.counted, usize::from(counted_w)),
            counted_w,
            style,
        );
        y += step;
    }
}

/// One member's tallies: the number, then a bar as long as its share of
/// the valid ballots (or of the part's maximum).
/// `of`: the columns, whether they are scores, whether the row is the
/// member being counted (drawn on the selection's colour).
fn tally_cells(
    r: &CountRow,
    of: (usize, bool, bool),
    col_w: u16,
    x0: u16,
    y: u16,
    theme: &Theme,
    buf: &mut Buffer,
) {
    let (n, scores, current) = of;
    let num_w: u16 = if scores { 5 } else { 3 };
    let bar_w = col_w.saturating_sub(num_w + 1);
    let under = if current { Role::Selected } else { Role::Base };
    let mut x = x0;
    for (i, (text, frac)) in r.tallies.iter().enumerate() {
        let role = column_role(i, n, scores);
        let fg = theme.style(role).fg;
        let style = theme.style(under).fg(fg.unwrap_or_default());
        put(buf, x, y, &pad_left(text, usize::from(num_w)), num_w, style);
        // Any vote shows: a share under half a cell still draws one.
        let cells = match (f64::from(bar_w) * frac).round() as usize {
            0 if *frac > 0.0 && bar_w > 0 => 1,
            c => c,
        };
        if cells > 0 {
            put(
                buf,
                x + num_w + 1,
                y,
                &BAR.repeat(cells),
                bar_w,
                theme.style(role),
            );
        }
        x += col_w + GAP;
    }
}

/// The member being counted in large type under the table: the name spaced
/// out, each choice's count in block digits under its column (`cols`: the
/// first column's x and the columns' width), plain digits where they do
/// not fit.
fn big_tallies(
    r: &CountRow,
    v: &CountView,
    cols: (u16, u16),
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let (x0, col_w) = cols;
    let scores = !r.counted.contains('/');
    let n = v.columns.len();
    let y = area.y + 1;
    let name = spaced(&r.name, usize::from(x0.saturating_sub(area.x)));
    put(
        buf,
        area.x,
        y + 2,
        &name,
        x0 - area.x,
        theme.style(Role::Title),
    );
    let mut x = x0;
    for (i, ((text, _), title)) in r.tallies.iter().zip(&v.columns).enumerate() {
        let role = column_role(i, n, scores);
        put(buf, x, y, title, col_w, theme.style(Role::Header));
        // Nothing counted yet: no votes (0), or no mean yet for a part (-).
        let shown = match (text.is_empty(), scores) {
            (false, _) => text.as_str(),
            (true, false) => "0",
            (true, true) => "-",
        };
        let colour = theme.style(role).fg.unwrap_or_else(|| theme.big_colour());
        match big::fit(shown, col_w, big::HEIGHT, 1) {
            Some(s) => big::render(
                shown,
                x,
                y + 1,
                s,
                colour,
                theme.pixel.as_deref(),
                area,
                buf,
            ),
            None => {
                put(buf, x, y + 3, shown, col_w, theme.style(role));
            }
        }
        x += col_w + GAP;
    }
}

/// The colour of a grade: the top one good news, the bottom one bad.
fn grade_role(rank: Option<usize>, choices: usize) -> Role {
    match rank {
        Some(0) => Role::Bonus,
        Some(g) if g + 1 == choices => Role::Deduction,
        Some(g) if g + 2 == choices => Role::Warning,
        _ => Role::Base,
    }
}

fn results(v: &CountView, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let choices = v.columns.len().saturating_sub(1);
    let name_w = v
        .rows
        .iter()
        .map(|r| width(&r.name))
        .chain(std::iter::once(width(&v.heads[0])))
        .max()
        .unwrap_or(8) as u16;
    let grade_w = v
        .rows
        .iter()
        .map(|r| width(&r.grade))
        .chain(std::iter::once(width(&v.heads[1])))
        .max()
        .unwrap_or(4) as u16;
    // A scheme whose appraisal gives a grade only has no points column.
    let points_w = match v.rows.iter().map(|r| width(&r.points)).max() {
        Some(w) if w > 0 => w.max(width(&v.heads[2])) as u16,
        _ => 0,
    };
    let col_w = name_w + GAP + grade_w + GAP + points_w;
    let room = usize::from(area.height.saturating_sub(1)).max(1);
    let fit = usize::from((area.width + GAP * 2) / (col_w + GAP * 2)).max(1);
    // As few table columns as hold everyone, rows two apart when they fit.
    let spaced = room.div_ceil(2);
    let (cols, step) = match (1..=fit).find(|c| v.rows.len().div_ceil(*c) <= spaced) {
        Some(c) => (c, 2),
        None => (fit, 1),
    };
    let per = v.rows.len().div_ceil(cols).max(1);
    let shown = if step == 2 { spaced } else { room };
    let (from, to, _) = window(v.rows.len(), shown * cols, None, v.tick);
    let head = theme.style(Role::Header);
    for c in 0..cols {
        let x = area.x + (col_w + GAP * 2) * c as u16;
        put(buf, x, area.y, &v.heads[0], name_w, head);
        put(buf, x + name_w + GAP, area.y, &v.heads[1], grade_w, head);
        let px = x + name_w + GAP + grade_w + GAP;
        put(
            buf,
            px,
            area.y,
            &pad_left(&v.heads[2], usize::from(points_w)),
            points_w,
            head,
        );
    }
    for (k, r) in v.rows[from..to].iter().enumerate() {
        let (c, i) = (k / per.min(shown), k % per.min(shown));
        let x = area.x + (col_w + GAP * 2) * c as u16;
        let y = area.y + 1 + i as u16 * step;
        if y >= area.bottom() || c >= cols {
            continue;
        }
        put(buf, x, y, &r.name, name_w, theme.style(Role::Base));
        let role = grade_role(r.grade_rank, choices);
        put(
            buf,
            x + name_w + GAP,
            y,
            &r.grade,
            grade_w,
            theme.style(role),
        );
        let px = x + name_w + GAP + grade_w + GAP;
        put(
            buf,
            px,
            y,
            &pad_left(&r.points, usize::from(points_w)),
            points_w,
            theme.style(Role::Title),
        );
    }
}
