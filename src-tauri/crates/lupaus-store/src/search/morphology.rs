//! Which Finnish morphology search uses: Voikko's base forms where libvoikko is installed,
//! Snowball stems everywhere else.

use std::collections::HashMap;

use super::terms;
use super::voikko::{self, Voikko};

/// How Finnish words are brought to a common form. Swedish and English always use Snowball.
#[derive(Clone, Copy)]
pub enum Morphology {
    /// libvoikko's base forms (`ovesta` → `ovi`), with Snowball stems stored beside them.
    Voikko(&'static Voikko),
    /// Snowball stems only: the fallback where libvoikko or its dictionary is missing.
    Snowball,
}

impl std::fmt::Debug for Morphology {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(self.name())
    }
}

impl PartialEq for Morphology {
    fn eq(&self, other: &Morphology) -> bool {
        self.name() == other.name()
    }
}

impl Morphology {
    /// Voikko when this machine has it, else Snowball.
    pub fn detect() -> Morphology {
        voikko::shared().map_or(Morphology::Snowball, Morphology::Voikko)
    }

    /// `voikko` or `snowball`, for logs, `check` and the bench.
    pub fn name(self) -> &'static str {
        match self {
            Morphology::Voikko(_) => "voikko",
            Morphology::Snowball => "snowball",
        }
    }

    /// The folded base forms of every Finnish word in `texts` Voikko knows, by folded word.
    /// Voikko reads the words with their ä and ö: `päätöksestä` is `päätös`, `paatos` is not.
    pub(crate) fn base_forms<'a>(self, texts: impl Iterator<Item = &'a str>) -> BaseForms {
        let Morphology::Voikko(voikko) = self else { return BaseForms::default() };
        let mut forms = HashMap::new();
        for text in texts {
            for word in text.split(|c: char| !c.is_alphabetic()).filter(|word| word.chars().count() >= 2) {
                let word = word.to_lowercase();
                let folded = terms::fold(&word);
                if forms.contains_key(&folded) {
                    continue;
                }
                let mut bases: Vec<String> = Vec::new();
                for base in voikko.base_forms(&word) {
                    let base = terms::fold(&base);
                    if !base.is_empty() && !bases.contains(&base) {
                        bases.push(base);
                    }
                }
                forms.insert(folded, bases);
            }
        }
        BaseForms(forms)
    }
}

/// Base forms by folded word; a word Voikko does not know has none.
#[derive(Debug, Default)]
pub(crate) struct BaseForms(HashMap<String, Vec<String>>);

impl BaseForms {
    pub(crate) fn of(&self, word: &str) -> &[String] {
        self.0.get(word).map_or(&[], Vec::as_slice)
    }
}
