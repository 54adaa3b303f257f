//! The desk's use cases on a real SQLite file: the decisions the window and the command line used
//! to make each on their own, made here once.

use std::sync::{Arc, Mutex};

use chrono::{Duration, NaiveDate};
use lupaus_core::clock::{Clock, FixedClock};
use lupaus_core::lifecycle::Role;
use lupaus_core::promise::{NewPromise, PromiseChannel};
use lupaus_core::reminder::{ReminderDelay, ReminderPlan};
use lupaus_desk::{CallbackPromise, CaseIntake, Change, Desk, DeskListener};
use lupaus_fixtures::{AGENT, LEAD, helsinki, intake};
use lupaus_store::people::PinHash;

/// Remembers every change the desk announced.
#[derive(Default)]
struct Heard(Mutex<Vec<Change>>);

impl DeskListener for Heard {
    fn changed(&self, change: Change) {
        self.0.lock().expect("heard").push(change);
    }
}

impl Heard {
    fn take(&self) -> Vec<Change> {
        std::mem::take(&mut *self.0.lock().expect("heard"))
    }
}

struct Fixture {
    _dir: tempfile::TempDir,
    desk: Desk,
    heard: Arc<Heard>,
    clock: Arc<FixedClock>,
}

/// A desk on a fresh file on Monday 23.11.2026 at 10.00 in Helsinki, with a lead and an agent;
/// the agent is at the keyboard.
fn desk() -> Fixture {
    let dir = tempfile::tempdir().expect("temp dir");
    let clock = Arc::new(FixedClock::new(helsinki(2026, 11, 23, 10, 0)));
    let heard = Arc::new(Heard::default());
    let store = lupaus_store::Store::open(&dir.path().join("lupaus.db")).expect("store");
    let mut desk = Desk::new(store, clock.clone(), LEAD.into(), heard.clone());
    desk.save_person(LEAD, Role::Lead).expect("the first lead");
    desk.save_person(AGENT, Role::Agent).expect("agent");
    let mut fixture = Fixture { _dir: dir, desk, heard, clock };
    fixture.switch_to(AGENT);
    fixture.heard.take();
    fixture
}

impl Fixture {
    fn switch_to(&mut self, name: &str) {
        let checked = self.desk.start_switch(name).expect("listed").check_pin(None, self.clock.now());
        self.desk.finish_switch(checked).expect("switched");
    }
}

fn call_back(text: &str, due: chrono::DateTime<chrono::Utc>) -> Option<CallbackPromise> {
    Some(CallbackPromise {
        text: text.into(),
        channel: PromiseChannel::Call,
        due_at: due,
        owner: None,
        outside_hours_confirmed: false,
    })
}

#[test]
fn an_intake_and_its_call_back_are_saved_together_and_announced() {
    let mut f = desk();
    let due = helsinki(2026, 11, 24, 12, 0);
    let created = f
        .desk
        .create_case(CaseIntake { case: intake("Maija Meikäläinen"), callback: call_back("Soitamme huomenna", due) })
        .expect("saved");
    let promise = created.callback.expect("the call-back was saved with the case");
    assert_eq!((promise.case_id, promise.owner.as_str(), promise.due_at), (created.case.id, AGENT, due));
    assert_eq!(created.case.next_promise_due, Some(due), "the case list shows the call-back at once");
    assert_eq!(f.heard.take(), [Change::Promises, Change::Cases]);
}

#[test]
fn a_refused_call_back_leaves_no_case_and_points_at_the_call_backs_field() {
    let mut f = desk();
    let yesterday = helsinki(2026, 11, 22, 12, 0);
    let refused = f
        .desk
        .create_case(CaseIntake { case: intake("Maija Meikäläinen"), callback: call_back("Soitamme", yesterday) })
        .expect_err("a call-back due in the past is refused");
    assert_eq!(refused.code(), "invalid_input");
    assert_eq!(refused.field(), Some("callback.due_at"));
    assert_eq!(f.desk.check().expect("check").cases, 0, "no case without its promised call-back");
    assert!(f.heard.take().is_empty(), "nothing changed, nothing announced");
}

