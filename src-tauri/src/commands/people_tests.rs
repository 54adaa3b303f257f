//! The people commands through IPC on the mock runtime: the PIN at the switch, the wait after
//! wrong PINs, nobody at the keyboard, and lead-only changes refused by the core.

use std::sync::Arc;

use chrono::{Duration, TimeZone, Utc};
use lupaus_core::clock::FixedClock;
use lupaus_core::lifecycle::{Actor, Role};
use lupaus_store::Store;
use lupaus_store::people::PinHash;
use serde_json::{Value, json};
use tauri::test::{MockRuntime, mock_builder, mock_context, noop_assets};

use crate::state::AppState;

struct Desk {
    _app: tauri::App<MockRuntime>,
    window: tauri::WebviewWindow<MockRuntime>,
    clock: Arc<FixedClock>,
}

/// Leena leads with PIN 2468; Aino is an agent without a PIN; `person` is at the keyboard.
fn desk(person: &str) -> Desk {
    let mut store = Store::open_in_memory().expect("in-memory store");
    store.save_person("Leena", Role::Lead, &Actor::agent("Leena"), chrono::Utc::now()).expect("lead");
    store.save_person("Aino", Role::Agent, &Actor::lead("Leena"), chrono::Utc::now()).expect("agent");
    store
        .set_pin("Leena", &PinHash::of("2468").expect("hash"), &Actor::lead("Leena"), chrono::Utc::now())
        .expect("pin");
    mount(store, person, &Arc::new(FixedClock::new(nine_o_clock())))
}

fn nine_o_clock() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).single().expect("time")
}

/// The app on `store`, with `person` at the keyboard and time from `clock`.
fn mount(store: Store, person: &str, clock: &Arc<FixedClock>) -> Desk {
    let state = AppState::with_clock(store, person.to_owned(), clock.clone());
    let app = crate::build(mock_builder().manage(state)).build(mock_context(noop_assets())).expect("mock app");
    let window = tauri::WebviewWindowBuilder::new(&app, "main", Default::default()).build().expect("window");
    Desk { _app: app, window, clock: clock.clone() }
}

impl Desk {
    fn invoke(&self, cmd: &str, body: Value) -> Result<Value, Value> {
        crate::wiring_tests::invoke(&self.window, cmd, body)
    }

    fn at_keyboard(&self) -> Value {
        self.invoke("current_person", json!({})).expect("current person")["name"].clone()
    }

    fn switch(&self, name: &str, pin: Option<&str>) -> Result<Value, Value> {
        self.invoke("switch_person", json!({ "name": name, "pin": pin }))
    }
}

#[test]
fn a_person_with_a_pin_is_acted_as_only_with_the_right_pin() {
    let desk = desk("Aino");
    let missing = desk.switch("Leena", None).expect_err("no pin");
    assert_eq!((&missing["code"], &missing["field"]), (&json!("pin_required"), &json!("pin")));
    assert_eq!(missing["message"], "Leena has a PIN. Type it to continue as Leena.");
    let wrong = desk.switch("Leena", Some("1357")).expect_err("wrong pin");
    assert_eq!((&wrong["code"], &wrong["field"]), (&json!("wrong_pin"), &json!("pin")));
    assert_eq!(desk.at_keyboard(), "Aino", "a refused switch leaves the person at the keyboard");

    let switched = desk.switch("Leena", Some("2468")).expect("right pin");
    assert_eq!(switched, json!({ "name": "Leena", "role": "lead", "language": null }));
    assert_eq!(desk.at_keyboard(), "Leena");
    assert_eq!(desk.switch("Aino", None).expect("no pin needed")["name"], "Aino");
}

#[test]
fn five_wrong_pins_make_the_next_try_wait_and_say_how_long() {
    let desk = desk("Aino");
    for _ in 0..5 {
        assert_eq!(desk.switch("Leena", Some("0000")).expect_err("wrong")["code"], "wrong_pin");
    }
    desk.clock.advance(Duration::seconds(12));
    let waiting = desk.switch("Leena", Some("2468")).expect_err("must wait");
    assert_eq!(waiting["code"], "pin_wait");
    assert_eq!(waiting["message"], "Too many wrong PINs for Leena. Wait 18 seconds, then try again.");
    desk.clock.advance(Duration::seconds(18));
    assert_eq!(desk.switch("Leena", Some("2468")).expect("after the wait")["name"], "Leena");
}

#[test]
fn nobody_at_the_keyboard_is_asked_who_they_are_before_any_change() {
    let desk = desk("");
    let error = desk.invoke("current_person", json!({})).expect_err("nobody");
    assert_eq!(error["code"], "who_are_you");
    let refused = desk.invoke("save_person", json!({ "name": "Ville", "role": "agent" })).expect_err("nobody");
    assert_eq!(refused["code"], "who_are_you");
    assert_eq!(desk.switch("Leena", Some("2468")).expect("with pin")["role"], "lead");
}

