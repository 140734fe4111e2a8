//! What a key press means, independent of the key: the console's verbs.

use crate::model::Attendance;

/// A user intention; `App::update` turns it into core calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    /// Enter: open the selected step, member or claim.
    Open,
    /// Esc: back one screen.
    Back,
    /// Tab: switch pane (next member on the confirmation screen).
    NextPane,
    /// Shift-Tab.
    PrevPane,
    Approve,
    Adjust,
    Reject,
    ApproveAll,
    NewClaim,
    Confirm,
    Dispute,
    Undo,
    Search,
    Board,
    Help,
    Quit,
    /// Ctrl-C: quit, asking first if a prompt is half-filled.
    ForceQuit,
    Mark(Attendance),
    /// Open step n (0-based) of the overview.
    Step(u8),
    OpenPeriod,
    StartSession,
    Year,
    Lock,
    PrevYear,
    NextYear,
}