#[test]
fn acting_on_a_case_uses_the_policy_saved_in_the_desk_settings() {
    let mut f = desk();
    f.switch_to(LEAD);
    let mut settings = f.desk.settings().expect("settings");
    settings.policy.compensation_lead_limit_cents = 500;
    f.desk.save_settings(settings).expect("saved");
    f.switch_to(AGENT);
    let case = f.desk.create_case(CaseIntake { case: intake("Maija Meikäläinen"), callback: None }).expect("case");
    let proposal: lupaus_core::lifecycle::CaseCommand = serde_json::from_value(serde_json::json!({
        "kind": "propose_compensation",
        "amount_cents": 2000, "form": null, "basis": "goodwill", "note": "Pahoittelut viivästyksestä"
    }))
    .expect("command");
    let detail = f.desk.act_on_case(case.case.id, proposal).expect("proposed");
    assert_eq!(detail.summary.id, case.case.id);
    assert!(
        f.desk.approvals().is_err(),
        "only a lead sees the approvals list; the agent's 20 € is above the desk's 5 € limit"
    );
    f.switch_to(LEAD);
    let waiting = f.desk.approvals().expect("lead sees approvals");
    assert_eq!(waiting.iter().map(|case| case.id).collect::<Vec<_>>(), [case.case.id]);
}

#[test]
fn saving_settings_moves_every_open_reminder_to_the_new_plan_at_once() {
    let mut f = desk();
    let case = f.desk.create_case(CaseIntake { case: intake("Maija Meikäläinen"), callback: None }).expect("case");
    let due = helsinki(2026, 11, 25, 14, 0);
    let promise = NewPromise {
        text: "Soitamme".into(),
        channel: PromiseChannel::Call,
        due_at: due,
        owner: AGENT.into(),
        outside_hours_confirmed: false,
    };
    f.desk.make_promise(case.case.id, promise).expect("promise");
    f.switch_to(LEAD);
    let mut settings = f.desk.settings().expect("settings");
    settings.reminder_plan =
        ReminderPlan { before_due: vec![ReminderDelay::WallMinutes(30)], overdue_every: None, escalate_after: None };
    let saved = f.desk.save_settings(settings).expect("saved");
    assert_eq!(saved.reminders_rescheduled, 1);
    f.clock.set(due - Duration::minutes(30));
    let raised = f.desk.reminder_pass(due - Duration::minutes(30)).expect("pass").reminders;
    assert_eq!(raised.len(), 1, "the new plan's 30-minute reminder fires");
    assert_eq!(f.heard.take().iter().filter(|change| **change == Change::Settings).count(), 1);
}

#[test]
fn a_reversed_period_is_refused_with_the_same_field_and_reason_for_every_host() {
    let f = desk();
    let from = NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
    let refused = f.desk.figures(from, from - Duration::days(3)).expect_err("refused");
    assert_eq!(refused.code(), "invalid_input");
    assert_eq!(refused.field(), Some("to"));
    match refused {
        lupaus_store::StoreError::Core(lupaus_core::CoreError::InvalidInput { reason: Some(reason), .. }) => {
            assert_eq!(reason.key, lupaus_core::reason::END_BEFORE_START);
        }
        other => panic!("expected a reasoned refusal, got {other:?}"),
    }
    assert_eq!(f.desk.figures(from, from).expect("one day").cases_received, 0);
}

#[test]
fn the_os_user_is_at_the_keyboard_at_start_unless_they_have_a_pin() {
    let mut f = desk();
    f.desk.sign_in_os_user(LEAD);
    assert_eq!(f.desk.person(), LEAD);
    f.desk.set_pin(LEAD, &PinHash::of("2468").expect("hash")).expect("own PIN");
    f.desk.sign_in_os_user(LEAD);
    assert_eq!(f.desk.person(), "", "a PIN is never skipped by logging in to the computer");
    assert_eq!(f.desk.actor().expect_err("nobody").code(), "who_are_you");
    f.desk.sign_in_os_user("aino");
    assert_eq!(f.desk.person(), "aino", "an unlisted OS user starts as themselves");
}

#[test]
fn a_wrong_pin_is_counted_and_the_person_at_the_keyboard_stays() {
    let mut f = desk();
    f.switch_to(LEAD);
    f.desk.set_pin(LEAD, &PinHash::of("2468").expect("hash")).expect("PIN");
    f.switch_to(AGENT);
    let checked = f.desk.start_switch(LEAD).expect("listed").check_pin(Some("1111"), f.clock.now());
    assert_eq!(f.desk.finish_switch(checked).expect_err("wrong PIN").code(), "wrong_pin");
    assert_eq!(f.desk.person(), AGENT);
    let checked = f.desk.start_switch(LEAD).expect("listed").check_pin(Some("2468"), f.clock.now());
    assert_eq!(f.desk.finish_switch(checked).expect("right PIN").person, LEAD);
    assert_eq!(f.desk.person(), LEAD);
}

