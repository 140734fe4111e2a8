//! Numbers a person types: every one jifen takes is finite. `inf`, `nan`
//! and a literal too large for a float (`1e400`, read as infinity) are
//! refused here, naming the field, before any bound is checked.

/// A number that is not finite (`inf`, `-inf`, `nan`, `1e400`), with the
/// field it was typed into (the flag, column or setting name).
#[derive(Debug, Clone, Copy, PartialEq, thiserror::Error)]
#[error("{field}: {value} is not a finite number")]
pub struct NotFinite {
    /// The field's name as the user wrote it: `points`, `excellent_quota`.
    pub field: &'static str,
    /// The value as read (infinite or NaN).
    pub value: f64,
}

/// `x` if it is finite, else the refusal naming `field`.
pub fn finite(field: &'static str, x: f64) -> Result<f64, NotFinite> {
    if x.is_finite() {
        Ok(x)
    } else {
        Err(NotFinite { field, value: x })
    }
}

/// A text that reads as a number but not a finite one (`inf`, `NaN`,
/// `1e400`), as the refusal naming `field`; `None` for any other text.
pub fn non_finite_text(field: &'static str, text: &str) -> Option<NotFinite> {
    let x = text.trim().parse::<f64>().ok()?;
    finite(field, x).err()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_finite_numbers_pass() {
        assert_eq!(finite("points", 1e308), Ok(1e308));
        assert_eq!(finite("points", -0.0), Ok(-0.0));
        for x in [f64::INFINITY, f64::NEG_INFINITY] {
            assert_eq!(
                finite("points", x),
                Err(NotFinite {
                    field: "points",
                    value: x
                })
            );
        }
        assert!(finite("points", f64::NAN).is_err());
        for t in ["inf", "-inf", "NaN", "1e400", " -1e999 ", "infinity"] {
            let e = non_finite_text("excellent_quota", t).expect(t);
            assert_eq!(e.field, "excellent_quota");
            assert!(e.to_string().contains("not a finite number"), "{e}");
        }
        for t in ["0.2", "abc", "", "20%", "1e308"] {
            assert_eq!(non_finite_text("excellent_quota", t), None, "{t}");
        }
    }
}
