//! Weeks of desk life on a simulated clock: promises made, kept, kept late, renegotiated and
//! missed, across both daylight-saving changes, Easter, Midsummer-free winter holidays, closure days
//! and an app that is closed over weekends. The scheduler is the one the shell will run: it wakes
//! at the store's indexed `next_fire_at`, raises [`Reminders::due_steps`] and records the keys as
//! text, rebuilding its index from that text whenever the app starts again.
//!
//! Each scenario runs woken event by event and is checked against the plan; its first two weeks
//! also run polled minute by minute (every promise, every minute, no index), which must raise
//! exactly the same reminders at the same instants.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeDelta, TimeZone, Utc};
use chrono_tz::Europe::Helsinki;

use super::*;
use crate::calendar::BusinessSpan;
use crate::promise::{NewPromise, PromiseChannel, PromiseOrigin, Renegotiation};

fn hel(local: &str) -> DateTime<Utc> {
    let naive = NaiveDateTime::parse_from_str(local, "%Y-%m-%d %H:%M").expect("well formed");
    Helsinki.from_local_datetime(&naive).single().expect("exists once").with_timezone(&Utc)
}

/// A small deterministic generator, so a failure replays exactly.
struct Rng(u64);

impl Rng {
    fn below(&mut self, bound: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % bound.max(1)
    }
}

struct Scenario {
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    calendar: DeskCalendar,
    /// When the app is not running: `[closed, reopened)`.
    app_closed: Vec<(DateTime<Utc>, DateTime<Utc>)>,
    seed: u64,
    /// Promises made at set local times on top of the random ones, to be sure a scenario covers
    /// the cases it is about (a miss escalated while the app was closed).
    planted: Vec<(&'static str, BusinessSpan, Fate)>,
}

impl Scenario {
    fn app_open(&self, at: DateTime<Utc>) -> bool {
        !self.app_closed.iter().any(|(closed, reopened)| *closed <= at && at < *reopened)
    }

    /// The first instant at or after `at` when the app is running.
    fn first_open_from(&self, at: DateTime<Utc>) -> DateTime<Utc> {
        self.app_closed.iter().find(|(closed, reopened)| *closed <= at && at < *reopened).map_or(at, |window| window.1)
    }
}

#[derive(Clone, Copy, Debug)]
enum Fate {
    KeptAfter(f64),
    KeptLateBy(i64),
    RenegotiatedAfter(f64, u32),
    Missed,
}

#[derive(Clone, Debug)]
enum Act {
    Make { id: i64, within: BusinessSpan, fate: Fate },
    Keep { id: i64 },
    Renegotiate { id: i64, new_id: i64, days: u32 },
}

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Raise {
    raised_at: DateTime<Utc>,
    promise_id: i64,
    key: ReminderKey,
    fire_at: DateTime<Utc>,
}

/// What the store persists: promises, raised keys as text, and the indexed next fire instant.
#[derive(Default)]
struct Store {
    promises: BTreeMap<i64, Promise>,
    raised: BTreeMap<i64, Vec<String>>,
    next_fire: BTreeMap<i64, Option<DateTime<Utc>>>,
}

impl Store {
    fn raised_keys(&self, id: i64) -> Vec<ReminderKey> {
        self.raised.get(&id).into_iter().flatten().map(|text| text.parse().expect("stored keys parse")).collect()
    }

