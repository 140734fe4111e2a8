//! Why a theme file (the board's and console's colours) could not be used:
//! typed, so each front end says it in the reader's language.

use super::toml_fault::TomlKind;

/// Why a theme could not be loaded. Its `Display` is the English words.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ThemeError {
    /// No shipped theme by that name and no such file.
    #[error("unknown theme '{name}' (shipped: {shipped}; or give a path to a .toml file)")]
    Unknown { name: String, shipped: String },
    /// The file would not read (`detail`: the system's words).
    #[error("{file}: {detail}")]
    Io {
        file: String,
        kind: std::io::ErrorKind,
        detail: String,
    },
    /// The file reads but says something wrong at `line`, in `field`.
    #[error("{file}:{line}: {field}: {reason}")]
    Invalid {
        file: String,
        line: usize,
        field: String,
        reason: ThemeReason,
    },
}

/// What is wrong in a theme file, at the place its error names.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ThemeReason {
    /// Not TOML, or not a theme's keys (`note`: the parser's English).
    #[error("{note}")]
    Toml { kind: TomlKind, note: String },
    /// `inherit` leads back to a theme already in the chain.
    #[error("inheritance loops")]
    InheritLoop,
    /// `inherit` names no shipped theme and no file beside this one.
    #[error("no theme named '{name}' to inherit")]
    NoParent { name: String },
    /// Not a palette name, a colour name, `#rrggbb` or 0-255.
    #[error("'{given}' is not a colour (a palette name, a colour name like 'yellow', '#rrggbb' or 0-255)")]
    BadColour { given: String },
    /// `pixel` is not one narrow character.
    #[error("must be one narrow character, like \"#\"")]
    Pixel,
}
