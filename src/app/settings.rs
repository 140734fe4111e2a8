//! Branch settings: the keys `jifen set` takes, the values each allows, and
//! how the grading ones lay over the scheme.

use crate::domain::scheme::{Scheme, TieRule, MAX_PROCESS_DAYS};
use serde_json::Value;

/// The settings a branch may set.
pub const KEYS: &[&str] = &[
    "excellent_quota",
    "quota_ties",
    "publication_days",
    "appeal_reply_days",
    "reconsider_days",
    "contact",
];

/// The longest contact for objections (`contact`), in characters.
pub const CONTACT_MAX: usize = 60;

/// A setting refused, with what was given.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SettingError {
    #[error("unknown setting '{key}' (settings: {})", KEYS.join(", "))]
    Unknown { key: String },
    #[error("{key} is a share above 0 and at most 1 (0.2 is 20%), got {value}")]
    Share { key: String, value: Value },
    #[error("{key} is a whole number of days from 1 to {MAX_PROCESS_DAYS}, got {value}")]
    Days { key: String, value: Value },
    #[error("quota_ties is 'all' (a tie at a quota's edge is in whole) or 'none' (none of the tie), got {value}")]
    Ties { value: Value },
    #[error("contact is a person to object to, 1 to {CONTACT_MAX} characters on one line (e.g. \"组织委员 王五 138xxxx\"), got {value}")]
    Contact { value: Value },
}

/// Whether a setting's value is text as given (a contact may be all digits).
pub fn is_text(key: &str) -> bool {
    key == "contact"
}

/// A setting's value as typed on the command line: text for the text
/// settings, else JSON where it parses (`0.2`, `5`) and text otherwise.
pub fn parse_value(key: &str, raw: &str) -> Value {
    if is_text(key) {
        return Value::String(raw.trim().to_string());
    }
    serde_json::from_str(raw).unwrap_or_else(|_| Value::String(raw.to_string()))
}

/// The branch's contact for objections, if one is set.
pub fn contact(settings: &Value) -> Option<&str> {
    settings
        .get("contact")
        .and_then(Value::as_str)
        .filter(|s| !s.trim().is_empty())
}

/// Check a setting's key and value before it is recorded.
pub fn check(key: &str, value: &Value) -> Result<(), SettingError> {
    let ok = match key {
        "excellent_quota" => value.as_f64().is_some_and(|q| q > 0.0 && q <= 1.0),
        "quota_ties" => value.as_str().is_some_and(|s| s.parse::<TieRule>().is_ok()),
        "publication_days" | "appeal_reply_days" | "reconsider_days" => value
            .as_u64()
            .is_some_and(|d| (1..=u64::from(MAX_PROCESS_DAYS)).contains(&d)),
        "contact" => value.as_str().is_some_and(|s| {
            let n = s.trim().chars().count();
            (1..=CONTACT_MAX).contains(&n) && !s.chars().any(char::is_control)
        }),
        _ => return Err(SettingError::Unknown { key: key.into() }),
    };
    if ok {
        return Ok(());
    }
    let (key, value) = (key.to_string(), value.clone());
    Err(match key.as_str() {
        "excellent_quota" => SettingError::Share { key, value },
        "quota_ties" => SettingError::Ties { value },
        "contact" => SettingError::Contact { value },
        _ => SettingError::Days { key, value },
    })
}

/// A setting's value typed as a number that is not finite (`inf`, `nan`,
/// `1e400`: the CLI hands them over as text), naming the setting.
pub fn not_finite(key: &str, value: &Value) -> Option<crate::domain::number::NotFinite> {
    let field = KEYS.iter().find(|k| **k == key)?;
    crate::domain::number::non_finite_text(field, value.as_str()?)
}

/// Lay the branch's grading settings (excellent quota, tie rule) over its scheme.
pub fn apply(scheme: &mut Scheme, settings: &Value) {
    if let Some(q) = settings.get("excellent_quota").and_then(Value::as_f64) {
        for g in scheme.grades.iter_mut().filter(|g| g.quota.is_some()) {
            g.quota = Some(q);
        }
    }
    if let Some(rule) = settings
        .get("quota_ties")
        .and_then(Value::as_str)
        .and_then(|s| s.parse::<TieRule>().ok())
    {
        scheme.quota_ties = rule;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn values_are_checked_per_key() {
        // (key, value, accepted)
        let cases = [
            ("quota_ties", json!("all"), true),
            ("quota_ties", json!("none"), true),
            ("quota_ties", json!("some"), false),
            ("quota_ties", json!(1), false),
            ("excellent_quota", json!(0.2), true),
            ("excellent_quota", json!(1), true),
            ("excellent_quota", json!(0), false),
            ("excellent_quota", json!(20), false),
            ("excellent_quota", json!("20%"), false),
            ("publication_days", json!(5), true),
            ("publication_days", json!(0), false),
            ("publication_days", json!(2.5), false),
            ("colour", json!("red"), false),
            ("contact", json!("组织委员 王五 138xxxx"), true),
            ("contact", json!("  "), false),
            ("contact", json!("王五\n138"), false),
            ("contact", json!("王".repeat(CONTACT_MAX + 1)), false),
            ("contact", json!(13800138000u64), false),
        ];
        for (key, value, accepted) in cases {
            assert_eq!(check(key, &value).is_ok(), accepted, "{key} = {value}");
        }
    }

    #[test]
    fn a_contact_stays_text_even_when_all_digits() {
        assert_eq!(
            parse_value("contact", " 13800138000 "),
            json!("13800138000")
        );
        assert_eq!(parse_value("publication_days", "5"), json!(5));
        assert_eq!(contact(&json!({"contact": "王五"})), Some("王五"));
        assert_eq!(contact(&json!({})), None);
    }

    #[test]
    fn tie_rule_and_quota_lay_over_the_scheme() {
        let mut s = Scheme::builtin("bureau-80").expect("built-in").0;
        assert_eq!(s.quota_ties, TieRule::All);
        apply(
            &mut s,
            &json!({"quota_ties": "none", "excellent_quota": 0.3}),
        );
        assert_eq!(s.quota_ties, TieRule::None);
        assert_eq!(s.grade("excellent").and_then(|g| g.quota), Some(0.3));
    }
}
