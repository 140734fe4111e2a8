//! Keys to actions in normal mode (prompts and popups read keys themselves).

use super::action::Action;
use super::screen::ScreenKind;
use crate::domain::model::Attendance;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The action a key means on a screen, if any.
pub fn action_for(screen: ScreenKind, key: KeyEvent) -> Option<Action> {
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return match key.code {
            KeyCode::Char('c') | KeyCode::Char('q') => Some(Action::ForceQuit),
            KeyCode::Char('d') => Some(Action::PageDown),
            KeyCode::Char('u') => Some(Action::PageUp),
            _ => None,
        };
    }
    let common = match key.code {
        KeyCode::Up | KeyCode::Char('k') => Some(Action::Up),
        KeyCode::Down | KeyCode::Char('j') => Some(Action::Down),
        KeyCode::PageUp => Some(Action::PageUp),
        KeyCode::PageDown => Some(Action::PageDown),
        KeyCode::Home | KeyCode::Char('g') => Some(Action::Top),
        KeyCode::End | KeyCode::Char('G') => Some(Action::Bottom),
        KeyCode::Enter => Some(Action::Open),
        KeyCode::Esc => Some(Action::Back),
        KeyCode::Tab => Some(Action::NextPane),
        KeyCode::BackTab => Some(Action::PrevPane),
        KeyCode::Char('u') => Some(Action::Undo),
        KeyCode::Char('b') => Some(Action::Board),
        KeyCode::Char('>') => Some(Action::BoardStep),
        KeyCode::Char('?') | KeyCode::F(1) => Some(Action::Help),
        KeyCode::Char('q') => Some(Action::Quit),
        KeyCode::Char('/') => Some(Action::Search),
        _ => None,
    };
    if common.is_some() {
        return common;
    }
    match screen {
        ScreenKind::Overview => match key.code {
            KeyCode::Char('o') => Some(Action::OpenPeriod),
            KeyCode::Char('s') => Some(Action::StartSession),
            KeyCode::Char('y') => Some(Action::Year),
            KeyCode::Char('L') => Some(Action::Lock),
            KeyCode::Char('F') => Some(Action::Finalize),
            KeyCode::Char(c @ '1'..='6') => Some(Action::Step(c as u8 - b'1')),
            _ => None,
        },
        ScreenKind::RollCall => match key.code {
            KeyCode::Char('p') | KeyCode::Char(' ') => Some(Action::Mark(Attendance::Present)),
            KeyCode::Char('l') => Some(Action::Mark(Attendance::Leave)),
            KeyCode::Char('x') => Some(Action::Mark(Attendance::Absent)),
            _ => None,
        },
        ScreenKind::Members => match key.code {
            KeyCode::Char('a') => Some(Action::Approve),
            KeyCode::Char('e') => Some(Action::Adjust),
            KeyCode::Char('r') => Some(Action::Reject),
            KeyCode::Char('A') => Some(Action::ApproveAll),
            KeyCode::Char('N') => Some(Action::NextPending),
            KeyCode::Char('n') => Some(Action::NewClaim),
            KeyCode::Char('c') => Some(Action::Confirm),
            KeyCode::Char('d') => Some(Action::Dispute),
            KeyCode::Char('f') => Some(Action::FileAppeal),
            KeyCode::Right | KeyCode::Char('l') => Some(Action::NextPane),
            KeyCode::Left | KeyCode::Char('h') => Some(Action::PrevPane),
            _ => None,
        },
        ScreenKind::Confirm => match key.code {
            KeyCode::Char('c') => Some(Action::Confirm),
            KeyCode::Char('d') => Some(Action::Dispute),
            KeyCode::Char('f') => Some(Action::FileAppeal),
            KeyCode::Char('n') | KeyCode::Right => Some(Action::NextPane),
            KeyCode::Char('p') | KeyCode::Left => Some(Action::PrevPane),
            _ => None,
        },
        ScreenKind::Lock => match key.code {
            KeyCode::Char('L') => Some(Action::Lock),
            KeyCode::Char('p') => Some(Action::Papers),
            _ => None,
        },
        ScreenKind::Year => match key.code {
            KeyCode::Left | KeyCode::Char('[') => Some(Action::PrevYear),
            KeyCode::Right | KeyCode::Char(']') => Some(Action::NextYear),
            KeyCode::Char('x') | KeyCode::Char(' ') => Some(Action::TickFollowUp),
            _ => None,
        },
        ScreenKind::Appeals => match key.code {
            KeyCode::Char('f') => Some(Action::FileAppeal),
            KeyCode::Char('a') => Some(Action::Uphold),
            KeyCode::Char('r') => Some(Action::Dismiss),
            KeyCode::Char('R') => Some(Action::Reconsider),
            KeyCode::Char('p') => Some(Action::Papers),
            _ => None,
        },
    }
}
