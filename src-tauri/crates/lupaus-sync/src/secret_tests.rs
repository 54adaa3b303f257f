//! Where the secret goes: the keyring when one answers, the 0600 file when none does (as on
//! this headless machine) or when it hangs.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Instant;

use super::*;

/// A keyring that answers (an OS keyring stands in for it on desktops; none exists here).
#[derive(Default)]
struct Answering(Mutex<HashMap<String, String>>);

impl Keyring for Answering {
    fn set(&self, name: &str, secret: &str) -> Result<(), KeyringError> {
        self.0.lock().expect("keyring lock").insert(name.into(), secret.into());
        Ok(())
    }
    fn get(&self, name: &str) -> Result<Option<String>, KeyringError> {
        Ok(self.0.lock().expect("keyring lock").get(name).cloned())
    }
    fn delete(&self, name: &str) -> Result<(), KeyringError> {
        self.0.lock().expect("keyring lock").remove(name);
        Ok(())
    }
}

/// A keyring service that owns its name and never answers.
struct Hanging;

impl Keyring for Hanging {
    fn set(&self, _: &str, _: &str) -> Result<(), KeyringError> {
        std::thread::sleep(Duration::from_secs(3600));
        Err(KeyringError::EndedWithoutAnswer)
    }
    fn get(&self, name: &str) -> Result<Option<String>, KeyringError> {
        self.set(name, "").map(|()| None)
    }
    fn delete(&self, name: &str) -> Result<(), KeyringError> {
        self.set(name, "")
    }
}

fn leak<T>(value: T) -> &'static T {
    Box::leak(Box::new(value))
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).expect("file").permissions().mode() & 0o777
}

#[test]
fn without_an_answering_os_keyring_the_secret_goes_to_a_file_only_this_user_reads() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("lupaus.db");
    let started = Instant::now();
    let kept = save_with(&OsKeyring, &db, "s3cret-abc").expect("kept somewhere");
    let took = started.elapsed();
    if kept == Kept::File {
        // No Secret Service here: the keyring failed by itself, not by our timeout.
        assert!(took < KEYRING_TIMEOUT, "the missing keyring took {took:?}");
        #[cfg(unix)]
        assert_eq!(mode(&path_for(&db)), 0o600);
    }
    assert_eq!(load(&db).expect("load"), "s3cret-abc");
    forget(&db).expect("forget");
    assert!(!path_for(&db).exists());
    assert_eq!(load(&db).expect_err("forgotten").code(), "secret_unavailable");
}

#[test]
fn a_keyring_that_answers_keeps_it_and_no_file_is_left() {
    let keyring = leak(Answering::default());
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("lupaus.db");
    save_file(&db, "old").expect("an older file copy");
    assert_eq!(save_with(keyring, &db, "s3cret-abc").expect("kept"), Kept::Keyring);
    assert!(!path_for(&db).exists(), "one place only");
    assert_eq!(load_with(keyring, &db).expect("load"), "s3cret-abc");
    forget_with(keyring, &db).expect("forget");
    assert_eq!(keyring.get(&keyring_name(&db)).expect("asked"), None);
}

#[test]
fn a_hanging_keyring_is_left_behind_and_the_file_is_used() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("lupaus.db");
    assert_eq!(save_with(&Hanging, &db, "s3cret-abc").expect("kept"), Kept::File);
    // The file is read first: no further wait for the keyring.
    assert_eq!(load_with(&Hanging, &db).expect("load"), "s3cret-abc");
    forget_with(&Hanging, &db).expect("forget still removes the file");
    assert!(!path_for(&db).exists());
}

/// A keyring whose call dies (a crashed backend thread) without answering.
struct Dying;

impl Keyring for Dying {
    fn set(&self, _: &str, _: &str) -> Result<(), KeyringError> {
        panic!("the keyring backend crashed")
    }
    fn get(&self, name: &str) -> Result<Option<String>, KeyringError> {
        self.set(name, "").map(|()| None)
    }
    fn delete(&self, name: &str) -> Result<(), KeyringError> {
        self.set(name, "")
    }
}

#[test]
fn a_keyring_that_dies_is_not_waited_for_and_the_file_is_used() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("lupaus.db");
    let started = Instant::now();
    assert_eq!(save_with(&Dying, &db, "s3cret-abc").expect("kept"), Kept::File);
    assert!(started.elapsed() < KEYRING_TIMEOUT, "a dead call is known at once, not after the timeout");
    let name = keyring_name(&db);
    let reason = bounded(&Dying, move |keyring| keyring.get(&name)).expect_err("no answer");
    assert!(matches!(reason, KeyringError::EndedWithoutAnswer), "{reason}");
}
