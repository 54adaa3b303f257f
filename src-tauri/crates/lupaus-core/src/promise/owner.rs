//! Who may own a promise: someone the desk reminds. An owner typed freely ("Kalle Tuntematon")
//! would never be reminded, so the owner must be one of the desk's active people, or the person
//! at the keyboard (a desk that has not listed its people yet still works for them).

use crate::CoreError;
use crate::case::MAX_SHORT_CHARS;
use crate::reason::{self as why, Reason};
use crate::text;

/// The trimmed owner if they may own a promise; `active` are the desk's active people and
/// `actor` is the person recording the change.
pub fn check_owner(field: &str, owner: &str, actor: &str, active: &[String]) -> Result<String, CoreError> {
    let owner = text::required(field, owner, MAX_SHORT_CHARS)?;
    if owner == actor.trim() || active.contains(&owner) {
        return Ok(owner);
    }
    Err(CoreError::invalid_because(
        field,
        Reason::new(why::OWNER_NOT_ACTIVE).with("name", &owner),
        format!(
            "{owner} is not an active person at this desk, so nobody would be reminded. \
             Choose the owner from the desk's people (a team lead adds new people in Settings)."
        ),
    ))
}

#[cfg(test)]
mod tests {
    use rstest::rstest;

    use super::*;

    fn people() -> Vec<String> {
        vec!["Aino".to_owned(), "Leena".to_owned()]
    }

    #[rstest]
    #[case::listed(" Leena ", "Aino", Ok("Leena"))]
    #[case::the_person_at_the_keyboard("Ville", "Ville", Ok("Ville"))]
    #[case::unknown("Kalle Tuntematon", "Aino", Err(why::OWNER_NOT_ACTIVE))]
    #[case::deactivated_or_unlisted("Pekka", "Aino", Err(why::OWNER_NOT_ACTIVE))]
    #[case::empty("  ", "Aino", Err(why::REQUIRED))]
    fn owners_come_from_the_desk(#[case] owner: &str, #[case] actor: &str, #[case] expected: Result<&str, &str>) {
        let got = check_owner("owner", owner, actor, &people());
        match expected {
            Ok(name) => assert_eq!(got.expect("accepted"), name),
            Err(reason) => {
                let error = got.expect_err("refused");
                assert_eq!((error.reason(), error.field()), (Some(reason), Some("owner")));
            }
        }
    }

    #[test]
    fn the_refusal_names_the_person_and_what_to_do() {
        let error = check_owner("owner", "Kalle Tuntematon", "Aino", &people()).expect_err("refused");
        assert_eq!(error.params(), vec![("name", "Kalle Tuntematon".to_owned())]);
        assert!(error.to_string().contains("Choose the owner"), "{error}");
    }
}
