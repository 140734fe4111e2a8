//! The meeting's own record (会议记录) of a period: place, host (主持人),
//! recorder (记录人), agenda and resolutions, written at the meeting and
//! frozen by the lock; and the times the journal gives it (opened: the
//! session's start or the first roll-call mark; closed: the lock).

use super::{Ledger, Result};
use crate::domain::model::PeriodId;
use crate::store::{self, Event};
use serde::Serialize;

/// The longest place, host or recorder, in characters.
pub const NAME_MAX: usize = 60;
/// The longest agenda item or resolution, in characters.
pub const LINE_MAX: usize = 500;
/// The most agenda items, or resolutions, one meeting records.
pub const LIST_MAX: usize = 50;

/// Which part of the record a value was given for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingField {
    Place,
    Host,
    Recorder,
    Agenda,
    Resolution,
}

/// A meeting record's value refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MeetingError {
    /// Too long, or holding a line break or other control character.
    #[error("{field:?}: at most {max} characters on one line, got '{given}'")]
    Text {
        field: MeetingField,
        max: usize,
        given: String,
    },
    /// More agenda items or resolutions than a record holds.
    #[error("{field:?}: at most {LIST_MAX} lines, got {count}")]
    TooMany { field: MeetingField, count: usize },
}

/// A change to a period's record: `None` keeps what is there; `Some("")`
/// clears a name; a list given replaces the whole list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MeetingChange {
    pub place: Option<String>,
    pub host: Option<String>,
    pub recorder: Option<String>,
    pub agenda: Option<Vec<String>>,
    pub resolutions: Option<Vec<String>>,
}

impl MeetingChange {
    /// Whether the change gives nothing to record.
    pub fn is_empty(&self) -> bool {
        *self == MeetingChange::default()
    }
}

/// A period's meeting record with the journal's times.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct MeetingRecord {
    pub period: String,
    pub place: Option<String>,
    pub host: Option<String>,
    pub recorder: Option<String>,
    pub agenda: Vec<String>,
    pub resolutions: Vec<String>,
    /// When the assembly opened (`YYYY-MM-DD HH:MM`, local), if it did.
    pub opened: Option<String>,
    /// When it closed: the lock (`YYYY-MM-DD HH:MM`), if locked.
    pub closed: Option<String>,
}

/// A journal time (`2026-09-30T14:05:33.1+08:00`) to the minute, as people read it.
pub fn to_minute(at: &str) -> String {
    at.get(..16).unwrap_or(at).replace('T', " ")
}

fn name(field: MeetingField, v: Option<String>, old: Option<String>) -> Result<Option<String>> {
    let Some(v) = v else { return Ok(old) };
    let v = v.trim().to_string();
    if v.chars().count() > NAME_MAX || v.chars().any(char::is_control) {
        return Err(MeetingError::Text {
            field,
            max: NAME_MAX,
            given: v,
        }
        .into());
    }
    Ok((!v.is_empty()).then_some(v))
}

fn list(field: MeetingField, v: Option<Vec<String>>, old: Vec<String>) -> Result<Vec<String>> {
    let Some(v) = v else { return Ok(old) };
    let v: Vec<String> = v
        .into_iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    if v.len() > LIST_MAX {
        return Err(MeetingError::TooMany {
            field,
            count: v.len(),
        }
        .into());
    }
    if let Some(bad) = v
        .iter()
        .find(|s| s.chars().count() > LINE_MAX || s.chars().any(char::is_control))
    {
        return Err(MeetingError::Text {
            field,
            max: LINE_MAX,
            given: bad.clone(),
        }
        .into());
    }
    Ok(v)
}

impl Ledger {
    /// A period's meeting record (empty where nothing was recorded), with
    /// when the assembly opened and closed.
    pub fn meeting(&self, p: &PeriodId) -> Result<MeetingRecord> {
        let ps = p.to_string();
        let row = self
            .period_row(p)?
            .ok_or_else(|| super::CoreError::PeriodNotOpen(ps.clone()))?;
        let kept = store::meeting::record(self.conn(), self.branch.id, &ps)?.unwrap_or_default();
        let opened = store::meeting::opened_at(self.conn(), self.branch.id, &ps)?;
        Ok(MeetingRecord {
            period: ps,
            place: kept.place,
            host: kept.host,
            recorder: kept.recorder,
            agenda: kept.agenda,
            resolutions: kept.resolutions,
            opened: opened.as_deref().map(to_minute),
            closed: row.locked_at.as_deref().map(to_minute),
        })
    }

    /// Change a period's meeting record (one journal event); refused once
    /// the period is locked: the minutes are written at the meeting.
    pub fn set_meeting(&mut self, p: &PeriodId, change: MeetingChange) -> Result<MeetingRecord> {
        self.write(|l| {
            l.writable_period(p)?;
            let old = l.meeting(p)?;
            let place = name(MeetingField::Place, change.place, old.place)?;
            let host = name(MeetingField::Host, change.host, old.host)?;
            let recorder = name(MeetingField::Recorder, change.recorder, old.recorder)?;
            let agenda = list(MeetingField::Agenda, change.agenda, old.agenda)?;
            let resolutions = list(
                MeetingField::Resolution,
                change.resolutions,
                old.resolutions,
            )?;
            l.journal(&[Event::MeetingSet {
                branch_id: l.branch.id,
                period: p.to_string(),
                place,
                host,
                recorder,
                agenda,
                resolutions,
            }])?;
            l.meeting(p)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_cleared_by_blank_and_kept_when_not_given() {
        let keep = name(MeetingField::Host, None, Some("王五".into())).expect("kept");
        assert_eq!(keep.as_deref(), Some("王五"));
        let set = name(MeetingField::Host, Some(" 李四 ".into()), None).expect("set");
        assert_eq!(set.as_deref(), Some("李四"));
        let cleared = name(MeetingField::Host, Some(" ".into()), Some("王五".into()));
        assert_eq!(cleared.expect("cleared"), None);
        assert!(name(MeetingField::Place, Some("会议室\n二楼".into()), None).is_err());
        assert!(name(MeetingField::Place, Some("长".repeat(NAME_MAX + 1)), None).is_err());
    }

    #[test]
    fn a_list_given_replaces_the_old_one_without_blank_lines() {
        let old = vec!["旧议程".to_string()];
        let new = list(
            MeetingField::Agenda,
            Some(vec!["审议申报".into(), " ".into(), "签字确认".into()]),
            old.clone(),
        )
        .expect("list");
        assert_eq!(new, vec!["审议申报", "签字确认"]);
        assert_eq!(
            list(MeetingField::Agenda, None, old.clone()).expect("kept"),
            old
        );
        let many = vec!["一项".to_string(); LIST_MAX + 1];
        assert!(list(MeetingField::Resolution, Some(many), Vec::new()).is_err());
    }

    #[test]
    fn journal_times_read_to_the_minute() {
        assert_eq!(
            to_minute("2026-09-30T14:05:33.123456+08:00"),
            "2026-09-30 14:05"
        );
    }
}
