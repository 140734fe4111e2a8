//! Themes for both terminal views: TOML files that name semantic roles
//! (title, header, bonus, deduction, ...), not raw colours.
//!
//! A theme file has an optional `inherit = "NAME"`, a `[palette]` of named
//! colours and a `[styles]` table with one inline table per role:
//! `title = { fg = "accent", bg = "#000000", bold = true }`. Roles a theme
//! leaves out come from the theme it inherits (or the built-in fallback);
//! palette entries are merged before colours are resolved, so a child may
//! recolour its parent by redefining a palette name. A broken file is refused
//! whole, with file, line and field.

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// Themes shipped in the binary: (name, file text).
pub const SHIPPED: &[(&str, &str)] = &[
    (
        "default",
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/themes/default.toml")),
    ),
    (
        "projector-dark",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/themes/projector-dark.toml"
        )),
    ),
    (
        "projector-light",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/themes/projector-light.toml"
        )),
    ),
    (
        "high-contrast",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/themes/high-contrast.toml"
        )),
    ),
];

/// A semantic role a view draws with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// The whole screen's background and plain text.
    Base,
    Title,
    Header,
    Selected,
    Bonus,
    Deduction,
    Warning,
    Provisional,
    RankUp,
    RankDown,
    Muted,
    /// Block letters: the foreground colour paints the "pixels".
    Big,
}

impl Role {
    pub const ALL: [Role; 12] = [
        Role::Base,
        Role::Title,
        Role::Header,
        Role::Selected,
        Role::Bonus,
        Role::Deduction,
        Role::Warning,
        Role::Provisional,
        Role::RankUp,
        Role::RankDown,
        Role::Muted,
        Role::Big,
    ];

    /// The role's key in a theme file.
    pub fn key(self) -> &'static str {
        match self {
            Role::Base => "base",
            Role::Title => "title",
            Role::Header => "header",
            Role::Selected => "selected",
            Role::Bonus => "bonus",
            Role::Deduction => "deduction",
            Role::Warning => "warning",
            Role::Provisional => "provisional",
            Role::RankUp => "rank_up",
            Role::RankDown => "rank_down",
            Role::Muted => "muted",
            Role::Big => "big",
        }
    }

    fn index(self) -> usize {
        Role::ALL.iter().position(|r| *r == self).unwrap_or(0)
    }
}

/// A loaded theme: one style per role.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub name: String,
    /// Symbol that paints block letters: None draws background-coloured
    /// spaces (no font needed); a theme may set e.g. `pixel = "#"`.
    pub pixel: Option<String>,
    styles: [Style; 12],
}

pub use crate::domain::theme_fault::{ThemeError, ThemeReason};

impl Default for Theme {
    fn default() -> Theme {
        Theme::shipped("default").unwrap_or_else(|_| Theme::fallback())
    }
}

impl Theme {
    /// The style of a role.
    pub fn style(&self, role: Role) -> Style {
        self.styles[role.index()]
    }

    /// The colour that paints block letters.
    pub fn big_colour(&self) -> Color {
        self.style(Role::Big)
            .fg
            .or(self.style(Role::Base).fg)
            .unwrap_or(Color::White)
    }

