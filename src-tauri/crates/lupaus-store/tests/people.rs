//! People and PINs on a real database file: the rules hold through the store, PINs are stored
//! only as Argon2id hashes, and a refused change leaves nothing behind.

use lupaus_core::lifecycle::{Actor, Role};
use lupaus_store::Store;
use lupaus_store::people::{Person, PinHash};

fn at() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(1_780_000_000, 0).expect("time")
}

fn temp_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("people.db")).expect("store");
    (dir, store)
}

/// Leena leads; Aino is an agent.
fn desk() -> (tempfile::TempDir, Store) {
    let (dir, mut store) = temp_store();
    store.save_person("Leena", Role::Lead, &Actor::agent("Leena"), at()).expect("first lead");
    store.save_person("Aino", Role::Agent, &Actor::lead("Leena"), at()).expect("agent");
    (dir, store)
}

fn person(name: &str, role: Role, has_pin: bool) -> Person {
    Person { name: name.to_owned(), role, has_pin }
}

#[test]
fn a_new_desk_gets_its_first_lead_from_anyone_and_then_only_leads_add_people() {
    let (_dir, mut store) = temp_store();
    let first = store.save_person("Leena", Role::Lead, &Actor::agent("installer"), at()).expect("first lead");
    assert_eq!(first, person("Leena", Role::Lead, false));
    let refused = store.save_person("Mallory", Role::Lead, &Actor::agent("Mallory"), at()).expect_err("second lead");
    assert_eq!(refused.code(), "lead_only");
    assert_eq!(store.people().expect("people"), vec![person("Leena", Role::Lead, false)]);
}

#[test]
fn a_pin_is_stored_as_an_argon2id_hash_with_its_own_salt() {
    let (_dir, mut store) = desk();
    let hash = PinHash::of("2468").expect("hash");
    assert!(hash.as_phc().starts_with("$argon2id$"), "{}", hash.as_phc());
    assert!(!hash.as_phc().contains("2468"));
    let again = PinHash::of("2468").expect("hash again");
    assert_ne!(hash, again, "two hashes of the same PIN must differ by their salt");

    store.set_pin("Aino", &hash, &Actor::agent("Aino"), at()).expect("own pin");
    assert_eq!(store.people().expect("people")[0], person("Aino", Role::Agent, true));
    let stored = store.sign_in("Aino").expect("sign in").pin.expect("a pin");
    assert_eq!(stored, hash);
    assert!(stored.matches("2468"));
    assert!(!stored.matches("2469"));
    assert!(!stored.matches(""));
}

#[test]
fn a_bad_pin_is_refused_before_hashing() {
    let error = PinHash::of("12ab").expect_err("letters");
    assert_eq!((error.code(), error.field()), ("invalid_input", Some("pin")));
}

#[test]
fn only_the_owner_sets_a_pin_and_a_lead_clears_a_forgotten_one() {
    let (_dir, mut store) = desk();
    let pin = PinHash::of("13579").expect("hash");
    let refused = store.set_pin("Aino", &pin, &Actor::lead("Leena"), at()).expect_err("not hers");
    assert_eq!((refused.code(), refused.field()), ("invalid_input", Some("person")));
    assert!(store.sign_in("Aino").expect("sign in").pin.is_none(), "a refused PIN is not stored");

    store.set_pin("Aino", &pin, &Actor::agent("Aino"), at()).expect("own pin");
    let refused = store.clear_pin("Aino", &Actor::agent("Mikko"), at()).expect_err("agent");
    assert_eq!(refused.code(), "lead_only");
    assert!(store.has_pin("Aino").expect("has pin"));

    store.clear_pin("Aino", &Actor::lead("Leena"), at()).expect("forgotten pin cleared");
    assert!(!store.has_pin("Aino").expect("has pin"));
    assert!(store.sign_in("Aino").expect("sign in").pin.is_none());
}

#[test]
fn the_last_lead_stays_and_a_deactivated_person_can_no_longer_act() {
    let (_dir, mut store) = desk();
    let lead = Actor::lead("Leena");
    let refused = store.deactivate_person("Leena", &lead, at()).expect_err("last lead");
    assert_eq!(refused.code(), "invalid_input");
    let refused = store.save_person("Leena", Role::Agent, &lead, at()).expect_err("last lead demoted");
    assert_eq!(refused.field(), Some("role"));
    assert_eq!(store.actor("Leena").expect("actor"), lead, "refused changes leave Leena a lead");

    store.deactivate_person("Aino", &lead, at()).expect("deactivated");
    assert_eq!(store.people().expect("people"), vec![person("Leena", Role::Lead, false)]);
    assert_eq!(store.actor("Aino").expect_err("deactivated").code(), "who_are_you");
    assert_eq!(store.sign_in("Aino").expect_err("deactivated").code(), "not_found");

    store.save_person("Aino", Role::Lead, &lead, at()).expect("back as a lead");
    store.deactivate_person("Leena", &Actor::lead("Aino"), at()).expect("no longer the last lead");
    assert_eq!(store.people().expect("people"), vec![person("Aino", Role::Lead, false)]);
}

#[test]
fn nobody_at_the_keyboard_cannot_act_and_unlisted_names_act_as_agents() {
    let (_dir, store) = desk();
    let error = store.actor("  ").expect_err("nobody");
    assert_eq!(error.code(), "who_are_you");
    assert!(error.to_string().contains("Choose who you are"), "{error}");
    assert_eq!(store.actor("Ville").expect("unlisted"), Actor::agent("Ville"));
    let visitor = store.sign_in("Ville").expect("unlisted");
    assert_eq!((visitor.actor, visitor.pin), (Actor::agent("Ville"), None));
}

#[test]
fn wrong_pins_are_still_counted_after_a_restart_and_a_new_pin_starts_afresh() {
    use chrono::{TimeZone, Utc};
    use lupaus_core::people::WrongPins;

    let (dir, mut store) = desk();
    store.set_pin("Leena", &PinHash::of("2468").expect("hash"), &Actor::lead("Leena"), at()).expect("pin");
    let at = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).single().expect("time");
    let five_wrong = WrongPins { count: 5, last: Some(at) };
    store.record_pin_tries("Leena", five_wrong).expect("recorded");
    drop(store);

    let mut store = Store::open(&dir.path().join("people.db")).expect("reopened");
    assert_eq!(store.sign_in("Leena").expect("sign in").wrong_pins, five_wrong, "the restart kept the count");
    assert_eq!(store.sign_in("Aino").expect("sign in").wrong_pins, WrongPins::default(), "counted per person");
    store.clear_pin("Leena", &Actor::lead("Leena"), at).expect("forgotten pin cleared");
    assert_eq!(store.sign_in("Leena").expect("sign in").wrong_pins, WrongPins::default());
}
