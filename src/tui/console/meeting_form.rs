//! The meeting's record before the lock: a small prompt on the lock screen
//! for the minutes' place, host and recorder (the agenda and resolutions are
//! `jifen meeting set`'s).

use super::app::Overlay;
use super::field::Field;
use super::prompt::{Form, FormKind};
use crate::app::meeting::MeetingChange;
use crate::domain::model::PeriodId;

impl super::app::App {
    /// Open the prompt with the period's record as it stands.
    pub(super) fn meeting_prompt(&mut self) {
        let Some(p) = self.period else {
            self.err(self.t.no_period);
            return;
        };
        // After the lock the record is frozen: say so rather than offer the prompt.
        if let Ok(Some(row)) = self.ledger.period_row(&p) {
            if row.state.is_sealed() {
                let e = crate::app::CoreError::PeriodClosed {
                    period: p.to_string(),
                    state: row.state,
                };
                self.fail(&e);
                return;
            }
        }
        let w = self.lang.words().papers;
        let rec = self.ledger.meeting(&p).unwrap_or_default();
        let v = |s: &Option<String>| s.clone().unwrap_or_default();
        let f = Form::new(
            FormKind::Meeting { period: p },
            w.sheet_minutes,
            vec![(w.meeting_line)(&p.to_string(), w.points)],
            vec![
                Field::new(w.place, &v(&rec.place)),
                Field::new(w.chair, &v(&rec.host)),
                Field::new(w.recorder, &v(&rec.recorder)),
            ],
        );
        self.overlay = Overlay::Form(f);
    }

    /// Record the prompt's place, host and recorder; the line to show, or the refusal.
    pub(super) fn submit_meeting(&mut self, f: &Form, p: PeriodId) -> Result<String, String> {
        let w = self.lang.words().papers;
        let change = MeetingChange {
            place: Some(f.value(0).to_string()),
            host: Some(f.value(1).to_string()),
            recorder: Some(f.value(2).to_string()),
            ..Default::default()
        };
        let r = self
            .ledger
            .set_meeting(&p, change)
            .map_err(|e| crate::i18n::meeting::core_error(self.lang, &e))?;
        let none = w.not_recorded;
        Ok((w.meeting_set_done)(
            &r.period,
            r.place.as_deref().unwrap_or(none),
            r.host.as_deref().unwrap_or(none),
            r.recorder.as_deref().unwrap_or(none),
            r.agenda.len(),
            r.resolutions.len(),
        ))
    }
}
