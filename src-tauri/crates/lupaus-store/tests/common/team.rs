//! Team mode without a network: a desk that joined a team, and one ordered log standing in for
//! the server's commit order (the real server is tested in lupaus-sync).

use lupaus_store::Store;
use lupaus_store::team::{PulledBatch, SyncEvent};

use super::helsinki;

pub struct Desk {
    pub store: Store,
    pub read: usize,
    _dir: tempfile::TempDir,
}

pub fn desk(code: &str) -> Desk {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("lupaus.db")).expect("open");
    store.join_team("postgres://test", code, code, helsinki(2026, 11, 2, 8, 0)).expect("join");
    Desk { store, read: 0, _dir: dir }
}

pub fn push(desk: &mut Desk, server: &mut Vec<SyncEvent>) -> usize {
    let batch = desk.store.outbox(1000).expect("outbox");
    for event in &batch.events {
        if !server.iter().any(|held| held.event_id == event.event_id) {
            server.push(event.clone());
        }
    }
    desk.store.mark_pushed(&batch).expect("mark");
    batch.events.len()
}

pub fn pull(desk: &mut Desk, server: &[SyncEvent]) -> lupaus_store::team::Applied {
    let batch = PulledBatch {
        epoch: "test".into(),
        events: server[desk.read..].to_vec(),
        cursor: Some(("0".into(), server.len() as i64)),
    };
    desk.read = server.len();
    desk.store.apply_pulled(&batch, helsinki(2026, 11, 2, 12, 0)).expect("apply")
}
