//! The compact form of a bulk claim import in the journal: one CSV line per
//! claim instead of one JSON object, so that a million claims hash, store and
//! replay quickly. Claim ids run on from the batch's first id.

use super::events::NewClaim;

/// Columns of one line, in order.
pub(super) const COLUMNS: usize = 12;

fn opt(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

/// Encode claims (ids must run on from the first) as CSV lines without a header.
pub fn encode(claims: &[NewClaim]) -> String {
    let mut w = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::with_capacity(claims.len() * 48));
    for c in claims {
        let count = c.count.to_string();
        let points = c.points.to_string();
        let member = c.member_id.to_string();
        // Writing into a Vec cannot fail.
        let _ = w.write_record([
            member.as_str(),
            &c.period,
            &c.item,
            c.level.as_deref().unwrap_or(""),
            &count,
            &points,
            c.date.as_deref().unwrap_or(""),
            c.note.as_deref().unwrap_or(""),
            c.evidence.as_deref().unwrap_or(""),
            &c.source,
            c.verdict.as_deref().unwrap_or(""),
            c.reason.as_deref().unwrap_or(""),
        ]);
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// Decode lines written by `encode`; ids are `first_id`, `first_id + 1`, ...
pub fn decode(first_id: i64, rows: &str) -> Result<Vec<NewClaim>, String> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(rows.as_bytes());
    let mut out = Vec::new();
    let mut rec = csv::StringRecord::new();
    loop {
        match r.read_record(&mut rec) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => return Err(format!("claim line {}: {e}", out.len() + 1)),
        }
        if rec.len() != COLUMNS {
            return Err(format!(
                "claim line {}: {} fields, expected {COLUMNS}",
                out.len() + 1,
                rec.len()
            ));
        }
        let bad = |what: &str| format!("claim line {}: bad {what}", out.len() + 1);
        out.push(NewClaim {
            id: first_id + out.len() as i64,
            member_id: rec[0].parse().map_err(|_| bad("member"))?,
            period: rec[1].to_string(),
            item: rec[2].to_string(),
            level: opt(&rec[3]),
            count: rec[4].parse().map_err(|_| bad("count"))?,
            points: rec[5].parse().map_err(|_| bad("points"))?,
            date: opt(&rec[6]),
            note: opt(&rec[7]),
            evidence: opt(&rec[8]),
            source: rec[9].to_string(),
            verdict: opt(&rec[10]),
            reason: opt(&rec[11]),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(id: i64, note: Option<&str>) -> NewClaim {
        NewClaim {
            id,
            member_id: 7,
            period: "2026Q4".into(),
            item: "bonus.x".into(),
            level: None,
            count: 2,
            points: 0.1 + 0.2,
            date: Some("2026-10-01".into()),
            note: note.map(String::from),
            evidence: None,
            source: "import".into(),
            verdict: Some("approved".into()),
            reason: None,
        }
    }

    #[test]
    fn round_trip_keeps_every_field() {
        let claims = vec![
            claim(10, Some("带,逗号 and \"quotes\"\nnew line")),
            claim(11, None),
        ];
        assert_eq!(decode(10, &encode(&claims)).ok(), Some(claims));
    }

    #[test]
    fn a_short_line_is_refused() {
        assert!(decode(1, "7,2026Q4,x\n").is_err());
    }
}
