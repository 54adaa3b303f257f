//! The store's idle upkeep (`lupaus_store::maintenance`): the WAL checkpoint and the search
//! index's merge steps run here, between saves, so that no save pays for them. A look every
//! 20 seconds; the upkeep runs once saves have paused for a whole look, or when many have piled
//! up without a pause, and again while it reports more to do. While no store is open (the
//! recovery screen is up) there is nothing to do.

use std::time::Duration;

use lupaus_store::StoreError;
use tauri::{AppHandle, Manager};

use crate::state::{AppState, StoreUnavailable};

const LOOK_EVERY: Duration = Duration::from_secs(20);
/// Saves after which the upkeep runs even without a pause: the WAL then holds ~1,500 pages
/// (6 MiB), far below the store's backstop where SQLite would checkpoint inside a save, and the
/// search index fewer new segments than the 64 at which FTS5 would merge inside a save.
const UPKEEP_AFTER_SAVES: u64 = 48;

pub fn start(app: &AppHandle) {
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        let mut last = Look::default();
        loop {
            tokio::time::sleep(LOOK_EVERY).await;
            let handle = app.clone();
            match tauri::async_runtime::spawn_blocking(move || look(&handle, last)).await {
                Ok(Ok(next)) => last = next,
                Ok(Err(error)) => tracing::warn!(%error, "the idle upkeep failed; it runs again at the next look"),
                Err(error) => tracing::warn!(%error, "the idle upkeep task failed"),
            }
        }
    });
}

/// What the previous look saw: the store's save count then, and whether upkeep had more to do.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Look {
    saves: u64,
    more_to_do: bool,
}

/// Why a look could not run the upkeep; logged, and the next look tries again.
#[derive(Debug, thiserror::Error)]
enum UpkeepFailure {
    #[error(transparent)]
    Unavailable(#[from] StoreUnavailable),
    #[error(transparent)]
    Store(#[from] StoreError),
}

fn look(app: &AppHandle, last: Look) -> Result<Look, UpkeepFailure> {
    let shared = app.state::<AppState>().shared_desk();
    let mut desk = match shared.lock() {
        Ok(desk) => desk,
        Err(StoreUnavailable::NotOpen) => return Ok(Look::default()),
        Err(error) => return Err(error.into()),
    };
    let saves = desk.writes_since_upkeep();
    if !upkeep_due(saves, last) {
        return Ok(Look { saves, more_to_do: false });
    }
    let upkeep = desk.run_idle_upkeep()?;
    tracing::debug!(?upkeep, "idle upkeep");
    Ok(Look { saves: 0, more_to_do: upkeep.more_to_do() })
}

/// Saves have paused (none since the last look), or many piled up, or the last run left work.
fn upkeep_due(saves: u64, last: Look) -> bool {
    last.more_to_do || (saves > 0 && (saves == last.saves || saves >= UPKEEP_AFTER_SAVES))
}

#[cfg(test)]
mod tests {
    use super::{Look, UPKEEP_AFTER_SAVES, upkeep_due};

    #[test]
    fn upkeep_waits_for_a_pause_in_saving() {
        let quiet = |saves| Look { saves, more_to_do: false };
        assert!(!upkeep_due(0, quiet(0)), "nothing saved, nothing to do");
        assert!(!upkeep_due(3, quiet(0)), "saves are still coming in");
        assert!(upkeep_due(3, quiet(3)), "no save since the last look");
        assert!(upkeep_due(UPKEEP_AFTER_SAVES, quiet(10)), "too many saves without a pause");
        assert!(upkeep_due(0, Look { saves: 0, more_to_do: true }), "the merge has more to do");
    }
}
