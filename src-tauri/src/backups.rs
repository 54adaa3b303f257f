//! The daily backup: a first look soon after start (if today has none yet) and a look every hour
//! while the app runs. The store makes at most one backup per local day and rotates old ones.
//! While no store is open (the recovery screen is up) it waits, and looks at once when a restore
//! opens one.
//!
//! A backup copies and verifies the whole file: minutes for a million cases (7.4 GiB). So it reads
//! through its own connection, never holding the app's store (every command would wait for it),
//! and the first look waits until start-up is over (issue 8, docs/measurements.md).

use std::time::Duration;

use tauri::{AppHandle, Manager};

use crate::state::{AppState, StoreUnavailable};

const LOOK_EVERY: Duration = Duration::from_secs(60 * 60);
/// The first look waits this long, so the window, the first case list and the reminder pass never
/// compete with copying the file for the disk. A desk app runs for hours, so today's backup is
/// still made.
const FIRST_LOOK_AFTER: Duration = Duration::from_secs(2 * 60);

pub fn start(app: &AppHandle) {
    let app = app.clone();
    let mut opened = app.state::<AppState>().watch_store_opened();
    tauri::async_runtime::spawn(async move {
        tokio::time::sleep(FIRST_LOOK_AFTER).await;
        loop {
            if *opened.borrow_and_update() > 0 {
                backup_if_due(&app).await;
            }
            tokio::select! {
                () = tokio::time::sleep(LOOK_EVERY) => {}
                changed = opened.changed() => if changed.is_err() { return },
            }
        }
    });
}

async fn backup_if_due(app: &AppHandle) {
    let handle = app.clone();
    let outcome = tauri::async_runtime::spawn_blocking(move || {
        let state = handle.state::<AppState>();
        if state.problem().is_some() {
            return Ok(None); // A damaged file would not verify as a backup; the person is told.
        }
        // The app's store is locked only to see that one is open; the copy reads on its own.
        match state.shared_desk().lock() {
            Ok(_) => {}
            Err(StoreUnavailable::NotOpen) => return Ok(None),
            Err(error) => return Err(error.to_string()),
        }
        lupaus_desk::daily_backup(state.db_path(), state.clock.now()).map_err(|error| error.to_string())
    })
    .await;
    match outcome {
        Ok(Ok(Some(path))) => tracing::info!(path = %path.display(), "daily backup written and verified"),
        Ok(Ok(None)) => {}
        Ok(Err(error)) => tracing::warn!(%error, "the daily backup failed; will try again in an hour"),
        Err(error) => tracing::warn!(%error, "the daily backup task failed"),
    }
}

#[cfg(test)]
mod tests {
    use std::sync::{Mutex, mpsc};
    use std::time::Duration;

    use chrono::DateTime;
    use lupaus_store::Store;

    /// The app's store stays locked (as by a long command) for the whole backup, and the backup is
    /// still written and verified: a backup never makes the window wait, nor waits for it.
    #[test]
    fn the_daily_backup_needs_no_lock_on_the_apps_store() {
        let dir = tempfile::tempdir().expect("temp dir");
        let db_path = dir.path().join("lupaus.db");
        let app_store = Mutex::new(Store::open(&db_path).expect("open"));
        let _held = app_store.lock().expect("lock");
        let (sender, received) = mpsc::channel();
        let path = db_path.clone();
        let now = DateTime::parse_from_rfc3339("2026-11-23T10:00:00Z").expect("time").to_utc();
        std::thread::spawn(move || sender.send(lupaus_desk::daily_backup(&path, now)));
        let written = received
            .recv_timeout(Duration::from_secs(30))
            .expect("the backup finishes while the app's store is locked")
            .expect("backup")
            .expect("today had no backup yet");
        assert!(lupaus_store::backup::verify(&written).verified, "the backup verifies");
        assert_eq!(lupaus_desk::daily_backup(&db_path, now).expect("second look"), None, "one a day");
    }
}
