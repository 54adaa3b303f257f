//! The complaint record at intake: what the customer told us and what they ask for.
//!
//! Later stages (remedy, root cause, closing) live in [`crate::lifecycle`].

use chrono::{DateTime, Datelike, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::reason::{self as why, Reason};
use crate::{CoreError, text};

/// Longest free text we accept in one field (a long e-mail pasted in).
pub const MAX_TEXT_CHARS: usize = 20_000;
/// Longest short field: names, references, categories.
pub const MAX_SHORT_CHARS: usize = 200;

/// How the complaint reached the desk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Phone,
    Counter,
    Email,
    Chat,
    WebForm,
    Letter,
}

impl Channel {
    pub const ALL: [Channel; 6] =
        [Channel::Phone, Channel::Counter, Channel::Email, Channel::Chat, Channel::WebForm, Channel::Letter];

    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Phone => "phone",
            Channel::Counter => "counter",
            Channel::Email => "email",
            Channel::Chat => "chat",
            Channel::WebForm => "web_form",
            Channel::Letter => "letter",
        }
    }

    pub fn parse(value: &str) -> Result<Channel, CoreError> {
        Channel::ALL.into_iter().find(|channel| channel.as_str() == value).ok_or_else(|| {
            CoreError::invalid_because(
                "channel",
                Reason::new(why::UNKNOWN_CHOICE).with("value", value),
                format!("Unknown channel '{value}'; use one of phone, counter, email, chat, web_form, letter."),
            )
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    Low,
    Normal,
    High,
    Urgent,
}

impl Priority {
    pub const ALL: [Priority; 4] = [Priority::Low, Priority::Normal, Priority::High, Priority::Urgent];

    pub fn as_str(self) -> &'static str {
        match self {
            Priority::Low => "low",
            Priority::Normal => "normal",
            Priority::High => "high",
            Priority::Urgent => "urgent",
        }
    }

    pub fn parse(value: &str) -> Result<Priority, CoreError> {
        Priority::ALL.into_iter().find(|priority| priority.as_str() == value).ok_or_else(|| {
            CoreError::invalid_because(
                "priority",
                Reason::new(why::UNKNOWN_CHOICE).with("value", value),
                format!("Unknown priority '{value}'; use one of low, normal, high, urgent."),
            )
        })
    }
}

/// The customer as typed at intake. Matching to an existing customer happens in the store.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CustomerInput {
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub customer_number: Option<String>,
}

/// What an agent submits to open a case. Validate it with [`NewCase::validate`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct NewCase {
    pub channel: Channel,
    pub customer: CustomerInput,
    /// Product, order or invoice reference.
    pub product_ref: Option<String>,
    /// What happened, in the customer's own words.
    pub description: String,
    /// The remedy the customer asks for, recorded at receipt.
    pub requested_remedy: String,
    pub priority: Priority,
    pub category: Option<String>,
    pub tags: Vec<String>,
    /// Whether the customer was told the case was received and given its reference.
    pub acknowledged: bool,
    /// The reference an earlier system or spreadsheet gave the complaint (`Viite`), kept because
    /// the customer may quote it; search finds the case by it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub former_ref: Option<String>,
}

/// A [`NewCase`] whose text is trimmed and within limits. Only [`NewCase::validate`] makes one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidNewCase(NewCase);

impl ValidNewCase {
    pub fn get(&self) -> &NewCase {
        &self.0
    }
}

impl NewCase {
    pub fn validate(self) -> Result<ValidNewCase, CoreError> {
        let customer = CustomerInput {
            name: text::required("customer.name", &self.customer.name, MAX_SHORT_CHARS)?,
            email: text::optional("customer.email", self.customer.email.as_deref(), MAX_SHORT_CHARS)?,
            phone: text::optional("customer.phone", self.customer.phone.as_deref(), MAX_SHORT_CHARS)?,
            customer_number: text::optional(
                "customer.customer_number",
                self.customer.customer_number.as_deref(),
                MAX_SHORT_CHARS,
            )?,
        };
        if let Some(email) = &customer.email
            && !looks_like_email(email)
        {
            return Err(CoreError::invalid_because(
                "customer.email",
                Reason::new(why::NOT_AN_EMAIL).with("email", email),
                format!("'{email}' is not an e-mail address; check it or leave the field empty."),
            ));
        }
        let mut tags = Vec::with_capacity(self.tags.len());
        for tag in &self.tags {
            if let Some(tag) = text::optional("tags", Some(tag), MAX_SHORT_CHARS)?
                && !tags.contains(&tag)
            {
                tags.push(tag);
            }
        }
        Ok(ValidNewCase(NewCase {
            channel: self.channel,
            customer,
            product_ref: text::optional("product_ref", self.product_ref.as_deref(), MAX_SHORT_CHARS)?,
            description: text::required("description", &self.description, MAX_TEXT_CHARS)?,
            requested_remedy: text::required("requested_remedy", &self.requested_remedy, MAX_TEXT_CHARS)?,
            priority: self.priority,
            category: text::optional("category", self.category.as_deref(), MAX_SHORT_CHARS)?,
            tags,
            acknowledged: self.acknowledged,
            former_ref: text::optional("former_ref", self.former_ref.as_deref(), MAX_SHORT_CHARS)?,
        }))
    }
}

