//! Team mode's local steps (issue 16), for the sync loop and the `team` commands: membership,
//! the outbox, applying what was pulled, status and digest. The network side is lupaus-sync,
//! a host like the window and the CLI: it moves events and calls these.

use lupaus_store::StoreError;
use lupaus_store::attachments::{RemoteFile, StoredFile};
use lupaus_store::team::{Applied, Cursor, DeskSeen, Membership, OutboxBatch, PulledBatch, SyncStatus, TeamDigest};

use crate::{Change, Desk};

impl Desk {
    /// The team this desk is in, if any.
    pub fn team(&self) -> Result<Option<Membership>, StoreError> {
        self.store.team()
    }

    /// Records that this desk joined the team at `server_url` as `desk_name` (reference code
    /// `desk_code`); its history so far becomes pending for the server.
    pub fn join_team(&mut self, server_url: &str, desk_name: &str, desk_code: &str) -> Result<Membership, StoreError> {
        self.join_team_trusting(server_url, desk_name, desk_code, None)
    }

    /// [`Desk::join_team`] for a team whose server's certificate comes from its own certificate
    /// authority: `ca_file` (PEM) is kept with the membership and trusted for that server.
    pub fn join_team_trusting(
        &mut self,
        server_url: &str,
        desk_name: &str,
        desk_code: &str,
        ca_file: Option<&str>,
    ) -> Result<Membership, StoreError> {
        let now = self.now();
        let joined = self.store.join_team_trusting(server_url, desk_name, desk_code, ca_file, now)?;
        tracing::info!(desk = %joined.desk_code, server = %joined.server_url, "joined a team");
        // The desk's own references now carry its code.
        self.tell(Change::Cases);
        Ok(joined)
    }

    /// Works alone again, keeping everything.
    pub fn leave_team(&mut self) -> Result<bool, StoreError> {
        self.store.leave_team()
    }

    pub fn sync_status(&self) -> Result<SyncStatus, StoreError> {
        self.store.sync_status()
    }

    pub fn events_on_server(&self) -> Result<i64, StoreError> {
        self.store.events_on_server()
    }

    pub fn team_digest(&self) -> Result<TeamDigest, StoreError> {
        self.store.team_digest()
    }

    pub fn sync_cursor(&self) -> Result<Option<Cursor>, StoreError> {
        self.store.sync_cursor()
    }

    /// The server's history changed under the desk (restored from a backup): start over.
    pub fn restart_sync(&mut self, epoch: &str) -> Result<(), StoreError> {
        self.store.restart_sync(epoch)
    }

    /// Up to `limit` of this desk's events the server does not have yet.
    pub fn outbox(&mut self, limit: usize) -> Result<OutboxBatch, StoreError> {
        self.store.outbox(limit)
    }

    /// The server committed `batch`.
    pub fn mark_pushed(&mut self, batch: &OutboxBatch) -> Result<(), StoreError> {
        self.store.mark_pushed(batch)
    }

    /// Applies events pulled from the server; lists, promises and reminders hear of it.
    pub fn apply_pulled(&mut self, batch: &PulledBatch) -> Result<Applied, StoreError> {
        let now = self.now();
        let applied = self.store.apply_pulled_at(batch, now, &self.person)?;
        if applied.touched_cases > 0 || applied.settings_changed {
            self.tell(Change::Cases);
            self.tell(Change::Promises);
        }
        if applied.people_or_settings {
            self.tell(Change::People);
            self.tell(Change::Settings);
        }
        Ok(applied)
    }

    /// The server's list of the team's desks and when each last synced, read by a round now.
    pub fn record_desks_seen(&mut self, desks: &[DeskSeen]) -> Result<(), StoreError> {
        let now = self.now();
        self.store.record_desks_seen(desks, now)
    }

    /// A sync round finished now.
    pub fn note_synced(&mut self) -> Result<(), StoreError> {
        let now = self.now();
        self.store.note_synced(now)
    }

    /// Where this desk keeps files with hash `sha256`, for the team server; read them off the
    /// desk's lock (`lupaus_store::attachments::verified_file`).
    pub fn attachment_files(&self, sha256: &str) -> Result<Vec<StoredFile>, StoreError> {
        self.store.attachment_files(sha256)
    }

    /// The folder that holds this desk's attachment files.
    pub fn attachments_dir(&self) -> Result<std::path::PathBuf, StoreError> {
        self.store.attachments_dir()
    }

    /// What to fetch from the team server before attachment `id` opens; `None` when it is here.
    pub fn attachment_to_fetch(&self, id: i64) -> Result<Option<RemoteFile>, StoreError> {
        self.store.attachment_to_fetch(id)
    }

    /// Records that a fetched, checked file (`write_fetched`) holds attachment `id`.
    pub fn adopt_fetched(&mut self, id: i64, stored_name: &str) -> Result<(), StoreError> {
        self.store.adopt_fetched(id, stored_name)?;
        self.tell(Change::Cases);
        Ok(())
    }
}