    fn reindex(&mut self, reminders: &Reminders, id: i64, now: DateTime<Utc>) {
        let next = reminders.next_fire_at(&self.promises[&id], &self.raised_keys(id), now);
        self.next_fire.insert(id, next);
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Wake {
    AtNextFire,
    EveryMinute,
}

/// Runs the scenario until `until`; returns the raise log and the promises as they ended.
fn run(
    scenario: &Scenario,
    plan: &ReminderPlan,
    wake: Wake,
    until: DateTime<Utc>,
) -> (Vec<Raise>, BTreeMap<i64, Promise>) {
    let reminders = Reminders::new(plan, &scenario.calendar);
    let calendar = &scenario.calendar;
    let mut rng = Rng(scenario.seed);
    // Agents make four promises a business day at whole minutes inside opening hours.
    let mut queue: Vec<(DateTime<Utc>, Act)> = Vec::new();
    let mut next_id = 1;
    let last_day = calendar.local_date(scenario.to - TimeDelta::days(7));
    for day in calendar.local_date(scenario.from).iter_days().take_while(|day| *day <= last_day) {
        let Some((open, close)) = calendar.business_window(day) else { continue };
        for _ in 0..4 {
            let minutes = rng.below(u64::try_from((close - open).num_minutes()).expect("positive"));
            let at = open + TimeDelta::minutes(i64::try_from(minutes).expect("small"));
            let within = match rng.below(3) {
                0 => BusinessSpan::Days(1 + u32::try_from(rng.below(3)).expect("small")),
                _ => BusinessSpan::Hours(1 + u32::try_from(rng.below(6)).expect("small")),
            };
            let fate = match rng.below(20) {
                0..=7 => Fate::KeptAfter(rng.below(101) as f64 / 100.0),
                8..=10 => Fate::KeptLateBy(10 + i64::try_from(rng.below(2_000)).expect("small")),
                11..=13 => Fate::RenegotiatedAfter(
                    rng.below(100) as f64 / 100.0,
                    1 + u32::try_from(rng.below(3)).expect("small"),
                ),
                _ => Fate::Missed,
            };
            queue.push((at, Act::Make { id: next_id, within, fate }));
            next_id += 2;
        }
    }
    for (local, within, fate) in &scenario.planted {
        queue.push((hel(local), Act::Make { id: next_id, within: *within, fate: *fate }));
        next_id += 2;
    }
    let mut store = Store::default();
    let mut log: Vec<Raise> = Vec::new();
    let mut now = scenario.from;
    let mut was_open = false;
    while now <= until {
        let open = scenario.app_open(now);
        if open && !was_open {
            // A restart: the index is rebuilt from what the store persisted.
            let ids: Vec<i64> = store.promises.keys().copied().collect();
            store.next_fire.clear();
            ids.into_iter().for_each(|id| store.reindex(&reminders, id, now));
        }
        was_open = open;
        if open {
            queue.sort_by_key(|(at, _)| *at);
            while queue.first().is_some_and(|(at, _)| *at <= now) {
                let (_, act) = queue.remove(0);
                for (at, follow_up) in act_on(&mut store, &reminders, act, now) {
                    queue.push((at, follow_up));
                }
            }
            let ids: Vec<i64> = match wake {
                Wake::AtNextFire => store
                    .next_fire
                    .iter()
                    .filter(|(_, next)| next.is_some_and(|next| next <= now))
                    .map(|(id, _)| *id)
                    .collect(),
                Wake::EveryMinute => store.promises.keys().copied().collect(),
            };
            for id in ids {
                let raised = store.raised_keys(id);
                let steps = reminders.due_steps(&store.promises[&id], &raised, now);
                // The index is right exactly when polling finds something.
                assert_eq!(
                    store.next_fire[&id].is_some_and(|next| next <= now),
                    !steps.is_empty(),
                    "promise {id} at {now}"
                );
                // Like the store, touch the index only when something was raised.
                if steps.is_empty() {
                    continue;
                }
                for step in steps {
                    log.push(Raise { raised_at: now, promise_id: id, key: step.key, fire_at: step.fire_at });
                    store.raised.entry(id).or_default().push(step.key.to_string());
                }
                store.reindex(&reminders, id, now);
            }
        }
        now = match wake {
            Wake::EveryMinute => now + TimeDelta::minutes(1),
            Wake::AtNextFire => {
                let mut candidates: Vec<DateTime<Utc>> = queue.iter().map(|(at, _)| *at).collect();
                candidates.extend(store.next_fire.values().flatten().copied().filter(|next| *next > now));
                candidates.extend(
                    scenario
                        .app_closed
                        .iter()
                        .flat_map(|(closed, reopened)| [*closed, *reopened])
                        .filter(|at| *at > now),
                );
                candidates.push(until + TimeDelta::minutes(1));
                let next = candidates.into_iter().min().expect("never empty");
                // Whatever was queued during a closure runs when the app is back.
                scenario.first_open_from(next).max(next)
            }
        };
    }
    (log, store.promises)
}

/// Applies an agent's action at `now`; returns follow-up actions (keeping or renegotiating later).
fn act_on(store: &mut Store, reminders: &Reminders, act: Act, now: DateTime<Utc>) -> Vec<(DateTime<Utc>, Act)> {
    let calendar = reminders.calendar;
    match act {
        Act::Make { id, within, fate } => {
            let due_at = calendar.suggest_due(now, within, BusinessSpan::Minutes(30));
            let input = NewPromise {
                text: format!("Lupaus {id}"),
                channel: PromiseChannel::Call,
                due_at,
                owner: "Aino".into(),
                outside_hours_confirmed: false,
            };
            let promise = input
                .validate(PromiseOrigin { id, case_id: id, made_by: "Ville".into(), made_at: now })
                .expect("valid");
            store.promises.insert(id, promise);
            store.reindex(reminders, id, now);
            let span = (due_at - now).num_minutes();
            let fraction = |share: f64| now + TimeDelta::minutes((span as f64 * share) as i64);
            match fate {
                Fate::KeptAfter(share) => vec![(fraction(share), Act::Keep { id })],
                Fate::KeptLateBy(minutes) => vec![(due_at + TimeDelta::minutes(minutes), Act::Keep { id })],
                Fate::RenegotiatedAfter(share, days) => {
                    vec![(
                        fraction(share).max(now + TimeDelta::minutes(1)),
                        Act::Renegotiate { id, new_id: id + 1, days },
                    )]
                }
                Fate::Missed => vec![],
            }
        }
        Act::Keep { id } => {
            let kept = store.promises[&id].keep("Soitettu asiakkaalle.", now).expect("an open promise can be kept");
            store.promises.insert(id, kept);
            store.reindex(reminders, id, now);
            vec![]
        }
        Act::Renegotiate { id, new_id, days } => {
            let new_due_at = calendar.suggest_due(now, BusinessSpan::Days(days), BusinessSpan::Minutes(0));
            let change = Renegotiation { new_id, new_due_at, customer_told_at: now, by: "Aino".into(), at: now };
            match store.promises[&id].renegotiate(change) {
                Ok(done) => {
                    store.promises.insert(id, done.old);
                    store.promises.insert(new_id, done.new);
                    store.reindex(reminders, id, now);
                    store.reindex(reminders, new_id, now);
                    // Every other replacement is missed too, the rest kept.
                    if new_id % 4 == 0 {
                        vec![]
                    } else {
                        vec![(new_due_at - TimeDelta::minutes(5), Act::Keep { id: new_id })]
                    }
                }
                // The app was closed until after the due time: too late to renegotiate, so it is kept late.
                Err(error) => {
                    assert_eq!(error.code(), "invalid_transition", "{error}");
                    act_on(store, reminders, Act::Keep { id }, now)
                }
            }
        }
    }
}

#[cfg(test)]
mod checks;
