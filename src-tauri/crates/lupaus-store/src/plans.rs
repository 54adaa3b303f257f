//! The query plans SQLite chooses for the desk's hot queries, on this database.
//!
//! Each hot query runs once through its public API with a statement trace on, so what is
//! checked is the SQL that really runs, not a copy of it; every traced statement is then given
//! to `EXPLAIN QUERY PLAN`. A plan must never read a whole table (`SCAN cases` without an index):
//! that is what makes a desk slow down as its history grows. The guard-rail test checks this on a
//! few thousand cases and `lupaus-cli bench` on a million, both after [`Store::analyze`].

use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, Duration, Utc};
use rusqlite::OptionalExtension;
use rusqlite::trace::{TraceEvent, TraceEventCodes};
use serde::Serialize;

use crate::cases::CaseListQuery;
use crate::{Store, StoreError};

/// One hot query and the plans of the statements it ran.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HotQueryPlan {
    pub name: String,
    pub statements: Vec<StatementPlan>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatementPlan {
    pub sql: String,
    /// `EXPLAIN QUERY PLAN` lines, indented by nesting.
    pub plan: Vec<String>,
}

/// Tables that stay small however big the desk grows: `desk_codes` holds one row per desk of the
/// team, so a reference typed without its desk is looked up once per desk through an index.
const SMALL_TABLES: [&str; 1] = ["desk_codes"];

impl StatementPlan {
    /// Plan lines that read a whole table: `SCAN x` with no index, no rowid range, and `x` not a
    /// virtual table (FTS5 answers from its own index) nor a subquery of this statement.
    pub fn full_scans(&self) -> Vec<String> {
        let subqueries: BTreeSet<&str> = self
            .plan
            .iter()
            .filter_map(|line| {
                let line = line.trim();
                line.strip_prefix("CO-ROUTINE ").or_else(|| line.strip_prefix("MATERIALIZE "))
            })
            .filter_map(|rest| rest.split_whitespace().next())
            .collect();
        self.plan
            .iter()
            .filter(|line| {
                let Some(rest) = line.trim().strip_prefix("SCAN ") else {
                    return false;
                };
                let name = rest.split_whitespace().next().unwrap_or_default();
                !(rest.contains(" USING ")
                    || SMALL_TABLES.contains(&name)
                    || rest.contains("VIRTUAL TABLE")
                    || rest.starts_with("CONSTANT ROW")
                    || subqueries.contains(name))
            })
            .map(|line| line.trim().to_owned())
            .collect()
    }
}

