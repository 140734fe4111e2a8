//! The compact form of a bulk claim import in the journal: one CSV line per
//! claim instead of one JSON object, so that a million claims hash, store and
//! replay quickly. Claim ids run on from the batch's first id.
//!
//! [`Line`] is a checked claim, borrowed: what the claim checker gives and a
//! journal line holds. [`NewClaim`] is the same claim owned and numbered, as
//! the ledger stores and journals it. The two convert into each other here
//! only ([`Line::of`], [`Line::to_new_claim`]).

use super::events::NewClaim;
use crate::domain::model::{ClaimSource, ClaimStatus, PeriodId};

/// Columns of one line, in order.
pub(super) const COLUMNS: usize = 12;

/// A checked claim, borrowed: priced, its period known, text trimmed and
/// codes resolved. It is what one journal line holds; [`NewClaim`] is the
/// same claim owned, with its number. The fields mean what they mean there.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Line<'a> {
    pub member_id: i64,
    pub period: PeriodId,
    pub item: &'a str,
    pub level: Option<&'a str>,
    pub count: i64,
    /// Points claimed (positive magnitude; the item's kind gives the sign).
    pub claimed: f64,
    pub date: Option<&'a str>,
    pub note: Option<&'a str>,
    pub evidence: Option<&'a str>,
    pub source: ClaimSource,
    /// Already decided (imports of history): `approved` or `rejected`.
    pub verdict: Option<ClaimStatus>,
    pub reason: Option<&'a str>,
}

impl<'a> Line<'a> {
    /// The line of a claim in the ledger's form; refused when its period
    /// is not one (the ledger writes only periods it has read).
    pub fn of(c: &'a NewClaim) -> Result<Line<'a>, String> {
        Ok(Line {
            member_id: c.member_id,
            period: c
                .period
                .parse()
                .map_err(|_| format!("bad period '{}'", c.period))?,
            item: &c.item,
            level: c.level.as_deref(),
            count: c.count,
            claimed: c.claimed,
            date: c.date.as_deref(),
            note: c.note.as_deref(),
            evidence: c.evidence.as_deref(),
            source: c.source,
            verdict: c.verdict,
            reason: c.reason.as_deref(),
        })
    }

    /// The claim owned, in the ledger's form (id 0: not yet given).
    pub fn to_new_claim(&self) -> NewClaim {
        let owned = |s: Option<&str>| s.map(String::from);
        NewClaim {
            id: 0,
            member_id: self.member_id,
            period: self.period.to_string(),
            item: self.item.to_string(),
            level: owned(self.level),
            count: self.count,
            claimed: self.claimed,
            date: owned(self.date),
            note: owned(self.note),
            evidence: owned(self.evidence),
            source: self.source,
            verdict: self.verdict,
            reason: owned(self.reason),
        }
    }
}

/// Writes claim lines; `numbers` is scratch space for the numeric fields.
#[derive(Default)]
pub struct LineWriter {
    text: Vec<u8>,
    numbers: String,
    /// Points written out lately (a scheme prices most claims alike).
    points: Vec<(u64, String)>,
    /// Periods written out, in order of first use (a file names few).
    periods: Vec<(PeriodId, String)>,
}

/// A field the CSV reader reads back as written without quotes.
fn plain(field: &str) -> bool {
    !field
        .bytes()
        .any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r'))
}

impl LineWriter {
    /// A writer with room for `bytes` of text.
    pub fn with_capacity(bytes: usize) -> Self {
        LineWriter {
            text: Vec::with_capacity(bytes),
            ..Default::default()
        }
    }

    /// `points` written out, remembered for the next lines.
    fn points_text(&mut self, points: f64) -> usize {
        let bits = points.to_bits();
        if let Some(i) = self.points.iter().position(|(b, _)| *b == bits) {
            return i;
        }
        if self.points.len() == 16 {
            self.points.pop();
        }
        self.points.insert(0, (bits, points.to_string()));
        0
    }

    /// `period` written out, remembered (most lines are in the period of the one before).
    fn period_text(&mut self, period: PeriodId) -> usize {
        match self.periods.iter().rposition(|(p, _)| *p == period) {
            Some(i) => i,
            None => {
                self.periods.push((period, period.to_string()));
                self.periods.len() - 1
            }
        }
    }

    /// The distinct periods of the lines written, in order of first use.
    pub fn periods(&self) -> impl Iterator<Item = PeriodId> + '_ {
        self.periods.iter().map(|(p, _)| *p)
    }