#[test]
fn reading_announces_nothing_and_every_promise_change_wakes_the_reminders() {
    let mut f = desk();
    let case = f.desk.create_case(CaseIntake { case: intake("Maija Meikäläinen"), callback: None }).expect("case");
    assert_eq!(f.heard.take(), [Change::Cases]);
    f.desk.case_detail(case.case.id).expect("read");
    f.desk.browse_cases(&Default::default()).expect("list");
    f.desk.my_due_promises(8, true, None).expect("due");
    assert!(f.heard.take().is_empty());
    let due = helsinki(2026, 11, 24, 12, 0);
    let promise = NewPromise {
        text: "Soitamme".into(),
        channel: PromiseChannel::Call,
        due_at: due,
        owner: AGENT.into(),
        outside_hours_confirmed: false,
    };
    let made = f.desk.make_promise(case.case.id, promise).expect("made");
    let renegotiated = f.desk.renegotiate_promise(made.id, due + Duration::days(1), None).expect("moved");
    f.desk.keep_promise(renegotiated.new.id, "Soitettu, asia selvä", None).expect("kept");
    assert_eq!(f.heard.take(), [Change::Promises; 3]);
}

#[test]
fn a_call_back_by_friday_is_typed_as_said_and_withdrawn_before_the_case_is_declined() {
    let mut f = desk();
    let callback = CallbackPromise {
        text: "Soitamme perjantaina".into(),
        channel: PromiseChannel::Call,
        // Monday 23.11. at 10.00: "pe" is Friday 27.11. at closing time, 16.00.
        due_at: f.desk.due_time(lupaus_desk::DueText::Typed("pe".into())).expect("read"),
        owner: None,
        outside_hours_confirmed: false,
    };
    assert_eq!(callback.due_at, helsinki(2026, 11, 27, 16, 0));
    assert_eq!(f.desk.due_weekdays().expect("days").len(), 10, "Monday to Friday of this week and next");
    let sunday = f.desk.read_due("su 4.15").expect("read");
    assert_eq!(sunday.next_opening, Some(helsinki(2026, 11, 30, 8, 0)), "offered Monday's opening instead");

    let case =
        f.desk.create_case(CaseIntake { case: intake("Maija Meikäläinen"), callback: Some(callback) }).expect("case");
    let promise = case.callback.expect("the call-back");
    let decline = lupaus_core::lifecycle::CaseCommand::DeclineComplaint {
        basis: lupaus_core::lifecycle::DeclineBasis::WarrantyTerms,
        explanation: "Takuu päättyi".into(),
    };
    let refused = f.desk.act_on_case(case.case.id, decline.clone()).expect_err("the call-back is still open");
    assert_eq!(refused.code(), "invalid_transition");
    f.heard.take();
    f.desk.withdraw_promise(promise.id, "Asiakas perui valituksen").expect("withdrawn");
    assert_eq!(f.heard.take(), [Change::Promises], "the reminder scheduler hears of it");
    f.desk.act_on_case(case.case.id, decline).expect("declined once the promise is settled");
}

#[test]
fn a_due_time_typed_as_desk_time_is_read_on_the_desks_clocks() {
    let fixture = desk();
    let local = |text: &str| chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").expect("local time");
    let due = |text: &str| fixture.desk.due_time(lupaus_desk::DueText::Local(local(text))).expect("due");
    // 10.00 in Helsinki is 08.00 UTC in winter and 07.00 UTC in summer, whatever the computer's zone.
    assert_eq!(due("2026-03-10 10:00"), helsinki(2026, 3, 10, 10, 0));
    assert_eq!(due("2026-03-10 10:00").to_rfc3339(), "2026-03-10T08:00:00+00:00");
    assert_eq!(due("2026-06-10 10:00").to_rfc3339(), "2026-06-10T07:00:00+00:00");
    assert_eq!(fixture.desk.zone().expect("zone"), chrono_tz::Europe::Helsinki);
}

