//! Whereabouts, away days and routing, table-driven in simulated Helsinki time (DST changes on
//! 29 March and 25 October 2026, Christmas 2026 included).

use chrono::{DateTime, TimeZone, Utc};
use rstest::rstest;

use super::*;
use crate::calendar::CalendarSettings;
use crate::reminder::ReminderKind::{AtDue, BeforeDue, Escalation, Overdue};

const A: DeskId = [1; 16];
const B: DeskId = [2; 16];
const L: DeskId = [3; 16];

fn helsinki(month: u32, day: u32, hour: u32, minute: u32) -> DateTime<Utc> {
    chrono_tz::Europe::Helsinki.with_ymd_and_hms(2026, month, day, hour, minute, 0).unwrap().with_timezone(&Utc)
}

fn calendar() -> DeskCalendar {
    CalendarSettings::default().validate().expect("the default calendar")
}

fn known(sign_ins: &[(&str, DeskId, DateTime<Utc>)]) -> Whereabouts {
    Whereabouts::new(sign_ins.iter().map(|(person, desk, at)| SignIn {
        person: (*person).into(),
        desk: *desk,
        at: *at,
    }))
}

#[rstest]
#[case::same_day(helsinki(3, 3, 9, 0), helsinki(3, 3, 16, 0), 0)]
#[case::yesterday(helsinki(3, 2, 9, 0), helsinki(3, 3, 8, 0), 0)]
#[case::friday_to_tuesday_over_spring_dst(helsinki(3, 27, 23, 30), helsinki(3, 31, 0, 30), 1)]
#[case::friday_to_wednesday_over_autumn_dst(helsinki(10, 23, 16, 0), helsinki(10, 28, 0, 30), 2)]
#[case::over_christmas(helsinki(12, 22, 10, 0), helsinki(12, 28, 9, 0), 1)]
#[case::two_weeks(helsinki(11, 2, 8, 0), helsinki(11, 16, 8, 0), 9)]
fn business_days_away_counts_whole_business_days_between(
    #[case] seen: DateTime<Utc>,
    #[case] now: DateTime<Utc>,
    #[case] days: u32,
) {
    assert_eq!(business_days_away(seen, now, &calendar()), days);
}

#[rstest]
#[case::never_seen(None, 3, false)]
#[case::seen_within(Some(helsinki(11, 10, 8, 0)), 3, false)]
#[case::three_days_away(Some(helsinki(11, 9, 8, 0)), 3, true)]
#[case::warning_off(Some(helsinki(10, 1, 8, 0)), 0, false)]
fn away_after_n_business_days(#[case] seen: Option<DateTime<Utc>>, #[case] after: u32, #[case] away: bool) {
    // Thursday 13 November: seen on Monday 9th, the 10th to 12th passed without a sign-in.
    assert_eq!(is_away(seen, helsinki(11, 13, 9, 0), after, &calendar()), away);
}

#[test]
fn a_person_is_where_they_signed_in_last_and_signed_in_while_nobody_followed() {
    let known = known(&[
        ("Aino", A, helsinki(3, 27, 8, 0)),
        ("Aino", B, helsinki(3, 30, 8, 0)),
        ("Ville", A, helsinki(3, 30, 9, 0)),
    ]);
    assert_eq!(known.desk_of("Aino"), Some(B));
    assert_eq!(known.last_seen("Aino"), Some(helsinki(3, 30, 8, 0)));
    assert!(known.signed_in_now("Aino") && known.signed_in_now("Ville"));
    let later =
        Whereabouts::new(
            [("Aino", B, helsinki(3, 30, 8, 0)), ("Kaisa", B, helsinki(3, 30, 10, 0))]
                .map(|(person, desk, at)| SignIn { person: person.into(), desk, at }),
        );
    assert!(!later.signed_in_now("Aino"), "Kaisa took the keyboard on B");
    assert_eq!(later.desk_of("Aino"), Some(B), "Aino was last on B");
    assert_eq!(later.desk_of("Nobody"), None);
}

