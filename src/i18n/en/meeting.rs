//! Words of the assembly's acts, in English.

use crate::app::console_support::LeaseState;
use crate::app::undo::UndoStep;
use crate::i18n::meeting::Meeting;

/// English words of the assembly's acts.
pub const MEETING: Meeting = Meeting {
    conf_again: "void",
    status_voided: "signature void: the total changed after signing; the member signs again",
    col_counted: "counts",
    withdrawn: "withdrew",
    no_more_pending: "no member has pending claims",
    prompt_undo: "Undo this?",
    nothing_to_undo: "nothing of this session to undo",
    quorum: "attendance",
    expected: "expected",
    present: "present",
    leave: "leave",
    absent: "absent",
    unmarked: "unmarked",
    quorate: "quorate (more than half present)",
    quorate_short: "quorate",
    inquorate: "not quorate",
    prompt_inquorate: "Not quorate: lock anyway and record it in the minutes?",
    inquorate_recorded: "not quorate: the lock records that it went ahead",
    reason_needed: "an adjustment needs a reason",
    board_command: "Room display",
    undo_step: |s| match s {
        UndoStep::Verdict { claim, member } => format!("verdict on claim #{claim} of {member}"),
        UndoStep::Confirmation { member } => format!("confirmation of {member}"),
        UndoStep::SignatureBack { member } => format!("signature of {member} given back"),
        UndoStep::Mark { member } => format!("roll-call mark of {member}"),
        UndoStep::NewClaim { claim, member } => format!("new claim #{claim} of {member}"),
        UndoStep::FollowUp { member, action } => format!("follow-up {action} of {member} done"),
        UndoStep::Import { first, claims } => format!("import of {claims} claims (#{first} on)"),
        UndoStep::Redemption {
            member,
            count,
            title,
            ..
        } => (crate::i18n::redemption::EN.undo_step)(member, *count, title),
        UndoStep::YearGrade {
            member,
            year,
            undone,
            back,
            default,
        } => {
            let name = |g: &Option<crate::app::year_grade::GradeName>| {
                g.as_ref().map_or(String::new(), |g| g.name.clone())
            };
            let back = match default {
                true => format!("the default, {}", name(back)),
                false => name(back),
            };
            match undone {
                Some(_) => format!(
                    "final grade {} of {member} for {year} (back to {back})",
                    name(undone)
                ),
                None => format!(
                    "final grade of {member} for {year} set to the default (back to {back})"
                ),
            }
        }
    },
    lease_state: |s| match s {
        LeaseState::Live { silent_secs } => format!("last heartbeat {silent_secs} s ago"),
        LeaseState::Stale {
            silent_secs: Some(n),
        } => format!("stale: no heartbeat for {n} s"),
        LeaseState::Stale { silent_secs: None } => "stale: unreadable heartbeat".into(),
        LeaseState::ProcessGone => "stale: its process is gone".into(),
    },
    lease_held: |holder, pid, state, since| {
        format!("read-only: console held by {holder}, {state} (pid {pid}, since {since})")
    },
    lease_taken_over: |holder, pid, since, state| {
        format!("took over the console of {holder} (pid {pid}, since {since}): {state}")
    },
};
