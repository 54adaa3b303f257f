//! Attachments' bytes on the team server (issue 16). Content-addressed: `lupaus_files` holds
//! each file once under its SHA-256, which the server checks. A round uploads the files its
//! outbox batch names before the batch's events, so no desk hears of a file the server lacks;
//! a file already there is not sent again, and a second upload of it is absorbed by the key.
//! Another desk lists the file at once and fetches its bytes when someone first opens it; the
//! desk checks them against the size and hash the event carried before keeping them.

use lupaus_store::attachments::{verified_file, write_fetched};
use lupaus_store::team::{SyncEvent, SyncLog, TeamFact};
use tokio_postgres::Client;

use crate::access::DeskAccess;
use crate::{SyncError, round};

/// The file an `attachment_added` event names: its hash and media type.
fn named_file(event: &SyncEvent) -> Option<(String, String)> {
    if event.log != SyncLog::Attachment {
        return None;
    }
    match serde_json::from_str(&event.record).ok()? {
        TeamFact::AttachmentAdded { sha256, media_type, .. } => Some((sha256, media_type)),
        _ => None,
    }
}

/// Uploads every file `events` name that the server does not hold yet; returns how many.
/// A file this desk no longer holds (deleted by anonymisation, lost) is left out: its event
/// still travels, and a desk that opens it is told the server does not have it.
pub(crate) async fn upload_named(
    desk: &mut impl DeskAccess,
    client: &Client,
    server: &str,
    desk_code: &str,
    events: &[SyncEvent],
) -> Result<u64, SyncError> {
    let pg = |error| SyncError::from_postgres(server, error);
    let mut uploaded = 0;
    for (sha256, media_type) in events.iter().filter_map(named_file) {
        if client.query_opt("SELECT 1 FROM lupaus_files WHERE sha256 = $1", &[&sha256]).await.map_err(pg)?.is_some() {
            continue;
        }
        let wanted = sha256.clone();
        let (dir, files) =
            desk.with(move |desk| Ok((desk.attachments_dir()?, desk.attachment_files(&wanted)?))).await?;
        // Read and hashed off the desk's lock: a save does not wait for a 25 MB file.
        let found = crate::access::blocking(move || Ok(verified_file(&dir, &files))).await?;
        let Some(bytes) = found else {
            tracing::warn!(sha256 = %sha256, "an attachment's file is not on this desk; its event goes up without it");
            continue;
        };
        uploaded += client
            .execute(
                "INSERT INTO lupaus_files (sha256, size_bytes, media_type, bytes, desk) VALUES ($1, $2, $3, $4, $5)
                 ON CONFLICT (sha256) DO NOTHING",
                &[&sha256, &(bytes.len() as i64), &media_type, &bytes, &desk_code],
            )
            .await
            .map_err(pg)?;
    }
    Ok(uploaded)
}

/// Makes attachment `id` openable on this desk: when its bytes are not here yet, fetches them
/// from the team server and keeps them once they match the file's size and SHA-256. Offline,
/// or when the server's copy is missing or does not match, nothing on the desk changes.
/// Returns whether it fetched.
pub async fn fetch_attachment(desk: &mut impl DeskAccess, id: i64) -> Result<bool, SyncError> {
    let Some(file) = desk.with(move |desk| desk.attachment_to_fetch(id)).await? else { return Ok(false) };
    let Some((address, code, secret)) = round::login(desk).await? else {
        return Err(SyncError::FileNotOnServer(file.file_name));
    };
    let client = address.connect_desk(&code, &secret).await?;
    let row = client
        .query_opt("SELECT bytes FROM lupaus_files WHERE sha256 = $1", &[&file.sha256])
        .await
        .map_err(|error| SyncError::from_postgres(address.shown(), error))?;
    let Some(row) = row else { return Err(SyncError::FileNotOnServer(file.file_name)) };
    let bytes: Vec<u8> = row.get(0);
    // Checked and written (and synced) off the desk's lock; only the row's update takes it.
    let dir = desk.with(|desk| desk.attachments_dir()).await?;
    let stored_name = crate::access::blocking(move || Ok(write_fetched(&dir, id, &file, &bytes)?)).await?;
    desk.with(move |desk| desk.adopt_fetched(id, &stored_name)).await?;
    Ok(true)
}
