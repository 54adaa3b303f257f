//! The daily backup: one at start (if today has none yet) and a look every hour while the app
//! runs. The store makes at most one backup per local day and rotates old ones.

use std::time::Duration;

use tauri::{AppHandle, Manager};

use crate::state::AppState;

const LOOK_EVERY: Duration = Duration::from_secs(60 * 60);

pub fn start(app: &AppHandle) {
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        loop {
            let handle = app.clone();
            let outcome = tauri::async_runtime::spawn_blocking(move || {
                let state = handle.state::<AppState>();
                let store = state.store().map_err(|error| error.message)?;
                let dir = store.path().parent().map(|dir| dir.to_path_buf()).unwrap_or_default();
                lupaus_store::backup::run_scheduled(&store, &dir, state.clock.now()).map_err(|error| error.to_string())
            })
            .await;
            match outcome {
                Ok(Ok(Some(path))) => tracing::info!(path = %path.display(), "daily backup written and verified"),
                Ok(Ok(None)) => {}
                Ok(Err(error)) => tracing::warn!(%error, "the daily backup failed; will try again in an hour"),
                Err(error) => tracing::warn!(%error, "the daily backup task failed"),
            }
            tokio::time::sleep(LOOK_EVERY).await;
        }
    });
}
