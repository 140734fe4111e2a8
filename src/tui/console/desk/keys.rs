//! The desk's actions and key lists: each screen lists its keys once (key,
//! action, label), and the desk routes keys, draws the footer and the `?`
//! help and writes the README's desk table from those lists.

use crate::i18n::Strings;
use crate::tui::console::keymap::{bind as on, ch, code, ctrl, lookup, nth, Binding, Show};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

/// What a key asks of the desk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeskAction {
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    /// Screen n (0: filings, 1: ranking, 2: reconsiderations).
    Screen(u8),
    NextScreen,
    PrevPeriod,
    NextPeriod,
    /// Enter: a filing's details, a branch's ranking.
    Open,
    Sort,
    Search,
    Publish,
    Receive,
    FileReview,
    Uphold,
    Dismiss,
    Export,
    Back,
    Help,
    Quit,
}

fn screen(n: u8) -> DeskAction {
    DeskAction::Screen(n)
}

/// Keys on every desk screen.
pub const GLOBAL: &[Binding<DeskAction>] = &[
    on(
        &[code(KeyCode::Up), ch('k')],
        DeskAction::Up,
        |t| t.k_up,
        Show::Help,
    ),
    on(
        &[code(KeyCode::Down), ch('j')],
        DeskAction::Down,
        |t| t.k_down,
        Show::Help,
    ),
    on(
        &[code(KeyCode::PageUp), ctrl('u')],
        DeskAction::PageUp,
        |t| t.k_page_up,
        Show::Help,
    ),
    on(
        &[code(KeyCode::PageDown), ctrl('d')],
        DeskAction::PageDown,
        |t| t.k_page_down,
        Show::Help,
    ),
    on(
        &[code(KeyCode::Home), ch('g')],
        DeskAction::Top,
        |t| t.k_top,
        Show::Help,
    ),
    on(
        &[code(KeyCode::End), ch('G')],
        DeskAction::Bottom,
        |t| t.k_bottom,
        Show::Help,
    ),
    nth(
        &[ch('1'), ch('2'), ch('3')],
        screen,
        "1-3",
        |t| t.desk.k_screens,
        Show::Help,
    ),
    on(
        &[code(KeyCode::Tab)],
        DeskAction::NextScreen,
        |t| t.desk.k_next_screen,
        Show::Footer,
    ),
    on(
        &[ch('['), code(KeyCode::Left)],
        DeskAction::PrevPeriod,
        |t| t.desk.k_prev_period,
        Show::Footer,
    )
    .short("["),
    on(
        &[ch(']'), code(KeyCode::Right)],
        DeskAction::NextPeriod,
        |t| t.desk.k_next_period,
        Show::Footer,
    )
    .short("]"),
    on(
        &[ch('P')],
        DeskAction::Publish,
        |t| t.desk.k_publish,
        Show::Footer,
    ),
    on(
        &[ch('r')],
        DeskAction::Receive,
        |t| t.desk.k_receive,
        Show::Footer,
    ),
    on(
        &[code(KeyCode::Esc)],
        DeskAction::Back,
        |t| t.k_back,
        Show::Help,
    ),
    on(
        &[ch('?'), code(KeyCode::F(1))],
        DeskAction::Help,
        |t| t.k_help,
        Show::Pinned,
    ),
    on(&[ch('q')], DeskAction::Quit, |t| t.k_quit, Show::Pinned),
    on(
        &[ctrl('c'), ctrl('q')],
        DeskAction::Quit,
        |t| t.k_quit,
        Show::Help,
    ),
];

/// The filings screen's keys.
pub const FILINGS: &[Binding<DeskAction>] = &[
    on(
        &[code(KeyCode::Enter)],
        DeskAction::Open,
        |t| t.desk.k_detail,
        Show::Footer,
    ),
    on(
        &[ch('s')],
        DeskAction::Sort,
        |t| t.desk.k_sort,
        Show::Footer,
    ),
    on(
        &[ch('/')],
        DeskAction::Search,
        |t| t.desk.k_search,
        Show::Footer,
    ),
    on(
        &[ch('n')],
        DeskAction::FileReview,
        |t| t.desk.k_file,
        Show::Help,
    ),
];

