//! The top places in large characters: place, names, and the score in block
//! digits. Members tied at a podium place share one card ("第3名 并列4人"
//! with every name); when a place is shared by more than fit, there is no
//! podium and the table shows everyone.

use super::{big, put, put_centred, signed_role, spaced};
use crate::domain::text::width;
use crate::i18n::BoardWords;
use crate::tui::board::view::ViewRow;
use crate::tui::theme::{Role, Theme};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// Most members one card lists.
pub const MAX_ON_CARD: usize = 4;
/// Rows the table keeps below the podium at least.
const TABLE_MIN: u16 = 8;

/// The podium's cards: rank groups of rank 3 or better, in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// Index ranges into the rows, one per card.
    pub cards: Vec<std::ops::Range<usize>>,
    /// Rows the cards take (the table starts after them).
    pub members: usize,
    pub height: u16,
    pub scale: u16,
}

/// Block-digit scale for the ranking's area: larger where there is room.
pub fn scale(area: Rect) -> u16 {
    if area.height >= 44 && area.width >= 180 {
        2
    } else {
        1
    }
}

/// Text lines above the digits of a card for a group of `n`.
fn lines(n: usize) -> u16 {
    if n == 1 {
        3
    } else {
        1 + n as u16
    }
}

/// The cards for `rows` in `area`, or None when there is no room or a podium
/// place is shared by more members than a card lists.
pub fn plan(area: Rect, rows: &[ViewRow]) -> Option<Plan> {
    if rows.is_empty() || area.height < 24 || area.width < 96 {
        return None;
    }
    let mut cards = Vec::new();
    let mut i = 0;
    // The members' ranking leads: a heading ends the podium.
    while i < rows.len() && !rows[i].heading && rows[i].rank <= 3 && cards.len() < 3 {
        let j = i + rows[i..]
            .iter()
            .take_while(|r| !r.heading && r.rank == rows[i].rank)
            .count();
        if j - i > MAX_ON_CARD {
            return None;
        }
        cards.push(i..j);
        i = j;
    }
    if cards.is_empty() {
        return None;
    }
    let s = scale(area);
    let text = cards.iter().map(|c| lines(c.len())).max().unwrap_or(3);
    let height = text + big::height(s) + 1;
    (area.height >= height + TABLE_MIN).then_some(Plan {
        members: i,
        cards,
        height,
        scale: s,
    })
}

/// Draw the cards side by side.
#[allow(clippy::too_many_arguments)]
pub fn draw(
    plan: &Plan,
    rows: &[ViewRow],
    projected: bool,
    l: &'static BoardWords,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let card_w = area.width / 3;
    let lead = (3 - plan.cards.len().min(3)) as u16 * card_w / 2;
    for (i, range) in plan.cards.iter().enumerate() {
        let card = Rect {
            x: area.x + lead + i as u16 * card_w,
            y: area.y,
            width: card_w,
            height: area.height,
        };
        card_draw(
            &rows[range.clone()],
            projected,
            l,
            theme,
            plan.scale,
            card,
            buf,
        );
    }
}

fn mark_words(r: &ViewRow, projected: bool, l: &'static BoardWords) -> String {
    if r.mark.is_empty() {
        String::new()
    } else if projected {
        (l.projected)(&r.mark)
    } else {
        r.mark.clone()
    }
}

