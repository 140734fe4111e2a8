//! Block letters for digits, drawn as coloured cells (spaces with a
//! background), so they need no font support and no ambiguous-width glyphs.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};

/// Rows of a glyph at scale 1.
pub const HEIGHT: u16 = 5;

/// A glyph's rows, '#' for a lit pixel.
fn glyph(c: char) -> &'static [&'static str; 5] {
    match c {
        '0' => &["###", "# #", "# #", "# #", "###"],
        '1' => &[" # ", "## ", " # ", " # ", "###"],
        '2' => &["###", "  #", "###", "#  ", "###"],
        '3' => &["###", "  #", "###", "  #", "###"],
        '4' => &["# #", "# #", "###", "  #", "  #"],
        '5' => &["###", "#  ", "###", "  #", "###"],
        '6' => &["###", "#  ", "###", "# #", "###"],
        '7' => &["###", "  #", "  #", "  #", "  #"],
        '8' => &["###", "# #", "###", "# #", "###"],
        '9' => &["###", "# #", "###", "  #", "###"],
        '.' => &[" ", " ", " ", " ", "#"],
        ':' => &[" ", "#", " ", "#", " "],
        '-' => &["   ", "   ", "###", "   ", "   "],
        '+' => &["   ", " # ", "###", " # ", "   "],
        ' ' => &[" ", " ", " ", " ", " "],
        _ => &["###", "  #", " ##", "   ", " # "],
    }
}

fn glyph_width(c: char) -> u16 {
    glyph(c)[0].len() as u16
}

/// Cells `text` takes at `scale` (a pixel is `2*scale` wide and `scale` high).
pub fn width(text: &str, scale: u16) -> u16 {
    let n = text.chars().count() as u16;
    let pixels: u16 = text.chars().map(glyph_width).sum::<u16>() + n.saturating_sub(1);
    pixels.saturating_mul(2).saturating_mul(scale)
}

/// Rows `text` takes at `scale`.
pub fn height(scale: u16) -> u16 {
    HEIGHT.saturating_mul(scale)
}

/// The largest scale (up to `max`) at which `text` fits in `w` x `h`, if any.
pub fn fit(text: &str, w: u16, h: u16, max: u16) -> Option<u16> {
    (1..=max)
        .rev()
        .find(|s| width(text, *s) <= w && height(*s) <= h)
}

/// Draw `text` with its top-left corner at (x, y), clipped to `clip`; each
/// pixel is `pixel` (a space by default) in `colour` on `colour`.
#[allow(clippy::too_many_arguments)]
pub fn render(
    text: &str,
    x: u16,
    y: u16,
    scale: u16,
    colour: Color,
    pixel: Option<&str>,
    clip: Rect,
    buf: &mut Buffer,
) {
    let clip = clip.intersection(buf.area);
    let lit = Style::default().bg(colour).fg(colour);
    let symbol = pixel.unwrap_or(" ");
    let px = 2 * scale;
    let mut gx = u32::from(x);
    for c in text.chars() {
        let g = glyph(c);
        for (row, line) in g.iter().enumerate() {
            for (col, ch) in line.chars().enumerate() {
                if ch != '#' {
                    continue;
                }
                for dy in 0..u32::from(scale) {
                    for dx in 0..u32::from(px) {
                        let cx = gx + col as u32 * u32::from(px) + dx;
                        let cy = u32::from(y) + row as u32 * u32::from(scale) + dy;
                        let (Ok(cx), Ok(cy)) = (u16::try_from(cx), u16::try_from(cy)) else {
                            continue;
                        };
                        if cx >= clip.x && cx < clip.right() && cy >= clip.y && cy < clip.bottom() {
                            if let Some(cell) = buf.cell_mut((cx, cy)) {
                                cell.set_symbol(symbol).set_style(lit);
                            }
                        }
                    }
                }
            }
        }
        gx += (u32::from(glyph_width(c)) + 1) * u32::from(px);
    }
}
