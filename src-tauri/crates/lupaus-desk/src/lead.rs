//! The team lead's side: figures for a period, approvals waiting, lessons learned.

use std::path::Path;

use chrono::{Duration, NaiveDate, NaiveTime};
use lupaus_core::CoreError;
use lupaus_core::calendar::DeskCalendar;
use lupaus_core::desk_figures::{DeskFigures, Period};
use lupaus_core::lessons::{Lesson, LessonEntry};
use lupaus_core::reason::{self as why, Reason};
use lupaus_store::StoreError;
use lupaus_store::cases::CaseSummary;
use lupaus_store::figures::FiguresScope;
use lupaus_store::team::Conflict;

use crate::{Change, Desk};

/// How many cases or lessons a lead's list shows at most.
const LEAD_LIST: u32 = 200;

/// The days `from`..=`to` in the desk's zone, midnight to midnight. A period that ends before it
/// starts is refused with `end_before_start` on the field `to`.
pub fn period_of_days(calendar: &DeskCalendar, from: NaiveDate, to: NaiveDate) -> Result<Period, CoreError> {
    if to < from {
        return Err(CoreError::invalid_because(
            "to",
            Reason::new(why::END_BEFORE_START),
            "The period ends before it starts; swap the dates.",
        ));
    }
    let midnight = |date: NaiveDate| calendar.instant_at(date.and_time(NaiveTime::MIN));
    Ok(Period { from: midnight(from), to: midnight(to + Duration::days(1)) })
}

/// The scope as the store matches it: names trimmed, a desk code in capitals, empty as none.
fn clean_scope(scope: &FiguresScope) -> FiguresScope {
    let clean = |value: &Option<String>| value.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned);
    FiguresScope { desk: clean(&scope.desk).map(|desk| desk.to_uppercase()), agent: clean(&scope.agent) }
}

impl Desk {
    /// The lead's numbers for the days `from`..=`to` in the desk's zone.
    pub fn figures(&self, from: NaiveDate, to: NaiveDate) -> Result<DeskFigures, StoreError> {
        self.scoped_figures(from, to, &FiguresScope::default())
    }

    /// The figures of one desk of the team, one person, or both (`scope`); names are trimmed and
    /// a desk code is matched in capitals, as references print it. Empty: the whole team.
    pub fn scoped_figures(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        scope: &FiguresScope,
    ) -> Result<DeskFigures, StoreError> {
        let period = period_of_days(&self.store.desk_settings()?.calendar, from, to)?;
        self.store.scoped_figures(period, self.now(), &clean_scope(scope))
    }

    /// Writes the figures for the period as an Excel workbook (`.xlsx`) or CSV, by `path`'s ending,
    /// for the same `scope` as the figures screen; the file's first rows name that scope.
    pub fn export_figures(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        scope: &FiguresScope,
        path: &Path,
    ) -> Result<DeskFigures, StoreError> {
        let figures = self.scoped_figures(from, to, scope)?;
        lupaus_store::figures::write_figures(path, &figures, &clean_scope(scope))?;
        Ok(figures)
    }

    /// Compensation waiting for a lead's decision. Only leads see this list.
    pub fn approvals(&self) -> Result<Vec<CaseSummary>, StoreError> {
        self.actor()?.require_lead("see the approvals waiting for a decision")?;
        self.store.cases_awaiting_approval(LEAD_LIST)
    }

    /// Debrief requests and lessons learned, newest first; `query` narrows them.
    pub fn lessons(&self, query: Option<&str>, limit: Option<u32>) -> Result<Vec<Lesson>, StoreError> {
        self.store.lessons(query, limit.unwrap_or(LEAD_LIST))
    }

    /// Asks for a debrief (anyone) or records a lesson learned (leads) on a case.
    pub fn add_lesson_entry(&mut self, case_id: i64, entry: LessonEntry) -> Result<Lesson, StoreError> {
        let saved = self.store.add_lesson_entry(case_id, entry, &self.actor()?, self.now())?;
        self.tell(Change::Cases);
        Ok(saved)
    }
}

/// The team's conflict review (issue 17): losing sides of conflicts between desks, for a lead.
impl Desk {
    /// Conflicts waiting for a lead's review, oldest first; reviewed ones too when `all`.
    pub fn conflicts(&self, all: bool) -> Result<Vec<Conflict>, StoreError> {
        self.actor()?.require_lead("see the conflicts between desks")?;
        self.store.conflicts(all)
    }

    /// A lead resolves the conflict whose losing event is `event_id`: the outcome the team's
    /// order chose stands, the flag clears, and the review travels to every desk.
    pub fn resolve_conflict(&mut self, event_id: &str, note: &str) -> Result<Conflict, StoreError> {
        let resolved = self.store.review_conflict(event_id, note, &self.actor()?, self.now())?;
        self.tell(Change::Cases);
        Ok(resolved)
    }
}