    /// Names of the shipped themes.
    pub fn shipped_names() -> Vec<&'static str> {
        SHIPPED.iter().map(|(n, _)| *n).collect()
    }

    /// A shipped theme by name.
    pub fn shipped(name: &str) -> Result<Theme, ThemeError> {
        let text = shipped_text(name).ok_or_else(|| unknown(name))?;
        Theme::parse(&format!("themes/{name}.toml"), text, None)
    }

    /// A shipped theme by name, or a theme file by path.
    pub fn load(name_or_path: &str) -> Result<Theme, ThemeError> {
        if shipped_text(name_or_path).is_some() {
            return Theme::shipped(name_or_path);
        }
        let path = Path::new(name_or_path);
        if path.extension().is_some_and(|e| e == "toml") || path.exists() {
            return Theme::load_file(path);
        }
        Err(unknown(name_or_path))
    }

    /// Load a theme file from disk; `inherit` finds shipped themes or files beside it.
    pub fn load_file(path: &Path) -> Result<Theme, ThemeError> {
        let file = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| ThemeError::Io {
            file: file.clone(),
            kind: e.kind(),
            detail: e.to_string(),
        })?;
        Theme::parse(&file, &text, path.parent())
    }

    /// Parse a theme's text; `origin` names it in errors, `dir` is where inherited files are looked up.
    pub fn parse(origin: &str, text: &str, dir: Option<&Path>) -> Result<Theme, ThemeError> {
        let mut chain = vec![Source::parse(origin, text)?];
        while let Some(parent) = chain.last().and_then(|s| s.raw.inherit.clone()) {
            let child = chain.last().map(|s| s.file.clone()).unwrap_or_default();
            let child_text = chain.last().map(|s| s.text.clone()).unwrap_or_default();
            let name = parent.get_ref().clone();
            if chain.len() > 8 || chain.iter().any(|s| s.name == name) {
                return Err(invalid(
                    &child,
                    &child_text,
                    parent.span(),
                    "inherit",
                    ThemeReason::InheritLoop,
                ));
            }
            let next = match shipped_text(&name) {
                Some(t) => Source::parse(&format!("themes/{name}.toml"), t)?,
                None => {
                    let path: Option<PathBuf> = dir.map(|d| d.join(format!("{name}.toml")));
                    match path
                        .as_ref()
                        .and_then(|p| std::fs::read_to_string(p).ok().map(|t| (p, t)))
                    {
                        Some((p, t)) => Source::parse(&p.display().to_string(), &t)?,
                        None => {
                            return Err(invalid(
                                &child,
                                &child_text,
                                parent.span(),
                                "inherit",
                                ThemeReason::NoParent { name },
                            ))
                        }
                    }
                }
            };
            chain.push(next);
        }
        resolve(origin, &chain)
    }

    /// The built-in styles used for roles no theme in a chain defines.
    fn fallback() -> Theme {
        let mut styles = [Style::default(); 12];
        styles[Role::Title.index()] = Style::default().add_modifier(Modifier::BOLD);
        styles[Role::Header.index()] = Style::default().add_modifier(Modifier::BOLD);
        styles[Role::Selected.index()] = Style::default().add_modifier(Modifier::REVERSED);
        styles[Role::Bonus.index()] = Style::default().fg(Color::Green);
        styles[Role::Deduction.index()] = Style::default().fg(Color::Red);
        styles[Role::Warning.index()] = Style::default()
            .fg(Color::Yellow)
            .add_modifier(Modifier::BOLD);
        styles[Role::Provisional.index()] = Style::default().fg(Color::Yellow);
        styles[Role::RankUp.index()] = Style::default()
            .fg(Color::Green)
            .add_modifier(Modifier::BOLD);
        styles[Role::RankDown.index()] =
            Style::default().fg(Color::Red).add_modifier(Modifier::BOLD);
        styles[Role::Muted.index()] = Style::default().fg(Color::Gray);
        styles[Role::Big.index()] = Style::default().fg(Color::White);
        Theme {
            name: "fallback".into(),
            pixel: None,
            styles,
        }
    }
}

fn shipped_text(name: &str) -> Option<&'static str> {
    SHIPPED.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
}