#[test]
fn only_a_lead_changes_the_people_and_the_pin_hash_never_crosses_ipc() {
    let desk = desk("Aino");
    let refused = desk.invoke("save_person", json!({ "name": "Aino", "role": "lead" })).expect_err("agent");
    assert_eq!(refused["code"], "lead_only");
    let refused = desk.invoke("clear_pin", json!({ "name": "Leena" })).expect_err("agent");
    assert_eq!(refused["code"], "lead_only");
    let own = desk.invoke("set_pin", json!({ "name": "Aino", "pin": "97531" })).expect("own pin");
    assert_eq!(own[0], json!({ "name": "Aino", "role": "agent", "has_pin": true }));

    desk.switch("Leena", Some("2468")).expect("lead");
    let people = desk.invoke("save_person", json!({ "name": "Ville", "role": "agent" })).expect("added");
    assert_eq!(people.as_array().map(Vec::len), Some(3));
    let people = desk.invoke("clear_pin", json!({ "name": "Aino" })).expect("forgotten pin");
    assert_eq!(people[0]["has_pin"], false);
    let people = desk.invoke("deactivate_person", json!({ "name": "Ville" })).expect("deactivated");
    assert_eq!(
        people,
        json!([
            { "name": "Aino", "role": "agent", "has_pin": false },
            { "name": "Leena", "role": "lead", "has_pin": true },
        ])
    );
    let bad = desk.invoke("set_pin", json!({ "name": "Leena", "pin": "12" })).expect_err("too short");
    assert_eq!((&bad["code"], &bad["field"]), (&json!("invalid_input"), &json!("pin")));
}

#[test]
fn the_wait_after_wrong_pins_outlives_a_restart_of_the_app() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("lupaus.db");
    let clock = Arc::new(FixedClock::new(nine_o_clock()));
    let start = |clock: &Arc<FixedClock>| mount(Store::open(&path).expect("store"), "Aino", clock);
    {
        let mut store = Store::open(&path).expect("store");
        store.save_person("Leena", Role::Lead, &Actor::agent("Leena"), chrono::Utc::now()).expect("lead");
        store
            .set_pin("Leena", &PinHash::of("2468").expect("hash"), &Actor::lead("Leena"), chrono::Utc::now())
            .expect("pin");
    }
    let desk = start(&clock);
    for _ in 0..5 {
        assert_eq!(desk.switch("Leena", Some("0000")).expect_err("wrong")["code"], "wrong_pin");
    }
    drop(desk);

    clock.advance(Duration::seconds(10));
    let restarted = start(&clock);
    let waiting = restarted.switch("Leena", Some("2468")).expect_err("still waits after the restart");
    assert_eq!(waiting["code"], "pin_wait");
    assert_eq!(waiting["message"], "Too many wrong PINs for Leena. Wait 20 seconds, then try again.");
}

#[test]
fn a_chosen_language_is_kept_with_the_person_and_the_notifications_follow_who_is_at_the_keyboard() {
    use lupaus_core::language::Language;
    use tauri::Manager;
    let desk = desk("Aino");
    let spoken = desk._app.state::<AppState>().spoken();
    let me = desk.invoke("choose_language", json!({ "language": "sv" })).expect("Aino chooses Swedish");
    assert_eq!((me["name"].clone(), me["language"].clone()), (json!("Aino"), json!("sv")));
    assert_eq!((spoken.language(), spoken.texts().tray_quit), (Language::Swedish, "Avsluta"));

    // Leena takes the keyboard: she chose nothing, so the computer's language is spoken.
    let leena = desk.invoke("switch_person", json!({ "name": "Leena", "pin": "2468" })).expect("switched");
    assert_eq!(leena["language"], Value::Null);
    assert_eq!(spoken.language(), crate::reminders::texts::os_language());
    assert_eq!(desk.invoke("app_info", json!({})).expect("info")["language"], Value::Null);
    desk.invoke("switch_person", json!({ "name": "Aino" })).expect("Aino is back");
    assert_eq!(spoken.language(), Language::Swedish);
    assert_eq!(desk.invoke("app_info", json!({})).expect("info")["language"], json!("sv"));

    let refused = desk.invoke("choose_language", json!({ "language": "de" })).expect_err("no German");
    assert_eq!((refused["code"].clone(), refused["field"].clone()), (json!("invalid_input"), json!("language")));
    assert_eq!(spoken.language(), Language::Swedish, "a refused choice changes nothing");
}
