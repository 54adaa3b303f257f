//! The language the shell speaks in notifications and the tray: the one the person at the
//! keyboard chose (stored with them on this computer, see `Desk::choose_language`), else the
//! computer's locale. The desk announces a change (`Change::Language`) when the person chooses
//! or another person takes the keyboard; the notifier reads the language at each notification
//! and the tray rewrites its menu, so neither needs a restart.

use lupaus_core::language::Language;
use tokio::sync::watch;

use crate::reminders::texts::{self, Texts};

/// The language being spoken now, shared by the desk's listener (which sets it) and the
/// notifier and tray (which read it).
#[derive(Clone)]
pub struct Spoken(watch::Sender<Language>);

impl Spoken {
    pub fn new(choice: Option<Language>) -> Spoken {
        Spoken(watch::Sender::new(choice.unwrap_or_else(texts::os_language)))
    }

    /// Follows a person's choice; `None` goes back to the computer's locale.
    pub fn follow(&self, choice: Option<Language>) {
        let language = choice.unwrap_or_else(texts::os_language);
        self.0.send_if_modified(|spoken| std::mem::replace(spoken, language) != language);
    }

    pub fn language(&self) -> Language {
        *self.0.borrow()
    }

    pub fn texts(&self) -> &'static Texts {
        texts::of(self.language())
    }

    /// Wakes at each change of language, for the tray to rewrite its menu.
    pub fn watch(&self) -> watch::Receiver<Language> {
        self.0.subscribe()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_chosen_language_wakes_the_watchers_once_and_none_follows_the_computer() {
        let spoken = Spoken::new(Some(Language::Finnish));
        let mut watcher = spoken.watch();
        watcher.mark_unchanged();
        spoken.follow(Some(Language::Swedish));
        assert!(watcher.has_changed().unwrap_or(false));
        assert_eq!((*watcher.borrow_and_update(), spoken.texts().tray_quit), (Language::Swedish, "Avsluta"));
        spoken.follow(Some(Language::Swedish));
        assert!(!watcher.has_changed().unwrap_or(true), "the same language again is no change");
        spoken.follow(None);
        assert_eq!(spoken.language(), texts::os_language());
    }
}
