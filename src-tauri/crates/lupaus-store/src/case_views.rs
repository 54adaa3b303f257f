//! The case list's views as an agent picks them: all, open, waiting, due today, overdue
//! promises, closed; only mine or everyone's; a search; newest first or by the next promise.
//! Each view is one indexed query: lists by receipt walk a (partial) index on `received_at`,
//! promise views start from the open promises' due-time index.
//!
//! Every list is paged, so the UI fetches only what it shows. Pages continue from the last row
//! the UI has (a keyset, never an offset into a million rows): `(received_at, id)` for newest
//! first, `(next_promise_due, id)` in promise order. Search results come by relevance from a
//! bounded result set (`search::MAX_RESULTS`), so there an offset is exact and cheap.

use chrono::{DateTime, Duration, NaiveTime, Utc};
use lupaus_core::reminder::Reminders;
use serde::Deserialize;
use ts_rs::TS;

use crate::cases::{CaseListQuery, CaseSummary, SUMMARY_SELECT, summary_from_row};
use crate::{Store, StoreError, time};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CaseView {
    #[default]
    All,
    Open,
    Waiting,
    /// Cases with an open promise due before the end of today (desk time), overdue ones included.
    DueToday,
    /// Cases with an open promise already past its due time.
    Overdue,
    Closed,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CaseSort {
    #[default]
    Newest,
    /// Soonest open promise first; cases without open promises are left out.
    NextPromise,
}

/// What the case list shows.
#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct CaseFilter {
    #[serde(default)]
    pub view: CaseView,
    /// Only this person's cases ("my cases").
    pub owner: Option<String>,
    /// Words to search for; when given, results come by relevance.
    pub search: Option<String>,
    #[serde(default)]
    pub sort: CaseSort,
    /// Page size; at most 500.
    pub limit: Option<u32>,
    /// Continue after this case: the last row of the page before.
    pub after_id: Option<i64>,
    /// In promise order (due today, overdue, by next promise): the `next_promise_due` of the row
    /// named by `after_id`. Sent by the UI rather than read again, so a promise kept while the
    /// agent scrolls cannot move the page boundary.
    pub after_due: Option<DateTime<Utc>>,
    /// In a search: how many matching rows the UI already has (relevance order has no key).
    pub offset: Option<u32>,
}

const MAX_PAGE: u32 = 500;

/// How long before its due time a promise counts as "due soon" when the desk's reminder plan
/// warns later than that, or not at all.
pub const SOON_AT_LEAST: Duration = Duration::hours(2);

impl Store {
    /// One page of the case list, each row with the time its next promise turns "due soon".
    pub fn browse_cases(&self, filter: &CaseFilter, now: DateTime<Utc>) -> Result<Vec<CaseSummary>, StoreError> {
        let mut rows = self.browse_rows(filter, now)?;
        let desk = self.desk_settings()?;
        let reminders = Reminders::new(&desk.settings.reminder_plan, &desk.calendar);
        for row in &mut rows {
            row.next_promise_soon_from = row.next_promise_due.map(|due| reminders.soon_from(due, SOON_AT_LEAST));
        }
        Ok(rows)
    }

    fn browse_rows(&self, filter: &CaseFilter, now: DateTime<Utc>) -> Result<Vec<CaseSummary>, StoreError> {
        let limit = filter.limit.unwrap_or(100).clamp(1, MAX_PAGE);
        if let Some(words) = filter.search.as_deref().map(str::trim).filter(|words| !words.is_empty()) {
            return self.search_in_view(words, filter, now, limit);
        }
        match (filter.view, filter.sort) {
            (CaseView::DueToday, _) => self.by_next_promise(self.end_of_today(now)?, "", filter, limit),
            (CaseView::Overdue, _) => self.by_next_promise(now, "", filter, limit),
            (view, CaseSort::NextPromise) => {
                let condition = match view {
                    CaseView::Open => "AND c.stage != 'closed'",
                    CaseView::Waiting => "AND c.waiting = 1",
                    CaseView::Closed => "AND c.stage = 'closed'",
                    CaseView::All | CaseView::DueToday | CaseView::Overdue => "",
                };
                self.by_next_promise(DateTime::<Utc>::MAX_UTC, condition, filter, limit)
            }
            (CaseView::All, CaseSort::Newest) => self.list_cases(&self.page(filter, None, limit)),
            (CaseView::Closed, CaseSort::Newest) => self.list_cases(&self.page(filter, Some("closed"), limit)),
            (CaseView::Open, CaseSort::Newest) => self.newest_where("c.stage != 'closed'", filter, limit),
            (CaseView::Waiting, CaseSort::Newest) => self.newest_where("c.waiting = 1", filter, limit),
        }
    }

