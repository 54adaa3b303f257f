//! Phone numbers as spreadsheets leave them: `040 123 4567`, `+358 40 123 4567`, and the
//! numbers Excel or LibreOffice made of them (`358401234567`, `401234567`: the `+` and the
//! leading zero gone). Read with the `phonenumber` crate, a port of Google's libphonenumber,
//! so that what can exist is decided by its metadata, not by rules written here. Stored as
//! E.164 (`+358401234567`), shown grouped the Finnish way.

use phonenumber::Mode;
use phonenumber::country::Id;

use super::values::CellProblem;

/// Finland, whose numbers a Finnish desk's sheet holds unless it says otherwise.
const HOME: Id = Id::FI;

/// The number in a cell as E.164, or why it cannot be one.
pub fn phone(text: &str) -> Result<String, CellProblem> {
    let text = text.trim();
    let refused = || CellProblem::NotAPhoneNumber(text.to_owned());
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    let only_digits = !digits.is_empty() && text.chars().all(|c| c.is_ascii_digit() || c.is_whitespace());
    // A spreadsheet made a number of it: `358401234567` lost its `+`, `401234567` its zero.
    let candidates: Vec<String> = if only_digits && !text.starts_with('0') {
        vec![format!("+{digits}"), format!("0{digits}")]
    } else {
        vec![text.to_owned()]
    };
    candidates
        .iter()
        .filter_map(|candidate| phonenumber::parse(Some(HOME), candidate).ok())
        .find(phonenumber::is_valid)
        .map(|number| number.format().mode(Mode::E164).to_string())
        .ok_or_else(refused)
}

/// An E.164 number as a Finn writes it: `+358 40 123 4567`; a foreign number in its own
/// country's international format. Anything unreadable is shown as stored.
pub fn display(e164: &str) -> String {
    let Ok(number) = phonenumber::parse(None, e164) else { return e164.to_owned() };
    let international = number.format().mode(Mode::International).to_string();
    if number.country().id() != Some(HOME) {
        return international;
    }
    // libphonenumber writes Finnish numbers `+358 40 1234567`; Finns write the subscriber
    // number with its last four digits apart: `123 4567`, `1234 5678`.
    let mut parts: Vec<&str> = international.split(' ').collect();
    let Some(subscriber) = parts.pop().filter(|_| parts.len() >= 2) else { return international };
    let mut grouped = parts.join(" ");
    for group in groups(subscriber) {
        grouped.push(' ');
        grouped.push_str(group);
    }
    grouped
}

fn groups(digits: &str) -> Vec<&str> {
    match digits.len() {
        0..=4 => vec![digits],
        5..=6 => vec![&digits[..3], &digits[3..]],
        length => vec![&digits[..length - 4], &digits[length - 4..]],
    }
}

#[cfg(test)]
mod tests {
    use rstest::rstest;

    use super::*;

    #[rstest]
    #[case::excel_dropped_the_plus("358401234567", "+358401234567")]
    #[case::excel_dropped_the_zero("401234567", "+358401234567")]
    #[case::as_typed("040 123 4567", "+358401234567")]
    #[case::international("+358 40 123 4567", "+358401234567")]
    #[case::double_zero("00358 40 123 4567", "+358401234567")]
    #[case::landline("09 1234 5678", "+358912345678")]
    #[case::swedish("+46 70 123 45 67", "+46701234567")]
    fn spreadsheet_numbers_come_back_as_phone_numbers(#[case] cell: &str, #[case] e164: &str) {
        assert_eq!(phone(cell), Ok(e164.to_owned()));
    }

    #[rstest]
    #[case("12345")]
    #[case("040 12")]
    #[case("puhelin")]
    #[case("+358 00 000 0000")]
    fn impossible_numbers_are_refused(#[case] cell: &str) {
        assert_eq!(phone(cell), Err(CellProblem::NotAPhoneNumber(cell.to_owned())));
    }

    #[test]
    fn finnish_numbers_are_shown_the_finnish_way() {
        assert_eq!(display("+358401234567"), "+358 40 123 4567");
        assert_eq!(display("+358912345678"), "+358 9 1234 5678");
        assert_eq!(display("+46701234567"), "+46 70 123 45 67");
    }
}
