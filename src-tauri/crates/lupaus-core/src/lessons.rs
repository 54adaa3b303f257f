//! Learning from hard cases. Anyone may mark a case for a debrief (a hard or escalated
//! encounter: staff need support afterwards); only a team lead records what the desk learned,
//! and every lesson is readable by all agents.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::case::MAX_TEXT_CHARS;
use crate::lifecycle::{Actor, Role};
use crate::reason::{self as why, Reason, RefusalCode};
use crate::{CoreError, text};

/// A request to talk a case through, or a lesson a lead recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum LessonEntry {
    DebriefRequested { reason: String },
    LessonRecorded { text: String },
}

impl LessonEntry {
    /// Checks the text and who may write it.
    pub fn validate(self, by: &Actor) -> Result<LessonEntry, CoreError> {
        match self {
            LessonEntry::DebriefRequested { reason } => {
                Ok(LessonEntry::DebriefRequested { reason: text::required("reason", &reason, MAX_TEXT_CHARS)? })
            }
            LessonEntry::LessonRecorded { text: lesson } => {
                if by.role != Role::Lead {
                    return Err(CoreError::refused(
                        RefusalCode::LeadOnly,
                        Reason::new(why::LEAD_RECORDS_LESSONS),
                        "Only a team lead records the desk's lessons. Mark the case for a debrief instead, and your lead will pick it up.",
                    ));
                }
                Ok(LessonEntry::LessonRecorded { text: text::required("text", &lesson, MAX_TEXT_CHARS)? })
            }
        }
    }
}

/// One stored entry with its case, for the lessons list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Lesson {
    pub id: i64,
    pub case_id: i64,
    pub case_reference: String,
    pub entry: LessonEntry,
    pub by: String,
    pub at: DateTime<Utc>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agents_request_debriefs_and_leads_record_lessons() {
        let request = LessonEntry::DebriefRequested { reason: "Asiakas huusi puhelimessa".into() };
        assert!(request.validate(&Actor::agent("Aino")).is_ok());
        let lesson = LessonEntry::LessonRecorded { text: "Soita takaisin rauhallisena hetkenä".into() };
        assert_eq!(lesson.clone().validate(&Actor::agent("Aino")).expect_err("agent").code(), "lead_only");
        assert!(lesson.validate(&Actor::lead("Leena")).is_ok());
        let empty = LessonEntry::DebriefRequested { reason: "  ".into() };
        assert_eq!(empty.validate(&Actor::agent("Aino")).expect_err("empty").field(), Some("reason"));
    }
}