/// The ranking screen's keys.
pub const RANKING: &[Binding<DeskAction>] = &[
    on(
        &[code(KeyCode::Enter)],
        DeskAction::Open,
        |t| t.desk.k_branch,
        Show::Footer,
    ),
    on(
        &[ch('/')],
        DeskAction::Search,
        |t| t.desk.k_search,
        Show::Footer,
    ),
];

/// A branch's ranking's keys.
pub const BRANCH: &[Binding<DeskAction>] = &[
    on(
        &[ch('n')],
        DeskAction::FileReview,
        |t| t.desk.k_file,
        Show::Footer,
    ),
    on(
        &[code(KeyCode::Esc)],
        DeskAction::Back,
        |t| t.k_back,
        Show::Footer,
    ),
];

/// The reconsiderations screen's keys.
pub const REVIEWS: &[Binding<DeskAction>] = &[
    on(
        &[ch('n')],
        DeskAction::FileReview,
        |t| t.desk.k_file,
        Show::Footer,
    ),
    on(
        &[ch('a')],
        DeskAction::Uphold,
        |t| t.desk.k_uphold,
        Show::Footer,
    ),
    on(
        &[ch('d')],
        DeskAction::Dismiss,
        |t| t.desk.k_dismiss,
        Show::Footer,
    ),
    on(
        &[ch('e')],
        DeskAction::Export,
        |t| t.desk.k_export,
        Show::Footer,
    ),
];

/// A filing's details popup and the receipt's summary: any of these closes it.
pub const POPUP: &[Binding<()>] = &[on(
    &[code(KeyCode::Esc), code(KeyCode::Enter), ch('q')],
    (),
    |t| t.desk.k_close,
    Show::Footer,
)
.short("Esc")];

/// While a receipt runs: these keys leave the desk (what was received
/// stays, each file whole or not at all); every other key waits.
pub const RECEIVING: &[Binding<()>] =
    &[on(&[ctrl('c')], (), |t| t.desk.k_leave, Show::Footer).short("Ctrl-C")];

/// Which desk screen, without its state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeskKind {
    Filings,
    Ranking,
    Branch,
    Reviews,
}

impl DeskKind {
    /// Every desk screen, for the help and the README.
    pub const ALL: [DeskKind; 4] = [
        DeskKind::Filings,
        DeskKind::Ranking,
        DeskKind::Branch,
        DeskKind::Reviews,
    ];

    /// The screen's own keys (the shared ones are [`GLOBAL`]).
    pub fn keys(self) -> &'static [Binding<DeskAction>] {
        match self {
            DeskKind::Filings => FILINGS,
            DeskKind::Ranking => RANKING,
            DeskKind::Branch => BRANCH,
            DeskKind::Reviews => REVIEWS,
        }
    }

    /// The screen's name for the header and the help.
    pub fn title(self, t: &'static Strings) -> &'static str {
        match self {
            DeskKind::Filings => t.desk.filings,
            DeskKind::Ranking => t.desk.ranking,
            DeskKind::Branch => t.desk.branch_ranking,
            DeskKind::Reviews => t.desk.reviews,
        }
    }
}

/// The action a key means on a desk screen: its own list first, then the shared one.
pub fn action_for(kind: DeskKind, key: &KeyEvent) -> Option<DeskAction> {
    lookup(kind.keys(), key).or_else(|| lookup(GLOBAL, key))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyModifiers;

    /// Every key a desk screen lists does there what its line says, and
    /// every shared key does so where the screen does not take it.
    #[test]
    fn every_listed_key_does_what_its_line_says() {
        for kind in DeskKind::ALL {
            let own = |k: &crate::tui::console::keymap::Key| {
                kind.keys().iter().any(|b| b.keys.contains(k))
            };
            for (b, mine) in kind
                .keys()
                .iter()
                .map(|b| (b, true))
                .chain(GLOBAL.iter().map(|b| (b, false)))
            {
                for (i, k) in b.keys.iter().enumerate() {
                    if !mine && own(k) {
                        continue;
                    }
                    let m = if k.ctrl {
                        KeyModifiers::CONTROL
                    } else {
                        KeyModifiers::NONE
                    };
                    let want = match b.act {
                        crate::tui::console::keymap::Act::Do(a) => a,
                        crate::tui::console::keymap::Act::Nth(f) => f(i as u8),
                    };
                    let got = action_for(kind, &KeyEvent::new(k.code, m));
                    assert_eq!(got, Some(want), "{kind:?}: {}", k.name());
                }
            }
        }
    }
}