fn card_draw(
    group: &[ViewRow],
    projected: bool,
    l: &'static BoardWords,
    theme: &Theme,
    s: u16,
    card: Rect,
    buf: &mut Buffer,
) {
    // Not yet revealed: the card shows nothing, not even its place.
    let Some(first) = group.first().filter(|_| group.iter().all(|r| !r.hidden)) else {
        return;
    };
    let inner = Rect {
        x: card.x + 1,
        width: card.width.saturating_sub(2),
        ..card
    };
    let mut place = (l.place)(first.rank);
    if group.len() > 1 {
        place = format!("{place}  {}", (l.tied)(group.len()));
    }
    let single_move = first.moved.filter(|_| group.len() == 1);
    if let Some(by) = single_move {
        place = format!("{place}  {}", (l.moved)(by));
    }
    let place_role = match single_move {
        Some(by) if by > 0 => Role::RankUp,
        Some(_) => Role::RankDown,
        None => Role::Title,
    };
    put_centred(buf, inner, card.y, &place, theme.style(place_role));
    let mut y = card.y + 1;
    if let [r] = group {
        let name_style = if r.selected {
            theme.style(Role::Selected)
        } else {
            theme.style(Role::Base)
        };
        put_centred(
            buf,
            inner,
            y,
            &spaced(&r.name, usize::from(inner.width)),
            name_style,
        );
        let mark = mark_words(r, projected, l);
        member_line(&mark, r, l, theme, inner, y + 1, buf);
        y += 2;
    } else {
        // One line per member, names and marks in aligned columns.
        let name_w = group.iter().map(|r| width(&r.name)).max().unwrap_or(0);
        let marks: Vec<String> = group.iter().map(|r| mark_words(r, projected, l)).collect();
        let mark_w = marks.iter().map(|m| width(m)).max().unwrap_or(0);
        let signed_w = group
            .iter()
            .map(|r| width(r.signed.word(l)))
            .max()
            .unwrap_or(0);
        let gap = |w: usize| if w > 0 { 2 } else { 0 };
        let block = name_w + gap(mark_w) + mark_w + 2 + signed_w;
        let x0 = inner.x + inner.width.saturating_sub(block as u16) / 2;
        for (r, mark) in group.iter().zip(&marks) {
            let base = if r.selected {
                theme.style(Role::Selected)
            } else {
                theme.style(Role::Base)
            };
            let mut x = x0;
            x += put(
                buf,
                x,
                y,
                &crate::domain::text::pad(&r.name, name_w),
                name_w as u16,
                base,
            );
            if mark_w > 0 {
                x += 2;
                x += put(
                    buf,
                    x,
                    y,
                    &crate::domain::text::pad(mark, mark_w),
                    mark_w as u16,
                    theme.style(Role::Muted),
                );
            }
            x += 2;
            if x < inner.right() {
                put(
                    buf,
                    x,
                    y,
                    r.signed.word(l),
                    inner.right() - x,
                    theme.style(signed_role(r.signed)),
                );
            }
            y += 1;
        }
    }
    let colour = match first.score_role {
        Role::Base => theme.big_colour(),
        role => theme.style(role).fg.unwrap_or_else(|| theme.big_colour()),
    };
    let digits_y = y;
    let room_h = card.bottom().saturating_sub(digits_y + 1);
    match big::fit(&first.score, inner.width, room_h, s) {
        Some(sc) => {
            let w = big::width(&first.score, sc);
            let x = inner.x + (inner.width - w) / 2;
            big::render(
                &first.score,
                x,
                digits_y,
                sc,
                colour,
                theme.pixel.as_deref(),
                inner,
                buf,
            );
        }
        None => put_centred(buf, inner, digits_y, &first.score, theme.style(Role::Title)),
    }
}

/// One centred line: the grade, then the sign-off word in its colour.
#[allow(clippy::too_many_arguments)]
fn member_line(
    mark: &str,
    r: &ViewRow,
    l: &'static BoardWords,
    theme: &Theme,
    inner: Rect,
    y: u16,
    buf: &mut Buffer,
) {
    let signed = r.signed.word(l);
    let head = mark.to_string();
    let sep = if head.is_empty() { 0 } else { 2 };
    let total = width(&head) + sep + width(signed);
    let w = (total.min(usize::from(inner.width))) as u16;
    let x = inner.x + (inner.width - w) / 2;
    let base = if r.selected {
        theme.style(Role::Selected)
    } else {
        theme.style(Role::Muted)
    };
    let used = put(buf, x, y, &head, w, base);
    let x = x + used + sep as u16;
    if x < inner.right() {
        put(
            buf,
            x,
            y,
            signed,
            inner.right() - x,
            theme.style(signed_role(r.signed)),
        );
    }
}