thread_local! {
    static TRACED: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

fn record(event: TraceEvent<'_>) {
    if let TraceEvent::Stmt(_, sql) = event {
        TRACED.with(|traced| traced.borrow_mut().push(sql.to_owned()));
    }
}

/// Values the hot queries are run with, taken from the data so they find something.
struct Samples {
    owner: Option<String>,
    customer_id: Option<i64>,
    customer_prefix: String,
    middle_case: Option<i64>,
    reference: Option<String>,
}

impl Store {
    /// Refreshes the planner's statistics, sampling at most 1000 rows per index so it takes well
    /// under a second even on a million cases. Run after a large load; the app may run it at start.
    pub fn analyze(&self) -> Result<(), StoreError> {
        self.conn.execute_batch("PRAGMA analysis_limit = 1000; ANALYZE;")?;
        Ok(())
    }

    /// Runs every hot query once, at `now`, and returns the plan of each statement it ran.
    pub fn hot_query_plans(&self, now: DateTime<Utc>) -> Result<Vec<HotQueryPlan>, StoreError> {
        let samples = self.samples()?;
        let stage = Some("solving".to_owned());
        let list = |stage: Option<String>, owner: Option<String>, after_id: Option<i64>| CaseListQuery {
            stage,
            owner,
            limit: Some(50),
            after_id,
        };
        type Run<'a> = Box<dyn Fn(&Store) -> Result<(), StoreError> + 'a>;
        let queries: Vec<(&str, Run<'_>)> = vec![
            ("case list, newest first", Box::new(|s| s.list_cases(&list(None, None, None)).map(drop))),
            ("case list by stage", Box::new(|s| s.list_cases(&list(stage.clone(), None, None)).map(drop))),
            ("case list by owner", Box::new(|s| s.list_cases(&list(None, samples.owner.clone(), None)).map(drop))),
            (
                "case list by stage and owner",
                Box::new(|s| s.list_cases(&list(stage.clone(), samples.owner.clone(), None)).map(drop)),
            ),
            ("case list, deep page", Box::new(|s| s.list_cases(&list(None, None, samples.middle_case)).map(drop))),
            (
                "case list by stage, deep page",
                Box::new(|s| s.list_cases(&list(stage.clone(), None, samples.middle_case)).map(drop)),
            ),
            (
                "lead view: overdue and due soon, all agents",
                Box::new(|s| s.open_promises_due_before(now + Duration::days(1), None, now, 200).map(drop)),
            ),
            (
                "lead view: one agent",
                Box::new(|s| {
                    s.open_promises_due_before(now + Duration::days(1), samples.owner.as_deref(), now, 200).map(drop)
                }),
            ),
            ("overdue count", Box::new(|s| s.overdue_promise_count(now).map(drop))),
            ("next reminder due", Box::new(|s| s.next_reminder_at().map(drop))),
            ("customer look-up", Box::new(|s| s.find_customers(&samples.customer_prefix, 20).map(drop))),
            (
                "customer's cases",
                Box::new(|s| match samples.customer_id {
                    Some(id) => s.customer_cases(id, 50).map(drop),
                    None => Ok(()),
                }),
            ),
            (
                "case by reference",
                Box::new(|s| match &samples.reference {
                    Some(reference) => s.case_id_by_reference(reference).map(drop),
                    None => Ok(()),
                }),
            ),
            ("search: a word", Box::new(|s| s.search_cases("reklamaatio", 20).map(drop))),
            ("search: a name", Box::new(|s| s.search_cases(&samples.customer_prefix, 20).map(drop))),
        ];
        let mut plans = Vec::with_capacity(queries.len());
        for (name, run) in queries {
            let statements = self.traced(|store| run(store))?;
            let mut seen = BTreeSet::new();
            let mut explained = Vec::new();
            for sql in statements {
                // SQLite's and FTS5's own statements on the index's shadow tables are not ours.
                if sql.starts_with("--") || sql.contains("'main'.") || !seen.insert(sql.clone()) {
                    continue;
                }
                explained.push(StatementPlan { plan: self.explain(&sql)?, sql });
            }
            plans.push(HotQueryPlan { name: name.to_owned(), statements: explained });
        }
        Ok(plans)
    }

    fn samples(&self) -> Result<Samples, StoreError> {
        let newest: Option<(String, i64, String, i32, u32)> = self
            .conn
            .query_row(
                "SELECT c.owner, c.customer_id, cu.name, c.ref_year, c.ref_number
                 FROM cases c JOIN customers cu ON cu.id = c.customer_id
                 WHERE c.id = (SELECT MAX(id) FROM cases)",
                [],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?)),
            )
            .optional()?;
        let middle_case: Option<i64> = self
            .conn
            .query_row(
                "SELECT id FROM cases WHERE id >= (SELECT MAX(id) / 2 FROM cases) ORDER BY id LIMIT 1",
                [],
                |row| row.get(0),
            )
            .optional()?;
        Ok(match newest {
            Some((owner, customer_id, name, year, number)) => Samples {
                owner: Some(owner),
                customer_id: Some(customer_id),
                customer_prefix: name.chars().take(5).collect(),
                middle_case,
                reference: Some(lupaus_core::case::CaseRef { year, number }.to_string()),
            },
            None => Samples {
                owner: None,
                customer_id: None,
                customer_prefix: "Virta".into(),
                middle_case,
                reference: None,
            },
        })
    }

    /// The SQL of every statement `work` ran, in order.
    fn traced(&self, work: impl FnOnce(&Store) -> Result<(), StoreError>) -> Result<Vec<String>, StoreError> {
        TRACED.with(|traced| traced.borrow_mut().clear());
        self.conn.trace_v2(TraceEventCodes::SQLITE_TRACE_STMT, Some(record));
        let result = work(self);
        self.conn.trace_v2(TraceEventCodes::empty(), None);
        result?;
        Ok(TRACED.with(|traced| std::mem::take(&mut *traced.borrow_mut())))
    }

    /// `EXPLAIN QUERY PLAN` of `sql`, with its parameters unbound: the plan SQLite makes when
    /// the statement is prepared.
    fn explain(&self, sql: &str) -> Result<Vec<String>, StoreError> {
        let mut statement = self.conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
        // Parameters stay unbound (NULL), which `query` would refuse.
        let mut rows = statement.raw_query();
        let mut depth: HashMap<i64, usize> = HashMap::new();
        let mut lines = Vec::new();
        while let Some(row) = rows.next()? {
            let (id, parent, detail): (i64, i64, String) = (row.get(0)?, row.get(1)?, row.get(3)?);
            let level = depth.get(&parent).map_or(0, |level| level + 1);
            depth.insert(id, level);
            lines.push(format!("{}{detail}", "  ".repeat(level)));
        }
        Ok(lines)
    }
}
