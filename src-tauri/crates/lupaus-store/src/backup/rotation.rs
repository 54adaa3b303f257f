//! Which scheduled backups exist (by their names) and which the 7-daily/4-weekly policy keeps.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDateTime};

use super::{KEEP_DAILY, KEEP_WEEKLY, NAME_PREFIX, NAME_SUFFIX, NAME_TIME_FORMAT, TAG_LEN};
use crate::StoreError;

/// Deletes the scheduled backups of the database `tag` names that the policy no longer keeps;
/// returns what it deleted. Another database's backups in the same folder are never touched.
pub fn rotate(dir: &Path, tag: &str) -> Result<Vec<PathBuf>, StoreError> {
    let backups = scheduled_backups(dir, Some(tag))?;
    let keep = kept(&backups.iter().map(|(taken, _)| *taken).collect::<Vec<_>>());
    let mut removed = Vec::new();
    for (taken, path) in backups {
        if !keep.contains(&taken) {
            std::fs::remove_file(&path)?;
            tracing::info!(path = %path.display(), "old backup rotated out");
            removed.push(path);
        }
    }
    Ok(removed)
}

/// Which backup times the policy keeps: the newest of each of the last [`KEEP_DAILY`] days and of
/// each of the last [`KEEP_WEEKLY`] ISO weeks (days and weeks that have a backup).
fn kept(taken: &[NaiveDateTime]) -> BTreeSet<NaiveDateTime> {
    let mut newest_first = taken.to_vec();
    newest_first.sort_unstable_by(|a, b| b.cmp(a));
    let mut keep = BTreeSet::new();
    let mut days = Vec::new();
    let mut weeks = Vec::new();
    for time in newest_first {
        let day = time.date();
        if !days.contains(&day) && days.len() < KEEP_DAILY {
            days.push(day);
            keep.insert(time);
        }
        let week = day.iso_week();
        let week = (week.year(), week.week());
        if !weeks.contains(&week) && weeks.len() < KEEP_WEEKLY {
            weeks.push(week);
            keep.insert(time);
        }
    }
    keep
}

/// Scheduled backups in `dir` (by name), oldest first: of the database `tag` names, or every
/// one (also those named before backups carried their database's tag). A missing folder has none.
pub(crate) fn scheduled_backups(dir: &Path, tag: Option<&str>) -> Result<Vec<(NaiveDateTime, PathBuf)>, StoreError> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(error) => return Err(error.into()),
    };
    let mut found = Vec::new();
    for entry in entries {
        let entry = entry?;
        if let Some((named_tag, taken)) = entry.file_name().to_str().and_then(parse_name)
            && tag.is_none_or(|tag| named_tag == Some(tag))
            && entry.file_type()?.is_file()
        {
            found.push((taken, entry.path()));
        }
    }
    found.sort();
    Ok(found)
}

/// The database tag and the time in a scheduled backup's name: `lupaus-<tag>-<time>.db`, or
/// `lupaus-<time>.db` from before backups carried their database's tag.
pub(super) fn parse_name(name: &str) -> Option<(Option<&str>, NaiveDateTime)> {
    let rest = name.strip_prefix(NAME_PREFIX)?.strip_suffix(NAME_SUFFIX)?;
    let (tag, stamp) = match rest.split_once('-') {
        Some((tag, stamp)) if tag.len() == TAG_LEN && tag.bytes().all(|b| b.is_ascii_hexdigit()) => (Some(tag), stamp),
        _ => (None, rest),
    };
    Some((tag, NaiveDateTime::parse_from_str(stamp, NAME_TIME_FORMAT).ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").expect("time")
    }

    #[test]
    fn rotation_keeps_seven_days_and_four_weeks() {
        // One backup a day (two on the newest day) for 60 days, ending Monday 2026-11-23.
        let mut taken: Vec<NaiveDateTime> =
            (0..60).map(|back| at("2026-11-23 09:00") - chrono::TimeDelta::days(back)).collect();
        taken.push(at("2026-11-23 15:00"));
        let keep = kept(&taken);
        let days: BTreeSet<_> = keep.iter().map(|time| time.date()).collect();
        // The newest 7 days (17.–23.11.) plus the newest of the ISO weeks before them (Sundays).
        let expected: BTreeSet<_> =
            ["2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20", "2026-11-21", "2026-11-22", "2026-11-23"]
                .iter()
                .chain(["2026-11-15", "2026-11-08"].iter())
                .map(|day| day.parse().expect("date"))
                .collect();
        assert_eq!(days, expected);
        assert!(keep.contains(&at("2026-11-23 15:00")) && !keep.contains(&at("2026-11-23 09:00")), "newest of a day");
    }

    #[test]
    fn a_long_pause_keeps_the_last_backups() {
        let taken = vec![at("2026-01-05 09:00"), at("2026-01-06 09:00"), at("2026-11-23 09:00")];
        assert_eq!(kept(&taken).len(), 3);
    }

    #[test]
    fn only_scheduled_names_are_recognised() {
        assert_eq!(parse_name("lupaus-2026-11-23-090000.db"), Some((None, at("2026-11-23 09:00"))));
        assert_eq!(
            parse_name("lupaus-0123456789ab-2026-11-23-090000.db"),
            Some((Some("0123456789ab"), at("2026-11-23 09:00")))
        );
        assert_eq!(parse_name("lupaus.db"), None);
        assert_eq!(parse_name("lupaus-2026-11-23-090000.db.partial"), None);
        assert_eq!(parse_name("notes-2026-11-23-090000.db"), None);
    }
}