/// A desk whose cases were indexed before Voikko was installed searches them with Snowball terms
/// (`ovi` does not find `ovesta`) until the index is rebuilt; then with Voikko's base forms.
#[test]
fn rebuilding_the_index_after_installing_voikko_gives_old_cases_their_base_forms() {
    use lupaus_store::search::Morphology;
    let voikko = Morphology::detect();
    if voikko == Morphology::Snowball {
        assert!(
            std::env::var_os("LUPAUS_REQUIRE_VOIKKO").is_none(),
            "LUPAUS_REQUIRE_VOIKKO is set but Voikko is missing"
        );
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = lupaus_store::Store::open(&dir.path().join("lupaus.db")).expect("store");
    store.set_morphology(Morphology::Snowball);
    let mut complaint = intake("Maija Meikäläinen");
    complaint.description = "Ovesta puuttuu lukko.".into();
    let at = helsinki(2026, 11, 23, 9, 0);
    store
        .create_case(complaint.validate().expect("valid"), &lupaus_core::lifecycle::Actor::agent(AGENT), at)
        .expect("saved");
    store.index_new_cases().expect("indexed without Voikko");
    store.set_morphology(voikko);
    let clock = Arc::new(FixedClock::new(helsinki(2026, 11, 23, 10, 0)));
    let mut desk = Desk::new(store, clock, AGENT.into(), Arc::new(Heard::default()));
    assert!(desk.search_cases("ovi", 10).expect("search").is_empty(), "the old index has no base forms");
    assert_eq!(desk.rebuild_search_index().expect("rebuilt"), 1);
    assert_eq!(desk.search_cases("ovi", 10).expect("search").len(), 1, "ovi finds ovesta");
}

#[test]
fn an_attached_receipt_opens_as_a_checked_copy_inside_the_attachments_folder_and_announces_nothing() {
    let mut f = desk();
    let created = f.desk.create_case(CaseIntake { case: intake("Maija Meikäläinen"), callback: None }).expect("saved");
    let receipt = f._dir.path().join("kuitti.pdf");
    std::fs::write(&receipt, b"%PDF-1.7 kuitti").expect("receipt");
    let attached = f.desk.attach_file(created.case.id, &receipt).expect("attached");
    assert_eq!((attached.file_name.as_str(), attached.media_type.as_str()), ("kuitti.pdf", "application/pdf"));
    f.heard.take();
    let path = f.desk.attachment_to_open(attached.id).expect("opens");
    assert!(path.starts_with(f._dir.path().join("attachments")), "{path:?}");
    assert_eq!(std::fs::read(&path).expect("copy"), b"%PDF-1.7 kuitti");
    assert!(f.heard.take().is_empty(), "opening changes nothing the lists show");
}

#[test]
fn each_person_at_a_shared_keyboard_is_spoken_to_in_their_own_language() {
    use lupaus_core::language::Language;
    let mut fixture = desk();
    assert_eq!(fixture.desk.language(), None, "no choice yet: the computer's locale decides");
    fixture.desk.choose_language(Some(Language::Swedish)).expect("the agent chooses Swedish");
    assert_eq!(fixture.heard.take(), vec![Change::Language(Some(Language::Swedish))]);

    // The lead takes the keyboard: the desk now speaks the lead's language (none chosen)...
    fixture.switch_to(LEAD);
    let heard = (fixture.desk.language(), fixture.heard.take());
    assert_eq!(heard, (None, vec![Change::SignedIn, Change::Language(None)]));
    // ...and the agent's comes back with the agent, also after the file is opened again.
    fixture.switch_to(AGENT);
    let path = fixture.desk.path().to_path_buf();
    let reopened = Desk::open(&path, fixture.clock.clone(), AGENT.into()).expect("reopen");
    assert_eq!((fixture.desk.language(), reopened.language()), (Some(Language::Swedish), Some(Language::Swedish)));
}

#[test]
fn nobody_at_the_keyboard_cannot_choose_a_language() {
    let mut fixture = desk();
    let store = lupaus_store::Store::open(fixture.desk.path()).expect("second connection");
    let mut nobody = Desk::new(store, fixture.clock.clone(), String::new(), fixture.heard.clone());
    let error = nobody.choose_language(Some(lupaus_core::language::Language::English)).expect_err("nobody");
    assert_eq!(error.code(), "who_are_you");
    assert_eq!(fixture.desk.choose_language(None).map_err(|error| error.code()), Ok(()));
}
