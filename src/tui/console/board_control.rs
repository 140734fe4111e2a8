//! The console's board controls: what the room display shows, on which
//! period, the stepped reveal, and the spotlight following the selection.

use super::app::{App, Overlay};
use super::board_popup::{BoardPopup, Choice};
use super::field::Field;
use super::prompt::{Form, FormKind};
use crate::app::board_state::{BoardMode, BoardState, RevealStyle, AUTO_REVEAL_MS};

impl App {
    /// While the board spotlights a member, it follows the console's selection.
    pub(super) fn follow_spotlight(&mut self) {
        let Ok(state) = self.ledger.board() else {
            return;
        };
        let BoardMode::Member { member_id } = state.mode else {
            return;
        };
        if let Some((id, _)) = self.current_member().filter(|(id, _)| *id != member_id) {
            let next = BoardState {
                mode: BoardMode::Member { member_id: id },
                ..state
            };
            if let Err(e) = self.ledger.set_board(&next) {
                self.fail(&e);
            }
        }
    }

    pub(super) fn board_popup(&mut self) {
        let now = self.board_words().unwrap_or_default();
        self.overlay = Overlay::Board(BoardPopup {
            sel: 0,
            now,
            member: self.current_member(),
        });
    }

    pub(super) fn board_choice(&mut self, c: Choice, member: Option<(i64, String)>) {
        let t = self.t;
        let p = self.period;
        // Live and spotlight put the board on the console's period.
        let on = |mode: BoardMode| BoardState {
            mode,
            period: p.map(|p| p.to_string()),
        };
        let frozen = matches!(self.ledger.board_mode(), Ok(BoardMode::Frozen { .. }));
        let r = match c {
            Choice::Live => self.ledger.set_board(&on(BoardMode::Live)),
            Choice::Blank => self.ledger.set_board_mode(&BoardMode::Blank),
            Choice::Member => match member {
                Some((id, _)) => self
                    .ledger
                    .set_board(&on(BoardMode::Member { member_id: id })),
                None => return self.err(t.no_member),
            },
            Choice::Freeze => match p {
                Some(p) => self.ledger.freeze_board(&p),
                None => return self.err(t.no_period),
            },
            Choice::RevealStep | Choice::RevealAuto | Choice::RevealAll
                if !frozen && p.is_none() =>
            {
                return self.err(t.no_period)
            }
            Choice::RevealStep => self
                .ledger
                .reveal_board(p.as_ref(), RevealStyle::BottomUp, None),
            Choice::RevealAuto => {
                self.ledger
                    .reveal_board(p.as_ref(), RevealStyle::BottomUp, Some(AUTO_REVEAL_MS))
            }
            Choice::RevealAll => self.ledger.reveal_board(p.as_ref(), RevealStyle::All, None),
            Choice::Message => {
                let f = Form::new(
                    FormKind::Message,
                    t.prompt_message,
                    vec![],
                    vec![Field::new(t.prompt_message, "")],
                );
                self.overlay = Overlay::Form(f);
                return;
            }
            Choice::Countdown => {
                let f = Form::new(
                    FormKind::Countdown,
                    t.prompt_countdown,
                    vec![],
                    vec![
                        Field::new(t.prompt_minutes, "5"),
                        Field::new(t.prompt_label, ""),
                    ],
                );
                self.overlay = Overlay::Form(f);
                return;
            }
        };
        match r {
            Ok(()) => {
                let words = self.board_words().unwrap_or_default();
                self.ok(format!("{}: {words}", t.done_board));
                self.reload();
            }
            Err(e) => self.fail(&e),
        }
    }
}
