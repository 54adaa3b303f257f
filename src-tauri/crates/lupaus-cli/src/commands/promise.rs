//! `lupaus-cli promise ...`, `due`, `remind` and `ics`.

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use lupaus_core::CoreError;
use lupaus_core::calendar::BusinessSpan;
use lupaus_core::promise::{NewPromise, PromiseChannel};
use lupaus_desk::DueText;
use lupaus_store::StoreError;
use lupaus_store::promises::PromiseView;

use super::Context;
use crate::args::{PromiseCommand, TimeArg};
use crate::output;

pub fn run(context: &mut Context, command: PromiseCommand) -> Result<(), StoreError> {
    match command {
        PromiseCommand::Make { reference, text, channel, due, within, by, owner, outside_hours } => {
            let case_id = context.desk.case_id_by_reference(&reference)?;
            let due = match (due, within, by) {
                (Some(TimeArg::Exact(due)), _, _) => DueText::At(due),
                (Some(TimeArg::Local(due)), _, _) => DueText::Local(due),
                (None, Some(within), _) => DueText::Within(parse_span(&within)?),
                (None, None, Some(by)) => DueText::Typed(by),
                (None, None, None) => {
                    return Err(
                        CoreError::invalid("due", "Say when: give --by pe, --due TIME or --within 4h / 2d.").into()
                    );
                }
            };
            let promise = NewPromise {
                text,
                channel: parse_channel(&channel)?,
                due_at: context.desk.due_time(due)?,
                owner: owner.unwrap_or_else(|| context.desk.person().to_owned()),
                outside_hours_confirmed: outside_hours,
            };
            let made = context.desk.make_promise(case_id, promise)?;
            let zone = context.desk.zone()?;
            context.print(&made, |made| {
                format!("Promise #{} due {}, kept by {}", made.id, output::desk_time(made.due_at, zone), made.owner)
            })
        }
        PromiseCommand::Keep { id, outcome, at } => {
            let kept = context.desk.keep_promise(id, &outcome, at)?;
            context.print(&kept, |kept| format!("Promise #{} kept", kept.id))
        }
        PromiseCommand::Renegotiate { id, due, told_at } => {
            let due = match due {
                TimeArg::Exact(due) => due,
                TimeArg::Local(local) => context.desk.instant_at(local)?,
            };
            let outcome = context.desk.renegotiate_promise(id, due, told_at)?;
            let zone = context.desk.zone()?;
            context.print(&outcome, |outcome| {
                format!(
                    "Promise #{} replaced by #{} due {}",
                    outcome.old.id,
                    outcome.new.id,
                    output::desk_time(outcome.new.due_at, zone)
                )
            })
        }
        PromiseCommand::Reassign { id, owner } => {
            let promise = context.desk.reassign_promise(id, &owner)?;
            context.print(&promise, |promise| format!("Promise #{} now owned by {}", promise.id, promise.owner))
        }
        PromiseCommand::Withdraw { id, reason } => {
            let promise = context.desk.withdraw_promise(id, &reason)?;
            context.print(&promise, |promise| format!("Promise #{} withdrawn", promise.id))
        }
        PromiseCommand::List { reference } => {
            let case_id = context.desk.case_id_by_reference(&reference)?;
            let promises = context.desk.case_promises(case_id)?;
            let zone = context.desk.zone()?;
            context.print(&promises, |promises| lines(promises, zone))
        }
    }
}

pub fn due(
    context: &Context,
    at: Option<DateTime<Utc>>,
    within_hours: u32,
    owner: Option<String>,
) -> Result<(), StoreError> {
    let promises = context.desk.due_promises(at, within_hours, owner.as_deref(), 10_000)?;
    let zone = context.desk.zone()?;
    context.print(
        &promises,
        |promises| if promises.is_empty() { "Nothing due.".to_owned() } else { lines(promises, zone) },
    )
}

pub fn remind(context: &mut Context) -> Result<(), StoreError> {
    let now = context.desk.now();
    let raised = context.desk.reminder_pass(now)?.reminders;
    context.print(&raised, |raised| {
        raised
            .iter()
            .map(|r| {
                format!(
                    "{:<12} {} {} #{}",
                    r.key, r.promise.case_reference, r.promise.customer_name, r.promise.promise.id
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    })
}

pub fn ics(context: &Context, owner: Option<String>, out: Option<PathBuf>) -> Result<(), StoreError> {
    let (calendar, count) = context.desk.promises_ics(owner.as_deref())?;
    match out {
        Some(path) => {
            std::fs::write(&path, calendar)?;
            if !context.json {
                crate::output::write_stdout(&format!("Wrote {count} promises to {}\n", path.display()))?;
            }
            Ok(())
        }
        None => crate::output::write_stdout(&calendar),
    }
}

fn lines(promises: &[PromiseView], zone: chrono_tz::Tz) -> String {
    promises
        .iter()
        .map(|view| {
            format!(
                "#{:<5} {}  {:<13} {:?}  {:<20} {}",
                view.promise.id,
                output::desk_time(view.promise.due_at, zone),
                view.case_reference,
                view.status,
                view.promise.owner,
                view.promise.text
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// `4h`, `90m` or `2d` of business time.
fn parse_span(text: &str) -> Result<BusinessSpan, CoreError> {
    let bad = || CoreError::invalid("within", format!("'{text}' is not a span like 90m, 4h or 2d."));
    let text = text.trim();
    let (number, unit) = text.split_at(text.len().saturating_sub(1));
    let amount: u32 = number.parse().map_err(|_| bad())?;
    match unit {
        "m" => Ok(BusinessSpan::Minutes(amount)),
        "h" => Ok(BusinessSpan::Hours(amount)),
        "d" => Ok(BusinessSpan::Days(amount)),
        _ => Err(bad()),
    }
}

fn parse_channel(text: &str) -> Result<PromiseChannel, CoreError> {
    serde_json::from_value(serde_json::Value::String(text.to_owned())).map_err(|_| {
        CoreError::invalid("channel", format!("Unknown channel '{text}'; use call, email, sms, letter or visit."))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_parse_and_bad_ones_name_the_field() {
        assert_eq!(parse_span("4h").expect("4h"), BusinessSpan::Hours(4));
        assert_eq!(parse_span("90m").expect("90m"), BusinessSpan::Minutes(90));
        assert_eq!(parse_span("2d").expect("2d"), BusinessSpan::Days(2));
        assert_eq!(parse_span("2 weeks").expect_err("bad").field(), Some("within"));
        assert_eq!(parse_channel("sms").expect("sms"), PromiseChannel::Sms);
        assert_eq!(parse_channel("pigeon").expect_err("bad").field(), Some("channel"));
    }
}
