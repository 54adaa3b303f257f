//! What each person chose on this computer: their language and the folder where the app keeps
//! their calendar file. Device preferences stay on the desk (migrations 7 and 10): team mode never
//! sends them, so a person may read Swedish at one counter and Finnish at another.

use std::path::{Path, PathBuf};

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

impl Store {
    /// The folder where `person` has the app keep their calendar file on this computer.
    pub fn calendar_folder_of(&self, person: &str) -> Result<Option<PathBuf>, StoreError> {
        let folder: Option<Option<String>> = self
            .conn
            .prepare_cached("SELECT calendar_folder FROM person_preferences WHERE person = ?1")?
            .query_row([person.trim()], |row| row.get(0))
            .optional()?;
        Ok(folder.flatten().map(PathBuf::from))
    }

    /// Records (or with `None` forgets) the folder of `person`'s calendar file on this computer.
    pub fn set_calendar_folder_of(&mut self, person: &str, folder: Option<&Path>) -> Result<(), StoreError> {
        let person = person.trim().to_owned();
        let folder = match folder {
            Some(folder) => Some(folder.to_str().map(str::to_owned).ok_or_else(|| {
                StoreError::Core(lupaus_core::CoreError::invalid(
                    "folder",
                    format!("The folder name {} is not valid Unicode; choose another folder.", folder.display()),
                ))
            })?),
            None => None,
        };
        self.write(|tx| {
            tx.prepare_cached(
                "INSERT INTO person_preferences (person, calendar_folder) VALUES (?1, ?2)
                 ON CONFLICT (person) DO UPDATE SET calendar_folder = excluded.calendar_folder",
            )?
            .execute(rusqlite::params![person, folder])?;
            Ok(())
        })
    }

    /// Everyone on this computer who has a calendar file kept, with its folder.
    pub fn calendar_folders(&self) -> Result<Vec<(String, PathBuf)>, StoreError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT person, calendar_folder FROM person_preferences WHERE calendar_folder IS NOT NULL ORDER BY person",
        )?;
        let rows =
            statement.query_map([], |row| Ok((row.get::<_, String>(0)?, PathBuf::from(row.get::<_, String>(1)?))))?;
        Ok(rows.collect::<Result<_, _>>()?)
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

    #[test]
    fn a_calendar_folder_is_kept_per_person_beside_the_language() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut store = Store::open(&dir.path().join("lupaus.db")).expect("open");
        store.set_language_of("Sören", Some(Language::Swedish)).expect("language");
        let folder = dir.path().join("Kalenteri Sören");
        store.set_calendar_folder_of("Sören", Some(&folder)).expect("folder");
        assert_eq!(store.language_of("Sören").ok(), Some(Some(Language::Swedish)), "the language stays");
        assert_eq!(store.calendar_folder_of("Sören").ok(), Some(Some(folder.clone())));
        assert_eq!(store.calendar_folder_of("Aino").ok(), Some(None));
        assert_eq!(store.calendar_folders().ok(), Some(vec![("Sören".to_owned(), folder)]));
        store.set_calendar_folder_of("Sören", None).expect("forget");
        assert_eq!(store.calendar_folders().ok(), Some(vec![]));
    }
}