fn unknown(name: &str) -> ThemeError {
    ThemeError::Unknown {
        name: name.to_string(),
        shipped: Theme::shipped_names().join(", "),
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTheme {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    inherit: Option<Spanned<String>>,
    #[serde(default)]
    pixel: Option<Spanned<String>>,
    #[serde(default)]
    palette: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    styles: RawStyles,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawStyles {
    base: Option<RawStyle>,
    title: Option<RawStyle>,
    header: Option<RawStyle>,
    selected: Option<RawStyle>,
    bonus: Option<RawStyle>,
    deduction: Option<RawStyle>,
    warning: Option<RawStyle>,
    provisional: Option<RawStyle>,
    rank_up: Option<RawStyle>,
    rank_down: Option<RawStyle>,
    muted: Option<RawStyle>,
    big: Option<RawStyle>,
}

impl RawStyles {
    fn get(&self, role: Role) -> Option<&RawStyle> {
        match role {
            Role::Base => self.base.as_ref(),
            Role::Title => self.title.as_ref(),
            Role::Header => self.header.as_ref(),
            Role::Selected => self.selected.as_ref(),
            Role::Bonus => self.bonus.as_ref(),
            Role::Deduction => self.deduction.as_ref(),
            Role::Warning => self.warning.as_ref(),
            Role::Provisional => self.provisional.as_ref(),
            Role::RankUp => self.rank_up.as_ref(),
            Role::RankDown => self.rank_down.as_ref(),
            Role::Muted => self.muted.as_ref(),
            Role::Big => self.big.as_ref(),
        }
    }
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawStyle {
    fg: Option<Spanned<String>>,
    bg: Option<Spanned<String>>,
    #[serde(default)]
    bold: bool,
    #[serde(default)]
    italic: bool,
    #[serde(default)]
    underline: bool,
    #[serde(default)]
    reversed: bool,
}

/// One file of an inheritance chain.
struct Source {
    name: String,
    file: String,
    text: String,
    raw: RawTheme,
}

impl Source {
    fn parse(file: &str, text: &str) -> Result<Source, ThemeError> {
        let raw: RawTheme = toml::from_str(text).map_err(|e| {
            let span = e.span().unwrap_or(0..0);
            let mut field = field_at(text, span.start);
            if let Some(f) = backticked(e.message(), "unknown field `") {
                field = if field.is_empty() {
                    f
                } else {
                    format!("{field}.{f}")
                };
            }
            let note = e.message().trim().replace('\n', " ");
            ThemeError::Invalid {
                file: file.to_string(),
                line: line_of(text, span.start),
                field: if field.is_empty() {
                    "(file)".into()
                } else {
                    field
                },
                reason: ThemeReason::Toml {
                    kind: crate::domain::toml_fault::kind_of(&note),
                    note,
                },
            }
        })?;
        let name = Path::new(file)
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        Ok(Source {
            name: raw.name.clone().unwrap_or(name),
            file: file.to_string(),
            text: text.to_string(),
            raw,
        })
    }
}

fn resolve(origin: &str, chain: &[Source]) -> Result<Theme, ThemeError> {
    // Palette: parents first, children override.
    let mut palette: BTreeMap<String, Color> = BTreeMap::new();
    for src in chain.iter().rev() {
        for (k, v) in &src.raw.palette {
            let c = parse_colour(v.get_ref(), &BTreeMap::new()).ok_or_else(|| {
                invalid(
                    &src.file,
                    &src.text,
                    v.span(),
                    &format!("palette.{k}"),
                    bad_colour(v.get_ref()),
                )
            })?;
            palette.insert(k.clone(), c);
        }
    }
    let mut theme = Theme::fallback();
    theme.name = chain
        .first()
        .map(|s| s.name.clone())
        .unwrap_or_else(|| origin.to_string());
    if let Some((src, p)) = chain
        .iter()
        .find_map(|s| s.raw.pixel.as_ref().map(|p| (s, p)))
    {
        if crate::domain::text::width(p.get_ref()) != 1 {
            return Err(invalid(
                &src.file,
                &src.text,
                p.span(),
                "pixel",
                ThemeReason::Pixel,
            ));
        }
        theme.pixel = Some(p.get_ref().clone());
    }
    for role in Role::ALL {
        // The nearest file in the chain that defines the role wins.
        let Some((src, raw)) = chain
            .iter()
            .find_map(|s| s.raw.styles.get(role).map(|r| (s, r)))
        else {
            continue;
        };
        let mut style = Style::default();
        for (which, value) in [("fg", &raw.fg), ("bg", &raw.bg)] {
            if let Some(v) = value {
                let c = parse_colour(v.get_ref(), &palette).ok_or_else(|| {
                    invalid(
                        &src.file,
                        &src.text,
                        v.span(),
                        &format!("styles.{}.{which}", role.key()),
                        bad_colour(v.get_ref()),
                    )
                })?;
                style = if which == "fg" {
                    style.fg(c)
                } else {
                    style.bg(c)
                };
            }
        }
        for (on, m) in [
            (raw.bold, Modifier::BOLD),
            (raw.italic, Modifier::ITALIC),
            (raw.underline, Modifier::UNDERLINED),
            (raw.reversed, Modifier::REVERSED),
        ] {
            if on {
                style = style.add_modifier(m);
            }
        }
        theme.styles[role.index()] = style;
    }
    Ok(theme)
}

fn bad_colour(v: &str) -> ThemeReason {
    ThemeReason::BadColour {
        given: v.to_string(),
    }
}

fn parse_colour(v: &str, palette: &BTreeMap<String, Color>) -> Option<Color> {
    if let Some(c) = palette.get(v) {
        return Some(*c);
    }
    v.parse::<Color>().ok()
}

fn invalid(
    file: &str,
    text: &str,
    span: Range<usize>,
    field: &str,
    reason: ThemeReason,
) -> ThemeError {
    ThemeError::Invalid {
        file: file.to_string(),
        line: line_of(text, span.start),
        field: field.to_string(),
        reason,
    }
}

/// 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

/// The dotted key at the line of `offset`: the table header above it and the key on it.
fn field_at(text: &str, offset: usize) -> String {
    let line_no = line_of(text, offset);
    let mut section = String::new();
    let mut key = String::new();
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if i + 1 > line_no {
            break;
        }
        if t.starts_with('[') {
            section = t.trim_matches(|c| c == '[' || c == ']').trim().to_string();
            key.clear();
        }
        if i + 1 == line_no {
            if let Some((k, _)) = t.split_once('=') {
                key = k.trim().trim_matches('"').to_string();
            }
        }
    }
    match (section.is_empty(), key.is_empty()) {
        (true, _) => key,
        (false, true) => section,
        (false, false) => format!("{section}.{key}"),
    }
}

fn backticked(message: &str, after: &str) -> Option<String> {
    let rest = message.split_once(after)?.1;
    Some(rest.split_once('`')?.0.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_at_names_section_and_key() {
        let t = "name = \"x\"\n[styles]\ntitle = { fg = \"nope\" }\n";
        assert_eq!(field_at(t, t.find("nope").unwrap_or(0)), "styles.title");
        assert_eq!(line_of(t, t.find("nope").unwrap_or(0)), 3);
    }
}
