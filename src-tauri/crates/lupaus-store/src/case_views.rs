//! The case list's views as an agent picks them: all, open, waiting, due today, overdue
//! promises, closed; only mine or everyone's; a search; newest first or by the next promise.
//! Each view is one indexed query: lists by receipt walk a (partial) index on `received_at`,
//! promise views start from the open promises' due-time index.

use chrono::{DateTime, Duration, NaiveTime, Utc};
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
    /// Continue after this case (newest-first lists only).
    pub after_id: Option<i64>,
}

const MAX_PAGE: u32 = 500;

impl Store {
    pub fn browse_cases(&self, filter: &CaseFilter, now: DateTime<Utc>) -> Result<Vec<CaseSummary>, StoreError> {
        let limit = filter.limit.unwrap_or(100).clamp(1, MAX_PAGE);
        if let Some(words) = filter.search.as_deref().map(str::trim).filter(|words| !words.is_empty()) {
            return self.search_in_view(words, filter, now, limit);
        }
        match (filter.view, filter.sort) {
            (CaseView::DueToday, _) => self.by_next_promise(self.end_of_today(now)?, filter.owner.as_deref(), limit),
            (CaseView::Overdue, _) => self.by_next_promise(now, filter.owner.as_deref(), limit),
            (_, CaseSort::NextPromise) => {
                let rows = self.by_next_promise(DateTime::<Utc>::MAX_UTC, filter.owner.as_deref(), MAX_PAGE)?;
                Ok(rows.into_iter().filter(|row| in_view(row, filter.view)).take(limit as usize).collect())
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

    /// Cases with an open promise due before `until`, soonest first.
    fn by_next_promise(
        &self,
        until: DateTime<Utc>,
        owner: Option<&str>,
        limit: u32,
    ) -> Result<Vec<CaseSummary>, StoreError> {
        let sql = format!(
            "{SUMMARY_SELECT}
             JOIN (SELECT case_id, MIN(due_at) AS first_due FROM promises
                   WHERE state = 'open' AND due_at < ?1 GROUP BY case_id) due ON due.case_id = c.id
             WHERE (?2 IS NULL OR c.owner = ?2)
             ORDER BY due.first_due, c.id LIMIT ?3"
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map(rusqlite::params![time::to_millis(until), owner, limit], summary_from_row)?;
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
        let found = self.search_cases(words, MAX_PAGE)?;
        Ok(found
            .into_iter()
            .filter(|row| filter.owner.as_ref().is_none_or(|owner| &row.owner == owner))
            .filter(|row| match filter.view {
                CaseView::DueToday => row.next_promise_due.is_some_and(|due| due < end_of_today),
                CaseView::Overdue => row.next_promise_due.is_some_and(|due| due < now),
                view => in_view(row, view),
            })
            .take(limit as usize)
            .collect())
    }

    fn end_of_today(&self, now: DateTime<Utc>) -> Result<DateTime<Utc>, StoreError> {
        let calendar = self.desk_settings()?.calendar;
        let tomorrow = calendar.local_date(now) + Duration::days(1);
        Ok(calendar.instant_at(tomorrow.and_time(NaiveTime::MIN)))
    }
}

/// Whether a listed row belongs to a stage-based view (waiting is not on the summary row, so a
/// search or promise-sorted list treats "waiting" as "open").
fn in_view(row: &CaseSummary, view: CaseView) -> bool {
    match view {
        CaseView::Closed => row.stage == "closed",
        CaseView::Open | CaseView::Waiting => row.stage != "closed",
        CaseView::All | CaseView::DueToday | CaseView::Overdue => true,
    }
}
