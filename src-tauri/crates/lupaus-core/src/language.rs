//! The languages Lupaus speaks: Finnish, Swedish and English. A person may choose one; without a
//! choice the computer's locale decides, and anything but Finnish or Swedish reads as English.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::CoreError;

/// A language of the window, the notifications and the tray, by its ISO 639-1 code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
pub enum Language {
    #[serde(rename = "fi")]
    Finnish,
    #[serde(rename = "sv")]
    Swedish,
    #[serde(rename = "en")]
    English,
}

impl Language {
    pub const ALL: [Language; 3] = [Language::Finnish, Language::Swedish, Language::English];

    /// `fi`, `sv` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Language::Finnish => "fi",
            Language::Swedish => "sv",
            Language::English => "en",
        }
    }

    /// The language of `code` (`fi`, `sv`, `en`); anything else is bad input naming the choices.
    pub fn of_code(code: &str) -> Result<Language, CoreError> {
        Language::ALL
            .into_iter()
            .find(|language| language.code() == code)
            .ok_or_else(|| CoreError::invalid("language", format!("Unknown language {code:?}: choose fi, sv or en.")))
    }

    /// `fi-FI`, `fi_FI.UTF-8` and `fi` are Finnish; `sv-*` Swedish; anything else English.
    pub fn of_locale(locale: &str) -> Language {
        let language = locale.split(['-', '_', '.']).next().unwrap_or_default().to_ascii_lowercase();
        Language::ALL.into_iter().find(|candidate| candidate.code() == language).unwrap_or(Language::English)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_locale_picks_finnish_or_swedish_and_else_english() {
        for (locale, language) in [
            ("fi-FI", Language::Finnish),
            ("fi_FI.UTF-8", Language::Finnish),
            ("FI", Language::Finnish),
            ("sv-FI", Language::Swedish),
            ("en-GB", Language::English),
            ("de-DE", Language::English),
            ("", Language::English),
        ] {
            assert_eq!(Language::of_locale(locale), language, "{locale}");
        }
    }

    #[test]
    fn a_code_round_trips_and_an_unknown_one_names_the_choices() {
        for language in Language::ALL {
            assert_eq!(Language::of_code(language.code()).ok(), Some(language));
            assert_eq!(serde_json::to_string(&language).ok(), Some(format!("\"{}\"", language.code())));
        }
        let error = Language::of_code("de").err().map(|error| error.to_string()).unwrap_or_default();
        assert!(error.contains("choose fi, sv or en"), "{error}");
    }
}
