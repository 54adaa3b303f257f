//! Ten years of a big desk: cases received in office hours with volume growing over the years,
//! each moved along the lifecycle as far as its age makes plausible, each with two promises (a
//! call-back and a remedy or decision promise), kept on time, kept late, or still open. Written
//! through the store's own insert code (`Store::bulk_batch`), 2,000 cases per transaction.

use std::time::Instant;

use chrono::{DateTime, Datelike, Duration, Utc, Weekday};
use lupaus_core::calendar::BusinessSpan;
use lupaus_core::case::Channel;
use lupaus_core::lifecycle::{Actor, CaseCommand, Party, Policy, Remedy, RemedyForm, RootCauseCategory};
use lupaus_core::promise::{NewPromise, PromiseChannel};
use lupaus_store::bulk::Batch;
use lupaus_store::{Store, StoreError};

use super::corpus;
use super::rng::Rng;

pub const YEARS: i64 = 10;
const BATCH: u64 = 2_000;
/// The lifecycle has six steps, from starting work to closing.
const ALL_STEPS: u64 = 6;

pub struct Generated {
    pub cases: u64,
    pub seconds: f64,
}

/// Adds `count` cases received over the ten years before `now`; `progress` hears after each batch.
pub fn generate(
    store: &mut Store,
    count: u64,
    seed: u64,
    now: DateTime<Utc>,
    mut progress: impl FnMut(u64, f64),
) -> Result<Generated, StoreError> {
    let started = Instant::now();
    let policy = store.desk_settings()?.settings.policy;
    let mut rng = Rng::new(seed);
    let times = received_times(&mut rng, count, now);
    let first = now - Duration::days(365 * YEARS);
    let mut done = 0;
    for chunk in times.chunks(BATCH as usize) {
        store.bulk_batch(|batch| {
            for at in chunk {
                let year_index = ((*at - first).num_days() / 365).max(0) as u64;
                one_case(batch, &mut rng, done, *at, year_index, now, &policy)?;
                done += 1;
            }
            Ok(())
        })?;
        // As the desk's idle upkeep would, between batches.
        store.index_new_cases()?;
        progress(done, started.elapsed().as_secs_f64());
    }
    Ok(Generated { cases: done, seconds: started.elapsed().as_secs_f64() })
}

/// Receipt times, oldest first: yearly volume grows fourfold over the ten years; Monday to
/// Saturday, 06–15 UTC (office hours in Helsinki).
fn received_times(rng: &mut Rng, count: u64, now: DateTime<Utc>) -> Vec<DateTime<Utc>> {
    let first_day = (now - Duration::days(365 * YEARS)).date_naive();
    let days = 365 * YEARS - 1;
    let mut times: Vec<DateTime<Utc>> = (0..count)
        .map(|n| {
            let u = (n as f64 + rng.unit()) / count.max(1) as f64;
            // Inverse of the growth curve's cumulative share: density 0.4 + 1.2 t on [0, 1].
            let t = (-0.4 + (0.16 + 2.4 * u).sqrt()) / 1.2;
            let mut day = first_day + Duration::days((t.clamp(0.0, 1.0) * days as f64) as i64);
            if day.weekday() == Weekday::Sun {
                day += Duration::days(1);
            }
            let minute = 6 * 60 + rng.below(9 * 60) as i64;
            day.and_hms_opt(0, 0, 0).map(|midnight| midnight.and_utc()).unwrap_or(now)
                + Duration::minutes(minute)
                + Duration::seconds(rng.below(60) as i64)
        })
        .map(|at| at.min(now - Duration::minutes(5)))
        .collect();
    times.sort();
    times
}

/// How many lifecycle steps a case of this age has gone through.
fn steps_reached(rng: &mut Rng, age_days: i64) -> u64 {
    match age_days {
        ..1 => rng.below(2),
        1..3 => rng.below(3),
        3..7 => 1 + rng.below(4),
        7..14 => 2 + rng.below(5),
        14..45 if rng.percent(90) => ALL_STEPS,
        14..45 => rng.below(ALL_STEPS),
        // A few old cases were never finished: forgotten, with their promises broken.
        _ if rng.below(1000) < 6 => rng.below(ALL_STEPS),
        _ => ALL_STEPS,
    }
}

const REMEDIES: &[&str] = &[
    "Uusi laite toimitetaan ja vanha noudetaan",
    "Korjaus takuuhuollossa",
    "Hyvitys laskulta",
    "Rahat palautetaan tilille",
    "Alennus 20 % ja anteeksipyyntö",
    "Replacement sent by courier",
];

