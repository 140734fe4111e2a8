//! What a key press means, independent of the key: the console's verbs.

use crate::domain::model::Attendance;

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
    /// Undo this session's last action (shows what, asks first).
    Undo,
    /// Members: jump to the next member with pending claims.
    NextPending,
    Search,
    Board,
    /// Reveal the next rank group on the board (freezing first if needed).
    BoardStep,
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
    /// File an appeal for the selected member (or one to name).
    FileAppeal,
    /// Reply to the selected appeal: upheld (with a correction).
    Uphold,
    /// Reply to the selected appeal: dismissed.
    Dismiss,
    /// Send the selected appeal to reconsideration by the higher committee.
    Reconsider,
    /// Make a locked period whose window has closed final.
    Finalize,
    /// Offer the papers of the sealed period.
    Papers,
    /// Fill the meeting's place, host and recorder for the minutes.
    MeetingRecord,
    /// Tick the selected follow-up action done.
    TickFollowUp,
    /// Open the redemption screen (积分兑换).
    RedeemScreen,
    /// Record the redemption chosen on the redemption screen.
    Redeem,
    /// One more / one fewer of the chosen gift.
    CountUp,
    CountDown,
    /// Open the appraisal's counting screen (民主测评计票).
    AppraisalScreen,
    /// A digit typed into the current count (10: the decimal point of a score).
    Digit(u8),
    /// Erase the last digit of the current count.
    Erase,
    /// Record the counts typed for the member.
    RecordCount,
    /// Open, record the ballots returned and spoiled, close the appraisal.
    AppraisalOpen,
    AppraisalBallots,
    AppraisalClose,
    /// Year screen: open the final grade's picker (评定等次).
    FinalGrade,
    /// Counting screen: choose the points within the member's grade's range.
    AppraisalPoints,
    /// The previous / next score ballot (票号).
    PrevBallot,
    NextBallot,
}

impl Action {
    /// Whether the action changes the record or the room display (a
    /// read-only console leaves such keys out of its footer).
    pub fn writes(self) -> bool {
        !matches!(
            self,
            Action::Up
                | Action::Down
                | Action::PageUp
                | Action::PageDown
                | Action::Top
                | Action::Bottom
                | Action::Open
                | Action::Back
                | Action::NextPane
                | Action::PrevPane
                | Action::NextPending
                | Action::Search
                | Action::Help
                | Action::Quit
                | Action::ForceQuit
                | Action::Step(_)
                | Action::Year
                | Action::PrevYear
                | Action::NextYear
                | Action::Papers
                | Action::RedeemScreen
                | Action::CountUp
                | Action::CountDown
                | Action::AppraisalScreen
                | Action::Digit(_)
                | Action::Erase
                | Action::PrevBallot
                | Action::NextBallot
        )
    }
}
