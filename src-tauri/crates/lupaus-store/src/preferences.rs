//! What each person chose on this computer: today their language. Device preferences stay on the
//! desk (migration 7): team mode never sends them, so a person may read Swedish at one counter
//! and Finnish at another.

use lupaus_core::language::Language;
use rusqlite::OptionalExtension;

use crate::{Store, StoreError};

impl Store {
    /// The language `person` chose on this computer; `None` to follow the computer's locale.
    pub fn language_of(&self, person: &str) -> Result<Option<Language>, StoreError> {
        let code: Option<Option<String>> = self
            .conn
            .prepare_cached("SELECT language FROM person_preferences WHERE person = ?1")?
            .query_row([person.trim()], |row| row.get(0))
            .optional()?;
        // The column's CHECK allows only the three codes.
        Ok(code.flatten().and_then(|code| Language::of_code(&code).ok()))
    }

    /// Records `person`'s language on this computer; `None` goes back to the computer's locale.
    pub fn set_language_of(&mut self, person: &str, language: Option<Language>) -> Result<(), StoreError> {
        let person = person.trim().to_owned();
        self.write(|tx| {
            tx.prepare_cached(
                "INSERT INTO person_preferences (person, language) VALUES (?1, ?2)
                 ON CONFLICT (person) DO UPDATE SET language = excluded.language",
            )?
            .execute(rusqlite::params![person, language.map(Language::code)])?;
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use lupaus_core::language::Language;

    use crate::Store;

    #[test]
    fn each_person_keeps_their_own_language_across_a_reopen() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("lupaus.db");
        {
            let mut store = Store::open(&path).expect("open");
            assert_eq!(store.language_of("Aino").ok(), Some(None));
            store.set_language_of("Aino", Some(Language::Swedish)).expect("Aino's choice");
            store.set_language_of("Bertil", Some(Language::Finnish)).expect("Bertil's choice");
            store.set_language_of("Bertil", Some(Language::English)).expect("Bertil changes his mind");
        }
        let mut store = Store::open(&path).expect("reopen");
        assert_eq!(store.language_of(" Aino ").ok(), Some(Some(Language::Swedish)));
        assert_eq!(store.language_of("Bertil").ok(), Some(Some(Language::English)));
        store.set_language_of("Aino", None).expect("back to the computer's locale");
        assert_eq!(store.language_of("Aino").ok(), Some(None));
    }
}