fn lifecycle(rng: &mut Rng) -> Vec<CaseCommand> {
    let form = *rng.pick(&[RemedyForm::Repair, RemedyForm::Replacement, RemedyForm::Refund, RemedyForm::Discount]);
    vec![
        CaseCommand::StartSolving,
        CaseCommand::AgreeRemedy {
            remedy: Remedy { forms: vec![form], description: (*rng.pick(REMEDIES)).to_owned() },
            option_id: None,
        },
        CaseCommand::DeliverRemedy {
            summary: "Toimitettu ja asiakkaalle kerrottu".into(),
            informed_via: *rng.pick(&[Channel::Phone, Channel::Email]),
        },
        CaseCommand::RecordRootCause {
            category: *rng.pick(&[
                RootCauseCategory::Process,
                RootCauseCategory::Communication,
                RootCauseCategory::ProductDefect,
                RootCauseCategory::Billing,
                RootCauseCategory::Partner,
                RootCauseCategory::Unknown,
            ]),
            description: "Selvitetty korjauksen jälkeen".into(),
        },
        CaseCommand::AssignResponsibility {
            party: *rng.pick(&[Party::Us, Party::Supplier, Party::Customer, Party::Shared]),
            party_name: None,
            note: None,
        },
        CaseCommand::Close {
            closing_gesture: rng.percent(60).then(|| "Soitimme ja kiitimme kärsivällisyydestä".into()),
            lessons_learned: None,
            not_analysed_reason: None,
        },
    ]
}

fn one_case(
    batch: &mut Batch<'_>,
    rng: &mut Rng,
    serial: u64,
    at: DateTime<Utc>,
    year_index: u64,
    now: DateTime<Utc>,
    policy: &Policy,
) -> Result<(), StoreError> {
    let intake = corpus::intake(rng, serial, at.year()).validate()?;
    let agent = Actor::agent(corpus::agent(rng, year_index));
    let case_id = batch.create_case(intake, &agent, at)?;

    // The lifecycle, step by step, as far as the case's age allows.
    let reached = steps_reached(rng, (now - at).num_days());
    let mut step_at = at;
    let mut steps = Vec::new();
    for command in lifecycle(rng).into_iter().take(reached as usize) {
        step_at += Duration::minutes(60 + rng.below(29 * 60) as i64);
        if step_at >= now {
            break;
        }
        steps.push((command, step_at));
    }
    let started = steps.first().map(|(_, at)| *at);
    let agreed = steps.get(1).map(|(_, at)| *at);
    let delivered = steps.get(2).map(|(_, at)| *at);

    // 1: the call-back promised at intake, kept when work started (late one time in ten).
    let callback_due = batch.desk().calendar.suggest_due(at, BusinessSpan::Days(1), BusinessSpan::Minutes(0));
    let callback = NewPromise {
        text: "Soitamme takaisin ja kerromme, miten asia etenee".into(),
        channel: PromiseChannel::Call,
        due_at: callback_due,
        owner: agent.person.clone(),
        outside_hours_confirmed: false,
    };
    let callback = batch.make_promise(case_id, callback, &agent, at)?;
    if started.is_some() {
        let kept_at = if rng.percent(90) {
            at + (callback_due - at) * (20 + rng.below(80) as i32) / 100
        } else {
            callback_due + Duration::hours(1 + rng.below(24) as i64)
        };
        if kept_at < now {
            batch.keep_promise(&callback, "Soitettu ja kerrottu jatkosta", kept_at, &agent)?;
        }
    }

    // 2: the remedy promised when agreed (or a decision promised at intake), kept on delivery.
    let (text, made_at) = match agreed {
        Some(agreed) => ("Toimitamme sovitun korjaavan toimenpiteen", agreed),
        None => ("Kerromme ratkaisuehdotuksen", at + Duration::minutes(20)),
    };
    let remedy_due = batch.desk().calendar.suggest_due(made_at, BusinessSpan::Days(5), BusinessSpan::Minutes(0));
    let remedy = NewPromise {
        text: text.into(),
        channel: *rng.pick(&[PromiseChannel::Call, PromiseChannel::Email, PromiseChannel::Sms]),
        due_at: remedy_due,
        owner: agent.person.clone(),
        outside_hours_confirmed: false,
    };
    let remedy = batch.make_promise(case_id, remedy, &agent, made_at)?;
    if let Some(delivered) = delivered.filter(|delivered| *delivered >= made_at) {
        batch.keep_promise(&remedy, "Toimitettu ja asiakkaalle kerrottu", delivered, &agent)?;
    }

    if !steps.is_empty() {
        batch.act_on_case(case_id, steps, &agent, policy)?;
    }
    Ok(())
}
