//! The compact form of a bulk claim import in the journal: one CSV line per
//! claim instead of one JSON object, so that a million claims hash, store and
//! replay quickly. Claim ids run on from the batch's first id.

use super::events::NewClaim;

/// Columns of one line, in order.
pub(super) const COLUMNS: usize = 12;

fn opt(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

/// One claim's journal line, borrowed.
#[derive(Debug, Clone, Copy)]
pub struct Line<'a> {
    pub member_id: i64,
    pub period: &'a str,
    pub item: &'a str,
    pub level: Option<&'a str>,
    pub count: i64,
    pub points: f64,
    pub date: Option<&'a str>,
    pub note: Option<&'a str>,
    pub evidence: Option<&'a str>,
    pub source: &'a str,
    pub verdict: Option<&'a str>,
    pub reason: Option<&'a str>,
}

impl<'a> Line<'a> {
    /// The line of a claim as the ledger writes it.
    pub fn of(c: &'a NewClaim) -> Line<'a> {
        Line {
            member_id: c.member_id,
            period: &c.period,
            item: &c.item,
            level: c.level.as_deref(),
            count: c.count,
            points: c.points,
            date: c.date.as_deref(),
            note: c.note.as_deref(),
            evidence: c.evidence.as_deref(),
            source: &c.source,
            verdict: c.verdict.as_deref(),
            reason: c.reason.as_deref(),
        }
    }
}

/// Writes claim lines; `numbers` is scratch space for the numeric fields.
pub struct LineWriter {
    w: csv::Writer<Vec<u8>>,
    numbers: String,
}

impl Default for LineWriter {
    fn default() -> Self {
        LineWriter {
            w: csv::WriterBuilder::new()
                .has_headers(false)
                .from_writer(Vec::new()),
            numbers: String::new(),
        }
    }
}

impl LineWriter {
    /// A writer with room for `bytes` of text.
    pub fn with_capacity(bytes: usize) -> Self {
        LineWriter {
            w: csv::WriterBuilder::new()
                .has_headers(false)
                .from_writer(Vec::with_capacity(bytes)),
            numbers: String::new(),
        }
    }

    /// Append one line; returns the byte offset where the text now ends.
    pub fn write(&mut self, l: &Line) -> usize {
        use std::fmt::Write;
        self.numbers.clear();
        // Writing into a String cannot fail.
        let _ = write!(self.numbers, "{}", l.member_id);
        let a = self.numbers.len();
        let _ = write!(self.numbers, "{}", l.count);
        let b = self.numbers.len();
        let _ = write!(self.numbers, "{}", l.points);
        let (member, count, points) = (&self.numbers[..a], &self.numbers[a..b], &self.numbers[b..]);
        // Writing into a Vec cannot fail.
        let _ = self.w.write_record([
            member,
            l.period,
            l.item,
            l.level.unwrap_or(""),
            count,
            points,
            l.date.unwrap_or(""),
            l.note.unwrap_or(""),
            l.evidence.unwrap_or(""),
            l.source,
            l.verdict.unwrap_or(""),
            l.reason.unwrap_or(""),
        ]);
        let _ = self.w.flush();
        self.w.get_ref().len()
    }

    /// Append lines written by another writer.
    pub fn append(&mut self, text: &[u8]) {
        let mut all = std::mem::take(self).into_text();
        all.extend_from_slice(text);
        self.w = csv::WriterBuilder::new()
            .has_headers(false)
            .from_writer(all);
    }

    /// The text written so far.
    pub fn text(&self) -> &[u8] {
        self.w.get_ref()
    }

    /// The text written, taken out.
    pub fn into_text(self) -> Vec<u8> {
        // Every line was flushed already.
        self.w.into_inner().unwrap_or_default()
    }
}

/// Encode claims (ids must run on from the first) as CSV lines without a header.
pub fn encode(claims: &[NewClaim]) -> String {
    let mut w = LineWriter::default();
    for c in claims {
        w.write(&Line::of(c));
    }
    String::from_utf8(w.into_text()).unwrap_or_default()
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