    /// Append one line; returns the byte offset where the text now ends.
    pub fn write(&mut self, l: &Line) -> usize {
        let points = self.points_text(l.claimed);
        let period = self.period_text(l.period);
        let mut ints = itoa::Buffer::new();
        self.numbers.clear();
        self.numbers.push_str(ints.format(l.member_id));
        let a = self.numbers.len();
        self.numbers.push_str(ints.format(l.count));
        let (member, count) = self.numbers.split_at(a);
        let points = self.points[points].1.as_str();
        let fields = [
            member,
            self.periods[period].1.as_str(),
            l.item,
            l.level.unwrap_or(""),
            count,
            points,
            l.date.unwrap_or(""),
            l.note.unwrap_or(""),
            l.evidence.unwrap_or(""),
            l.source.code(),
            l.verdict.map_or("", ClaimStatus::code),
            l.reason.unwrap_or(""),
        ];
        if fields.iter().all(|f| plain(f)) {
            // Nearly every line: no field needs quoting.
            for (i, f) in fields.iter().enumerate() {
                if i > 0 {
                    self.text.push(b',');
                }
                self.text.extend_from_slice(f.as_bytes());
            }
            self.text.push(b'\n');
        } else {
            let mut w = csv::WriterBuilder::new()
                .has_headers(false)
                .buffer_capacity(256)
                .from_writer(std::mem::take(&mut self.text));
            // Writing into a Vec cannot fail.
            let _ = w.write_record(fields);
            self.text = match w.into_inner() {
                Ok(text) => text,
                Err(e) => e.into_inner().get_ref().clone(),
            };
        }
        self.text.len()
    }

    /// The text written so far.
    pub fn text(&self) -> &[u8] {
        &self.text
    }

    /// The text written, taken out.
    pub fn into_text(self) -> Vec<u8> {
        self.text
    }
}

/// Encode claims (ids must run on from the first) as CSV lines without a
/// header; refused when a claim's period is not one.
pub fn encode(claims: &[NewClaim]) -> Result<String, String> {
    let mut w = LineWriter::default();
    for c in claims {
        w.write(&Line::of(c)?);
    }
    String::from_utf8(w.into_text()).map_err(|e| e.to_string())
}

/// A claim as stored, borrowed from a journal line as read or from a
/// [`NewClaim`]: what one claim row is inserted from. Its fields are the
/// line's, with the claim's number and its period as the text stored.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StoredClaim<'a> {
    pub id: i64,
    /// The period as stored (the line's, written out).
    pub period: &'a str,
    pub line: Line<'a>,
}

/// A journal line that does not read as one claim (`claim line N: ...`).
#[derive(Debug, Clone, PartialEq)]
pub struct BadLine(pub String);

impl From<BadLine> for String {
    fn from(b: BadLine) -> String {
        b.0
    }
}

impl From<BadLine> for rusqlite::Error {
    fn from(b: BadLine) -> rusqlite::Error {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, b.0.into())
    }
}

/// `""` as `None`.
fn given(s: &str) -> Option<&str> {
    (!s.is_empty()).then_some(s)
}

impl<'a> StoredClaim<'a> {
    /// The claim of a `NewClaim`, borrowed; refused when its period is not one.
    pub fn of(c: &'a NewClaim) -> Result<Self, BadLine> {
        Ok(StoredClaim {
            id: c.id,
            period: &c.period,
            line: Line::of(c).map_err(BadLine)?,
        })
    }

    /// The claim owned.
    pub fn to_new_claim(&self) -> NewClaim {
        NewClaim {
            id: self.id,
            period: self.period.to_string(),
            ..self.line.to_new_claim()
        }
    }

    /// The claim numbered `id` on journal line `line` (counted from 1), as read.
    fn read(id: i64, line: usize, rec: &'a csv::StringRecord) -> Result<Self, BadLine> {
        if rec.len() != COLUMNS {
            return Err(BadLine(format!(
                "claim line {line}: {} fields, expected {COLUMNS}",
                rec.len()
            )));
        }
        let bad = |what: &str| BadLine(format!("claim line {line}: bad {what}"));
        Ok(StoredClaim {
            id,
            period: &rec[1],
            line: Line {
                member_id: rec[0].parse().map_err(|_| bad("member"))?,
                period: rec[1].parse().map_err(|_| bad("period"))?,
                item: &rec[2],
                level: given(&rec[3]),
                count: rec[4].parse().map_err(|_| bad("count"))?,
                claimed: rec[5].parse().map_err(|_| bad("points"))?,
                date: given(&rec[6]),
                note: given(&rec[7]),
                evidence: given(&rec[8]),
                source: ClaimSource::from_code(&rec[9]).ok_or_else(|| bad("source"))?,
                verdict: match &rec[10] {
                    "" => None,
                    w => Some(ClaimStatus::from_code(w).ok_or_else(|| bad("verdict"))?),
                },
                reason: given(&rec[11]),
            },
        })
    }
}

