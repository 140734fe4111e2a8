//! Board control: what the room display shows.

use super::keymap::{bind, ch, code, lookup, nth, Binding, Show};
use super::screen::Ctx;
use crate::app::board_state::{reveal_progress, BoardMode, RevealProgress};
use crate::i18n::Strings;
use crate::tui::widgets::{centered, draw_rows, popup};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// A choice in the board popup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    Live,
    Member,
    Freeze,
    /// Show the next rank group from the bottom (starts the reveal if needed).
    RevealStep,
    /// Let the reveal run by itself from where it is.
    RevealAuto,
    RevealAll,
    Message,
    Countdown,
    Blank,
}

/// The choices in order (keys 1..9).
pub const CHOICES: [Choice; 9] = [
    Choice::Live,
    Choice::Member,
    Choice::Freeze,
    Choice::RevealStep,
    Choice::RevealAuto,
    Choice::RevealAll,
    Choice::Message,
    Choice::Countdown,
    Choice::Blank,
];

fn label(c: Choice, t: &Strings) -> &'static str {
    match c {
        Choice::Live => t.board_live,
        Choice::Member => t.board_member,
        Choice::Freeze => t.board_freeze,
        Choice::RevealStep => t.board_reveal_step,
        Choice::RevealAuto => t.board_reveal_auto,
        Choice::RevealAll => t.board_reveal_all,
        Choice::Message => t.board_message,
        Choice::Countdown => t.board_countdown,
        Choice::Blank => t.board_blank,
    }
}

/// Words for what the board shows now (`member_name` looks a member up);
/// `period` is the period the board is on.
pub fn describe(
    mode: &BoardMode,
    period: Option<&str>,
    t: &Strings,
    member_name: impl Fn(i64) -> String,
) -> String {
    let on = period.map(|p| format!(" {p}")).unwrap_or_default();
    let now = chrono::Local::now().fixed_offset();
    match mode {
        BoardMode::Live => format!("{}{on}", t.board_live),
        BoardMode::Member { member_id } => {
            format!("{}{on}: {}", t.board_member, member_name(*member_id))
        }
        BoardMode::Frozen {
            period,
            reveal,
            rows,
            ..
        } => match reveal_progress(reveal.as_ref(), rows, now) {
            RevealProgress::NotStarted => format!("{} {period}", t.board_frozen),
            RevealProgress::Partial { groups, of } => {
                format!("{} {period} {groups}/{of}", t.board_revealing)
            }
            RevealProgress::Done => format!("{} {period}", t.board_revealed),
        },
        BoardMode::Message { text } => {
            format!("{}: {text}", t.board_message.trim_end_matches(['.', '…']))
        }
        BoardMode::Countdown { label, .. } => format!(
            "{}: {label}",
            t.board_countdown.trim_end_matches(['.', '…'])
        ),
        BoardMode::Blank => t.board_blank.to_string(),
        BoardMode::Appraisal { .. } => t.appraisal_title.to_string(),
    }
}

/// What the popup's keys do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoardAct {
    /// Choose the n-th choice (0-based) at once.
    Choose(u8),
    Up,
    Down,
    /// Choose the selected choice.
    Pick,
    Close,
}

/// The board popup's keys.
pub const KEYS: &[Binding<BoardAct>] = &[
    nth(
        &[
            ch('1'),
            ch('2'),
            ch('3'),
            ch('4'),
            ch('5'),
            ch('6'),
            ch('7'),
            ch('8'),
            ch('9'),
        ],
        BoardAct::Choose,
        "1-9",
        |t| t.k_choose,
        Show::Footer,
    ),
    bind(
        &[code(KeyCode::Up), ch('k')],
        BoardAct::Up,
        |t| t.k_up,
        Show::Help,
    ),
    bind(
        &[code(KeyCode::Down), ch('j')],
        BoardAct::Down,
        |t| t.k_down,
        Show::Help,
    ),
    bind(
        &[code(KeyCode::Enter)],
        BoardAct::Pick,
        |t| t.k_submit,
        Show::Footer,
    ),
    bind(
        &[code(KeyCode::Esc), ch('b'), ch('q')],
        BoardAct::Close,
        |t| t.k_close,
        Show::Footer,
    ),
];

/// The popup: a selection and what the board shows now.
#[derive(Debug, Clone)]
pub struct BoardPopup {
    pub sel: usize,
    pub now: String,
    /// The member "member under review" would show.
    pub member: Option<(i64, String)>,
}

impl BoardPopup {
    /// A choice made, `Err(())` to close, `Ok(None)` to stay open.
    pub fn handle_key(&mut self, key: KeyEvent) -> Result<Option<Choice>, ()> {
        match lookup(KEYS, &key) {
            Some(BoardAct::Close) => Err(()),
            Some(BoardAct::Up) => {
                self.sel = self.sel.saturating_sub(1);
                Ok(None)
            }
            Some(BoardAct::Down) => {
                self.sel = (self.sel + 1).min(CHOICES.len() - 1);
                Ok(None)
            }
            Some(BoardAct::Pick) => Ok(Some(CHOICES[self.sel])),
            Some(BoardAct::Choose(i)) => match CHOICES.get(usize::from(i)) {
                Some(c) => {
                    self.sel = usize::from(i);
                    Ok(Some(*c))
                }
                None => Ok(None),
            },
            None => Ok(None),
        }
    }

    pub fn draw(&self, area: Rect, buf: &mut Buffer, ctx: &Ctx) {
        let (t, pal) = (ctx.t, ctx.pal);
        let rect = centered(area, 50, CHOICES.len() as u16 + 5);
        let inner = popup(rect, buf, t.board_title, pal.title);
        let mut lines = vec![
            Line::from(vec![
                Span::styled(format!(" {}: ", t.board_now), pal.muted),
                Span::raw(self.now.clone()),
            ]),
            Line::raw(""),
        ];
        for (i, c) in CHOICES.iter().enumerate() {
            let mut text = format!(" {} {}", i + 1, label(*c, t));
            if *c == Choice::Member {
                if let Some((_, name)) = &self.member {
                    text.push_str(&format!(" ({name})"));
                }
            }
            lines.push(Line::raw(text));
        }
        draw_rows(inner, buf, None, &lines, Some(self.sel + 2), pal.selected);
    }
}
