//! The top three in large characters: place, name, and the score in block digits.

use super::{big, put_centred, spaced};
use crate::theme::{Role, Theme};
use crate::tui::board::labels::Labels;
use crate::tui::board::view::ViewRow;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// Block-digit scale for the ranking's area.
pub fn scale(area: Rect) -> u16 {
    if area.height >= 56 && area.width >= 180 {
        2
    } else {
        1
    }
}

/// Rows the podium takes in `area`, or None when there is no room for it.
pub fn height_for(area: Rect, rows: &[ViewRow]) -> Option<u16> {
    if rows.is_empty() || area.height < 24 || area.width < 96 {
        return None;
    }
    let h = 4 + big::height(scale(area));
    (area.height >= h + 8).then_some(h)
}

/// Draw up to three cards side by side, digits at `s`.
pub fn draw(rows: &[ViewRow], l: Labels, theme: &Theme, s: u16, area: Rect, buf: &mut Buffer) {
    let card_w = area.width / 3;
    let lead = (3 - rows.len().min(3)) as u16 * card_w / 2;
    for (i, r) in rows.iter().take(3).enumerate() {
        let card = Rect {
            x: area.x + lead + i as u16 * card_w,
            y: area.y,
            width: card_w,
            height: area.height,
        };
        card_draw(r, l, theme, s, card, buf);
    }
}

fn card_draw(r: &ViewRow, l: Labels, theme: &Theme, s: u16, card: Rect, buf: &mut Buffer) {
    let inner = Rect {
        x: card.x + 1,
        width: card.width.saturating_sub(2),
        ..card
    };
    let mut place = l.place(r.rank);
    if let Some(by) = r.moved.filter(|_| !r.hidden) {
        place = format!("{place}  {}", l.moved(by));
    }
    let place_role = match r.moved.filter(|_| !r.hidden) {
        Some(by) if by > 0 => Role::RankUp,
        Some(_) => Role::RankDown,
        None => Role::Title,
    };
    put_centred(buf, inner, card.y, &place, theme.style(place_role));
    if r.hidden {
        put_centred(buf, inner, card.y + 1, "? ? ?", theme.style(Role::Muted));
        return;
    }
    let name_style = if r.selected {
        theme.style(Role::Selected)
    } else {
        theme.style(Role::Base)
    };
    put_centred(
        buf,
        inner,
        card.y + 1,
        &spaced(&r.name, usize::from(inner.width)),
        name_style,
    );
    let mut sub = r.mark.clone();
    if r.provisional {
        sub = format!("{sub}  {}", l.provisional()).trim().to_string();
    }
    let sub_role = if r.provisional {
        Role::Provisional
    } else {
        Role::Muted
    };
    put_centred(buf, inner, card.y + 2, &sub, theme.style(sub_role));
    let colour = match r.score_role {
        Role::Base => theme.big_colour(),
        role => theme.style(role).fg.unwrap_or_else(|| theme.big_colour()),
    };
    let digits_y = card.y + 3;
    let room_h = card.bottom().saturating_sub(digits_y + 1);
    match big::fit(&r.score, inner.width, room_h, s) {
        Some(sc) => {
            let w = big::width(&r.score, sc);
            let x = inner.x + (inner.width - w) / 2;
            big::render(
                &r.score,
                x,
                digits_y,
                sc,
                colour,
                theme.pixel.as_deref(),
                inner,
                buf,
            );
        }
        None => put_centred(buf, inner, digits_y, &r.score, theme.style(Role::Title)),
    }
}