/// Read the lines written by `encode` (ids `first_id`, `first_id + 1`, ...)
/// and hand them to `f` up to `per_call` claims at a time, borrowed from
/// reused records: a million claims are read without copying their text.
pub fn decode_by<E: From<BadLine>>(
    first_id: i64,
    rows: &str,
    per_call: usize,
    mut f: impl FnMut(&[StoredClaim]) -> Result<(), E>,
) -> Result<(), E> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(rows.as_bytes());
    let per_call = per_call.max(1);
    let mut recs = vec![csv::StringRecord::new(); per_call];
    let mut read = 0;
    loop {
        let mut k = 0;
        while k < per_call {
            match r.read_record(&mut recs[k]) {
                Ok(true) => k += 1,
                Ok(false) => break,
                Err(e) => return Err(BadLine(format!("claim line {}: {e}", read + k + 1)).into()),
            }
        }
        if k == 0 {
            return Ok(());
        }
        let claims = recs[..k]
            .iter()
            .enumerate()
            .map(|(i, rec)| StoredClaim::read(first_id + (read + i) as i64, read + i + 1, rec))
            .collect::<Result<Vec<_>, BadLine>>()?;
        f(&claims)?;
        read += k;
    }
}

/// How many claims the lines written by `encode` hold.
pub fn count(rows: &str) -> Result<usize, BadLine> {
    // A line break inside a field is always quoted: without a quote mark,
    // every line is one claim.
    if !rows.contains('"') {
        return Ok(rows.bytes().filter(|&b| b == b'\n').count());
    }
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(rows.as_bytes());
    let mut rec = csv::ByteRecord::new();
    let mut n = 0;
    while r
        .read_byte_record(&mut rec)
        .map_err(|e| BadLine(format!("claim line {}: {e}", n + 1)))?
    {
        n += 1;
    }
    Ok(n)
}

/// Decode lines written by `encode`; ids are `first_id`, `first_id + 1`, ...
pub fn decode(first_id: i64, rows: &str) -> Result<Vec<NewClaim>, String> {
    let mut out = Vec::new();
    decode_by(first_id, rows, 64, |claims| {
        out.extend(claims.iter().map(StoredClaim::to_new_claim));
        Ok::<(), BadLine>(())
    })?;
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
            claimed: 0.1 + 0.2,
            date: Some("2026-10-01".into()),
            note: note.map(String::from),
            evidence: None,
            source: ClaimSource::Import,
            verdict: Some(ClaimStatus::Approved),
            reason: None,
        }
    }

    #[test]
    fn round_trip_keeps_every_field() {
        let claims = vec![
            claim(10, Some("带,逗号 and \"quotes\"\nnew line")),
            claim(11, None),
        ];
        let text = encode(&claims).expect("encode");
        assert_eq!(decode(10, &text).ok(), Some(claims));
    }

    #[test]
    fn plain_lines_are_written_as_the_csv_writer_writes_them() {
        let claims = vec![
            claim(10, Some("普通备注")),
            claim(11, Some("a,b")),
            claim(12, None),
        ];
        let mut w = csv::WriterBuilder::new()
            .has_headers(false)
            .from_writer(Vec::new());
        for c in &claims {
            let (member, count, points) = (
                c.member_id.to_string(),
                c.count.to_string(),
                c.claimed.to_string(),
            );
            let opt = |s: &Option<String>| s.clone().unwrap_or_default();
            w.write_record([
                member,
                c.period.clone(),
                c.item.clone(),
                opt(&c.level),
                count,
                points,
                opt(&c.date),
                opt(&c.note),
                opt(&c.evidence),
                c.source.code().to_string(),
                c.verdict.map(|v| v.code().to_string()).unwrap_or_default(),
                opt(&c.reason),
            ])
            .expect("write");
        }
        let by_csv = String::from_utf8(w.into_inner().expect("flush")).expect("utf8");
        assert_eq!(encode(&claims).ok(), Some(by_csv));
    }

    #[test]
    fn lines_are_counted_and_read_in_chunks_whatever_their_notes_hold() {
        let claims: Vec<NewClaim> = (0..7)
            .map(|i| claim(10 + i, (i % 3 == 0).then_some("两行\n的\"备注\"")))
            .collect();
        let text = encode(&claims).expect("encode");
        // Three notes hold a line break: 7 claims on 10 lines.
        assert_eq!(text.lines().count(), 10);
        assert_eq!(count(&text), Ok(7));
        let plain = encode(&claims[1..3]).expect("encode");
        assert_eq!(count(&plain), Ok(2));
        let mut sizes = Vec::new();
        let mut read = Vec::new();
        decode_by(10, &text, 3, |chunk| {
            sizes.push(chunk.len());
            read.extend(chunk.iter().map(StoredClaim::to_new_claim));
            Ok::<(), BadLine>(())
        })
        .expect("decode");
        assert_eq!(sizes, [3, 3, 1]);
        assert_eq!(read, claims);
    }

    #[test]
    fn a_short_line_is_refused() {
        assert!(decode(1, "7,2026Q4,x\n").is_err());
    }

    #[test]
    fn a_line_whose_period_is_not_one_is_refused_and_its_text_is_kept_otherwise() {
        let line = "7,2026Q5,bonus.x,,1,2,,,,import,approved,\n";
        assert_eq!(decode(1, line), Err("claim line 1: bad period".to_string()));
        let read = decode(4, &line.replace("2026Q5", "2026Q4")).expect("decode");
        assert_eq!((read[0].id, read[0].period.as_str()), (4, "2026Q4"));
    }
}
