//! Width-correct text helpers: pad and truncate by display width, so Chinese
//! names line up in every table.

use std::borrow::Cow;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// A name split into text and numbers, for ordering 第2 before 第10
/// (branches at the desk, and tied places across branches).
pub fn natural_key(s: &str) -> Vec<(String, u64)> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut num: Option<u64> = None;
    for c in s.chars() {
        match (c.to_digit(10), num) {
            (Some(d), n) => num = Some(n.unwrap_or(0).saturating_mul(10).saturating_add(d.into())),
            (None, Some(n)) => {
                out.push((std::mem::take(&mut text), n));
                num = None;
                text.push(c);
            }
            (None, None) => text.push(c),
        }
    }
    out.push((text, num.unwrap_or(0)));
    out
}

/// Display width of a string in terminal cells.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Cut `s` to at most `max` cells, marking a cut with `…` when there is room.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    let limit = max.saturating_sub(1);
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw > limit {
            break;
        }
        out.push(c);
        w += cw;
    }
    if max > 0 {
        out.push('…');
    }
    out
}

/// Break `s` into lines of at most `cells` display cells: at a space where
/// the line has one, else between characters (Chinese text has no spaces).
/// At least one line.
pub fn wrap(s: &str, cells: usize) -> Vec<String> {
    let cells = cells.max(2);
    let mut out: Vec<String> = vec![String::new()];
    let mut w = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw > cells {
            let last = out.last_mut().map(std::mem::take).unwrap_or_default();
            // Carry the word begun on this line over to the next one.
            let (keep, carry) = match last.rfind(' ') {
                Some(i) if c != ' ' => (last[..i].to_string(), last[i + 1..].to_string()),
                _ => (last, String::new()),
            };
            if let Some(l) = out.last_mut() {
                *l = keep;
            }
            w = width(&carry);
            out.push(carry);
            if c == ' ' {
                continue;
            }
        }
        if let Some(last) = out.last_mut() {
            last.push(c);
        }
        w += cw;
    }
    out
}

/// `s` cut to at most `max` cells (as [`truncate`]) and its width; borrowed
/// when it fits, as it nearly always does.
fn fit(s: &str, max: usize) -> (Cow<'_, str>, usize) {
    let w = width(s);
    if w <= max {
        return (Cow::Borrowed(s), w);
    }
    let t = truncate(s, max);
    let w = width(&t);
    (Cow::Owned(t), w)
}

/// Append `n` spaces.
fn push_spaces(out: &mut String, n: usize) {
    const SPACES: &str = "                                ";
    let mut left = n;
    while left > 0 {
        let k = left.min(SPACES.len());
        out.push_str(&SPACES[..k]);
        left -= k;
    }
}

/// Append `s` left-aligned in exactly `cells` cells (truncating if needed).
pub fn pad_into(out: &mut String, s: &str, cells: usize) {
    let (t, w) = fit(s, cells);
    out.push_str(&t);
    push_spaces(out, cells.saturating_sub(w));
}

/// Append `s` right-aligned in exactly `cells` cells (truncating if needed).
pub fn pad_left_into(out: &mut String, s: &str, cells: usize) {
    let (t, w) = fit(s, cells);
    push_spaces(out, cells.saturating_sub(w));
    out.push_str(&t);
}

/// Left-align `s` in exactly `cells` cells (truncating if needed).
pub fn pad(s: &str, cells: usize) -> String {
    let mut out = String::with_capacity(s.len().max(cells));
    pad_into(&mut out, s, cells);
    out
}

/// Right-align `s` in exactly `cells` cells.
pub fn pad_left(s: &str, cells: usize) -> String {
    let mut out = String::with_capacity(s.len().max(cells));
    pad_left_into(&mut out, s, cells);
    out
}

/// `s` as it may be written to a terminal: every control character (ESC,
/// BEL, NUL, line breaks, C1 controls) becomes a space, so no text a person
/// typed can move the cursor, clear the screen or write the clipboard.
pub fn printable(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().any(char::is_control) {
        s.chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect::<String>()
            .into()
    } else {
        s.into()
    }
}

/// `s` with its control characters shown instead of obeyed: each C0
/// control but tab and line feed becomes its Unicode control picture (ESC
/// `␛`, BEL `␇`, NUL `␀`, CR `␍`), DEL `␡` and a C1 control `�`. Files keep
/// what a person typed visibly, and a `cat` of them is harmless.
pub fn visible_controls(s: &str) -> std::borrow::Cow<'_, str> {
    let shown = |c: char| c.is_control() && c != '\t' && c != '\n';
    if !s.chars().any(shown) {
        return s.into();
    }
    s.chars()
        .map(|c| match c {
            c if !shown(c) => c,
            '\u{7f}' => '\u{2421}',
            c if (c as u32) < 0x20 => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
            _ => '\u{fffd}',
        })
        .collect::<String>()
        .into()
}

/// Render rows as an aligned plain-text table with a header (cells made
/// `printable`).
pub fn table(header: &[&str], rows: &[Vec<String>], right: &[bool]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| width(h)).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate() {
            if i < widths.len() {
                widths[i] = widths[i].max(width(c));
            }
        }
    }
    let line = |cells: Vec<String>| -> String {
        cells
            .iter()
            .map(|c| printable(c))
            .enumerate()
            .map(|(i, c)| {
                if right.get(i).copied().unwrap_or(false) {
                    pad_left(&c, widths[i])
                } else {
                    pad(&c, widths[i])
                }
            })
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_string()
    };
    let mut out = line(header.iter().map(|s| s.to_string()).collect());
    out.push('\n');
    for r in rows {
        out.push_str(&line(r.clone()));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_by_cells() {
        assert_eq!(wrap("按市级认定理由", 6), vec!["按市级", "认定理", "由"]);
        assert_eq!(wrap("abc", 10), vec!["abc"]);
        assert_eq!(wrap("", 4), vec![""]);
        assert_eq!(
            wrap("bring the original signed", 10),
            vec!["bring the", "original", "signed"]
        );
    }

    #[test]
    fn chinese_names_pad_by_cells() {
        assert_eq!(pad("欧阳娜娜", 10), "欧阳娜娜  ");
        assert_eq!(width(&pad("张伟", 6)), 6);
        assert_eq!(truncate("司马光明同志", 7), "司马光…");
        assert_eq!(pad_left("80", 4), "  80");
    }

    #[test]
    fn padding_cuts_what_does_not_fit() {
        assert_eq!(pad("司马光明同志", 7), "司马光…");
        assert_eq!(pad("司马光明同志", 8), "司马光… ");
        assert_eq!(pad_left("司马光明同志", 8), " 司马光…");
        assert_eq!(pad_left("12345", 4), "123…");
        assert_eq!(pad("", 3), "   ");
        assert_eq!(pad("abc", 0), "");
        let mut row = String::from(">");
        pad_into(&mut row, "张伟", 5);
        pad_left_into(&mut row, "7", 40);
        assert_eq!(row, format!(">张伟 {}7", " ".repeat(39)));
    }
}