fn looks_like_email(value: &str) -> bool {
    match value.split_once('@') {
        Some((local, domain)) => !local.is_empty() && domain.contains('.') && !value.contains(char::is_whitespace),
        None => false,
    }
}

/// The human-friendly case reference, `R-2026-000123`: year received and a running number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CaseRef {
    pub year: i32,
    pub number: u32,
}

impl CaseRef {
    pub fn for_received(received_at: DateTime<Utc>, number: u32) -> Self {
        // The year follows Helsinki time: a case received on New Year's Eve at 23:30 UTC is next year's.
        let local = received_at.with_timezone(&chrono_tz::Europe::Helsinki);
        CaseRef { year: local.year(), number }
    }

    pub fn parse(value: &str) -> Result<CaseRef, CoreError> {
        let bad = || {
            CoreError::invalid_because(
                "reference",
                Reason::new(why::NOT_A_CASE_REFERENCE).with("value", value),
                format!("'{value}' is not a case reference like R-2026-000123."),
            )
        };
        let rest = value.trim().strip_prefix("R-").ok_or_else(bad)?;
        let (year, number) = rest.split_once('-').ok_or_else(bad)?;
        Ok(CaseRef { year: year.parse().map_err(|_| bad())?, number: number.parse().map_err(|_| bad())? })
    }
}

impl std::fmt::Display for CaseRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "R-{}-{:06}", self.year, self.number)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use rstest::rstest;

    fn intake() -> NewCase {
        NewCase {
            channel: Channel::Phone,
            customer: CustomerInput { name: "  Maija Meikäläinen ".into(), ..Default::default() },
            product_ref: Some("  ".into()),
            description: "Pesukone vuotaa".into(),
            requested_remedy: "Korjaus".into(),
            priority: Priority::Normal,
            category: None,
            tags: vec!["vesivahinko".into(), "vesivahinko".into(), " ".into()],
            acknowledged: true,
            former_ref: None,
        }
    }

    #[test]
    fn validation_trims_and_drops_empty_optionals() {
        let valid = intake().validate().expect("valid intake");
        assert_eq!(valid.get().customer.name, "Maija Meikäläinen");
        assert_eq!(valid.get().product_ref, None);
        assert_eq!(valid.get().tags, vec!["vesivahinko".to_string()]);
    }

    #[rstest]
    #[case::no_name(|c: &mut NewCase| c.customer.name = " ".into(), "customer.name")]
    #[case::no_description(|c: &mut NewCase| c.description = "".into(), "description")]
    #[case::no_requested_remedy(|c: &mut NewCase| c.requested_remedy = "\n".into(), "requested_remedy")]
    #[case::bad_email(|c: &mut NewCase| c.customer.email = Some("maija at example".into()), "customer.email")]
    #[case::huge_text(|c: &mut NewCase| c.description = "x".repeat(MAX_TEXT_CHARS + 1), "description")]
    fn invalid_intake_names_the_field(#[case] spoil: fn(&mut NewCase), #[case] field: &str) {
        let mut case = intake();
        spoil(&mut case);
        let error = case.validate().expect_err("must be refused");
        assert_eq!(error.code(), "invalid_input");
        assert_eq!(error.field(), Some(field));
    }

    #[test]
    fn reference_year_follows_helsinki_time() {
        let new_year_eve_utc = Utc.with_ymd_and_hms(2025, 12, 31, 22, 30, 0).unwrap();
        assert_eq!(CaseRef::for_received(new_year_eve_utc, 123).to_string(), "R-2026-000123");
        assert_eq!(CaseRef::parse("R-2026-000123").unwrap(), CaseRef { year: 2026, number: 123 });
        assert!(CaseRef::parse("2026-12").is_err());
    }
}
