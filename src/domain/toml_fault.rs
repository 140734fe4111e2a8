//! Where a TOML file (a scheme, a holiday list) fails to read: line, column
//! and the parser's own note (kept for English; Chinese words say the kind).

/// A TOML file that does not read, located in its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TomlFault {
    /// 1-based line of the fault (0 when the parser gave no place).
    pub line: usize,
    /// 1-based column, in characters, of the fault (0 when unknown).
    pub column: usize,
    /// What kind of fault it is.
    pub kind: TomlKind,
    /// The parser's own one-line note (English; for English readers and logs).
    pub note: String,
}

/// The kind of a TOML fault, as far as the parser tells it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TomlKind {
    /// Not TOML at all here (a missing quote, a stray character).
    Syntax,
    /// A key the file's format does not have.
    UnknownField { field: String },
    /// A key the file's format needs and the file lacks.
    MissingField { field: String },
    /// A value of the wrong type (text where a number belongs...).
    WrongType,
}

impl TomlFault {
    /// The fault `e` found in `text`.
    pub fn of(text: &str, e: &toml::de::Error) -> TomlFault {
        let (line, column) = e
            .span()
            .map(|s| line_and_column(text, s.start))
            .unwrap_or((0, 0));
        let note = e.message().trim().to_string();
        TomlFault {
            line,
            column,
            kind: kind_of(&note),
            note,
        }
    }
}

/// 1-based line and column (in characters) of byte `offset` of `text`.
pub fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let mut at = offset.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[start..].chars().count() + 1)
}

/// The kind the parser's note tells: serde's notes are the only place the
/// toml crate says which field is unknown or missing.
/// The kind of fault a toml parser's note tells.
pub fn kind_of(note: &str) -> TomlKind {
    let quoted = |rest: &str| {
        rest.split('`')
            .nth(1)
            .map(str::to_string)
            .unwrap_or_default()
    };
    if let Some(rest) = note.strip_prefix("unknown field") {
        TomlKind::UnknownField {
            field: quoted(rest),
        }
    } else if let Some(rest) = note.strip_prefix("missing field") {
        TomlKind::MissingField {
            field: quoted(rest),
        }
    } else if note.starts_with("invalid type") || note.starts_with("invalid value") {
        TomlKind::WrongType
    } else {
        TomlKind::Syntax
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fault_is_placed_by_line_and_column() {
        let text = "a = 1\nb = \"open\n";
        let e = toml::from_str::<toml::Table>(text).expect_err("unterminated");
        let f = TomlFault::of(text, &e);
        assert_eq!(f.line, 2);
        assert!(f.column >= 5, "{f:?}");
        assert_eq!(f.kind, TomlKind::Syntax);
        assert_eq!(line_and_column("积分\n分", 7), (2, 1));
    }

    #[test]
    fn unknown_and_missing_fields_are_named() {
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct F {
            name: String,
        }
        let e = toml::from_str::<F>("nam = 1\n").expect_err("unknown");
        let kind = TomlFault::of("nam = 1\n", &e).kind;
        assert_eq!(
            kind,
            TomlKind::UnknownField {
                field: "nam".into()
            }
        );
        let e = toml::from_str::<F>("").expect_err("missing");
        assert_eq!(
            TomlFault::of("", &e).kind,
            TomlKind::MissingField {
                field: "name".into()
            }
        );
    }
}
