//! What a Chinese reader must not meet: English words in text meant for them.
//!
//! A word is a run of 3 or more ASCII letters. Allowed: item codes and file
//! names (a token with `.`, `/` or `_` in it, `work.speech`, `t.sqlite`), flags
//! (`--reason`), hex seals and hashes, anything in backticks (a command to
//! type) or 「」 (a person's own input quoted back), and the few words of
//! [`ALLOWED`].

/// Words a Chinese reader may meet as they are: the program's and its
/// formats' names, the keys of the keyboard, and units.
pub const ALLOWED: &[&str] = &[
    "jifen", // the program's name, as typed
    "jif",
    "jife", // the same, cut short where an overlay covers the screen
    "csv",
    "xlsx",
    "html",
    "json",
    "toml", // formats, as typed after --format
    "Tab",
    "Esc",
    "Enter",
    "Space",
    "PgUp",
    "PgDn",
    "Ctrl",
    "Backspace",
    "Down",
    "Left",
    "Right",
    "Home",
    "End",
    "inf",
    "NaN",   // a number as the user typed it
    "Shift", // keys
    "unit",
    "county",
    "city",
    "province",
    "national", // level codes, as typed after --level
    "pid",      // a process id, printed beside its number
];

/// AWAITING TYPED ERRORS: English that still reaches a Chinese reader only
/// because the core words it itself (an untyped `CoreError::User`, a scheme
/// file's or an import's error, a raw SQLite or TOML message). A line holding
/// one of these exact pieces, and the lines after it, are let pass; each goes away when its error is
/// typed and worded in `src/i18n/`. Nothing else belongs here.
pub const AWAITING_TYPED_ERRORS: &[&str] = &[
    // app: CoreError::User
    "is open: appeals are filed after the lock",
    "posts a correction",
    " has no action '",
    "unknown category '",
    "count must be from 1 to",
    "no claim ",
    "may not hold control characters",
    "act date ",
    "is a share above 0 and at most 1",
    "has no item '",
    "cannot lock ",
    "has no level '",
    "quota_ties is 'all'",
    "restoring would discard",
    "no such database; the room display shows",
    "no such database; run `jifen init`",
    "the publication window runs until",
    "no member '",
    "matches no lock in this file",
    "holds the database; close it before restoring",
    "is a whole number of days from 1 to 60",
    "is not in scheme ",
    "unknown setting '",
    // domain: a period id's parse error
    "bad period '",
    "the file is empty, not a jifen database",
    // import (the row and column are already in Chinese)
    "duplicate row (same as line",
    "is not a finite number",
    "name is empty",
    "not UTF-8 text",
    "outside the bounds of",
    "fields as in the header",
    "unknown item '",
    "unknown member '",
    "wrong header '",
    "uses a cell at row",
    "bytes long (at most",
    "duplicate member '",
    "is not a number",
    "cannot read spreadsheet",
    "bad date '",
    " needs a level (",
    "a rejected claim needs a reason",
    // any other import row's message after its Chinese row and column
    "」列: ",
    "is not a whole number",
    "do not match item '",
    // a scheme item's allowed points (domain text)
    " per occurrence",
    // scheme files
    "duplicate item code",
    "is not defined (parts:",
    "has a negative bonus_cap",
    "unknown field `",
    "is beyond any figure a scheme sets",
    "must be a finite number (not inf or nan)",
    // any other scheme file check, after its file, line and field
    ": field '",
    // the calendar's holiday files
    "is not a range of at most a month",
    "expected nothing",
    // raw messages of SQLite, TOML and the system
    "file is not a database",
    "TOML parse error",
    "stream did not contain valid UTF-8",
    "backup failed: ",
];

/// The English words in `text`, each with the line it is on.
pub fn english_words(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in text.lines() {
        // The rest of such a message (a TOML error's quoted lines) goes with it.
        if AWAITING_TYPED_ERRORS.iter().any(|m| line.contains(m)) {
            break;
        }
        for word in words_of(&strip_quoted(line)) {
            found.push(format!("{word:?} in {:?}", line.trim()));
        }
    }
    found
}

/// `line` with backticked and 「」-quoted spans removed.
fn strip_quoted(line: &str) -> String {
    let mut out = String::new();
    let mut in_tick = false;
    let mut depth = 0usize;
    for c in line.chars() {
        match c {
            '`' => in_tick = !in_tick,
            '「' => depth += 1,
            '」' => depth = depth.saturating_sub(1),
            _ if in_tick || depth > 0 => {}
            _ => out.push(c),
        }
    }
    out
}

fn words_of(line: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut in_command = false;
    for token in line.split(|c: char| c.is_whitespace() || !c.is_ascii()) {
        // `jifen verify --seal X` on a paper: a command to type, up to the next Chinese word.
        if token == "jifen" {
            in_command = true;
        } else if token.is_empty() {
            in_command = false;
        }
        if in_command {
            continue;
        }
        let token = token.trim_matches(|c: char| ",;:()[]{}!?'\"<>=+*#|".contains(c));
        if token.is_empty()
            || token.starts_with('-')
            || token.contains(['.', '/', '_', '\\', '@'])
            || (token.len() >= 8 && token.chars().all(|c| c.is_ascii_hexdigit()))
        {
            continue;
        }
        for run in token.split(|c: char| !c.is_ascii_alphabetic()) {
            if run.len() >= 3 && !ALLOWED.contains(&run) && !is_scheme_id(token) {
                found.push(run.to_string());
            }
        }
    }
    found
}

/// A built-in scheme's id (`bureau-80`, `village-tiered`): an id, as typed.
fn is_scheme_id(token: &str) -> bool {
    jifen::domain::scheme::BUILTIN
        .iter()
        .any(|(id, _)| *id == token)
}

/// Panic when `text`, shown to a Chinese reader as `what`, has English words.
pub fn assert_chinese(what: &str, text: &str) {
    let found = english_words(text);
    assert!(
        found.is_empty(),
        "{what}: English words in a Chinese text:\n  {}\n--- text ---\n{text}",
        found.join("\n  ")
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_is_found_and_codes_pass() {
        assert!(english_words("调整须填写理由 (--reason)").is_empty());
        assert!(english_words("「Bob」不在名册中; 运行 `jifen period open 2026Q4`").is_empty());
        assert!(english_words("事项 work.speech 封存码 3f9a0c1d2e4b").is_empty());
        assert_eq!(english_words("adjust needs a reason").len(), 3);
        assert_eq!(english_words("期次 2026Q4 is locked").len(), 1);
        assert!(english_words("可选: bureau-80, twelve-point").is_empty());
        assert!(english_words("jifen: cannot lock 2026Q1: 1 claim(s) still undecided").is_empty());
    }
}
