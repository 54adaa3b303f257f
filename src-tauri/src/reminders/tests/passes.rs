//! Single passes with `tick(now)`, the clock moved a minute at a time.

use std::collections::BTreeSet;

use chrono::{DateTime, TimeDelta, Utc};
use lupaus_core::clock::Clock;
use lupaus_store::Store;

use super::{Desk, Seen, drain, hourly_plan, keys, recorder, start};
use crate::reminders::texts;
use lupaus_core::language::Language;

#[tokio::test]
async fn each_planned_reminder_is_delivered_once_in_order_as_the_clock_advances() {
    let desk = Desk::new(Store::open_in_memory().expect("store"), start());
    desk.plan(hourly_plan());
    let first = desk.promise("Maija Meikäläinen", start() + TimeDelta::hours(3));
    let second = desk.promise("Matti Virtanen", start() + TimeDelta::minutes(150));
    let (sink, mut received) = recorder();
    let mut scheduler = desk.scheduler(sink);

    let mut delivered = Vec::new();
    while desk.clock.now() <= start() + TimeDelta::hours(6) {
        scheduler.tick(desk.clock.now()).await.expect("tick");
        delivered.extend(drain(&mut received).into_iter().map(|step| (step, desk.clock.now())));
        desk.clock.advance(TimeDelta::minutes(1));
    }

    let at = |minutes: i64| start() + TimeDelta::minutes(minutes);
    let of = |id: i64| -> Vec<(&str, DateTime<Utc>)> {
        delivered
            .iter()
            .filter(|((p, ..), _)| *p == id)
            .map(|((_, key, fire_at), _)| (key.as_str(), *fire_at))
            .collect()
    };
    assert_eq!(
        of(first),
        vec![
            ("before:wall:60", at(120)),
            ("before:wall:15", at(165)),
            ("at_due", at(180)),
            ("overdue:1", at(240)),
            ("overdue:2", at(300)),
            ("escalation", at(300)),
            ("overdue:3", at(360)),
        ]
    );
    assert_eq!(of(second).len(), 7, "{:?}", of(second));
    for ((_, key, fire_at), delivered_at) in &delivered {
        assert_eq!(fire_at, delivered_at, "{key} was delivered late");
    }
    let fire_times: Vec<_> = delivered.iter().map(|((.., fire_at), _)| *fire_at).collect();
    assert!(fire_times.is_sorted(), "delivered out of order: {fire_times:?}");
    let unique: BTreeSet<_> = delivered.iter().map(|((id, key, _), _)| (id, key)).collect();
    assert_eq!(unique.len(), delivered.len(), "a step was delivered twice");
}

#[tokio::test]
async fn the_tray_hears_the_overdue_count_only_when_it_changes() {
    let desk = Desk::new(Store::open_in_memory().expect("store"), start());
    desk.plan(hourly_plan());
    desk.promise("Maija Meikäläinen", start() + TimeDelta::hours(1));
    let (sink, mut received) = recorder();
    let mut scheduler = desk.scheduler(sink);
    let mut counts = Vec::new();
    for _ in 0..120 {
        scheduler.tick(desk.clock.now()).await.expect("tick");
        while let Ok(seen) = received.try_recv() {
            if let Seen::Overdue(count) = seen {
                counts.push((count, desk.clock.now() - start()));
            }
        }
        desk.clock.advance(TimeDelta::minutes(1));
    }
    assert_eq!(counts, vec![(0, TimeDelta::zero()), (1, TimeDelta::minutes(61))]);
}

#[tokio::test]
async fn notifications_name_the_case_and_customer_and_escalations_the_team_lead() {
    let desk = Desk::new(Store::open_in_memory().expect("store"), start());
    desk.plan(hourly_plan());
    desk.promise("Maija Meikäläinen", start() + TimeDelta::hours(1));
    let (sink, mut received) = recorder();
    let mut scheduler = desk.scheduler(sink);
    scheduler.tick(start() + TimeDelta::hours(3)).await.expect("tick");
    let Some(Seen::Raised(raised)) = received.recv().await else { panic!("nothing raised") };
    assert_eq!(keys(&raised), ["overdue:2", "escalation"]);
    assert_eq!(raised.team_leads, ["Leena Lead"]);

    let finnish = texts::of(Language::Finnish);
    let owner = finnish.notification(&raised.reminders[0], &raised.team_leads, raised.zone);
    assert_eq!(owner.summary, "Lupaus on myöhässä: R-2026-000001 Maija Meikäläinen");
    assert!(owner.body.contains("vastuussa Aino Agentti"), "{}", owner.body);
    assert!(owner.body.contains("&lt;b&gt;ja&lt;/b&gt;"), "complaint text is not markup: {}", owner.body);
    let lead = finnish.notification(&raised.reminders[1], &raised.team_leads, raised.zone);
    assert_eq!(lead.summary, "Lupaus jäi pitämättä: R-2026-000001 Maija Meikäläinen");
    assert!(lead.body.contains("Tiiminvetäjälle (Leena Lead): Aino Agentti ei pitänyt lupausta"), "{}", lead.body);
    let english = texts::of(Language::English).notification(&raised.reminders[1], &raised.team_leads, raised.zone);
    assert_eq!(english.summary, "Promise missed: R-2026-000001 Maija Meikäläinen");
}

#[tokio::test]
async fn a_hand_off_to_the_person_at_the_keyboard_is_delivered_once_with_their_notification() {
    let desk = Desk::new(Store::open_in_memory().expect("store"), start());
    let now = desk.clock.now();
    {
        let mut held = desk.state.desk().expect("desk");
        let store = held.store_mut();
        let leena = lupaus_core::lifecycle::Actor::lead("Leena Lead");
        let case =
            store.create_case(lupaus_fixtures::intake("Maija").validate().expect("intake"), &leena, now).expect("case");
        let hand_off = lupaus_core::lifecycle::CaseCommand::HandOff {
            to: "Aino Agentti".into(),
            note: "Varaosa tilattu".into(),
            customer_told: "Aino soittaa".into(),
            callback: None,
        };
        store.act_on_case(case.id, hand_off, &leena, now, &Default::default()).expect("handed off");
    }
    let (sink, mut received) = recorder();
    let mut scheduler = desk.scheduler(sink);
    scheduler.tick(now).await.expect("tick");
    let delivered: Vec<_> = std::iter::from_fn(|| received.try_recv().ok())
        .filter_map(|seen| match seen {
            Seen::Raised(raised) => Some(raised.notices),
            Seen::Overdue(_) => None,
        })
        .collect();
    assert_eq!(delivered.len(), 1, "one delivery");
    assert_eq!((delivered[0].len(), delivered[0][0].from.as_str()), (1, "Leena Lead"));
    let text = texts::of(Language::Finnish).hand_off_notification(&delivered[0][0], chrono_tz::Europe::Helsinki);
    assert!(text.summary.starts_with("Sinulle siirrettiin tapaus: "), "{text:?}");
    scheduler.tick(now + TimeDelta::minutes(1)).await.expect("tick");
    assert!(
        std::iter::from_fn(|| received.try_recv().ok()).all(|seen| !matches!(seen, Seen::Raised(_))),
        "never twice"
    );
}
