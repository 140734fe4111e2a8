//! Prompts: a small form of text fields (or a yes/no question) over the screen.

use super::field::Field;
use super::keymap::{bind, ch, code, lookup, popup_hints, Binding, Show};
use super::screen::Ctx;
use crate::app::appeals::AppealOutcome;
use crate::domain::model::PeriodId;
use crate::tui::widgets::{centered, key_hints, popup};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};

/// What a prompt is for; carries the target of the action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormKind {
    Adjust {
        claim: i64,
    },
    Reject {
        claim: i64,
    },
    ApproveAll {
        member: i64,
    },
    Dispute {
        member: i64,
    },
    /// Type the period to lock it; `waive`: the secretary confirmed locking
    /// an inquorate session.
    Lock {
        period: PeriodId,
        waive: bool,
    },
    /// Half or fewer of the voting members are present: lock anyway?
    LockInquorate {
        period: PeriodId,
    },
    /// The meeting's place, host and recorder for the minutes.
    Meeting {
        period: PeriodId,
    },
    OpenPeriod,
    Message,
    Countdown,
    Search,
    /// Undo the plan the console holds (`App::undo_plan`).
    Undo,
    /// File an appeal; `member` is the one the form was opened for (id, name).
    FileAppeal {
        member: Option<(i64, String)>,
    },
    AppealReply {
        id: i64,
        outcome: AppealOutcome,
    },
    /// A question or form of the appraisal's counting screen.
    Appraisal(super::appraisal_count::Ask),
    /// A form of the committee's desk (the desk keeps what it asks beside it).
    Desk,
}

/// What a key did to a prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Continue,
    /// Text changed (incremental search follows it).
    Changed,
    Cancel,
    Submit,
}

/// What a prompt's own keys do (other keys edit the focused field).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormAct {
    Submit,
    Cancel,
    NextField,
    PrevField,
}

/// The keys of a prompt with fields.
pub const KEYS: &[Binding<FormAct>] = &[
    bind(
        &[code(KeyCode::Enter)],
        FormAct::Submit,
        |t| t.k_submit,
        Show::Footer,
    ),
    bind(
        &[code(KeyCode::Esc)],
        FormAct::Cancel,
        |t| t.k_cancel,
        Show::Footer,
    ),
    bind(
        &[code(KeyCode::Tab), code(KeyCode::Down)],
        FormAct::NextField,
        |t| t.k_next_field,
        Show::Footer,
    ),
    bind(
        &[code(KeyCode::BackTab), code(KeyCode::Up)],
        FormAct::PrevField,
        |t| t.k_prev_field,
        Show::Help,
    ),
];

/// The keys of a yes/no question (a prompt without fields).
pub const YES_NO_KEYS: &[Binding<FormAct>] = &[
    bind(
        &[code(KeyCode::Enter), ch('y'), ch('Y')],
        FormAct::Submit,
        |t| t.k_yes,
        Show::Footer,
    )
    .short("Enter/y"),
    bind(
        &[code(KeyCode::Esc), ch('n'), ch('N')],
        FormAct::Cancel,
        |t| t.k_no,
        Show::Footer,
    )
    .short("Esc/n"),
];

/// A prompt: title, info lines, fields, an error from the last try.
#[derive(Debug, Clone)]
pub struct Form {
    pub kind: FormKind,
    pub title: String,
    pub info: Vec<String>,
    pub fields: Vec<Field>,
    pub focus: usize,
    pub error: Option<String>,
}

impl Form {
    pub fn new(kind: FormKind, title: &str, info: Vec<String>, fields: Vec<Field>) -> Form {
        Form {
            kind,
            title: title.to_string(),
            info,
            fields,
            focus: 0,
            error: None,
        }
    }

    /// The text of field `i` (empty if absent).
    pub fn value(&self, i: usize) -> &str {
        self.fields.get(i).map(|f| f.value.as_str()).unwrap_or("")
    }

    /// Whether quitting now would lose typed text.
    pub fn half_filled(&self) -> bool {
        self.kind != FormKind::Search && self.fields.iter().any(Field::changed)
    }

    /// This prompt's keys: a question's or a form's.
    pub fn keys(&self) -> &'static [Binding<FormAct>] {
        if self.fields.is_empty() {
            YES_NO_KEYS
        } else {
            KEYS
        }
    }

    pub fn handle_key(&mut self, key: KeyEvent) -> Outcome {
        let n = self.fields.len().max(1);
        match lookup(self.keys(), &key) {
            Some(FormAct::Submit) => Outcome::Submit,
            Some(FormAct::Cancel) => Outcome::Cancel,
            Some(FormAct::NextField) => {
                self.focus = (self.focus + 1) % n;
                Outcome::Continue
            }
            Some(FormAct::PrevField) => {
                self.focus = (self.focus + n - 1) % n;
                Outcome::Continue
            }
            None => {
                let used = self.fields.get_mut(self.focus).is_some_and(|f| f.edit(key));
                if used {
                    self.error = None;
                    Outcome::Changed
                } else {
                    Outcome::Continue
                }
            }
        }
    }

    /// Draw centred over `area`; returns where the terminal cursor belongs.
    pub fn draw(&self, area: Rect, buf: &mut Buffer, ctx: &Ctx) -> Option<Position> {
        let (t, pal) = (ctx.t, ctx.pal);
        let h = (self.info.len() + self.fields.len() * 2 + 4) as u16;
        let rect = centered(area, 64, h);
        let inner = popup(rect, buf, &self.title, pal.title);
        let mut y = inner.y;
        let bottom = inner.y + inner.height;
        let mut put = |y: &mut u16, line: Line| {
            if *y < bottom {
                buf.set_line(inner.x + 1, *y, &line, inner.width.saturating_sub(2));
                *y += 1;
            }
        };
        for i in &self.info {
            put(&mut y, Line::raw(i.clone()));
        }
        let mut cursor = None;
        for (i, f) in self.fields.iter().enumerate() {
            let style = if i == self.focus { pal.key } else { pal.muted };
            put(&mut y, Line::from(Span::styled(f.label.clone(), style)));
            // Room for the value after "> ", inside the popup's margins.
            let room = inner.width.saturating_sub(4) as usize;
            let (shown, before) = f.visible(room);
            if y < bottom && i == self.focus {
                let x = inner.x + 3 + before as u16;
                if x < inner.x + inner.width {
                    cursor = Some(Position::new(x, y));
                }
            }
            put(
                &mut y,
                Line::from(vec![
                    Span::styled("> ", style),
                    if f.is_fresh() && i == self.focus {
                        Span::styled(shown, pal.selected)
                    } else {
                        Span::raw(shown)
                    },
                ]),
            );
        }
        match &self.error {
            Some(e) => put(&mut y, Line::from(Span::styled(e.clone(), pal.warning))),
            None => put(&mut y, Line::raw("")),
        }
        let hints = popup_hints(self.keys(), t);
        let room = inner.width.saturating_sub(2) as usize;
        put(&mut y, key_hints(&hints, room, pal.key, pal.muted));
        cursor
    }
}
