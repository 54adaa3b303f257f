//! Search quality over the committed corpus (lupaus-store's `search/corpus.txt`): recall and
//! precision with Voikko's base forms where libvoikko is installed, and always with the Snowball
//! fallback a desk without it uses. Issue 19's goals are the verdicts.

use lupaus_store::StoreError;
use lupaus_store::search::Morphology;
use lupaus_store::search::quality::{self, SearchQuality};

pub const VOIKKO_RECALL: f64 = 0.98;
pub const VOIKKO_PRECISION: f64 = 0.95;
pub const SNOWBALL_RECALL: f64 = 0.90;

/// Both paths, Voikko first; Voikko only where this machine has it.
pub fn measure() -> Result<Vec<SearchQuality>, StoreError> {
    let mut measured = Vec::new();
    if let voikko @ Morphology::Voikko(_) = Morphology::detect() {
        measured.push(quality::measure(voikko)?);
    }
    measured.push(quality::measure(Morphology::Snowball)?);
    Ok(measured)
}

/// Whether `quality` meets its path's goals, and the goals in words.
pub fn verdict(quality: &SearchQuality) -> (bool, &'static str) {
    if quality.morphology == Morphology::Snowball.name() {
        (quality.recall >= SNOWBALL_RECALL, "recall ≥ 90 %")
    } else {
        (quality.recall >= VOIKKO_RECALL && quality.precision >= VOIKKO_PRECISION, "recall ≥ 98 %, precision ≥ 95 %")
    }
}