#[rstest]
#[case::owner_on_a(AtDue, A, true)]
#[case::owner_on_a_not_b(AtDue, B, false)]
#[case::before_due_follows_owner(BeforeDue, A, true)]
#[case::overdue_not_on_lead_desk(Overdue, L, false)]
#[case::escalation_on_lead_desk(Escalation, L, true)]
#[case::escalation_not_on_owner_desk(Escalation, A, false)]
fn steps_go_where_the_owner_or_the_lead_is(#[case] kind: ReminderKind, #[case] here: DeskId, #[case] raised: bool) {
    let known = known(&[("Aino", A, helsinki(3, 30, 8, 0)), ("Leena", L, helsinki(3, 30, 7, 0))]);
    assert_eq!(raises_here(kind, "Aino", &["Leena".into()], &known, here), raised);
}

#[rstest]
// Nobody's whereabouts known: every desk raises, as a standalone desk always did.
#[case::nothing_known(&[], A, true)]
#[case::lead_signed_in_on_b(&[("Leena", L, helsinki(3, 30, 7, 0)), ("Ville", L, helsinki(3, 30, 9, 0)), ("Pekka", B, helsinki(3, 30, 8, 0))], L, false)]
#[case::second_lead_on_b(&[("Leena", L, helsinki(3, 30, 7, 0)), ("Ville", L, helsinki(3, 30, 9, 0)), ("Pekka", B, helsinki(3, 30, 8, 0))], B, true)]
#[case::no_lead_signed_in_last_seen_wins(&[("Leena", L, helsinki(3, 29, 7, 0)), ("Pekka", B, helsinki(3, 28, 7, 0)), ("Ville", L, helsinki(3, 30, 9, 0)), ("Ville", B, helsinki(3, 30, 10, 0))], L, true)]
#[case::no_lead_signed_in_not_the_older(&[("Leena", L, helsinki(3, 29, 7, 0)), ("Pekka", B, helsinki(3, 28, 7, 0)), ("Ville", L, helsinki(3, 30, 9, 0)), ("Ville", B, helsinki(3, 30, 10, 0))], B, false)]
fn escalations_go_to_the_leads_signed_in(
    #[case] sign_ins: &[(&str, DeskId, DateTime<Utc>)],
    #[case] here: DeskId,
    #[case] raised: bool,
) {
    let leads = ["Leena".to_owned(), "Pekka".to_owned()];
    assert_eq!(raises_here(Escalation, "Aino", &leads, &known(sign_ins), here), raised);
}

/// A day of steps on the spring DST day's Monday after: Aino starts on A and moves to B at noon.
/// Every step is raised by exactly one desk, the one she is on when it fires.
#[test]
fn an_owner_moving_desks_gets_each_step_once_on_the_desk_where_she_is() {
    let steps = [
        (helsinki(3, 30, 9, 0), A),
        (helsinki(3, 30, 11, 59), A),
        (helsinki(3, 30, 12, 0), B),
        (helsinki(3, 30, 15, 0), B),
    ];
    let moves = [("Aino", A, helsinki(3, 30, 8, 0)), ("Aino", B, helsinki(3, 30, 12, 0))];
    for (fire_at, expected) in steps {
        let signed_in: Vec<_> = moves.iter().filter(|(_, _, at)| *at <= fire_at).cloned().collect();
        let known = known(&signed_in);
        let raising: Vec<DeskId> =
            [A, B, L].into_iter().filter(|desk| raises_here(AtDue, "Aino", &[], &known, *desk)).collect();
        assert_eq!(raising, vec![expected], "the step at {fire_at}");
    }
}

#[rstest]
#[case::receiver_at_keyboard_here("Ville", "Ville", "Ville", &[("Ville", B, helsinki(3, 30, 8, 0))], A, true)]
#[case::receiver_last_here_not_at_keyboard("Ville", "Ville", "Aino", &[("Ville", A, helsinki(3, 30, 8, 0))], A, true)]
#[case::receiver_on_another_desk("Ville", "Ville", "Aino", &[("Ville", B, helsinki(3, 30, 8, 0))], A, false)]
#[case::receiver_never_seen("Ville", "Ville", "", &[], A, true)]
#[case::passed_on_since("Ville", "Kaisa", "Ville", &[], A, false)]
fn a_hand_off_notice_is_kept_where_the_receiver_is(
    #[case] receiver: &str,
    #[case] owner_now: &str,
    #[case] at_keyboard: &str,
    #[case] sign_ins: &[(&str, DeskId, DateTime<Utc>)],
    #[case] here: DeskId,
    #[case] kept: bool,
) {
    let seen = HandOffSeen { receiver, owner_now, at_keyboard, here };
    assert_eq!(notices_here(seen, &known(sign_ins)), kept);
}