    fn page(&self, filter: &CaseFilter, stage: Option<&str>, limit: u32) -> CaseListQuery {
        CaseListQuery {
            stage: stage.map(str::to_owned),
            owner: filter.owner.clone(),
            limit: Some(limit),
            after_id: filter.after_id,
        }
    }

    /// Newest first within a partial index's rows (`condition` must match the index's WHERE).
    fn newest_where(&self, condition: &str, filter: &CaseFilter, limit: u32) -> Result<Vec<CaseSummary>, StoreError> {
        let (after_received, after_id) = match filter.after_id {
            Some(id) => {
                let received: i64 =
                    self.conn.query_row("SELECT received_at FROM cases WHERE id = ?1", [id], |row| row.get(0))?;
                (received, id)
            }
            None => (i64::MAX, i64::MAX),
        };
        let sql = format!(
            "{SUMMARY_SELECT} WHERE {condition} AND (c.received_at, c.id) < (?1, ?2) AND (?3 IS NULL OR c.owner = ?3)
             ORDER BY c.received_at DESC, c.id DESC LIMIT ?4"
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows =
            statement.query_map(rusqlite::params![after_received, after_id, filter.owner, limit], summary_from_row)?;
        rows.map(|row| row?).collect()
    }

    /// Cases with an open promise due before `until`, soonest first, after the filter's
    /// `(after_due, after_id)`; `condition` narrows the cases further (`AND ...` on `c`).
    fn by_next_promise(
        &self,
        until: DateTime<Utc>,
        condition: &str,
        filter: &CaseFilter,
        limit: u32,
    ) -> Result<Vec<CaseSummary>, StoreError> {
        let (after_due, after_id) = match (filter.after_id, filter.after_due) {
            (Some(id), Some(due)) => (time::to_millis(due), id),
            _ => (i64::MIN, i64::MIN),
        };
        let sql = format!(
            "{SUMMARY_SELECT}
             JOIN (SELECT case_id, MIN(due_at) AS first_due FROM promises
                   WHERE state = 'open' AND due_at < ?1 GROUP BY case_id) due ON due.case_id = c.id
             WHERE (due.first_due, c.id) > (?4, ?5) AND (?2 IS NULL OR c.owner = ?2) {condition}
             ORDER BY due.first_due, c.id LIMIT ?3"
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let parameters = rusqlite::params![time::to_millis(until), filter.owner, limit, after_due, after_id];
        let rows = statement.query_map(parameters, summary_from_row)?;
        rows.map(|row| row?).collect()
    }

    fn search_in_view(
        &self,
        words: &str,
        filter: &CaseFilter,
        now: DateTime<Utc>,
        limit: u32,
    ) -> Result<Vec<CaseSummary>, StoreError> {
        let end_of_today = self.end_of_today(now)?;
        let found = self.search_cases(words, crate::search::MAX_RESULTS)?;
        let mut rows = Vec::with_capacity(found.len());
        for row in found {
            let in_this_view = match filter.view {
                CaseView::DueToday => row.next_promise_due.is_some_and(|due| due < end_of_today),
                CaseView::Overdue => row.next_promise_due.is_some_and(|due| due < now),
                CaseView::Waiting => self.is_waiting(row.id)?,
                view => in_view(&row, view),
            };
            if in_this_view && filter.owner.as_ref().is_none_or(|owner| &row.owner == owner) {
                rows.push(row);
            }
        }
        Ok(rows.into_iter().skip(filter.offset.unwrap_or(0) as usize).take(limit as usize).collect())
    }

    /// Whether a case waits on someone (not on the summary row; one primary-key look-up).
    fn is_waiting(&self, case_id: i64) -> Result<bool, StoreError> {
        let mut statement = self.conn.prepare_cached("SELECT waiting = 1 FROM cases WHERE id = ?1")?;
        Ok(statement.query_row([case_id], |row| row.get(0))?)
    }

    fn end_of_today(&self, now: DateTime<Utc>) -> Result<DateTime<Utc>, StoreError> {
        let calendar = self.desk_settings()?.calendar;
        let tomorrow = calendar.local_date(now) + Duration::days(1);
        Ok(calendar.instant_at(tomorrow.and_time(NaiveTime::MIN)))
    }
}

/// Whether a search result belongs to a stage-based view (waiting is looked up separately).
fn in_view(row: &CaseSummary, view: CaseView) -> bool {
    match view {
        CaseView::Closed => row.stage == "closed",
        CaseView::Open | CaseView::Waiting => row.stage != "closed",
        CaseView::All | CaseView::DueToday | CaseView::Overdue => true,
    }
}
