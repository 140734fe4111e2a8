//! Key lists: each screen and overlay lists its keys once (keys, action,
//! label id in the catalogue, where it shows), and the console routes keys,
//! draws the footer and the `?` help, and writes the README's key table
//! from those lists.

use crate::i18n::Strings;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// One key as a list names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

/// A character key.
pub const fn ch(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: false,
    }
}

/// A named key (Enter, Esc, arrows...).
pub const fn code(c: KeyCode) -> Key {
    Key {
        code: c,
        ctrl: false,
    }
}

/// A character with Ctrl held.
pub const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}

impl Key {
    /// Whether a key event is this key (Shift is part of the character).
    pub fn matches(self, e: &KeyEvent) -> bool {
        e.modifiers.contains(KeyModifiers::CONTROL) == self.ctrl && e.code == self.code
    }

    /// How the key is written in the footer, the help and the README.
    pub fn name(self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) if self.ctrl => c.to_ascii_uppercase().to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Up => "Up".into(),
            KeyCode::Down => "Down".into(),
            KeyCode::Left => "Left".into(),
            KeyCode::Right => "Right".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        if self.ctrl {
            format!("Ctrl-{base}")
        } else {
            base
        }
    }
}

/// What a binding does: one action, or the n-th of a family (keys `1`..`6`
/// open step n: the action is made from the index of the key pressed).
#[derive(Debug, Clone, Copy)]
pub enum Act<A: 'static> {
    Do(A),
    Nth(fn(u8) -> A),
}

/// Where a binding is shown besides the `?` help.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Show {
    /// Always in the footer, at its end, whatever the width (`?`, `q`).
    Pinned,
    /// In the footer while there is room, in list order.
    Footer,
    /// Only in the help.
    Help,
}

/// One line of a key list.
#[derive(Debug, Clone, Copy)]
pub struct Binding<A: 'static> {
    pub keys: &'static [Key],
    pub act: Act<A>,
    /// The label's id in the catalogue.
    pub label: fn(&'static Strings) -> &'static str,
    /// What the footer writes for the keys (`1-6`, `n/p`); `None`: the first key.
    pub short: Option<&'static str>,
    pub show: Show,
}

/// A binding of keys to one action, shown `show`.
pub const fn bind<A: Copy>(
    keys: &'static [Key],
    a: A,
    label: fn(&'static Strings) -> &'static str,
    show: Show,
) -> Binding<A> {
    Binding {
        keys,
        act: Act::Do(a),
        label,
        short: None,
        show,
    }
}

/// A family of keys (`1`..`6`), the n-th giving `f(n)`; `short` names them all.
pub const fn nth<A: Copy>(
    keys: &'static [Key],
    f: fn(u8) -> A,
    short: &'static str,
    label: fn(&'static Strings) -> &'static str,
    show: Show,
) -> Binding<A> {
    Binding {
        keys,
        act: Act::Nth(f),
        label,
        short: Some(short),
        show,
    }
}

impl<A: Copy> Binding<A> {
    /// The same binding, its keys written `s` in the footer.
    pub const fn short(mut self, s: &'static str) -> Self {
        self.short = Some(s);
        self
    }

    /// The action this binding gives for a key event, if the key is one of its keys.
    pub fn action_for(&self, e: &KeyEvent) -> Option<A> {
        let i = self.keys.iter().position(|k| k.matches(e))?;
        Some(match self.act {
            Act::Do(a) => a,
            Act::Nth(f) => f(u8::try_from(i).unwrap_or(u8::MAX)),
        })
    }

    /// An action this binding can give (the first of a family).
    pub fn some_action(&self) -> A {
        match self.act {
            Act::Do(a) => a,
            Act::Nth(f) => f(0),
        }
    }

    /// The keys as the footer writes them.
    pub fn short_keys(&self) -> String {
        match (self.short, self.keys.first()) {
            (Some(s), _) => s.to_string(),
            (None, Some(k)) => k.name(),
            (None, None) => String::new(),
        }
    }

    /// Every key of the binding, as the help and the README write them.
    pub fn all_keys(&self) -> String {
        match (self.short, &self.act) {
            (Some(s), Act::Nth(_)) => s.to_string(),
            _ => self
                .keys
                .iter()
                .map(|k| k.name())
                .collect::<Vec<_>>()
                .join(" "),
        }
    }
}

/// The action a list gives a key event, first binding first.
pub fn lookup<A: Copy>(list: &[Binding<A>], e: &KeyEvent) -> Option<A> {
    list.iter().find_map(|b| b.action_for(e))
}

/// A footer or help line: the keys as written, and their label.
pub type Hint = (String, &'static str);

/// A list's keys as (keys, label) pairs for the help and the README.
pub fn describe<A: Copy>(list: &[Binding<A>], t: &'static Strings) -> Vec<Hint> {
    list.iter().map(|b| (b.all_keys(), (b.label)(t))).collect()
}

/// A list's footer hints: the `Footer` ones in order, then the `Pinned` ones.
pub fn hints<A: Copy>(
    list: &[Binding<A>],
    t: &'static Strings,
    keep: impl Fn(&Binding<A>) -> bool,
) -> (Vec<Hint>, Vec<Hint>) {
    let pick = |show: Show| {
        list.iter()
            .filter(|b| b.show == show && keep(b))
            .map(|b| (b.short_keys(), (b.label)(t)))
            .collect::<Vec<_>>()
    };
    (pick(Show::Footer), pick(Show::Pinned))
}

/// An overlay's own hint line, drawn inside it: each run of bindings that
/// share a label once, their keys joined by `/` (`Left/Right format`);
/// runs shown only in the help are left out.
pub fn popup_hints<A: Copy>(list: &[Binding<A>], t: &'static Strings) -> Vec<Hint> {
    let mut out: Vec<(String, &'static str, bool)> = Vec::new();
    for b in list {
        let (keys, label, shown) = (b.short_keys(), (b.label)(t), b.show != Show::Help);
        match out.last_mut() {
            Some((k, l, s)) if *l == label => {
                k.push('/');
                k.push_str(&keys);
                *s |= shown;
            }
            _ => out.push((keys, label, shown)),
        }
    }
    out.into_iter()
        .filter(|(_, _, shown)| *shown)
        .map(|(k, l, _)| (k, l))
        .collect()
}
